// SPDX-License-Identifier: MIT
// Translation pairs found, not declared (document/pairing, index/translation_pairs): what
// file names say, what two texts share, and what an indexing run makes of them.
#include "document/pairing.hpp"

#include <catch2/catch.hpp>
#include <xapian.h>

#include "describe.hpp"
#include "index/index_run.hpp"
#include "schema/schema.hpp"

using namespace seisaku;

namespace {

std::string describe(const std::vector<document::NameKey>& keys) {
    std::string out;
    for (const document::NameKey& k : keys) {
        out += (out.empty() ? "" : " | ") + k.lang + ":" + k.key;
    }
    return out.empty() ? "-" : out;
}

std::string key_of(const std::string& db, const std::string& id) {
    const Xapian::Database d(db);
    const Xapian::PostingIterator p = d.postlist_begin("Q" + id);
    REQUIRE(p != d.postlist_end("Q" + id));
    return d.get_document(*p).get_value(schema::slot(schema::ValueSlot::TranslationKey));
}

/// A law chunk in English and in Japanese: its articles' numbers are the text's own.
std::string english_chunk(int first) {
    std::string t = "Act on Data (Act No. 57 of May 30, 2003)\n\n";
    for (int a = first; a < first + 4; ++a) {
        t += "(Caption " + std::to_string(a) + ")\nArticle " + std::to_string(a) +
             " (1) A business must keep records for " + std::to_string(a * 3 + 11) +
             " days, as Article " + std::to_string(a + 40) + " provides.\n\n";
    }
    return t;
}

std::string japanese_chunk(int first) {
    std::string t = "データに関する法律（平成十五年五月三十日法律第五十七号）\n\n";
    for (int a = first; a < first + 4; ++a) {
        t += "（見出し）\n第" + std::to_string(a) + "条　事業者は、" + std::to_string(a * 3 + 11) +
             "日間記録を保存しなければならない。第" + std::to_string(a + 40) +
             "条の定めるところによる。\n\n";
    }
    return t;
}

}  // namespace

TEST_CASE("what file names say of translations: a table of examples", "[pairing]") {
    const auto rows = test::read_table(TEST_DATA_DIR "/pairing/name_keys.tsv");
    REQUIRE(rows.size() > 10);
    for (const auto& row : rows) {
        INFO(row.at(0));
        CHECK(describe(document::name_keys(row.at(0))) == row.at(1));
    }
    // names one word apart are near: en-jp-ai-act ↔ ja-ai-act
    const auto near = document::name_keys("d/en-jp-ai-act-art1-17.txt");
    REQUIRE(near.size() == 1);
    CHECK(std::find(near[0].near.begin(), near[0].near.end(), "d/*-ai-act-art1-17") !=
          near[0].near.end());
}

TEST_CASE("alternate links resolve to ids beside the page, never outside the root", "[pairing]") {
    CHECK(document::resolve_alternate("site/en/x.html", "../ja/x.html") == "site/ja/x.html");
    CHECK(document::resolve_alternate("site/en/x.html", "x-ja.html#top") == "site/en/x-ja.html");
    CHECK(document::resolve_alternate("site/x.html", "../../etc/passwd").empty());
    CHECK(document::resolve_alternate("site/x.html", "https://example.org/ja/x.html").empty());
    CHECK(document::resolve_alternate("site/x.html", "/ja/x.html").empty());
}

