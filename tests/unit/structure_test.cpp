// SPDX-License-Identifier: MIT
// Real documents without metadata: a document's own date (own_date), the structure headings
// of laws (structure), titles made from the text (titles). Tables in tests/data.
#include "document/structure.hpp"

#include <catch2/catch.hpp>

#include "describe.hpp"
#include "document/markdown_text.hpp"
#include "document/outline.hpp"
#include "document/own_date.hpp"
#include "document/reader.hpp"
#include "document/titles.hpp"

using namespace seisaku;

namespace {

/// "\n" in a table cell is a line break.
std::string unescape(const std::string& cell) {
    std::string out;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        if (cell[i] == '\\' && i + 1 < cell.size() && cell[i + 1] == 'n') {
            out += '\n';
            ++i;
        } else {
            out += cell[i];
        }
    }
    return out;
}

std::string describe(const std::vector<document::Heading>& headings) {
    std::string out;
    for (const document::Heading& h : headings) {
        out += (out.empty() ? "" : " | ") + std::to_string(h.level) + ":" +
               std::to_string(h.lines) + ":" + h.text;
    }
    return out.empty() ? "-" : out;
}

}  // namespace

TEST_CASE("a document's own date: a table of examples", "[document][dates]") {
    const auto rows = test::read_table(TEST_DATA_DIR "/dates/own_date.tsv");
    REQUIRE(rows.size() > 30);
    for (const auto& row : rows) {
        REQUIRE(row.size() == 5);
        INFO(row[0] << " | " << row[1] << " | " << row[2]);
        const document::OwnDate d = document::own_date(row[0], unescape(row[1]), row[2]);
        CHECK((d.date.empty() ? "-" : d.date) == row[3]);
        CHECK((d.source.empty() ? "-" : d.source) == row[4]);
    }
}

TEST_CASE("structure headings of laws and long texts: a table of examples", "[document]") {
    const auto rows = test::read_table(TEST_DATA_DIR "/structure/headings.tsv");
    REQUIRE(rows.size() > 15);
    for (const auto& row : rows) {
        REQUIRE(row.size() == 3);
        INFO(row[0]);
        const std::string body = unescape(row[0]);
        const auto headings = document::with_structure_headings(body, {}, row[1] == "yes");
        CHECK(describe(headings) == row[2]);
        for (const document::Heading& h : headings) {  // each heading starts a line
            CHECK((h.offset == 0 || body[h.offset - 1] == '\n'));
        }
    }
}

TEST_CASE("an article's heading cites it with its caption and starts a paragraph", "[document]") {
    const std::string body =
        "第四章　義務\n\n（第三者提供の制限）\n第二十七条　提供してはならない。\n２　前項は適用しな"
        "い。\n"
        "（記録）\n第二十九条　記録する。";
    const auto headings = document::with_structure_headings(body, {}, false);
    REQUIRE(headings.size() == 3);
    const auto paragraphs = document::paragraphs(body, headings);
    // the chapter line is a heading's; each article starts a paragraph at its caption
    REQUIRE(paragraphs.size() == 2);
    CHECK(body.substr(paragraphs[0].begin).starts_with("（第三者提供の制限）"));
    CHECK(body.substr(paragraphs[1].begin).starts_with("（記録）"));
    const auto path = document::heading_path(headings, paragraphs[1].begin);
    CHECK(path == std::vector<std::string>{"第四章　義務", "第二十九条（記録）"});
    const auto inside = document::heading_path(headings, paragraphs[0].begin + 40);
    CHECK(inside.back() == "第二十七条（第三者提供の制限）");
}

TEST_CASE("article_of reads the article a heading names", "[document]") {
    const auto ja = document::article_of("第二十七条（第三者提供の制限）");
    REQUIRE(ja);
    CHECK(ja->label == "第二十七条");
    CHECK(ja->number == 27);
    CHECK(ja->japanese);
    const auto en = document::article_of("Article 17 Right to erasure");
    REQUIRE(en);
    CHECK(en->label == "17");
    CHECK(en->number == 17);
    CHECK(document::article_of("Article 4a")->label == "4a");
    CHECK(document::article_of("第二十三条の二")->label == "第二十三条の二");
    CHECK_FALSE(document::article_of("Chapter IV Obligations"));
    CHECK_FALSE(document::article_of("第三者提供"));
}

TEST_CASE("titles made from the text: a table of examples", "[document]") {
    const auto rows = test::read_table(TEST_DATA_DIR "/titles/titles.tsv");
    REQUIRE(rows.size() > 8);
    for (const auto& row : rows) {
        REQUIRE(row.size() == 4);
        INFO(row[0] << " | " << row[1]);
        std::vector<document::Heading> headings;
        const std::string body = document::markdown_to_text(unescape(row[1]), &headings);
        headings = document::with_structure_headings(body, std::move(headings), true);
        const std::string title =
            document::derive_title({row[0], body, &headings, row[2] == "yes"});
        CHECK(title == row[3]);
    }
}

TEST_CASE("law names lose their number, generic titles are known", "[document]") {
    CHECK(document::law_name("Act on the Protection of Personal Information (Act No. 57 of May "
                             "30, 2003)") == "Act on the Protection of Personal Information");
    CHECK(document::law_name("個人情報の保護に関する法律（平成十五年五月三十日法律第五十七号）") ==
          "個人情報の保護に関する法律");
    CHECK(document::law_name("Regulation (EU) 2016/679 (General Data Protection Regulation)") ==
          "Regulation (EU) 2016/679 (General Data Protection Regulation)");
    CHECK(document::is_law_name("Act on the Protection of Personal Information"));
    CHECK(document::is_law_name("高度情報通信ネットワーク社会形成基本法"));
    CHECK_FALSE(document::is_law_name("Joint Statement of the Quad"));
    CHECK_FALSE(document::is_law_name("Actors in AI governance"));
    for (const char* generic :
         {"Introduction", "overview", "はじめに", "概要", "README", "目次:"}) {
        INFO(generic);
        CHECK(document::is_generic_title(generic));
    }
    CHECK_FALSE(document::is_generic_title("Introduction to DFFT"));
}

TEST_CASE("plain-text laws are titled by their articles and dated by their number", "[document]") {
    const auto doc = document::read_document(
        "個人情報の保護に関する法律（平成十五年五月三十日法律第五十七号）\n\n第四章　義務\n\n"
        "（第三者提供の制限）\n第二十七条　提供してはならない。\n\n（記録）\n第三十一条　記録する。"
        "\n",
        document::Format::Text, "x/ja-appi.txt", "ja-appi.txt");
    CHECK(doc.title == "個人情報の保護に関する法律 第二十七条～第三十一条");
    CHECK(doc.date == "2003-05-30");
    CHECK(doc.date_source == "enactment");
    REQUIRE(doc.headings.size() == 3);
    CHECK(doc.headings[1].text == "第二十七条（第三者提供の制限）");
    // front matter wins over all of it
    const auto given = document::read_document(
        "---\ntitle: APPI\ndate: "
        "2021-05-19\n---\n個人情報の保護に関する法律（平成十五年五月三十日法律第"
        "五十七号）\n",
        document::Format::Markdown, "x/a.md", "a.md");
    CHECK(given.title == "APPI");
    CHECK(given.date == "2021-05-19");
    CHECK(given.date_source == "front matter");
}
