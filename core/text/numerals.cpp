// SPDX-License-Identifier: MIT
#include "text/numerals.hpp"

#include <array>

#include "text/utf8.hpp"

namespace seisaku::text {
namespace {

/// 0-9 for 〇 零 一 .. 九, -1 for anything else.
int digit_value(char32_t cp) noexcept {
    static constexpr std::array<char32_t, 10> digits = {U'〇', U'一', U'二', U'三', U'四',
                                                        U'五', U'六', U'七', U'八', U'九'};
    if (cp == U'零') {
        return 0;
    }
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (digits[i] == cp) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

/// 10, 100, 1000 for 十 百 千, 0 for anything else (万 is handled apart).
std::uint32_t unit_value(char32_t cp) noexcept {
    switch (cp) {
        case U'十':
            return 10;
        case U'百':
            return 100;
        case U'千':
            return 1000;
        default:
            return 0;
    }
}

/// Characters after which a run of kanji numerals is a count: 年 月 日 条 章 節 款 編 号 項 回.
bool is_counter(char32_t cp) noexcept {
    static constexpr std::array<char32_t, 11> counters = {U'年', U'月', U'日', U'条', U'章', U'節',
                                                          U'款', U'編', U'号', U'項', U'回'};
    for (const char32_t c : counters) {
        if (c == cp) {
            return true;
        }
    }
    return false;
}

bool ends_with_any(std::string_view s, std::initializer_list<std::string_view> tails) {
    for (const std::string_view t : tails) {
        if (s.ends_with(t)) {
            return true;
        }
    }
    return false;
}

}  // namespace

bool is_kanji_numeral(char32_t cp) noexcept {
    return digit_value(cp) >= 0 || unit_value(cp) != 0 || cp == U'万';
}

std::size_t numeral_run_end(std::string_view s, std::size_t pos) noexcept {
    while (pos < s.size()) {
        std::size_t next = pos;
        const char32_t cp = next_code_point(s, next);
        if (!is_kanji_numeral(cp) && !(cp >= '0' && cp <= '9')) {
            break;
        }
        pos = next;
    }
    return pos;
}

std::optional<std::uint32_t> kanji_number(std::string_view s) {
    if (s.empty() || !is_valid(s)) {
        return std::nullopt;
    }
    bool has_unit = false;
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < s.size();) {
        const char32_t cp = next_code_point(s, pos);
        if (!is_kanji_numeral(cp)) {
            return std::nullopt;
        }
        has_unit = has_unit || digit_value(cp) < 0;
        ++count;
    }
    if (!has_unit) {  // digit by digit: 二〇二四
        if (count > 8) {
            return std::nullopt;
        }
        std::uint32_t v = 0;
        for (std::size_t pos = 0; pos < s.size();) {
            v = v * 10 + static_cast<std::uint32_t>(digit_value(next_code_point(s, pos)));
        }
        return v;
    }
    // With units: [digit] 千 [digit] 百 [digit] 十 [digit], each group once and in that order,
    // and the whole at most once before 万.
    std::uint32_t total = 0;
    std::uint32_t group = 0;
    std::uint32_t last_unit = 10000;  // units must fall within a group
    int digit = -1;
    bool seen_man = false;
    for (std::size_t pos = 0; pos < s.size();) {
        const char32_t cp = next_code_point(s, pos);
        if (const int d = digit_value(cp); d >= 0) {
            if (digit >= 0) {
                return std::nullopt;  // two digits in a row inside a number with units
            }
            digit = d;
        } else if (cp == U'万') {
            if (seen_man || (group == 0 && digit <= 0)) {
                return std::nullopt;
            }
            total = (group + static_cast<std::uint32_t>(digit < 0 ? 0 : digit)) * 10000;
            group = 0;
            digit = -1;
            last_unit = 10000;
            seen_man = true;
        } else {
            const std::uint32_t unit = unit_value(cp);
            if (unit >= last_unit || digit == 0) {
                return std::nullopt;
            }
            group += static_cast<std::uint32_t>(digit < 0 ? 1 : digit) * unit;
            last_unit = unit;
            digit = -1;
        }
    }
    return total + group + static_cast<std::uint32_t>(digit < 0 ? 0 : digit);
}

std::string kanji_to_digits(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto lead = static_cast<unsigned char>(text[pos]);
        if (lead < 0x80) {
            out += text[pos++];
            continue;
        }
        std::size_t end = pos;
        const char32_t cp = next_code_point(text, end);
        if (!is_kanji_numeral(cp)) {
            out.append(text.substr(pos, end - pos));
            pos = end;
            continue;
        }
        std::size_t run_end = end;
        while (run_end < text.size()) {
            std::size_t next = run_end;
            if (!is_kanji_numeral(next_code_point(text, next))) {
                break;
            }
            run_end = next;
        }
        const std::string_view run = text.substr(pos, run_end - pos);
        bool counted = ends_with_any(out, {"令和", "平成", "昭和"});
        if (!counted && run_end < text.size()) {
            std::size_t after = run_end;
            counted = is_counter(next_code_point(text, after));
        }
        const auto value = counted ? kanji_number(run) : std::nullopt;
        if (value) {
            out += std::to_string(*value);
        } else {
            out.append(run);
        }
        pos = run_end;
    }
    return out;
}

}  // namespace seisaku::text
