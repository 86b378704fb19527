// SPDX-License-Identifier: MIT
// @brief --like: the query for documents like one in the index, in both languages.
#pragma once

#include <xapian.h>

#include <string>

#include "query/query_builder.hpp"

namespace seisaku::analysis {
class Analyzer;
}

namespace seisaku::search {

/// A like-search uses this many of the document's most telling words.
inline constexpr Xapian::termcount like_terms = 20;

struct LikeQuery {
    Xapian::Query query;
    std::string id;  ///< the document's id, as results show it
};

/// The document `path` names (its id as shown in results, or a path ending with one):
/// its most telling words and its translation's, and its title searched as a query through
/// the term bank of `context`; the document itself left out. Throws QueryError when no
/// document has that path.
[[nodiscard]] LikeQuery like_query(const Xapian::Database& db, const std::string& path,
                                   const analysis::Analyzer& analyzer,
                                   const query::QueryContext& context);

}  // namespace seisaku::search
