// SPDX-License-Identifier: MIT
// @brief What a hit matched of the query's concepts (top-level clauses), read from Xapian
// for re-ranking by evidence (search/rerank.hpp, Evidence).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "search/rerank.hpp"

namespace seisaku::search {

/// The Evidence of `mset`'s hits for `concepts` (each a sorted list of index terms): a hit
/// matches a concept when it holds any of its terms. Each hit is read once, when asked.
/// `enquire` and `mset` must outlive the result.
[[nodiscard]] Evidence evidence_of(const Xapian::Enquire& enquire, const Xapian::MSet& mset,
                                   const std::vector<std::vector<std::string>>& concepts);

}  // namespace seisaku::search
