// SPDX-License-Identifier: MIT
// PDF text through seisaku-pdftext in a child process under limits (BAD-INPUTS I23). The PDFs
// are written here, byte by byte, with correct cross-reference offsets: no tool, no network.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>

#include "describe.hpp"
#include "document/outline.hpp"
#include "document/pdf_text.hpp"
#include "document/reader.hpp"
#include "error.hpp"
#include "search/searcher.hpp"

using namespace seisaku;
using document::Format;

namespace {

/// One page: its content stream as stored, and what goes into the stream's dictionary.
struct PdfPage {
    std::string content;
    std::string stream_keys;  ///< e.g. "/Filter /FlateDecode"
};

/// A content stream that writes each line in 12 pt Helvetica, one below the other.
PdfPage text_page(const std::vector<std::string>& lines) {
    std::string c = "BT /F1 12 Tf 72 720 Td 14 TL\n";
    for (const std::string& line : lines) {
        c += '(';
        for (const char ch : line) {
            if (ch == '(' || ch == ')' || ch == '\\') {
                c += '\\';
            }
            c += ch;
        }
        c += ") Tj T*\n";
    }
    return {c + "ET\n", ""};
}

struct PdfSpec {
    std::vector<PdfPage> pages;
    std::string title;                       ///< the Info dictionary's /Title, when not empty
    std::vector<std::string> extra_objects;  ///< numbered after the others
    std::string trailer_keys;                ///< more keys of the trailer
};

/// A PDF 1.4 file: catalog 1, page tree 2, font 3, info 4, then page and content objects.
std::string build_pdf(const PdfSpec& spec) {
    std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                                        "<< /Title (" + spec.title + ") >>"};
    std::string kids;
    for (const PdfPage& page : spec.pages) {
        const std::size_t page_number = objects.size() + 1;
        kids += std::to_string(page_number) + " 0 R ";
        objects.push_back(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            "/Resources << /Font << /F1 3 0 R >> >> /Contents " +
            std::to_string(page_number + 1) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(page.content.size()) + " " +
                          page.stream_keys + " >>\nstream\n" + page.content + "\nendstream");
    }
    objects[1] =
        "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(spec.pages.size()) + " >>";
    objects.insert(objects.end(), spec.extra_objects.begin(), spec.extra_objects.end());

    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t offset : offsets) {
        const std::string digits = std::to_string(offset);
        pdf += std::string(10 - digits.size(), '0') + digits + " 00000 n \n";
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R" +
           (spec.title.empty() ? "" : " /Info 4 0 R") + " " + spec.trailer_keys +
           " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

std::string make_pdf(const std::vector<PdfPage>& pages, const std::string& title = {}) {
    return build_pdf({pages, title, {}, ""});
}

/// A zlib stream (fixed-Huffman deflate) of `seed` followed by `repeats` copies of 258 bytes
/// that repeat the seed: 15 bits for every 258 bytes, a 1:137 "bomb" made without zlib.
std::string deflate_bomb(const std::string& seed, std::size_t repeats) {
    std::string out = "\x78\x01";
    std::uint32_t bits = 0;
    int count = 0;
    const auto put = [&](std::uint32_t value, int n) {  // least significant bit first
        for (int i = 0; i < n; ++i) {
            bits |= ((value >> i) & 1U) << count;
            if (++count == 8) {
                out += static_cast<char>(bits);
                bits = 0;
                count = 0;
            }
        }
    };
    const auto code = [&](std::uint32_t value, int n) {  // Huffman codes: most significant first
        for (int i = n - 1; i >= 0; --i) {
            put((value >> i) & 1U, 1);
        }
    };
    put(1, 1);  // the final block
    put(1, 2);  // fixed Huffman codes
    for (const char ch : seed) {
        const auto b = static_cast<unsigned char>(ch);
        b < 144 ? code(0x30U + b, 8) : code(0x190U + b - 144, 9);
    }
    REQUIRE(seed.size() >= 9);
    REQUIRE(seed.size() <= 12);  // distance code 6: 9..12 with 2 extra bits
    for (std::size_t i = 0; i < repeats; ++i) {
        code(0xC0 + 5, 8);  // length code 285: 258 bytes
        code(6, 5);
        put(static_cast<std::uint32_t>(seed.size() - 9), 2);
    }
    code(0, 7);  // end of block
    put(0, 7);
    return out + std::string(4, '\0');  // Adler-32 left zero: readers stop at the block's end
}

document::Document read_pdf(const std::string& bytes, const document::ReadOptions& options = {}) {
    return document::read_document(bytes, Format::Pdf, "docs/a.pdf", "a.pdf", options);
}

/// The reason a PDF is skipped, or "read" when it is not.
std::string outcome(const std::string& bytes, const document::ReadOptions& options = {}) {
    try {
        (void)read_pdf(bytes, options);
        return "read";
    } catch (const CorpusError& e) {
        return e.what();
    }
}

/// A stand-in extractor: a shell script in `dir`.
std::string script(const test::TempDir& dir, const std::string& name, const std::string& body) {
    const std::string path = dir.path() + "/" + name;
    std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
    std::filesystem::permissions(path, std::filesystem::perms::owner_all);
    return path;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("PDF: .pdf is a format, and its text is read page by page", "[pdf]") {
    CHECK(document::format_for("Report.PDF") == Format::Pdf);
    const std::string pdf =
        make_pdf({text_page({"Quarterly Report (draft)", "First page text."}),
                  text_page({"Second page about semiconductors."}), text_page({"Third page."})});
    const document::PdfText text = document::extract_pdf_text(pdf);
    CHECK(text.title.empty());
    REQUIRE(text.pages.size() == 3);
    CHECK(text.pages[1].find("Second page about semiconductors.") != std::string::npos);

    const document::Document d = read_pdf(pdf);
    CHECK(d.format == "pdf");
    CHECK(d.title == "Quarterly Report (draft)");  // no metadata title: the first line
    CHECK(d.lang == "en");
    CHECK(d.body ==
          "\nQuarterly Report (draft)\nFirst page text.\n"
          "\nSecond page about semiconductors.\n"
          "\nThird page.");
    const std::vector<document::Heading> pages = {
        {0, 1, "Page 1"}, {43, 1, "Page 2"}, {78, 1, "Page 3"}};
    CHECK(d.headings == pages);
    // Each page's text is a paragraph of its own under its page.
    const auto paragraphs = document::paragraphs(d.body, d.headings);
    REQUIRE(paragraphs.size() == 3);
    CHECK(document::heading_path(d.headings, paragraphs[1].begin) ==
          std::vector<std::string>{"Page 2"});
    CHECK(d.warnings.empty());
}

TEST_CASE("PDF: the metadata title wins, and no line break or form feed gets through", "[pdf]") {
    PdfSpec spec{{text_page({"Body line"})}, "Digital \\f Partnership\\nCouncil", {}, ""};
    const document::Document d = read_pdf(build_pdf(spec));
    CHECK(d.title == "Digital Partnership Council");
    CHECK(d.headings.size() == 1);

    CHECK(document::parse_pdf_output("T\n\fa\f\fb").pages ==
          std::vector<std::string>{"a", "", "b"});
    CHECK_THROWS_WITH(document::parse_pdf_output("no pages"),
                      "PDF text extractor wrote no pages, not indexed");
    std::vector<document::Heading> headings;
    CHECK(document::pdf_body({"a", "", "b\n\n"}, headings).text == "\na\n\n\n\nb");
    CHECK(headings ==
          std::vector<document::Heading>{{0, 1, "Page 1"}, {3, 1, "Page 2"}, {5, 1, "Page 3"}});
}

TEST_CASE("PDF: hostile files are skipped with a reason, in bounded time", "[pdf]") {
    const std::string good = make_pdf({text_page({"One"}), text_page({"Two"})});
    std::mt19937 random(23);
    std::string noise(20000, '\0');
    for (char& c : noise) {
        c = static_cast<char>(random());
    }
    PdfSpec encrypted{
        {text_page({"Secret"})}, "", {}, "/Encrypt 7 0 R /ID [<00112233> <00112233>]"};
    encrypted.extra_objects.push_back("<< /Filter /Standard /V 1 /R 2 /P -4 /O <" +
                                      std::string(64, 'a') + "> /U <" + std::string(64, 'b') +
                                      "> >>");
    PdfSpec blank{{text_page({})}, "", {}, ""};
    struct Row {
        std::string name;
        std::string bytes;
        std::string reason;
    };
    const std::vector<Row> rows = {
        {"random bytes", noise, "not a PDF, or a damaged one, not indexed"},
        {"empty file", "", "not a PDF, or a damaged one, not indexed"},
        {"only the header", good.substr(0, 40), "not a PDF, or a damaged one, not indexed"},
        {"encrypted", build_pdf(encrypted), "encrypted PDF (a password is needed), not indexed"},
        {"no pages", make_pdf({}), "PDF has no pages, not indexed"},
        {"no text", build_pdf(blank), "PDF has no text (scanned pages?), not indexed"},
    };
    for (const Row& row : rows) {
        INFO(row.name);
        CHECK(outcome(row.bytes) == row.reason);
    }
    // Cut in the middle: poppler may rebuild what is left, or give up; never more than that.
    for (std::size_t cut = good.size() / 4; cut < good.size(); cut += good.size() / 4) {
        INFO(cut);
        const std::string result = outcome(good.substr(0, cut));
        CHECK((result == "read" || result.ends_with("not indexed")));
    }
}

TEST_CASE("PDF: a decompression bomb and 10,000 pages end within the limits", "[pdf]") {
    document::ReadOptions options;
    options.pdf.cpu_seconds = 3;
    options.pdf.wall_ms = 6000;
    options.pdf.memory_bytes = std::size_t{256} << 20;

    // 128 MiB of "(bomb) Tj " from a 1 MiB stream.
    const PdfPage bomb{deflate_bomb("(bomb) Tj ", 520'000), "/Filter /FlateDecode"};
    const std::string bomb_pdf = make_pdf({text_page({"Harmless first page"}), bomb});
    auto start = std::chrono::steady_clock::now();
    const std::string result = outcome(bomb_pdf, options);
    INFO(result);
    CHECK(result.ends_with("not indexed"));
    CHECK(seconds_since(start) < 9.0);

    PdfSpec many;
    for (int i = 1; i <= 10'000; ++i) {
        many.pages.push_back(text_page({"Leaf " + std::to_string(i)}));
    }
    start = std::chrono::steady_clock::now();
    const document::Document d = read_pdf(build_pdf(many), options);  // under a second
    REQUIRE(d.headings.size() == 10'000);
    CHECK(d.headings.back().text == "Page 10000");
    CHECK(d.body.substr(d.headings.back().offset) == "\nLeaf 10000");
    CHECK(seconds_since(start) < 9.0);
}

TEST_CASE("PDF: each limit stops the extractor and names itself", "[pdf]") {
    const test::TempDir dir;
    const std::string pdf = make_pdf({text_page({"x"})});
    document::ReadOptions options;
    options.pdf.wall_ms = 1500;
    options.pdf.cpu_seconds = 1;
    options.pdf.max_output_bytes = 64 << 10;
    struct Row {
        std::string script;
        std::string reason;
    };
    const std::vector<Row> rows = {
        {"exec sleep 60", "PDF took more than 1500 ms to read, not indexed"},
        {"sleep 60 & exec sleep 60", "PDF took more than 1500 ms to read, not indexed"},
        {"exec yes", "PDF text is larger than 64 KiB, not indexed"},
        // (its wall-clock limit is raised below: a loaded machine gives it less than a core)
        {"while :; do :; done", "PDF took more than 1 s of CPU time to read, not indexed"},
        {"exec 1>&-; exec sleep 60", "PDF text extractor did not finish in time, not indexed"},
        {"kill -SEGV $$", "PDF text extractor crashed (SIGSEGV), not indexed"},
        {"exit 7", "PDF needs more than 512 MiB of memory to read, not indexed"},
        {"exit 9", "PDF text extractor failed (exit 9), not indexed"},
        {"cat >/dev/null; printf 'T\\n\\fpage one'", "read"},
    };
    int n = 0;
    for (const Row& row : rows) {
        INFO(row.script);
        options.pdf.extractor = script(dir, "x" + std::to_string(++n), row.script);
        options.pdf.wall_ms = row.script.starts_with("while") ? 20'000 : 1500;
        const auto start = std::chrono::steady_clock::now();
        CHECK(outcome(pdf, options) == row.reason);
        CHECK(seconds_since(start) < options.pdf.wall_ms / 1000.0 + 2.0);
    }
    options.pdf.extractor = dir.path() + "/missing";
    CHECK(outcome(pdf, options) == "cannot run the PDF text extractor \"" + dir.path() +
                                       "/missing\" (set SEISAKU_PDFTEXT), not indexed");
}

TEST_CASE("PDF: indexed, found by a word of page 2, the passage names the page", "[pdf]") {
    test::TempCorpus corpus;
    corpus.write("report.pdf", make_pdf({text_page({"Annual digital report"}),
                                         text_page({"Chapter two covers quantum sensing pilots."}),
                                         text_page({"Closing remarks."})},
                                        "Annual Digital Report"));
    corpus.write("broken.pdf", "%PDF-1.4\nnothing else");
    search::Searcher s(corpus.index(), test::test_analyzer());
    search::SearchRequest r;
    r.query = "quantum sensing";
    r.expand = false;
    const auto results = s.search(r);
    REQUIRE(results.hits.size() == 1);
    const search::Hit& hit = results.hits.front();
    CHECK(hit.path == "docs/report.pdf");
    CHECK(hit.title == "Annual Digital Report");
    CHECK(hit.passage.headings == std::vector<std::string>{"Page 2"});
    CHECK(hit.passage.paragraph == 2);
    CHECK(hit.snippet.text == "Chapter two covers quantum sensing pilots.");
}

TEST_CASE("PDF: Japanese lines a PDF wrapped are joined without a space", "[pdf]") {
    const std::string wrapped =
        "本報告書は、データ連携の取組を\n整理するとともに、今後の課題を示す。\n"
        "第１章　総則\n本章では目的を述べる。";
    // the first line is long enough to be wrapped text; "第１章　総則" is a heading, kept apart
    CHECK(document::join_wrapped_japanese(wrapped) ==
          "本報告書は、データ連携の取組を整理するとともに、今後の課題を示す。\n第１章　総則\n"
          "本章では目的を述べる。");
    // an English line break stays a break; so does one after 。
    CHECK(document::join_wrapped_japanese("Data spaces help\npartners share data.") ==
          "Data spaces help\npartners share data.");
    CHECK(document::join_wrapped_japanese("データ連携を進める方針を示した。\n次に課題を述べる。") ==
          "データ連携を進める方針を示した。\n次に課題を述べる。");
}

TEST_CASE("PDF: each page's language is decided apart, a bilingual PDF gets both", "[pdf]") {
    std::vector<document::Heading> headings;
    const document::PdfBody both =
        document::pdf_body({"Joint statement of the Council on data spaces and semiconductors.",
                            "データスペース及び半導体に関する理事会の共同声明。協力を進める。"},
                           headings);
    // both, the one with more characters first
    CHECK(both.languages == std::vector<std::string>{"en", "ja"});
    headings.clear();
    const document::PdfBody one =
        document::pdf_body({"English only text here.", "More English text."}, headings);
    CHECK(one.languages.empty());
    // through the reader (a stand-in extractor): found by lang:en and lang:ja
    const test::TempDir dir;
    document::ReadOptions options;
    options.pdf.extractor =
        script(dir, "bilingual",
               "printf 'Joint statement\\n\\fThe Council met on data "
               "spaces.\\n\\f理事会はデータスペースについて会合を開いた。協力を進める。\\n'");
    const document::Document d =
        document::read_document("%PDF-1.4", Format::Pdf, "x/b.pdf", "b.pdf", options);
    CHECK(d.languages.size() == 2);
    CHECK((d.lang == "en" || d.lang == "ja"));
    CHECK(d.body.find("理事会はデータスペース") != std::string::npos);
}
