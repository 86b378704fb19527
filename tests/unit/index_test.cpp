// SPDX-License-Identifier: MIT
// Incremental indexing: unchanged files skipped without a write, edits replaced, vanished
// files deleted; every file accounted for with a reason; stop, lock and batch behaviour.
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <xapian.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>

#include "describe.hpp"
#include "error.hpp"
#include "index/compaction.hpp"
#include "index/file_state.hpp"
#include "index/index_run.hpp"

using namespace seisaku;
namespace fs = std::filesystem;

namespace {

using test::write_file;

/// An indexed folder whose runs set the incremental options (files over 1,000 bytes skipped).
struct Incremental : test::IndexedFolder {
    index::CompactPolicy compact = index::CompactPolicy::Auto;

    index::IndexSummary run(bool keep_deleted = false, unsigned commit_every = 1000,
                            const std::atomic<int>* stop = nullptr,
                            std::function<void(const index::Progress&)> on_progress = {}) {
        options.max_size = 1000;
        options.keep_deleted = keep_deleted;
        options.commit_every = commit_every;
        options.stop = stop;
        options.on_progress = std::move(on_progress);
        options.compact = compact;
        return IndexedFolder::run();
    }

    [[nodiscard]] Xapian::rev revision() const { return Xapian::Database(db).get_revision(); }
    [[nodiscard]] bool holds(const std::string& id) const {
        return Xapian::Database(db).term_exists("Q" + id);
    }
};

/// "new 1, updated 0, unchanged 2, deleted 0, skipped 0"
std::string counts(const index::IndexSummary& s) {
    return "new " + std::to_string(s.added) + ", updated " + std::to_string(s.updated) +
           ", unchanged " + std::to_string(s.unchanged) + ", deleted " + std::to_string(s.deleted) +
           ", skipped " + std::to_string(s.skipped);
}

}  // namespace

TEST_CASE("file state: FNV-1a content hash and the stored value", "[index]") {
    CHECK(index::content_hash("") == 0xcbf29ce484222325ULL);
    CHECK(index::content_hash("a") == 0xaf63dc4c8601ec8cULL);
    CHECK(index::content_hash("foobar") == 0x85944171f73967e8ULL);
    const index::FileState s{1234, 1700000000123456789, 0x00ff00ff00ff00ffULL, 0x12, 0xabcULL};
    CHECK(index::encode_file_state(s) ==
          "1234 1700000000123456789 00ff00ff00ff00ff 0000000000000012 0000000000000abc");
    const auto back = index::decode_file_state(index::encode_file_state(s));
    REQUIRE(back);
    CHECK(back->size == s.size);
    CHECK(back->mtime_ns == s.mtime_ns);
    CHECK(back->hash == s.hash);
    CHECK(back->metadata == s.metadata);
    CHECK(back->folder == s.folder);
    const std::string h = " 00ff00ff00ff00ff";
    for (const std::string& bad :
         {std::string(), std::string("1 2"), std::string("1 2 3"), "x 2" + h + h + h,
          "1 2" + h + h + h + "x", "1  2" + h + h + h, "1 2" + h + h + h + " ", "1 2" + h,
          "1 2" + h + h, "1 2" + h + " 00ff00ff00ff00f" + h}) {
        INFO(bad);
        CHECK(!index::decode_file_state(bad));
    }
}

