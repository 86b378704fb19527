// SPDX-License-Identifier: MIT
// A folder's metadata file (document/sidecar): formats, per-line problems, limits, and what an
// indexing run makes of it (index/folder_context): applied where the file says nothing,
// applied again when only it changed.
#include <catch2/catch.hpp>
#include <xapian.h>

#include <algorithm>

#include "describe.hpp"
#include "document/sidecar.hpp"
#include "index/index_run.hpp"
#include "schema/schema.hpp"
#include "schema/stored_record.hpp"

using namespace seisaku;
using document::SidecarFile;

namespace {

const std::unordered_set<std::string> documents = {"f/a.md", "f/b.md", "f/c.txt", "f/sub/d.html"};

document::Sidecars read(const std::string& name, const std::string& bytes,
                        const document::SidecarLimits& limits = {}) {
    return document::read_sidecars({SidecarFile{"f", "f/" + name, bytes}}, documents, limits);
}

/// "where: message" lines.
std::vector<std::string> problems(const document::Sidecars& s) {
    std::vector<std::string> out;
    for (const auto& p : s.problems) {
        out.push_back(p.where + ": " + p.message);
    }
    return out;
}

document::Document stored(const std::string& db, const std::string& id) {
    const Xapian::Database d(db);
    const Xapian::PostingIterator p = d.postlist_begin("Q" + id);
    REQUIRE(p != d.postlist_end("Q" + id));
    return schema::decode_record(d.get_document(*p).get_data());
}

}  // namespace

TEST_CASE("metadata files: TSV, CSV and JSON Lines give the same rows", "[metadata]") {
    const std::string tsv =
        "# our corpus\nfile\ttitle\tdate\tlang\tissuer\ttopics\tsource_url\tparallel_of\tlicense\n"
        "a.md\tJoint Statement\t2024-04-30\ten\tEuropean Commission\tdfft, ai\t"
        "https://example.org/a\tb.md\tCC BY\n"
        "b.md\t共同声明\t令和6年4月30日\tja\t\t\t\ta.md\n";
    const std::string csv =
        "File,Title,Date,Language,Publisher,Keywords,URL,Translation of\n"
        "a.md,\"Joint Statement\",2024-04-30,English,European Commission,\"dfft, ai\","
        "https://example.org/a,b.md\n"
        "b.md,共同声明,令和6年4月30日,日本語,,,,a.md\n";
    const std::string jsonl =
        "{\"file\": \"a.md\", \"title\": \"Joint Statement\", \"date\": \"2024-04-30\", "
        "\"lang\": \"en\", \"issuer\": \"European Commission\", \"topics\": [\"dfft\", \"ai\"], "
        "\"source_url\": \"https://example.org/a\", \"translation_of\": \"b.md\"}\n"
        "{\"file\": \"./b.md\", \"title\": \"共同声明\", \"date\": \"令和6年4月30日\", \"lang\": "
        "\"ja\", \"translation_of\": \"a.md\"}\n";
    for (const auto& [name, bytes] :
         {std::pair{"metadata.tsv", tsv}, std::pair{"manifest.csv", csv},
          std::pair{"seisaku-metadata.jsonl", jsonl}}) {
        INFO(name);
        const document::Sidecars s = read(name, bytes);
        CHECK(problems(s).empty());
        CHECK(s.rows == 2);
        REQUIRE(s.by_id.contains("f/a.md"));
        const document::FileMetadata& a = s.by_id.at("f/a.md");
        CHECK(a.title == "Joint Statement");
        CHECK(a.date == "2024-04-30");
        CHECK(a.lang == "en");
        CHECK(a.issuer == "European Commission");
        CHECK(a.topics == std::vector<std::string>{"dfft", "ai"});
        CHECK(a.source_url == "https://example.org/a");
        const document::FileMetadata& b = s.by_id.at("f/b.md");
        CHECK(b.date == "2024-04-30");
        CHECK(b.lang == "ja");
        // a translation group shares one key
        CHECK(!a.translation_key.empty());
        CHECK(a.translation_key == b.translation_key);
        CHECK(a.hash() != b.hash());
    }
    CHECK(document::is_sidecar_name("MANIFEST.tsv"));
    CHECK(document::is_sidecar_name("Metadata.CSV"));
    CHECK(document::is_sidecar_name("seisaku-metadata.jsonl"));
    CHECK_FALSE(document::is_sidecar_name("metadata.txt"));
    CHECK_FALSE(document::is_sidecar_name("my-manifest.tsv"));
}

