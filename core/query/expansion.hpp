// SPDX-License-Identifier: MIT
// @brief What query expansion added, for output: plain data, no Xapian.
#pragma once

#include <string>
#include <vector>

namespace seisaku::query {

/// A clause of the query and the other names it was also searched under.
struct Expansion {
    std::string from;             ///< the clause as typed (normalized)
    std::vector<std::string> to;  ///< the term bank's other names for it
};

}  // namespace seisaku::query
