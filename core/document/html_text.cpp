// SPDX-License-Identifier: MIT
#include "document/html_text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <unordered_set>
#include <vector>

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
    static constexpr auto blocks = std::to_array<std::string_view>(
        {"address", "article", "aside",      "blockquote", "br",     "dd",      "div",
         "dl",      "dt",      "figcaption", "footer",     "form",   "h1",      "h2",
         "h3",      "h4",      "h5",         "h6",         "header", "hr",      "li",
         "main",    "nav",     "ol",         "p",          "pre",    "section", "table"});
    return std::find(blocks.begin(), blocks.end(), name) != blocks.end() || name == "tr" ||
           name == "td" || name == "th" || name == "ul";
}

bool is_hidden(std::string_view name) {
    return name == "script" || name == "style" || name == "noscript" || name == "template";
}

/// Class and id words of a site's parts (compared whole, lower case, split at - _ and space).
bool is_site_word(std::string_view w) {
    static constexpr auto words = std::to_array<std::string_view>(
        {"nav",        "navi",        "navbar",     "navigation",   "gnav",         "gnavi",
         "globalnav",  "globalnavi",  "mainnav",    "subnav",       "sidenav",      "localnav",
         "lnav",       "lnavi",       "snav",       "menu",         "megamenu",     "submenu",
         "breadcrumb", "breadcrumbs", "crumbs",     "crumb",        "topicpath",    "pankuzu",
         "sidebar",    "side",        "sidemenu",   "pagetop",      "totop",        "skip",
         "skiplink",   "skiplinks",   "share",      "sharing",      "sns",          "social",
         "cookie",     "cookies",     "consent",    "utility",      "utilities",    "langswitch",
         "language",   "languages",   "lang",       "sitemap",      "pager",        "pagination",
         "prevnext",   "tagcloud",    "tags",       "widget",       "widgets",      "related",
         "print",      "fontsize",    "textsize",   "searchbox",    "search",       "masthead",
         "toolbar",    "siteheader",  "sitefooter", "globalheader", "globalfooter", "sitefoot",
         "sitehead"});
    return std::find(words.begin(), words.end(), w) != words.end();
}

/// Words that name a site's header or footer only with site-wide words beside them:
/// "header", "site-header" and "l-footer" are the site's; "doc-header" and
/// "article-footer" belong to the text.
bool is_edge_word(std::string_view w) {
    return w == "header" || w == "footer" || w == "head" || w == "foot";
}
bool is_site_wide_word(std::string_view w) {
    static constexpr auto words = std::to_array<std::string_view>(
        {"site", "global", "common", "l",       "g",     "main",   "page",
         "top",  "bottom", "wrap",   "wrapper", "inner", "area",   "container",
         "pc",   "sp",     "ecl",    "c",       "js",    "layout", "block"});
    return std::find(words.begin(), words.end(), w) != words.end();
}

/// True when one class name (or the id) in `value` names a site part: its words, split at
/// what is not a letter or digit, hold a site word (is_site_word), or an edge word with
/// only site-wide words beside it.
bool has_site_word(const std::string& value) {
    std::vector<std::string> words;
    const auto name_is_site = [&] {
        bool edge = false;
        bool other = false;
        for (const std::string& w : words) {
            if (is_site_word(w)) {
                return true;
            }
            edge = edge || is_edge_word(w);
            other = other || (!is_edge_word(w) && !is_site_wide_word(w));
        }
        return edge && !other;
    };
    std::string word;
    for (const char c : value + " ") {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0) {
            word += static_cast<char>(std::tolower(u));
            continue;
        }
        if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
        if (std::isspace(u) != 0) {  // the end of one class name
            if (name_is_site()) {
                return true;
            }
            words.clear();
        }
    }
    return false;
}

