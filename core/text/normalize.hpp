// SPDX-License-Identifier: MIT
// @brief ICU normalization: NFKC for stored text, NFKC_Casefold for terms.
#pragma once

#include <string>
#include <string_view>

namespace seisaku::text {

/// NFKC of valid UTF-8: full-width ASCII becomes ASCII (ＤＦＦＴ → DFFT), half-width katakana
/// becomes full-width (ﾃﾞｰﾀ → データ). Stored bodies are in this form, so snippet offsets and
/// stored text share one coordinate system.
[[nodiscard]] std::string normalize(std::string_view valid_utf8);

/// NFKC_Casefold of valid UTF-8: the form every indexed and queried term takes (ＡＩ → ai).
[[nodiscard]] std::string fold(std::string_view valid_utf8);

/// Name of the normalization recorded in the index metadata.
inline constexpr std::string_view normalization_name = "NFKC+NFKC_Casefold";

}  // namespace seisaku::text
