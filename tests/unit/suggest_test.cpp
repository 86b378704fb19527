// SPDX-License-Identifier: MIT
// "Did you mean": index the suggest fixtures, check the table of queries and suggestions.
#include "search/suggest.hpp"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "analysis/analyzer.hpp"
#include "describe.hpp"
#include "index/index_run.hpp"
#include "schema/schema.hpp"
#include "search/searcher.hpp"

using namespace seisaku;

namespace {

const std::string suggest_data = TEST_DATA_DIR "/suggest";

index::IndexSummary index_paths(const std::string& db, const std::vector<std::string>& paths) {
    index::IndexRunOptions o;
    o.db = db;
    o.paths.assign(paths.begin(), paths.end());
    return index::run_index(o, [](const index::FileEvent&) {});
}

struct SuggestIndex {
    test::TempDir dir;
    std::string db = dir.path() + "/db";

    SuggestIndex() { index_paths(db, {suggest_data + "/en", suggest_data + "/ja"}); }

    search::SearchResults search(const std::string& q, const std::string& lang = "",
                                 bool suggest = true) const {
        search::Searcher s(db, test::test_analyzer());
        search::SearchRequest r;
        r.query = q;
        r.lang = lang;
        r.suggest = suggest;
        return s.search(r);
    }
};

/// How many documents the spelling table counts for `word` (0: not in it).
Xapian::doccount spelling_frequency(const Xapian::Database& db, const std::string& word) {
    Xapian::TermIterator it = db.spellings_begin();
    it.skip_to(word);
    return it != db.spellings_end() && *it == word ? it.get_termfreq() : 0;
}

std::string shown(const std::optional<std::string>& s) {
    return s ? *s : "-";
}

}  // namespace

TEST_CASE("suggestion table", "[suggest]") {
    const SuggestIndex idx;
    const auto rows = test::read_table(suggest_data + "/suggestions.tsv");
    REQUIRE(rows.size() >= 20);
    for (const auto& row : rows) {
        REQUIRE(row.size() == 3);
        INFO(row[0] << " (--lang " << row[1] << ")");
        const search::SearchResults r = idx.search(row[0], row[1] == "-" ? "" : row[1]);
        CHECK(shown(r.suggestion) == row[2]);
        if (r.suggestion) {
            // What is suggested finds something, and more than what was typed.
            const search::SearchResults s = idx.search(*r.suggestion, row[1] == "-" ? "" : row[1]);
            CHECK(!s.hits.empty());
            CHECK(s.total >= r.total);
            CHECK(*r.suggestion != row[0]);
        }
    }
}

TEST_CASE("no suggestion when it is turned off", "[suggest]") {
    const SuggestIndex idx;
    CHECK(shown(idx.search("semiconductr").suggestion) == "semiconductor");
    CHECK_FALSE(idx.search("semiconductr", "", false).suggestion.has_value());
    CHECK_FALSE(idx.search("sekyuriti", "", false).suggestion.has_value());
}

TEST_CASE("a suggestion is counted under the request's own dates", "[suggest]") {
    // The search and its "did you mean" share the request's filters (query/filters.hpp):
    // a correction that finds nothing in the dates asked for is no help.
    const SuggestIndex idx;
    search::Searcher s(idx.db, test::test_analyzer());
    search::SearchRequest r;
    r.query = "semiconductr";
    r.since = "2024-01-01";
    CHECK(shown(s.search(r).suggestion) == "semiconductor");  // chips.md is dated 2024-03-01
    r.since = "2025-01-01";
    CHECK_FALSE(s.search(r).suggestion.has_value());
    r.since.clear();
    r.until = "2023-12-31";
    CHECK_FALSE(s.search(r).suggestion.has_value());
}

TEST_CASE("the index holds English spelling data and kana readings", "[suggest]") {
    const SuggestIndex idx;
    const Xapian::Database db(idx.db);
    CHECK(db.get_spelling_suggestion("goverance", 2) == "governance");
    CHECK(db.get_spelling_suggestion("semiconductr", 2) == "semiconductor");
    CHECK(db.get_spelling_suggestion("zzyzx", 2).empty());
    // Counted once per document: "governance" is in both English documents, "chips" in one.
    CHECK(spelling_frequency(db, "governance") == 2);
    CHECK(spelling_frequency(db, "chips") == 1);
    CHECK(spelling_frequency(db, "a") == 0);  // too short
    const auto readings = [&](const std::string& key) {
        std::vector<std::string> out;
        const std::string k = std::string(schema::prefix_reading) + key;
        for (auto it = db.synonyms_begin(k); it != db.synonyms_end(k); ++it) {
            out.push_back(*it);
        }
        return out;
    };
    CHECK(readings("sekyuriti") == std::vector<std::string>{"セキュリティ"});
    CHECK(readings("detasupesu") == std::vector<std::string>{"データスペース"});
    CHECK(readings("deta") == std::vector<std::string>{"データ"});
    CHECK(readings("zzyzx").empty());
}

