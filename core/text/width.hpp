// SPDX-License-Identifier: MIT
// @brief Full-width Latin: the forms Japanese text often writes ASCII letters and digits in
// (ＤＦＦＴ), searched for beside the ASCII ones in text that is not normalized.
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

}  // namespace seisaku::text
