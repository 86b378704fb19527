// SPDX-License-Identifier: MIT
#include "document/date_forms.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace seisaku::document {
namespace {

constexpr std::array<Era, 3> eras = {{
    {"令和", 'R', {2019, 5, 1}, {9999, 12, 31}},
    {"平成", 'H', {1989, 1, 8}, {2019, 4, 30}},
    {"昭和", 'S', {1926, 12, 25}, {1989, 1, 7}},
}};

/// "(2020年)" or "(令和2年)" just after a year's 年, as official texts write the year both
/// ways: its Gregorian year (-1 for a year its era does not have), or nothing.
std::optional<int> bracketed_year(Cursor& c) {
    Cursor t = c;
    t.skip_spaces();
    if (!t.eat('(')) {
        return std::nullopt;
    }
    t.skip_spaces();
    int year = -1;
    if (const auto gregorian = t.number(4, 4)) {
        year = *gregorian;
    } else {
        const auto era =
            std::find_if(eras.begin(), eras.end(), [&](const Era& e) { return t.eat(e.name); });
        if (era == eras.end()) {
            return std::nullopt;
        }
        t.skip_spaces();
        const auto n = t.eat("元") ? std::optional<int>(1) : t.number(1, 2);
        if (!n) {
            return std::nullopt;
        }
        if (*n >= 1 && era->first.year + *n - 1 <= era->last.year) {
            year = era->first.year + *n - 1;
        }
    }
    t.skip_spaces();
    if (!t.eat("年")) {
        return std::nullopt;
    }
    t.skip_spaces();
    if (!t.eat(')')) {
        return std::nullopt;
    }
    c = t;
    return year;
}

/// A number of one or two digits and its counter (月, 日), spaces around allowed: the number,
/// with `t` moved past them; nothing (and `t` unmoved) otherwise.
std::optional<int> counted(Cursor& t, std::string_view counter) {
    Cursor c = t;
    c.skip_spaces();
    const auto n = c.number(1, 2);
    c.skip_spaces();
    if (!n || !c.eat(counter)) {
        return std::nullopt;
    }
    t = c;
    return n;
}

/// After a year: 年, then 度 (a fiscal year) or [(the year written the other way)] [month 月
/// [day 日]]; spaces allowed between.
bool japanese_tail(Cursor& c, Written& w) {
    Cursor t = c;
    t.skip_spaces();
    if (!t.eat("年")) {
        return false;
    }
    if (t.eat("度")) {
        w.fiscal = true;
        c = t;
        return true;
    }
    if (const auto same = bracketed_year(t)) {
        w.same_year = *same;
    }
    if (const auto month = counted(t, "月")) {
        w.month = *month;
        w.parts = 2;
        if (const auto day = counted(t, "日")) {
            w.day = *day;
            w.parts = 3;
        }
    }
    c = t;
    return true;
}

/// After a year: a separator from `separators`, a month, and maybe the same separator and a
/// day (required when `need_day`).
bool numeric_tail(Cursor& c, Written& w, std::string_view separators, bool need_day) {
    const char sep = c.peek();
    if (sep == '\0' || separators.find(sep) == std::string_view::npos) {
        return false;
    }
    Cursor t = c;
    t.eat(sep);
    const auto month = t.number(1, 2);
    if (!month) {
        return false;
    }
    Written out = w;
    out.month = *month;
    out.parts = 2;
    Cursor d = t;
    if (d.eat(sep)) {
        if (const auto day = d.number(1, 2)) {
            out.day = *day;
            out.parts = 3;
            t = d;
        }
    }
    if (need_day && out.parts < 3) {
        return false;
    }
    w = out;
    c = t;
    return true;
}

/// 1..12 for an English month name or its three-letter form (and "sept"), with an optional
/// '.' after; in running text (`strict`) it must be capitalized.
std::optional<int> month_name(Cursor& c, bool strict) {
    static constexpr std::array<std::string_view, 12> names = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    Cursor t = c;
    const std::string_view word = t.letters();
    if (word.size() < 3 || (strict && !is_upper(word.front()))) {
        return std::nullopt;
    }
    std::string folded;
    for (const char ch : word) {
        folded += lower(ch);
    }
    int month = folded == "sept" ? 9 : 0;
    for (std::size_t i = 0; i < names.size() && month == 0; ++i) {
        if (folded == names[i] || folded == names[i].substr(0, 3)) {
            month = static_cast<int>(i) + 1;
        }
    }
    if (month == 0) {
        return std::nullopt;
    }
    t.eat('.');
    c = t;
    return month;
}

/// "st", "nd", "rd" or "th" right after a day number.
void skip_ordinal(Cursor& c) {
    Cursor t = c;
    const std::string_view word = t.letters();
    if (word == "st" || word == "nd" || word == "rd" || word == "th") {
        c = t;
    }
}

/// ", 2024", " 2024", ",2024": the year that ends an English date.
std::optional<int> english_year(Cursor& c) {
    Cursor t = c;
    const bool comma = t.eat(',');
    if (!t.skip_spaces() && !comma) {
        return std::nullopt;
    }
    const auto year = t.number(4, 4);
    if (year) {
        c = t;
    }
    return year;
}

/// 令和6年4月30日, 令和元年, 平成31.4.30 (at an era name) or R6.4.30, R5年度 (at its letter).
std::optional<Written> era_date(Cursor& c, bool strict) {
    for (const Era& era : eras) {
        Cursor t = c;
        Written w;
        w.era = &era;
        if (t.eat(era.name)) {
            t.skip_spaces();
            if (t.eat("元")) {
                w.year = 1;
            } else if (const auto year = t.number(1, 2)) {
                w.year = *year;
            } else {
                return std::nullopt;
            }
            if (!japanese_tail(t, w) && !numeric_tail(t, w, "./", strict)) {
                return std::nullopt;
            }
            c = t;
            return w;
        }
        if (t.peek() == era.letter || (!strict && lower(t.peek()) == lower(era.letter))) {
            t.eat(t.peek());
            const auto year = t.number(1, 2);
            if (!year) {
                return std::nullopt;
            }
            w.year = *year;
            if (!numeric_tail(t, w, "./", strict) && !japanese_tail(t, w)) {
                return std::nullopt;
            }
            c = t;
            return w;
        }
    }
    return std::nullopt;
}

/// At a digit: a year and what follows it (2024年4月30日, 2024-04-30; a year alone only when
/// not `strict`), or an English date that starts with its day (30 April 2024, 3rd July 2023).
std::optional<Match> digit_date(Cursor c, bool strict) {
    Cursor probe = c;
    if (const auto year = probe.number(4, 4)) {
        c = probe;
        Written w;
        w.year = *year;
        if (japanese_tail(c, w) || numeric_tail(c, w, "-/.", strict) || !strict) {
            return Match{w, c.pos()};
        }
        return std::nullopt;
    }
    const auto day = c.number(1, 2);
    if (!day) {
        return std::nullopt;
    }
    skip_ordinal(c);
    if (!c.skip_spaces()) {
        return std::nullopt;
    }
    const auto month = month_name(c, strict);
    if (!month) {
        return std::nullopt;
    }
    const auto year = english_year(c);
    if (!year) {
        return std::nullopt;
    }
    return Match{Written{.year = *year, .month = *month, .day = *day, .parts = 3}, c.pos()};
}

/// At a letter: a fiscal year (FY2023, FY 2023), an era's letter (R6.4.30) or an English date
/// that starts with its month (April 30, 2024; April 2024).
std::optional<Match> letter_date(Cursor c, bool strict) {
    Cursor fy = c;
    const std::string_view word = fy.letters();
    if (word == "FY" || (!strict && (word == "fy" || word == "Fy" || word == "fY"))) {
        fy.skip_spaces();
        if (const auto year = fy.number(4, 4)) {
            Written w;
            w.year = *year;
            w.fiscal = true;
            return Match{w, fy.pos()};
        }
        return std::nullopt;
    }
    if (const auto era = era_date(c, strict)) {
        return Match{*era, c.pos()};
    }
    // April 30, 2024; April 2024
    const auto month = month_name(c, strict);
    if (!month || !c.skip_spaces()) {
        return std::nullopt;
    }
    if (const auto year = c.number(4, 4)) {
        return Match{Written{.year = *year, .month = *month, .parts = 2}, c.pos()};
    }
    const auto day = c.number(1, 2);
    if (!day) {
        return std::nullopt;
    }
    skip_ordinal(c);
    const auto year = english_year(c);
    if (!year) {
        return std::nullopt;
    }
    return Match{Written{.year = *year, .month = *month, .day = *day, .parts = 3}, c.pos()};
}

}  // namespace

std::optional<Match> match_at(std::string_view s, std::size_t pos, bool strict) {
    const char first = s[pos];
    const char before = pos > 0 ? s[pos - 1] : ' ';
    Cursor c(s, pos);
    if (is_digit(first)) {
        return is_digit(before) ? std::nullopt : digit_date(c, strict);
    }
    if (is_letter(first)) {
        return is_letter(before) || is_digit(before) ? std::nullopt : letter_date(c, strict);
    }
    if (static_cast<unsigned char>(first) >= 0x80) {
        if (const auto era = era_date(c, strict)) {
            return Match{*era, c.pos()};
        }
    }
    return std::nullopt;
}

}  // namespace seisaku::document
