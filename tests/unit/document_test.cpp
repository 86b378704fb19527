// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <array>
#include <filesystem>
#include <fstream>

#include "describe.hpp"
#include "document/markdown_text.hpp"
#include "document/outline.hpp"
#include "document/reader.hpp"
#include "document/source_files.hpp"
#include "error.hpp"
#include "text/utf8.hpp"

using namespace seisaku;
using document::Format;

TEST_CASE("Markdown front matter fills the fields", "[document]") {
    const std::string md =
        "---\n"
        "title: Japan and the EU hold the second Digital Partnership Council\n"
        "date: 2024-04-30\n"
        "lang: en\n"
        "issuer: European Commission\n"
        "type: press-release\n"
        "topics: [dfft, semiconductors]\n"
        "source_title: \"Joint Statement\"\n"
        "source_url: https://digital-strategy.ec.europa.eu/en\n"
        "translation_key: jp-eu-dpc-2024\n"
        "---\n"
        "# Heading\n\nBody about ＤＦＦＴ.\n";
    const document::Document d = document::read_document(md, Format::Markdown, "en/a.md", "a.md");
    CHECK(d.title == "Japan and the EU hold the second Digital Partnership Council");
    CHECK(d.date == "2024-04-30");
    CHECK(d.lang == "en");
    CHECK(d.issuer == "European Commission");
    CHECK(d.type == "press-release");
    CHECK(d.topics == std::vector<std::string>{"dfft", "semiconductors"});
    CHECK(d.source_title == "Joint Statement");
    CHECK(d.source_url == "https://digital-strategy.ec.europa.eu/en");
    CHECK(d.translation_key == "jp-eu-dpc-2024");
    CHECK(d.body == " Heading\n\nBody about ＤＦＦＴ.\n");  // markup dropped, text as written
    CHECK(d.headings == std::vector<document::Heading>{{0, 1, "Heading"}});
    CHECK(d.warnings.empty());
}

TEST_CASE("Markdown markup becomes readable text", "[document]") {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"## 概要", " 概要"},
        {"**Bold** and *emphasis* and `code`", "Bold and emphasis and code"},
        {"See [the statement](https://example.org/x) now", "See the statement now"},
        {"![chart](a.png)", "chart"},
        {"| Name | Value |\n| --- | :-: |\n| DFFT | 2019 |", "  Name   Value  \n\n  DFFT   2019  "},
        {"> quoted", " quoted"},
        {"#hashtag stays", "#hashtag stays"},
        {"a [bracket] alone", "a [bracket] alone"},
    };
    for (const auto& [md, text] : rows) {
        INFO(md);
        CHECK(document::markdown_to_text(md) == text);
    }
}

namespace {
/// Headings as "offset:level:text", one string per heading, for readable tables.
std::vector<std::string> shown(const std::vector<document::Heading>& headings) {
    std::vector<std::string> out;
    for (const document::Heading& h : headings) {
        out.push_back(std::to_string(h.offset) + ":" + std::to_string(h.level) + ":" + h.text);
    }
    return out;
}
}  // namespace

TEST_CASE("Markdown headings: ATX and setext, each one line of the text", "[document]") {
    struct Row {
        std::string markdown;
        std::string text;
        std::vector<std::string> headings;
    };
    const std::vector<Row> rows = {
        {"# Joint Statement\n\nIntro.\n\n## 3. Data spaces ##\nText",
         " Joint Statement\n\nIntro.\n\n 3. Data spaces \nText",
         {"0:1:Joint Statement", "26:2:3. Data spaces"}},
        {"Overview\n========\nBody\n\nTwo lines\nof heading\n---\nText",
         "Overview\n\nBody\n\nTwo lines of heading\n\nText",
         {"0:1:Overview", "16:2:Two lines of heading"}},
        {"```\n# not a heading\n```\n#hashtag\n###### Six\n####### seven",
         "\n# not a heading\n\n#hashtag\n Six\n####### seven",
         {"27:6:Six"}},
        {"Para\n\n---\n#\nEnd", "Para\n\n\n\nEnd", {}},  // a rule, an empty heading
        {"## **概要** と [背景](https://example.org)\n本文。",
         " 概要 と 背景\n本文。",
         {"0:2:概要 と 背景"}},
        {"# C# ##\nx", " C# \nx", {"0:1:C#"}},
    };
    for (const Row& row : rows) {
        INFO(row.markdown);
        std::vector<document::Heading> headings;
        CHECK(document::markdown_to_text(row.markdown, &headings) == row.text);
        CHECK(shown(headings) == row.headings);
    }
}

