// SPDX-License-Identifier: MIT
// @brief Documents into a Xapian database: one id term each, replaced on re-indexing.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "document/document.hpp"

namespace seisaku::analysis {
class Analyzer;
}

namespace seisaku::index {

struct WriterOptions {
    bool overwrite = false;        ///< start from an empty index
    unsigned commit_every = 1000;  ///< documents per commit (incremental policy)
};

enum class Outcome { Added, Updated };

/// Opens or creates the index at `db_path` and records how it is built. Re-indexing a path
/// replaces its document (`Q` id term), so runs are idempotent. Commits every
/// `commit_every` documents and in commit(); the destructor commits too but swallows errors,
/// so call commit() to see them.
class IndexWriter {
  public:
    IndexWriter(const std::filesystem::path& db_path, const analysis::Analyzer& analyzer,
                const WriterOptions& options = {});
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    /// Analyzes and stores one document. Throws IndexError on database faults.
    Outcome add(const document::Document& doc);

    /// Makes everything added so far durable and visible to readers.
    void commit();

    [[nodiscard]] unsigned document_count() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace seisaku::index
