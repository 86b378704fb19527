// SPDX-License-Identifier: MIT
// @brief Opens an index, checks how it was built, runs queries and pages through hits.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "query/query_options.hpp"
#include "search/results.hpp"

namespace seisaku::analysis {
class Analyzer;
}
namespace seisaku::glossary {
class TermBank;
}

namespace seisaku::search {

/// The order of results.
enum class SortOrder {
    Relevance,  ///< BM25 (with language balancing and grouping)
    Newest,     ///< by date, newest first; undated documents last; ties by relevance
    Oldest,     ///< by date, oldest first; undated documents last; ties by relevance
};

/// "relevance", "newest" or "oldest"; throws UsageError otherwise.
[[nodiscard]] SortOrder parse_sort_order(std::string_view name);

struct SearchRequest {
    std::string query;  ///< the user's text, any bytes
    std::size_t offset = 0;
    std::size_t limit = 10;
    std::string lang;  ///< "", "en" or "ja"
    /// The language whose twin heads a pair of translations ("" for the query's: Japanese
    /// when it has Japanese characters, else English); `lang` wins when given.
    std::string lead_lang;
    query::QueryOptions query_options;
    bool expand = true;  ///< use the term bank (acronyms, other language)
    bool balance_languages = true;
    bool explain = false;            ///< fill Hit::matched
    bool group_translations = true;  ///< a translation found too is shown with its partner
    SortOrder sort = SortOrder::Relevance;
    /// Relevance order with a small boost for newer documents (see Searcher::search).
    bool recency = false;
    bool facets = false;  ///< count the matches by language, year, issuer, type and topic
    std::string since;    ///< only documents dated on or after this date (any date form)
    std::string until;    ///< only documents dated on or before this date
    /// Search for documents like this one (its path as shown in results) instead of `query`.
    std::string like;
    /// Seconds Xapian may spend counting all matches for facets before it returns what it
    /// has (Xapian 1.4 cannot stop the matching of the top hits itself).
    double time_limit = 2.0;
    bool suggest = true;  ///< fill SearchResults::suggestion when the query finds little
};

/// The shortest time limit handed to Xapian (see Searcher::search_once).
inline constexpr double min_xapian_time_limit = 0.05;

/// Largest offset + limit a request may ask for (never a huge get_mset()).
inline constexpr std::size_t max_result_window = 10000;
/// A search (or opening the index) that an indexer's commits overtake is tried again on the
/// new revision, this many times in all.
inline constexpr int max_search_attempts = 4;

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
    /// With `balance_languages`, the top hits that earn it take turns by language (best
    /// English, best Japanese, second English, ...), so a query answered in both languages
    /// shows both on the first page; the rest follow by score. A hit earns it with
    /// tuning::balance_ratio of the best score and, in another language than the best hit's,
    /// as many of the query's concepts matched (search/rerank.hpp, result_order()).
    ///
    /// With `group_translations`, a pair of translations is one entry, headed by the twin in
    /// `lead_lang`; `total` counts entries as paging lists them, exactly up to
    /// exact_count_limit matches (SearchResults::exact), and `more` says whether a next page
    /// has any.
    ///
    /// A query with Japanese words that finds nothing is run once more matching character
    /// bigrams (SearchResults::bigram_fallback), so no query comes back empty because MeCab
    /// cut a word differently in the text.
    ///
    /// Newest/oldest sort by the date value, with relevance for ties; balancing is off
    /// then. With `recency`, the top hits' scores are multiplied by
    /// 1 + tuning::recency_boost * 2^(-age / 2 years) (search/rerank.hpp), age counted from the
    /// newest of them.
    ///
    /// With `suggest`, a misspelled or romaji word may bring a corrected query
    /// (SearchResults::suggestion; the rule is in search/suggest.hpp).
    [[nodiscard]] SearchResults search(const SearchRequest& request);

    [[nodiscard]] std::size_t document_count() const;

    /// Replaces the built-in term bank (corpus/glossary.tsv at build time).
    void set_term_bank(glossary::TermBank bank);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace seisaku::search
