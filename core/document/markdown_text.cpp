// SPDX-License-Identifier: MIT
#include "document/markdown_text.hpp"

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

std::string_view strip_line_prefix(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
        ++i;
    }
    std::size_t hashes = i;
    while (hashes < line.size() && line[hashes] == '#') {
        ++hashes;
    }
    if (hashes > i && hashes - i <= 6 && (hashes == line.size() || line[hashes] == ' ')) {
        return line.substr(hashes);
    }
    if (i < line.size() && line[i] == '>') {
        return line.substr(i + 1);
    }
    return line;
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

std::string markdown_to_text(std::string_view markdown) {
    std::string out;
    out.reserve(markdown.size());
    std::size_t pos = 0;
    while (pos < markdown.size()) {
        std::size_t eol = markdown.find('\n', pos);
        if (eol == std::string_view::npos) {
            eol = markdown.size();
        }
        const std::string_view line = markdown.substr(pos, eol - pos);
        if (!is_table_rule(line)) {
            append_inline(out, strip_line_prefix(line));
        }
        if (eol < markdown.size()) {
            out += '\n';
        }
        pos = eol + 1;
    }
    return out;
}

}  // namespace seisaku::document
