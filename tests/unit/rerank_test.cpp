// SPDX-License-Identifier: MIT
#include "search/rerank.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <type_traits>

using namespace seisaku;

namespace {

template <typename T>
std::vector<T> words(const std::string& line) {
    std::istringstream in(line);
    std::vector<T> out;
    for (std::string v; in >> v;) {
        if constexpr (std::is_same_v<T, std::string>) {
            out.push_back(v == "-" ? T() : v);
        } else {
            out.push_back(static_cast<T>(std::stoul(v)));
        }
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

TEST_CASE("re-ranking: balancing languages on the evidence and grouping translations", "[rerank]") {
    struct Row {
        const char* why;
        std::vector<double> weights;
        std::string langs;  ///< one a hit; keys and dates likewise, "-" for none
        std::string keys;
        std::string dates;
        bool recency;
        bool balance;
        std::string expected;
        std::string matched;  ///< how many of the query's concepts each hit matches; "": all
        std::size_t concepts = 0;
    };
    // clang-format off
    const std::vector<Row> rows = {
        {"plain score order", {10, 9, 8, 7, 1}, "en en ja ja en", "", "", false, false, "0 1 2 3 4", "", 0},
        {"the languages take turns", {10, 9, 8, 7, 1}, "en en ja ja en", "", "", false, true, "0 2 1 3 4", "", 0},
        {"hits under a fifth of the best stay where they are", {10, 1.9, 1.8}, "en ja ja", "", "", false, true, "0 1 2", "", 0},
        {"a translation found lower joins its partner", {10, 9, 8}, "en en ja", "k - k", "", false, false, "0+2 1", "", 0},
        {"two hits of one language are not translations", {10, 9, 8}, "en en ja", "k k -", "", false, false, "0 1 2", "", 0},
        {"balanced then grouped", {10, 9, 8, 7}, "en en ja ja", "a b a -", "", false, true, "0+2 1 3", "", 0},
        {"grouped past the balanced top too", {10, 9, 1, 0.5}, "en en en ja", "- - k k", "", false, true, "0 1 2+3", "", 0},
        // corpus-real, "cybersecurity labeling program IoT": balancing put the Japanese pages
        // sharing one word at 2 and 4.
        {"pages sharing one word of four stay below the answers", {14.8, 12.8, 12.6, 5.0, 3.1}, "en en en ja ja", "", "", false, true, "0 1 2 3 4", "4 4 4 1 1", 4},
        {"a strong hit of the other language takes turns", {14.8, 12.8, 12.6, 6.0, 3.1}, "en en en ja ja", "", "", false, true, "0 3 1 2 4", "4 4 4 1 1", 4},
        {"the other language's best below the floor takes turns with every concept", {10, 9, 8, 3.2}, "en en en ja", "", "", false, true, "0 3 1 2", "2 2 2 2", 2},
        {"but not with a concept missing", {10, 9, 8, 2.5}, "en en en ja", "", "", false, true, "0 1 2 3", "2 2 2 1", 2},
        {"nor when it is not its language's best", {10, 9, 2.6, 2.5}, "en en ja ja", "", "", false, true, "0 1 2 3", "2 2 1 2", 2},
        {"nor under three tenths of the best", {10, 9, 8, 2.9}, "en en en ja", "", "", false, true, "0 1 2 3", "2 2 2 2", 2},
        {"the newest of equal hits first", {1.0, 1.0}, "en en", "", "2020 2024-01-01", true, false, "1 0", "", 0},
        {"an undated hit gets no boost", {1.05, 1.0}, "en en", "", "- 2024", true, false, "1 0", "", 0},
        {"the boost never lifts a weak hit over a strong one", {2.0, 1.0}, "en en", "", "2010 2024", true, false, "0 1", "", 0},
    };
    // clang-format on
    for (const Row& row : rows) {
        INFO(row.why);
        search::RankedHits hits{row.weights, words<std::string>(row.langs),
                                words<std::string>(row.dates), words<std::string>(row.keys)};
        if (row.recency) {
            search::with_recency(hits);
        }
        const std::vector<std::size_t> matched = words<std::size_t>(row.matched);
        search::Evidence evidence{row.concepts, {}};
        if (!matched.empty()) {
            evidence.matched = [&](std::size_t i) { return matched[i]; };
        }
        CHECK(shown(search::group(search::result_order(hits, row.recency, row.balance, evidence),
                                  hits)) == row.expected);
    }
}

TEST_CASE("re-ranking: the twin in the query's language leads its pair", "[rerank]") {
    struct Row {
        std::string lead;
        std::string langs;
        std::string expected;
    };
    // The Japanese DGA document ranks above its English original.
    const std::vector<Row> rows = {
        {"en", "ja en en", "2+0 1"},
        {"ja", "ja en en", "0+2 1"},
        {"", "ja en en", "0+2 1"},
        {"ja", "en en ja", "2+0 1"},
    };
    for (const Row& row : rows) {
        INFO(row.lead + ": " + row.langs);
        const search::RankedHits hits{
            {10, 9, 8}, words<std::string>(row.langs), {}, {"k", "", "k"}};
        CHECK(shown(search::group({0, 1, 2}, hits, row.lead)) == row.expected);
    }
}

TEST_CASE("re-ranking: day numbers count leap days", "[rerank]") {
    CHECK(search::day_number("2024-03-01") - search::day_number("2024-02-28") == 2);
    CHECK(search::day_number("2023-03-01") - search::day_number("2023-02-28") == 1);
    CHECK(search::day_number("2025") - search::day_number("2024") == 366);
    CHECK(search::day_number("2000-03") - search::day_number("2000-02") == 29);
}
