// SPDX-License-Identifier: MIT
#include "search/rerank.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <utility>

#include "query/tuning.hpp"

namespace seisaku::search {
namespace {

using query::tuning::balance_depth;

bool is_date(const std::string& s) {
    return s.size() >= 4 && std::isdigit(static_cast<unsigned char>(s[0])) != 0 &&
           std::isdigit(static_cast<unsigned char>(s[3])) != 0;
}

}  // namespace

double day_number(const std::string& date) {
    const auto part = [&](std::size_t at, std::size_t len, int fallback) {
        return date.size() >= at + len ? std::stoi(date.substr(at, len)) : fallback;
    };
    int y = part(0, 4, 0);
    const int m = part(5, 2, 1);
    const int d = part(8, 2, 1);
    y -= m <= 2 ? 1 : 0;
    const int era = y / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int days = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // whole leap days: integer division
    return era * 146097.0 + days;
}

void with_recency(RankedHits& hits) {
    const std::size_t limit = std::min({hits.weights.size(), hits.dates.size(), balance_depth});
    double newest = -1;
    for (std::size_t i = 0; i < limit; ++i) {
        if (is_date(hits.dates[i])) {
            newest = std::max(newest, day_number(hits.dates[i]));
        }
    }
    for (std::size_t i = 0; i < limit && newest >= 0; ++i) {
        if (is_date(hits.dates[i])) {
            const double years = (newest - day_number(hits.dates[i])) / 365.25;
            hits.weights[i] *= 1.0 + query::tuning::recency_boost *
                                         std::exp2(-years / query::tuning::recency_half_life_years);
        }
    }
}

std::vector<std::size_t> result_order(const RankedHits& hits, bool boosted, bool balance) {
    const std::vector<double>& weights = hits.weights;
    std::vector<std::size_t> order(weights.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    if (order.empty()) {
        return order;
    }
    // The recency boost reorders the top hits by their boosted weight.
    const auto limit = static_cast<std::ptrdiff_t>(std::min(order.size(), balance_depth));
    if (boosted) {
        std::stable_sort(order.begin(), order.begin() + limit,
                         [&](std::size_t a, std::size_t b) { return weights[a] > weights[b]; });
    }
    if (!balance) {
        return order;
    }
    const double floor = weights[order.front()] * query::tuning::balance_ratio;
    std::vector<std::pair<std::size_t, std::size_t>> keyed;  // (rank within language, index)
    std::map<std::string, std::size_t> seen;
    // Only the first balance_depth hits are reordered, whatever the page asked for, so
    // every page of a query sees the same order.
    for (std::ptrdiff_t n = 0; n < limit && weights[order[n]] >= floor; ++n) {
        keyed.emplace_back(seen[hits.langs[order[n]]]++, order[n]);
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < keyed.size(); ++i) {
        order[i] = keyed[i].second;
    }
    return order;
}

std::vector<Entry> group(const std::vector<std::size_t>& order, const RankedHits& hits) {
    std::vector<Entry> out;
    out.reserve(order.size());
    // translation key -> (entry index, language of its head)
    std::map<std::string, std::pair<std::size_t, std::string>> by_key;
    for (std::size_t n = 0; n < order.size(); ++n) {
        const std::size_t i = order[n];
        if (hits.keys.empty() || n >= balance_depth) {  // past the reordered top: ungrouped
            out.push_back({i, std::nullopt});
            continue;
        }
        const std::string& key = hits.keys[i];
        if (!key.empty()) {
            const std::string& lang = hits.langs[i];
            const auto found = by_key.find(key);
            if (found == by_key.end()) {
                by_key.emplace(key, std::make_pair(out.size(), lang));
            } else if (Entry& head = out[found->second.first];
                       !head.partner && lang != found->second.second) {
                head.partner = i;
                continue;
            }
        }
        out.push_back({i, std::nullopt});
    }
    return out;
}

}  // namespace seisaku::search
