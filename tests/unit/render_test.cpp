// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "render/json.hpp"
#include "render/terminal.hpp"

using namespace seisaku;

namespace {
search::SearchResults sample() {
    search::SearchResults r;
    r.query = "DFFT \xFF";
    r.total = 42;
    r.documents = 42;
    r.offset = 0;
    search::Hit h;
    h.rank = 1;
    h.path = "en/caf\xE9.md";
    h.title = "Title with \"quotes\", <tags> and \x1b[31m escape";
    h.lang = "en";
    h.date = "2024-04-30";
    h.score = 1.5;
    h.snippet.text = "about DFFT here";
    h.snippet.highlights = {{6, 10}};
    r.hits.push_back(h);
    return r;
}
}  // namespace

TEST_CASE("JSON output follows docs/output.md and is valid whatever the bytes", "[render]") {
    const auto j = nlohmann::json::parse(render::json(sample()));
    CHECK(j["query"] == "DFFT \xEF\xBF\xBD");
    CHECK(j["suggestion"].is_null());
    CHECK(j["total"] == 42);
    CHECK(j["offset"] == 0);
    REQUIRE(j["results"].size() == 1);
    const auto& h = j["results"][0];
    CHECK(h["rank"] == 1);
    CHECK(h["path"] == "en/caf\xEF\xBF\xBD.md");
    CHECK(h["title"] == "Title with \"quotes\", <tags> and \x1b[31m escape");
    CHECK(h["lang"] == "en");
    CHECK(h["date"] == "2024-04-30");
    CHECK(h["score"] == 1.5);
    CHECK(h["snippet"] == "about DFFT here");
    CHECK(h["highlights"] == nlohmann::json::array({nlohmann::json::array({6, 10})}));
    CHECK_FALSE(h.contains("matched"));      // only with --explain
    CHECK_FALSE(h.contains("translation"));  // only when one was found
    CHECK_FALSE(h.contains("passage"));      // only when a paragraph matched
    auto cited = sample();
    cited.hits[0].passage = {12, {"Joint Statement", "3. \"Data\" spaces"}, "p12"};
    CHECK(nlohmann::json::parse(render::json(cited))["results"][0]["passage"] ==
          nlohmann::json::parse(R"({"paragraph":12,"headings":["Joint Statement",)"
                                R"("3. \"Data\" spaces"],"anchor":"en/caf\ufffd.md#p12"})"));
    auto paired = sample();
    paired.hits[0].translation = search::Translation{"ja/x.md", "題名", "ja"};
    CHECK(nlohmann::json::parse(render::json(paired))["results"][0]["translation"] ==
          nlohmann::json::parse(R"({"path":"ja/x.md","title":"題名","lang":"ja"})"));
    auto explained = sample();
    explained.hits[0].matched = {{"polici", search::TermKind::Stem, false, 1.25},
                                 {"dfft", search::TermKind::Word, true, 0.5}};
    const auto e = nlohmann::json::parse(render::json(explained));
    CHECK(
        e["results"][0]["matched"] ==
        nlohmann::json::parse(R"([{"term":"polici","kind":"stem","expansion":false,"weight":1.25},)"
                              R"({"term":"dfft","kind":"word","expansion":true,"weight":0.5}])"));
    // Fields added for issue 5: notes always, facets and like only when asked.
    CHECK(j["notes"] == nlohmann::json::array());
    CHECK(j["sort"] == "relevance");
    CHECK_FALSE(j.contains("facets"));
    CHECK_FALSE(j.contains("like"));
    auto more = sample();
    more.notes = {{12, "a ( was not closed; it closes at the end"}};
    more.facets = {{"lang", {{"ja", 3}, {"en", 2}}}, {"year", {}}};
    more.like = "en/x.md";
    more.sort = "newest";
    const auto m = nlohmann::json::parse(render::json(more));
    CHECK(m["notes"] ==
          nlohmann::json::parse(
              R"([{"offset":12,"message":"a ( was not closed; it closes at the end"}])"));
    CHECK(m["facets"] ==
          nlohmann::json::parse(R"({"lang":[{"value":"ja","count":3},{"value":"en","count":2}],)"
                                R"("year":[]})"));
    CHECK(m["like"] == "en/x.md");
    CHECK(m["sort"] == "newest");
}