TEST_CASE("metadata files: each bad row is named with its line and why, the rest applies",
          "[metadata][bad-inputs]") {
    const std::string tsv =
        "file\ttitle\tdate\tlang\tsource_url\ttranslation_of\n"
        "a.md\tGood\t2024-04-30\ten\t\t\n"                 // 2
        "missing.md\tNo such file\t\t\t\t\n"               // 3
        "../../etc/passwd\tOutside\t\t\t\t\n"              // 4
        "/abs/path.md\tAbsolute\t\t\t\t\n"                 // 5
        "a.md\tTwice\t\t\t\t\n"                            // 6
        "b.md\tBad date\t2024-02-30\tfr\tftp://x\tb.md\n"  // 7
        "c.txt\tToo\tmany\tfields\there\tx\ty\n"           // 8
        "\tNo file\t\t\t\t\n"                              // 9
        "sub/d.html\tFiscal\t令和5年度\t\t\tnope.md\n";    // 10
    const document::Sidecars s = read("metadata.tsv", tsv);
    CHECK(problems(s) ==
          std::vector<std::string>{
              "f/metadata.tsv:3: no document \"missing.md\" in this folder (missing, skipped, or "
              "not .txt, .md, .html or .pdf); row ignored",
              "f/metadata.tsv:4: \"../../etc/passwd\" is outside the metadata file's folder; row "
              "ignored",
              "f/metadata.tsv:5: \"/abs/path.md\" is outside the metadata file's folder; row "
              "ignored",
              "f/metadata.tsv:6: \"a.md\" has a row already (f/metadata.tsv:2); row ignored",
              "f/metadata.tsv:7: date \"2024-02-30\" is not a day, month or year; date ignored",
              "f/metadata.tsv:7: language \"fr\" is not English or Japanese; language ignored",
              "f/metadata.tsv:7: source URL is not http(s); ignored",
              "f/metadata.tsv:7: a file cannot be its own translation; ignored",
              "f/metadata.tsv:8: 7 fields, but the header has 6; row ignored",
              "f/metadata.tsv:9: no file named; row ignored",
              "f/metadata.tsv:10: date \"令和5年度\" is not a day, month or year; date ignored",
              "f/metadata.tsv:10: translation of \"nope.md\": no such document in this folder; "
              "translation ignored",
          });
    CHECK(s.rows == 3);
    CHECK(s.by_id.at("f/a.md").title == "Good");
    CHECK(s.by_id.at("f/b.md").title == "Bad date");
    CHECK(s.by_id.at("f/b.md").date.empty());
    CHECK(s.by_id.at("f/sub/d.html").title == "Fiscal");
}

TEST_CASE("metadata files: translation cycles, headers, binary data and limits",
          "[metadata][bad-inputs]") {
    const auto cycle =
        read("metadata.tsv", "file\ttranslation_of\na.md\tb.md\nb.md\tc.txt\nc.txt\ta.md\n");
    CHECK(cycle.problems.size() == 3);
    for (const auto& p : cycle.problems) {
        CHECK(p.message.find("cycle") != std::string::npos);
    }
    CHECK(cycle.by_id.at("f/a.md").translation_key.empty());
    // a pair that names each other is no cycle
    const auto pair = read("metadata.tsv", "file\ttranslation_of\na.md\tb.md\nb.md\ta.md\n");
    CHECK(pair.problems.empty());
    CHECK(pair.by_id.at("f/a.md").translation_key == "~f/a.md");
    // a row's own key names its group; the file translated gets it without a row
    const auto keyed =
        read("metadata.tsv", "file\ttranslation_of\ttranslation_key\na.md\tb.md\tdpc-2024\n");
    CHECK(keyed.by_id.at("f/b.md").translation_key == "dpc-2024");

    CHECK(problems(read("metadata.tsv", "title\tdate\nx\ty\n")) ==
          std::vector<std::string>{"f/metadata.tsv:1: the header names no file column (file, "
                                   "path or filename); the metadata file is not read"});
    CHECK(
        problems(read("metadata.tsv", "")) ==
        std::vector<std::string>{"f/metadata.tsv: no header line; the metadata file is not read"});
    std::string binary = "file\ttitle\na.md\tx\n";
    binary += std::string(64, '\0');
    CHECK(problems(read("metadata.tsv", binary)) ==
          std::vector<std::string>{
              "f/metadata.tsv: binary data (NUL bytes); the metadata file is not read"});
    const auto bad_json = read("metadata.jsonl",
                               "{\"file\": \"a.md\"}\nnot json\n[1,2]\n"
                               "{\"file\": \"b.md\", \"title\": 3}\n");
    CHECK(problems(bad_json) ==
          std::vector<std::string>{"f/metadata.jsonl:2: not a JSON object; row ignored",
                                   "f/metadata.jsonl:3: not a JSON object; row ignored",
                                   "f/metadata.jsonl:4: \"title\" is not a string; row ignored"});
    CHECK(bad_json.rows == 1);
    document::SidecarLimits small;
    small.max_bytes = 100;
    CHECK(read("metadata.tsv", std::string(200, 'x'), small).problems.size() == 1);
    small.max_bytes = 1 << 20;
    small.max_field_bytes = 10;
    CHECK(problems(read("metadata.tsv", "file\ttitle\na.md\t" + std::string(11, 'x') + "\n", small))
              .front()
              .find("a field of 11 bytes") != std::string::npos);
}