/// Elements that are a site's part by their name, role or attributes (not by class or id).
bool is_site_element(xmlNode* n, std::string_view name, bool in_article) {
    // not <form>: some sites wrap a whole page in one
    static constexpr auto tags =
        std::to_array<std::string_view>({"nav", "aside", "button", "select", "option", "input",
                                         "textarea", "dialog", "svg", "iframe", "label"});
    if (std::find(tags.begin(), tags.end(), name) != tags.end()) {
        return true;
    }
    if ((name == "header" || name == "footer") && !in_article) {
        return true;
    }
    static constexpr auto roles = std::to_array<std::string_view>(
        {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
         "dialog", "alertdialog", "toolbar"});
    const std::string role = lower(attribute(n, "role"));
    if (std::find(roles.begin(), roles.end(), role) != roles.end()) {
        return true;
    }
    if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden")) != nullptr ||
        lower(attribute(n, "aria-hidden")) == "true") {
        return true;
    }
    const std::string style = lower(attribute(n, "style"));
    return style.find("display:none") != std::string::npos ||
           style.find("display: none") != std::string::npos;
}

/// Whether an element holds a link to a PDF file: a release's attachments, which stay even in
/// a box whose class names a site part ("related").
bool holds_pdf_link(xmlNode* node, int depth = 0) {
    for (xmlNode* n = node; n != nullptr && depth < 64; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) {
            continue;
        }
        if (lower(reinterpret_cast<const char*>(n->name)) == "a") {
            std::string href = lower(attribute(n, "href"));
            href = href.substr(0, std::min(href.find('#'), href.find('?')));
            if (href.ends_with(".pdf")) {
                return true;
            }
        }
        if (holds_pdf_link(n->children, depth + 1)) {
            return true;
        }
    }
    return false;
}

bool is_main(xmlNode* n, std::string_view name) {
    return name == "main" || lower(attribute(n, "role")) == "main";
}

/// Elements whose subtree holds the page's text: an <h1>, <main> or <article>. A site part
/// that holds one is walked all the same (a page whose header holds its title).
void mark_content_holders(xmlNode* node, std::unordered_set<xmlNode*>& holders, bool& has_main,
                          std::vector<xmlNode*>& h1s, int depth = 0) {
    for (xmlNode* n = node; n != nullptr; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || depth > 300) {
            continue;
        }
        const std::string name = lower(reinterpret_cast<const char*>(n->name));
        mark_content_holders(n->children, holders, has_main, h1s, depth + 1);
        if (name == "h1") {
            h1s.push_back(n);
        }
        const bool main = is_main(n, name);
        has_main = has_main || main;
        bool holds = name == "h1" || main || name == "article";
        for (xmlNode* c = n->children; c != nullptr && !holds; c = c->next) {
            holds = holders.contains(c);
        }
        if (holds) {
            holders.insert(n);
        }
    }
}