TEST_CASE("HTML headings h1-h6 are one line each, and <br> does not end a paragraph",
          "[document]") {
    const auto d = document::read_document(
        "<html><body><h1>Joint\n  Statement</h1><p>a<br>b</p>"
        "<h2><a href=\"#x\">3.</a> Data <em>spaces</em><br>now</h2><p>c</p><h3> </h3>"
        "<div><h4>Inner</h4></div></body></html>",
        Format::Html, "en/x.html", "x.html");
    REQUIRE(d.headings.size() == 3);
    std::vector<std::string> levels_and_texts;
    for (const document::Heading& h : d.headings) {
        levels_and_texts.push_back(std::to_string(h.level) + ":" + h.text);
        const std::size_t eol = d.body.find('\n', h.offset);
        CHECK(document::heading_text(d.body.substr(h.offset, eol - h.offset)) == h.text);
        CHECK((h.offset == 0 || d.body[h.offset - 1] == '\n'));
    }
    CHECK(levels_and_texts ==
          std::vector<std::string>{"1:Joint Statement", "2:3. Data spaces now", "4:Inner"});
    std::vector<std::string> texts;
    for (const document::Paragraph& p : document::paragraphs(d.body, d.headings)) {
        texts.push_back(d.body.substr(p.begin, p.end - p.begin));
    }
    CHECK(texts == std::vector<std::string>{"a\nb", "c"});
    CHECK(document::read_document("Title\n\n# not a heading", Format::Text, "x", "x.txt")
              .headings.empty());
}

TEST_CASE("paragraphs: runs of lines between blank lines and heading lines", "[document]") {
    struct Row {
        std::string body;
        std::vector<document::Heading> headings;
        std::vector<std::string> paragraphs;
    };
    const std::vector<Row> rows = {
        {"One.\nStill one.\n\nTwo.\n \t\nThree.\n", {}, {"One.\nStill one.", "Two.", "Three."}},
        {"\n\nA\r\n\r\nB", {}, {"A\r", "B"}},
        {"A\n\xC2\xA0\nB\n\xE3\x80\x80\nC", {}, {"A", "B", "C"}},  // &nbsp; and U+3000 lines
        {" Title\nIntro.\n\n Sub\nText.", {{0, 1, "Title"}, {15, 2, "Sub"}}, {"Intro.", "Text."}},
        {"", {}, {}},
        {"only", {{99, 1, "beyond the body"}}, {"only"}},
    };
    for (const Row& row : rows) {
        INFO(row.body);
        std::vector<std::string> texts;
        for (const document::Paragraph& p : document::paragraphs(row.body, row.headings)) {
            texts.push_back(row.body.substr(p.begin, p.end - p.begin));
        }
        CHECK(texts == row.paragraphs);
    }
}

TEST_CASE("the heading path of a place: the headings that enclose it", "[document]") {
    const std::vector<document::Heading> h = {
        {0, 1, "A"}, {10, 2, "B"}, {20, 3, "C"}, {30, 2, "D"}, {40, 1, "E"}};
    const std::vector<std::pair<std::size_t, std::vector<std::string>>> rows = {
        {0, {}}, {5, {"A"}}, {25, {"A", "B", "C"}}, {35, {"A", "D"}}, {45, {"E"}}};
    for (const auto& [offset, path] : rows) {
        INFO(offset);
        CHECK(document::heading_path(h, offset) == path);
    }
    CHECK(document::heading_text("  a \t b\n") == "a b");
    CHECK(document::heading_text(std::string(300, 'x')).size() == document::max_heading_bytes);
}

TEST_CASE("Markdown without front matter: title from the first line or heading", "[document]") {
    CHECK(document::read_document("# 政府相互運用性フレームワーク FAQ\n\n本文", Format::Markdown,
                                  "x", "x.md")
              .title == "政府相互運用性フレームワーク FAQ");
    CHECK(document::read_document("Regulation (EU) 2016/679\n\nCHAPTER I", Format::Markdown, "x",
                                  "x.md")
              .title == "Regulation (EU) 2016/679");
    const auto unclosed =
        document::read_document("---\ntitle: T\nno end", Format::Markdown, "x", "x.md");
    CHECK(unclosed.warnings ==
          std::vector<std::string>{"front matter has no closing --- line; read as plain text"});
}

