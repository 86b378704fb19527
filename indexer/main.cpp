// SPDX-License-Identifier: MIT
// @brief seisaku-index: index folders of .txt, .md, .html and .pdf documents into a Xapian
// database.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <map>
#include <string>

#include "index/index_run.hpp"
#include "render/terminal.hpp"
#include "report.hpp"
#include "run_main.hpp"

namespace {

/// The signal that asked the run to stop (SIGINT, SIGTERM), or 0.
std::atomic<int> stop_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "set from a signal handler");

/// First signal: stop after the current file, commit, report. A second one ends the program
/// at once, as if no handler were installed (the index stays at its last commit).
extern "C" void on_stop_signal(int signal) {
    int expected = 0;
    if (!stop_signal.compare_exchange_strong(expected, signal)) {
        std::signal(signal, SIG_DFL);
        std::raise(signal);
    }
}

void install_stop_handlers() {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signal : {SIGINT, SIGTERM}) {
        struct sigaction old {};
        sigaction(signal, nullptr, &old);
        if (old.sa_handler != SIG_IGN) {  // a background job of a script keeps ignoring SIGINT
            sigaction(signal, &action, nullptr);
        }
    }
}

struct Options {
    seisaku::index::IndexRunOptions run;
    std::string max_size = "20M";
    bool quiet = false;
    bool verbose = false;
    bool json = false;
    bool strict = false;
};

void setup(CLI::App& app, Options& o) {
    app.description(
        "Index English and Japanese policy documents (.txt, .md with front matter, .html, .pdf) "
        "into a seisaku database.\n\nExample:\n  seisaku-index --db _index corpus/en corpus/ja");
    app.add_option("-D,--db", o.run.db, "database folder (created if missing)")
        ->required()
        ->envname("SEISAKU_DB");
    app.add_option("paths", o.run.paths, "files and folders to index (folders recursively)")
        ->required();
    app.add_option("-m,--max-size", o.max_size,
                   "skip larger files (K, M, G suffixes; 0 = no limit)")
        ->check([](const std::string& s) {
            try {
                (void)seisaku::cli::parse_size(s);
                return std::string();
            } catch (const CLI::ValidationError&) {
                return "\"" + s + "\" is not a size like 20M";
            }
        })
        ->capture_default_str();
    app.add_flag("--overwrite", o.run.overwrite,
                 "rebuild: read every file again and delete every other document");
    app.add_flag("--keep-deleted", o.run.keep_deleted,
                 "keep the documents of files that are gone (default: delete them)");
    app.add_option("--commit-every", o.run.commit_every,
                   "commit after this many documents added or deleted")
        ->check(CLI::Range(1U, 1000000U))
        ->capture_default_str();
    app.add_option("-j,--jobs", o.run.jobs,
                   "threads that read and analyze files (0: one per core; one thread writes)")
        ->check(CLI::Range(0U, 256U))
        ->capture_default_str();
    const std::map<std::string, seisaku::index::CompactPolicy> compact_policies = {
        {"auto", seisaku::index::CompactPolicy::Auto},
        {"always", seisaku::index::CompactPolicy::Always},
        {"never", seisaku::index::CompactPolicy::Never}};
    app.add_option("--compact", o.run.compact,
                   "rewrite the index compactly after the run: auto (when it changed 1,000+ "
                   "documents and 10%+ of the index), always (when it wrote), never")
        ->transform(CLI::CheckedTransformer(compact_policies))
        ->default_str("auto");
    app.add_flag("--wait", o.run.wait_for_lock,
                 "wait while another indexer updates the database (default: exit 75)");
    app.add_flag("--json", o.json,
                 "print one JSON object per file and a summary object (docs/output.md)");
    app.add_option("--mecab-dicdir", o.run.analyzer.mecab_dicdir,
                   "MeCab dictionary folder (default: Debian's mecab-ipadic-utf8)");
    app.add_option("--user-dictionary", o.run.analyzer.user_dictionary,
                   "compiled MeCab user dictionary of policy terms (default: the one built from "
                   "corpus/glossary.tsv; none: without)");
    app.add_option("--glossary", o.run.bank.files,
                   "your glossary (english<TAB>japanese<TAB>variants<TAB>topic), added to the "
                   "built-in term bank: its Japanese names join the user dictionary, its names "
                   "get N terms; kept in the index folder for searches (repeatable)")
        ->allow_extra_args(false);
    app.add_flag(
        "--no-builtin-glossary", [&o](std::int64_t) { o.run.bank.builtin = false; },
        "leave the built-in term bank out of the index (--glossary files only)");
    app.add_flag("--strict", o.strict,
                 "exit 1 when a file was skipped or repaired (the run still completes)");
    app.add_flag("-q,--quiet", o.quiet, "print only problems and the summary (no progress)");
    app.add_flag("-v,--verbose", o.verbose, "print every file indexed");
    app.set_version_flag("-V,--version", "seisaku-index " SEISAKU_VERSION_LINE);
    app.footer("Report bugs in the seisaku issue tracker.");
}

