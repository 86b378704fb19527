// SPDX-License-Identifier: MIT
#include "index/index_run.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <new>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "document/reader.hpp"
#include "document/source_files.hpp"
#include "error.hpp"
#include "glossary/term_bank.hpp"
#include "index/file_read.hpp"
#include "index/file_state.hpp"
#include "index/folder_context.hpp"
#include "index/index_glossary.hpp"
#include "index/index_writer.hpp"
#include "index/learned_translations.hpp"
#include "index/pipeline.hpp"
#include "index/translation_pairs.hpp"
#include "schema/schema.hpp"

namespace seisaku::index {
namespace fs = std::filesystem;
namespace {

SkipReason reason_of(document::SkipKind kind) {
    switch (kind) {
        case document::SkipKind::SymbolicLink:
            return SkipReason::SymbolicLink;
        case document::SkipKind::NotRegular:
            return SkipReason::NotRegular;
        case document::SkipKind::Unsupported:
            return SkipReason::Unsupported;
        case document::SkipKind::None:
        case document::SkipKind::Unreadable:
        case document::SkipKind::Sidecar:
            break;
    }
    return SkipReason::Unreadable;
}

/// The reader says why it refused a document in words; binary data is the one reason it has
/// besides the document's own faults.
SkipReason reason_of_reader(const std::string& message) {
    return message.starts_with("binary") ? SkipReason::Binary : SkipReason::Rejected;
}

/// True when `id` is `prefix` or lies under it ("prefix/...").
bool under(std::string_view id, std::string_view prefix) {
    return id.starts_with(prefix) && (id.size() == prefix.size() || id[prefix.size()] == '/');
}

/// Per SkipReason, in its order: the JSON key and the summary's words.
constexpr std::array<std::pair<std::string_view, std::string_view>, skip_reason_count>
    skip_reason_names = {{{"binary", "binary"},
                          {"too-large", "too large"},
                          {"unreadable", "unreadable"},
                          {"not-regular", "not a regular file"},
                          {"symlink", "symbolic link"},
                          {"unsupported", "unsupported type"},
                          {"duplicate", "duplicate path"},
                          {"rejected", "rejected"}}};

/// A file that needs reading, for a worker thread.
struct Job {
    const document::SourceFile* file = nullptr;
    std::string id_term;
    std::optional<FileState> old_state;
};

/// What a worker made of a Job, for the writer's thread.
struct Done {
    enum class Kind { Prepared, Unchanged, Skipped } kind = Kind::Skipped;
    std::string id;
    std::string id_term;
    std::size_t bytes = 0;
    std::string lang;
    std::vector<std::string> warnings;
    std::vector<std::pair<std::string, std::string>> alternates;
    std::optional<PreparedDocument> prepared;
    SkipReason reason = SkipReason::Rejected;
    std::string message;
};

/// One run of the indexer: what its steps share, from the index's lock to the summary.
class IndexRun {
  public:
    /// Takes the index's lock, lists the files and reads their folders' context.
    IndexRun(const IndexRunOptions& options, const std::function<void(const FileEvent&)>& on_event,
             std::chrono::steady_clock::time_point start);

    /// Indexes the files, deletes what is gone, pairs translations, commits.
    IndexSummary run();

  private:
    /// The next file to read (the files before it are skipped or unchanged), or none.
    std::optional<Job> next();
    /// Reads, parses and analyzes one file on a worker thread.
    Done work(Job& job) const;
    /// What a worker made, written to the index in file order on this thread.
    void consume(Done& done);
    /// Adds a prepared document to the index and reports it.
    void add(Done& done);
    /// True when the run should stop taking files (and records the signal).
    bool stop();
    [[nodiscard]] bool stop_requested() const;
    void report_progress();
    void skip(const std::string& id, SkipReason reason, const std::string& message);
    /// Deletes the documents of files gone from the roots of this run.
    void delete_gone();
    /// Pairs translations and reports the pairs.
    void pair();

