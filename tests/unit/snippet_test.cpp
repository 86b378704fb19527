// SPDX-License-Identifier: MIT
// Snippets highlight a word in every spelling the index folds together, for every spelling of
// the query that finds it: the query goes through the searcher (query builder, analyzer, the
// built query's terms), as a user's does.
#include "search/snippet.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "analysis/japanese.hpp"
#include "describe.hpp"
#include "search/searcher.hpp"
#include "text/width.hpp"

using namespace seisaku;

namespace {

/// The highlighted texts of a snippet.
std::vector<std::string> highlights(const search::Snippet& s) {
    std::vector<std::string> out;
    for (const auto& [b, e] : s.highlights) {
        out.push_back(s.text.substr(b, e - b));
    }
    return out;
}

/// Filler before a word, so that its body is read only where the query's letters occur.
std::string filler() {
    std::string out;
    while (out.size() < 6 * 1024) {
        out += "この文は関係のない話題について述べている。\n";
    }
    return out;
}

}  // namespace

TEST_CASE("snippets highlight every spelling the index folds, for every spelling that finds it",
          "[snippet]") {
    struct Row {
        std::string written;  // the word in the document
        std::string query;
    };
    const std::vector<Row> rows = {
        // ヴ-forms
        {"ヴァイオリン", "バイオリン"},
        {"ヴァイオリン", "ヴァイオリン"},
        {"バイオリン", "ヴァイオリン"},
        {"バイオリン", "バイオリン"},
        {"ｳﾞｧｲｵﾘﾝ", "バイオリン"},
        {"ｳﾞｧｲｵﾘﾝ", "ヴァイオリン"},
        // variant kanji
        {"髙橋", "高橋"},
        {"髙橋", "髙橋"},
        {"高橋", "髙橋"},
        {"高橋", "高橋"},
        // width
        {"ｶﾀｶﾅ", "カタカナ"},
        {"ｶﾀｶﾅ", "ｶﾀｶﾅ"},
        {"カタカナ", "ｶﾀｶﾅ"},
        {"カタカナ", "カタカナ"},
        {"ＡＢＣ", "ABC"},
        {"ＡＢＣ", "ＡＢＣ"},
        {"ABC", "ＡＢＣ"},
        {"ABC", "ABC"},
        // long marks: the final one the index drops, a dash after katakana it reads as ー
        {"サーバー", "サーバ"},
        {"サーバー", "サーバー"},
        {"サーバ", "サーバー"},
        {"サーバ", "サーバ"},
        {"サーバ−", "サーバー"},
        {"サーバ−", "サーバ"},
    };
    const test::TempCorpus corpus;
    std::vector<std::string> documents;  // one short and one long document per spelling
    for (const Row& row : rows) {
        if (std::find(documents.begin(), documents.end(), row.written) != documents.end()) {
            continue;
        }
        const std::string name = std::to_string(documents.size());
        corpus.write(name + "-short.txt", "記録\n\n昨日は" + row.written + "の件で集まった。\n");
        corpus.write(name + "-long.txt",
                     "記録\n\n" + filler() + "昨日は" + row.written + "の件で集まった。\n");
        documents.push_back(row.written);
    }
    search::Searcher searcher(corpus.index(), test::test_analyzer());
    for (const Row& row : rows) {
        const auto number = std::find(documents.begin(), documents.end(), row.written);
        const std::string name = "docs/" + std::to_string(number - documents.begin());
        search::SearchRequest request;
        request.query = row.query;
        request.expand = false;
        const search::SearchResults results = searcher.search(request);
        for (const char* kind : {"-short.txt", "-long.txt"}) {
            INFO(row.written << " searched as " << row.query << " in " << kind);
            const auto hit = std::find_if(results.hits.begin(), results.hits.end(),
                                          [&](const auto& h) { return h.path == name + kind; });
            REQUIRE(hit != results.hits.end());
            CAPTURE(hit->snippet.text);
            CHECK(highlights(hit->snippet) == std::vector<std::string>{row.written});
        }
    }
}

TEST_CASE("the index's spelling of a text maps back to the text as written", "[snippet]") {
    struct Row {
        std::string text;
        std::string spelled;
        std::vector<std::size_t> origin;  // of each character of `spelled`, then its end
    };
    const std::vector<Row> rows = {
        // Two characters become one, one becomes one, a dash after katakana becomes ー.
        {"ヴァイ", "バイ", {0, 6, 9}},     {"ヴ髙", "ブ高", {0, 3, 6}},
        {"サ-バ", "サーバ", {0, 3, 4, 7}}, {"いすゞ", "いすず", {0, 3, 6, 9}},
        {"東京", "東京", {0, 3, 6}},
    };
    for (const Row& row : rows) {
        INFO(row.text);
        std::vector<std::size_t> origin;
        CHECK(analysis::japanese_spelling(row.text, &origin) == row.spelled);
        CHECK(analysis::japanese_spelling(row.text) == row.spelled);
        REQUIRE(origin.size() == row.spelled.size() + 1);
        std::vector<std::size_t> starts;  // the origin of each character's first byte
        for (std::size_t i = 0; i < row.spelled.size(); ++i) {
            if ((static_cast<unsigned char>(row.spelled[i]) & 0xC0U) != 0x80U) {
                starts.push_back(origin[i]);
            }
        }
        starts.push_back(origin.back());
        CHECK(starts == row.origin);
    }
}

TEST_CASE("other widths: full-width Latin and half-width katakana", "[snippet]") {
    CHECK(text::full_width("dff1") == "ｄｆｆ１");
    CHECK(text::full_width("a b").empty());
    CHECK(text::half_width("データ") == "ﾃﾞｰﾀ");
    CHECK(text::half_width("ヴァイ") == "ｳﾞｧｲ");
    CHECK(text::half_width("パ") == "ﾊﾟ");
    CHECK(text::half_width("東京").empty());
    CHECK(text::lower_ascii_and_full_width("DFFＴ東") == "dffｔ東");
}
