// SPDX-License-Identifier: MIT
#include "document/dates.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "describe.hpp"

using namespace seisaku;

namespace {
/// "first..last" or "none", as the tables write a parse.
std::string describe(const std::optional<document::DateRange>& range) {
    return range ? range->first + ".." + range->last : "none";
}
}  // namespace

TEST_CASE("date expressions table", "[dates]") {
    const auto rows = test::read_table(TEST_DATA_DIR "/dates/parse.tsv");
    REQUIRE(rows.size() > 100);
    for (const auto& row : rows) {
        REQUIRE(row.size() == 2);
        INFO(row[0]);
        CHECK(describe(document::parse_date(row[0])) == row[1]);
    }
}

TEST_CASE("first date in running text table", "[dates]") {
    const auto rows = test::read_table(TEST_DATA_DIR "/dates/first_date.tsv");
    REQUIRE(rows.size() > 50);
    for (const auto& row : rows) {
        REQUIRE(row.size() == 2);
        INFO(row[0]);
        const std::string found = document::first_date_in_text(row[0]);
        CHECK((found.empty() ? "none" : found) == row[1]);
    }
}

TEST_CASE("every date found in text parses to the days it names", "[dates]") {
    // The text scanner and parse_date share their forms: what one finds the other reads,
    // and the compact form of the parse is what the scanner returned.
    for (const auto& row : test::read_table(TEST_DATA_DIR "/dates/first_date.tsv")) {
        const std::string found = document::first_date_in_text(row.at(0));
        if (found.empty()) {
            continue;
        }
        INFO(row[0]);
        const auto range = document::parse_date(found);
        REQUIRE(range);
        CHECK(document::compact_date(*range) == found);
    }
}

TEST_CASE("fiscal years run from April to March", "[dates]") {
    for (const int year : {1989, 2018, 2019, 2023, 2024, 2100}) {
        INFO(year);
        const document::DateRange fy = document::fiscal_year(year);
        CHECK(fy.first == std::to_string(year) + "-04-01");
        CHECK(fy.last == std::to_string(year + 1) + "-03-31");
        CHECK(document::parse_date("FY" + std::to_string(year)) == fy);
        CHECK(document::parse_date(std::to_string(year) + "年度") == fy);
        CHECK(document::compact_date(fy).empty());  // not one calendar day, month or year
    }
    CHECK(document::parse_date("令和5年度") == document::fiscal_year(2023));
    CHECK(document::parse_date("平成30年度") == document::fiscal_year(2018));
}

TEST_CASE("compact dates: one day, month or year, else nothing", "[dates]") {
    const std::vector<std::pair<document::DateRange, std::string>> rows = {
        {{"2024-04-30", "2024-04-30"}, "2024-04-30"},
        {{"2024-04-01", "2024-04-30"}, "2024-04"},
        {{"2024-02-01", "2024-02-29"}, "2024-02"},
        {{"2023-02-01", "2023-02-28"}, "2023-02"},
        {{"2024-01-01", "2024-01-31"}, "2024-01"},
        {{"2024-01-01", "2024-12-31"}, "2024"},
        {{"2024-04-01", "2024-04-29"}, ""},
        {{"2024-01-01", "2024-12-30"}, ""},
        {{"2023-04-01", "2024-03-31"}, ""},
        {{"2024-04-30", "2024-04-31"}, ""},
        {{"2024-4-30", "2024-4-30"}, ""},
        {{"", ""}, ""},
        {{"garbage", "garbage"}, ""},
    };
    for (const auto& [range, compact] : rows) {
        INFO(range.first << ".." << range.last);
        CHECK(document::compact_date(range) == compact);
    }
}

TEST_CASE("huge and hostile input is refused without work", "[dates]") {
    CHECK_FALSE(document::parse_date(std::string(1 << 20, '2')));
    CHECK_FALSE(document::parse_date("2024-04-30" + std::string(200, ' ') + "x"));
    CHECK_FALSE(document::parse_date(std::string("2024-04-30\0", 11)));
    CHECK_FALSE(document::parse_date("\xFF\xFE"));
    CHECK_FALSE(document::parse_date("令"));
    CHECK(document::first_date_in_text(std::string(1 << 20, '7')).empty());
    CHECK(document::first_date_in_text("\xE4\xBB").empty());  // a cut character
}

TEST_CASE("first_date_in_text reads only the head of a text", "[dates]") {
    const std::string date = " 令和6年4月30日";
    // just inside the bound: found; the same date after the bound: not looked at
    const std::string inside(document::date_scan_bytes - date.size(), 'x');
    CHECK(document::first_date_in_text(inside + date) == "2024-04-30");
    const std::string outside(document::date_scan_bytes, 'x');
    CHECK(document::first_date_in_text(outside + date).empty());
    // a bound in the middle of a character is moved back, not read as a broken character
    const std::string cut = std::string(document::date_scan_bytes - 1, 'x') + "年";
    CHECK(document::first_date_in_text(cut).empty());
}
