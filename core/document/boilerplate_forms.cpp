// SPDX-License-Identifier: MIT
#include "document/boilerplate_forms.hpp"

#include <algorithm>

#include "document/outline.hpp"
#include "text/ascii.hpp"
#include "text/normalize.hpp"
#include "text/numerals.hpp"
#include "text/script_runs.hpp"
#include "text/utf8.hpp"

namespace seisaku::document {
namespace {

/// The parts of a breadcrumb line ("Home > News > Title", "ホーム＞報道発表＞…"): a bare '>'
/// separates only in a line without '<' (markup shown as text is not a path).
std::vector<std::string_view> crumbs(std::string_view f) {
    if (f.find('<') != std::string_view::npos || f.find('=') != std::string_view::npos) {
        return split_any(f, {" > ", " › ", " » ", " / "});
    }
    return split_any(f, {" > ", ">", " › ", "›", " » ", "»", " / ", "＞"});
}

}  // namespace

std::string folded_line(std::string_view line) {
    std::string f = heading_text(text::fold(line));
    std::string out;
    out.reserve(f.size());
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f[i] == '[') {
            std::size_t j = i + 1;
            while (j < f.size() && f[j] >= '0' && f[j] <= '9') {
                ++j;
            }
            if (j > i + 1 && j < f.size() && f[j] == ']') {
                i = j;
                continue;
            }
        }
        out += f[i];
    }
    return heading_text(out);
}

std::vector<std::string_view> split_any(std::string_view s,
                                        std::initializer_list<std::string_view> seps) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t len = 0;
        for (const std::string_view sep : seps) {
            if (s.substr(pos).starts_with(sep)) {
                len = sep.size();
                break;
            }
        }
        if (len == 0) {
            ++pos;
            continue;
        }
        if (const std::string_view part = text::trim_ascii(s.substr(start, pos - start));
            !part.empty()) {
            parts.push_back(part);
        }
        pos += len;
        start = pos;
    }
    if (const std::string_view part = text::trim_ascii(s.substr(start)); !part.empty()) {
        parts.push_back(part);
    }
    return parts;
}

bool is_home_word(std::string_view s) {
    return s == "home" || s == "top" || s == "ホーム" || s == "トップ" || s == "トップページ" ||
           s == "home page";
}

bool is_breadcrumb(std::string_view f) {
    if (f.find_first_of(">/") == std::string_view::npos && f.find("›") == std::string_view::npos &&
        f.find("»") == std::string_view::npos && f.find("＞") == std::string_view::npos &&
        !f.starts_with("1. ")) {
        return false;  // no separator: not worth splitting
    }
    const std::vector<std::string_view> parts = crumbs(f);
    if (parts.size() >= 2) {
        const bool short_parts = std::all_of(parts.begin(), parts.end() - 1,
                                             [](std::string_view p) { return p.size() <= 60; });
        if (short_parts && (parts.size() >= 3 || is_home_word(parts.front()))) {
            return true;
        }
    }
    return f.starts_with("1. ") && f.find(" 2. ") != std::string_view::npos &&
           is_home_word(text::trim_ascii(f.substr(3, f.find(" 2. ") - 3)));
}

std::string_view breadcrumb_leaf(std::string_view f) {
    const std::vector<std::string_view> parts = crumbs(f);
    if (parts.size() >= 2) {
        return parts.back();
    }
    const std::size_t n = f.rfind(". ");
    return n == std::string_view::npos ? std::string_view() : f.substr(n + 2);
}

bool is_address_or_phone(std::string_view f) {
    if (f.starts_with("〒")) {
        return true;
    }
    for (const std::string_view lead : {"tel", "電話", "代表電話", "fax", "ファクシミリ"}) {
        if (f.starts_with(lead)) {
            const std::string_view rest = f.substr(lead.size(), 16);
            return std::any_of(rest.begin(), rest.end(),
                               [](char c) { return c >= '0' && c <= '9'; });
        }
    }
    return false;
}

bool is_link_list_line(std::string_view f) {
    std::size_t i = 0;
    while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
        ++i;
    }
    std::string_view rest = f.substr(i);
    if (i > 0 && rest.starts_with(". ")) {
        rest.remove_prefix(2);
    }
    return (rest.starts_with("http://") || rest.starts_with("https://")) &&
           rest.find(' ') == std::string_view::npos;
}

Counts line_counts(std::string_view f) {
    Counts c;
    c.words = f.empty() ? 0 : 1 + static_cast<std::size_t>(std::count(f.begin(), f.end(), ' '));
    std::size_t pos = 0;
    while (pos < f.size()) {
        const char32_t cp = text::next_code_point(f, pos);
        ++c.code_points;
        if (text::classify(cp) == text::CharClass::Japanese) {
            ++c.japanese;
        }
    }
    return c;
}

bool ends_sentence(std::string_view f) {
    for (const std::string_view end :
         {".", "。", "!", "?", "！", "？", ".\"", ".)", "。」", "。）"}) {
        if (f.ends_with(end)) {
            return true;
        }
    }
    return false;
}

bool is_structure_line(std::string_view f) {
    if (f.starts_with("第")) {
        const std::size_t pos = text::numeral_run_end(f, 3);
        const std::string_view rest = f.substr(pos);
        return pos > 3 &&
               (rest.starts_with("編") || rest.starts_with("章") || rest.starts_with("節") ||
                rest.starts_with("款") || rest.starts_with("条"));
    }
    for (const std::string_view word : {"part ", "chapter ", "section ", "article "}) {
        if (f.starts_with(word) && f.size() > word.size() &&
            ((f[word.size()] >= '0' && f[word.size()] <= '9') ||
             std::string_view("ivxlc").find(f[word.size()]) != std::string_view::npos)) {
            return true;
        }
    }
    return f.size() >= 3 && f.size() <= 160 && f.front() == '(' && f.back() == ')' &&
           f.find(')') == f.size() - 1 && f.find("http") == std::string_view::npos;
}

}  // namespace seisaku::document
