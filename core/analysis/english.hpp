// SPDX-License-Identifier: MIT
// @brief The English path: case folding and Snowball stems. Xapian stays in english.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace seisaku::analysis {

/// Stateless and thread safe (a Snowball stemmer per thread).
class EnglishFilter {
  public:
    /// Snowball English stem of a folded term ("policies" → "polici"); terms without a
    /// letter come back unchanged.
    [[nodiscard]] static std::string stem(const std::string& folded);

    /// Regular inflections of a folded word that share its stem, the word first:
    /// cable → cable, cables; policies → policies, policy. Lets a quoted phrase match
    /// singular and plural without positional stem terms in the index.
    [[nodiscard]] static std::vector<std::string> same_stem_forms(const std::string& folded);
};

}  // namespace seisaku::analysis