TEST_CASE("metadata files: 100,000 rows are read, each unknown file named once",
          "[metadata][bad-inputs]") {
    std::string tsv = "file\ttitle\na.md\tThe one\n";
    for (int i = 0; i < 100000; ++i) {
        tsv += "nope" + std::to_string(i) + ".md\tx\n";
    }
    const document::Sidecars s = read("metadata.tsv", tsv);
    CHECK(s.rows == 1);
    CHECK(s.problems.size() == 100000);
    CHECK(s.by_id.at("f/a.md").title == "The one");
    document::SidecarLimits few;
    few.max_rows = 10;
    const document::Sidecars cut = read("metadata.tsv", tsv, few);
    CHECK(cut.problems.back().message == "more than 10 rows; the rest of the file is ignored");
}

TEST_CASE("a folder's metadata applies where the file says nothing, and again when it changes",
          "[metadata][index]") {
    test::IndexedFolder f;
    test::write_file(f.docs / "a.txt", "Plain title\n\nBody text about data.");
    test::write_file(f.docs / "b.md", "---\ntitle: Own title\n---\nBody.");
    test::write_file(f.docs / "metadata.tsv",
                     "file\ttitle\tdate\tissuer\nb.md\tSidecar title\t2024-04-30\tCommission\n"
                     "a.txt\tFrom the sidecar\t2023\tAgency\n");
    index::IndexSummary s = f.run();
    CHECK(s.added == 2);
    CHECK(s.metadata_files == 1);
    CHECK(s.metadata_rows == 2);
    CHECK(s.skipped == 0);  // the metadata file is not a skipped document
    document::Document a = stored(f.db, "docs/a.txt");
    CHECK(a.title == "From the sidecar");
    CHECK(a.date == "2023");
    CHECK(a.date_source == "sidecar");
    CHECK(a.issuer == "Agency");
    const document::Document b = stored(f.db, "docs/b.md");
    CHECK(b.title == "Own title");  // front matter wins
    CHECK(b.date == "2024-04-30");
    // unchanged: nothing read again; the metadata file alone changes: its documents are
    test::write_file(f.docs / "metadata.tsv",
                     "file\ttitle\tdate\tissuer\nb.md\tSidecar title\t2024-04-30\tCommission\n"
                     "a.txt\tNew title\t2023\tAgency\n");
    s = f.run();
    CHECK(s.updated == 1);
    CHECK(s.unchanged == 1);
    CHECK(stored(f.db, "docs/a.txt").title == "New title");
    s = f.run();
    CHECK(s.updated == 0);
    CHECK_FALSE(s.wrote);
    // its row gone: the document is made again from its own text
    test::write_file(f.docs / "metadata.tsv", "file\ttitle\nb.md\tSidecar title\n");
    s = f.run();
    CHECK(s.updated == 2);  // a.txt lost its row, b.md's row changed
    a = stored(f.db, "docs/a.txt");
    CHECK(a.title == "Plain title");
    CHECK(a.date.empty());
}

TEST_CASE("a bad metadata file is reported line by line and the folder is indexed",
          "[metadata][index][bad-inputs]") {
    test::IndexedFolder f;
    test::write_file(f.docs / "a.txt", "A\n\ntext");
    test::write_file(f.docs / "manifest.tsv",
                     "file\ttitle\n../outside.txt\tX\nmissing.txt\tY\na.txt\tGood\n");
    const index::IndexSummary s = f.run();
    CHECK(s.added == 1);
    CHECK(s.warnings == 2);
    std::vector<std::string> warnings;
    for (const auto& e : f.events) {
        if (e.kind == index::FileEvent::Kind::Warning) {
            warnings.push_back(e.id);
        }
    }
    CHECK(warnings == std::vector<std::string>{"docs/manifest.tsv:2", "docs/manifest.tsv:3"});
    CHECK(stored(f.db, "docs/a.txt").title == "Good");
}
