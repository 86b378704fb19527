// SPDX-License-Identifier: MIT
#include "document/structure.hpp"

#include <algorithm>
#include <array>

#include "document/outline.hpp"
#include "text/normalize.hpp"
#include "text/numerals.hpp"
#include "text/utf8.hpp"

namespace seisaku::document {
namespace {

constexpr std::size_t max_heading_line_bytes = 200;

struct Line {
    std::size_t begin = 0;
    std::size_t end = 0;  ///< without its line feed
    std::string_view text;
};

std::vector<Line> lines_of(std::string_view body) {
    std::vector<Line> out;
    std::size_t pos = 0;
    while (pos <= body.size()) {
        const std::size_t eol = std::min(body.find('\n', pos), body.size());
        out.push_back({pos, eol, body.substr(pos, eol - pos)});
        if (eol == body.size()) {
            break;
        }
        pos = eol + 1;
    }
    return out;
}

bool is_blank(std::string_view s) {
    return heading_text(s).empty();
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

/// A line in brackets from end to end: a law's caption, "（目的）" or "(Purpose)".
bool is_caption(std::string_view folded) {
    return folded.size() >= 3 && folded.size() <= 160 && folded.front() == '(' &&
           folded.back() == ')' && folded.find(')') == folded.size() - 1;
}

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

enum class Kind { None, Part, Chapter, Section, Subsection, Article, Numbered };

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

/// What a line starts with: its kind, where the marker ends (in the folded line, and for a
/// Japanese marker in the line as written) and what follows.
struct Marker {
    Kind kind = Kind::None;
    std::string label;  ///< the marker as written: "第二十七条", "Article 27", "CHAPTER III"
    std::string_view rest;  ///< the folded line after the marker
    int numbered_depth = 0;
};

/// 第N編/章/節/款/条 (条 maybe with の二) at the start of `line` (as written) and `folded`.
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

/// "1. Background", "2.1 Scope", "1.概要": depth (1 for "1.") or 0.
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

std::string one_spaced(std::string_view s) {
    return heading_text(s);
}

}  // namespace

std::vector<Heading> with_structure_headings(std::string_view body, std::vector<Heading> headings,
                                             bool numbered) {
    const std::vector<Line> lines = lines_of(body);
    std::vector<Heading> found;
    auto existing = headings.begin();
    const auto is_heading_line = [&](const Line& l) {
        while (existing != headings.end() && existing->offset < l.begin) {
            ++existing;
        }
        return existing != headings.end() && existing->offset <= l.end;
    };
    std::vector<bool> taken(lines.size(), false);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        if (taken[i] || is_heading_line(line)) {
            continue;
        }
        const std::string_view trimmed_view = line.text;
        if (trimmed_view.empty()) {
            continue;
        }
        const auto lead = static_cast<unsigned char>(trimmed_view.front());
        const bool candidate = trimmed_view.starts_with("第") || is_upper(trimmed_view.front()) ||
                               is_digit(trimmed_view.front()) || lead == 0xEF;
        if (!candidate) {
            continue;
        }
        // an article's line may be long (its first sentence follows): read its start
        const bool long_line = line.text.size() > max_heading_line_bytes;
        const std::string_view head = text::truncate(line.text, max_heading_line_bytes);
        const std::string folded = one_spaced(text::prepare(head));
        if (folded.find('|') != std::string::npos) {
            continue;  // a table row
        }
        Marker m = japanese_marker(one_spaced(head), folded);
        if (m.kind == Kind::None) {
            m = english_marker(folded);
        }
        if (m.kind == Kind::None && numbered) {
            const int depth = numbered_depth(folded);
            const bool after_blank = i == 0 || is_blank(lines[i - 1].text);
            const bool list_follows =
                i + 1 < lines.size() &&
                numbered_depth(one_spaced(text::prepare(lines[i + 1].text))) > 0;
            if (depth > 0 && after_blank && !list_follows && !long_line) {
                found.push_back({line.begin, std::min(6, 1 + depth), one_spaced(line.text), 1});
            }
            continue;
        }
        if (m.kind == Kind::None) {
            continue;
        }
        if (m.kind != Kind::Article) {
            if (long_line || folded.ends_with("。")) {
                continue;
            }
            Heading h{line.begin, level_of(m.kind), one_spaced(line.text), 1};
            // "CHAPTER III" alone: its caption is the next line
            if (m.rest.empty() && i + 1 < lines.size() && !is_blank(lines[i + 1].text) &&
                lines[i + 1].text.size() <= max_heading_line_bytes) {
                const std::string next = one_spaced(lines[i + 1].text);
                const std::string next_folded = one_spaced(text::prepare(next));
                if (japanese_marker(next, next_folded).kind == Kind::None &&
                    english_marker(next_folded).kind == Kind::None && !next.ends_with(".")) {
                    h.text += ' ' + next;
                    h.lines = 2;
                    taken[i + 1] = true;
                }
            }
            h.text = std::string(text::truncate(h.text, max_heading_bytes));
            found.push_back(std::move(h));
            continue;
        }
        // An article: the caption above it, in brackets, belongs to it.
        Heading h{line.begin, level_article, m.label, 0};
        const bool caption_above = i > 0 && !taken[i - 1] && !is_heading_line(lines[i - 1]) &&
                                   is_caption(one_spaced(text::prepare(lines[i - 1].text)));
        const std::string_view rest = m.rest.starts_with(" ") ? m.rest.substr(1) : m.rest;
        // (a long line's rest is cut: it is text, not a caption)
        std::string caption;
        if (caption_above) {
            caption = one_spaced(lines[i - 1].text);
            h.offset = lines[i - 1].begin;
        } else if (!long_line && is_caption(rest)) {
            h.text = one_spaced(line.text);  // "第十六条（基本方針）" as written
        }
        const bool alone = !long_line && (rest.empty() || (!caption_above && is_caption(rest)));
        if (alone) {
            h.lines = caption_above ? 2 : 1;
            // "Article 12" alone: the caption is the next line, unless it is the text
            if (rest.empty() && !caption_above && i + 1 < lines.size() &&
                !is_blank(lines[i + 1].text) &&
                lines[i + 1].text.size() <= max_heading_line_bytes) {
                const std::string next = one_spaced(lines[i + 1].text);
                const std::string next_folded = one_spaced(text::prepare(next));
                if (!next.ends_with(".") && !next.ends_with("。") &&
                    !next_folded.starts_with("(") && numbered_depth(next_folded) == 0 &&
                    english_marker(next_folded).kind == Kind::None &&
                    japanese_marker(next, next_folded).kind == Kind::None) {
                    caption = next;
                    h.lines = 2;
                    taken[i + 1] = true;
                }
            }
        }
        if (!caption.empty()) {
            const bool japanese = m.label.starts_with("第");
            h.text += japanese || caption.starts_with("(") || caption.starts_with("（")
                          ? caption
                          : " " + caption;
            if (!japanese && caption.starts_with("(")) {
                h.text = m.label + " " + caption;
            }
        }
        h.text = std::string(text::truncate(h.text, max_heading_bytes));
        found.push_back(std::move(h));
    }
    if (found.empty()) {
        return headings;
    }
    std::vector<Heading> out;
    out.reserve(headings.size() + found.size());
    std::merge(headings.begin(), headings.end(), found.begin(), found.end(),
               std::back_inserter(out),
               [](const Heading& a, const Heading& b) { return a.offset < b.offset; });
    // two headings never share an offset (the stored record keeps them ascending)
    out.erase(std::unique(out.begin(), out.end(),
                          [](const Heading& a, const Heading& b) { return a.offset == b.offset; }),
              out.end());
    return out;
}

std::optional<ArticleRef> article_of(std::string_view heading) {
    const std::string folded = one_spaced(text::prepare(heading));
    const Marker ja = japanese_marker(one_spaced(heading), folded);
    if (ja.kind == Kind::Article) {
        const std::string digits = text::kanji_to_digits(ja.label);
        unsigned n = 0;
        for (std::size_t i = 3; i < digits.size() && is_digit(digits[i]); ++i) {
            n = n * 10 + static_cast<unsigned>(digits[i] - '0');
        }
        if (n == 0) {  // 第２７条 as written: NFKC has the digits
            for (std::size_t i = 3; i < folded.size() && is_digit(folded[i]); ++i) {
                n = n * 10 + static_cast<unsigned>(folded[i] - '0');
            }
        }
        return ArticleRef{ja.label, n, true};
    }
    const Marker en = english_marker(folded);
    if (en.kind == Kind::Article) {
        const std::size_t space = en.label.find(' ');
        std::string label = en.label.substr(space + 1);
        unsigned n = 0;
        for (const char c : label) {
            if (!is_digit(c)) {
                break;
            }
            n = n * 10 + static_cast<unsigned>(c - '0');
        }
        return ArticleRef{std::move(label), n, false};
    }
    return std::nullopt;
}

}  // namespace seisaku::document
