// SPDX-License-Identifier: MIT
// @brief Re-ranking the top hits on plain vectors: the recency boost, language balancing and
// translation grouping (the weights are in query/tuning.hpp). No Xapian here.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace seisaku::search {

/// The top hits as the index ranked them: index i is the i-th hit. `langs`, `dates` and
/// `keys` cover the first tuning::balance_depth hits at most, or are empty when not needed.
struct RankedHits {
    std::vector<double> weights;     ///< every hit's weight, boosted by with_recency()
    std::vector<std::string> langs;  ///< "en" or "ja"
    std::vector<std::string> dates;  ///< YYYY[-MM[-DD]] or ""
    std::vector<std::string> keys;   ///< translation keys ("" for none)
};

/// Multiplies the weights of the top hits by 1 + recency_boost * 2^(-age / half-life), the
/// age counted from the newest of them; undated hits keep their weight.
void with_recency(RankedHits& hits);

/// What the hits matched of the query's concepts (a concept is one top-level clause: a word
/// or phrase with its forms and other names). Asked only of the hits that need it.
struct Evidence {
    std::size_t concepts = 0;  ///< how many concepts the query has
    /// How many concepts hit i matches; empty: every hit matches all of them.
    std::function<std::size_t(std::size_t)> matched;
};

/// The order in which to show the hits (indexes into them): the top hits by boosted weight
/// when `boosted`; with `balance`, the top hits that earn it take turns by language (best
/// English, best Japanese, second English, ...), the others follow by score. A hit earns it
/// with balance_ratio of the best score; the best hit of a language other than the best
/// hit's also does with balance_covered_ratio when it matches every concept of the query.
[[nodiscard]] std::vector<std::size_t> result_order(const RankedHits& hits, bool boosted,
                                                    bool balance, const Evidence& evidence = {});

/// A result entry: a hit and, when grouping, its translation found further down.
struct Entry {
    std::size_t head = 0;
    std::optional<std::size_t> partner;
};

/// Folds a translation (same translation key, other language) into the entry of the first
/// of the two to appear (hits past `keys` are never grouped); the order of entries stays that
/// of `order`. The twin in `lead` (a language, or "" for none) heads its entry, the other
/// shown with it.
[[nodiscard]] std::vector<Entry> group(const std::vector<std::size_t>& order,
                                       const RankedHits& hits, const std::string& lead = "");

/// Days since 0000-03-01 of a YYYY[-MM[-DD]] date (missing parts as 1), for ages.
[[nodiscard]] double day_number(const std::string& date);

}  // namespace seisaku::search
