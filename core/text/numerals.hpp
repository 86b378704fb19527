// SPDX-License-Identifier: MIT
// @brief Numbers written in kanji (二十七, 平成十五年, 二〇二四年) read as numbers. Pure: no ICU.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace seisaku::text {

/// True for the characters kanji numbers are written with: 〇 零 一 二 三 四 五 六 七 八 九 十
/// 百 千 万.
[[nodiscard]] bool is_kanji_numeral(char32_t cp) noexcept;

/// Where the run of kanji numerals and ASCII digits that starts at `pos` of valid UTF-8 ends
/// (`pos` itself when there is none): the number of 第二十七条 or 第27条.
[[nodiscard]] std::size_t numeral_run_end(std::string_view s, std::size_t pos) noexcept;

/// The value of a number written in kanji, with units (二十七 = 27, 百三十 = 130, 千九百 =
/// 1900, 十 = 10, 三万五千 = 35000) or digit by digit (二〇二四 = 2024, 一九 = 19); nullopt
/// when `s` is empty, holds anything else, or is not a well-formed number (十十, 百千).
/// Values stay below 100,000,000.
[[nodiscard]] std::optional<std::uint32_t> kanji_number(std::string_view s);

/// `text` with each run of kanji numerals that counts something written in ASCII digits:
/// runs before 年 月 日 条 章 節 款 編 号 項 回, or after an era name (令和 平成 昭和).
/// "平成十五年五月三十日法律第五十七号" -> "平成15年5月30日法律第57号"; 一般, 十分 and 同一
/// and 第三者 are left alone. Expects valid UTF-8; everything else is copied as it is.
[[nodiscard]] std::string kanji_to_digits(std::string_view text);

}  // namespace seisaku::text
