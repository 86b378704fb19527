// SPDX-License-Identifier: MIT
#include "document/structure.hpp"

#include <algorithm>

#include "document/outline.hpp"
#include "document/structure_markers.hpp"
#include "text/ascii.hpp"
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

using text::is_digit;
using text::is_upper;

std::string one_spaced(std::string_view s) {
    return heading_text(s);
}

/// The headings a text has already (Markdown's, a PDF's outline): whether a line is one of
/// them, asked in line order.
class KnownHeadings {
  public:
    explicit KnownHeadings(const std::vector<Heading>& headings)
        : next_(headings.begin()), end_(headings.end()) {}
    bool on(const Line& l) {
        while (next_ != end_ && next_->offset < l.begin) {
            ++next_;
        }
        return next_ != end_ && next_->offset <= l.end;
    }

  private:
    std::vector<Heading>::const_iterator next_;
    std::vector<Heading>::const_iterator end_;
};

/// A text's lines as the structure headings are looked for: those taken by a heading (a
/// caption on the next line) and those that are headings already.
struct Scan {
    const std::vector<Line>& lines;
    std::vector<bool> taken;
    KnownHeadings known;
};

/// "1. Background" after a blank line, not followed by another such line (a list), at level
/// 2 + its depth.
std::optional<Heading> numbered_heading(const Scan& scan, std::size_t i, const std::string& folded,
                                        bool long_line) {
    const std::vector<Line>& lines = scan.lines;
    const int depth = numbered_depth(folded);
    const bool after_blank = i == 0 || is_blank(lines[i - 1].text);
    const bool list_follows =
        i + 1 < lines.size() && numbered_depth(one_spaced(text::prepare(lines[i + 1].text))) > 0;
    if (depth > 0 && after_blank && !list_follows && !long_line) {
        return Heading{lines[i].begin, std::min(6, 1 + depth), one_spaced(lines[i].text), 1};
    }
    return std::nullopt;
}

/// A part, chapter, section or subsection: the line, with its caption from the next line
/// when the number stands alone ("CHAPTER III" then "Rights of the data subject").
std::optional<Heading> part_heading(Scan& scan, std::size_t i, const Marker& m,
                                    const std::string& folded, bool long_line) {
    const std::vector<Line>& lines = scan.lines;
    const Line& line = lines[i];
    if (long_line || folded.ends_with("。")) {
        return std::nullopt;
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
            scan.taken[i + 1] = true;
        }
    }
    h.text = std::string(text::truncate(h.text, max_heading_bytes));
    return h;
}

/// "Article 12" alone on its line: its caption, the next line unless that is the text.
std::string caption_below(Scan& scan, std::size_t i) {
    const std::vector<Line>& lines = scan.lines;
    if (i + 1 >= lines.size() || is_blank(lines[i + 1].text) ||
        lines[i + 1].text.size() > max_heading_line_bytes) {
        return {};
    }
    const std::string next = one_spaced(lines[i + 1].text);
    const std::string next_folded = one_spaced(text::prepare(next));
    if (!next.ends_with(".") && !next.ends_with("。") && !next_folded.starts_with("(") &&
        numbered_depth(next_folded) == 0 && english_marker(next_folded).kind == Kind::None &&
        japanese_marker(next, next_folded).kind == Kind::None) {
        scan.taken[i + 1] = true;
        return next;
    }
    return {};
}

/// An article: the caption above it, in brackets, belongs to it.
Heading article_heading(Scan& scan, std::size_t i, const Marker& m, bool long_line) {
    const std::vector<Line>& lines = scan.lines;
    const Line& line = lines[i];
    Heading h{line.begin, level_article, m.label, 0};
    const bool caption_above = i > 0 && !scan.taken[i - 1] && !scan.known.on(lines[i - 1]) &&
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
        if (rest.empty() && !caption_above) {
            caption = caption_below(scan, i);
            h.lines = caption.empty() ? h.lines : 2;
        }
    }
    if (!caption.empty()) {
        const bool japanese = m.label.starts_with("第");
        h.text += japanese || caption.starts_with("(") || caption.starts_with("（") ? caption
                                                                                    : " " + caption;
        if (!japanese && caption.starts_with("(")) {
            h.text = m.label + " " + caption;
        }
    }
    h.text = std::string(text::truncate(h.text, max_heading_bytes));
    return h;
}

/// The structure heading line i starts, if any.
std::optional<Heading> structure_heading(Scan& scan, std::size_t i, bool numbered) {
    const Line& line = scan.lines[i];
    const std::string_view trimmed_view = line.text;
    if (trimmed_view.empty()) {
        return std::nullopt;
    }
    const auto lead = static_cast<unsigned char>(trimmed_view.front());
    const bool candidate = trimmed_view.starts_with("第") || is_upper(trimmed_view.front()) ||
                           is_digit(trimmed_view.front()) || lead == 0xEF;
    if (!candidate) {
        return std::nullopt;
    }
    // an article's line may be long (its first sentence follows): read its start
    const bool long_line = line.text.size() > max_heading_line_bytes;
    const std::string_view head = text::truncate(line.text, max_heading_line_bytes);
    const std::string folded = one_spaced(text::prepare(head));
    if (folded.find('|') != std::string::npos) {
        return std::nullopt;  // a table row
    }
    Marker m = japanese_marker(one_spaced(head), folded);
    if (m.kind == Kind::None) {
        m = english_marker(folded);
    }
    if (m.kind == Kind::None) {
        return numbered ? numbered_heading(scan, i, folded, long_line) : std::nullopt;
    }
    if (m.kind != Kind::Article) {
        return part_heading(scan, i, m, folded, long_line);
    }
    return article_heading(scan, i, m, long_line);
}

}  // namespace

std::vector<Heading> with_structure_headings(std::string_view body, std::vector<Heading> headings,
                                             bool numbered) {
    const std::vector<Line> lines = lines_of(body);
    std::vector<Heading> found;
    Scan scan{lines, std::vector<bool>(lines.size(), false), KnownHeadings(headings)};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (scan.taken[i] || scan.known.on(lines[i])) {
            continue;
        }
        if (std::optional<Heading> h = structure_heading(scan, i, numbered)) {
            found.push_back(std::move(*h));
        }
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
