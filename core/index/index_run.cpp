// SPDX-License-Identifier: MIT
#include "index/index_run.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <memory>
#include <new>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "document/reader.hpp"
#include "document/source_files.hpp"
#include "error.hpp"
#include "glossary/term_bank.hpp"
#include "index/file_state.hpp"
#include "index/folder_context.hpp"
#include "index/index_writer.hpp"
#include "index/pipeline.hpp"
#include "index/translation_pairs.hpp"
#include "schema/schema.hpp"

namespace seisaku::index {
namespace fs = std::filesystem;
namespace {

/// A file passed over, with its reason: thrown while reading one file, caught in the loop.
struct Skip {
    SkipReason reason;
    std::string message;
};

std::string errno_message(int err) {
    return std::error_code(err, std::generic_category()).message();
}

std::string too_large(std::uintmax_t size, std::uintmax_t max_size) {
    return "larger than --max-size (" + std::to_string(size) + " > " + std::to_string(max_size) +
           " bytes), not indexed";
}

/// Closes a file descriptor on every path out.
class Fd {
  public:
    explicit Fd(int fd) noexcept : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    [[nodiscard]] int get() const noexcept { return fd_; }

  private:
    int fd_;
};

struct FileBytes {
    std::string bytes;
    FileState state;
};

/// Reads a regular file whole. Never follows a link and never blocks: a file replaced by a
/// FIFO after the walk opens non-blocking and is refused by fstat before any read.
FileBytes read_file(const fs::path& path, std::uintmax_t max_size) {
    const Fd fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (fd.get() < 0) {
        const int err = errno;
        if (err == ELOOP) {
            throw Skip{SkipReason::SymbolicLink, "symbolic link, not followed"};
        }
        throw Skip{SkipReason::Unreadable, "cannot open for reading: " + errno_message(err)};
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) {
        throw Skip{SkipReason::Unreadable, "cannot read: " + errno_message(errno)};
    }
    if (!S_ISREG(st.st_mode)) {
        throw Skip{SkipReason::NotRegular, "not a regular file (replaced during the run)"};
    }
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (max_size != 0 && size > max_size) {
        throw Skip{SkipReason::TooLarge, too_large(size, max_size)};
    }
    FileBytes out;
    out.state.size = size;
    out.state.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 +
                         static_cast<std::int64_t>(st.st_mtim.tv_nsec);
    out.bytes.reserve(size);
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n == 0) {
            break;
        }
        if (n < 0) {
            if (errno == EINTR) {
                continue;  // a signal: the run loop looks at it after this file
            }
            throw Skip{SkipReason::Unreadable, "read error: " + errno_message(errno)};
        }
        out.bytes.append(buffer, static_cast<std::size_t>(n));
        if (max_size != 0 && out.bytes.size() > max_size) {
            throw Skip{SkipReason::TooLarge,
                       too_large(out.bytes.size(), max_size) + " (it grew while being read)"};
        }
    }
    // A file that grew or shrank while read is stored with the size read: the next run sees
    // the difference and reads it again.
    out.state.size = out.bytes.size();
    out.state.hash = content_hash(out.bytes);
    return out;
}

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
    const analysis::Analyzer analyzer(options.analyzer);
    // The lock first: a second indexer fails (or waits) before it walks anything.
    IndexWriter writer(
        options.db, analyzer,
        WriterOptions{options.overwrite, options.commit_every, options.wait_for_lock});
    const auto stored = writer.file_states();
    const std::vector<document::SourceFile> files = document::list_source_files(options.paths);
    const unsigned jobs =
        options.jobs != 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
    // What each file's folder says of it: metadata rows, repeated site lines, shared titles.
    const FolderContexts folders(files, stored, options.overwrite, jobs, options.max_size);

    IndexSummary summary;
    summary.metadata_files = folders.sidecars().files;
    summary.metadata_rows = folders.sidecars().rows;
    for (const document::SidecarProblem& p : folders.sidecars().problems) {
        ++summary.warnings;
        on_event({FileEvent::Kind::Warning, p.where, p.message});
    }
    summary.files_total = files.size();
    const auto stop_requested = [&] {
        return options.stop != nullptr && options.stop->load() != 0;
    };
    const auto skip = [&](const std::string& id, SkipReason reason, const std::string& message) {
        ++summary.skipped;
        ++summary.skipped_by[static_cast<std::size_t>(reason)];
        on_event({FileEvent::Kind::Skipped, id, message, reason});
    };
    Progress progress;
    progress.files_total = files.size();

    std::unordered_set<std::string> seen;     // id terms met in this run
    std::unordered_set<std::string> changed;  // ids added or updated in this run
    std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>>
        alternates;                        // their alternate links, for the pairing of translations
    std::unordered_set<std::string> kept;  // id terms whose documents stay
    std::vector<std::string> kept_prefixes;  // ids of unreadable entries: what is under stays

    // Files that need reading go to worker threads (read, hash, parse, analyze); the rest of
    // the run, the index included, happens on this thread, in file order.
    struct Job {
        const document::SourceFile* file = nullptr;
        std::string id_term;
        std::optional<FileState> old_state;
    };
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
    std::vector<std::unique_ptr<analysis::Analyzer>> analyzers;
    for (unsigned i = 0; i < jobs; ++i) {
        analyzers.push_back(std::make_unique<analysis::Analyzer>(options.analyzer));
    }
    std::size_t next_file = 0;
    const auto next = [&]() -> std::optional<Job> {
        while (next_file < files.size()) {
            const document::SourceFile& file = files[next_file++];
            ++summary.files_done;
            if (options.on_progress) {
                progress.files_done = summary.files_done;
                progress.elapsed = std::chrono::steady_clock::now() - start;
                options.on_progress(progress);
            }
            if (file.skip == document::SkipKind::Sidecar) {
                continue;  // read above, with the folders' context
            }
            if (file.skip != document::SkipKind::None) {
                if (file.skip == document::SkipKind::Unreadable) {
                    kept_prefixes.push_back(file.id);  // cannot tell what is there: keep it
                }
                skip(file.id, reason_of(file.skip), file.skip_reason);
                continue;
            }
            std::string id_term = schema::id_term(file.id);
            if (!seen.insert(id_term).second) {
                skip(file.id, SkipReason::Duplicate,
                     "same path as a file indexed earlier in this run (two folders with one "
                     "name?); not indexed");
                continue;
            }
            if (options.max_size != 0 && file.size > options.max_size) {
                skip(file.id, SkipReason::TooLarge, too_large(file.size, options.max_size));
                continue;
            }
            const auto old = stored.find(id_term);
            const std::optional<FileState> old_state =
                old == stored.end() || options.overwrite ? std::nullopt : old->second;
            if (old_state && old_state->same_stat(file.size, file.mtime_ns) &&
                !folders.context_changed(file.id, *old_state)) {
                ++summary.unchanged;
                kept.insert(id_term);
                on_event({FileEvent::Kind::Unchanged, file.id, {}});
                continue;
            }
            return Job{&file, std::move(id_term), old_state};
        }
        return std::nullopt;
    };
    const auto work = [&](std::size_t worker, Job& job) {
        Done done;
        const document::SourceFile& file = *job.file;
        done.id = file.id;
        done.id_term = job.id_term;
        try {
            FileBytes read = read_file(file.path, options.max_size);
            done.bytes = read.bytes.size();
            folders.complete(file.id, read.state, job.old_state);
            if (job.old_state && job.old_state->hash == read.state.hash &&
                job.old_state->size == read.state.size &&
                !folders.context_changed(file.id, *job.old_state)) {
                done.kind = Done::Kind::Unchanged;  // touched, not edited
                return done;
            }
            const auto format = document::format_for(file.path.filename().string());
            const document::Document doc =
                document::read_document(read.bytes, *format, file.id, file.path.filename().string(),
                                        {}, folders.context(file.id));
            done.lang = doc.lang;
            done.warnings = doc.warnings;
            done.alternates = doc.alternates;
            done.prepared = prepare_document(doc, read.state, *analyzers[worker], writer.names());
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
    };
    const auto consume = [&](Done& done) {
        const std::string& id = done.id;
        progress.bytes_read += done.bytes;
        if (done.kind == Done::Kind::Unchanged) {
            ++summary.unchanged;
            kept.insert(done.id_term);
            on_event({FileEvent::Kind::Unchanged, id, {}});
        } else if (done.kind == Done::Kind::Skipped) {
            if (done.reason == SkipReason::Unreadable && !options.overwrite) {
                kept.insert(done.id_term);  // perhaps for a moment: keep what the index has
            }
            skip(id, done.reason, done.message);
        } else {
            for (const std::string& w : done.warnings) {
                ++summary.warnings;
                on_event({FileEvent::Kind::Warning, id, w});
            }
            try {
                const Outcome outcome = writer.add(std::move(*done.prepared));
                kept.insert(done.id_term);
                changed.insert(id);
                if (!done.alternates.empty()) {
                    alternates.emplace(id, std::move(done.alternates));
                }
                ++(outcome == Outcome::Added ? summary.added : summary.updated);
                ++(done.lang == "ja" ? summary.ja : summary.en);
                on_event(
                    {outcome == Outcome::Added ? FileEvent::Kind::Added : FileEvent::Kind::Updated,
                     id,
                     {}});
            } catch (const CorpusError& e) {
                skip(id, SkipReason::Rejected, e.what());
            }
        }
    };
    const auto stop = [&] {
        if (stop_requested()) {
            summary.stopped_by = options.stop->load();
            return true;
        }
        return false;
    };
    // A bounded window of files in flight keeps memory flat whatever the folder holds.
    ordered_map<Job, Done>(jobs, 4 * static_cast<std::size_t>(jobs), next, work, consume, stop);

    // Documents of files that are gone from the roots of this run (with --overwrite: every
    // document not indexed again). Not after a stop: the run did not look at everything.
    if ((!options.keep_deleted || options.overwrite) && summary.stopped_by == 0) {
        std::vector<std::string> roots;
        for (const fs::path& root : options.paths) {
            roots.push_back(document::root_id(root));
        }
        std::vector<std::string> terms;
        for (const auto& entry : stored) {
            if (!kept.contains(entry.first)) {
                terms.push_back(entry.first);
            }
        }
        std::sort(terms.begin(), terms.end());
        for (const std::string& term : terms) {
            const std::string_view id = std::string_view(term).substr(schema::prefix_id.size());
            bool in_scope = options.overwrite;
            for (const std::string& r : roots) {
                in_scope = in_scope || under(id, r);
            }
            for (const std::string& p : kept_prefixes) {
                in_scope = in_scope && (options.overwrite || !under(id, p));
            }
            if (!in_scope) {
                continue;
            }
            writer.remove(term);
            ++summary.deleted;
            on_event({FileEvent::Kind::Deleted, std::string(id), {}});
        }
    }
    // Translation pairs, when anything changed: found keys on the documents' values only.
    if (summary.stopped_by == 0 && (summary.added + summary.updated + summary.deleted > 0)) {
        const PairingResult pairing =
            pair_translations(writer, glossary::TermBank::builtin(analyzer), changed, alternates);
        summary.pairs = pairing.pairs;
        summary.pairs_made = pairing.made;
        summary.pairs_undone = pairing.undone;
        summary.pairs_refused = pairing.refused;
        for (const PairEvent& e : pairing.events) {
            on_event({e.paired ? FileEvent::Kind::Paired : FileEvent::Kind::NotPaired, e.a,
                      e.how + ": " + e.evidence, SkipReason::Unreadable, e.b});
        }
    }
    writer.commit();
    summary.wrote = writer.commits() > 0;
    summary.documents_in_index = writer.document_count();
    // Batches leave B-tree blocks half full (each inserts into every term's range): a run
    // that changed much rewrites the index compactly, a few seconds for a large one.
    const std::size_t changes = summary.added + summary.updated + summary.deleted;
    if (summary.stopped_by == 0 && !stop_requested() &&
        wants_compaction(options.compact, changes, summary.documents_in_index)) {
        summary.compaction = writer.compact_and_close();
    }
    summary.elapsed = std::chrono::steady_clock::now() - start;
    return summary;
}

}  // namespace seisaku::index
