// SPDX-License-Identifier: MIT
// @brief The English path: case folding and Snowball stems. Xapian stays in english.cpp.
#pragma once

#include <memory>
#include <string>
#include <string_view>

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

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace seisaku::analysis
