// SPDX-License-Identifier: MIT
// @brief Walks the paths given to the indexer and lists the files to read, or why not.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace seisaku::document {

/// A file to index, or one that was passed over (then `skip_reason` says why).
struct SourceFile {
    std::filesystem::path path;  ///< where to read it
    std::string id;           ///< root folder name + path inside it, valid UTF-8 ("corpus/en/a.md")
    std::string skip_reason;  ///< empty for a file to read
};

/// Files under `roots` (folders are walked recursively, in sorted order; files are taken as
/// they are). Hidden entries (names starting with '.') are left out; symbolic links are not
/// followed; files with no supported extension, special files and unreadable folders are
/// listed with a skip reason. Throws CorpusError when a root does not exist.
[[nodiscard]] std::vector<SourceFile> list_source_files(
    const std::vector<std::filesystem::path>& roots);

}  // namespace seisaku::document