TEST_CASE("re-indexing a document takes its old words out of the spelling data", "[suggest]") {
    const test::TempDir dir;
    const std::string docs = dir.path() + "/docs";
    std::filesystem::create_directories(docs);
    const auto write = [&](const std::string& body) {
        std::ofstream(docs + "/a.txt") << "Note\n\n" << body << '\n';
    };
    const std::string db = dir.path() + "/db";
    write("quantization of signals and sampling");
    index_paths(db, {docs});
    {
        const Xapian::Database x(db);
        CHECK(spelling_frequency(x, "quantization") == 1);
    }
    search::Searcher before(db, test::test_analyzer());
    search::SearchRequest r;
    r.query = "quantizaton";
    CHECK(shown(before.search(r).suggestion) == "quantization");

    write("sampling only");
    index_paths(db, {docs});
    index_paths(db, {docs});  // twice: counts never go below zero nor grow
    const Xapian::Database x(db);
    CHECK(spelling_frequency(x, "quantization") == 0);
    CHECK(spelling_frequency(x, "sampling") == 1);
    CHECK(x.get_spelling_suggestion("quantizaton", 2).empty());
    search::Searcher after(db, test::test_analyzer());
    CHECK_FALSE(after.search(r).suggestion.has_value());
}

TEST_CASE("suggest() replaces only the words that need it", "[suggest]") {
    const SuggestIndex idx;
    const Xapian::Database db(idx.db);
    // A counter that knows two words: the rule, without the searcher.
    const search::MatchCounter count = [](const std::string& q) -> Xapian::doccount {
        if (q == "governance" || q == "governance policy") {
            return 5;
        }
        return q == "policy" ? 1 : 0;
    };
    CHECK(shown(search::suggest(db, "goverance", 0, count)) == "governance");
    CHECK(shown(search::suggest(db, "goverance policy", 1, count)) == "governance policy");
    // The word finds something and the query found enough: left alone.
    CHECK(shown(search::suggest(db, "policy", 10, count)) == "-");
    // The corrected query would find fewer than the original did.
    CHECK(shown(search::suggest(db, "goverance", 6, count)) == "-");
    // A word that finds something is replaced only by one finding 3 times as many.
    const auto kana = [](Xapian::doccount hiragana) -> search::MatchCounter {
        return [hiragana](const std::string& q) -> Xapian::doccount {
            return q == "でーた" ? hiragana : q == "データ" ? 1 : 0;
        };
    };
    CHECK(shown(search::suggest(db, "データ", 1, kana(2))) == "-");
    CHECK(shown(search::suggest(db, "データ", 1, kana(3))) == "でーた");
    // A query that finds plenty: only a correction finding three times as many, and only of
    // a word the index lacks (issue 16: "semiconductor export controls", 40 documents in
    // corpus/, which has no "export", was offered "expert controls").
    const auto plenty = [](Xapian::doccount corrected) -> search::MatchCounter {
        return [corrected](const std::string& q) -> Xapian::doccount {
            if (q == "policy governance") {
                return corrected;
            }
            return q == "policy" ? 40 : q == "governance" ? 5 : 0;
        };
    };
    const std::vector<std::pair<Xapian::doccount, std::string>> ratios{
        {40, "-"}, {119, "-"}, {120, "policy governance"}, {500, "policy governance"}};
    for (const auto& [corrected, want] : ratios) {
        INFO(corrected);
        CHECK(shown(search::suggest(db, "policy goverance", 40, plenty(corrected))) == want);
    }
    // A counter that finds nothing never gets a suggestion.
    const search::MatchCounter none = [](const std::string&) -> Xapian::doccount { return 0; };
    CHECK(shown(search::suggest(db, "goverance sekyuriti", 0, none)) == "-");
}
