// SPDX-License-Identifier: MIT
// @brief One indexing run: walk the paths, skip what is unchanged, read and add the rest,
// delete what vanished, report, commit.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "glossary/user_glossary.hpp"
#include "index/compaction.hpp"

namespace seisaku::index {

/// Why a file was not indexed; every file of a run is indexed, unchanged or skipped for one.
enum class SkipReason {
    Binary,        ///< NUL bytes or not text in a known encoding
    TooLarge,      ///< larger than --max-size
    Unreadable,    ///< cannot be opened or read, or a folder that cannot be listed
    NotRegular,    ///< FIFO, socket, device
    SymbolicLink,  ///< links are not followed
    Unsupported,   ///< no supported extension
    Duplicate,     ///< the same id as a file earlier in the run (two roots with one name)
    Rejected,      ///< read, but Xapian or memory refused the document
};
inline constexpr std::size_t skip_reason_count = 8;

/// Machine name, for --json: "binary", "too-large", "unreadable", "not-regular", "symlink",
/// "unsupported", "duplicate", "rejected".
[[nodiscard]] std::string_view skip_reason_key(SkipReason reason) noexcept;
/// Words for the summary line: "binary", "too large", "unreadable", "not a regular file", ...
[[nodiscard]] std::string_view skip_reason_label(SkipReason reason) noexcept;

/// Where a run is, after each file (for a progress line).
struct Progress {
    std::size_t files_done = 0;
    std::size_t files_total = 0;  ///< entries listed by the walk
    std::uintmax_t bytes_read = 0;
    std::chrono::duration<double> elapsed{};
};

struct IndexRunOptions {
    std::filesystem::path db;
    std::vector<std::filesystem::path> paths;
    std::uintmax_t max_size = 20 * 1024 * 1024;  ///< bytes; 0 = no limit
    bool overwrite = false;
    unsigned commit_every = 1000;  ///< documents added or deleted per commit
    bool keep_deleted = false;     ///< keep documents whose files are gone
    bool wait_for_lock = false;    ///< wait for another indexer instead of failing
    /// Set (to a signal number) when the run should stop taking files: the run commits what
    /// it added and returns with `stopped_by` set. May be null.
    const std::atomic<int>* stop = nullptr;
    std::function<void(const Progress&)> on_progress;  ///< may be empty
    analysis::AnalyzerOptions analyzer;
    /// The term bank whose names get N terms and whose Japanese names make the user
    /// dictionary: a user's glossary is recorded in the index folder (index_glossary.hpp).
    glossary::BankChoice bank;
    /// Threads that read and analyze files (one Analyzer each; one thread writes the index,
    /// in file order). 0: one per core.
    unsigned jobs = 0;
    /// Whether the index is compacted after the run's last commit (compaction.hpp).
    CompactPolicy compact = CompactPolicy::Auto;
};

/// What happened to one file, for the caller to show.
struct FileEvent {
    /// Paired: `id` and `other` are a translation pair found by this run; NotPaired: a
    /// candidate pair whose texts did not agree (translation_pairs.hpp).
    enum class Kind { Added, Updated, Unchanged, Deleted, Skipped, Warning, Paired, NotPaired };
    Kind kind;
    std::string id;
    std::string message;  ///< the reason (Skipped), repair (Warning), how and why (pairs)
    SkipReason reason = SkipReason::Unreadable;  ///< Skipped only
    std::string other = {};                      ///< Paired, NotPaired: the other document
};

struct IndexSummary {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t deleted = 0;
    std::size_t skipped = 0;
    std::array<std::size_t, skip_reason_count> skipped_by{};  ///< indexed by SkipReason
    std::size_t warnings = 0;
    std::size_t metadata_files = 0;  ///< folders' metadata files read (document/sidecar.hpp)
    std::size_t metadata_rows = 0;   ///< their rows applied
    std::size_t pairs = 0;           ///< translation pairs found, in the index after the run
    std::size_t pairs_made = 0;      ///< of them, made by this run
    std::size_t pairs_undone = 0;    ///< found pairs undone by this run
    std::size_t pairs_refused = 0;   ///< candidates whose texts did not agree
    bool learned_mined = false;      ///< the learned translations were mined again
    std::size_t learned = 0;         ///< translations learned, when mined
    std::size_t en = 0;              ///< of the added and updated documents
    std::size_t ja = 0;
    std::size_t files_total = 0;  ///< entries the walk listed
    std::size_t files_done = 0;   ///< of them, handled before the run stopped (or all)
    std::size_t documents_in_index = 0;
    bool wrote = false;  ///< false: the index on disk is exactly as before the run
    int stopped_by = 0;  ///< the signal that stopped the run early, or 0
    std::optional<CompactionResult> compaction;  ///< set when the run compacted (or tried)
    std::chrono::duration<double> elapsed{};
};

/// Runs the indexer. Per-file problems become events and the run goes on; faults of the
/// index or the environment throw seisaku::Error with their exit code, and leave the index at
/// its last commit.
IndexSummary run_index(const IndexRunOptions& options,
                       const std::function<void(const FileEvent&)>& on_event);

}  // namespace seisaku::index
