// SPDX-License-Identifier: MIT
#include "document/outline.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace seisaku::document {
namespace {

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/// Only whitespace: ASCII, NO-BREAK SPACE (HTML's &nbsp;) or IDEOGRAPHIC SPACE.
bool is_blank(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size()) {
        if (is_ascii_space(line[i])) {
            ++i;
        } else if (line.substr(i).starts_with("\xC2\xA0")) {
            i += 2;
        } else if (line.substr(i).starts_with("\xE3\x80\x80")) {
            i += 3;
        } else {
            return false;
        }
    }
    return true;
}

}  // namespace

std::vector<Paragraph> paragraphs(std::string_view body, const std::vector<Heading>& headings) {
    std::vector<Paragraph> out;
    auto next_heading = headings.begin();
    bool open = false;
    int heading_lines_left = 0;  // lines of a heading of two lines still to pass
    std::size_t pos = 0;
    while (pos < body.size()) {
        const std::size_t eol = std::min(body.find('\n', pos), body.size());
        bool heading_line = heading_lines_left > 0;
        bool starts_paragraph = false;
        heading_lines_left = std::max(0, heading_lines_left - 1);
        for (; next_heading != headings.end() && next_heading->offset <= eol; ++next_heading) {
            if (next_heading->offset < pos) {
                continue;
            }
            if (next_heading->lines == 0) {
                starts_paragraph = true;
            } else {
                heading_line = true;
                heading_lines_left = std::max(heading_lines_left, next_heading->lines - 1);
            }
        }
        if (heading_line || is_blank(body.substr(pos, eol - pos))) {
            open = false;
        } else if (open && !starts_paragraph) {
            out.back().end = eol;
        } else {
            out.push_back({pos, eol});
            open = true;
        }
        pos = eol + 1;
    }
    return out;
}

std::vector<std::string> heading_path(const std::vector<Heading>& headings, std::size_t offset) {
    std::vector<const Heading*> open;
    for (const Heading& h : headings) {
        // an inline heading encloses the paragraph it starts, from its first byte
        if (h.offset > offset || (h.offset == offset && h.lines != 0)) {
            break;
        }
        while (!open.empty() && open.back()->level >= h.level) {
            open.pop_back();
        }
        open.push_back(&h);
    }
    std::vector<std::string> path;
    path.reserve(open.size());
    for (const Heading* h : open) {
        path.push_back(h->text);
    }
    return path;
}

std::string heading_text(std::string_view line) {
    std::string out;
    bool space = false;
    for (const char c : line) {
        if (is_ascii_space(c)) {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return std::string(text::truncate(out, max_heading_bytes));
}

}  // namespace seisaku::document