TEST_CASE("bad metadata values are dropped with a warning", "[document]") {
    const auto d = document::read_document(
        "---\ntitle: T\ndate: 2024-02-30\nlang: fr\nsource_url: javascript:alert(1)\n---\nbody",
        Format::Markdown, "x", "x.md");
    CHECK(d.date.empty());
    CHECK(d.lang == "en");
    CHECK(d.source_url.empty());
    CHECK(d.warnings == std::vector<std::string>{"date \"2024-02-30\" is not a date; ignored",
                                                 "language \"fr\" is not en or ja; detected",
                                                 "source URL is not http(s); ignored"});
}

TEST_CASE("HTML: title, metadata, body text without script and style", "[document]") {
    const std::string html =
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
        "<title>ＤＦＦＴ &amp; 日EU</title><meta name=\"description\" content=\"要約\">"
        "<meta name=\"date\" content=\"2024-04-30\"><meta name=\"keywords\" content=\"dfft, iap\">"
        "<link rel=\"canonical\" href=\"https://www.digital.go.jp/\">"
        "<script>var hidden = 1;</script><style>p{color:red}</style></head>"
        "<body><h1>見出し</h1><p>本文です。<script>alert(1)</script></p><ul><li>一</li><li>二</"
        "li></ul>"
        "</body></html>";
    const auto d = document::read_document(html, Format::Html, "ja/x.html", "x.html");
    CHECK(d.title == "DFFT & 日EU");
    CHECK(d.lang == "ja");
    CHECK(d.date == "2024-04-30");
    CHECK(d.description == "要約");
    CHECK(d.topics == std::vector<std::string>{"dfft", "iap"});
    CHECK(d.source_url == "https://www.digital.go.jp/");
    CHECK(d.body.find("hidden") == std::string::npos);
    CHECK(d.body.find("alert") == std::string::npos);
    CHECK(d.body.find("color") == std::string::npos);
    CHECK(d.body.find("見出し") != std::string::npos);
    CHECK(d.body.find("本文です。") != std::string::npos);
}

TEST_CASE("broken HTML still yields text and is titled by its first sentence or its file name",
          "[document]") {
    const auto d = document::read_document("<html><body><p>text <!-- unterminated", Format::Html,
                                           "x", "broken.html");
    CHECK(d.title == "text");
    CHECK(d.body.find("text") != std::string::npos);
    const auto deep =
        document::read_document(std::string(100000, '<') + "div>", Format::Html, "x", "deep.html");
    CHECK(deep.title == "deep.html");

    // BAD-INPUTS I16: 100,000 nested elements, a 10 MB attribute: no stack overflow, the text
    // before and after is kept (what lies deeper than the parser goes is dropped).
    std::string nested = "<html><body><p>shallowword</p>";
    for (int i = 0; i < 100000; ++i) {
        nested += "<div>";
    }
    nested += "deepword</body></html>";
    const auto nest = document::read_document(nested, Format::Html, "x", "nest.html");
    CHECK(nest.title == "shallowword");
    CHECK(nest.body.find("shallowword") != std::string::npos);
    const auto attribute = document::read_document(
        "<p>beforeword</p><p title=\"" + std::string(10 << 20, 'a') + "\">afterword</p>",
        Format::Html, "x", "attr.html");
    CHECK(attribute.body.find("beforeword") != std::string::npos);
    CHECK(attribute.body.find("aaaa") == std::string::npos);  // attributes are not text

    // BAD-INPUTS I14: an unterminated <script> hides its text; an unterminated <title> still
    // gives a title; a long title is cut at 256 bytes on a code point.
    const auto script = document::read_document(
        "<html><body><p>seenword</p><script>var secretword = 1;", Format::Html, "x", "s.html");
    CHECK(script.body.find("seenword") != std::string::npos);
    CHECK(script.body.find("secretword") == std::string::npos);
    const auto open_title = document::read_document(
        "<html><head><title>Open title words<body><p>text</p>", Format::Html, "x", "t.html");
    CHECK(open_title.title.starts_with("Open title words"));
    const auto long_title = document::read_document(
        "<title>" + std::string(300, 'x') + "</title><p>body</p>", Format::Html, "x", "l.html");
    CHECK(long_title.title == std::string(256, 'x'));
    std::string kanji_title;
    for (int i = 0; i < 100; ++i) {
        kanji_title += "政";  // 3 bytes each: 85 fit in 256
    }
    const auto cut = document::read_document("<title>" + kanji_title + "</title><p>本文</p>",
                                             Format::Html, "x", "k.html");
    CHECK(cut.title.size() == 255);
    CHECK(text::is_valid(cut.title));
}

