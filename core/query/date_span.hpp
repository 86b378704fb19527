// SPDX-License-Identifier: MIT
// @brief Dates typed in queries, as the inclusive day ranges the date filters compare.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace seisaku::query {

/// An inclusive range of days, both "YYYY-MM-DD".
struct DateSpan {
    std::string first;
    std::string last;
};

/// The days a typed date covers: 2024 → the year, 2024-04 → April, 2024-04-30 → that day.
[[nodiscard]] std::optional<DateSpan> date_span(std::string_view text);

/// Fiscal year (April to March) typed as 2023, FY2023, 2023年度 or 令和5年度.
[[nodiscard]] std::optional<DateSpan> fiscal_year_span(std::string_view text);

/// "2024-01-01" → "2023-12-31".
[[nodiscard]] std::string day_before(std::string_view day);

/// The lowest stored date a filter from `day` on lets in: stored dates may be partial
/// ("2024", "2024-04"), which sort before every full date of their period, so 2024-04-01
/// becomes "2024-04" and 2024-01-01 becomes "2024".
[[nodiscard]] std::string lower_bound_of(std::string_view day);

/// The forms a date field accepts, for error messages.
[[nodiscard]] std::string date_hint(std::string_view field);

}  // namespace seisaku::query
