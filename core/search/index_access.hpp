// SPDX-License-Identifier: MIT
// @brief How the Searcher reads its index: opening it, reading on the latest revision, the top
// hits' values, and its vocabulary for wildcards (internal to search/).
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

#include "query/query_builder.hpp"
#include "schema/schema.hpp"
#include "schema/xapian_error.hpp"
#include "search/searcher.hpp"

namespace seisaku::search {

/// Opens the index read-only; throws IndexError (66 missing, 65 other build) otherwise.
[[nodiscard]] Xapian::Database open_readable(const std::filesystem::path& db_path);

/// `read()` on the latest commit of `db`. A Searcher kept open while the indexer commits
/// would otherwise answer from the revision it opened; and an indexer that commits twice while
/// `read` runs may reuse the blocks it reads (DatabaseModifiedError): then `read` starts again
/// on the new revision, so no answer mixes two (BAD-INPUTS D5, D6). Other Xapian errors, and
/// the last of max_search_attempts, become "ACTION index PATH: ..." errors.
template <typename Read>
auto on_latest_revision(Xapian::Database& db, const std::string& path, const char* action,
                        const Read& read) {
    for (int attempt = 1;; ++attempt) {
        try {
            (void)db.reopen();
            return read();
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt >= max_search_attempts) {
                throw schema::index_error(e, action, path);
            }
        } catch (const Xapian::Error& e) {
            throw schema::index_error(e, action, path);
        }
    }
}

/// One value slot of the first `count` hits (by MSet index), read in docid order.
[[nodiscard]] std::vector<std::string> top_values(const Xapian::Database& db,
                                                  const Xapian::MSet& mset, Xapian::doccount count,
                                                  schema::ValueSlot slot);

/// The index's words for wildcards: the most frequent with the prefix. The walk is bounded
/// so that a one-letter prefix over a huge vocabulary stays quick (BAD-INPUTS.md Q4).
class IndexVocabulary : public query::Vocabulary {
  public:
    explicit IndexVocabulary(const Xapian::Database& db) : db_(db) {}
    [[nodiscard]] std::vector<std::string> words_with_prefix(
        const std::string& prefix) const override;
    [[nodiscard]] Xapian::doccount frequency(const std::string& term) const override;
    [[nodiscard]] Xapian::doccount matches(const Xapian::Query& q,
                                           Xapian::doccount enough) const override;
    [[nodiscard]] std::vector<std::string> words_from(const std::string& prefix,
                                                      std::size_t limit) const override;

  private:
    const Xapian::Database& db_;
};

}  // namespace seisaku::search
