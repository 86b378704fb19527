// SPDX-License-Identifier: MIT
#include "search/evidence.hpp"

#include <algorithm>
#include <map>
#include <memory>

namespace seisaku::search {
namespace {

/// How many of `concepts` the terms of `matching` (terms of the query a hit holds) touch.
std::size_t touched(const std::vector<std::string>& matching,
                    const std::vector<std::vector<std::string>>& concepts) {
    std::size_t n = 0;
    for (const std::vector<std::string>& c : concepts) {
        const bool hit = std::any_of(matching.begin(), matching.end(), [&](const std::string& t) {
            return std::binary_search(c.begin(), c.end(), t);
        });
        n += hit ? 1 : 0;
    }
    return n;
}

}  // namespace

Evidence evidence_of(const Xapian::Enquire& enquire, const Xapian::MSet& mset,
                     const std::vector<std::vector<std::string>>& concepts) {
    auto cache = std::make_shared<std::map<std::size_t, std::size_t>>();
    return {concepts.size(), [&enquire, &mset, &concepts, cache](std::size_t i) {
                const auto found = cache->find(i);
                if (found != cache->end()) {
                    return found->second;
                }
                const Xapian::MSetIterator it = mset[static_cast<Xapian::doccount>(i)];
                const std::vector<std::string> matching(enquire.get_matching_terms_begin(it),
                                                        enquire.get_matching_terms_end(it));
                return cache->emplace(i, touched(matching, concepts)).first->second;
            }};
}

}  // namespace seisaku::search
