// SPDX-License-Identifier: MIT
// @brief Walks the paths given to the indexer and lists the files to read, or why not.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace seisaku::document {

/// Why a listed entry is not read.
enum class SkipKind {
    None,          ///< a file to read
    SymbolicLink,  ///< links are never followed inside a folder (no loops, no escapes)
    NotRegular,    ///< FIFO, socket, device: never opened, so never blocks
    Unsupported,   ///< no supported extension
    Unreadable,    ///< a folder that cannot be listed, or an entry that cannot be stat'ed
    Sidecar,       ///< a folder's metadata file (sidecar.hpp): read by the run, not indexed
};

/// A file to index, or one that was passed over (then `skip_reason` says why).
struct SourceFile {
    std::filesystem::path path;  ///< where to read it
    std::string id;           ///< root folder name + path inside it, valid UTF-8 ("corpus/en/a.md")
    std::string skip_reason;  ///< empty for a file to read
    SkipKind skip = SkipKind::None;
    std::uintmax_t size = 0;    ///< bytes, as lstat() saw it during the walk
    std::int64_t mtime_ns = 0;  ///< modification time (ns since the epoch), the same way
};

/// Throws CorpusError when a root does not exist (before anything is walked).
void check_roots(const std::vector<std::filesystem::path>& roots);

/// The id of a root: its own name (after resolving "." and ".."); every id listed under it
/// is this, or starts with this and '/'.
[[nodiscard]] std::string root_id(const std::filesystem::path& root);

/// Files under `roots` (folders are walked recursively, in sorted order; files are taken as
/// they are). Hidden entries (names starting with '.') are left out; symbolic links are not
/// followed; files with no supported extension, special files and unreadable folders are
/// listed with a skip reason. Nothing is opened but folders. Throws CorpusError when a root
/// does not exist.
[[nodiscard]] std::vector<SourceFile> list_source_files(
    const std::vector<std::filesystem::path>& roots);

}  // namespace seisaku::document
