// SPDX-License-Identifier: MIT
// @brief A parsed query + the indexer's Analyzer + the schema → Xapian::Query: the one entry
// point, build(). The tree walk is here; words and phrases (word_terms), term-bank names
// (expansion) and filters (filters) are beside it.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "query/notes.hpp"
#include "query/query_options.hpp"
#include "query/query_syntax.hpp"
#include "query/tuning.hpp"

namespace seisaku::analysis {
class Analyzer;
}
namespace seisaku::glossary {
class TermBank;
}
namespace seisaku::lexicon {
class Lexicon;
class LearnedTranslations;
}  // namespace seisaku::lexicon

namespace seisaku::query {

/// At most this many terms after analysis; more are refused (BAD-INPUTS.md Q3).
inline constexpr std::size_t max_query_terms = 32;
/// Names of up to this many words are looked up in the term bank.
inline constexpr std::size_t max_name_words = 6;
/// A wildcard word searches at most this many indexed words, the most frequent.
inline constexpr Xapian::termcount max_wildcard_terms = 100;
/// At most this many other names are added for one clause.
inline constexpr std::size_t max_expansions_per_clause = 8;
/// Names inside one word (a Japanese compound) are looked for among its first 32 tokens, 12
/// tokens at most each: bounded work whatever the word.
inline constexpr std::size_t max_inner_scan_tokens = 32;
inline constexpr std::size_t max_inner_name_tokens = 12;

/// A word in a phrase or NEAR searches at most this many of its indexed forms (same stem or
/// base form), and looks at most this many indexed words beginning like it to find them.
inline constexpr std::size_t max_word_forms = 12;
inline constexpr std::size_t max_form_walk = 400;

/// The indexed words a wildcard prefix stands for: the index's vocabulary, as the Searcher
/// sees it.
class Vocabulary {
  public:
    virtual ~Vocabulary() = default;
    /// The words beginning with `prefix`, the most frequent first, at most
    /// max_wildcard_terms + 1 (one more says there were more).
    [[nodiscard]] virtual std::vector<std::string> words_with_prefix(
        const std::string& prefix) const = 0;
    /// How many documents hold `term` (an index term, prefix included): translations are
    /// kept only when the index holds them. None by default.
    [[nodiscard]] virtual Xapian::doccount frequency(const std::string& term) const {
        (void)term;
        return 0;
    }
    /// How many documents match `q`, counted up to `enough` at most: how senses are chosen.
    [[nodiscard]] virtual Xapian::doccount matches(const Xapian::Query& q,
                                                   Xapian::doccount enough) const {
        (void)q;
        (void)enough;
        return 0;
    }
    /// The indexed words beginning with `prefix` in byte order, at most `limit` of them: the
    /// candidates for the other forms of a word in a phrase or NEAR. None by default.
    [[nodiscard]] virtual std::vector<std::string> words_from(const std::string& prefix,
                                                              std::size_t limit) const {
        (void)prefix;
        (void)limit;
        return {};
    }
};

/// What the Searcher knows of the index and the run; the defaults build a query with no index
/// at hand (no expansion, Xapian's own wildcards).
struct QueryContext {
    /// Expand words and phrases found in this term bank with their other names; nullptr:
    /// no expansion (--no-expand).
    const glossary::TermBank* term_bank = nullptr;
    /// The index has N terms for `term_bank`'s names (its schema::meta_names is the bank's
    /// NameFinder::fingerprint()): a name of several words is searched as its N term.
    bool name_terms = false;
    /// Above 0, Japanese words also match their character bigrams (B terms) at this weight:
    /// the Searcher's fallback for a query that found nothing.
    double bigram_weight = 0;
    /// The index's words for wildcards and the frequencies translations are chosen by;
    /// nullptr: Xapian's OP_WILDCARD, and no translations.
    const Vocabulary* vocabulary = nullptr;
    /// The general lexicon words are translated through into the other language (with
    /// `term_bank` names first); nullptr: none (--no-expand).
    const lexicon::Lexicon* lexicon = nullptr;
    /// Word translations the indexer learned from this index's translation pairs, tried
    /// before the lexicon; nullptr: none.
    const lexicon::LearnedTranslations* learned = nullptr;
};

/// A raw query repaired, normalized and parsed, with what the parser repaired.
struct ParsedQuery {
    QueryNode root;
    std::vector<QueryNote> notes;
};

/// `raw` may hold any bytes: it is repaired and NFKC-normalized, then parsed. Throws
/// QueryError when it is over max_query_bytes or has nothing to search for.
[[nodiscard]] ParsedQuery parse(std::string_view raw);

/// A built query and what building it found.
struct BuiltQuery {
    Xapian::Query query;
    std::vector<Expansion> expansions;
    std::set<std::string> expansion_terms;  ///< index terms only expansion brought in
    bool used_bigrams = false;              ///< some word also matches its bigrams
    std::vector<QueryNote> notes;           ///< what the parser repaired, filters left out
    std::vector<std::string> wildcards;     ///< the prefixes of wildcard words (polic*)
    /// The query's concepts: each top-level clause that is not excluded (a word or phrase
    /// with its forms and other names) as its index terms, for re-ranking by evidence.
    std::vector<std::vector<std::string>> concepts;
};

/// Builds the Xapian query of a parsed query.
///
/// - A word searches its stem or base form (Z terms), so "policies" finds "policy" and
///   推進し finds 推進する.
/// - A word the analyzer splits (high-risk, 個人情報保護委員会, G7広島サミット) becomes a
///   phrase over the pieces: adjacent nouns and Latin words join, particles and verbs split.
/// - A quoted phrase matches its words in order, position gaps of particles included.
/// - Clauses side by side combine with the default operator (OR unless asked otherwise).
///   Function words (the, what, する) are dropped when other words remain.
/// - title: searches titles; lang:en|ja and date:2024, date:2023-04..2024 filter.
/// Throws QueryError when nothing searchable is left or there are too many terms.
[[nodiscard]] BuiltQuery build(const ParsedQuery& parsed, const analysis::Analyzer& analyzer,
                               const QueryContext& context = {}, const QueryOptions& options = {});

}  // namespace seisaku::query
