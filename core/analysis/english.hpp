// SPDX-License-Identifier: MIT
// @brief The English path: case folding and Snowball stems. Xapian stays in english.cpp.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace seisaku::analysis {

class EnglishFilter {
  public:
    EnglishFilter();
    ~EnglishFilter();
    EnglishFilter(const EnglishFilter&) = delete;
    EnglishFilter& operator=(const EnglishFilter&) = delete;

    /// Snowball English stem of a folded term ("policies" → "polici"); terms without a
    /// letter come back unchanged. Not thread safe (Snowball keeps state).
    [[nodiscard]] std::string stem(const std::string& folded) const;

    /// Regular inflections of a folded word that share its stem, the word first:
    /// cable → cable, cables; policies → policies, policy. Lets a quoted phrase match
    /// singular and plural without positional stem terms in the index.
    [[nodiscard]] std::vector<std::string> same_stem_forms(const std::string& folded) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace seisaku::analysis
