// SPDX-License-Identifier: MIT
// @brief Facet counts: a Xapian match spy that counts the matches by language, year, issuer,
// type and topic while Xapian matches.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "search/results.hpp"

namespace seisaku::search {

/// Facets list at most this many values each (the most frequent; years: the newest).
inline constexpr std::size_t max_facet_values = 20;

class FacetSpy : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& doc, double weight) override;

    /// The facets in a fixed order; empty values left out; the most frequent values first
    /// (years: newest first), at most max_facet_values each.
    [[nodiscard]] std::vector<Facet> facets() const;

  private:
    std::map<std::string, std::map<std::string, std::size_t>> counts_;
};

}  // namespace seisaku::search
