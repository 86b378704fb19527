// SPDX-License-Identifier: MIT
// @brief Facet counts: a Xapian match spy that counts the matches by language, year, issuer,
// type and topic while Xapian matches.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "search/results.hpp"

namespace seisaku::analysis {
class Analyzer;
}
namespace seisaku::glossary {
class TermBank;
}

namespace seisaku::search {

/// Facets list at most this many values each (the most frequent; years: the newest).
inline constexpr std::size_t max_facet_values = 20;

class FacetSpy : public Xapian::MatchSpy {
  public:
    FacetSpy() = default;
    /// Issuers counted under one name each, whatever their spelling
    /// (glossary::canonical_issuer through `bank`); both must outlive the spy.
    FacetSpy(const glossary::TermBank& bank, const analysis::Analyzer& analyzer)
        : bank_(&bank), analyzer_(&analyzer) {}

    void operator()(const Xapian::Document& doc, double weight) override;

    /// The facets in a fixed order; empty values left out; the most frequent values first
    /// (years: newest first), at most max_facet_values each.
    [[nodiscard]] std::vector<Facet> facets() const;

  private:
    /// The issuer counts under their canonical names (as counted without a bank).
    [[nodiscard]] std::map<std::string, std::size_t> issuers() const;

    const glossary::TermBank* bank_ = nullptr;
    const analysis::Analyzer* analyzer_ = nullptr;
    std::map<std::string, std::map<std::string, std::size_t>> counts_;
};

}  // namespace seisaku::search
