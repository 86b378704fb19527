// SPDX-License-Identifier: MIT
// Word translations learned from the index's translation pairs (lexicon/learned): the
// table's stored form and its lookup from either side.
#include <catch2/catch.hpp>

#include "error.hpp"
#include "lexicon/learned.hpp"

using namespace seisaku;
using lexicon::Learned;
using lexicon::LearnedTranslations;

namespace {

/// A small table: 個人 has two translations, person the better.
LearnedTranslations sample() {
    return LearnedTranslations({{"情報", "inform", 0.9, 40},
                                {"個人", "individu", 0.5, 12},
                                {"個人", "person", 0.75, 30},
                                {"事業", "busi", 0.75, 31},
                                {"本人", "person", 0.25, 5}});
}

std::string words(const std::vector<const Learned*>& found, bool english) {
    std::string out;
    for (const Learned* l : found) {
        out += (out.empty() ? "" : " ") + (english ? l->en : l->ja);
    }
    return out;
}

}  // namespace

TEST_CASE("learned translations are looked up from either side best first", "[lexicon]") {
    const LearnedTranslations t = sample();
    struct Case {
        std::string base;
        bool from_japanese;
        std::size_t limit;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {"個人", true, 4, "person individu"},
        {"個人", true, 1, "person"},
        {"情報", true, 4, "inform"},
        {"person", false, 4, "個人 本人"},
        {"busi", false, 4, "事業"},
        {"inform", true, 4, ""},
        {"個", true, 4, ""},
        {"", false, 4, ""},
        {"個人", true, 0, ""},
    };
    for (const Case& c : cases) {
        INFO(c.base << (c.from_japanese ? " (ja)" : " (en)") << " limit " << c.limit);
        CHECK(words(t.of(c.base, c.from_japanese, c.limit), c.from_japanese) == c.expected);
    }
    CHECK(t.size() == 5);
    CHECK_FALSE(t.empty());
    CHECK(LearnedTranslations().empty());
    // Best first: higher score, then more segments.
    CHECK(t.rows().front().ja == "情報");
    CHECK(t.rows().at(1).ja == "事業");
}

TEST_CASE("learned translations read back exactly as encoded", "[lexicon]") {
    const LearnedTranslations t = sample();
    const std::string stored = t.encode();
    CHECK(stored.starts_with("seisaku-learned 1\n"));
    const LearnedTranslations back = LearnedTranslations::decode(stored);
    CHECK(back.rows() == t.rows());
    CHECK(back.encode() == stored);
    LearnedTranslations odd({{"率", "rate", 1.0 / 3.0, 7}});
    CHECK(LearnedTranslations::decode(odd.encode()).rows() == odd.rows());
    CHECK(LearnedTranslations::decode("").empty());
    CHECK(LearnedTranslations::decode(LearnedTranslations().encode()).empty());
}

TEST_CASE("rows that could not be stored are left out of a table", "[lexicon]") {
    const LearnedTranslations t({{"", "x", 0.5, 3},
                                 {"a\tb", "x", 0.5, 3},
                                 {"法", "law\n", 0.5, 3},
                                 {"法", "law", 0.0, 3},
                                 {"法", "law", 1.5, 3},
                                 {"法", "law", 1.0, 3}});
    REQUIRE(t.size() == 1);
    CHECK(t.rows().front().en == "law");
}

TEST_CASE("a damaged stored table is refused with the line and the reason", "[lexicon]") {
    struct Case {
        std::string stored;
        std::string says;
    };
    const std::vector<Case> cases = {
        {"seisaku-learned 9\n", "line 1"},
        {"情報\tinform\t0.5\t3\n", "line 1"},
        {"seisaku-learned 1\n情報\tinform\t0.5\n", "line 2: expected 4"},
        {"seisaku-learned 1\n情報\tinform\t0.5\t3\n個人\tperson\thigh\t3\n",
         "line 3: the score \"high\""},
        {"seisaku-learned 1\n情報\tinform\t0.5\t-3\n", "the count \"-3\""},
        {"seisaku-learned 1\n情報\tinform\t2\t3\n", "outside (0,1]"},
        {"seisaku-learned 1\n\tinform\t0.5\t3\n", "an empty word"},
    };
    for (const Case& c : cases) {
        INFO(c.stored);
        try {
            (void)LearnedTranslations::decode(c.stored);
            FAIL("decoded");
        } catch (const IndexError& e) {
            CHECK_THAT(e.what(), Catch::Contains(c.says));
            CHECK(e.code() == ExitCode::DataError);
        }
    }
}
