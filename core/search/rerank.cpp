// SPDX-License-Identifier: MIT
#include "search/rerank.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "query/tuning.hpp"

namespace seisaku::search {
namespace {

using query::tuning::balance_depth;

bool is_date(const std::string& s) {
    return s.size() >= 4 && std::isdigit(static_cast<unsigned char>(s[0])) != 0 &&
           std::isdigit(static_cast<unsigned char>(s[3])) != 0;
}

/// Which of the first `top` hits of `order` take turns (see result_order()).
std::vector<bool> earned(const RankedHits& hits, const std::vector<std::size_t>& order,
                         std::size_t top, const Evidence& evidence) {
    using query::tuning::balance_covered_ratio;
    using query::tuning::balance_ratio;
    const std::vector<double>& weights = hits.weights;
    const double best = weights[order.front()];
    std::set<std::string> seen{hits.langs[order.front()]};
    std::vector<bool> out(top);
    for (std::size_t n = 0; n < top; ++n) {
        const std::size_t i = order[n];
        const bool first = seen.insert(hits.langs[i]).second;  // its language's best
        out[n] = weights[i] >= best * balance_ratio ||
                 (first && weights[i] >= best * balance_covered_ratio &&
                  (!evidence.matched || evidence.matched(i) >= evidence.concepts));
    }
    return out;
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

std::vector<std::size_t> result_order(const RankedHits& hits, bool boosted, bool balance,
                                      const Evidence& evidence) {
    const std::vector<double>& weights = hits.weights;
    std::vector<std::size_t> order(weights.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    if (order.empty()) {
        return order;
    }
    // The recency boost reorders the top hits by their boosted weight.
    const std::size_t limit = std::min(order.size(), balance_depth);
    if (boosted) {
        std::stable_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(limit),
                         [&](std::size_t a, std::size_t b) { return weights[a] > weights[b]; });
    }
    if (!balance) {
        return order;
    }
    // Only the first balance_depth hits are reordered, whatever the page asked for, so
    // every page of a query sees the same order.
    const std::size_t top = std::min(limit, hits.langs.size());
    const std::vector<bool> earns = earned(hits, order, top, evidence);
    std::vector<std::pair<std::size_t, std::size_t>> keyed;  // (rank within language, index)
    std::vector<std::size_t> rest;
    std::map<std::string, std::size_t> seen;
    for (std::size_t n = 0; n < top; ++n) {
        if (earns[n]) {
            keyed.emplace_back(seen[hits.langs[order[n]]]++, order[n]);
        } else {
            rest.push_back(order[n]);
        }
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t n = 0; n < top; ++n) {
        order[n] = n < keyed.size() ? keyed[n].second : rest[n - keyed.size()];
    }
    return order;
}

std::vector<Entry> group(const std::vector<std::size_t>& order, const RankedHits& hits,
                         const std::string& lead) {
    std::vector<Entry> out;
    out.reserve(order.size());
    // translation key -> (entry index, language of its head)
    std::map<std::string, std::pair<std::size_t, std::string>> by_key;
    for (const std::size_t i : order) {
        if (i >= hits.keys.size() || hits.keys[i].empty()) {
            out.push_back({i, std::nullopt});
            continue;
        }
        const std::string& lang = hits.langs[i];
        const auto found = by_key.find(hits.keys[i]);
        if (found == by_key.end()) {
            by_key.emplace(hits.keys[i], std::make_pair(out.size(), lang));
        } else if (Entry& head = out[found->second.first];
                   !head.partner && lang != found->second.second) {
            head.partner = i;
            if (!lead.empty() && lang == lead) {
                std::swap(head.head, *head.partner);  // the twin in the lead language heads
            }
            continue;
        }
        out.push_back({i, std::nullopt});
    }
    return out;
}

}  // namespace seisaku::search
