// SPDX-License-Identifier: MIT
#include "index/index_run.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "document/reader.hpp"
#include "document/source_files.hpp"
#include "error.hpp"
#include "index/index_writer.hpp"

namespace seisaku::index {
namespace fs = std::filesystem;
namespace {

std::string read_bytes(const fs::path& path, std::uintmax_t max_size) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) {
        throw CorpusError("cannot read: " + ec.message());
    }
    if (max_size != 0 && size > max_size) {
        throw CorpusError("larger than --max-size (" + std::to_string(size) + " > " +
                          std::to_string(max_size) + " bytes), not indexed");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw CorpusError("cannot open for reading (permission denied or vanished)");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        throw CorpusError("read error");
    }
    return std::move(buffer).str();
}

}  // namespace

IndexSummary run_index(const IndexRunOptions& options,
                       const std::function<void(const FileEvent&)>& on_event) {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<document::SourceFile> files = document::list_source_files(options.paths);
    const analysis::Analyzer analyzer(options.analyzer);
    IndexWriter writer(options.db, analyzer, WriterOptions{options.overwrite, 1000});

    IndexSummary summary;
    std::set<std::string> seen;
    for (const document::SourceFile& file : files) {
        if (!file.skip_reason.empty()) {
            ++summary.skipped;
            on_event({FileEvent::Kind::Skipped, file.id, file.skip_reason});
            continue;
        }
        document::Document doc;
        try {
            const std::string bytes = read_bytes(file.path, options.max_size);
            const auto format = document::format_for(file.path.filename().string());
            doc = document::read_document(bytes, *format, file.id, file.path.filename().string());
        } catch (const CorpusError& e) {
            ++summary.skipped;
            on_event({FileEvent::Kind::Skipped, file.id, e.what()});
            continue;
        } catch (const std::bad_alloc&) {
            ++summary.skipped;
            on_event({FileEvent::Kind::Skipped, file.id, "out of memory while reading"});
            continue;
        }
        for (const std::string& w : doc.warnings) {
            ++summary.warnings;
            on_event({FileEvent::Kind::Warning, file.id, w});
        }
        if (!seen.insert(doc.id).second) {
            ++summary.skipped;
            on_event({FileEvent::Kind::Skipped, file.id,
                      "same path as a file indexed earlier in this run (two folders with one "
                      "name?); not indexed"});
            continue;
        }
        Outcome outcome = Outcome::Added;
        try {
            outcome = writer.add(doc);
        } catch (const CorpusError& e) {
            ++summary.skipped;
            on_event({FileEvent::Kind::Skipped, file.id, e.what()});
            continue;
        }
        ++(outcome == Outcome::Added ? summary.added : summary.updated);
        ++(doc.lang == "ja" ? summary.ja : summary.en);
        on_event({outcome == Outcome::Added ? FileEvent::Kind::Added : FileEvent::Kind::Updated,
                  file.id,
                  {}});
    }
    writer.commit();
    summary.documents_in_index = writer.document_count();
    summary.elapsed = std::chrono::steady_clock::now() - start;
    return summary;
}

}  // namespace seisaku::index
