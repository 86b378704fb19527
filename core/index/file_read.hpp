// SPDX-License-Identifier: MIT
// @brief One file of a run read whole, with its state (size, time, hash), never following a
// link or blocking; or why it was passed over.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "index/file_state.hpp"
#include "index/index_run.hpp"

namespace seisaku::index {

/// A file passed over, with its reason: thrown while reading one file, caught in the loop.
struct Skip {
    SkipReason reason;
    std::string message;
};

/// The skip message of a file of `size` bytes over `max_size`.
[[nodiscard]] std::string too_large(std::uintmax_t size, std::uintmax_t max_size);

struct FileBytes {
    std::string bytes;
    FileState state;
};

/// Reads a regular file whole. Never follows a link and never blocks: a file replaced by a
/// FIFO after the walk opens non-blocking and is refused by fstat before any read. Throws
/// Skip when the file cannot be read or is larger than `max_size` (0: no limit).
[[nodiscard]] FileBytes read_file(const std::filesystem::path& path, std::uintmax_t max_size);

}  // namespace seisaku::index
