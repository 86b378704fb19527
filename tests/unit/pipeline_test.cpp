// SPDX-License-Identifier: MIT
#include "index/pipeline.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

using namespace seisaku;

TEST_CASE("pipeline: results come back in input order, with bounded read-ahead", "[index]") {
    for (const std::size_t jobs : {1U, 2U, 4U}) {
        INFO("jobs " << jobs);
        int produced = 0;
        std::atomic<int> in_flight = 0;
        std::atomic<int> most = 0;
        std::vector<int> seen;
        index::ordered_map<int, int>(
            jobs, 8,
            [&]() -> std::optional<int> {
                if (produced == 500) {
                    return std::nullopt;
                }
                const int now = ++in_flight;
                int expected = most.load();
                while (now > expected && !most.compare_exchange_weak(expected, now)) {
                }
                return produced++;
            },
            [](std::size_t worker, int& x) {
                if ((x * 7919 + static_cast<int>(worker)) % 13 == 0) {
                    std::this_thread::sleep_for(std::chrono::microseconds(200));
                }
                return x * 2;
            },
            [&](int& y) {
                --in_flight;
                seen.push_back(y);
            });
        REQUIRE(seen.size() == 500);
        for (int i = 0; i < 500; ++i) {
            CHECK(seen[static_cast<std::size_t>(i)] == 2 * i);
        }
        CHECK(most.load() <= 8);
    }
}

TEST_CASE("pipeline: a failing item stops the run at its turn, and stop() ends the input",
          "[index]") {
    int n = 0;
    std::vector<int> seen;
    CHECK_THROWS_WITH(
        (index::ordered_map<int, int>(
            2, 4,
            [&]() -> std::optional<int> { return n < 100 ? std::optional(n++) : std::nullopt; },
            [](std::size_t, int& x) {
                if (x == 10) {
                    throw std::runtime_error("bad item 10");
                }
                return x;
            },
            [&](int& y) { seen.push_back(y); })),
        "bad item 10");
    CHECK(seen.size() == 10);  // 0..9 consumed, in order, before the failure
    n = 0;
    seen.clear();
    index::ordered_map<int, int>(
        3, 6, [&]() -> std::optional<int> { return n++; }, [](std::size_t, int& x) { return x; },
        [&](int& y) { seen.push_back(y); }, [&] { return n >= 50; });
    CHECK(seen.size() == 50);
}