TEST_CASE("two texts are a pair when they share their numbers", "[pairing]") {
    const auto facts = [](const std::string& text) {
        return document::TextFacts{document::text_numbers(text), {}};
    };
    // kanji numerals and eras read as the numbers they are
    CHECK(document::text_numbers("平成十五年五月三十日法律第五十七号、第二十七条") ==
          std::vector<std::uint32_t>{5, 15, 27, 30, 57, 2003});
    CHECK(document::text_numbers("Act No. 57 of May 30, 2003; Article 27") ==
          std::vector<std::uint32_t>{27, 30, 57, 2003});
    const document::PairEvidence same =
        document::weigh_pair(facts(english_chunk(27)), facts(japanese_chunk(27)), false);
    CHECK(same.accepted);
    CHECK(same.numbers > 0.8);
    // the next chunk of the same law is not its translation
    const document::PairEvidence next =
        document::weigh_pair(facts(english_chunk(27)), facts(japanese_chunk(31)), false);
    CHECK_FALSE(next.accepted);
    // texts with few numbers are weighed on the names they share
    const document::TextFacts a{{}, {1, 2, 3, 4}};
    const document::TextFacts b{{}, {2, 3, 4, 9}};
    const document::TextFacts c{{}, {7, 8}};
    CHECK(document::weigh_pair(a, b, false).accepted);
    CHECK_FALSE(document::weigh_pair(a, c, false).accepted);
    CHECK_FALSE(document::weigh_pair(a, b, true).accepted);  // a near name needs numbers
}

TEST_CASE("an indexing run pairs translations by name, checks them and undoes them",
          "[pairing][index]") {
    test::IndexedFolder f;
    test::write_file(f.docs / "en-law-art27.txt", english_chunk(27));
    test::write_file(f.docs / "ja-law-art27.txt", japanese_chunk(27));
    test::write_file(f.docs / "en-jp-law-art31.txt", english_chunk(31));  // a near name
    test::write_file(f.docs / "ja-law-art31.txt", japanese_chunk(31));
    test::write_file(f.docs / "en-law-art35.txt", english_chunk(35));   // named as a pair, but
    test::write_file(f.docs / "ja-law-art35.txt", japanese_chunk(39));  // not one
    test::write_file(f.docs / "en/note.md", "---\ntranslation_key: given\n---\nNote 12 34 56");
    test::write_file(f.docs / "ja/note.md", "日本語のメモ 12 34 56 です。");
    index::IndexSummary s = f.run();
    CHECK(s.pairs == 2);
    CHECK(s.pairs_made == 2);
    CHECK(s.pairs_refused == 1);
    const std::string k27 = key_of(f.db, "docs/en-law-art27.txt");
    CHECK(k27 == "pair:docs/en-law-art27.txt");
    CHECK(key_of(f.db, "docs/ja-law-art27.txt") == k27);
    CHECK(key_of(f.db, "docs/ja-law-art31.txt") == key_of(f.db, "docs/en-jp-law-art31.txt"));
    CHECK(key_of(f.db, "docs/en-law-art35.txt").empty());
    CHECK(key_of(f.db, "docs/en/note.md") == "given");  // a given key is never changed
    CHECK(key_of(f.db, "docs/ja/note.md").empty());
    std::size_t paired = 0;
    for (const auto& e : f.events) {
        if (e.kind == index::FileEvent::Kind::Paired) {
            ++paired;
            CHECK(!e.other.empty());
        }
    }
    CHECK(paired == 2);
    // nothing changed: the pairs stay, nothing is read
    s = f.run();
    CHECK_FALSE(s.wrote);
    // a file goes: its partner's found key goes with it
    std::filesystem::remove(f.docs / "ja-law-art27.txt");
    s = f.run();
    CHECK(s.deleted == 1);
    CHECK(s.pairs == 1);
    CHECK(s.pairs_undone == 1);
    CHECK(key_of(f.db, "docs/en-law-art27.txt").empty());
}

TEST_CASE("an alternate link pairs two pages", "[pairing][index]") {
    test::IndexedFolder f;
    test::write_file(f.docs / "press/release.html",
                     "<html lang=\"en\"><head><title>Council</title><link rel=\"alternate\" "
                     "hreflang=\"ja\" href=\"../kisha/happyo.html\"></head><body><p>The Council "
                     "met.</p></body></html>");
    test::write_file(f.docs / "kisha/happyo.html",
                     "<html lang=\"ja\"><head><title>会合</title></head><body><p>会合が開かれた。"
                     "</p></body></html>");
    const index::IndexSummary s = f.run();
    CHECK(s.pairs == 1);
    CHECK(key_of(f.db, "docs/press/release.html") == key_of(f.db, "docs/kisha/happyo.html"));
}
