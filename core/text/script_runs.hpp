// SPDX-License-Identifier: MIT
// @brief Splits text into runs by script: Japanese (kana, kanji) versus words of other
// scripts (Latin, digits, ...), with separators between them.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace seisaku::text {

/// How the analyzer treats a code point.
enum class CharClass {
    Japanese,  ///< Han, Hiragana, Katakana, and the marks that live inside Japanese words
    Word,      ///< letters, digits and combining marks of other scripts: the English path
    Other,     ///< spaces, punctuation, symbols: separate tokens
};

[[nodiscard]] CharClass classify(char32_t cp) noexcept;

/// Katakana letters (not ー).
[[nodiscard]] bool is_katakana(char32_t cp) noexcept;

/// Hyphens, dashes and minus signs that Japanese text uses in place of ー after katakana.
[[nodiscard]] bool is_dash(char32_t cp) noexcept;

/// A maximal stretch of one class (never Other) in valid UTF-8, as a byte range.
struct ScriptRun {
    CharClass cls;
    std::size_t begin;
    std::size_t end;
};

/// The Japanese and Word runs of `valid`, in order; separators are left out. A dash right
/// after katakana belongs to the Japanese run.
[[nodiscard]] std::vector<ScriptRun> script_runs(std::string_view valid);

/// Byte offsets at which sentences of `valid` end (exclusive), the last one being its size:
/// after 。！？ and their ASCII forms (the ASCII ones only when followed by a space or the
/// end), and at each line feed.
[[nodiscard]] std::vector<std::size_t> sentence_ends(std::string_view valid);

/// Whether sentence_ends(valid) has `at` among its ends (the last, valid.size(), only when a
/// sentence end mark is there too), in constant time: to cut one sentence out of a large text.
[[nodiscard]] bool is_sentence_end(std::string_view valid, std::size_t at);

}  // namespace seisaku::text
