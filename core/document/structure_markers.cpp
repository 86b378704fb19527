// SPDX-License-Identifier: MIT
#include "document/structure_markers.hpp"

#include <array>
#include <optional>

#include "document/structure.hpp"
#include "text/ascii.hpp"
#include "text/numerals.hpp"
#include "text/utf8.hpp"

namespace seisaku::document {
namespace {

using text::is_digit;
using text::is_upper;

/// The number after a marker word: arabic digits (and a letter: "4a") or roman numerals;
/// advances `pos`. Returns its value (roman numerals counted; 0 when unreadable).
std::optional<unsigned> english_number(std::string_view s, std::size_t& pos) {
    std::size_t p = pos;
    unsigned v = 0;
    if (p < s.size() && is_digit(s[p])) {
        while (p < s.size() && is_digit(s[p]) && v < 100000) {
            v = v * 10 + static_cast<unsigned>(s[p++] - '0');
        }
        if (p < s.size() && s[p] >= 'a' && s[p] <= 'z' && (p + 1 == s.size() || s[p + 1] == ' ')) {
            ++p;  // Article 4a
        }
        pos = p;
        return v;
    }
    const std::string_view romans = "IVXLC";
    const std::size_t from = p;
    while (p < s.size() && romans.find(s[p]) != std::string_view::npos && p - from < 9) {
        ++p;
    }
    if (p == from || (p < s.size() && s[p] != ' ')) {
        return std::nullopt;
    }
    pos = p;
    return 0;
}

}  // namespace

bool is_caption(std::string_view folded) {
    return folded.size() >= 3 && folded.size() <= 160 && folded.front() == '(' &&
           folded.back() == ')' && folded.find(')') == folded.size() - 1;
}

int level_of(Kind k) {
    switch (k) {
        case Kind::Part:
            return level_part;
        case Kind::Chapter:
            return level_chapter;
        case Kind::Section:
            return level_section;
        case Kind::Subsection:
            return level_subsection;
        default:
            return level_article;
    }
}

Marker japanese_marker(std::string_view line, std::string_view folded) {
    Marker m;
    if (!folded.starts_with("第")) {
        return m;
    }
    std::size_t pos = text::numeral_run_end(folded, 3);
    if (pos == 3) {
        return m;
    }
    static constexpr std::array<std::pair<std::string_view, Kind>, 5> units = {{
        {"編", Kind::Part},
        {"章", Kind::Chapter},
        {"節", Kind::Section},
        {"款", Kind::Subsection},
        {"条", Kind::Article},
    }};
    const auto unit = std::find_if(units.begin(), units.end(), [&](const auto& u) {
        return folded.substr(pos).starts_with(u.first);
    });
    if (unit == units.end()) {
        return m;
    }
    pos += unit->first.size();
    if (unit->second == Kind::Article) {  // 第二十三条の二, 第十条の二の三
        while (folded.substr(pos).starts_with("の")) {
            std::size_t p = pos + 3;
            std::size_t e = p;
            while (e < folded.size()) {
                std::size_t next = e;
                if (!text::is_kanji_numeral(text::next_code_point(folded, next))) {
                    break;
                }
                e = next;
            }
            if (e == p) {
                break;
            }
            pos = e;
        }
    }
    m.rest = folded.substr(pos);
    if (!m.rest.empty() && m.rest.front() != ' ' && m.rest.front() != '(') {
        return m;  // 第三者, 第一条件: not a marker
    }
    m.kind = unit->second;
    // The label as written: the same code points as the folded marker (NFKC keeps kanji and
    // turns full-width digits into one code point each).
    const std::size_t cps = text::length(folded.substr(0, pos));
    std::size_t written = 0;
    for (std::size_t i = 0; i < cps && written < line.size(); ++i) {
        (void)text::next_code_point(line, written);
    }
    m.label = std::string(line.substr(0, written));
    return m;
}

Marker english_marker(std::string_view folded) {
    Marker m;
    static constexpr std::array<std::pair<std::string_view, Kind>, 10> words = {{
        {"Part ", Kind::Part},
        {"PART ", Kind::Part},
        {"Chapter ", Kind::Chapter},
        {"CHAPTER ", Kind::Chapter},
        {"Section ", Kind::Section},
        {"SECTION ", Kind::Section},
        {"Subsection ", Kind::Subsection},
        {"SUBSECTION ", Kind::Subsection},
        {"Article ", Kind::Article},
        {"ARTICLE ", Kind::Article},
    }};
    const auto word = std::find_if(words.begin(), words.end(),
                                   [&](const auto& w) { return folded.starts_with(w.first); });
    if (word == words.end()) {
        return m;
    }
    std::size_t pos = word->first.size();
    if (!english_number(folded, pos)) {
        return m;
    }
    m.rest = folded.substr(pos);
    // "Article 5 of the GDPR", "Section 2, paragraph (1)": a citation, not a heading
    if (!m.rest.empty()) {
        if (m.rest.front() != ' ' || m.rest.size() < 2) {
            return m;
        }
        const char next = m.rest[1];
        // "Article 27 (1) Businesses", "Article 27 (Restrictions …)", "Chapter IV Obligations"
        const bool bracket = next == '(' && m.rest.size() > 2 &&
                             (is_digit(m.rest[2]) || is_upper(m.rest[2]) ||
                              static_cast<unsigned char>(m.rest[2]) >= 0x80);
        if (!is_upper(next) && !bracket) {
            return m;
        }
    }
    m.kind = word->second;
    m.label = std::string(folded.substr(0, pos));
    return m;
}

int numbered_depth(std::string_view folded) {
    std::size_t pos = 0;
    int depth = 0;
    while (pos < folded.size() && is_digit(folded[pos])) {
        std::size_t n = 0;
        while (pos < folded.size() && is_digit(folded[pos]) && n < 3) {
            ++pos;
            ++n;
        }
        if (n == 0 || n > 2 || (pos < folded.size() && is_digit(folded[pos]))) {
            return 0;
        }
        ++depth;
        if (pos < folded.size() && folded[pos] == '.') {
            ++pos;
            if (pos < folded.size() && is_digit(folded[pos])) {
                continue;
            }
        } else if (depth == 1) {
            return 0;  // "2024 was" is not a heading: one number needs its dot
        }
        break;
    }
    if (depth == 0 || depth > 3 || pos >= folded.size()) {
        return 0;
    }
    std::string_view rest = folded.substr(pos);
    while (rest.starts_with(" ")) {
        rest.remove_prefix(1);
    }
    if (rest.empty()) {
        return 0;
    }
    const auto lead = static_cast<unsigned char>(rest.front());
    const bool japanese = lead >= 0x80;
    if (!japanese && !is_upper(rest.front())) {
        return 0;
    }
    const std::size_t limit = japanese ? 40 : 24;  // code points; words are longer in English
    if (text::length(rest) > (japanese ? limit : 80) || (!japanese && rest.size() > 80)) {
        return 0;
    }
    for (const std::string_view end : {".", "。", ":", "：", ",", "、", ";"}) {
        if (rest.ends_with(end)) {
            return 0;
        }
    }
    return depth;
}

}  // namespace seisaku::document
