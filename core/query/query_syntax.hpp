// SPDX-License-Identifier: MIT
// @brief The user's query string to a syntax tree: pure, no analyzer, no Xapian.
//
// Grammar (forgiving: stray operators and parentheses are dropped, an open quote or
// parenthesis closes at the end):
//   query   := or_expr
//   or_expr := and_expr ("OR" and_expr)*
//   and_expr:= unary (["AND"] unary)*          juxtaposition uses the default operator
//   unary   := "NOT" unary | "+" primary | "-" primary | primary
//   primary := "(" or_expr ")" | field ":" primary | "\"" words "\"" | 「words」 | word
//   field   := "title" | "lang" | "date"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace seisaku::query {

/// How a clause takes part in its group.
enum class Occur { Should, Must, MustNot };

enum class NodeKind {
    Word,    ///< unquoted text without spaces; the analyzer may split it further
    Phrase,  ///< quoted text: its words in order
    Group,   ///< clauses joined by juxtaposition, AND, +, - and NOT
    Or,      ///< clauses joined by OR
};

struct QueryNode {
    NodeKind kind = NodeKind::Group;
    Occur occur = Occur::Should;
    std::string text;        ///< Word and Phrase: the text
    std::string field;       ///< "", "title" or "lang"
    std::size_t offset = 0;  ///< byte offset in the query string, for messages
    std::vector<QueryNode> children;
};

/// Queries longer than this many bytes are refused before any analysis.
inline constexpr std::size_t max_query_bytes = 1024;
/// Parentheses nest at most this deep; deeper ones are read as plain grouping-free text.
inline constexpr std::size_t max_nesting = 16;

/// Parses `query` (valid UTF-8). Throws QueryError when it is too long or has nothing to
/// search.
[[nodiscard]] QueryNode parse_query(std::string_view query);

/// A compact rendering for tests and --explain: (a +b -"c d" (e OR f) title:g).
[[nodiscard]] std::string describe(const QueryNode& node);

}  // namespace seisaku::query
