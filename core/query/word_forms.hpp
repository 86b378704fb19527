// SPDX-License-Identifier: MIT
// @brief The indexed forms of a word that plain search treats as one (internal to query/):
// what a word of a phrase or NEAR matches at its position.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "analysis/token.hpp"
#include "query/build_state.hpp"

namespace seisaku::query {

/// The positional terms that plain search would match for `t` (a Z term stands for them,
/// but Z terms have no positions): the typed form first, then the index's words with the
/// same English stem (semiconductor, semiconductors) or Japanese base form (守る, 守っ), at
/// most max_word_forms. Without a vocabulary, the word and its other number.
[[nodiscard]] std::vector<std::string> word_forms(const analysis::Token& t, const BuildState& st);

/// The query of one word inside a phrase or NEAR: its positional term, or the OR of its
/// forms' (title terms under title:).
[[nodiscard]] Xapian::Query forms_query(const QueryNode& n, const analysis::Token& t,
                                        const BuildState& st);

/// A phrase or NEAR `widened` to every form of its words, ranked: where a document has the
/// words as typed (`typed`, the words that had other forms) they weigh other_form_weight
/// more, so an exact match keeps its lead. `widened` alone when `typed` is empty.
[[nodiscard]] Xapian::Query typed_first(const Xapian::Query& widened,
                                        const std::vector<Xapian::Query>& typed);

}  // namespace seisaku::query
