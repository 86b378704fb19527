// SPDX-License-Identifier: MIT
// @brief The user's query string to a syntax tree: pure, no analyzer, no Xapian.
//
// Grammar (forgiving: stray operators and parentheses are dropped, an open quote or
// parenthesis closes at the end, and each repair is reported as a QueryNote):
//   query   := or_expr
//   or_expr := and_expr ("OR" and_expr)*
//   and_expr:= near (["AND"] near)*            juxtaposition uses the default operator
//   near    := unary ("NEAR" ["/" n] unary)*   words within n positions, any order
//   unary   := "NOT" unary | "+" primary | "-" primary | primary
//   primary := "(" or_expr ")" | field ":" primary | quoted | word ["*"]
//   quoted  := "\"" words "\"" | “words” | 「words」 | 『words』
//   field   := title | lang | date | after | before | year | fy | issuer | type | topic
// The query arrives NFKC-normalized, so ＡＮＤ, ＋, －, ＂ and ＊ work as AND, +, -, " and *.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "query/notes.hpp"

namespace seisaku::query {

/// How a clause takes part in its group.
enum class Occur { Should, Must, MustNot };

enum class NodeKind {
    Word,    ///< unquoted text without spaces; the analyzer may split it further
    Phrase,  ///< quoted text: its words in order
    Group,   ///< clauses joined by juxtaposition, AND, +, - and NOT
    Or,      ///< clauses joined by OR
    Near,    ///< words and phrases within `window` positions of each other, any order
};

struct QueryNode {
    NodeKind kind = NodeKind::Group;
    Occur occur = Occur::Should;
    std::string text;          ///< Word and Phrase: the text
    std::string field;         ///< "" or one of `fields`
    std::size_t offset = 0;    ///< byte offset in the query string, for messages
    bool wildcard = false;     ///< Word typed with a trailing *: every indexed word it begins
    std::uint32_t window = 0;  ///< Near: the largest distance in positions
    std::vector<QueryNode> children;
};

/// The fields a clause can name (field:value).
inline constexpr std::string_view fields[] = {"title", "lang", "date",   "after", "before",
                                              "year",  "fy",   "issuer", "type",  "topic"};
/// NEAR without /n.
inline constexpr std::uint32_t default_near_window = 10;
/// NEAR/n accepts n up to this.
inline constexpr std::uint32_t max_near_window = 100;

/// Queries longer than this many bytes are refused before any analysis.
inline constexpr std::size_t max_query_bytes = 1024;
/// Parentheses nest at most this deep; deeper ones are read as plain grouping-free text.
inline constexpr std::size_t max_nesting = 16;

/// Parses `query` (valid UTF-8). Throws QueryError when it is too long or has nothing to
/// search. Syntax it had to repair (a stray parenthesis, an unclosed quote, a NOT with
/// nothing after it) is searched as plain words and reported in `notes`, if given.
[[nodiscard]] QueryNode parse_query(std::string_view query,
                                    std::vector<QueryNote>* notes = nullptr);

/// A compact rendering for tests and --explain: (a +b -"c d" (e OR f) title:g).
[[nodiscard]] std::string describe(const QueryNode& node);

}  // namespace seisaku::query
