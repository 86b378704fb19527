// SPDX-License-Identifier: MIT
#include "query/date_span.hpp"

#include <array>
#include <cstdio>

#include "document/reader.hpp"

namespace seisaku::query {
namespace {

bool leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in(int y, int m) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

std::string ymd(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

int number(std::string_view s) {
    int n = 0;
    for (const char c : s) {
        n = n * 10 + (c - '0');
    }
    return n;
}

}  // namespace

std::optional<DateSpan> date_span(std::string_view text) {
    const std::string t(text);
    if (!document::is_valid_date(t)) {
        return std::nullopt;
    }
    const int y = number(t.substr(0, 4));
    if (t.size() == 4) {
        return DateSpan{ymd(y, 1, 1), ymd(y, 12, 31)};
    }
    const int m = number(t.substr(5, 2));
    if (t.size() == 7) {
        return DateSpan{ymd(y, m, 1), ymd(y, m, days_in(y, m))};
    }
    return DateSpan{t, t};
}

std::optional<DateSpan> fiscal_year_span(std::string_view text) {
    std::string t(text);
    if (t.starts_with("fy") || t.starts_with("FY")) {
        t = t.substr(2);
    }
    if (t.size() != 4 || t.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    const int y = number(t);
    if (y < 1900 || y > 2100) {
        return std::nullopt;
    }
    return DateSpan{ymd(y, 4, 1), ymd(y + 1, 3, 31)};
}

std::string day_before(std::string_view day) {
    int y = number(day.substr(0, 4));
    int m = number(day.substr(5, 2));
    int d = number(day.substr(8, 2)) - 1;
    if (d == 0) {
        if (--m == 0) {
            m = 12;
            --y;
        }
        d = days_in(y, m);
    }
    return ymd(y, m, d);
}

std::string lower_bound_of(std::string_view day) {
    std::string out(day);
    if (out.ends_with("-01")) {
        out.resize(7);
        if (out.ends_with("-01")) {
            out.resize(4);
        }
    }
    return out;
}

std::string date_hint(std::string_view field) {
    if (field == "fy") {
        return "use a fiscal year: 2023, FY2023, 2023年度 or 令和5年度";
    }
    if (field == "year") {
        return "use a year: 2024 or 令和6年";
    }
    std::string hint = "use 2024, 2024-04, 2024-04-30, 令和6年4月30日, R6.4.30 or 30 April 2024";
    if (field == "date") {
        hint += ", or FROM..TO";
    }
    return hint;
}

}  // namespace seisaku::query
