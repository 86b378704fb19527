// SPDX-License-Identifier: MIT
// @brief ICU normalization: NFKC for stored text, NFKC_Casefold for terms.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace seisaku::text {

/// NFKC of valid UTF-8: full-width ASCII becomes ASCII (ＤＦＦＴ → DFFT), half-width katakana
/// becomes full-width (ﾃﾞｰﾀ → データ). The analyzer works on this form.
[[nodiscard]] std::string normalize(std::string_view valid_utf8);

/// Raw bytes to the text the analyzer works on and the index stores: valid UTF-8 (U+FFFD
/// for bad bytes, spaces for NUL and controls, text::repair), NFKC-normalized.
[[nodiscard]] std::string prepare(std::string_view raw);

/// NFKC text with the way back: `origin[i]` is the offset in the source of the character
/// that byte i of `text` came from (a changed span maps to its start), and
/// `origin[text.size()]` is the source's size. Snippets use it to show what was written.
struct MappedText {
    std::string text;
    std::vector<std::size_t> origin;
};
[[nodiscard]] MappedText normalize_mapped(std::string_view valid_utf8);

/// The kana a kana iteration mark stands for after `previous`: ゝ and ヽ repeat it unvoiced,
/// ゞ and ヾ voiced (いすゞ = いすず, こゝろ = こころ); 0 when `mark` is not one of them or
/// `previous` is not kana of the mark's script.
[[nodiscard]] char32_t kana_iteration(char32_t previous, char32_t mark);

/// NFKC_Casefold of valid UTF-8: the form every indexed and queried term takes (ＡＩ → ai).
[[nodiscard]] std::string fold(std::string_view valid_utf8);

/// Name of the normalization recorded in the index metadata.
inline constexpr std::string_view normalization_name = "NFKC+NFKC_Casefold";

}  // namespace seisaku::text