TEST_CASE("re-runs: unchanged files cost no write, edits update, vanished files are deleted",
          "[index]") {
    Incremental idx;
    write_file(idx.docs / "a.txt", "Alpha\n\nfirst document");
    write_file(idx.docs / "b.txt", "Beta\n\nsecond document");
    write_file(idx.docs / "sub" / "c.md", "# Gamma\n\nthird document");

    struct Step {
        const char* what;
        std::function<void()> change;
        bool keep_deleted;
        std::string want;
        bool writes;
    };
    const auto touch = [&](const char* name) {
        fs::last_write_time(idx.docs / name,
                            fs::last_write_time(idx.docs / name) + std::chrono::seconds(5));
    };
    const std::vector<Step> steps = {
        {"first run", [] {}, false, "new 3, updated 0, unchanged 0, deleted 0, skipped 0", true},
        {"same tree again", [] {}, false, "new 0, updated 0, unchanged 3, deleted 0, skipped 0",
         false},
        {"edited, same size and time",
         [&] {
             const auto t = fs::last_write_time(idx.docs / "a.txt");
             write_file(idx.docs / "a.txt", "Alpha\n\nFIRST document");
             fs::last_write_time(idx.docs / "a.txt", t);
         },
         false, "new 0, updated 0, unchanged 3, deleted 0, skipped 0", false},
        {"touched, not edited", [&] { touch("b.txt"); }, false,
         "new 0, updated 0, unchanged 3, deleted 0, skipped 0", false},
        {"edited", [&] { write_file(idx.docs / "b.txt", "Beta\n\nsecond document, edited"); },
         false, "new 0, updated 1, unchanged 2, deleted 0, skipped 0", true},
        {"deleted, kept", [&] { fs::remove(idx.docs / "sub" / "c.md"); }, true,
         "new 0, updated 0, unchanged 2, deleted 0, skipped 0", false},
        {"deleted", [] {}, false, "new 0, updated 0, unchanged 2, deleted 1, skipped 0", true},
        {"a file becomes binary", [&] { write_file(idx.docs / "b.txt", std::string(64, '\0')); },
         false, "new 1, updated 0, unchanged 1, deleted 1, skipped 1", true},
    };
    bool first = true;
    Xapian::rev before = 0;
    for (const Step& step : steps) {
        INFO(step.what);
        if (step.what == std::string("a file becomes binary")) {
            write_file(idx.docs / "new.txt", "New\n\nfourth document");
        }
        step.change();
        const index::IndexSummary s = idx.run(step.keep_deleted);
        CHECK(counts(s) == step.want);
        CHECK(s.wrote == step.writes);
        const Xapian::rev after = idx.revision();
        if (!first) {
            CHECK((after != before) == step.writes);
        }
        first = false;
        before = after;
    }
    // Size and time equal hide an edit: the documented price of not reading (docs/schema.md).
    CHECK(idx.holds("docs/a.txt"));
    CHECK(!idx.holds("docs/b.txt"));
    CHECK(!idx.holds("docs/sub/c.md"));
    CHECK(idx.holds("docs/new.txt"));
    CHECK(Xapian::Database(idx.db).get_doccount() == 2);
}

TEST_CASE("only the roots of the run are looked at for deleted files", "[index]") {
    Incremental idx;
    write_file(idx.docs / "a.txt", "Alpha\n\none");
    const fs::path other = fs::path(idx.tmp.path()) / "other";
    write_file(other / "x.txt", "Other\n\ntwo");
    index::IndexRunOptions o;
    o.db = idx.db;
    o.paths = {idx.docs, other};
    (void)index::run_index(o, [](const index::FileEvent&) {});
    fs::remove(other / "x.txt");
    const auto s = idx.run();  // docs/ only: other/x.txt is not this run's business
    CHECK(counts(s) == "new 0, updated 0, unchanged 1, deleted 0, skipped 0");
    CHECK(idx.holds("other/x.txt"));
}

