// SPDX-License-Identifier: MIT
// @brief The date expressions of dates.hpp read at a place of a text, before they are checked
// against the calendar; internal to core/document.
#pragma once

#include <compare>
#include <cstddef>
#include <optional>
#include <string_view>

#include "text/ascii.hpp"

namespace seisaku::document {

struct Day {
    int year = 0;
    int month = 0;
    int day = 0;
    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
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

using text::is_digit;
using text::is_letter;
using text::is_upper;

inline char lower(char c) {
    return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
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

/// The date expression starting at byte `pos` of `s`, if one does. `strict` is for running
/// text: no bare years or year-months in digits, capitals for month names and era letters.
[[nodiscard]] std::optional<Match> match_at(std::string_view s, std::size_t pos, bool strict);

}  // namespace seisaku::document
