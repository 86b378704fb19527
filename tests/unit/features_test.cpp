// SPDX-License-Identifier: MIT
// Issue 5 features on the fixture documents of tests/data/features/: every operator, date
// form, filter and sort order as a table, then facets, more-like-this and limits.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "analysis/analyzer.hpp"
#include "describe.hpp"
#include "error.hpp"
#include "index/index_run.hpp"
#include "search/searcher.hpp"

using namespace seisaku;

namespace {

struct FeatureIndex {
    test::TempDir tmp;
    std::string db = tmp.path() + "/db";
    FeatureIndex() {
        index::IndexRunOptions o;
        o.db = db;
        o.paths = {TEST_DATA_DIR "/features"};
        (void)index::run_index(o, [](const index::FileEvent&) {});
    }
};

FeatureIndex& feature_index() {
    static FeatureIndex idx;
    return idx;
}

std::vector<std::string> names(const search::SearchResults& r) {
    std::vector<std::string> out;
    for (const search::Hit& h : r.hits) {
        out.push_back(h.path.substr(h.path.find('/') + 1));
        if (h.translation) {
            out.push_back(h.translation->path.substr(h.translation->path.find('/') + 1));
        }
    }
    return out;
}

std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) {
        out.push_back(w);
    }
    return out;
}

}  // namespace

TEST_CASE("features: operators, dates, filters and sort orders", "[features]") {
    search::Searcher s(feature_index().db, test::test_analyzer());
    for (const auto& row : test::read_table(TEST_DATA_DIR "/features/queries.tsv")) {
        REQUIRE(row.size() == 3);
        INFO(row[0] << " | " << row[1]);
        search::SearchRequest r;
        r.query = row[0];
        r.limit = 20;
        r.group_translations = false;
        if (row[1].starts_with("sort=")) {
            r.sort = search::parse_sort_order(row[1].substr(5));
        } else if (row[1].starts_with("since=")) {
            r.since = row[1].substr(6);
        } else if (row[1].starts_with("until=")) {
            r.until = row[1].substr(6);
        }
        const search::SearchResults results = s.search(r);
        CHECK(results.notes.empty());
        std::vector<std::string> got = names(results);
        if (row[2] == "none") {
            CHECK(got.empty());
            continue;
        }
        std::vector<std::string> want = words(row[2].substr(1));
        if (row[2].front() == '~') {
            std::sort(got.begin(), got.end());
            std::sort(want.begin(), want.end());
        }
        CHECK(got == want);
    }
}

TEST_CASE("features: facets count every match by language, year, issuer, type, topic",
          "[features]") {
    search::Searcher s(feature_index().db, test::test_analyzer());
    search::SearchRequest r;
    r.query = "DFFT";
    r.limit = 1;  // counts cover all matches, not the page
    r.facets = true;
    const auto results = s.search(r);
    std::map<std::string, std::string> shown;
    for (const search::Facet& f : results.facets) {
        for (const search::FacetValue& v : f.values) {
            shown[f.name] +=
                (shown[f.name].empty() ? "" : " ") + v.value + "=" + std::to_string(v.count);
        }
    }
    CHECK(shown["lang"] == "ja=2 en=1");
    CHECK(shown["year"] == "2024=1 2022=1 2019=1");  // newest first
    CHECK(shown["issuer"] == "Digital Agency=1 日本政府=1");
    CHECK(shown["type"] == "fact-sheet=1 press-release=1");
    CHECK(shown["topic"] == "dfft=2");
    r.facets = false;
    CHECK(s.search(r).facets.empty());
}

TEST_CASE("features: more like this starts with the translation, never the document",
          "[features]") {
    search::Searcher s(feature_index().db, test::test_analyzer());
    search::SearchRequest r;
    r.like = "features/en-hiroshima.md";
    r.group_translations = false;
    const auto results = s.search(r);
    REQUIRE_FALSE(results.hits.empty());
    CHECK(results.like == "features/en-hiroshima.md");
    const std::vector<std::string> found = names(results);
    CHECK(found.front() == "ja-hiroshima.md");
    CHECK(std::count(found.begin(), found.end(), "en-hiroshima.md") == 0);
    // A path with leading folders finds the document by its id.
    r.like = "tests/data/features/en-hiroshima.md";
    CHECK(s.search(r).like == "features/en-hiroshima.md");
    r.like = "features/missing.md";
    CHECK_THROWS_WITH(s.search(r), Catch::StartsWith("--like features/missing.md: no such "
                                                     "document in the index"));
}