    const IndexRunOptions& options_;
    const std::function<void(const FileEvent&)>& on_event_;
    const std::chrono::steady_clock::time_point start_;
    const analysis::Analyzer analyzer_;  ///< shared by the workers: MeCab loaded once
    const glossary::TermBank bank_;      ///< names for N terms and translation pairing
    IndexWriter writer_;
    const StoredStates stored_;
    const std::vector<document::SourceFile> files_;
    const unsigned jobs_;
    const FolderContexts folders_;  ///< what each file's folder says of it
    IndexSummary summary_;
    Progress progress_;
    std::size_t next_file_ = 0;
    std::unordered_set<std::string> seen_;     // id terms met in this run
    std::unordered_set<std::string> changed_;  // ids added or updated in this run
    std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>>
        alternates_;  // their alternate links, for the pairing of translations
    std::unordered_set<std::string> kept_;    // id terms whose documents stay
    std::vector<std::string> kept_prefixes_;  // ids of unreadable entries: what is under stays
};

IndexRun::IndexRun(const IndexRunOptions& options,
                   const std::function<void(const FileEvent&)>& on_event,
                   std::chrono::steady_clock::time_point start)
    : options_(options),
      on_event_(on_event),
      start_(start),
      analyzer_(options.analyzer),
      bank_(glossary::make_term_bank(options.bank, analyzer_)),
      // The lock first: a second indexer fails (or waits) before it walks anything.
      writer_(
          options.db, analyzer_,
          WriterOptions{options.overwrite, options.commit_every, options.wait_for_lock, &bank_}),
      stored_(writer_.file_states()),
      files_(document::list_source_files(options.paths)),
      jobs_(options.jobs != 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency())),
      // What each file's folder says of it: metadata rows, repeated site lines, shared titles.
      folders_(files_, stored_, options.overwrite, jobs_, options.max_size) {}

IndexSummary IndexRun::run() {
    summary_.metadata_files = folders_.sidecars().files;
    summary_.metadata_rows = folders_.sidecars().rows;
    for (const document::SidecarProblem& p : folders_.sidecars().problems) {
        ++summary_.warnings;
        on_event_({FileEvent::Kind::Warning, p.where, p.message});
    }
    summary_.files_total = files_.size();
    progress_.files_total = files_.size();
    // Files that need reading go to worker threads (read, hash, parse, analyze); the rest of
    // the run, the index included, happens on this thread, in file order. A bounded window
    // of files in flight keeps memory flat whatever the folder holds.
    ordered_map<Job, Done>(
        jobs_, 4 * static_cast<std::size_t>(jobs_), [this] { return next(); },
        [this](std::size_t /*worker*/, Job& job) { return work(job); },
        [this](Done& done) { consume(done); }, [this] { return stop(); });
    // Not after a stop: the run did not look at everything.
    if ((!options_.keep_deleted || options_.overwrite) && summary_.stopped_by == 0) {
        delete_gone();
    }
    // Translation pairs, when anything changed: found keys on the documents' values only.
    if (summary_.stopped_by == 0 && (summary_.added + summary_.updated + summary_.deleted > 0)) {
        pair();
    }
    // Word translations learned from the pairs: mined again when a document changed.
    if (summary_.stopped_by == 0) {
        const LearnedSummary learned = refresh_learned(
            writer_, analyzer_, summary_.added + summary_.updated + summary_.deleted > 0);
        summary_.learned = learned.translations;
        summary_.learned_mined = learned.mined;
    }
    writer_.commit();
    summary_.wrote = writer_.commits() > 0;
    summary_.documents_in_index = writer_.document_count();
    // Batches leave B-tree blocks half full (each inserts into every term's range): a run
    // that changed much rewrites the index compactly, a few seconds for a large one.
    const std::size_t changes = summary_.added + summary_.updated + summary_.deleted;
    if (summary_.stopped_by == 0 && !stop_requested() &&
        wants_compaction(options_.compact, changes, summary_.documents_in_index)) {
        summary_.compaction = writer_.compact_and_close();
    }
    summary_.elapsed = std::chrono::steady_clock::now() - start_;
    return summary_;
}

void IndexRun::report_progress() {
    if (options_.on_progress) {
        progress_.files_done = summary_.files_done;
        progress_.elapsed = std::chrono::steady_clock::now() - start_;
        options_.on_progress(progress_);
    }
}

void IndexRun::skip(const std::string& id, SkipReason reason, const std::string& message) {
    ++summary_.skipped;
    ++summary_.skipped_by[static_cast<std::size_t>(reason)];
    on_event_({FileEvent::Kind::Skipped, id, message, reason});
}

std::optional<Job> IndexRun::next() {
    while (next_file_ < files_.size()) {
        const document::SourceFile& file = files_[next_file_++];
        ++summary_.files_done;
        report_progress();
        if (file.skip == document::SkipKind::Sidecar) {
            continue;  // read above, with the folders' context
        }
        if (file.skip != document::SkipKind::None) {
            if (file.skip == document::SkipKind::Unreadable) {
                kept_prefixes_.push_back(file.id);  // cannot tell what is there: keep it
            }
            skip(file.id, reason_of(file.skip), file.skip_reason);
            continue;
        }
        std::string id_term = schema::id_term(file.id);
        if (!seen_.insert(id_term).second) {
            skip(file.id, SkipReason::Duplicate,
                 "same path as a file indexed earlier in this run (two folders with one "
                 "name?); not indexed");
            continue;
        }
        if (options_.max_size != 0 && file.size > options_.max_size) {
            skip(file.id, SkipReason::TooLarge, too_large(file.size, options_.max_size));
            continue;
        }
        const auto old = stored_.find(id_term);
        const std::optional<FileState> old_state =
            old == stored_.end() || options_.overwrite ? std::nullopt : old->second;
        if (old_state && old_state->same_stat(file.size, file.mtime_ns) &&
            !folders_.context_changed(file.id, *old_state)) {
            ++summary_.unchanged;
            kept_.insert(id_term);
            on_event_({FileEvent::Kind::Unchanged, file.id, {}});
            continue;
        }
        return Job{&file, std::move(id_term), old_state};
    }
    return std::nullopt;
}

Done IndexRun::work(Job& job) const {
    Done done;
    const document::SourceFile& file = *job.file;
    done.id = file.id;
    done.id_term = job.id_term;
    try {
        FileBytes read = read_file(file.path, options_.max_size);
        done.bytes = read.bytes.size();
        folders_.complete(file.id, read.state, job.old_state);
        if (job.old_state && job.old_state->hash == read.state.hash &&
            job.old_state->size == read.state.size &&
            !folders_.context_changed(file.id, *job.old_state)) {
            done.kind = Done::Kind::Unchanged;  // touched, not edited
            return done;
        }
        const auto format = document::format_for(file.path.filename().string());
        const document::Document doc =
            document::read_document(read.bytes, *format, file.id, file.path.filename().string(), {},
                                    folders_.context(file.id));
        done.lang = doc.lang;
        done.warnings = doc.warnings;
        done.alternates = doc.alternates;
        done.prepared = prepare_document(doc, read.state, analyzer_, writer_.names());
        done.kind = Done::Kind::Prepared;
    } catch (const Skip& s) {
        done.reason = s.reason;
        done.message = s.message;
    } catch (const CorpusError& e) {
        done.reason = reason_of_reader(e.what());
        done.message = e.what();
    } catch (const std::bad_alloc&) {
        done.reason = SkipReason::Rejected;
        done.message = "out of memory while reading";
    }
    return done;
}

void IndexRun::consume(Done& done) {
    progress_.bytes_read += done.bytes;
    if (done.kind == Done::Kind::Unchanged) {
        ++summary_.unchanged;
        kept_.insert(done.id_term);
        on_event_({FileEvent::Kind::Unchanged, done.id, {}});
    } else if (done.kind == Done::Kind::Skipped) {
        if (done.reason == SkipReason::Unreadable && !options_.overwrite) {
            kept_.insert(done.id_term);  // perhaps for a moment: keep what the index has
        }
        skip(done.id, done.reason, done.message);
    } else {
        add(done);
    }
}

void IndexRun::add(Done& done) {
    const std::string& id = done.id;
    for (const std::string& w : done.warnings) {
        ++summary_.warnings;
        on_event_({FileEvent::Kind::Warning, id, w});
    }
    try {
        const Outcome outcome = writer_.add(std::move(*done.prepared));
        kept_.insert(done.id_term);
        changed_.insert(id);
        if (!done.alternates.empty()) {
            alternates_.emplace(id, std::move(done.alternates));
        }
        ++(outcome == Outcome::Added ? summary_.added : summary_.updated);
        ++(done.lang == "ja" ? summary_.ja : summary_.en);
        on_event_({outcome == Outcome::Added ? FileEvent::Kind::Added : FileEvent::Kind::Updated,
                   id,
                   {}});
    } catch (const CorpusError& e) {
        skip(id, SkipReason::Rejected, e.what());
    }
}

bool IndexRun::stop_requested() const {
    return options_.stop != nullptr && options_.stop->load() != 0;
}

bool IndexRun::stop() {
    if (stop_requested()) {
        summary_.stopped_by = options_.stop->load();
        return true;
    }
    return false;
}

void IndexRun::delete_gone() {
    // Documents of files that are gone from the roots of this run (with --overwrite: every
    // document not indexed again).
    std::vector<std::string> roots;
    for (const fs::path& root : options_.paths) {
        roots.push_back(document::root_id(root));
    }
    std::vector<std::string> terms;
    for (const auto& entry : stored_) {
        if (!kept_.contains(entry.first)) {
            terms.push_back(entry.first);
        }
    }
    std::sort(terms.begin(), terms.end());
    for (const std::string& term : terms) {
        const std::string_view id = std::string_view(term).substr(schema::prefix_id.size());
        bool in_scope = options_.overwrite;
        for (const std::string& r : roots) {
            in_scope = in_scope || under(id, r);
        }
        for (const std::string& p : kept_prefixes_) {
            in_scope = in_scope && (options_.overwrite || !under(id, p));
        }
        if (!in_scope) {
            continue;
        }
        writer_.remove(term);
        ++summary_.deleted;
        on_event_({FileEvent::Kind::Deleted, std::string(id), {}});
    }
}

void IndexRun::pair() {
    const PairingResult pairing = pair_translations(writer_, bank_, changed_, alternates_);
    summary_.pairs = pairing.pairs;
    summary_.pairs_made = pairing.made;
    summary_.pairs_undone = pairing.undone;
    summary_.pairs_refused = pairing.refused;
    for (const PairEvent& e : pairing.events) {
        on_event_({e.paired ? FileEvent::Kind::Paired : FileEvent::Kind::NotPaired, e.a,
                   e.how + ": " + e.evidence, SkipReason::Unreadable, e.b});
    }
}

}  // namespace

std::string_view skip_reason_key(SkipReason reason) noexcept {
    return skip_reason_names[static_cast<std::size_t>(reason)].first;
}

std::string_view skip_reason_label(SkipReason reason) noexcept {
    return skip_reason_names[static_cast<std::size_t>(reason)].second;
}

IndexSummary run_index(const IndexRunOptions& options,
                       const std::function<void(const FileEvent&)>& on_event) {
    const auto start = std::chrono::steady_clock::now();
    document::check_roots(options.paths);
    IndexRunOptions prepared = options;
    prepare_index_glossary(prepared.db, prepared.overwrite, prepared.bank, prepared.analyzer);
    return IndexRun(prepared, on_event, start).run();
}

}  // namespace seisaku::index
