// SPDX-License-Identifier: MIT
#include "lexicon/lexicon.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "analysis/analyzer.hpp"
#include "describe.hpp"
#include "error.hpp"
#include "query/query_builder.hpp"
#include "text/normalize.hpp"

using namespace seisaku;
namespace fs = std::filesystem;

namespace {

/// A compiled lexicon of `lines` (direction, key, translations), written as make_lexicon does.
fs::path write_lexicon(
    const fs::path& file,
    const std::vector<std::tuple<lexicon::Direction, std::string, std::vector<std::string>>>&
        rows) {
    std::vector<std::string> lines;
    for (const auto& [way, key, translations] : rows) {
        lines.push_back(lexicon::line_of(way, key, translations));
    }
    std::sort(lines.begin(), lines.end());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << "seisaku-lexicon 1 " << lines.size() << "\n";
    for (const std::string& l : lines) {
        out << l;
    }
    return file;
}

using lexicon::Direction;
const auto J = Direction::JapaneseToEnglish;
const auto E = Direction::EnglishToJapanese;

/// An index's vocabulary made up for the query builder: frequencies by term, and the
/// documents each term is in, for co-occurrence counts.
class FakeIndex : public query::Vocabulary {
  public:
    explicit FakeIndex(std::map<std::string, std::set<int>> postings)
        : postings_(std::move(postings)) {}
    std::vector<std::string> words_with_prefix(const std::string&) const override { return {}; }
    Xapian::doccount frequency(const std::string& term) const override {
        const auto it = postings_.find(term);
        return it == postings_.end() ? 0 : static_cast<Xapian::doccount>(it->second.size());
    }
    /// The queries choose_senses() asks, (sense AND context): the documents holding a term of
    /// each side.
    Xapian::doccount matches(const Xapian::Query& q, Xapian::doccount enough) const override {
        REQUIRE(q.get_num_subqueries() == 2);
        const std::set<int> sense = docs(q.get_subquery(0));
        const std::set<int> context = docs(q.get_subquery(1));
        const auto n =
            std::count_if(sense.begin(), sense.end(), [&](int d) { return context.count(d) > 0; });
        return std::min(static_cast<Xapian::doccount>(n), enough);
    }

  private:
    std::set<int> docs(const Xapian::Query& q) const {
        std::set<int> out;
        for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
            if (const auto it = postings_.find(*t); it != postings_.end()) {
                out.insert(it->second.begin(), it->second.end());
            }
        }
        return out;
    }

    std::map<std::string, std::set<int>> postings_;
};

}  // namespace

TEST_CASE("lexicon: sorted keys found by binary search in both directions", "[lexicon]") {
    const fs::path dir = fs::temp_directory_path() / "seisaku-lexicon-test";
    fs::create_directories(dir);
    const lexicon::Lexicon lex(
        write_lexicon(dir / "lexicon.txt", {{J, "権利", {"right", "privilege"}},
                                            {J, "データ", {"data", "datum"}},
                                            {J, "基本 的 人権", {"fundamental human rights"}},
                                            {E, "right", {"権利", "右"}},
                                            {E, "open data", {"オープンデータ"}},
                                            {E, "open", {"開く"}},
                                            {E, "a", {"エー"}},
                                            {E, "zzz", {"終"}}}));
    CHECK(lex.size() == 8);
    const std::vector<std::pair<std::pair<Direction, std::string>, std::vector<std::string>>> rows =
        {
            {{J, "権利"}, {"right", "privilege"}},
            {{J, "データ"}, {"data", "datum"}},
            {{J, "基本 的 人権"}, {"fundamental human rights"}},
            {{E, "right"}, {"権利", "右"}},
            {{E, "open"}, {"開く"}},
            {{E, "open data"}, {"オープンデータ"}},
            {{E, "a"}, {"エー"}},  // the first line
            {{E, "zzz"}, {"終"}},  // the last line of its direction
            {{E, "権利"}, {}},     // the other direction's key
            {{J, "right"}, {}},
            {{E, "ope"}, {}},  // a prefix of a key is not a key
            {{E, ""}, {}},
            {{J, "ん"}, {}},  // past the end
        };
    for (const auto& [probe, expected] : rows) {
        const auto got = lex.translations(probe.first, probe.second);
        CHECK(std::vector<std::string>(got.begin(), got.end()) == expected);
    }
    CHECK(lex.has_longer(E, "open"));
    CHECK_FALSE(lex.has_longer(E, "right"));
    std::ofstream(dir / "bad.txt") << "not a lexicon\n";
    CHECK_THROWS_AS(lexicon::Lexicon(dir / "bad.txt"), SetupError);
    CHECK_THROWS_AS(lexicon::Lexicon(dir / "missing.txt"), SetupError);
    fs::remove_all(dir);
}

