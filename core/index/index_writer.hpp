// SPDX-License-Identifier: MIT
// @brief Documents into a Xapian database: one id term each, replaced on re-indexing.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "document/document.hpp"
#include "index/compaction.hpp"
#include "index/document_terms.hpp"  // PreparedDocument; declares Analyzer, NameFinder
#include "index/file_state.hpp"

namespace seisaku::glossary {
class TermBank;
}

namespace seisaku::index {

struct WriterOptions {
    /// Rebuild: the index is opened whatever built it (run_index deletes every document it
    /// does not add again); only an index that does not open is overwritten at once.
    bool overwrite = false;
    unsigned commit_every = 1000;  ///< documents per commit (incremental policy)
    bool wait_for_lock = false;    ///< wait for another writer instead of failing (exit 75)
    /// The term bank whose names of several words get N terms; nullptr: the built-in one.
    const glossary::TermBank* bank = nullptr;
};

enum class Outcome { Added, Updated };

/// Opens or creates the index at `db_path` and records how it is built (writing only when the
/// index does not say so already). Re-indexing a path replaces its document (`Q` id term), so
/// runs are idempotent. Changes go in batches of `commit_every` documents, each a Xapian
/// transaction committed whole; commit() commits the open batch. A batch not committed when
/// the writer is destroyed (an exception, a crash) is cancelled: the index stays at its last
/// commit.
class IndexWriter {
  public:
    IndexWriter(const std::filesystem::path& db_path, const analysis::Analyzer& analyzer,
                const WriterOptions& options = {});
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    /// Analyzes and stores one document with the state of its file. Throws IndexError on
    /// database faults, CorpusError when Xapian refuses this document.
    Outcome add(const document::Document& doc, const FileState& file = {});
    /// Writes a document prepared on another thread (prepare_document).
    Outcome add(PreparedDocument&& prepared);

    /// The term bank's names this writer's documents get N terms for (the built-in
    /// glossary's); recorded in the index (schema::meta_names).
    [[nodiscard]] const glossary::NameFinder& names() const;

    /// Deletes the document under `id_term` (and takes back its spelling words).
    void remove(const std::string& id_term);

    /// Every document's id term and the file state stored with it (none when it has none).
    [[nodiscard]] std::unordered_map<std::string, std::optional<FileState>> file_states() const;

    /// A document as the pairing of translations sees it without reading it (value streams).
    struct Listed {
        std::string id;
        std::string id_term;
        std::string lang;
        std::string translation_key;
    };
    /// Every document (committed or in the open batch), in docid order.
    [[nodiscard]] std::vector<Listed> list_documents() const;

    /// The stored record of the document under `id_term` (stored_record.hpp), and its N terms'
    /// names (glossary/name_terms.hpp), without their prefix; nullopt when there is none.
    [[nodiscard]] std::optional<std::pair<document::Document, std::vector<std::string>>> stored(
        const std::string& id_term) const;

    /// Sets the translation key of the document under `id_term` (its value and its record);
    /// its terms are not written again.
    void set_translation_key(const std::string& id_term, const std::string& key);

    /// The index's metadata under `key` ("" when there is none), the open batch's included.
    [[nodiscard]] std::string metadata(const std::string& key) const;
    /// Sets the index's metadata under `key`, in the open batch (committed with it).
    void set_metadata(const std::string& key, const std::string& value);

    /// Makes everything added or removed so far durable and visible to readers; does nothing
    /// (no new revision) when there is nothing to commit.
    void commit();

    /// Commits, compacts the index (compaction.hpp) and closes it: the writer must not be
    /// used after. A compaction that fails leaves the index as committed and says why.
    CompactionResult compact_and_close();

    /// How many commits this writer made (0: the index on disk is as it was opened).
    [[nodiscard]] unsigned commits() const;

    [[nodiscard]] unsigned document_count() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace seisaku::index
