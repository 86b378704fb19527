// SPDX-License-Identifier: MIT
// Cases of ../shared/docs/BAD-INPUTS.md that need the whole indexer or searcher in one
// process: hostile bytes and entity references never make an invalid term (I2, I7, I17, D14),
// files that change during a run (I22), duplicates (I26), empty files (I1), an exception in
// the middle of a run (D3), and a reader whose revision is overwritten (D6).
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "describe.hpp"
#include "index/index_run.hpp"
#include "search/searcher.hpp"
#include "text/utf8.hpp"

using namespace seisaku;
namespace fs = std::filesystem;

namespace {

using test::write_file;

/// An indexed folder (one job), with what these tests ask of it.
struct Run : test::IndexedFolder {
    Run() { options.jobs = 1; }

    [[nodiscard]] std::size_t hits(const std::string& query) const {
        search::Searcher s(db, test::test_analyzer());
        search::SearchRequest r;
        r.query = query;
        r.expand = false;
        return s.search(r).total;
    }

    /// The message of the event about `id` of this kind, or "(none)".
    [[nodiscard]] std::string message(const std::string& id, index::FileEvent::Kind kind) const {
        for (const auto& e : events) {
            if (e.id == id && e.kind == kind) {
                return e.message;
            }
        }
        return "(none)";
    }
};

/// A deterministic run of base64 letters: one "word" with no space in it.
std::string base64_word(std::size_t bytes) {
    static constexpr std::string_view letters =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve(bytes);
    std::uint32_t x = 12345;
    for (std::size_t i = 0; i < bytes; ++i) {
        x = x * 1103515245U + 12345U;
        out += letters[(x >> 16) % letters.size()];
    }
    return out;
}

}  // namespace

TEST_CASE("I2 I7 I17 D14: hostile bytes, references and long values never make a bad term",
          "[bad-inputs]") {
    Run r;
    // I2: a lone byte, a truncated sequence, an overlong form and a surrogate, then words.
    write_file(
        r.docs / "bad.txt",
        "Bad bytes\n\nbefore \xFF middle \xE3\x81 then \xC0\xAF and \xED\xA0\x80 afterword\n");
    // I17: character references to NUL, a surrogate and past U+10FFFF.
    write_file(r.docs / "refs.html",
               "<html><head><title>Refs &#0; &#xD800; &#x110000;</title></head>"
               "<body><p>zero &#0; surrogate &#xD800; beyond &#x110000; refword</p></body></html>");
    // I7: a 1 MB "word" (base64) and one plain word.
    write_file(r.docs / "b64.txt", "Base64\n\n" + base64_word(1 << 20) + " plainword\n");
    // D14: metadata values of 300 bytes become boolean terms (issuer, type, topic).
    const std::string long_value(300, 'k');
    write_file(r.docs / "meta.md", "---\ntitle: Meta\nissuer: " + long_value +
                                       "\ntype: " + long_value + "\ntopics: [" + long_value +
                                       "]\n---\nmetaword\n");
    const auto s = r.run();
    CHECK(s.added == 4);
    CHECK(s.skipped == 0);
    CHECK(r.message("docs/bad.txt", index::FileEvent::Kind::Warning)
              .find("invalid UTF-8 sequences replaced by U+FFFD") != std::string::npos);

    const Xapian::Database db(r.db);
    std::size_t terms = 0;
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
        const std::string& term = *t;
        INFO(term.substr(0, 80));
        REQUIRE_FALSE(term.empty());
        REQUIRE(text::is_valid(term));
        REQUIRE(term.size() <= 245);  // Xapian's limit for a term in a glass table
        ++terms;
    }
    CHECK(terms > 20);
    for (const char* word : {"before", "afterword", "refword", "plainword", "metaword"}) {
        INFO(word);
        CHECK(r.hits(word) == 1);
    }
}

