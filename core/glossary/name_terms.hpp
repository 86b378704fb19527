// SPDX-License-Identifier: MIT
// @brief The term bank's names of several words as single index terms (N), so that query
// expansion ORs plain terms instead of phrases.
//
// Xapian checks a phrase's positions lazily when the phrase is the whole query, but inside
// an OR it checks every document holding all of the phrase's words. Expansion ORs several
// names, so a query like "DFFT 信頼性のある自由なデータ流通" spent most of its time there
// (bench/query). The indexer finds each name in the text and adds one N term per
// occurrence; a search uses the N term when the index was built with the same names.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/token.hpp"

namespace seisaku::analysis {
class Analyzer;
}

namespace seisaku::glossary {

class TermBank;

/// The N term of a name's key (its words' terms joined by single spaces), or "" when it
/// would pass Xapian's term length limit (such a name is searched as a phrase).
[[nodiscard]] std::string name_term(std::string_view key);

/// Stop tokens (particles, symbols) a name may have between two of its words in the text:
/// 個人データの第三者提供 is found in "個人データの第三者提供" and "個人データ第三者提供".
inline constexpr std::uint32_t max_name_gap = 1;

/// What NameFinder(keys).fingerprint() is, computed without building the finder (a search
/// checks it at start-up): a hash of the rule and of the distinct keys of two or more words.
[[nodiscard]] std::string names_fingerprint(const std::vector<std::string_view>& keys);

/// Finds the term bank's names of two or more words in a document's tokens.
class NameFinder {
  public:
    NameFinder() = default;
    /// The names to find: keys of two or more words. An English name is also found with
    /// its last word in the other number (submarine cable, submarine cables), as the query
    /// builder's phrases did.
    NameFinder(const std::vector<std::string_view>& keys, const analysis::Analyzer& analyzer);
    NameFinder(const std::vector<std::string>& keys, const analysis::Analyzer& analyzer);
    /// The names of `bank`.
    [[nodiscard]] static NameFinder of(const TermBank& bank, const analysis::Analyzer& analyzer);

    /// Adds to `doc` the N term of every name found in `tokens` (in order, Stop tokens
    /// included), with wdf 0: a search only filters on it, and document lengths (BM25) stay
    /// as without it.
    void add_terms(const std::vector<analysis::Token>& tokens, Xapian::Document& doc) const;

    /// The N terms found in `tokens`, one per occurrence (for tests and add_terms).
    [[nodiscard]] std::vector<std::string> find(const std::vector<analysis::Token>& tokens) const;

    /// Identifies the set of names and the matching rule (names_fingerprint): the index
    /// records it (schema::meta_names), and a search uses N terms only when its own is the
    /// same. The other-number forms follow from the keys and the analyzer version.
    [[nodiscard]] const std::string& fingerprint() const noexcept { return fingerprint_; }

  private:
    /// First word → the remaining words of each name starting with it.
    std::unordered_map<std::string, std::vector<std::vector<std::string>>> by_first_;
    std::string fingerprint_;
};

}  // namespace seisaku::glossary
