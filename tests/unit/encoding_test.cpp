// SPDX-License-Identifier: MIT
#include "text/encoding.hpp"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "describe.hpp"
#include "document/html_text.hpp"
#include "document/reader.hpp"
#include "error.hpp"
#include "schema/stored_record.hpp"
#include "search/searcher.hpp"
#include "text/utf8.hpp"

using namespace seisaku;

namespace {

const std::string encodings_dir = std::string(TEST_DATA_DIR) + "/encodings/";

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> words(const std::string& list) {
    std::istringstream in(list);
    return {std::istream_iterator<std::string>(in), std::istream_iterator<std::string>()};
}

/// Deterministic noise: bytes of a linear congruential generator.
std::string noise(std::size_t n) {
    std::string out;
    std::uint32_t x = 12345;
    for (std::size_t i = 0; i < n; ++i) {
        x = x * 1103515245U + 12345U;
        out += static_cast<char>((x >> 16U) & 0xFFU);
    }
    return out;
}

}  // namespace

TEST_CASE("encodings: each fixture is detected, recorded and decoded", "[text][encoding]") {
    const auto rows = test::read_table(encodings_dir + "cases.tsv");
    REQUIRE(rows.size() == 11);
    for (const auto& row : rows) {
        REQUIRE(row.size() == 5);
        const std::string& file = row[0];
        INFO(file);
        const std::string bytes = read_bytes(encodings_dir + file);
        const bool html = file.ends_with(".html");
        const text::Decoded decoded =
            text::decode(bytes, html ? document::declared_charset(bytes) : std::string());
        CHECK(decoded.encoding == row[1]);
        CHECK(std::to_string(decoded.substitutions) == row[2]);
        CHECK(text::is_valid(decoded.utf8));

        const document::Document d = document::read_document(
            bytes, html ? document::Format::Html : document::Format::Text, "x", file);
        CHECK(d.encoding == row[1]);
        CHECK(d.title == row[3]);  // a BOM never sticks to the first word
        const std::string all = d.title + "\n" + d.body;
        for (const std::string& w : words(row[4])) {
            INFO(w);
            CHECK(all.find(w) != std::string::npos);
        }
        if (decoded.substitutions == 0) {
            CHECK(d.warnings.empty());
        } else {
            CHECK(d.warnings ==
                  std::vector<std::string>{row[2] + " invalid UTF-8 sequences replaced by U+FFFD"});
        }
    }
}

TEST_CASE("encodings: the precedence rule", "[text][encoding]") {
    const std::string sjis = read_bytes(encodings_dir + "shift_jis.txt");
    const std::string euc = read_bytes(encodings_dir + "euc-jp.txt");
    const std::string utf8 = read_bytes(encodings_dir + "policy.txt");
    struct Row {
        std::string what;
        std::string bytes;
        std::string declared;
        std::string encoding;
        std::size_t substitutions;
    };
    const std::vector<Row> rows = {
        {"ASCII stays UTF-8 whatever is declared", "plain policy text", "Shift_JIS", "UTF-8", 0},
        {"valid UTF-8 beats a declared charset (I15)", utf8, "euc-jp", "UTF-8", 0},
        {"a BOM beats a declared charset", "\xEF\xBB\xBF" + utf8, "sjis", "UTF-8 (BOM)", 0},
        {"an empty UTF-16 file", "\xFF\xFE", "", "UTF-16LE", 0},
        {"an odd last byte of UTF-16", "\xFE\xFF\x30\xC7\x30", "", "UTF-16BE", 1},
        {"detected without a declaration", sjis, "", "windows-31j", 0},
        {"the declared charset", sjis, "x-sjis", "windows-31j", 0},
        {"a wrong declaration loses to a cleaner detection", sjis, "EUC-JP", "windows-31j", 0},
        {"a wrong declaration loses to a cleaner detection", euc, "cp932", "EUC-JP", 0},
        {"an unknown declaration is ignored", sjis, "koi8-r", "windows-31j", 0},
        {"UTF-8 declared for bytes that are not: repaired", sjis, "utf-8", "UTF-8", 129},
        {"a few bad bytes in ASCII stay UTF-8", "policy \xFF\xFE text", "", "UTF-8", 2},
        {"a lone ESC is not ISO-2022-JP", "\x1B[1m bold", "", "UTF-8", 0},
        {"ISO-2022-JP needs a clean decoding", "\x1B$B%G\x1B(B \x1B$B\x7F\x7F", "", "UTF-8", 0},
    };
    for (const Row& row : rows) {
        INFO(row.what << " (declared \"" << row.declared << "\")");
        const text::Decoded d = text::decode(row.bytes, row.declared);
        CHECK(d.encoding == row.encoding);
        CHECK(d.substitutions == row.substitutions);
        CHECK(text::is_valid(d.utf8));
    }
}