TEST_CASE("I22: a file removed or replaced by a FIFO during the run is skipped, nothing blocks",
          "[bad-inputs]") {
    Run r;
    for (const char* name : {"a.txt", "b.txt", "c.txt", "d.txt"}) {
        write_file(r.docs / name, std::string("Doc ") + name + "\n\nwords");
    }
    // Files are handed out in path order, and the progress callback runs as each one is:
    // while a.txt is, b.txt and c.txt are listed but not yet opened.
    r.options.on_progress = [&](const index::Progress& p) {
        if (p.files_done == 1) {
            fs::remove(r.docs / "b.txt");
            fs::remove(r.docs / "c.txt");
            REQUIRE(::mkfifo((r.docs / "c.txt").c_str(), 0600) == 0);
        }
    };
    const auto s = r.run();
    CHECK(s.added == 2);
    CHECK(s.skipped == 2);
    CHECK(s.skipped_by[static_cast<std::size_t>(index::SkipReason::Unreadable)] == 1);
    CHECK(s.skipped_by[static_cast<std::size_t>(index::SkipReason::NotRegular)] == 1);
    CHECK(r.message("docs/b.txt", index::FileEvent::Kind::Skipped).starts_with("cannot open"));
    CHECK(r.message("docs/c.txt", index::FileEvent::Kind::Skipped) ==
          "not a regular file (replaced during the run)");
    CHECK(Xapian::Database(r.db).get_doccount() == 2);
}

TEST_CASE("I26: the same content at two paths is two documents", "[bad-inputs]") {
    Run r;
    write_file(r.docs / "a.txt", "Twin\n\ntwinword text\n");
    write_file(r.docs / "copy/a2.txt", "Twin\n\ntwinword text\n");
    CHECK(r.run().added == 2);
    CHECK(r.hits("twinword") == 2);
}

TEST_CASE("I1: an empty file is indexed under its name, with a warning", "[bad-inputs]") {
    Run r;
    write_file(r.docs / "empty.txt", "");
    const auto s = r.run();
    CHECK(s.added == 1);
    CHECK(s.warnings == 1);
    CHECK(r.message("docs/empty.txt", index::FileEvent::Kind::Warning) ==
          "empty file (0 bytes): indexed under its file name");
    CHECK(Xapian::Database(r.db).term_exists("Qdocs/empty.txt"));
}

TEST_CASE("D3: an exception in the middle of a run leaves the index at its last commit",
          "[bad-inputs]") {
    Run r;
    for (int i = 0; i < 10; ++i) {
        write_file(r.docs / ("d" + std::to_string(i) + ".txt"),
                   "Doc " + std::to_string(i) + "\n\nx");
    }
    r.options.commit_every = 2;
    int added = 0;
    CHECK_THROWS_WITH(
        index::run_index(r.options,
                         [&](const index::FileEvent& e) {
                             if (e.kind == index::FileEvent::Kind::Added && ++added == 3) {
                                 throw std::runtime_error("injected");
                             }
                         }),
        "injected");
    CHECK(Xapian::Database(r.db).get_doccount() == 2);  // the open batch was cancelled
    const auto rest = r.run();                          // and a re-run converges
    CHECK(rest.added == 8);
    CHECK(rest.unchanged == 2);
    CHECK(Xapian::Database(r.db).get_doccount() == 10);
}

TEST_CASE("D6: a searcher whose revision was overwritten reopens and answers correctly",
          "[bad-inputs]") {
    Run r;
    const auto add = [&](int from, int count) {
        for (int i = from; i < from + count; ++i) {
            write_file(r.docs / ("d" + std::to_string(i) + ".txt"),
                       "Doc " + std::to_string(i) + "\n\npolicy text number " + std::to_string(i));
        }
        (void)r.run();
    };
    add(0, 300);
    search::Searcher searcher(r.db, test::test_analyzer());
    search::SearchRequest request;
    request.query = "policy";
    request.expand = false;
    CHECK(searcher.search(request).total == 300);
    const Xapian::Database stale(r.db);  // opened at the same revision, never reopened
    (void)stale.get_doccount();
    for (int round = 0; round < 3; ++round) {  // three more commits free its blocks for reuse
        add(300 + 100 * round, 100);
    }
    // Xapian's databasemodified1 recipe: the old revision is gone under the stale reader.
    CHECK_THROWS_AS(
        [&] {
            for (Xapian::docid id = 1; id <= 300; ++id) {
                for (auto t = stale.termlist_begin(id); t != stale.termlist_end(id); ++t) {
                }
            }
        }(),
        Xapian::DatabaseModifiedError);
    CHECK(searcher.search(request).total == 600);
}
