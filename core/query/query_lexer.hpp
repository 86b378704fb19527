// SPDX-License-Identifier: MIT
// @brief The query string cut into lexemes for the parser (query_syntax.cpp): words, phrases,
// parentheses and the operators AND, OR, NOT, NEAR, with their sign and field.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace seisaku::query::lexing {

enum class Lex { Word, Phrase, Open, Close, And, Or, Not, Near, End };

struct Lexeme {
    Lex kind = Lex::End;
    std::string text;
    std::string field;
    char sign = 0;  ///< '+' or '-' in front, or 0
    std::size_t offset = 0;
    bool closed = true;        ///< Phrase: its closing quote was there
    std::uint32_t window = 0;  ///< Near
};

/// Reads the lexemes of a query string one at a time, up to an End lexeme.
class Lexer {
  public:
    explicit Lexer(std::string_view s) : s_(s) {}

    /// The next lexeme; Lex::End at the end of the string (and after it).
    Lexeme next();

  private:
    /// A "+" or "-" in front of what follows, and a field name with its ":".
    void read_sign_and_field(Lexeme& lx);
    /// A quoted phrase starting here, when one does; false otherwise.
    bool read_phrase(Lexeme& lx);
    /// A word up to a space, a parenthesis or a quote; AND, OR, NOT and NEAR are operators.
    void read_word(Lexeme& lx);

    std::string_view s_;
    std::size_t pos_ = 0;
};

}  // namespace seisaku::query::lexing
