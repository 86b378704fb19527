// SPDX-License-Identifier: MIT
// A saved page's site lines (document/boilerplate, folder_profile, html_text): the rules on
// small pages (tests/data/boilerplate_rules), the structure of HTML, the repeated lines of a
// folder. bench/boilerplate measures the whole test set (tests/data/boilerplate).
#include "document/boilerplate.hpp"

#include <catch2/catch.hpp>

#include <fstream>

#include "describe.hpp"
#include "document/folder_profile.hpp"
#include "document/html_text.hpp"
#include "document/reader.hpp"

using namespace seisaku;

namespace {

struct Page {
    std::string name;
    std::vector<std::string> lines;
    std::vector<bool> site;
    document::LineSet repeated;
};

std::vector<Page> read_pages(const std::string& path) {
    std::ifstream in(path);
    REQUIRE(in);
    std::vector<Page> pages;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.starts_with("#")) {
            continue;
        }
        if (line.starts_with("== ")) {
            pages.push_back({line.substr(3), {}, {}, {}});
            continue;
        }
        REQUIRE(!pages.empty());
        REQUIRE(line.size() > 2);
        const std::string text = line.substr(2);
        pages.back().lines.push_back(text);
        pages.back().site.push_back(line[0] != 'C');
        if (line[0] == 'R') {
            pages.back().repeated.insert(document::line_key(text));
        }
    }
    return pages;
}

}  // namespace

TEST_CASE("boilerplate lines: small pages, one rule each", "[boilerplate]") {
    const auto pages = read_pages(TEST_DATA_DIR "/boilerplate_rules/pages.txt");
    REQUIRE(pages.size() >= 7);
    for (const Page& page : pages) {
        INFO(page.name);
        std::vector<std::string_view> lines(page.lines.begin(), page.lines.end());
        const std::vector<bool> drop = document::boilerplate_lines(lines, &page.repeated);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            INFO(lines[i]);
            CHECK(drop[i] == page.site[i]);
        }
    }
}

TEST_CASE("HTML: the site's elements are left out, the page's header and attachments stay",
          "[boilerplate]") {
    const document::HtmlContent h = document::extract_html(
        "<html><body><div id=\"header\">Site name</div><nav><a>Home</a><a>News</a></nav>"
        "<div class=\"doc-header\"><span>Press release</span> <span>30 April 2024</span></div>"
        "<div class=\"breadcrumb\">Home &gt; News</div><aside>Related</aside>"
        "<div role=\"navigation\">Menu items</div><button>Print</button>"
        "<p>The Council met.</p><div class=\"related\"><a href=\"report.pdf\">Report (PDF)</a>"
        "</div><div class=\"related\"><a href=\"/other\">Other news</a></div>"
        "<p hidden>Hidden text</p><div class=\"sns-share\">Share</div>"
        "<footer>© 2024</footer></body></html>");
    for (const char* kept :
         {"Press release", "30 April 2024", "The Council met.", "Report (PDF)"}) {
        INFO(kept);
        CHECK(h.text.find(kept) != std::string::npos);
    }
    for (const char* dropped : {"Site name", "Home", "Related", "Menu items", "Print", "Other news",
                                "Hidden text", "Share", "© 2024"}) {
        INFO(dropped);
        CHECK(h.text.find(dropped) == std::string::npos);
    }
    // with a <main>, only it and the block of the <h1> outside it
    const document::HtmlContent m = document::extract_html(
        "<body><div class=\"top\">Menu words</div><div class=\"page-head\"><p>Statement</p>"
        "<h1>Title words</h1></div><main><p>Main text.</p></main><div>After main</div></body>");
    CHECK(m.h1 == "Title words");
    for (const char* kept : {"Statement", "Title words", "Main text."}) {
        INFO(kept);
        CHECK(m.text.find(kept) != std::string::npos);
    }
    CHECK(m.text.find("Menu words") == std::string::npos);
    CHECK(m.text.find("After main") == std::string::npos);
    // a site part that holds the page's title is walked all the same
    const document::HtmlContent t = document::extract_html(
        "<body><div id=\"header\"><h1>The title</h1></div><p>Text.</p></body>");
    CHECK(t.text.find("The title") != std::string::npos);
    // alternates are kept for pairing
    const document::HtmlContent a = document::extract_html(
        "<head><link rel=\"alternate\" hreflang=\"ja\" href=\"../ja/x.html\"></head>");
    REQUIRE(a.alternates.size() == 1);
    CHECK(a.alternates[0] == std::pair<std::string, std::string>{"ja", "../ja/x.html"});
}

TEST_CASE("a folder's repeated lines: in three pages and in 30% of them", "[boilerplate]") {
    const std::string menu = "Home\nNews\nAbout us\n";
    std::vector<std::vector<std::uint64_t>> pages;
    for (int i = 0; i < 3; ++i) {
        pages.push_back(document::edge_line_keys(menu + "Page " + std::to_string(i) + " text."));
    }
    const document::LineSet three = document::repeated_lines(pages);
    CHECK(three.contains(document::line_key("News")));
    CHECK(three.contains(document::line_key("  news ")));  // spaces and case aside
    CHECK_FALSE(three.contains(document::line_key("Page 1 text.")));
    pages.pop_back();
    CHECK(document::repeated_lines(pages).empty());  // two pages are not a site
    // a line in 3 of 20 pages is not the site's (a law's title in a few of its chunks)
    for (int i = 0; i < 18; ++i) {
        pages.push_back(document::edge_line_keys("Other " + std::to_string(i)));
    }
    pages.push_back(document::edge_line_keys(menu));
    CHECK(document::repeated_lines(pages).empty());
    // the folder's hash of a page changes with what it shares
    const auto keys = document::edge_line_keys(menu + "x");
    CHECK(document::folder_context_hash(keys, three, false) !=
          document::folder_context_hash(keys, {}, false));
    CHECK(document::folder_context_hash(keys, three, false) !=
          document::folder_context_hash(keys, three, true));
}

TEST_CASE("a text page's title is its first line once its site lines are gone",
          "[boilerplate][document]") {
    const auto doc = document::read_document(
        "Skip to main content\n日本語\nMenu\n1. Home\n2. News\n3. The Council met\n"
        "The Council met\nPublished: 30 April 2024\n\nThe Council met in Brussels and adopted a "
        "statement on ten areas of work.\n\nBack to top\nPrivacy policy\n© Digital Agency\n",
        document::Format::Text, "x/a.txt", "a.txt");
    CHECK(doc.title == "The Council met");
    CHECK(doc.date == "2024-04-30");
    CHECK(doc.date_source == "dateline");
    CHECK(doc.body.find("Skip") == std::string::npos);
    CHECK(doc.body.find("Privacy") == std::string::npos);
    CHECK(doc.body.find("adopted a statement") != std::string::npos);
}