TEST_CASE("plain text: first line is the title", "[document]") {
    const auto d =
        document::read_document("個人情報保護委員会とは\n\n本文。", Format::Text, "x", "x.txt");
    CHECK(d.title == "個人情報保護委員会とは");
    CHECK(d.body == "本文。");
    CHECK(d.lang == "ja");
}

TEST_CASE("bad bytes: repaired with a warning, or refused as binary", "[document]") {
    const auto repaired =
        document::read_document("policy \xFF\xFE text", Format::Text, "x", "x.txt");
    CHECK(repaired.warnings ==
          std::vector<std::string>{"2 invalid UTF-8 sequences replaced by U+FFFD"});
    const std::string with_nul("前\0後 policy and more words here, enough of them to be text", 61);
    const auto nul = document::read_document(with_nul, Format::Text, "x", "x.txt");
    CHECK(nul.title == "前 後 policy and more words here, enough of them to be text");
    CHECK(nul.warnings == std::vector<std::string>{"1 NUL bytes read as spaces"});

    std::string elf =
        "\x7f"
        "ELF";
    elf += std::string(400, '\0');
    CHECK_THROWS_WITH(document::read_document(elf, Format::Text, "x", "x.txt"),
                      "binary file (NUL bytes), not indexed");
    std::string noise;
    for (int i = 0; i < 4000; ++i) {
        noise += static_cast<char>(0x80 + (i * 37) % 0x7F);
    }
    CHECK_THROWS_AS(document::read_document(noise, Format::Text, "x", "x.txt"), CorpusError);
    const auto empty = document::read_document("", Format::Text, "x", "empty.txt");
    CHECK(empty.title == "empty.txt");  // BAD-INPUTS I1: indexed, with a warning
    CHECK(empty.warnings ==
          std::vector<std::string>{"empty file (0 bytes): indexed under its file name"});
}

TEST_CASE("language detection weighs kana and kanji against Latin letters", "[document]") {
    CHECK(document::detect_language("The Hiroshima AI Process (広島AIプロセス) was launched.") ==
          "en");
    CHECK(document::detect_language(
              "ＤＦＦＴとIAPについて、G7デジタル・技術大臣会合で合意した。") == "ja");
    CHECK(document::detect_language("") == "en");
}

TEST_CASE("dates", "[document]") {
    for (const char* good : {"2024", "2024-04", "2024-04-30", "2024-02-29", "2000-02-29"}) {
        CHECK(document::is_valid_date(good));
    }
    for (const char* bad : {"2023-02-29", "2024-13-01", "24-04-30", "2024/04/30", "令和6年", ""}) {
        CHECK_FALSE(document::is_valid_date(bad));
    }
}

TEST_CASE("a given date in any form parse_date reads is stored as ISO", "[document][dates]") {
    // front matter date<TAB>stored date<TAB>warning ("" for none)
    const std::vector<std::array<std::string, 3>> rows = {
        {"2024-04-30", "2024-04-30", ""},
        {"2024-04", "2024-04", ""},
        {"令和6年4月30日", "2024-04-30", ""},
        {"令和元年5月1日", "2019-05-01", ""},
        {"2024年4月", "2024-04", ""},
        {"２０２４／４／３０", "2024-04-30", ""},
        {"\"2024/4/30\"", "2024-04-30", ""},
        {"R6.4.30", "2024-04-30", ""},
        {"30 April 2024", "2024-04-30", ""},
        {"April 2024", "2024-04", ""},
        {"平成31年", "2019", ""},
        {"令和5年度", "", "date \"令和5年度\" is a fiscal year, not a day, month or year; ignored"},
        {"平成32年", "", "date \"平成32年\" is not a date; ignored"},
        {"令和元年4月30日", "", "date \"令和元年4月30日\" is not a date; ignored"},
        {"2024-04-30T10:00", "", "date \"2024-04-30T10:00\" is not a date; ignored"},
    };
    for (const auto& [given, stored, warning] : rows) {
        INFO(given);
        const auto d = document::read_document("---\ntitle: T\ndate: " + given + "\n---\nbody",
                                               Format::Markdown, "x", "x.md");
        CHECK(d.date == stored);
        CHECK(d.warnings ==
              (warning.empty() ? std::vector<std::string>{} : std::vector<std::string>{warning}));
    }
    const auto html = document::read_document(
        "<html><head><title>T</title><meta name=\"date\" content=\"令和6年4月30日\"></head>"
        "<body><p>2023年1月1日</p></body></html>",
        Format::Html, "x", "x.html");
    CHECK(html.date == "2024-04-30");  // the given date, not the body's
    CHECK(html.warnings.empty());
}

