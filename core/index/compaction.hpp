// SPDX-License-Identifier: MIT
// @brief Compaction of a committed index: Xapian rewrites it into full B-tree blocks in a
// sibling folder, which then takes the index's place in one atomic exchange.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace seisaku::index {

/// When a run compacts the index after its last commit.
enum class CompactPolicy {
    Auto,    ///< after a run that changed at least 1,000 documents and 10% of the index
    Always,  ///< after every run that wrote something
    Never,
};

/// True when a run that changed `changes` documents, leaving `documents` in the index,
/// compacts under `policy` (the run wrote something and was not stopped).
[[nodiscard]] bool wants_compaction(CompactPolicy policy, std::size_t changes,
                                    std::size_t documents) noexcept;

/// What a compaction did: the folder's bytes before and after, or why it did not happen
/// (the index is then as it was, committed and whole).
struct CompactionResult {
    bool done = false;
    std::uintmax_t bytes_before = 0;
    std::uintmax_t bytes_after = 0;
    std::string why_not;  ///< set when !done
};

/// The folder a compaction of the index at `db` writes first: `<db>.seisaku-compact` beside
/// it (the same file system, so the exchange is a rename).
[[nodiscard]] std::filesystem::path compaction_folder(const std::filesystem::path& db);

/// Compacts the committed state of the index at `db` into compaction_folder(db), then
/// exchanges the two folders with renameat2(RENAME_EXCHANGE): a reader or a crash sees the
/// old index or the new one, never neither. The caller holds the index's write lock and has
/// committed. Leaves the old index in the compaction folder for the caller to remove (after
/// it has released the lock); on failure removes what it wrote and says why.
[[nodiscard]] CompactionResult compact_index(const std::filesystem::path& db);

/// Removes a compaction folder left by a run that was killed (before or after its exchange:
/// either way the index at `db` is whole). Call with the write lock held.
void remove_compaction_folder(const std::filesystem::path& db) noexcept;

/// The bytes of the regular files directly in `folder` (a Xapian database folder).
[[nodiscard]] std::uintmax_t folder_bytes(const std::filesystem::path& folder) noexcept;

}  // namespace seisaku::index
