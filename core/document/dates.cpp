// SPDX-License-Identifier: MIT
#include "document/dates.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "text/numerals.hpp"

namespace seisaku::document {
namespace {

struct Day {
    int year = 0;
    int month = 0;
    int day = 0;
    auto operator<=>(const Day&) const = default;
};

/// A Japanese era: its name, the letter it is abbreviated to, and its first and last days.
/// Era year 1 (元年) is the calendar year of its first day.
struct Era {
    std::string_view name;
    char letter;
    Day first;
    Day last;
};

constexpr std::array<Era, 3> eras = {{
    {"令和", 'R', {2019, 5, 1}, {9999, 12, 31}},
    {"平成", 'H', {1989, 1, 8}, {2019, 4, 30}},
    {"昭和", 'S', {1926, 12, 25}, {1989, 1, 7}},
}};

/// What an expression says, before it is checked against the calendar.
struct Written {
    int year = 0;              ///< Gregorian, or the era year when `era` is set
    int month = 0;             ///< when parts >= 2
    int day = 0;               ///< when parts == 3
    int parts = 1;             ///< 1 year, 2 year and month, 3 year, month and day
    bool fiscal = false;       ///< a fiscal year (parts == 1)
    int same_year = 0;         ///< the Gregorian year written again in brackets, or 0
    const Era* era = nullptr;  ///< the era the year counts in, if any
};

struct Match {
    Written date;
    std::size_t end = 0;  ///< byte just after the expression
};

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
char lower(char c) {
    return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

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

/// A cursor over the text; copies are cheap, so a form is tried on a copy and kept on success.
class Cursor {
  public:
    Cursor(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {}

    [[nodiscard]] std::size_t pos() const { return pos_; }
    [[nodiscard]] char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

    bool eat(std::string_view literal) {
        if (!text_.substr(pos_).starts_with(literal)) {
            return false;
        }
        pos_ += literal.size();
        return true;
    }

    bool eat(char c) {
        if (peek() != c || c == '\0') {
            return false;
        }
        ++pos_;
        return true;
    }

    /// Skips spaces and tabs; says whether there were any.
    bool skip_spaces() {
        const std::size_t from = pos_;
        while (peek() == ' ' || peek() == '\t') {
            ++pos_;
        }
        return pos_ > from;
    }

    /// A whole run of digits of min..max digits, or nothing (a longer run is not a number here).
    std::optional<int> number(std::size_t min_digits, std::size_t max_digits) {
        std::size_t n = 0;
        while (pos_ + n < text_.size() && is_digit(text_[pos_ + n])) {
            ++n;
        }
        if (n < min_digits || n > max_digits) {
            return std::nullopt;
        }
        int v = 0;
        for (std::size_t i = 0; i < n; ++i) {
            v = v * 10 + (text_[pos_ + i] - '0');
        }
        pos_ += n;
        return v;
    }

    /// A whole run of ASCII letters (maybe empty), consumed.
    std::string_view letters() {
        const std::size_t from = pos_;
        while (is_letter(peek())) {
            ++pos_;
        }
        return text_.substr(from, pos_ - from);
    }

  private:
    std::string_view text_;
    std::size_t pos_;
};

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
    Cursor m = t;
    m.skip_spaces();
    const auto month = m.number(1, 2);
    m.skip_spaces();
    if (month && m.eat("月")) {
        w.month = *month;
        w.parts = 2;
        t = m;
        Cursor d = t;
        d.skip_spaces();
        const auto day = d.number(1, 2);
        d.skip_spaces();
        if (day && d.eat("日")) {
            w.day = *day;
            w.parts = 3;
            t = d;
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

/// The date expression starting at byte `pos` of `s`, if one does. `strict` is for running
/// text: no bare years or year-months in digits, capitals for month names and era letters.
std::optional<Match> match_at(std::string_view s, std::size_t pos, bool strict) {
    const char first = s[pos];
    const char before = pos > 0 ? s[pos - 1] : ' ';
    Cursor c(s, pos);
    Written w;
    if (is_digit(first)) {
        if (is_digit(before)) {
            return std::nullopt;
        }
        Cursor probe = c;
        if (const auto year = probe.number(4, 4)) {
            c = probe;
            w.year = *year;
            if (japanese_tail(c, w) || numeric_tail(c, w, "-/.", strict) || !strict) {
                return Match{w, c.pos()};
            }
            return std::nullopt;
        }
        // 30 April 2024, 3rd July 2023
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
    if (is_letter(first)) {
        if (is_letter(before) || is_digit(before)) {
            return std::nullopt;
        }
        // FY2023, FY 2023
        Cursor fy = c;
        const std::string_view word = fy.letters();
        if (word == "FY" || (!strict && (word == "fy" || word == "Fy" || word == "fY"))) {
            fy.skip_spaces();
            if (const auto year = fy.number(4, 4)) {
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
    if (static_cast<unsigned char>(first) >= 0x80) {
        if (const auto era = era_date(c, strict)) {
            return Match{*era, c.pos()};
        }
    }
    return std::nullopt;
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
