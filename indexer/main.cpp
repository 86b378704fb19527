// SPDX-License-Identifier: MIT
// @brief seisaku-index: index folders of .txt, .md and .html documents into a Xapian database.
#include <unistd.h>

#include <iomanip>
#include <iostream>

#include "index/index_run.hpp"
#include "render/terminal.hpp"
#include "run_main.hpp"

namespace {

struct Options {
    seisaku::index::IndexRunOptions run;
    std::string max_size = "20M";
    bool quiet = false;
    bool verbose = false;
};

void setup(CLI::App& app, Options& o) {
    app.description(
        "Index English and Japanese policy documents (.txt, .md with front matter, .html) "
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
    app.add_flag("--overwrite", o.run.overwrite, "start from an empty database");
    app.add_option("--mecab-dicdir", o.run.analyzer.mecab_dicdir,
                   "MeCab dictionary folder (default: Debian's mecab-ipadic-utf8)");
    app.add_option("--user-dictionary", o.run.analyzer.user_dictionary,
                   "compiled MeCab user dictionary of policy terms (default: the one built from "
                   "corpus/glossary.tsv; none: without)");
    app.add_flag("-q,--quiet", o.quiet, "print only problems and the summary");
    app.add_flag("-v,--verbose", o.verbose, "print every file indexed");
    app.set_version_flag("-V,--version", "seisaku-index " SEISAKU_VERSION_LINE);
    app.footer("Report bugs in the seisaku issue tracker.");
}

int run(Options& o) {
    using seisaku::index::FileEvent;
    o.run.max_size = seisaku::cli::parse_size(o.max_size);
    const auto summary = seisaku::index::run_index(o.run, [&](const FileEvent& e) {
        const std::string id = seisaku::render::terminal_safe(e.id);
        switch (e.kind) {
            case FileEvent::Kind::Skipped:
                std::cerr << "seisaku-index: skipped " << id << ": " << e.message << '\n';
                break;
            case FileEvent::Kind::Warning:
                std::cerr << "seisaku-index: warning: " << id << ": " << e.message << '\n';
                break;
            case FileEvent::Kind::Added:
            case FileEvent::Kind::Updated:
                if (o.verbose) {
                    std::cerr << (e.kind == FileEvent::Kind::Added ? "added " : "updated ") << id
                              << '\n';
                }
                break;
        }
    });
    std::cout << "indexed " << summary.added + summary.updated << " documents (en " << summary.en
              << " / ja " << summary.ja << "): " << summary.added << " new, " << summary.updated
              << " updated, " << summary.skipped << " skipped, " << summary.warnings
              << " warnings; " << summary.documents_in_index << " in the index; " << std::fixed
              << std::setprecision(2) << summary.elapsed.count() << " s\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"", "seisaku-index"};
    Options options;
    setup(app, options);
    return seisaku::cli::run_main(app, argc, argv, [&] { return run(options); });
}
