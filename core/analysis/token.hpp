// SPDX-License-Identifier: MIT
// @brief What the analyzer emits: a term, its byte range in the analyzed text, its position.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace seisaku::analysis {

/// How a token takes part in indexing and querying.
enum class TokenKind : std::uint8_t {
    Word,       ///< a word of the English path (Latin letters, digits, other alphabets)
    Noun,       ///< Japanese noun, prefix or noun suffix: neighbours form compounds (個人|情報)
    Inflected,  ///< Japanese verb, adjective, adverb, ...: matched through its base form
    Stop,       ///< Japanese particle, auxiliary verb or symbol: not indexed, keeps its position
};

/// One token. Filters never change `begin`/`end`; removed tokens leave position gaps.
struct Token {
    std::string term;       ///< NFKC_Casefold of the surface: the positional term
    std::string base;       ///< English Snowball stem or Japanese base form (the Z term)
    std::size_t begin = 0;  ///< byte offset of the surface in the analyzed text
    std::size_t end = 0;    ///< byte offset one past the surface
    std::uint32_t position = 0;
    TokenKind kind = TokenKind::Word;
    /// Part of one word with the token before it although text lies between them: only a
    /// middle dot between katakana words (データ・フリー).
    bool joins_previous = false;
};

/// Terms longer than this (in bytes) are dropped, as Xapian's TermGenerator does.
inline constexpr std::size_t max_term_bytes = 64;

}  // namespace seisaku::analysis
