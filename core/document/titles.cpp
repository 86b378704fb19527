// SPDX-License-Identifier: MIT
#include "document/titles.hpp"

#include <algorithm>
#include <array>

#include "document/outline.hpp"
#include "document/structure.hpp"
#include "text/ascii.hpp"
#include "text/normalize.hpp"
#include "text/script_runs.hpp"
#include "text/utf8.hpp"

namespace seisaku::document {
namespace {

using text::contains_any;
using text::lower_ascii;

/// Where the bracketed part that ends `s` opens ("(…)" or "（…）"), or npos.
std::size_t last_bracket_open(std::string_view s) {
    if (s.ends_with(")")) {
        int depth = 0;
        for (std::size_t i = s.size(); i-- > 0;) {
            depth += s[i] == ')' ? 1 : s[i] == '(' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
    } else if (s.ends_with("）")) {
        const std::size_t open = s.rfind("（");
        return open;
    }
    return std::string_view::npos;
}

bool japanese_text(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        if (text::classify(text::next_code_point(s, pos)) == text::CharClass::Japanese) {
            return true;
        }
    }
    return false;
}

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while (pos < s.size()) {
        while (pos < s.size() &&
               (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r')) {
            ++pos;
        }
        const std::size_t start = pos;
        while (pos < s.size() && s[pos] != ' ' && s[pos] != '\t' && s[pos] != '\n' &&
               s[pos] != '\r') {
            ++pos;
        }
        if (pos > start) {
            words.push_back(s.substr(start, pos - start));
        }
    }
    return words;
}

}  // namespace

bool is_generic_title(std::string_view title) {
    std::string t = lower_ascii(text::trim_ascii(title));
    for (const std::string_view colon : {":", "："}) {
        if (t.ends_with(colon)) {
            t.resize(t.size() - colon.size());
        }
    }
    static constexpr auto generic = std::to_array<std::string_view>(
        {"introduction", "overview", "contents", "table of contents",
         "disclaimer",   "readme",   "preface",  "foreword",
         "abstract",     "summary",  "index",    "home",
         "untitled",     "document", "はじめに", "概要",
         "目次",         "免責事項", "序文",     "まえがき",
         "要旨",         "要約",     "前書き",   "無題"});
    return std::find(generic.begin(), generic.end(), text::trim_ascii(t)) != generic.end();
}

std::string law_name(std::string_view title) {
    std::string_view name = text::trim_ascii(title);
    // a version after a dash: "… (Artificial Intelligence Act) — consolidated text …"
    for (const std::string_view dash : {" — ", " – ", " - "}) {
        const std::size_t at = name.find(dash);
        if (at != std::string_view::npos && at >= 12) {
            const std::string tail = lower_ascii(name.substr(at));
            if (contains_any(tail, {"consolidated", "as amended", "version", "text as"})) {
                name = text::trim_ascii(name.substr(0, at));
            }
        }
    }
    // its number in brackets at the end: (Act No. 57 of …), （平成…法律第五十七号）
    const std::size_t open = last_bracket_open(name);
    if (open != std::string_view::npos && open > 0) {
        const std::string_view inside = name.substr(open);
        if (contains_any(inside, {"No.", "法律第", "政令第", "省令第", "規則第", "条例第"})) {
            name = text::trim_ascii(name.substr(0, open));
        }
    }
    return std::string(name);
}

bool is_law_name(std::string_view name) {
    name = text::trim_ascii(name);
    if (name.empty()) {
        return false;
    }
    if (japanese_text(name)) {
        for (const std::string_view end : {"法", "法律", "規則", "令", "条例", "規程", "条約"}) {
            if (name.ends_with(end)) {
                return true;
            }
        }
        return false;
    }
    for (const std::string_view word :
         {"Act", "Regulation", "Directive", "Law", "Code", "Convention", "Treaty", "Ordinance"}) {
        std::size_t at = 0;
        while ((at = name.find(word, at)) != std::string_view::npos) {
            const std::size_t end = at + word.size();
            const bool starts = at == 0 || name[at - 1] == ' ' || name[at - 1] == '(';
            const bool ends =
                end == name.size() || name[end] == ' ' || name[end] == ')' || name[end] == ',';
            if (starts && ends) {
                return true;
            }
            at = end;
        }
    }
    return false;
}

std::string article_span(const std::vector<Heading>& headings) {
    std::optional<ArticleRef> first;
    std::optional<ArticleRef> last;
    for (const Heading& h : headings) {
        if (auto a = article_of(h.text)) {
            if (!first) {
                first = a;
            }
            last = std::move(a);
        }
    }
    if (!first) {
        return {};
    }
    if (first->japanese) {
        return first->label == last->label ? first->label : first->label + "～" + last->label;
    }
    return first->label == last->label ? "Article " + first->label
                                       : "Articles " + first->label + "–" + last->label;
}

std::string sentence_title(std::string_view text) {
    std::size_t pos = 0;
    std::string_view sentence;
    while (pos < text.size()) {  // the first line with words
        const std::size_t eol = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text::trim_ascii(text.substr(pos, eol - pos));
        pos = eol + 1;
        if (line.empty() || line.starts_with("#")) {
            continue;
        }
        sentence = line;
        break;
    }
    if (sentence.empty()) {
        return {};
    }
    for (const std::string_view end : {"。", ". ", "！", "？"}) {
        const std::size_t at = sentence.find(end);
        if (at != std::string_view::npos) {
            sentence = sentence.substr(0, at + (end == ". " ? 1 : end.size()));
        }
    }
    const bool japanese = japanese_text(sentence);
    if (japanese) {  // 40 characters, cut after a comma or a closing bracket when there is one
        std::size_t end = 0;
        std::size_t at_break = 0;
        for (std::size_t n = 0; n < 40 && end < sentence.size(); ++n) {
            const char32_t cp = text::next_code_point(sentence, end);
            if (n >= 15 && (cp == U'、' || cp == U'」' || cp == U'）' || cp == U'，')) {
                at_break = end;
            }
        }
        if (end == sentence.size()) {
            return heading_text(sentence);
        }
        return heading_text(sentence.substr(0, at_break != 0 ? at_break : end)) + "…";
    }
    const std::size_t limit = 90;
    if (sentence.size() <= limit) {
        return heading_text(sentence);
    }
    std::string_view cut = text::truncate(sentence, limit);
    {
        const std::size_t space = cut.rfind(' ');
        if (space != std::string_view::npos && space > limit / 2) {
            cut = cut.substr(0, space);
        }
    }
    return heading_text(cut) + "…";
}

std::string derive_title(const TitleParts& parts) {
    std::string title;  // single spaces, not cut (the reader cuts titles to its bound)
    for (const std::string_view word : split_words(parts.first)) {
        title += (title.empty() ? "" : " ") + std::string(word);
    }
    const std::vector<Heading> none;
    const std::vector<Heading>& headings = parts.headings != nullptr ? *parts.headings : none;
    if (is_generic_title(title)) {
        if (std::string s = sentence_title(parts.body); !s.empty()) {
            title = std::move(s);
        }
        return title;
    }
    if (!article_of(title)) {
        const std::string span = article_span(headings);
        const std::string name = law_name(title);
        std::size_t articles = 0;
        for (const Heading& h : headings) {
            articles += article_of(h.text) ? 1 : 0;
        }
        if (!span.empty() && (is_law_name(name) || articles >= 3)) {
            const bool japanese = span.starts_with("第");
            return name + (japanese ? " " : " – ") + span;
        }
    }
    if (parts.told_apart) {
        const std::string key = text::fold(title);
        for (const Heading& h : headings) {
            if (!h.text.empty() && !h.text.starts_with("Page ") &&
                heading_text(text::fold(h.text)) != heading_text(key)) {
                return title + " – " + h.text;
            }
        }
    }
    return title;
}

}  // namespace seisaku::document
