// SPDX-License-Identifier: MIT
#include "report.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <csignal>
#include <cstdio>

namespace seisaku::indexer {
namespace {

using index::FileEvent;
using index::SkipReason;

std::string fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string_view event_name(FileEvent::Kind kind) {
    switch (kind) {
        case FileEvent::Kind::Added:
            return "new";
        case FileEvent::Kind::Updated:
            return "updated";
        case FileEvent::Kind::Unchanged:
            return "unchanged";
        case FileEvent::Kind::Deleted:
            return "deleted";
        case FileEvent::Kind::Skipped:
            return "skipped";
        case FileEvent::Kind::Warning:
            return "warning";
        case FileEvent::Kind::Paired:
            return "paired";
        case FileEvent::Kind::NotPaired:
            return "not-paired";
    }
    return "warning";
}

std::string megabytes(std::uintmax_t bytes) {
    return fixed(static_cast<double>(bytes) / 1e6, 1);
}

/// null when the run did not compact; else what it did or why it could not.
nlohmann::ordered_json compaction_json(const std::optional<index::CompactionResult>& c) {
    if (!c) {
        return nullptr;
    }
    if (!c->done) {
        return {{"done", false}, {"error", c->why_not}};
    }
    return {{"done", true}, {"bytes_before", c->bytes_before}, {"bytes_after", c->bytes_after}};
}

std::string dump(const nlohmann::ordered_json& j) {
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

std::string signal_name(int signal) {
    if (signal == SIGINT) {
        return "SIGINT";
    }
    if (signal == SIGTERM) {
        return "SIGTERM";
    }
    return "signal " + std::to_string(signal);
}

std::string summary_line(const index::IndexSummary& s) {
    std::string out = "indexed " + std::to_string(s.added + s.updated) + " documents (en " +
                      std::to_string(s.en) + " / ja " + std::to_string(s.ja) +
                      "): " + std::to_string(s.added) + " new, " + std::to_string(s.updated) +
                      " updated, " + std::to_string(s.unchanged) + " unchanged, " +
                      std::to_string(s.deleted) + " deleted, " + std::to_string(s.skipped) +
                      " skipped";
    std::string reasons;
    for (std::size_t r = 0; r < index::skip_reason_count; ++r) {
        if (s.skipped_by[r] != 0) {
            reasons += (reasons.empty() ? "" : ", ") +
                       std::string(index::skip_reason_label(static_cast<SkipReason>(r))) + " " +
                       std::to_string(s.skipped_by[r]);
        }
    }
    if (!reasons.empty()) {
        out += " (" + reasons + ")";
    }
    out += ", " + std::to_string(s.warnings) + " warnings; ";
    if (s.metadata_files > 0) {
        out += "metadata: " + std::to_string(s.metadata_rows) + " rows from " +
               std::to_string(s.metadata_files) + (s.metadata_files == 1 ? " file; " : " files; ");
    }
    if (s.pairs + s.pairs_undone + s.pairs_refused > 0) {
        out += std::to_string(s.pairs) + " translation pairs found (" +
               std::to_string(s.pairs_made) + " new, " + std::to_string(s.pairs_undone) +
               " undone, " + std::to_string(s.pairs_refused) + " candidates refused); ";
    }
    if (s.stopped_by != 0) {
        out += "stopped by " + signal_name(s.stopped_by) + " after " +
               std::to_string(s.files_done) + " of " + std::to_string(s.files_total) + " files; ";
    }
    if (!s.wrote) {
        out += "nothing to write; ";
    }
    if (s.compaction && s.compaction->done) {
        out += "compacted " + megabytes(s.compaction->bytes_before) + " to " +
               megabytes(s.compaction->bytes_after) + " MB; ";
    }
    out += std::to_string(s.documents_in_index) + " in the index; " + fixed(s.elapsed.count(), 2) +
           " s";
    return out;
}

std::string json_event(const FileEvent& e) {
    nlohmann::ordered_json j = {{"event", event_name(e.kind)}, {"path", e.id}};
    if (e.kind == FileEvent::Kind::Skipped) {
        j["reason"] = index::skip_reason_key(e.reason);
    }
    if (!e.other.empty()) {
        j["other"] = e.other;
    }
    if (!e.message.empty()) {
        j["message"] = e.message;
    }
    return dump(j);
}

std::string json_summary(const index::IndexSummary& s) {
    nlohmann::ordered_json skipped = nlohmann::ordered_json::object();
    for (std::size_t r = 0; r < index::skip_reason_count; ++r) {
        skipped[std::string(index::skip_reason_key(static_cast<SkipReason>(r)))] = s.skipped_by[r];
    }
    const nlohmann::ordered_json j = {
        {"event", "summary"},
        {"indexed", s.added + s.updated},
        {"new", s.added},
        {"updated", s.updated},
        {"unchanged", s.unchanged},
        {"deleted", s.deleted},
        {"skipped", s.skipped},
        {"skipped_by", skipped},
        {"warnings", s.warnings},
        {"metadata_files", s.metadata_files},
        {"metadata_rows", s.metadata_rows},
        {"pairs", s.pairs},
        {"pairs_new", s.pairs_made},
        {"pairs_undone", s.pairs_undone},
        {"pairs_refused", s.pairs_refused},
        {"en", s.en},
        {"ja", s.ja},
        {"files", s.files_total},
        {"documents", s.documents_in_index},
        {"wrote", s.wrote},
        {"stopped_by", s.stopped_by == 0 ? nlohmann::ordered_json(nullptr)
                                         : nlohmann::ordered_json(signal_name(s.stopped_by))},
        {"compaction", compaction_json(s.compaction)},
        {"seconds", std::round(s.elapsed.count() * 1000.0) / 1000.0},
    };
    return dump(j);
}

std::string progress_line(const index::Progress& p) {
    const double seconds = p.elapsed.count();
    std::string out =
        "indexing " + std::to_string(p.files_done) + "/" + std::to_string(p.files_total) + " files";
    if (seconds > 0.0) {
        const double files_per_s = static_cast<double>(p.files_done) / seconds;
        out += ", " + fixed(files_per_s, 0) + " files/s, " +
               fixed(static_cast<double>(p.bytes_read) / seconds / 1e6, 1) + " MB/s";
        if (files_per_s > 0.0 && p.files_total >= p.files_done) {
            const double eta = static_cast<double>(p.files_total - p.files_done) / files_per_s;
            out += ", ETA " + fixed(eta, 0) + " s";
        }
    }
    return out;
}

}  // namespace seisaku::indexer
