// SPDX-License-Identifier: MIT
// @brief What the query builder reports: the other names it searched and what the parser
// repaired or left out. Plain data, for output.
#pragma once

#include <string>
#include <vector>

namespace seisaku::query {

/// Something the query parser or builder had to change or leave out, and where: shown by
/// the terminal output and in JSON's "notes" (syntax errors never fail a search).
struct QueryNote {
    std::size_t offset = 0;  ///< byte offset in the normalized query
    std::string message;
};

/// A clause of the query and the other names it was also searched under.
struct Expansion {
    std::string from;             ///< the clause as typed (normalized)
    std::vector<std::string> to;  ///< its other names, or its translations
    bool excluded = false;        ///< the clause was excluded (-word): so are its other names
    /// Where the other names come from: "term bank", "dictionary" (the general lexicon) or
    /// "learned" (the index's own translation pairs).
    std::string source = "term bank";
};

}  // namespace seisaku::query
