// SPDX-License-Identifier: MIT
// @brief Term-bank expansion (internal to query/): which words of a query the bank knows as
// one name, and the queries of their other names.
#pragma once

#include <xapian.h>

#include <vector>

#include "query/build_state.hpp"

namespace seisaku::query {

/// How many plain words from children[i] on form the longest name in the term bank (at
/// least 1: the word itself).
[[nodiscard]] std::size_t known_span(const std::vector<QueryNode>& children, std::size_t i,
                                     const BuildState& st);

/// Whether the term bank knows `text` as a name (false without a bank).
[[nodiscard]] bool known_name(const std::string& text, const BuildState& st);

/// Each name as a Z term (one word), an N term or an exact phrase, added to `alternatives`.
void add_alternatives(const std::vector<std::string>& names,
                      std::vector<Xapian::Query>& alternatives, const BuildState& st);

/// The other names of a word or phrase in the term bank, one query each: a Z term (one
/// word), an exact phrase or an N term; recorded in st.expansions. Empty without a bank.
[[nodiscard]] std::vector<Xapian::Query> expansion(const QueryNode& n, BuildState& st);

}  // namespace seisaku::query
