// SPDX-License-Identifier: MIT
// @brief Counting result entries: totals count what paging lists (a pair of translations is
// one entry), exactly for result sets small enough to list whole, else labelled an estimate.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <unordered_map>

namespace seisaku::search {

/// Result sets of up to this many matches are listed whole, so their counts are exact
/// and every page groups translations alike; larger ones are estimated (bench/query's 60
/// latency queries: counting every match of the large ones cost 1.2x at p95; with the
/// lexicon's translations more queries match hundreds, and 2,000 cost 1.3x against 1.22x).
inline constexpr Xapian::doccount exact_count_limit = 500;

/// The counts of a search: entries as paging lists them, and the documents they hold.
struct EntryCount {
    std::size_t entries = 0;
    std::size_t documents = 0;
    bool exact = false;  ///< false: both are Xapian's estimates
};

/// A match spy that finds the translation pairs among the matches: the translation keys
/// held by matches of two languages.
class TwinSpy : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& doc, double weight) override;

    /// How many matches it saw.
    [[nodiscard]] std::size_t seen() const noexcept { return seen_; }
    /// How many translation keys it saw in two languages or more: one entry each.
    [[nodiscard]] std::size_t pairs() const noexcept { return pairs_; }

  private:
    std::unordered_map<std::string, unsigned> langs_;  ///< key -> a bit per language
    std::size_t seen_ = 0;
    std::size_t pairs_ = 0;
};

/// The counts of `mset`. `listed` is the number of entries made of all its hits; when
/// `complete` (it holds every match) that is the exact count. Otherwise the spy, when given
/// (grouping), says how many pairs fold into one entry; exact when it saw every match.
[[nodiscard]] EntryCount count_entries(const Xapian::MSet& mset, bool complete, std::size_t listed,
                                       const TwinSpy* spy);

}  // namespace seisaku::search
