// SPDX-License-Identifier: MIT
// @brief What the caller chooses about how a query is built (no Xapian here: the Searcher's
// request carries it).
#pragma once

#include <string_view>

#include "query/tuning.hpp"

namespace seisaku::query {

/// How clauses side by side combine. Or is the default (docs/ranking.md).
enum class DefaultOp {
    Or,       ///< any clause may match; BM25 ranks documents with more of them higher
    SoftAnd,  ///< up to tuning::max_soft_and_clauses clauses: all of them first, then some
    And,      ///< every clause must match
};

/// "soft-and", "and" or "or"; throws UsageError otherwise.
[[nodiscard]] DefaultOp parse_default_op(std::string_view name);

/// What the caller chooses.
struct QueryOptions {
    DefaultOp default_op = DefaultOp::Or;
    /// Weight of the term bank's other names next to the words typed.
    double expansion_weight = tuning::expansion_weight;
};

}  // namespace seisaku::query
