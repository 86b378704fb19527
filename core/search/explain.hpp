// SPDX-License-Identifier: MIT
// @brief --explain: which index terms of the query a hit holds, of what kind, weighing what.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "search/results.hpp"

namespace seisaku::search {

/// An index term as explain shows it: its kind by prefix, its text without the prefix, and
/// whether only expansion brought it in (`expansion_terms`).
[[nodiscard]] MatchedTerm matched_term(const std::string& term,
                                       const std::set<std::string>& expansion_terms);

/// The terms of the query that the hit `it` holds, with their BM25 weights in it (`id_term`
/// is its Q term); filters (lang:, issuer:, type:, topic:) match but weigh nothing and are
/// left out, and an N term only filters (its words carry the weight): weight 0.
[[nodiscard]] std::vector<MatchedTerm> matched_terms(const Xapian::Database& db,
                                                     const Xapian::Enquire& enquire,
                                                     const Xapian::MSetIterator& it,
                                                     const std::string& id_term,
                                                     const std::set<std::string>& expansion_terms);

}  // namespace seisaku::search