TEST_CASE("lexicon: keys are the analyzed bases of the words that carry meaning", "[lexicon]") {
    const auto& a = test::test_analyzer();
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"rights", "right"},
        {"Right to be Forgotten", "right forgotten"},
        {"ＯＰＥＮ　ＤＡＴＡ", "open data"},
        {"基本的人権", "基本 的 人権"},
        {"データ・ポータビリティ", "データ ポータビリティ"},
    };
    for (const auto& [text, key] : rows) {
        const std::vector<analysis::Token> tokens = a.analyze(text::prepare(text));
        const auto words = lexicon::key_words(tokens);
        CHECK(lexicon::key_of(words, 0, words.size()) == key);
    }
}

TEST_CASE("translation: a word's senses are one group and the company they keep chooses them",
          "[lexicon]") {
    const fs::path dir = fs::temp_directory_path() / "seisaku-translation-test";
    fs::create_directories(dir);
    const lexicon::Lexicon lex(
        write_lexicon(dir / "lexicon.txt", {{E, "ministri", {"内閣", "奉仕", "官庁", "省"}},
                                            {E, "data", {"データ", "資料"}},
                                            {E, "right", {"権利", "右"}},
                                            {J, "データ", {"data"}},
                                            {J, "ポータビリティ", {"portability"}},
                                            {J, "権利", {"right", "privilege"}},
                                            {J, "監督", {"supervision"}}}));
    // 省 and データ share documents 1 and 2; 内閣, 奉仕 and 官庁 stand apart (four senses: more
    // than are searched, so they are counted); 右 is not indexed.
    const FakeIndex index({{"Z内閣", {7}},
                           {"Z奉仕", {8}},
                           {"Z官庁", {10}},
                           {"Z省", {1, 2}},
                           {"Zデータ", {1, 2, 3}},
                           {"Z資料", {9}},
                           {"Z権利", {4}},
                           {"Zdata", {5}},
                           {"Zportabl", {5}},
                           {"Zright", {5, 6}},
                           {"Zsupervisori", {11}},
                           {"Zsupervisor", {12}}});
    query::QueryContext context;
    context.lexicon = &lex;
    context.vocabulary = &index;
    const auto built = [&](std::string_view raw) {
        return query::build(query::parse(raw), test::test_analyzer(), context);
    };
    // One word alone: the dictionary's order, only what the index holds (右 is left out).
    const query::BuiltQuery right = built("right");
    REQUIRE(right.expansions.size() == 1);
    CHECK(right.expansions[0].to == std::vector<std::string>{"権利"});
    CHECK(right.expansions[0].source == "dictionary");
    // Beside "data", ministries means 省: the only sense found with データ/資料.
    const query::BuiltQuery both = built("data ministries");
    REQUIRE(both.expansions.size() == 2);
    CHECK(both.expansions[1].from == "ministries");
    CHECK(both.expansions[1].to == std::vector<std::string>{"省"});
    // Alone, data keeps both senses, as one synonym group at the translation's weight.
    const std::string data = built("data").query.get_description();
    CHECK(data.find("(Zデータ SYNONYM Z資料)") != std::string::npos);
    // A katakana compound the lexicon does not know: its two known parts, each a group.
    const query::BuiltQuery split = built("データポータビリティの権利");
    std::vector<std::string> from;
    for (const auto& e : split.expansions) {
        from.push_back(e.from);
    }
    CHECK(from == std::vector<std::string>{"データ", "ポータビリティ", "権利"});
    // The dictionary's noun finds the index's adjective and agent noun (supervision:
    // supervisory, supervisor) although Snowball gives them other stems.
    const std::string supervision = built("監督").query.get_description();
    CHECK(supervision.find("Zsupervisori") != std::string::npos);
    CHECK(supervision.find("Zsupervisor ") != std::string::npos);
    // Excluded words and field searches are not translated.
    CHECK(built("data -ministries").expansions.size() == 1);
    CHECK(built("title:data").expansions.empty());
    fs::remove_all(dir);
}
