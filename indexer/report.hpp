// SPDX-License-Identifier: MIT
// @brief What seisaku-index prints: the summary line, JSON events, the progress line.
#pragma once

#include <string>

#include "index/index_run.hpp"

namespace seisaku::indexer {

/// "indexed 5 documents (en 3 / ja 2): 5 new, 0 updated, 0 unchanged, 0 deleted, 1 skipped
/// (binary 1), 0 warnings; 5 in the index; 0.41 s" (docs/output.md).
[[nodiscard]] std::string summary_line(const index::IndexSummary& s);

/// One JSON object per file event, on one line (docs/output.md).
[[nodiscard]] std::string json_event(const index::FileEvent& e);

/// The final JSON object of a run.
[[nodiscard]] std::string json_summary(const index::IndexSummary& s);

/// "indexing 120/300 files, 85 files/s, 1.2 MB/s, ETA 2 s" for a terminal line.
[[nodiscard]] std::string progress_line(const index::Progress& p);

/// "SIGINT", "SIGTERM" or "signal N".
[[nodiscard]] std::string signal_name(int signal);

}  // namespace seisaku::indexer
