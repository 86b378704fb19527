// SPDX-License-Identifier: MIT
// @brief What a run knows of each file from its folder before reading it: the folder's
// metadata file rows (document/sidecar.hpp) and, for folders with anything to read, their
// profile (document/folder_profile.hpp): repeated site lines and titles several files share.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "document/reader.hpp"
#include "document/sidecar.hpp"
#include "document/source_files.hpp"
#include "index/file_state.hpp"

namespace seisaku::index {

/// The file states an index holds, by id term (IndexWriter::file_states()).
using StoredStates = std::unordered_map<std::string, std::optional<FileState>>;

class FolderContexts {
  public:
    /// Reads the metadata files among `files` and profiles every folder that has a file to
    /// read (new, changed, or whose metadata row changed) or lost one, on `jobs` threads.
    /// Files are read up to `max_size` bytes (0: no limit).
    FolderContexts(const std::vector<document::SourceFile>& files, const StoredStates& stored,
                   bool overwrite, unsigned jobs, std::uintmax_t max_size);
    ~FolderContexts();
    FolderContexts(const FolderContexts&) = delete;
    FolderContexts& operator=(const FolderContexts&) = delete;

    /// The metadata files' rows and problems.
    [[nodiscard]] const document::Sidecars& sidecars() const;

    /// What reading the file `id` should know (valid while this object lives).
    [[nodiscard]] document::FileContext context(const std::string& id) const;

    /// The state a document of `id` is stored with beside its file's (FileState::metadata and
    /// ::folder); `old` is its stored state, kept for a folder that was not profiled.
    void complete(const std::string& id, FileState& state,
                  const std::optional<FileState>& old) const;

    /// True when the document stored for `id` with `old` must be made again although its
    /// file did not change: its metadata row or its folder's profile did.
    [[nodiscard]] bool context_changed(const std::string& id, const FileState& old) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// "folder" of "folder/file.txt"; "" for an id without a '/'.
[[nodiscard]] std::string folder_of(std::string_view id);

}  // namespace seisaku::index
