// SPDX-License-Identifier: MIT
// Word translations learned from translation pairs (index/segment_alignment,
// index/learned_translations): how two texts are cut into segments that translate each other,
// what is learned from the segments, and when an indexing run learns again.
#include <catch2/catch.hpp>
#include <xapian.h>

#include "describe.hpp"
#include "index/index_run.hpp"
#include "index/learned_translations.hpp"
#include "index/segment_alignment.hpp"
#include "schema/schema.hpp"
#include "text/normalize.hpp"

using namespace seisaku;
namespace fs = std::filesystem;

namespace {

/// A made-up law in English: a title, three articles, captions, a numbered paragraph.
constexpr std::string_view english_law =
    "Act on Imaginary Gardens (Act No. 12 of 2001)\n\n"
    "(Purpose)\n"
    "Article 1 This Act protects the gardens of the town.\n\n"
    "(Definitions)\n"
    "Article 2 (1) \"Garden\" in this Act means land kept for flowers and trees.\n"
    "(2) \"Gardener\" in this Act means a person who keeps a garden for 3 years or more.\n\n"
    "Article 3 The mayor keeps a register of the gardens.\n";

constexpr std::string_view japanese_law =
    "架空の庭園に関する法律（平成十三年法律第十二号）\n\n"
    "（目的）\n"
    "第一条　この法律は、町の庭園を保護する。\n\n"
    "（定義）\n"
    "第二条　この法律において「庭園」とは、花及び樹木のために保たれる土地をいう。\n"
    "２　この法律において「庭師」とは、三年以上庭園を管理する者をいう。\n\n"
    "第三条　町長は、庭園の登録簿を備える。\n";

/// Each segment as "English start | Japanese start" (first 12 bytes of the English side, the
/// first 4 characters of the Japanese side), one a line.
std::string describe(const std::vector<index::AlignedSegment>& segments) {
    std::string out;
    for (const index::AlignedSegment& s : segments) {
        std::string ja;
        std::size_t characters = 0;
        for (std::size_t i = 0; i < s.ja.size() && characters < 4; ++i) {
            ja += s.ja[i];
            const bool ends =
                i + 1 == s.ja.size() || (static_cast<unsigned char>(s.ja[i + 1]) & 0xC0U) != 0x80U;
            characters += ends ? 1 : 0;
        }
        out += std::string(s.en.substr(0, 12)) + " | " + ja + "\n";
    }
    return out;
}

std::vector<index::AlignedSegment> align(std::string_view en, std::string_view ja,
                                         std::string& en_text, std::string& ja_text) {
    en_text = text::prepare(en);
    ja_text = text::prepare(ja);
    return index::align_segments(en_text, ja_text);
}

}  // namespace

TEST_CASE("the article a line starts: a table of examples", "[learned]") {
    struct Case {
        std::string line;
        bool japanese;
        std::string key;
    };
    const std::vector<Case> cases = {
        {"Article 16 (1) \"Personal information\" means", false, "16"},
        {"Article 16-2 A business", false, "16-2"},
        {"## Article 5", false, "5"},
        {"Article 7. Scope", false, "7"},
        {"Articles 16 to 20 apply", false, ""},
        {"Article 16a", false, ""},
        {"Under Article 16 a business", false, ""},
        {"第十六条 この章において", true, "16"},
        {"第16条 この章において", true, "16"},
        {"第百三十条の二 委員会は", true, "130-2"},
        {"第十六条の規定により", true, "16"},
        {"第三者に提供する", true, ""},
        {"第一章 総則", true, ""},
        {"(定義)", true, ""},
    };
    for (const Case& c : cases) {
        INFO(c.line);
        CHECK(index::article_key(text::prepare(c.line), c.japanese) == c.key);
    }
}

TEST_CASE("a law and its translation align by articles then lines", "[learned]") {
    std::string en;
    std::string ja;
    CHECK(describe(align(english_law, japanese_law, en, ja)) ==
          "Act on Imagi | 架空の庭\n"
          "(Purpose) | (目的)\n"
          "Article 1 Th | 第一条 \n"
          "(Definitions | (定義)\n"
          "Article 2 (1 | 第二条 \n"
          "(2) \"Gardene | 2 この\n"
          "Article 3 Th | 第三条 \n");
}