TEST_CASE("a suggestion is a JSON string and a terminal line", "[render]") {
    search::SearchResults r;
    r.query = "semiconductr";
    r.suggestion = "semiconductor\x1b[31m";
    CHECK(nlohmann::json::parse(render::json(r))["suggestion"] == "semiconductor\x1b[31m");
    std::ostringstream out;
    render::terminal(out, r, {false});
    CHECK(out.str() == "did you mean: semiconductor\\x1b[31m?\nno results\n");
    r.suggestion.reset();
    std::ostringstream none;
    render::terminal(none, r, {false});
    CHECK(none.str() == "no results\n");
}

TEST_CASE("counts say what paging lists and whether they are estimates", "[render]") {
    struct Row {
        std::size_t total;
        std::size_t documents;
        bool exact;
        std::size_t offset;
        bool hit;
        const char* line;  ///< the last line of terminal output
        bool more;
    };
    const std::vector<Row> rows = {
        {29, 47, true, 0, true, "results 1-1 of 29 (47 documents)", true},
        {29, 29, true, 28, true, "results 29-29 of 29", false},
        {290, 470, false, 10, true, "results 11-11 of about 290 (about 470 documents)", true},
        {29, 47, true, 40, false, "no results at offset 40; results in all: 29 (47 documents)",
         false},
        {0, 0, true, 0, false, "no results", false},
    };
    for (const Row& row : rows) {
        search::SearchResults r = sample();
        r.total = row.total;
        r.documents = row.documents;
        r.exact = row.exact;
        r.more = row.more;
        r.offset = row.offset;
        r.hits.resize(row.hit ? 1 : 0);
        std::ostringstream out;
        render::terminal(out, r, {false});
        INFO(out.str());
        CHECK(out.str().ends_with(std::string(row.line) + "\n"));
        const auto j = nlohmann::json::parse(render::json(r));
        CHECK(j["total"] == row.total);
        CHECK(j["documents"] == row.documents);
        CHECK(j["exact"] == row.exact);
        CHECK(j["more"] == row.more);
    }
}

TEST_CASE("terminal lines show control characters as escapes", "[render]") {
    CHECK(render::terminal_safe("bad\nname\r.txt") == "bad\\x0aname\\x0d.txt");
    CHECK(render::terminal_safe("caf\xE9") == "caf\xEF\xBF\xBD");
    CHECK(render::terminal_safe("データ\tx") == "データ\\x09x");
}

TEST_CASE("terminal output: bold only when asked, never control characters", "[render]") {
    std::ostringstream plain;
    render::terminal(plain, sample(), {false});
    CHECK(plain.str() ==
          "1. Title with \"quotes\", <tags> and \\x1b[31m escape  [en] 2024-04-30\n"
          "   en/caf\xEF\xBF\xBD.md  score 1.50\n"
          "   about DFFT here\n\n"
          "results 1-1 of about 42\n");
    auto cited = sample();
    cited.hits[0].passage = {12, {"Joint Statement", "3. Data\x1b[2J spaces"}, "p12"};
    std::ostringstream with_passage;
    render::terminal(with_passage, cited, {false});
    CHECK(with_passage.str().find("\n   en/caf\xEF\xBF\xBD.md#p12 · Joint Statement › 3. "
                                  "Data\\x1b[2J spaces  score 1.50\n") != std::string::npos);
    cited.hits[0].passage.headings.clear();
    std::ostringstream no_headings;
    render::terminal(no_headings, cited, {false});
    CHECK(no_headings.str().find("\n   en/caf\xEF\xBF\xBD.md#p12  score 1.50\n") !=
          std::string::npos);
    std::ostringstream bold;
    render::terminal(bold, sample(), {true});
    CHECK(bold.str().find("about \x1b[1mDFFT\x1b[0m here") != std::string::npos);
}
