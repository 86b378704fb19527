// SPDX-License-Identifier: MIT
#include "document/dates.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "document/date_forms.hpp"
#include "text/numerals.hpp"

namespace seisaku::document {
namespace {

std::string two_digits(int v) {
    return {static_cast<char>('0' + v / 10 % 10), static_cast<char>('0' + v % 10)};
}

std::string four_digits(int v) {
    return two_digits(v / 100) + two_digits(v % 100);
}

std::string iso(const Day& d) {
    return four_digits(d.year) + "-" + two_digits(d.month) + "-" + two_digits(d.day);
}

/// The days a written date names, or nullopt when the calendar (or its era) has no such date.
std::optional<std::pair<Day, Day>> resolve(const Written& w) {
    int year = w.year;
    if (w.era != nullptr) {
        if (w.year < 1) {
            return std::nullopt;
        }
        year = w.era->first.year + w.year - 1;
        if (year > w.era->last.year) {
            return std::nullopt;
        }
    }
    if (year < min_date_year || year > max_date_year || (w.same_year != 0 && w.same_year != year)) {
        return std::nullopt;
    }
    if (w.fiscal) {
        return std::pair{Day{year, 4, 1}, Day{year + 1, 3, 31}};
    }
    if (w.parts >= 2 && (w.month < 1 || w.month > 12)) {
        return std::nullopt;
    }
    if (w.parts == 3 && (w.day < 1 || w.day > days_in_month(year, w.month))) {
        return std::nullopt;
    }
    const int first_month = w.parts >= 2 ? w.month : 1;
    const int last_month = w.parts >= 2 ? w.month : 12;
    const Day first{year, first_month, w.parts == 3 ? w.day : 1};
    const Day last{year, last_month, w.parts == 3 ? w.day : days_in_month(year, last_month)};
    if (w.era != nullptr && (last < w.era->first || first > w.era->last)) {
        return std::nullopt;  // 令和元年4月, 平成31年5月1日: not days of that era
    }
    return std::pair{first, last};
}

/// Full-width ASCII (U+FF01..U+FF5E) to ASCII and the ideographic space to a space: what
/// NFKC does to the characters dates are written with, for text that was not normalized.
std::string fold_width(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        if (i + 2 < s.size()) {
            const auto b0 = static_cast<unsigned char>(s[i]);
            const auto b1 = static_cast<unsigned char>(s[i + 1]);
            const auto b2 = static_cast<unsigned char>(s[i + 2]);
            if (b0 == 0xEF && (b1 == 0xBC || b1 == 0xBD)) {
                const unsigned cp = 0xF000U | ((b1 & 0x3FU) << 6U) | (b2 & 0x3FU);
                if (cp >= 0xFF01 && cp <= 0xFF5E) {
                    out += static_cast<char>(cp - 0xFF01 + 0x21);
                    i += 3;
                    continue;
                }
            }
            if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) {
                out += ' ';
                i += 3;
                continue;
            }
        }
        out += s[i];
        ++i;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    const auto is_space = [](char ch) {
        return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
    };
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

/// "YYYY-MM-DD" to a Day, without checking the calendar.
std::optional<Day> parse_iso_day(std::string_view s) {
    Cursor c(s, 0);
    const auto year = c.number(4, 4);
    if (!year || !c.eat('-')) {
        return std::nullopt;
    }
    const auto month = c.number(2, 2);
    if (!month || *month < 1 || *month > 12 || !c.eat('-')) {
        return std::nullopt;
    }
    const auto day = c.number(2, 2);
    if (!day || c.pos() != s.size()) {
        return std::nullopt;
    }
    return Day{*year, *month, *day};
}

/// The longest expression parse_date() reads is well under this; longer input is refused
/// before any work.
constexpr std::size_t max_expression_bytes = 96;

/// The date at the precision written: "YYYY-MM-DD", "YYYY-MM" or "YYYY".
std::string written_date(const Written& w, const Day& first) {
    switch (w.parts) {
        case 1:
            return four_digits(first.year);
        case 2:
            return four_digits(first.year) + "-" + two_digits(first.month);
        default:
            return iso(first);
    }
}

}  // namespace

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[static_cast<std::size_t>(month - 1)];
}

std::optional<DateRange> parse_date(std::string_view text) {
    text = trim(text);
    if (text.empty() || text.size() > max_expression_bytes) {
        return std::nullopt;
    }
    const std::string s(trim(text::kanji_to_digits(fold_width(text))));
    if (s.empty()) {
        return std::nullopt;
    }
    const auto match = match_at(s, 0, false);
    if (!match || match->end != s.size()) {
        return std::nullopt;
    }
    const auto days = resolve(match->date);
    if (!days) {
        return std::nullopt;
    }
    return DateRange{iso(days->first), iso(days->second)};
}

DateRange fiscal_year(int year) {
    return DateRange{iso(Day{year, 4, 1}), iso(Day{year + 1, 3, 31})};
}

std::vector<TextDate> dates_in_text(std::string_view text, std::string& scanned,
                                    std::size_t max_dates) {
    std::vector<TextDate> out;
    std::size_t cut = std::min(text.size(), date_scan_bytes);
    while (cut > 0 && cut < text.size() &&
           (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80) {
        --cut;  // not in the middle of a character
    }
    scanned = text::kanji_to_digits(fold_width(text.substr(0, cut)));
    const std::string& s = scanned;
    std::size_t pos = 0;
    while (pos < s.size() && out.size() < max_dates) {
        if (const auto match = match_at(s, pos, true)) {
            if (!match->date.fiscal) {
                if (const auto days = resolve(match->date)) {
                    out.push_back({written_date(match->date, days->first), pos, match->end});
                }
            }
            pos = match->end;  // a fiscal year or an impossible date: look after it
            continue;
        }
        ++pos;
        while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0U) == 0x80) {
            ++pos;
        }
    }
    return out;
}

std::string first_date_in_text(std::string_view text) {
    std::string scanned;
    const std::vector<TextDate> dates = dates_in_text(text, scanned, 1);
    return dates.empty() ? std::string() : dates.front().date;
}

std::string compact_date(const DateRange& range) {
    const auto first = parse_iso_day(range.first);
    const auto last = parse_iso_day(range.last);
    if (!first || !last || first->year != last->year) {
        return {};
    }
    if (*first == *last) {
        return iso(*first);
    }
    const int year = first->year;
    if (first->month == last->month && first->day == 1 &&
        last->day == days_in_month(year, last->month)) {
        return four_digits(year) + "-" + two_digits(first->month);
    }
    if (first->month == 1 && first->day == 1 && last->month == 12 && last->day == 31) {
        return four_digits(year);
    }
    return {};
}

}  // namespace seisaku::document