TEST_CASE("articles one side lacks are left out and the rest still align", "[learned]") {
    const std::string shorter = std::string(japanese_law.substr(0, japanese_law.find("（定義）")));
    const std::string other_third = shorter + "第三条　町長は、庭園の登録簿を備える。\n";
    std::string en;
    std::string ja;
    CHECK(describe(align(english_law, other_third, en, ja)) ==
          "Act on Imagi | 架空の庭\n"
          "(Purpose) | (目的)\n"
          "Article 1 Th | 第一条 \n"
          "Article 3 Th | 第三条 \n");
}

TEST_CASE("texts without articles align by lines in order on length and numbers", "[learned]") {
    struct Case {
        std::string what;
        std::string en;
        std::string ja;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {"one line each", "The council met on 3 May.\nIt approved the budget of 2024.\n",
         "評議会は5月3日に会合した。\n2024年の予算を承認した。\n",
         "The council  | 評議会は\nIt approved  | 2024\n"},
        {"a line only English has, left out",
         "The council met on 3 May.\nThis line has no Japanese version at all, it is long and "
         "says a great many things nobody translated for the readers of 2019.\nIt approved the "
         "budget of 2024.\n",
         "評議会は5月3日に会合した。\n2024年の予算を承認した。\n",
         "The council  | 評議会は\nIt approved  | 2024\n"},
        {"counts too far apart", "One.\nTwo.\nThree.\nFour.\nFive.\nSix.\nSeven.\nEight.\n",
         "一つ。\n", ""},
        {"lengths that disagree", "Yes.\n",
         "この文は英語の文よりずっと長く、同じことを言っているとは思えないほど多くの語を含んでいる"
         "。\n",
         ""},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        std::string en;
        std::string ja;
        CHECK(describe(align(c.en, c.ja, en, ja)) == c.expected);
    }
}

namespace {

/// Made-up places in both languages: sentences naming two of them are segments.
struct Place {
    std::string en;
    std::string ja;
};
const std::vector<Place> places = {{"garden", "庭園"}, {"school", "学校"}, {"hospital", "病院"},
                                   {"park", "公園"},   {"station", "駅"},  {"bank", "銀行"}};

/// Mines sentences "The X is near the Y." ↔ "XはYの近くにある。" for every two places
/// (the first `kinds` of them), and the extra segments given.
lexicon::LearnedTranslations mine(std::size_t kinds,
                                  const std::vector<std::pair<std::string, std::string>>& extra) {
    index::TranslationMiner miner(test::test_analyzer());
    for (std::size_t a = 0; a < kinds; ++a) {
        for (std::size_t b = 0; b < kinds; ++b) {
            if (a != b) {
                CHECK(
                    miner.add_segment("The " + places[a].en + " is near the " + places[b].en + ".",
                                      places[a].ja + "は" + places[b].ja + "の近くにある。"));
            }
        }
    }
    for (const auto& [en, ja] : extra) {
        (void)miner.add_segment(text::prepare(en), text::prepare(ja));
    }
    return miner.result();
}

std::string translations(const lexicon::LearnedTranslations& table, const std::string& word,
                         bool from_japanese) {
    std::string out;
    for (const lexicon::Learned* l : table.of(word, from_japanese)) {
        out += (out.empty() ? "" : " ") + (from_japanese ? l->en : l->ja);
    }
    return out.empty() ? "-" : out;
}

}  // namespace

TEST_CASE("words learned from aligned segments: a table of examples", "[learned]") {
    const lexicon::LearnedTranslations table = mine(places.size(), {});
    struct Case {
        std::string word;
        bool from_japanese;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {"庭園", true, "garden"},  {"学校", true, "school"}, {"病院", true, "hospit"},
        {"駅", true, "station"},   {"銀行", true, "bank"},   {"近く", true, "near"},
        {"garden", false, "庭園"}, {"park", false, "公園"},  {"is", false, "-"},
        {"the", false, "-"},       {"ある", true, "-"},
    };
    for (const Case& c : cases) {
        INFO(c.word);
        CHECK(translations(table, c.word, c.from_japanese) == c.expected);
    }
    for (const lexicon::Learned& l : table.rows()) {
        CHECK(l.score > 0.0);
        CHECK(l.score <= 1.0);
    }
}

