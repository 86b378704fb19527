// SPDX-License-Identifier: MIT
// @brief What the index remembers about a document's file, to skip it when unchanged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace seisaku::index {

/// A file as it was when its document was indexed, and what its folder added to it: the
/// FileState value (docs/schema.md).
struct FileState {
    std::uint64_t size = 0;     ///< bytes
    std::int64_t mtime_ns = 0;  ///< modification time, nanoseconds since the epoch
    std::uint64_t hash = 0;     ///< content_hash() of the bytes read
    /// FileMetadata::hash() of its row in the folder's metadata file, 0 without one
    std::uint64_t metadata = 0;
    /// folder_context_hash() of what its folder's other files told (repeated lines, a shared
    /// title), 0 when its folder was not profiled
    std::uint64_t folder = 0;

    /// Size and time as the walk saw them: equal means "unchanged, do not read".
    [[nodiscard]] bool same_stat(std::uint64_t other_size, std::int64_t other_mtime_ns) const {
        return size == other_size && mtime_ns == other_mtime_ns;
    }
};

/// 64-bit FNV-1a of the raw bytes: tells a touched file from an edited one.
[[nodiscard]] std::uint64_t content_hash(std::string_view bytes) noexcept;

/// "SIZE MTIME_NS HASH METADATA FOLDER": two decimal numbers and three times 16 lower-case
/// hex digits.
[[nodiscard]] std::string encode_file_state(const FileState& state);

/// The inverse of encode_file_state(); nullopt for anything else (an empty value).
[[nodiscard]] std::optional<FileState> decode_file_state(std::string_view value);

}  // namespace seisaku::index