TEST_CASE("features: limits keep every query bounded and say so", "[features]") {
    const test::TempCorpus corpus;
    std::string many = "Many words\n\n";
    for (int i = 0; i < 150; ++i) {
        many += "wa" + std::to_string(1000 + i) + ' ';
    }
    corpus.write("many.txt", many);
    search::Searcher s(corpus.index(), test::test_analyzer());
    search::SearchRequest r;
    r.query = "wa*";
    const auto capped = s.search(r);
    CHECK(capped.hits.size() == 1);
    REQUIRE(capped.notes.size() == 1);
    CHECK(capped.notes[0].message ==
          "wa* matches more than 100 indexed words; the most frequent 100 were searched");
    r.query = "zz* words";
    const auto none = s.search(r);
    REQUIRE(none.notes.size() == 1);
    CHECK(none.notes[0].message == "zz* matches no indexed word");
    // Result window, query length and term count refuse with a message.
    r.query = "words";
    r.offset = 9995;
    r.limit = 10;
    CHECK_THROWS_AS(s.search(r), QueryError);
    r.offset = 0;
    r.query = std::string(100000, 'a');
    CHECK_THROWS_WITH(s.search(r), "query too long (100000 bytes, max 1024)");
    std::string ors = "w0";
    for (int i = 1; i < 5000 && ors.size() < 1000; ++i) {
        ors += " OR w" + std::to_string(i);
    }
    r.query = ors;
    CHECK_THROWS_WITH(s.search(r), "query has too many terms (more than 32)");
}

TEST_CASE("features: issue 5's checks on the bundled corpus", "[features]") {
    search::Searcher s(test::corpus_db(), test::test_analyzer());
    const auto all = [&](const std::string& q) {
        search::SearchRequest r;
        r.query = q;
        r.limit = 200;
        r.group_translations = false;
        return s.search(r);
    };
    // DFFT after:2023-01-01 lang:ja: Japanese documents dated 2023 or later, and some.
    const auto recent = all("DFFT after:2023-01-01 lang:ja");
    CHECK(recent.hits.size() >= 5);
    for (const search::Hit& h : recent.hits) {
        INFO(h.path << " " << h.date);
        CHECK(h.lang == "ja");
        CHECK(h.date >= "2023");
    }
    // 広島AIプロセス -行動規範 leaves out the Code of Conduct documents, in both languages.
    const std::vector<std::string> with = names(all("広島AIプロセス"));
    const std::vector<std::string> without = names(all("広島AIプロセス -行動規範"));
    for (const char* conduct : {"c-haip-guiding-principles-code-of-conduct.md",
                                "c-haip-guiding-principles-code-of-conduct.html"}) {
        INFO(conduct);
        CHECK(std::count(with.begin(), with.end(), conduct) == 1);
        CHECK(std::count(without.begin(), without.end(), conduct) == 0);
    }
    CHECK_FALSE(without.empty());
    // year:令和6年 is year:2024.
    const auto era = all("year:令和6年");
    const auto gregorian = all("year:2024");
    CHECK(era.total == gregorian.total);
    CHECK(names(era) == names(gregorian));
    CHECK(era.total >= 10);
}

TEST_CASE("features: the time limit bounds facet counting and says so", "[features]") {
    search::Searcher s(feature_index().db, test::test_analyzer());
    search::SearchRequest r;
    r.query = "DFFT OR semiconductor OR policy OR data";
    r.facets = true;
    r.time_limit = 1e-9;  // any search takes longer
    const auto results = s.search(r);
    REQUIRE_FALSE(results.notes.empty());
    CHECK(results.notes.back().message.starts_with("counting stopped after"));
    r.time_limit = 0;  // no limit
    CHECK(s.search(r).notes.empty());
    r.time_limit = 1e-9;
    r.facets = false;  // nothing counted beyond the page: nothing cut short
    CHECK(s.search(r).notes.empty());
}