TEST_CASE("rare and ambiguous word pairs are not learned", "[learned]") {
    SECTION("two segments are too few") {
        const lexicon::LearnedTranslations table = mine(2, {});
        CHECK(translations(table, "庭園", true) == "-");
    }
    SECTION("words that never appear apart are not told apart, one link each") {
        // 市役所 and "city hall" always come together with 庁舎 and "offices": each Japanese
        // word links to one English word at most per segment, and the scores stay honest.
        std::vector<std::pair<std::string, std::string>> extra;
        for (int i = 0; i < 4; ++i) {
            extra.emplace_back("The city offices are open.", "市役所の庁舎は開いている。");
        }
        const lexicon::LearnedTranslations table = mine(places.size(), extra);
        CHECK(translations(table, "庭園", true) == "garden");
        CHECK(table.of("市役所", true).size() <= 1);
    }
}

namespace {

/// A Markdown document of the given language and translation key, a sentence a line.
std::string markdown(const std::string& lang, const std::string& body) {
    return "---\ntitle: Places\nlang: " + lang + "\ntranslation_key: places\n---\n\n" + body;
}

/// The place sentences, one a line, the Japanese side with `garden_ja` for 庭園.
std::pair<std::string, std::string> place_texts(const std::string& garden_ja) {
    std::string en;
    std::string ja;
    for (std::size_t a = 0; a < places.size(); ++a) {
        for (std::size_t b = 0; b < places.size(); ++b) {
            if (a != b) {
                const auto name = [&](std::size_t i) { return i == 0 ? garden_ja : places[i].ja; };
                en += "The " + places[a].en + " is near the " + places[b].en + ".\n";
                ja += name(a) + "は" + name(b) + "の近くにある。\n";
            }
        }
    }
    return {en, ja};
}

lexicon::LearnedTranslations stored(const std::string& db) {
    return lexicon::LearnedTranslations::decode(
        Xapian::Database(db).get_metadata(std::string(schema::meta_learned)));
}

}  // namespace

TEST_CASE("an indexing run learns again when a pair changes and keeps the table otherwise",
          "[learned][index]") {
    test::IndexedFolder idx;
    const auto write_pair = [&](const std::string& garden_ja) {
        const auto [en, ja] = place_texts(garden_ja);
        test::write_file(idx.docs / "en.md", markdown("en", en));
        test::write_file(idx.docs / "ja.md", markdown("ja", ja));
    };
    struct Step {
        std::string what;
        std::function<void()> change;
        bool mined;
        std::string garden;  ///< the Japanese for "garden" the stored table has
    };
    const std::vector<Step> steps = {
        {"first run", [&] { write_pair("庭園"); }, true, "庭園"},
        {"nothing changed", [] {}, false, "庭園"},
        {"the pair changed", [&] { write_pair("花園"); }, true, "花園"},
        {"a document unrelated to the pair added",
         [&] { test::write_file(idx.docs / "other.txt", "Other\n\nunrelated text"); }, true,
         "花園"},
        {"nothing changed again", [] {}, false, "花園"},
        {"the Japanese side gone", [&] { fs::remove(idx.docs / "ja.md"); }, true, "-"},
    };
    for (const Step& step : steps) {
        INFO(step.what);
        step.change();
        const Xapian::rev before = fs::exists(idx.db) ? Xapian::Database(idx.db).get_revision() : 0;
        const index::IndexSummary s = idx.run();
        CHECK(s.learned_mined == step.mined);
        CHECK(translations(stored(idx.db), "garden", false) == step.garden);
        if (!step.mined) {
            CHECK_FALSE(s.wrote);
            CHECK(Xapian::Database(idx.db).get_revision() == before);
        }
    }
}
