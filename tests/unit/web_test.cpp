// SPDX-License-Identifier: MIT
// The CGI page (issue 6): responses parsed with libxml2's HTML parser. No element or
// attribute ever comes from input (the XSS payloads of BAD-INPUTS.md Q12), every status
// carries the security headers (Q22), bad parameters are bounded (Q14-Q20).
#include <catch2/catch.hpp>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <map>
#include <set>

#include "analysis/analyzer.hpp"
#include "describe.hpp"
#include "text/utf8.hpp"
#include "web/escape.hpp"
#include "web/handler.hpp"
#include "web/messages.hpp"

using namespace seisaku;

namespace {

/// One request through the handler: the raw CGI output.
std::string cgi(const std::string& query_string, const std::string& method = "GET",
                const std::string& db = test::corpus_db(), const std::string& accept = "") {
    std::map<std::string, std::string> vars = {{"REQUEST_METHOD", method},
                                               {"QUERY_STRING", query_string},
                                               {"HTTP_ACCEPT_LANGUAGE", accept},
                                               {"SCRIPT_NAME", "/search"},
                                               {"SERVER_NAME", "127.0.0.1"},
                                               {"SERVER_PORT", "8080"},
                                               {"SEISAKU_DB", db}};
    const auto get = [&](const char* name) {
        const auto it = vars.find(name);
        return it == vars.end() ? std::string() : it->second;
    };
    const web::CgiEnvironment env = web::read_environment(get);
    return web::serialize(web::handle(env, web::read_config(get), test::test_analyzer()),
                          method == "HEAD");
}

struct Parsed {
    std::map<std::string, std::string> headers;
    int status = 0;
    std::string body;
};

Parsed split(const std::string& raw) {
    Parsed p;
    const std::size_t end = raw.find("\r\n\r\n");
    REQUIRE(end != std::string::npos);
    std::size_t pos = 0;
    while (pos < end) {
        const std::size_t eol = raw.find("\r\n", pos);
        const std::string line = raw.substr(pos, eol - pos);
        const std::size_t colon = line.find(": ");
        REQUIRE(colon != std::string::npos);
        p.headers[line.substr(0, colon)] = line.substr(colon + 2);
        pos = eol + 2;
    }
    p.status = std::stoi(p.headers["Status"].substr(0, 3));
    p.body = raw.substr(end + 4);
    return p;
}

/// Every element name and every attribute (name=value) of an HTML document.
struct Tree {
    std::multiset<std::string> elements;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string text;  ///< all text content
};

void walk(xmlNode* n, Tree& t) {
    for (; n != nullptr; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            t.elements.insert(reinterpret_cast<const char*>(n->name));
            for (xmlAttr* a = n->properties; a != nullptr; a = a->next) {
                xmlChar* v = xmlNodeGetContent(reinterpret_cast<xmlNode*>(a));
                t.attributes.emplace_back(reinterpret_cast<const char*>(a->name),
                                          v ? reinterpret_cast<const char*>(v) : "");
                xmlFree(v);
            }
        } else if (n->type == XML_TEXT_NODE && n->content != nullptr) {
            t.text += reinterpret_cast<const char*>(n->content);
        }
        walk(n->children, t);
    }
}

Tree parse_html(const std::string& body) {
    Tree t;
    htmlDocPtr doc = htmlReadMemory(body.data(), static_cast<int>(body.size()), nullptr, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    REQUIRE(doc != nullptr);
    walk(xmlDocGetRootElement(doc), t);
    xmlFreeDoc(doc);
    return t;
}

/// The elements and attributes our page is made of: anything else came from input.
const std::set<std::string> our_elements = {
    "footer", "html", "head",   "meta",   "title",  "link",    "body", "header",
    "p",      "a",    "main",   "h1",     "h2",     "h3",      "form", "label",
    "input",  "div",  "button", "select", "option", "section", "ol",   "li",
    "span",   "time", "mark",   "q",      "aside",  "ul",      "nav"};
const std::set<std::string> our_attributes = {
    "lang",         "charset",   "name",        "content",    "rel",
    "href",         "type",      "title",       "class",      "hreflang",
    "id",           "role",      "method",      "action",     "for",
    "value",        "maxlength", "placeholder", "autofocus",  "selected",
    "size",         "start",     "datetime",    "aria-label", "aria-labelledby",
    "aria-current", "data-facet"};

void check_page_is_ours(const std::string& raw) {
    const Parsed r = split(raw);
    const Tree t = parse_html(r.body);
    for (const std::string& e : t.elements) {
        INFO("element " << e);
        CHECK(our_elements.contains(e));
    }
    for (const auto& [name, value] : t.attributes) {
        INFO("attribute " << name << "=" << value);
        CHECK(our_attributes.contains(name));
        if (name == "href" || name == "action") {
            CHECK(value.find("javascript:") == std::string::npos);
            CHECK(value.find('\t') == std::string::npos);
        }
    }
}

}  // namespace

