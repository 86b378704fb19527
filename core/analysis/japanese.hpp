// SPDX-License-Identifier: MIT
// @brief The Japanese spelling profile and MeCab's view of a text, shared by the analyzer and
// the user-dictionary generator so both see Japanese text the same way.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace seisaku::analysis {

/// U+30FC KATAKANA-HIRAGANA PROLONGED SOUND MARK.
inline constexpr std::string_view long_mark = "\xE3\x83\xBC";

/// True when `s` is non-empty and only katakana letters and ー.
[[nodiscard]] bool is_katakana_word(std::string_view s);

/// The spelling variants japanese_spelling() replaces, each with what it becomes, in the
/// order they are tried (ヴァ before ヴ): snippets look for a term's letters in every spelling.
[[nodiscard]] const std::vector<std::pair<std::string_view, std::string_view>>& spelling_pairs();

/// Spelling variants folded to one form: ヴ-syllables to the バ row, variant kanji common in
/// names to the standard ones (髙 → 高), a dash after katakana to ー, kana iteration marks
/// to the kana they repeat (いすゞ → いすず; 々 stays: MeCab knows 人々). Input is
/// case-folded. `origin`, when given, maps every byte of the result (and its end) back to an
/// offset in `folded`, a replaced span's bytes to its start (as text::normalize_mapped does):
/// snippets match terms on this spelling of a body and highlight the text as written.
[[nodiscard]] std::string japanese_spelling(std::string_view folded,
                                            std::vector<std::size_t>* origin = nullptr);

/// The term of a Japanese surface or base form: case and width folded, spelling variants
/// unified, a katakana word of 4+ characters without its final ー (サーバー = サーバ).
[[nodiscard]] std::string japanese_term(std::string_view surface);

/// The text MeCab parses for a Japanese chunk: a dash after katakana becomes ー, a kana
/// iteration mark the kana it repeats. `origin`
/// maps every byte of the result (and its end) back to an offset in `chunk`.
[[nodiscard]] std::string mecab_input(std::string_view chunk, std::vector<std::size_t>& origin);

}  // namespace seisaku::analysis
