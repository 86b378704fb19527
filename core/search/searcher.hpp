// SPDX-License-Identifier: MIT
// @brief Opens an index, checks how it was built, runs queries and pages through hits.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "query/query_builder.hpp"
#include "search/results.hpp"

namespace seisaku::analysis {
class Analyzer;
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
    std::string lang;                   ///< "", "en" or "ja"
    query::QueryOptions query_options;  ///< term_bank is set by the Searcher
    bool expand = true;                 ///< use the term bank (acronyms, other language)
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

/// Largest share of a score the recency boost adds (a document dated like the newest hit
/// gets +10%, one two years older +5%): enough to order near-equal hits, never to lift a
/// weak match over a strong one.
inline constexpr double recency_boost = 0.1;
/// The shortest time limit handed to Xapian (see Searcher::search_once).
inline constexpr double min_xapian_time_limit = 0.05;
/// Facets list at most this many values each (the most frequent; years: the newest).
inline constexpr std::size_t max_facet_values = 20;

/// A like-search uses this many of the document's most telling words.
inline constexpr Xapian::termcount like_terms = 20;

/// Largest offset + limit a request may ask for (never a huge get_mset()).
inline constexpr std::size_t max_result_window = 10000;
/// Hits below this share of the best score are not moved by language balancing (chosen
/// on tests/relevance and corpus-real, see docs/query-syntax.md).
inline constexpr double balance_ratio = 0.2;
/// Balancing, grouping and the recency boost look at this many top hits, so every page of
/// a query sees the same order. On tests/relevance, 60 measured nDCG@10 as 100 did or better
/// for every query type (all 0.900, question 0.865 → 0.869) and 50 lowered question to
/// 0.847; on 50,000 generated documents, 60 took the latency queries' per-query best times
/// summed from 233 to 224 ms in-process (Xapian must rank fewer hits).
inline constexpr std::size_t balance_depth = 60;
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
    /// With `balance_languages`, the hits scoring at least `balance_ratio` of the best one
    /// take turns by language (best English, best Japanese, second English, ...), so a query
    /// answered in both languages shows both on the first page; the rest follow by score.
    ///
    /// A query with Japanese words that finds nothing is run once more matching character
    /// bigrams (SearchResults::bigram_fallback), so no query comes back empty because MeCab
    /// cut a word differently in the text.
    ///
    /// Newest/oldest sort by the date value, with relevance for ties; balancing is off
    /// then. With `recency`, the top hits' scores are multiplied by
    /// 1 + recency_boost * 2^(-age / 2 years), age counted from the newest of them.
    ///
    /// With `suggest`, a misspelled or romaji word may bring a corrected query
    /// (SearchResults::suggestion; the rule is in search/suggest.hpp).
    [[nodiscard]] SearchResults search(const SearchRequest& request);

    [[nodiscard]] std::size_t document_count() const;

    /// Replaces the built-in term bank (corpus/glossary.tsv at build time).
    void set_term_bank(glossary::TermBank bank);

  private:
    /// search() on the revision open now; throws Xapian::DatabaseModifiedError when an
    /// indexer's commits overtook it.
    SearchResults search_latest(const SearchRequest& request);
    SearchResults search_once(const SearchRequest& request, double bigram_weight,
                              bool* used_bigrams = nullptr);
    /// The query of a like-search, and in `id` the document's id.
    Xapian::Query like_query(const std::string& path, std::string& id) const;
    /// A matched term's BM25 weight in one document (for explain).
    double term_weight(const std::string& term, const std::string& id_term) const;
    /// The indexed words a wildcard prefix stands for (QueryOptions::wildcard_words).
    std::vector<std::string> wildcard_words(const std::string& prefix) const;
    std::optional<std::string> suggestion(const SearchRequest& request, std::size_t word_matches);

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace seisaku::search