TEST_CASE("web: escaping for HTML, URLs and XML", "[web]") {
    CHECK(web::html("<a href=\"x\">'&'</a>") ==
          "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    CHECK(web::html("bad\xff\x01tab\there") == "bad\xEF\xBF\xBD tab\there");
    CHECK(web::url_component("日本 a&b=c/d") == "%E6%97%A5%E6%9C%AC%20a%26b%3Dc%2Fd");
    CHECK(web::url_component("en/a b.md", true) == "en/a%20b.md");
    CHECK(web::xml("'\"<>&") == "&apos;&quot;&lt;&gt;&amp;");
}

TEST_CASE("web: every interface string exists in English and Japanese", "[web]") {
    std::string_view keys = web::message_keys();
    std::size_t n = 0;
    while (!keys.empty()) {
        const std::size_t eol = keys.find('\n');
        const std::string_view key = keys.substr(0, eol);
        keys.remove_prefix(eol + 1);
        INFO(key);
        CHECK(web::message("en", key) != key);
        CHECK(web::message("ja", key) != key);
        ++n;
    }
    CHECK(n >= 40);
}

TEST_CASE("web: no element or attribute comes from input (XSS payloads)", "[web]") {
    const std::vector<std::string> payloads = {
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%22%3E%3Csvg%20onload%3Dalert(1)%3E",
        "'onmouseover='alert(1)",
        "%3C%2Ftextarea%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "javascript:alert(1)",
        "%253Cscript%253E",
        "%09%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%22%20autofocus%20onfocus%3Dalert(1)%20x%3D%22",
        "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "DFFT%3C%2Fq%3E%3Ciframe%20src%3D%2F%2Fx%3E",
    };
    for (const std::string& payload : payloads) {
        for (const std::string name : {"q", "lang", "hl", "sort", "page", "n", "type", "topic",
                                       "issuer", "year", "since", "until"}) {
            const std::string qs = (name == "q" ? "" : "q=DFFT&") + name + "=" + payload + "&hl=ja";
            INFO(qs);
            const std::string raw = cgi(qs);
            CHECK(raw.find("<script") == std::string::npos);
            CHECK(raw.find("<svg") == std::string::npos);
            CHECK(raw.find("<iframe") == std::string::npos);
            CHECK(raw.find("<img") == std::string::npos);
            check_page_is_ours(raw);
        }
    }
}

TEST_CASE("web: security headers on every status, and no internals", "[web]") {
    const test::TempDir empty_folder;
    const std::vector<std::pair<std::string, int>> cases = {
        {cgi("q=DFFT"), 200},
        {cgi(""), 200},
        {cgi("q=%ZZ"), 400},
        {cgi("q=DFFT%"), 400},
        {cgi("q=DFFT", "POST"), 405},
        {cgi("q=" + std::string(9000, 'a')), 414},
        {cgi("q=" + std::string(1100, 'a')), 400},
        {cgi("q=DFFT", "GET", ""), 500},
        {cgi("q=DFFT", "GET", "/nonexistent/secret/db"), 500},  // BAD-INPUTS D9
        {cgi("q=DFFT", "GET", "/etc/passwd"), 500},             // a file, not a folder
        {cgi("q=DFFT", "GET", empty_folder.path()), 500},       // a folder, not an index
    };
    for (const auto& [raw, status] : cases) {
        Parsed r = split(raw);
        INFO(r.headers["Status"]);
        CHECK(r.status == status);
        CHECK(r.headers["Content-Type"].ends_with("charset=utf-8"));
        CHECK(r.headers["X-Content-Type-Options"] == "nosniff");
        CHECK(r.headers["Content-Security-Policy"].find("frame-ancestors 'none'") !=
              std::string::npos);
        CHECK(r.headers["Content-Security-Policy"].find("script-src") == std::string::npos);
        CHECK(r.headers["Referrer-Policy"] == "no-referrer");
        CHECK(std::stoul(r.headers["Content-Length"]) == r.body.size());
        CHECK(r.body.find("/nonexistent") == std::string::npos);  // no paths
        CHECK(r.body.find(test::corpus_db()) == std::string::npos);
        CHECK(r.body.find("Xapian") == std::string::npos);
        check_page_is_ours(raw);
    }
    // Only symbols or a lone * (Q11): the form again with a hint, status 200.
    Parsed stars = split(cgi("q=*"));
    CHECK(stars.status == 200);
    CHECK(stars.body.find("class=\"empty\"") != std::string::npos);
    check_page_is_ours(cgi("q=*"));
    Parsed post = split(cgi("q=DFFT", "POST"));
    CHECK(post.headers["Allow"] == "GET, HEAD");
    // HEAD: the headers of GET, no body.
    Parsed head = split(cgi("q=DFFT", "HEAD"));
    CHECK(head.status == 200);
    CHECK(head.body.empty());
    CHECK(std::stoul(head.headers["Content-Length"]) > 1000);
}

TEST_CASE("web: parameters are bounded, first value wins, bad values fall back", "[web]") {
    web::Params p;
    const auto parse = [&](const std::string& qs, const std::string& accept = "") {
        web::CgiEnvironment env;
        env.method = "GET";
        env.query_string = qs;
        env.accept_language = accept;
        return web::parse_params(env, p);
    };
    CHECK_FALSE(parse("q=a+b&q=second&page=-1&n=0&lang=xx&hl=..%2F..%2Fx&sort=evil"));
    CHECK(p.q == "a b");
    CHECK(p.page == 1);
    CHECK(p.n == 1);
    CHECK(p.lang.empty());
    CHECK(p.hl == "en");
    CHECK(p.sort == "relevance");
    CHECK_FALSE(parse("q=x&page=99999999999999999999999&n=1000000"));
    CHECK(p.n == web::max_per_page);
    CHECK(p.page == 10000 / web::max_per_page);
    CHECK_FALSE(parse("q=x&page=1e9&n=abc"));
    CHECK(p.page == 1);
    CHECK(p.n == web::default_per_page);
    CHECK_FALSE(parse("q=%FF%C0%AF%ED%A0%80&x=%00"));
    CHECK(p.q == text::repair("\xFF\xC0\xAF\xED\xA0\x80"));
    CHECK(text::is_valid(p.q));
    CHECK_FALSE(parse("q=a%00b"));
    CHECK(p.q == "ab");
    CHECK_FALSE(parse("&&&=x&q"));
    CHECK(p.q.empty());
    CHECK(parse("q=%G1")->status == 400);
    CHECK(parse("q=" + std::string(70000, 'a'))->status == 414);
    CHECK_FALSE(parse("", "ja,en-US;q=0.8"));
    CHECK(p.hl == "ja");
    CHECK_FALSE(parse("", "en-GB,en;q=0.9,ja;q=0.8"));
    CHECK(p.hl == "en");
    CHECK_FALSE(parse("type=%22press-release%22"));
    CHECK(p.filters["type"] == "press-release");
    CHECK(web::link_query(p, {{"page", "2"}}) == "?hl=en&page=2&type=press-release");
}

TEST_CASE("web: the page shows results, facets, pages and the other language", "[web]") {
    Parsed r = split(cgi("q=DFFT&hl=ja&n=5"));
    CHECK(r.status == 200);
    CHECK(r.body.find("<html lang=\"ja\">") != std::string::npos);
    CHECK(r.body.find("<ol class=\"results\" start=\"1\">") != std::string::npos);
    CHECK(r.body.find("<mark>") != std::string::npos);
    CHECK(r.body.find("class=\"facet-value\" href=\"?q=DFFT&amp;lang=ja&amp;hl=ja&amp;n=5\"") !=
          std::string::npos);
    CHECK(r.body.find("rel=\"next\" href=\"?q=DFFT&amp;hl=ja&amp;n=5&amp;page=2\"") !=
          std::string::npos);
    CHECK(r.body.find("hreflang=\"en\" href=\"?q=DFFT&amp;hl=en&amp;n=5\"") != std::string::npos);
    CHECK(r.body.find("他言語版") != std::string::npos);
    // EDICT's licence: the page credits the dictionary when it searched with its words, and
    // only then (DFFT is the term bank's).
    CHECK(r.body.find("class=\"credit\"") == std::string::npos);
    const std::string translated = split(cgi("q=semiconductor%20export%20controls&hl=en")).body;
    CHECK(translated.find("<footer class=\"credit\"><p>Words were also searched") !=
          std::string::npos);
    // A facet filter narrows the count; JSON is the CLI's contract.
    Parsed typed = split(cgi("q=DFFT&type=timeline&format=json"));
    CHECK(typed.headers["Content-Type"] == "application/json; charset=utf-8");
    CHECK(typed.body.find("\"query\":\"DFFT\"") != std::string::npos);
    CHECK(typed.body.find("\"total\":") != std::string::npos);
    // An expansion is labelled with the words as analyzed, not the punctuation typed.
    const std::string asked = split(cgi("q=DFFT%3F&format=json")).body;
    CHECK(asked.find("\"expansions\":[{\"from\":\"DFFT\",") != std::string::npos);
    CHECK(asked.find("\"from\":\"DFFT?") == std::string::npos);
    Parsed open = split(cgi("format=opensearch"));
    CHECK(open.headers["Content-Type"].starts_with("application/opensearchdescription+xml"));
    CHECK(open.body.find("template=\"http://127.0.0.1:8080/search?q={searchTerms}&amp;hl=en\"") !=
          std::string::npos);
    Parsed feed = split(cgi("q=DFFT&format=atom"));
    CHECK(feed.headers["Content-Type"].starts_with("application/atom+xml"));
    CHECK(feed.body.find("<entry>") != std::string::npos);
}

TEST_CASE("web: the count is what the pages list and no Next leads past the end", "[web]") {
    // DFFT over corpus/ matches documents with their translations: more documents than
    // results. Before, the page said "About 47 results" and offered Next past the last one.
    const std::string json = split(cgi("q=DFFT&format=json&n=5")).body;
    const auto number = [&](const std::string& field) {
        const std::size_t at = json.find("\"" + field + "\":");
        REQUIRE(at != std::string::npos);
        return std::stoul(json.substr(at + field.size() + 3));
    };
    const std::size_t total = number("total");
    const std::size_t documents = number("documents");
    CHECK(json.find("\"exact\":true") != std::string::npos);
    REQUIRE(total > 5);
    CHECK(documents > total);
    const std::size_t last = (total + 4) / 5;
    const std::string en = split(cgi("q=DFFT&hl=en&n=5")).body;
    CHECK(en.find(std::to_string(total) + " results (" + std::to_string(documents) +
                  " documents)") != std::string::npos);
    CHECK(split(cgi("q=DFFT&hl=ja&n=5"))
              .body.find(std::to_string(total) + "件（" + std::to_string(documents) + "文書）") !=
          std::string::npos);
    struct Row {
        std::size_t page;
        bool next;
    };
    for (const Row& row : {Row{last - 1, true}, Row{last, false}, Row{last + 1, false}}) {
        INFO("page " << row.page << " of " << last);
        const Parsed r =
            split(cgi("q=DFFT&hl=en&n=5" +
                      (row.page > 1 ? "&page=" + std::to_string(row.page) : std::string())));
        CHECK(r.status == 200);
        CHECK((r.body.find("rel=\"next\"") != std::string::npos) == row.next);
    }
}

TEST_CASE("web: hostile stored titles and text stay text on the page and in feeds (Q13)", "[web]") {
    const test::TempCorpus corpus;
    corpus.write("hostile.html",
                 "<html><head><title>\"&gt;&lt;img src=x onerror=alert(1)&gt; hostile "
                 "title</title><link rel=\"canonical\" href=\"javascript:alert(1)\"></head>"
                 "<body><h2>&lt;svg onload=alert(2)&gt;</h2><p>&lt;script&gt;alert(\"quantum\")"
                 "&lt;/script&gt; text about quantum computing.</p></body></html>");
    const std::string db = corpus.index();
    const std::string page = cgi("q=quantum", "GET", db);
    CHECK(page.find("<img") == std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("<svg") == std::string::npos);
    CHECK(page.find("&lt;img src=x onerror=alert(1)&gt; hostile title") != std::string::npos);
    CHECK(page.find("javascript:") == std::string::npos);
    check_page_is_ours(page);
    const std::string feed = cgi("q=quantum&format=atom", "GET", db);
    CHECK(feed.find("<img") == std::string::npos);
    CHECK(feed.find("&lt;img src=x") != std::string::npos);
    const std::string json = cgi("q=quantum&format=json", "GET", db);
    CHECK(json.find("<img src=x") != std::string::npos);  // JSON carries text; its type says so
    CHECK(split(json).headers["Content-Type"] == "application/json; charset=utf-8");
}
