// SPDX-License-Identifier: MIT
#include "document/markdown_text.hpp"

#include <algorithm>

#include "document/outline.hpp"

namespace seisaku::document {
namespace {

/// A table rule such as "|---|:--:|" or "--- | ---".
bool is_table_rule(std::string_view line) {
    bool dash = false;
    for (const char c : line) {
        if (c == '-') {
            dash = true;
        } else if (c != '|' && c != ':' && c != ' ' && c != '\t') {
            return false;
        }
    }
    return dash && line.find('|') != std::string_view::npos;
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

/// "---", "***", "_ _ _": three or more of one of - * _ and nothing else but spaces.
bool is_thematic_break(std::string_view line) {
    const std::string_view t = trim_spaces(line);
    if (t.empty() || (t.front() != '-' && t.front() != '*' && t.front() != '_')) {
        return false;
    }
    std::size_t marks = 0;
    for (const char c : t) {
        if (c == t.front()) {
            ++marks;
        } else if (c != ' ' && c != '\t') {
            return false;
        }
    }
    return marks >= 3;
}

/// The level of a setext underline ("===" 1, "---" 2), or 0 when the line is none.
int setext_level(std::string_view line) {
    const std::string_view t = trim_spaces(line);
    if (t.empty() || (t.front() != '=' && t.front() != '-') ||
        t.find_first_not_of(t.front()) != std::string_view::npos) {
        return 0;
    }
    return t.front() == '=' ? 1 : 2;
}

bool is_fence(std::string_view line) {
    const std::string_view t = trim_spaces(line);
    return t.starts_with("```") || t.starts_with("~~~");
}

struct LineText {
    std::string_view text;  ///< the line without its block marks
    int heading = 0;        ///< the level of an ATX heading, or 0
};

/// Drops an ATX heading's marks (and its closing run of #) or a block quote mark.
LineText strip_line_prefix(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
        ++i;
    }
    std::size_t hashes = i;
    while (hashes < line.size() && line[hashes] == '#') {
        ++hashes;
    }
    if (hashes > i && hashes - i <= 6 && (hashes == line.size() || line[hashes] == ' ')) {
        std::string_view text = line.substr(hashes);
        // A closing run of # after a space is not text: "## Title ##" → " Title ".
        std::size_t end = text.size();
        while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) {
            --end;
        }
        std::size_t run = end;
        while (run > 0 && text[run - 1] == '#') {
            --run;
        }
        if (run < end && (run == 0 || text[run - 1] == ' ' || text[run - 1] == '\t')) {
            text = text.substr(0, run);
        }
        return {text, static_cast<int>(hashes - i)};
    }
    if (i < line.size() && line[i] == '>') {
        return {line.substr(i + 1), 0};
    }
    return {line, 0};
}

/// Inline markup of one line: emphasis and code marks go, [text](url) keeps the text.
void append_inline(std::string& out, std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '*' || c == '`' || (c == '_' && i + 1 < line.size() && line[i + 1] == '_')) {
            if (c == '_') {
                ++i;
            }
            continue;
        }
        if (c == '|') {
            out += ' ';
            continue;
        }
        if (c == '!' && i + 1 < line.size() && line[i + 1] == '[') {
            continue;  // image: keep its alt text
        }
        if (c == ']' && i + 1 < line.size() && line[i + 1] == '(') {
            const std::size_t close = line.find(')', i + 2);
            if (close != std::string_view::npos) {
                i = close;  // drop "(url)"
                continue;
            }
        }
        if (c == '[') {
            const std::size_t close = line.find("](", i + 1);
            if (close != std::string_view::npos) {
                continue;  // the text of a link
            }
        }
        out += c;
    }
}

}  // namespace

std::string markdown_to_text(std::string_view markdown, std::vector<Heading>* headings) {
    std::string out;
    out.reserve(markdown.size());
    const auto add_heading = [&](std::size_t offset, int level) {
        std::string text = heading_text(std::string_view(out).substr(offset));
        if (headings != nullptr && !text.empty()) {
            headings->push_back({offset, level, std::move(text)});
        }
    };
    constexpr std::size_t none = std::string::npos;
    std::size_t paragraph = none;  // where the lines of the current paragraph start in `out`
    bool in_fence = false;
    std::size_t pos = 0;
    while (pos < markdown.size()) {
        std::size_t eol = markdown.find('\n', pos);
        if (eol == std::string_view::npos) {
            eol = markdown.size();
        }
        const std::string_view line = markdown.substr(pos, eol - pos);
        const std::size_t line_start = out.size();
        if (is_fence(line) || in_fence) {
            in_fence = in_fence != is_fence(line);
            append_inline(out, line);
            paragraph = none;
        } else if (const int level = setext_level(line); level > 0 && paragraph != none) {
            // The paragraph above is the heading: its lines become one, the underline goes.
            std::replace(out.begin() + static_cast<std::ptrdiff_t>(paragraph), out.end() - 1, '\n',
                         ' ');
            add_heading(paragraph, level);
            paragraph = none;
        } else if (is_table_rule(line) || is_thematic_break(line)) {
            paragraph = none;
        } else {
            const LineText stripped = strip_line_prefix(line);
            append_inline(out, stripped.text);
            if (stripped.heading > 0) {
                add_heading(line_start, stripped.heading);
                paragraph = none;
            } else if (trim_spaces(std::string_view(out).substr(line_start)).empty()) {
                paragraph = none;
            } else if (paragraph == none) {
                paragraph = line_start;
            }
        }
        if (eol < markdown.size()) {
            out += '\n';
        }
        pos = eol + 1;
    }
    return out;
}

}  // namespace seisaku::document