/// The progress line on a terminal: drawn at most ten times a second, erased before any
/// other message and at the end.
class ProgressLine {
  public:
    explicit ProgressLine(bool enabled) : enabled_(enabled) {}
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;
    ~ProgressLine() { clear(); }

    void show(const seisaku::index::Progress& p) {
        const auto now = std::chrono::steady_clock::now();
        if (!enabled_ || now - last_ < std::chrono::milliseconds(100)) {
            return;
        }
        last_ = now;
        std::cerr << "\r\x1b[K" << seisaku::indexer::progress_line(p) << std::flush;
        shown_ = true;
    }

    void clear() {
        if (shown_) {
            std::cerr << "\r\x1b[K" << std::flush;
            shown_ = false;
        }
    }

  private:
    bool enabled_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point last_{};
};

int run(Options& o) {
    using seisaku::index::FileEvent;
    o.run.max_size = seisaku::cli::parse_size(o.max_size);
    o.run.stop = &stop_signal;
    install_stop_handlers();
    ProgressLine progress(!o.quiet && !o.json && ::isatty(STDERR_FILENO) == 1);
    o.run.on_progress = [&](const seisaku::index::Progress& p) { progress.show(p); };
    const auto summary = seisaku::index::run_index(o.run, [&](const FileEvent& e) {
        if (o.json) {
            std::cout << seisaku::indexer::json_event(e) << '\n';
            return;
        }
        const std::string id = seisaku::render::terminal_safe(e.id);
        switch (e.kind) {
            case FileEvent::Kind::Skipped:
                progress.clear();
                std::cerr << "seisaku-index: skipped " << id << ": " << e.message << '\n';
                break;
            case FileEvent::Kind::Warning:
                progress.clear();
                std::cerr << "seisaku-index: warning: " << id << ": " << e.message << '\n';
                break;
            case FileEvent::Kind::Paired:
            case FileEvent::Kind::NotPaired:
                if (o.verbose) {
                    progress.clear();
                    std::cerr << (e.kind == FileEvent::Kind::Paired ? "paired " : "not paired ")
                              << id << " and " << seisaku::render::terminal_safe(e.other) << " ("
                              << seisaku::render::terminal_safe(e.message) << ")\n";
                }
                break;
            case FileEvent::Kind::Added:
            case FileEvent::Kind::Updated:
            case FileEvent::Kind::Unchanged:
            case FileEvent::Kind::Deleted:
                if (o.verbose) {
                    progress.clear();
                    const char* what = e.kind == FileEvent::Kind::Added     ? "added "
                                       : e.kind == FileEvent::Kind::Updated ? "updated "
                                       : e.kind == FileEvent::Kind::Deleted ? "deleted "
                                                                            : "unchanged ";
                    std::cerr << what << id << '\n';
                }
                break;
        }
    });
    progress.clear();
    if (summary.compaction && !summary.compaction->done && !o.json) {
        std::cerr << "seisaku-index: warning: the index is whole but was not compacted: "
                  << seisaku::render::terminal_safe(summary.compaction->why_not) << '\n';
    }
    std::cout << (o.json ? seisaku::indexer::json_summary(summary)
                         : seisaku::indexer::summary_line(summary))
              << '\n'
              << std::flush;
    if (summary.stopped_by != 0) {
        return 128 + summary.stopped_by;
    }
    return o.strict && (summary.skipped > 0 || summary.warnings > 0) ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"", "seisaku-index"};
    Options options;
    setup(app, options);
    return seisaku::cli::run_main(app, argc, argv, [&] { return run(options); });
}
