// SPDX-License-Identifier: MIT
// @brief Every Xapian term prefix, value slot and metadata key of a seisaku index, once.
// docs/schema.md mirrors this file; change both together and bump schema_version.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace seisaku::schema {

/// Bump when anything below changes meaning; the searcher refuses other versions.
inline constexpr std::string_view schema_version = "12";

// Term prefixes (Omega's conventions, so xapian-delve output reads naturally).
inline constexpr std::string_view prefix_id = "Q";  ///< boolean: path as indexed (unique)
inline constexpr std::string_view prefix_stem =
    "Z";  ///< English stem / Japanese base form, no positions
inline constexpr std::string_view prefix_title = "S";     ///< title terms, with positions
inline constexpr std::string_view prefix_lang = "L";      ///< boolean: "en" or "ja"
inline constexpr std::string_view prefix_bigram = "B";    ///< Japanese character bigram
inline constexpr std::string_view prefix_compound = "C";  ///< Japanese compound as one term
inline constexpr std::string_view prefix_issuer = "I";    ///< issuer's words (issuer: filter)
inline constexpr std::string_view prefix_type = "T";      ///< boolean: document type (type:)
inline constexpr std::string_view prefix_topic = "K";     ///< boolean: one per topic (topic:)
/// A term-bank name of several words where the text has it: N + its words' terms joined by
/// spaces ("Ndata free flow with trust"), no positions (glossary/name_terms.hpp).
inline constexpr std::string_view prefix_name = "N";
/// A noun pair (analysis::is_noun_pair): P + the two terms joined by a space ("P個人 データ"),
/// wdf 0, no positions: Japanese phrases check positions only where all their pairs are.
inline constexpr std::string_view prefix_pair = "P";
/// The P term of a pair key, or "" when it would pass Xapian's term length limit.
[[nodiscard]] std::string pair_term(std::string_view pair);

/// Xapian's limit on a term's length in bytes.
inline constexpr std::size_t max_xapian_term_bytes = 245;
/// Whether `prefix` + `body` is within max_xapian_term_bytes.
[[nodiscard]] constexpr bool term_fits(std::string_view prefix, std::string_view body) noexcept {
    return prefix.size() + body.size() <= max_xapian_term_bytes;
}
/// `prefix` + `body`, or "" when that would pass max_xapian_term_bytes (N and P terms: a
/// name or pair too long for one term is not indexed, and searched another way).
[[nodiscard]] std::string bounded_term(std::string_view prefix, std::string_view body);
// Unprefixed terms: body and title words (NFKC_Casefold), with positions, for phrases.

/// Value slots; each holds a string.
enum class ValueSlot : Xapian::valueno {
    Date = 0,            ///< "YYYY-MM-DD", "YYYY-MM" or "YYYY": sorts as a string
    Lang = 1,            ///< "en" or "ja"
    TranslationKey = 2,  ///< shared with the document's translation, or empty
    Issuer = 3,          ///< as written in the metadata (facet)
    Type = 4,            ///< as written (facet)
    Topics = 5,          ///< the topics, one per line (facet)
    FileState = 6,       ///< "SIZE MTIME_NS HASH" of the file read (index/file_state.hpp):
                         ///< a re-run skips unchanged files
};

[[nodiscard]] constexpr Xapian::valueno slot(ValueSlot s) noexcept {
    return static_cast<Xapian::valueno>(s);
}

/// The boolean term of a keyword value (type, topic): prefix + case-folded value, spaces
/// as '-', at most 200 bytes: "Press release" and "press-release" are one type.
[[nodiscard]] std::string keyword_term(std::string_view prefix, std::string_view value);

/// Document data (stored_record): "key=value" lines (among them "encoding=", the encoding the
/// file was read in, text::decode()), one "heading=OFFSET LEVEL TEXT" line per
/// heading of the stored body (passages: heading paths and paragraph numbers), "body=" last.
/// The stored body (for snippets) is cut at this many bytes; the whole text is indexed.
inline constexpr std::size_t max_stored_body_bytes = 1024 * 1024;

/// The unique id term of a path. Paths whose term would pass Xapian's 245-byte limit keep
/// their first 200 bytes and a 64-bit FNV-1a hash of the whole path.
[[nodiscard]] std::string id_term(std::string_view path);

/// Title words count this many times in the unprefixed and Z terms: title above body in BM25.
inline constexpr Xapian::termcount title_wdf = 5;
/// Body positions start this far after the title's, so no phrase spans title and body.
inline constexpr Xapian::termpos body_position_gap = 100;

// Database metadata keys, written at index time and checked at open.
inline constexpr std::string_view meta_schema = "seisaku.schema";
inline constexpr std::string_view meta_analyzer = "seisaku.analyzer";
inline constexpr std::string_view meta_dictionary = "seisaku.dictionary";
inline constexpr std::string_view meta_normalization = "seisaku.normalization";
/// The NameFinder::fingerprint() of the names the N terms were made for; empty when the
/// documents were indexed with different names (a changed glossary): searches then use
/// phrases until the index is rebuilt.
inline constexpr std::string_view meta_names = "seisaku.names";
/// The word translations learned from the index's translation pairs
/// (lexicon::LearnedTranslations::encode(); index/learned_translations.hpp), re-mined by a
/// run that changed any document; absent in an index no such run wrote.
inline constexpr std::string_view meta_learned = "seisaku.learned";

// Spelling and synonym data, for "did you mean" (search/suggest.hpp).
/// English-path words of at least this many ASCII letters (a-z only) go into Xapian's
/// spelling table, counted once per document that holds them.
inline constexpr std::size_t min_spelling_letters = 3;
/// Synonym key prefix: "R" + reading key (text/transliterate.hpp: romaji, long vowels as
/// one) → the kana words and katakana compounds of that reading, as indexed.
inline constexpr std::string_view prefix_reading = "R";

}  // namespace seisaku::schema