TEST_CASE("a document without a date takes its own from its title or the top of its body",
          "[document][dates]") {
    const auto text = document::read_document(
        "First Council meets in Tokyo (3 July 2023)\n\nTokyo, 4 July 2023 - The Council...",
        Format::Text, "x", "x.txt");
    CHECK(text.date == "2023-07-03");  // the title comes first
    const auto body = document::read_document(
        "---\ntitle: 日EU会合\n---\n令和5年度予算（令和6年4月30日公表）について", Format::Markdown,
        "x", "x.md");
    CHECK(body.date == "2024-04-30");  // the fiscal year is passed over
    CHECK(body.warnings.empty());
    // the body is kept as written but scanned as NFKC: ㍻ is 平成
    const auto squared = document::read_document(
        "<html><body><p>㍻31年4月30日 発表</p></body></html>", Format::Html, "x", "x.html");
    CHECK(squared.body.find("㍻") != std::string::npos);
    CHECK(squared.date == "2019-04-30");
    // a given date that is not understood is dropped, and the text's date taken instead
    const auto fallback = document::read_document("---\ntitle: T\ndate: 2024-02-30\n---\nMay 2024",
                                                  Format::Markdown, "x", "x.md");
    CHECK(fallback.date == "2024-05");
    CHECK(fallback.warnings ==
          std::vector<std::string>{"date \"2024-02-30\" is not a date; ignored"});
    const auto none = document::read_document("Report\n\nIn 2024 the Council met twice.",
                                              Format::Text, "x", "x.txt");
    CHECK(none.date.empty());
    // a date deep in the text dates what it speaks of, not the text; nor does a cited law's
    const auto deep = document::read_document(
        "Guide, part 2\n\nThis part explains the rules.\n\nThe rules of 30 April 2002 apply.",
        Format::Text, "x", "x.txt");
    CHECK(deep.date.empty());
    const auto cited = document::read_document(
        "人工知能法\n\nこの法律は、科学技術基本法（平成七年法律第百三十号）と相まって推進する。",
        Format::Text, "x", "x.txt");
    CHECK(cited.date.empty());
    CHECK(cited.date_source.empty());
    const auto lead =
        document::read_document("Note\n\nOn 3 July 2023 the Council met in Tokyo.\n\nMore text.",
                                Format::Text, "x", "x.txt");
    CHECK(lead.date == "2023-07-03");
    CHECK(lead.date_source == "lead");
}

TEST_CASE("source files: ids start at the root folder, hidden and odd files skipped",
          "[document]") {
    test::TempDir tmp;
    namespace fs = std::filesystem;
    const fs::path root = fs::path(tmp.path()) / "corpus";
    fs::create_directories(root / "en");
    fs::create_directories(root / ".hidden");
    std::ofstream(root / "en" / "a.md") << "x";
    std::ofstream(root / "b.txt") << "x";
    std::ofstream(root / "glossary.tsv") << "x";
    std::ofstream(root / ".hidden" / "c.md") << "x";
    fs::create_symlink(root / "b.txt", root / "link.txt");

    std::vector<std::string> seen;
    for (const auto& f : document::list_source_files({root})) {
        seen.push_back(f.id + (f.skip_reason.empty() ? "" : " (" + f.skip_reason + ")"));
    }
    CHECK(seen ==
          std::vector<std::string>{
              "corpus/b.txt", "corpus/en/a.md",
              "corpus/glossary.tsv (unsupported file type (expected .txt, .md, .html or .pdf))",
              "corpus/link.txt (symbolic link, not followed)"});
    CHECK_THROWS_WITH(document::list_source_files({root / "missing"}),
                      Catch::Contains("no such file or folder"));
}
