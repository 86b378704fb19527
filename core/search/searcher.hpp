// SPDX-License-Identifier: MIT
// @brief Opens an index, checks how it was built, runs queries and pages through hits.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "search/results.hpp"

namespace seisaku::analysis {
class Analyzer;
}

namespace seisaku::search {

struct SearchRequest {
    std::string query;  ///< the user's text, any bytes
    std::size_t offset = 0;
    std::size_t limit = 10;
    std::string lang;  ///< "", "en" or "ja"
};

/// Largest offset + limit a request may ask for (never a huge get_mset()).
inline constexpr std::size_t max_result_window = 10000;

class Searcher {
  public:
    /// Opens the index read-only; throws IndexError (66 missing, 65 other build) otherwise.
    Searcher(const std::filesystem::path& db_path, const analysis::Analyzer& analyzer);
    ~Searcher();
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    /// Ranked hits with snippets. Throws QueryError for unusable queries, IndexError for
    /// database faults (a changing database is reopened and retried up to 3 times).
    [[nodiscard]] SearchResults search(const SearchRequest& request);

    [[nodiscard]] std::size_t document_count() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace seisaku::search
