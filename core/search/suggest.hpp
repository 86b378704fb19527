// SPDX-License-Identifier: MIT
// @brief "Did you mean": a corrected query for misspelled English words and for Japanese
// written in romaji or in the other kana, never one that finds nothing.
#pragma once

#include <xapian.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace seisaku::search {

/// A query that found fewer documents than this is "few": its rare words may be corrected.
inline constexpr Xapian::doccount suggest_below = 3;
/// A word that finds some documents is replaced only by one finding this many times as many;
/// a query that finds plenty, only by one finding this many times as many.
inline constexpr Xapian::doccount suggest_ratio = 3;
/// At most this many words of a query are looked at, and this many readings of one word.
inline constexpr std::size_t max_suggest_words = 8;
inline constexpr std::size_t max_reading_candidates = 8;

/// How many documents a query string finds, searched as the user's query is (same options
/// and language filter, no bigram fallback); 0 when it finds none or cannot be searched.
using MatchCounter = std::function<Xapian::doccount(const std::string& query)>;

/// A corrected query, or nothing. The words looked at are unquoted and quoted words that are
/// not negated nor under lang: or date:, written in ASCII letters (with '-' and '\'' for
/// romaji) or all in one kana script.
///
/// A word is corrected when it finds no document by itself, or when the whole query found
/// fewer than `suggest_below` documents (`found`) and the word by itself finds fewer too.
/// Its candidates are: Xapian's spelling suggestion (edit distance 1 for words of up to 4
/// letters, 2 for longer ones; ASCII letters only); for romaji, its ICU Latin-Katakana form;
/// for kana, the other kana script; and the indexed kana words that share its reading key
/// (schema::prefix_reading synonyms). The candidate that finds the most documents wins if it
/// finds some (a word that finds none) or `suggest_ratio` times as many as the word.
///
/// The corrected query (the query in its normalized form, words replaced) is returned only
/// when it differs from the query, finds at least one document and at least `found`; when
/// the query found plenty (`suggest_below` or more) only if it finds `suggest_ratio` times
/// as many. So a query whose words are all in the index and that finds plenty never gets
/// a suggestion, nor one with a word the index lacks when the correction adds little.
[[nodiscard]] std::optional<std::string> suggest(const Xapian::Database& db, std::string_view query,
                                                 Xapian::doccount found, const MatchCounter& count);

}  // namespace seisaku::search
