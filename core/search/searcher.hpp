// SPDX-License-Identifier: MIT
// @brief Opens an index, checks how it was built, runs queries and pages through hits.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "query/query_builder.hpp"
#include "search/results.hpp"

namespace seisaku::analysis {
class Analyzer;
}

namespace seisaku::search {

struct SearchRequest {
    std::string query;  ///< the user's text, any bytes
    std::size_t offset = 0;
    std::size_t limit = 10;
    std::string lang;                   ///< "", "en" or "ja"
    query::QueryOptions query_options;  ///< term_bank is set by the Searcher
    bool expand = true;                 ///< use the term bank (acronyms, other language)
    bool balance_languages = true;
    bool explain = false;  ///< fill Hit::matched
    bool group_translations =
        true;  ///< a translation found too is shown with its partner      ///< see Searcher::search
    bool suggest = true;  ///< fill SearchResults::suggestion when the query finds little
};

/// Largest offset + limit a request may ask for (never a huge get_mset()).
inline constexpr std::size_t max_result_window = 10000;
/// Hits below this share of the best score are not moved by language balancing (chosen
/// on tests/relevance and corpus-real, see docs/query-syntax.md).
inline constexpr double balance_ratio = 0.2;
/// Balancing looks at this many top hits, so every page of a query sees the same order.
inline constexpr std::size_t balance_depth = 100;

class Searcher {
  public:
    /// Opens the index read-only; throws IndexError (66 missing, 65 other build) otherwise.
    Searcher(const std::filesystem::path& db_path, const analysis::Analyzer& analyzer);
    ~Searcher();
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    /// Ranked hits with snippets. Throws QueryError for unusable queries, IndexError for
    /// database faults (a changing database is reopened and retried up to 3 times).
    ///
    /// With `balance_languages`, the hits scoring at least `balance_ratio` of the best one
    /// take turns by language (best English, best Japanese, second English, ...), so a query
    /// answered in both languages shows both on the first page; the rest follow by score.
    ///
    /// A query with Japanese words that finds nothing is run once more matching character
    /// bigrams (SearchResults::bigram_fallback), so no query comes back empty because MeCab
    /// cut a word differently in the text.
    ///
    /// With `suggest`, a misspelled or romaji word may bring a corrected query
    /// (SearchResults::suggestion; the rule is in search/suggest.hpp).
    [[nodiscard]] SearchResults search(const SearchRequest& request);

    [[nodiscard]] std::size_t document_count() const;

    /// Replaces the built-in term bank (corpus/glossary.tsv at build time).
    void set_term_bank(query::TermBank bank);

  private:
    SearchResults search_once(const SearchRequest& request, double bigram_weight,
                              bool* used_bigrams = nullptr);
    std::optional<std::string> suggestion(const SearchRequest& request, std::size_t word_matches);

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace seisaku::search
