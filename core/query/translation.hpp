// SPDX-License-Identifier: MIT
// @brief Cross-language alternatives beyond the term bank (internal to query/): a clause's
// words translated through the general lexicon, one synonym group per word or span.
#pragma once

#include <xapian.h>

#include "query/build_state.hpp"

namespace seisaku::query {

/// Translates every clause of the query that translation() will be asked for, choosing each
/// word's senses by what the other words' translations co-occur with in the index; kept in
/// st.translations.
void plan_translations(const QueryNode& root, BuildState& st);

/// The clause `n` in the other language: each word, or the longest span of words the
/// lexicon knows, becomes one OP_SYNONYM group of its translations (so a word of ten senses
/// weighs as much as a word of one), keeping those the index holds, the dictionary's first
/// senses first; spans the term bank knows use its names instead; Latin words of a Japanese
/// clause stay as they are. The groups combine with the default operator; a quoted phrase
/// is translated only when it is one entry of the term bank or the lexicon. Empty when no
/// word was translated, or for excluded, field and wildcard clauses. Recorded in
/// st.expansions with their source.
[[nodiscard]] Xapian::Query translation(const QueryNode& n, BuildState& st);

}  // namespace seisaku::query
