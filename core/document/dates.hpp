// SPDX-License-Identifier: MIT
// @brief Dates as people write them (ISO, 2024年4月30日, 令和6年, FY2023, 30 April 2024) to
// calendar days. Pure: no ICU, no MeCab, no Xapian.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace seisaku::document {

/// An inclusive span of calendar days; both ends are "YYYY-MM-DD", `first <= last`.
struct DateRange {
    std::string first;
    std::string last;
    bool operator==(const DateRange&) const = default;
};

/// Years outside [min_date_year, max_date_year] are not dates to these functions.
inline constexpr int min_date_year = 1900;
inline constexpr int max_date_year = 2100;

/// first_date_in_text() looks at no more than this many bytes of its text.
inline constexpr std::size_t date_scan_bytes = 64 * 1024;

/// The days a whole date expression names (a user's query value, a front matter `date:`),
/// or nullopt when it is not one. Spaces around it are ignored; full-width digits and
/// letters are read as ASCII (the text is normally NFKC already). Understood:
///  - ISO and numeric: `2024`, `2024-04`, `2024-04-30`, `2024/4/30`, `2024.4.30` (`/` `.` too
///    for year and month), one separator kind per date;
///  - Japanese: `2024年`, `2024年4月`, `2024年4月30日`;
///  - eras 令和 (from 2019-05-01), 平成 (1989-01-08 .. 2019-04-30), 昭和 (1926-12-25 ..
///    1989-01-07), year 元 = 1: `令和6年4月30日`, `令和元年`, `平成31年4月`, and their letters
///    R H S (any case) with `.` or `/`: `R6.4.30`, `H31/4/30`, `R6.4`, or with 年: `R6年4月`.
///    A year, month or day must fall at least partly inside its era (令和元年4月30日,
///    平成31年5月, 平成32年, 令和0年 are not dates); a whole era year or month is the whole
///    calendar year or month (令和元年 = 2019-01-01 .. 2019-12-31); a year may be repeated
///    the other way in brackets, as official texts do, and the two must agree:
///    `令和2年（2020年）5月`, `2024年（令和6年）4月30日`;
///  - fiscal years (April to March, Japanese government): `2023年度`, `令和5年度`, `R5年度`,
///    `FY2023`, `FY 2023` (any case), all 2023-04-01 .. 2024-03-31;
///  - English: `30 April 2024`, `April 30, 2024`, `April 30 2024`, `April 2024`, month names
///    in full or three letters (`Sept` too, an optional `.` after), any case, ordinals
///    (`30th April 2024`).
///  - kanji numerals in any of these: `令和七年`, `平成十五年五月三十日`, `二〇二四年四月`.
/// Not understood: ranges (`a..b`, the caller splits them), months or days without a year,
/// times, other eras.
[[nodiscard]] std::optional<DateRange> parse_date(std::string_view text);

/// Fiscal year `year` of the Japanese government: April `year` .. March `year + 1`.
/// Expects a year in [min_date_year, max_date_year]; others are formatted all the same.
[[nodiscard]] DateRange fiscal_year(int year);

/// Days in `month` (1-12) of `year` in the Gregorian calendar.
[[nodiscard]] int days_in_month(int year, int month);

/// The first date written in running text (a document's title and body), with the precision
/// it was written at: "YYYY-MM-DD", "YYYY-MM" or "YYYY"; "" when there is none. Takes the
/// forms parse_date() reads, with stricter rules so that numbers are not taken for dates:
/// a year alone counts only as `2024年` or `令和6年`, numeric dates only with a day
/// (`2024-04-30`, `2024/4/30`, `R6.4.30`), month names and era letters only capitalized;
/// fiscal years and impossible dates are passed over. Reads at most date_scan_bytes.
[[nodiscard]] std::string first_date_in_text(std::string_view text);

/// A date written in running text (dates_in_text()).
struct TextDate {
    std::string date;       ///< at the precision written, as first_date_in_text() gives it
    std::size_t begin = 0;  ///< the expression's bytes in the scanned text
    std::size_t end = 0;
};

/// The dates of running text that first_date_in_text() reads, in order, at most `max_dates`.
/// Their byte ranges are in `scanned`, which receives the text as read: width folded (Ａ to A)
/// and kanji numerals that count written in digits (text/numerals.hpp).
[[nodiscard]] std::vector<TextDate> dates_in_text(std::string_view text, std::string& scanned,
                                                  std::size_t max_dates = 64);

/// "YYYY-MM-DD", "YYYY-MM" or "YYYY" for a range that is exactly one calendar day, month or
/// year; "" for any other span (a fiscal year, say).
[[nodiscard]] std::string compact_date(const DateRange& range);

}  // namespace seisaku::document