TEST_CASE("encodings: charset labels", "[text][encoding]") {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"Shift_JIS", "windows-31j"},
        {"shift-jis", "windows-31j"},
        {"SJIS", "windows-31j"},
        {"x-sjis", "windows-31j"},
        {"cp932", "windows-31j"},
        {"Windows-31J", "windows-31j"},
        {"\"euc-jp\"", "EUC-JP"},
        {"EUCJP", "EUC-JP"},
        {"iso-2022-jp", "ISO-2022-JP"},
        {" utf-8 ", "UTF-8"},
        {"UTF8", "UTF-8"},
        {"latin1", ""},
        {"", ""},
    };
    for (const auto& [label, name] : rows) {
        INFO(label);
        CHECK(text::canonical_charset(label) == name);
    }
}

TEST_CASE("encodings: the charset an HTML file declares", "[document][encoding]") {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"<html><head><meta charset=\"Shift_JIS\">", "shift_jis"},
        {"<meta charset=euc-jp>", "euc-jp"},
        {"<META CHARSET='UTF-8'/>", "utf-8"},
        {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=x-sjis\">", "x-sjis"},
        {"<meta content=\"text/html;charset=ISO-2022-JP\" http-equiv=Content-Type>", "iso-2022-jp"},
        {"<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><html>", "shift_jis"},
        {"<meta name=\"description\" content=\"charset\"><meta charset=\"euc-jp\">", "euc-jp"},
        {"<p>charset=sjis is text, not a meta</p>", ""},
        {std::string(5000, ' ') + "<meta charset=\"euc-jp\">", ""},  // past the first 4 KiB
        {"<meta charset=", ""},
        {"", ""},
    };
    for (const auto& [html, charset] : rows) {
        INFO(html.substr(0, 80));
        CHECK(document::declared_charset(html) == charset);
    }
}

TEST_CASE("encodings: mixed, random and truncated bytes", "[document][encoding]") {
    // I13: no crash, the UTF-8 part readable, the rest counted and warned about
    const std::string mixed = read_bytes(encodings_dir + "mixed.txt");
    const auto d = document::read_document(mixed, document::Format::Text, "x", "mixed.txt");
    CHECK(d.encoding == "UTF-8");
    REQUIRE(d.warnings.size() == 1);
    CHECK_THAT(d.warnings[0], Catch::EndsWith(" invalid UTF-8 sequences replaced by U+FFFD"));
    // random bytes are refused, whatever they are detected as
    for (const std::size_t n : {std::size_t{300}, std::size_t{4000}, std::size_t{100000}}) {
        INFO(n);
        CHECK_THROWS_WITH(document::read_document(noise(n), document::Format::Text, "x", "r.txt"),
                          Catch::StartsWith("binary file"));
        const text::Decoded r = text::decode(noise(n));
        CHECK(text::is_valid(r.utf8));
    }
    // a Shift_JIS file cut inside a character: one U+FFFD, counted in the warning
    const std::string sjis = read_bytes(encodings_dir + "shift_jis.txt");
    const auto cut = document::read_document(sjis.substr(0, sjis.size() - 2),
                                             document::Format::Text, "x", "cut.txt");
    CHECK(cut.encoding == "windows-31j");
    CHECK(cut.warnings ==
          std::vector<std::string>{"1 undecodable windows-31j sequences replaced by U+FFFD"});
}

TEST_CASE("encodings: the stored record keeps the encoding", "[schema][encoding]") {
    document::Document d;
    d.id = "ja/x.txt";
    d.encoding = "windows-31j";
    d.body = "本文";
    const document::Document back = schema::decode_record(schema::encode_record(d));
    CHECK(back.encoding == "windows-31j");
    CHECK(back.body == "本文");
}

TEST_CASE("encodings: a Shift_JIS file is indexed and found", "[search][encoding]") {
    const test::TempCorpus corpus;
    corpus.write("sjis.txt", read_bytes(encodings_dir + "shift_jis.txt"));
    corpus.write("euc.html", read_bytes(encodings_dir + "meta-euc-jp.html"));
    const std::string db_path = corpus.index();
    search::Searcher s(db_path, test::test_analyzer());
    for (const std::string q : {"デジタル", "地方公共団体", "事業者", "①本計画"}) {
        INFO(q);
        search::SearchRequest r;
        r.query = q;
        r.group_translations = false;
        std::vector<std::string> paths;
        for (const auto& hit : s.search(r).hits) {
            paths.push_back(hit.path);
        }
        std::sort(paths.begin(), paths.end());
        const bool cp932_line = q == "事業者" || q == "①本計画";  // only in policy-cp932.txt
        CHECK(paths == (cp932_line ? std::vector<std::string>{"docs/sjis.txt"}
                                   : std::vector<std::string>{"docs/euc.html", "docs/sjis.txt"}));
    }
    const Xapian::Database db(db_path);
    Xapian::PostingIterator it = db.postlist_begin("Qdocs/sjis.txt");
    REQUIRE(it != db.postlist_end("Qdocs/sjis.txt"));
    CHECK(schema::decode_record(db.get_document(*it).get_data()).encoding == "windows-31j");
}