/// Where the walk is: inside <head> (no text), inside a heading (text on one line), inside
/// the page's <main> or an <article>.
struct Walk {
    HtmlContent& out;
    std::unordered_set<xmlNode*> holders;  ///< mark_content_holders()
    /// With a <main>, the parents of the <h1>s outside it: a page header's title with its
    /// date and place, walked as if in the <main>.
    std::unordered_set<xmlNode*> title_blocks;
    bool has_main = false;
    bool in_head = false;
    bool in_heading = false;
    bool in_main = false;
    int in_article = 0;
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

/// What <head> holds: the <title>, <meta name> values, the canonical and alternate links.
/// True when `n` is one of these (none of them is text).
bool read_head_element(xmlNode* n, std::string_view name, HtmlContent& out) {
    if (name == "title") {
        if (out.title.empty()) {
            xmlChar* t = xmlNodeGetContent(n);
            if (t != nullptr) {
                out.title = reinterpret_cast<const char*>(t);
                xmlFree(t);
            }
        }
        return true;
    }
    if (name == "meta") {
        const std::string key = lower(attribute(n, "name"));
        if (!key.empty() && !out.meta.contains(key)) {
            out.meta[key] = attribute(n, "content");
        }
        return true;
    }
    if (name == "link") {
        const std::string rel = lower(attribute(n, "rel"));
        if (rel == "canonical") {
            out.meta["canonical"] = attribute(n, "href");
        } else if (rel == "alternate" && out.alternates.size() < 16) {
            std::string hreflang = lower(attribute(n, "hreflang"));
            std::string href = attribute(n, "href");
            if (!hreflang.empty() && !href.empty() && href.size() <= 1024) {
                out.alternates.emplace_back(std::move(hreflang), std::move(href));
            }
        }
        return true;
    }
    return false;
}

/// A site's part in the page's body, dropped with what it holds: by its element, or by its
/// class or id unless it holds the page's text or a PDF link.
bool is_site_part(xmlNode* n, std::string_view name, const Walk& w) {
    return !w.in_head && !w.holders.contains(n) &&
           (is_site_element(n, name, w.in_article > 0) ||
            (has_site_word(attribute(n, "class") + " " + attribute(n, "id")) &&
             !holds_pdf_link(n->children)));
}

void walk(xmlNode* node, Walk& w);

/// A heading: its text on a line of its own, kept as a heading of `level` (the first <h1>'s
/// text as the page's h1).
void walk_heading(xmlNode* n, int level, Walk& w) {
    HtmlContent& out = w.out;
    out.text += '\n';
    const std::size_t start = out.text.size();
    w.in_heading = true;
    walk(n->children, w);
    w.in_heading = false;
    std::string text = heading_text(std::string_view(out.text).substr(start));
    if (!text.empty()) {
        if (level == 1 && out.h1.empty()) {
            out.h1 = text;
        }
        out.headings.push_back({start, level, std::move(text)});
    }
    out.text += '\n';
}

/// Another element: what it holds, a block's on lines of its own (outside the page's <main>
/// its text is dropped); inside it the walk knows whether it is in <head>, <main>, <article>.
void walk_element(xmlNode* n, std::string_view name, bool outside_main, Walk& w) {
    const bool block = is_block(name);
    if (block && !outside_main) {
        add_text(w, w.in_heading ? " " : "\n");
    }
    const bool was_in_head = w.in_head;
    const bool was_in_main = w.in_main;
    w.in_head = w.in_head || name == "head";
    w.in_main = w.in_main || is_main(n, name) || w.title_blocks.contains(n);
    w.in_article += name == "article" || w.in_main != was_in_main ? 1 : 0;
    walk(n->children, w);
    w.in_article -= name == "article" || w.in_main != was_in_main ? 1 : 0;
    w.in_head = was_in_head;
    w.in_main = was_in_main;
    if (block && !outside_main) {
        add_text(w, w.in_heading ? " " : "\n");
    }
}

void walk(xmlNode* node, Walk& w) {
    for (xmlNode* n = node; n != nullptr; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            // with a <main>, text outside it is the site's (its <h1>s are walked apart)
            const bool outside = w.has_main && !w.in_main && !w.in_heading;
            if (!w.in_head && !outside && n->content != nullptr) {
                add_text(w, reinterpret_cast<const char*>(n->content));
            }
            continue;
        }
        if (n->type != XML_ELEMENT_NODE) {
            continue;
        }
        const std::string name = lower(reinterpret_cast<const char*>(n->name));
        if (is_hidden(name) || read_head_element(n, name, w.out)) {
            continue;
        }
        if (name == "html" && w.out.lang.empty()) {
            w.out.lang = lower(attribute(n, "lang"));
        }
        if (is_site_part(n, name, w)) {
            ++w.out.dropped_blocks;
            continue;
        }
        if (name == "br") {  // a line break, not a new block (so not a new paragraph)
            add_text(w, "\n");
            continue;
        }
        const int level = w.in_head || w.in_heading ? 0 : heading_level(name);
        const bool outside_main = w.has_main && !w.in_main;
        if (level > 0 && (!outside_main || level == 1)) {
            walk_heading(n, level, w);
            continue;
        }
        walk_element(n, name, outside_main, w);
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
    Walk w{out, {}, {}};
    std::vector<xmlNode*> h1s;
    mark_content_holders(xmlDocGetRootElement(doc.get()), w.holders, w.has_main, h1s);
    for (xmlNode* h1 : h1s) {
        bool inside_main = false;
        for (xmlNode* a = h1->parent; a != nullptr && a->type == XML_ELEMENT_NODE; a = a->parent) {
            inside_main = inside_main || is_main(a, lower(reinterpret_cast<const char*>(a->name)));
        }
        xmlNode* parent = h1->parent;
        if (w.has_main && !inside_main && parent != nullptr && parent->type == XML_ELEMENT_NODE) {
            const std::string name = lower(reinterpret_cast<const char*>(parent->name));
            if (name != "body" && name != "html") {
                w.title_blocks.insert(parent);
            }
        }
    }
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
