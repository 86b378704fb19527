// SPDX-License-Identifier: MIT
#include "query/date_span.hpp"

#include <cstdio>

#include "document/dates.hpp"

namespace seisaku::query {
namespace {

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
    std::optional<document::DateRange> r = document::parse_date(text);
    if (!r && !text.empty() && text.find_first_of("0123456789") != std::string_view::npos &&
        (text.starts_with("令和") || text.starts_with("平成") || text.starts_with("昭和"))) {
        r = document::parse_date(std::string(text) + "年");  // year:令和6 as year:令和6年
    }
    if (!r) {
        return std::nullopt;
    }
    return DateSpan{r->first, r->last};
}

std::optional<DateSpan> fiscal_year_span(std::string_view text) {
    if (text.size() == 4 && text.find_first_not_of("0123456789") == std::string_view::npos) {
        const int y = number(text);
        if (y < document::min_date_year || y >= document::max_date_year) {
            return std::nullopt;
        }
        const document::DateRange r = document::fiscal_year(y);
        return DateSpan{r.first, r.last};
    }
    // FY2023, 2023年度, 令和5年度 are fiscal years as they are; 令和5 and 令和5年 name one.
    for (const std::string& form : {std::string(text), std::string(text) + "年度"}) {
        if (const auto r = document::parse_date(form);
            r && r->first.substr(4) == "-04-01" && r->last.substr(4) == "-03-31") {
            return DateSpan{r->first, r->last};
        }
    }
    if (const auto y = date_span(text); y && y->first.substr(4) == "-01-01" &&
                                        y->last.substr(4) == "-12-31" &&
                                        y->first.substr(0, 4) == y->last.substr(0, 4)) {
        const document::DateRange r = document::fiscal_year(number(y->first.substr(0, 4)));
        return DateSpan{r.first, r.last};
    }
    return std::nullopt;
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
        d = document::days_in_month(y, m);
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
