// SPDX-License-Identifier: MIT
// @brief Small ASCII helpers the document readers and snippets share: case folding, spaces and
// trimming, searching.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

namespace seisaku::text {

/// Whether `c` is an ASCII digit, 0-9.
[[nodiscard]] constexpr bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/// Whether `c` is an ASCII capital, A-Z.
[[nodiscard]] constexpr bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

/// Whether `c` is an ASCII letter, a-z or A-Z.
[[nodiscard]] constexpr bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || is_upper(c);
}

/// `s` with A-Z as a-z; every other byte as it is.
[[nodiscard]] inline std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

/// An ASCII space, tab, CR or LF.
[[nodiscard]] inline bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/// The offset of the first byte of s[from, to) that is no is_ascii_space(); `to` when none.
[[nodiscard]] inline std::size_t skip_ascii_spaces(std::string_view s, std::size_t from,
                                                   std::size_t to) {
    while (from < to && is_ascii_space(s[from])) {
        ++from;
    }
    return from;
}

/// `s` without ASCII spaces, tabs, CR and LF at either end.
[[nodiscard]] inline std::string_view trim_ascii(std::string_view s) {
    while (!s.empty() && is_ascii_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_ascii_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

/// Whether `s` holds any of `needles`.
[[nodiscard]] inline bool contains_any(std::string_view s,
                                       std::initializer_list<std::string_view> needles) {
    return std::any_of(needles.begin(), needles.end(),
                       [&](std::string_view n) { return s.find(n) != std::string_view::npos; });
}

}  // namespace seisaku::text
