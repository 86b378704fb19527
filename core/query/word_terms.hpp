// SPDX-License-Identifier: MIT
// @brief Words, phrases, NEAR and wildcards to index terms (internal to query/): what one
// leaf of the query tree searches.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "analysis/token.hpp"
#include "query/build_state.hpp"

namespace seisaku::query {

/// The tokens of a leaf's text, counted against the term budget.
[[nodiscard]] std::vector<analysis::Token> tokens_of(const QueryNode& n, BuildState& st);

/// The tokens that are searched: all but stop tokens.
[[nodiscard]] std::vector<const analysis::Token*> searchable(
    const std::vector<analysis::Token>& tokens);

/// An unquoted word: runs of Latin words and nouns become phrases (or one Z term);
/// inflected words match their base form; stop tokens split runs.
[[nodiscard]] std::vector<Clause> word_clauses(const QueryNode& n, BuildState& st);

/// A quoted phrase: every non-stop token, in order, gaps kept.
[[nodiscard]] Xapian::Query phrase_query(const QueryNode& n, BuildState& st);

/// a NEAR/n b: the positional terms of every word and phrase within n other words of
/// each other, in any order.
[[nodiscard]] Xapian::Query near_query(const QueryNode& n, BuildState& st);

/// polic*: the indexed words that begin with "polic", the most frequent
/// `max_wildcard_terms` of them when there are more.
[[nodiscard]] Xapian::Query wildcard_query(const QueryNode& n, BuildState& st);

/// Tokens that must stand together: their N term when they are a term-bank name the index
/// has N terms for (matched without reading positions, weighed as the phrase), else
/// phrase_of().
[[nodiscard]] Xapian::Query together(const QueryNode& n,
                                     const std::vector<const analysis::Token*>& tokens,
                                     const BuildState& st, Xapian::termcount slack = 0);

/// Tokens as a phrase of positional terms (`slack` more positions allowed), narrowed by the
/// noun-pair terms of a Japanese phrase; the last word may be in the other number.
[[nodiscard]] Xapian::Query phrase_of(const QueryNode& n,
                                      const std::vector<const analysis::Token*>& tokens,
                                      const BuildState& st, Xapian::termcount slack = 0);

/// A term-bank name of several words, matched by its N term and weighted as its phrase.
[[nodiscard]] Xapian::Query name_of(const std::vector<const analysis::Token*>& tokens,
                                    const BuildState& st);

/// The positional term of a token in a leaf: its title term under title:, else the word.
[[nodiscard]] std::string positional(const QueryNode& n, const analysis::Token& t);

}  // namespace seisaku::query
