// SPDX-License-Identifier: MIT
#include "document/html_text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <memory>

#include "document/outline.hpp"

namespace seisaku::document {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string attribute(xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (value == nullptr) {
        return {};
    }
    std::string out(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return out;
}

bool is_block(std::string_view name) {
    static constexpr std::array<std::string_view, 28> blocks = {
        "address", "article", "aside",      "blockquote", "br",     "dd",      "div",
        "dl",      "dt",      "figcaption", "footer",     "form",   "h1",      "h2",
        "h3",      "h4",      "h5",         "h6",         "header", "hr",      "li",
        "main",    "nav",     "ol",         "p",          "pre",    "section", "table"};
    return std::find(blocks.begin(), blocks.end(), name) != blocks.end() || name == "tr" ||
           name == "td" || name == "th" || name == "ul";
}

bool is_hidden(std::string_view name) {
    return name == "script" || name == "style" || name == "noscript" || name == "template";
}

/// Where the walk is: inside <head> (no text), inside a heading (text on one line).
struct Walk {
    HtmlContent& out;
    bool in_head = false;
    bool in_heading = false;
};

/// Text inside a heading stays on the heading's line: its line breaks become spaces.
void add_text(Walk& w, std::string_view text) {
    if (!w.in_heading) {
        w.out.text += text;
        return;
    }
    for (const char c : text) {
        w.out.text += (c == '\n' || c == '\r') ? ' ' : c;
    }
}

/// The level of h1-h6, or 0.
int heading_level(std::string_view name) {
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
        return name[1] - '0';
    }
    return 0;
}

void walk(xmlNode* node, Walk& w) {
    for (xmlNode* n = node; n != nullptr; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (!w.in_head && n->content != nullptr) {
                add_text(w, reinterpret_cast<const char*>(n->content));
            }
            continue;
        }
        if (n->type != XML_ELEMENT_NODE) {
            continue;
        }
        HtmlContent& out = w.out;
        const std::string name = lower(reinterpret_cast<const char*>(n->name));
        if (is_hidden(name)) {
            continue;
        }
        if (name == "title") {
            if (out.title.empty()) {
                xmlChar* t = xmlNodeGetContent(n);
                if (t != nullptr) {
                    out.title = reinterpret_cast<const char*>(t);
                    xmlFree(t);
                }
            }
            continue;
        }
        if (name == "meta") {
            const std::string key = lower(attribute(n, "name"));
            if (!key.empty() && !out.meta.contains(key)) {
                out.meta[key] = attribute(n, "content");
            }
            continue;
        }
        if (name == "link") {
            if (lower(attribute(n, "rel")) == "canonical") {
                out.meta["canonical"] = attribute(n, "href");
            }
            continue;
        }
        if (name == "html" && out.lang.empty()) {
            out.lang = lower(attribute(n, "lang"));
        }
        if (name == "br") {  // a line break, not a new block (so not a new paragraph)
            add_text(w, "\n");
            continue;
        }
        const int level = w.in_head || w.in_heading ? 0 : heading_level(name);
        if (level > 0) {
            out.text += '\n';
            const std::size_t start = out.text.size();
            w.in_heading = true;
            walk(n->children, w);
            w.in_heading = false;
            std::string text = heading_text(std::string_view(out.text).substr(start));
            if (!text.empty()) {
                out.headings.push_back({start, level, std::move(text)});
            }
            out.text += '\n';
            continue;
        }
        const bool block = is_block(name);
        if (block) {
            add_text(w, w.in_heading ? " " : "\n");
        }
        const bool was_in_head = w.in_head;
        w.in_head = w.in_head || name == "head";
        walk(n->children, w);
        w.in_head = was_in_head;
        if (block) {
            add_text(w, w.in_heading ? " " : "\n");
        }
    }
}

}  // namespace

HtmlContent extract_html(std::string_view utf8_html) {
    HtmlContent out;
    // IGNORE_ENC: the bytes were decoded to UTF-8 already; a <meta charset> must not
    // switch libxml2 to another decoder.
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
    // libxml2 limits nesting depth itself (256 without XML_PARSE_HUGE), so walk() recursion
    // stays shallow even for hostile input.
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
        htmlReadMemory(utf8_html.data(), static_cast<int>(utf8_html.size()), nullptr, "UTF-8",
                       options),
        &xmlFreeDoc);
    if (!doc) {
        return out;
    }
    Walk w{out};
    walk(xmlDocGetRootElement(doc.get()), w);
    return out;
}

std::string declared_charset(std::string_view html_bytes) {
    const std::string head = lower(std::string(html_bytes.substr(0, charset_scan_bytes)));
    // the value after `key`, skipping spaces, '=' and an opening quote
    const auto value_after = [&head](std::size_t from, std::size_t to,
                                     std::string_view key) -> std::string {
        std::size_t k = head.find(key, from);
        if (k == std::string::npos || k >= to) {
            return {};
        }
        std::size_t i = k + key.size();
        while (i < to && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r' ||
                          head[i] == '=' || head[i] == '"' || head[i] == '\'')) {
            ++i;
        }
        std::string v;
        while (i < to && v.size() < 40) {
            const char c = head[i++];
            if (c == '"' || c == '\'' || c == ';' || c == ' ' || c == '>' || c == '/' ||
                c == '\t' || c == '\n' || c == '\r') {
                break;
            }
            v += c;
        }
        return v;
    };
    if (head.starts_with("<?xml")) {
        const std::size_t end = head.find("?>");
        if (std::string v =
                value_after(0, end == std::string::npos ? head.size() : end, "encoding");
            !v.empty()) {
            return v;
        }
    }
    std::size_t pos = 0;
    while ((pos = head.find("<meta", pos)) != std::string::npos) {
        const std::size_t end = std::min(head.find('>', pos), head.size());
        if (std::string v = value_after(pos, end, "charset"); !v.empty()) {
            return v;
        }
        pos = end;
    }
    return {};
}

}  // namespace seisaku::document
