// SPDX-License-Identifier: MIT
// @brief The other widths of letters: full-width Latin, as Japanese text often writes ASCII
// letters and digits (ＤＦＦＴ), and half-width katakana (ﾃﾞｰﾀ), searched for beside the usual
// forms in text that is not normalized.
#pragma once

#include <string>
#include <string_view>

namespace seisaku::text {

/// `s` with A-Z and their full-width forms Ａ-Ｚ in lower case (same byte lengths, so
/// offsets in the result are offsets in `s`).
[[nodiscard]] std::string lower_ascii_and_full_width(std::string_view s);

/// The full-width form of printable ASCII (ＤＦＦ for dff); empty when `ascii` has other
/// characters, spaces included.
[[nodiscard]] std::string full_width(std::string_view ascii);

/// The half-width form of full-width katakana and ー (ﾃﾞｰﾀ for データ, ｳﾞｧ for ヴァ), the
/// forms NFKC makes full-width again; empty when `katakana` has other characters.
[[nodiscard]] std::string half_width(std::string_view katakana);

}  // namespace seisaku::text