TEST_CASE("every file is accounted for, with a reason, and nothing blocks", "[index]") {
    Incremental idx;
    write_file(idx.docs / "ok.txt", "Fine\n\ntext");
    write_file(idx.docs / "binary.txt",
               "\x7f"
               "ELF" +
                   std::string(400, '\0'));
    write_file(idx.docs / "big.txt", std::string(2000, 'y'));
    write_file(idx.docs / "image.png", "x");
    REQUIRE(::mkfifo((idx.docs / "pipe.txt").c_str(), 0644) == 0);
    fs::create_symlink("loop2.txt", idx.docs / "loop1.txt");
    fs::create_symlink("loop1.txt", idx.docs / "loop2.txt");
    fs::create_directory_symlink(".", idx.docs / "self");
    const std::string sock_path = (idx.docs / "sock.txt").string();
    const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(sock >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    REQUIRE(sock_path.size() < sizeof addr.sun_path);
    std::copy(sock_path.begin(), sock_path.end(), addr.sun_path);
    REQUIRE(::bind(sock, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0);

    const index::IndexSummary s = idx.run();
    ::close(sock);
    std::map<std::string, std::string> got;
    for (const index::FileEvent& e : idx.events) {
        got[e.id] = e.kind == index::FileEvent::Kind::Skipped
                        ? std::string(index::skip_reason_key(e.reason))
                    : e.kind == index::FileEvent::Kind::Added ? "new"
                                                              : "other";
    }
    const std::map<std::string, std::string> want = {
        {"docs/big.txt", "too-large"},     {"docs/binary.txt", "binary"},
        {"docs/image.png", "unsupported"}, {"docs/loop1.txt", "symlink"},
        {"docs/loop2.txt", "symlink"},     {"docs/ok.txt", "new"},
        {"docs/pipe.txt", "not-regular"},  {"docs/self", "symlink"},
        {"docs/sock.txt", "not-regular"},
    };
    CHECK(got == want);
    CHECK(s.files_total == want.size());
    CHECK(s.skipped == want.size() - 1);
    CHECK(s.skipped_by[static_cast<std::size_t>(index::SkipReason::SymbolicLink)] == 3);
    CHECK(s.skipped_by[static_cast<std::size_t>(index::SkipReason::NotRegular)] == 2);
}

TEST_CASE("an unreadable file or folder is skipped and its documents kept", "[index]") {
    if (::geteuid() == 0) {
        WARN("running as root, which reads anything: see tests/index/faults_test.sh");
        return;
    }
    Incremental idx;
    write_file(idx.docs / "a.txt", "Alpha\n\none");
    write_file(idx.docs / "locked" / "b.txt", "Beta\n\ntwo");
    (void)idx.run();
    write_file(idx.docs / "c.txt", "Gamma\n\nthree");
    fs::permissions(idx.docs / "c.txt", fs::perms::none);
    fs::permissions(idx.docs / "locked", fs::perms::none);
    const auto s = idx.run();
    fs::permissions(idx.docs / "locked", fs::perms::owner_all);
    CHECK(counts(s) == "new 0, updated 0, unchanged 1, deleted 0, skipped 2");
    CHECK(s.skipped_by[static_cast<std::size_t>(index::SkipReason::Unreadable)] == 2);
    CHECK(idx.holds("docs/locked/b.txt"));
}

TEST_CASE("a stop request ends the run after the current file, committed", "[index]") {
    Incremental idx;
    for (int i = 0; i < 10; ++i) {
        write_file(idx.docs / ("d" + std::to_string(i) + ".txt"),
                   "Doc " + std::to_string(i) + "\n\nwords");
    }
    std::atomic<int> stop{0};
    const auto s = idx.run(false, 2, &stop, [&](const index::Progress& p) {
        if (p.files_done == 3) {
            stop = SIGTERM;
        }
    });
    CHECK(s.stopped_by == SIGTERM);
    CHECK(s.files_done == 3);
    CHECK(s.files_total == 10);
    CHECK(s.added == 3);
    CHECK(Xapian::Database(idx.db).get_doccount() == 3);
    const auto rest = idx.run();  // converges, and deletes nothing it did not see
    CHECK(counts(rest) == "new 7, updated 0, unchanged 3, deleted 0, skipped 0");
}

TEST_CASE("a second writer is refused at once with exit 75", "[index]") {
    Incremental idx;
    write_file(idx.docs / "a.txt", "Alpha\n\none");
    (void)idx.run();
    Xapian::WritableDatabase holder(idx.db, Xapian::DB_OPEN);
    try {
        (void)idx.run();
        FAIL("expected IndexError");
    } catch (const IndexError& e) {
        CHECK(e.code() == ExitCode::TempFail);
        CHECK_THAT(e.what(), Catch::Contains("database is being updated by another process"));
    }
}

TEST_CASE("when a run compacts the index", "[index][compaction]") {
    using index::CompactPolicy;
    struct Example {
        CompactPolicy policy;
        std::size_t changes;
        std::size_t documents;
        bool compacts;
    };
    const Example examples[] = {
        {CompactPolicy::Auto, 0, 0, false},           // nothing written
        {CompactPolicy::Auto, 999, 999, false},       // a small index: not worth it
        {CompactPolicy::Auto, 1000, 1000, true},      // a first large run
        {CompactPolicy::Auto, 5000, 50000, true},     // 10% of the index changed
        {CompactPolicy::Auto, 4999, 50000, false},    // a daily run of a few changes
        {CompactPolicy::Auto, 3000, 2000, true},      // many deletions
        {CompactPolicy::Always, 1, 50000, true},      // --compact always: whenever it wrote
        {CompactPolicy::Always, 0, 50000, false},     // ... but not a run that wrote nothing
        {CompactPolicy::Never, 50000, 50000, false},  // --compact never
    };
    for (const Example& e : examples) {
        CAPTURE(static_cast<int>(e.policy), e.changes, e.documents);
        CHECK(index::wants_compaction(e.policy, e.changes, e.documents) == e.compacts);
    }
}

TEST_CASE(
    "compaction rewrites the index smaller with the same documents, and a killed one's "
    "folder goes at the next run",
    "[index][compaction]") {
    Incremental idx;
    for (int i = 0; i < 60; ++i) {
        write_file(idx.docs / ("d" + std::to_string(i) + ".txt"),
                   "Report " + std::to_string(i) +
                       "\n\nData governance and trusted data flows, item " + std::to_string(i) +
                       ". 個人情報保護委員会はデータ政策について議論した。");
    }
    idx.compact = index::CompactPolicy::Always;
    const auto first = idx.run(false, 7);  // batches of 7 leave blocks half full
    REQUIRE(first.compaction.has_value());
    CHECK(first.compaction->done);
    CHECK(first.compaction->why_not.empty());
    CHECK(first.compaction->bytes_after < first.compaction->bytes_before);
    CHECK(first.compaction->bytes_after == index::folder_bytes(idx.db));
    CHECK_FALSE(fs::exists(index::compaction_folder(idx.db)));
    const Xapian::Database db(idx.db);
    CHECK(db.get_doccount() == 60);
    CHECK(db.get_metadata("seisaku.schema").size() > 0);  // metadata survives
    CHECK(db.get_termfreq("Zgovern") == 60);

    // An unchanged re-run writes nothing, so it does not compact either.
    const auto again = idx.run();
    CHECK_FALSE(again.wrote);
    CHECK_FALSE(again.compaction.has_value());

    // A compaction killed before or after its exchange leaves its folder; the next writer
    // removes it, and the index was whole all along.
    fs::create_directories(index::compaction_folder(idx.db));
    write_file(index::compaction_folder(idx.db) / "postlist.glass", "half written");
    write_file(idx.docs / "d0.txt", "Report 0\n\nEdited.");
    idx.compact = index::CompactPolicy::Never;
    const auto edit = idx.run();
    CHECK(counts(edit) == "new 0, updated 1, unchanged 59, deleted 0, skipped 0");
    CHECK_FALSE(edit.compaction.has_value());
    CHECK_FALSE(fs::exists(index::compaction_folder(idx.db)));
    CHECK(Xapian::Database(idx.db).get_doccount() == 60);
}

TEST_CASE("a compaction that cannot happen leaves the folder as it was and says why",
          "[index][compaction]") {
    test::TempDir tmp;
    const fs::path not_an_index = fs::path(tmp.path()) / "notes";
    write_file(not_an_index / "readme.txt", "not a database");
    const index::CompactionResult r = index::compact_index(not_an_index);
    CHECK_FALSE(r.done);
    CHECK_THAT(r.why_not, Catch::Contains("type of database"));
    CHECK(fs::exists(not_an_index / "readme.txt"));
    CHECK_FALSE(fs::exists(index::compaction_folder(not_an_index)));
}
