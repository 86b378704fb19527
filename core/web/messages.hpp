// SPDX-License-Identifier: MIT
// @brief Every string of the page's interface, in English and Japanese.
#pragma once

#include <string>
#include <string_view>

namespace seisaku::web {

/// The interface string `key` in language `hl` ("en" or "ja"); the key itself if unknown
/// (a test checks every key has both languages).
[[nodiscard]] std::string_view message(std::string_view hl, std::string_view key);

/// Every key, for that test.
[[nodiscard]] std::string_view message_keys();

/// "{}" in `pattern` replaced by `value` (already escaped for where it goes).
[[nodiscard]] std::string format_message(std::string_view pattern, std::string_view value);

}  // namespace seisaku::web
