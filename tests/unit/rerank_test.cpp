// SPDX-License-Identifier: MIT
#include "search/rerank.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace seisaku;

namespace {

template <typename T>
std::vector<T> words(const std::string& line) {
    std::istringstream in(line);
    std::vector<T> out;
    for (T v; in >> v;) {
        out.push_back(v == T("-") ? T() : v);
    }
    return out;
}

/// The entries as "head" or "head+partner", space-separated.
std::string shown(const std::vector<search::Entry>& entries) {
    std::string out;
    for (const search::Entry& e : entries) {
        out += (out.empty() ? "" : " ") + std::to_string(e.head) +
               (e.partner ? "+" + std::to_string(*e.partner) : "");
    }
    return out;
}

}  // namespace

TEST_CASE("re-ranking: balancing languages and grouping translations", "[rerank]") {
    struct Row {
        const char* why;
        std::vector<double> weights;
        std::string langs;  ///< one a hit; keys and dates likewise, "-" for none
        std::string keys;
        std::string dates;
        bool recency;
        bool balance;
        std::string expected;
    };
    const std::vector<Row> rows = {
        {"plain score order",
         {10, 9, 8, 7, 1},
         "en en ja ja en",
         "",
         "",
         false,
         false,
         "0 1 2 3 4"},
        {"the languages take turns",
         {10, 9, 8, 7, 1},
         "en en ja ja en",
         "",
         "",
         false,
         true,
         "0 2 1 3 4"},
        {"hits under a fifth of the best stay where they are",
         {10, 1.9, 1.8},
         "en ja ja",
         "",
         "",
         false,
         true,
         "0 1 2"},
        {"a translation found lower joins its partner",
         {10, 9, 8},
         "en en ja",
         "k - k",
         "",
         false,
         false,
         "0+2 1"},
        {"two hits of one language are not translations",
         {10, 9, 8},
         "en en ja",
         "k k -",
         "",
         false,
         false,
         "0 1 2"},
        {"balanced then grouped",
         {10, 9, 8, 7},
         "en en ja ja",
         "a b a -",
         "",
         false,
         true,
         "0+2 1 3"},
        {"the newest of equal hits first",
         {1.0, 1.0},
         "en en",
         "",
         "2020 2024-01-01",
         true,
         false,
         "1 0"},
        {"an undated hit gets no boost", {1.05, 1.0}, "en en", "", "- 2024", true, false, "1 0"},
        {"the boost never lifts a weak hit over a strong one",
         {2.0, 1.0},
         "en en",
         "",
         "2010 2024",
         true,
         false,
         "0 1"},
    };
    for (const Row& row : rows) {
        INFO(row.why);
        search::RankedHits hits{row.weights, words<std::string>(row.langs),
                                words<std::string>(row.dates), words<std::string>(row.keys)};
        if (row.recency) {
            search::with_recency(hits);
        }
        CHECK(shown(search::group(search::result_order(hits, row.recency, row.balance), hits)) ==
              row.expected);
    }
}

TEST_CASE("re-ranking: day numbers count leap days", "[rerank]") {
    CHECK(search::day_number("2024-03-01") - search::day_number("2024-02-28") == 2);
    CHECK(search::day_number("2023-03-01") - search::day_number("2023-02-28") == 1);
    CHECK(search::day_number("2025") - search::day_number("2024") == 366);
    CHECK(search::day_number("2000-03") - search::day_number("2000-02") == 29);
}
