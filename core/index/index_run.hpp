// SPDX-License-Identifier: MIT
// @brief One indexing run: walk the paths, read each file, add it, report, commit.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"

namespace seisaku::index {

struct IndexRunOptions {
    std::filesystem::path db;
    std::vector<std::filesystem::path> paths;
    std::uintmax_t max_size = 20 * 1024 * 1024;  ///< bytes; 0 = no limit
    bool overwrite = false;
    analysis::AnalyzerOptions analyzer;
};

/// What happened to one file, for the caller to show.
struct FileEvent {
    enum class Kind { Added, Updated, Skipped, Warning };
    Kind kind;
    std::string id;
    std::string message;  ///< the reason (Skipped) or the repair made (Warning)
};

struct IndexSummary {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t skipped = 0;
    std::size_t warnings = 0;
    std::size_t en = 0;
    std::size_t ja = 0;
    std::size_t documents_in_index = 0;
    std::chrono::duration<double> elapsed{};
};

/// Runs the indexer. Per-file problems become events and the run goes on; faults of the
/// index or the environment throw seisaku::Error with their exit code.
IndexSummary run_index(const IndexRunOptions& options,
                       const std::function<void(const FileEvent&)>& on_event);

}  // namespace seisaku::index
