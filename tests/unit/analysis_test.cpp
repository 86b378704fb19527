// SPDX-License-Identifier: MIT
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "analysis/analyzer.hpp"
#include "analysis/mecab_tagger.hpp"
#include "analysis/user_dictionary.hpp"
#include "describe.hpp"
#include "error.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

using namespace seisaku;

namespace {
std::string analyze(const std::string& raw, bool offsets) {
    const std::string text = text::prepare(raw);
    return test::describe(test::test_analyzer().analyze(text), offsets);
}
}  // namespace

TEST_CASE("Japanese segmentation table", "[analysis]") {
    for (const auto& row : test::read_table(TEST_DATA_DIR "/analysis/ja_segmentation.tsv")) {
        REQUIRE(row.size() == 2);
        INFO(row[0]);
        CHECK(analyze(row[0], true) == row[1]);
    }
}

TEST_CASE("one analyzer shared by threads gives each the tokens it gives alone", "[analysis]") {
    // The indexer's workers share one Analyzer (MeCab loaded once): MeCab, the user
    // dictionary and the English stemmer must not mix two threads' texts.
    const std::vector<std::string> texts = {
        "個人情報保護委員会は令和6年4月1日に指針を公表した。",
        "The policies on submarine cables were adopted by the ministers.",
        "日EUデジタルパートナーシップ閣僚会合でDFFTの推進について議論した。",
        "Data Free Flow with Trust and the Hiroshima AI Process, 広島AIプロセス.",
    };
    const analysis::Analyzer shared;
    std::vector<std::string> alone;
    for (const std::string& t : texts) {
        alone.push_back(test::describe(shared.analyze(text::prepare(t))));
    }
    std::vector<std::vector<std::string>> seen(4);
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < seen.size(); ++k) {
        threads.emplace_back([&, k] {
            for (int round = 0; round < 50; ++round) {
                const std::string& t = texts[(k + static_cast<std::size_t>(round)) % texts.size()];
                seen[k].push_back(test::describe(shared.analyze(text::prepare(t))));
            }
        });
    }
    for (std::thread& t : threads) {
        t.join();
    }
    for (std::size_t k = 0; k < seen.size(); ++k) {
        for (std::size_t round = 0; round < seen[k].size(); ++round) {
            CHECK(seen[k][round] == alone[(k + round) % texts.size()]);
        }
    }
}

TEST_CASE("English analysis table", "[analysis]") {
    for (const auto& row : test::read_table(TEST_DATA_DIR "/analysis/en_tokens.tsv")) {
        REQUIRE(row.size() == 2);
        INFO(row[0]);
        CHECK(analyze(row[0], false) == row[1]);
    }
}

TEST_CASE("token offsets point at the surface in the analyzed text", "[analysis]") {
    const std::string s = text::prepare("日EUデジタルパートナーシップとＤＦＦＴ。Policies!");
    for (const analysis::Token& t : test::test_analyzer().analyze(s)) {
        if (t.kind == analysis::TokenKind::Stop) {
            continue;
        }
        INFO(t.term);
        CHECK(text::fold(s.substr(t.begin, t.end - t.begin)) == t.term);
    }
}

TEST_CASE("positions continue across scripts and from a first position", "[analysis]") {
    CHECK(analyze("AI政策 data", false) == "ai@0 政策@1 data@2");
    const auto tokens = test::test_analyzer().analyze("data 流通", 100);
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].position == 100);
    CHECK(tokens[1].position == 101);
}

TEST_CASE("a word that folds to nothing is dropped (emoji variation selector)", "[analysis]") {
    // See: review of issue 2 (an empty term stopped the indexer).
    CHECK(analyze("important \u26A0\uFE0F policy", false) == "important>import@0 policy>polici@2");
    CHECK(analyze("\uFE0F", false).empty());
}

TEST_CASE("terms over 64 bytes are dropped but keep their position", "[analysis]") {
    const std::string long_word(200, 'x');
    CHECK(analyze("before " + long_word + " after", false) == "before>befor@0 after@2");
}

TEST_CASE("same-stem forms: regular singular and plural of English words", "[analysis]") {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"cable", "cable cables"},
        {"cables", "cables cable"},
        {"policy", "policy policies"},
        {"policies", "policies policy"},
        {"tax", "tax taxes"},
        {"boxes", "boxes box"},
        {"access", "access accesses"},
        {"key", "key keys"},
        {"2024", "2024"},
        {"データ", "データ"},
    };
    for (const auto& [word, expected] : rows) {
        INFO(word);
        std::string got;
        for (const analysis::Token& t : test::test_analyzer().analyze(word)) {
            for (const std::string& form : test::test_analyzer().same_stem_forms(t)) {
                got += (got.empty() ? "" : " ") + form;
            }
        }
        CHECK(got == expected);
    }
}

TEST_CASE("compounds: adjacent nouns and glued Latin words, single nouns included", "[analysis]") {
    const auto keys = [](const std::string& raw) {
        const std::string s = text::prepare(raw);
        const auto tokens = test::test_analyzer().analyze(s);
        std::string out;
        for (const analysis::Compound& c : analysis::compounds(tokens)) {
            out += (out.empty() ? "" : " ") + c.key;
        }
        return out;
    };
    CHECK(keys("デジタル庁の設置") == "デジタル庁 設置");
    CHECK(keys("デジタル庁設置法") == "デジタル庁設置法");
    CHECK(keys("ＡＩ推進法を施行した") == "ai推進法 施行");
    CHECK(keys("data space") == "");  // Latin words alone are not compounds
    CHECK(keys("利用目的の特定") == "利用目的 特定");
    // A middle dot between katakana words does not break a compound (issue 4, item 1) ...
    CHECK(keys("データ・フリー・フローの推進") == "データフリーフロー 推進");
    CHECK(keys("データ・フリー・フロー") == keys("データフリーフロー"));
    CHECK(keys("ウラノス・エコシステム") == "ウラノスエコシステム");
    // ... but it does between other words, and so does any other symbol.
    CHECK(keys("群馬・高崎") == "群馬 高崎");
    CHECK(keys("データ/フリー") == "データ フリー");
}

TEST_CASE("noun pairs: a table of examples", "[analysis]") {
    const std::vector<std::pair<std::string, std::vector<std::string>>> rows = {
        {"個人データの第三者提供", {"個人 データ", "第三者 提供"}},  // not across の
        {"ＡＩ推進法を施行した", {"ai 推進", "推進 法"}},            // a Latin word glued to nouns
        {"データ・フリー・フロー", {"データ フリー", "フリー フロー"}},  // across a middle dot
        {"群馬・高崎", {}},      // but not between other words
        {"data free flow", {}},  // English words alone: no pairs
        {"行政機関等匿名加工情報", {"行政 機関", "機関 等", "等 匿名", "匿名 加工", "加工 情報"}},
        {"推進する", {}},  // a verb pairs with nothing
        {"", {}},
    };
    for (const auto& [text, expected] : rows) {
        INFO(text);
        CHECK(analysis::noun_pairs(test::test_analyzer().analyze(text::prepare(text))) == expected);
    }
}

TEST_CASE("user dictionary: policy names from the glossary with their parts", "[analysis]") {
    const analysis::MecabTagger system{std::string(analysis::default_mecab_dicdir)};
    const auto entries = [&](const std::vector<std::string>& terms) {
        std::string out;
        for (const analysis::UserWord& w : analysis::user_words(terms, system)) {
            std::string parts;
            std::size_t at = 0;
            for (const std::uint32_t n : w.parts) {
                const std::string_view rest = std::string_view(w.surface).substr(at);
                std::size_t end = 0;
                for (std::uint32_t i = 0; i < n; ++i) {
                    (void)text::next_code_point(rest, end);
                }
                parts += (parts.empty() ? "" : "|") + std::string(rest.substr(0, end));
                at += end;
            }
            out += (out.empty() ? "" : " ") + parts;
        }
        return out;
    };
    // Known nouns: the entry keeps the system dictionary's parts.
    CHECK(entries({"デジタル庁"}) == "デジタル|庁");
    // An unknown katakana word is split into known words of 3+ characters ...
    CHECK(entries({"リスクマネジメントフレームワーク"}) == "リスク|マネジメント|フレーム|ワーク");
    // ... or into katakana words the glossary names elsewhere (ガバナンス of AIガバナンス),
    // and such a word gets an entry of its own, so a query for it has the same parts.
    CHECK(entries({"データガバナンス法"}) == "データガバナンス|法");
    CHECK(entries({"データガバナンス法", "AIガバナンス"}) ==
          "データ|ガバナンス データ|ガバナンス|法");
    // Never into MeCab's short guesses (シ|ステ|ミック): such a word stays whole.
    CHECK(entries({"システミックリスク"}) == "");
    // Only Japanese runs made of nouns; Latin words are compounds' business (生成AI).
    CHECK(entries({"生成AI", "信頼性のある自由なデータ流通", "広島AIプロセス"}) == "");
    CHECK(entries({"G7広島サミット"}) == "広島|サミット");
    // Full-width and half-width spellings give the entry MeCab will meet in NFKC text.
    CHECK(entries({"ﾃﾞｼﾞﾀﾙ庁"}) == "デジタル|庁");

    const std::string csv =
        analysis::user_dictionary_csv(analysis::user_words({"デジタル庁"}, system));
    CHECK(csv.starts_with("デジタル庁,"));
    CHECK(csv.ends_with(",名詞,一般,*,*,*,*,デジタル庁,*,*,4+1\n"));
}

TEST_CASE("glossary: Japanese names are column 2 and the Japanese variants", "[analysis]") {
    const std::string tsv =
        "# comment\tこれは\n"
        "Digital Agency\tデジタル庁\tDA|デジ庁|ﾃﾞｼﾞﾀﾙ庁\tgovernment\n"
        "\n"
        "semiconductor\t半導体\n"
        "English only\n";
    CHECK(analysis::glossary_japanese_names(tsv) ==
          std::vector<std::string>{"デジタル庁", "デジ庁", "ﾃﾞｼﾞﾀﾙ庁", "半導体"});
}

TEST_CASE("a missing user dictionary is a setup error that says how to make it", "[analysis]") {
    analysis::AnalyzerOptions options;
    options.user_dictionary = "/nonexistent/policy.dic";
    try {
        analysis::Analyzer a(options);
        FAIL("expected SetupError");
    } catch (const SetupError& e) {
        CHECK(std::string(e.what()).starts_with(
            "japanese analyzer: cannot load MeCab user dictionary \"/nonexistent/policy.dic\": "
            "no such file"));
        CHECK(e.code() == ExitCode::Config);
    }
    options.user_dictionary = "none";
    const analysis::Analyzer plain(options);
    CHECK(plain.dictionary_name() == "ipadic-utf8");
    CHECK(test::test_analyzer().dictionary_name().starts_with("ipadic-utf8+policy-"));
}

TEST_CASE("a missing MeCab dictionary is a setup error naming the folder", "[analysis]") {
    analysis::AnalyzerOptions options;
    options.mecab_dicdir = "/nonexistent/dic";
    try {
        analysis::Analyzer a(options);
        FAIL("expected SetupError");
    } catch (const SetupError& e) {
        CHECK(std::string(e.what()) ==
              "japanese analyzer: cannot load MeCab dictionary \"/nonexistent/dic\": no "
              "sys.dic there (install mecab-ipadic-utf8)");
        CHECK(e.code() == ExitCode::Config);
    }
}

TEST_CASE("MeCab loaded on first use: English needs none, a broken dictionary fails then",
          "[analysis]") {
    // A dictionary folder whose sys.dic is not a dictionary; the other files are Debian's.
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("seisaku-lazy-dic-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    for (const auto& f : std::filesystem::directory_iterator(analysis::default_mecab_dicdir)) {
        if (f.path().filename() != "sys.dic") {
            std::filesystem::create_symlink(f.path(), dir / f.path().filename());
        }
    }
    std::ofstream(dir / "sys.dic") << std::string(4096, 'x');
    analysis::AnalyzerOptions options;
    options.mecab_dicdir = dir.string();
    options.user_dictionary = "none";
    CHECK_THROWS_AS(analysis::Analyzer(options), SetupError);  // loaded at once: fails at once
    options.load_on_first_use = true;
    const analysis::Analyzer lazy(options);
    CHECK(test::describe(lazy.analyze("GDPR fines"), false) == "gdpr@0 fines>fine@1");
    CHECK(test::describe(lazy.latin_words("AIの安全性"), false) == "ai@0");
    CHECK_THROWS_AS(lazy.analyze("日本語"), SetupError);
    CHECK_THROWS_AS(lazy.analyze("日本語"), SetupError);  // every time, not once
    std::filesystem::remove_all(dir);
    // The real dictionary, loaded on first use, analyzes as the eager one does.
    options.mecab_dicdir.clear();
    const analysis::Analyzer later(options);
    CHECK(test::describe(later.analyze("個人情報の保護"), false) ==
          test::describe(test::test_analyzer().analyze("個人情報の保護"), false));
}

TEST_CASE("long and hostile input: valid terms, no crash", "[analysis]") {
    // A fixed-seed mix of scripts, full-width, combining marks and long unbroken runs,
    // checked for term validity (a 1 MiB line follows in the next test case).
    std::mt19937 rng(20261127);
    const std::vector<std::string> pieces = {"データ",
                                             "ア",
                                             "漢",
                                             "policy",
                                             " ",
                                             "。",
                                             "ＡＩ",
                                             "\xCC\x81",
                                             "ﾃﾞ",
                                             "\xFF",
                                             std::string(1, '\0'),
                                             "、",
                                             "G7",
                                             "ー",
                                             "・",
                                             "\xE3\x81",
                                             "!",
                                             "12345"};
    for (int round = 0; round < 20; ++round) {
        std::string raw;
        const std::size_t n = 200 + rng() % 4000;
        for (std::size_t i = 0; i < n; ++i) {
            raw += pieces[rng() % pieces.size()];
        }
        const std::string unbroken = pieces[rng() % 3];  // データ, ア or 漢
        for (int i = 0; i < 3000; ++i) {
            raw += unbroken;  // an 8 KiB+ unbroken run
        }
        const std::string s = text::prepare(raw);
        REQUIRE(text::is_valid(s));
        for (const analysis::Token& t : test::test_analyzer().analyze(s)) {
            if (t.kind == analysis::TokenKind::Stop) {
                continue;
            }
            REQUIRE(!t.term.empty());
            REQUIRE(t.term.size() <= analysis::max_term_bytes);
            REQUIRE(text::is_valid(t.term));
            REQUIRE(text::is_valid(t.base));
            REQUIRE(t.end <= s.size());
        }
    }
}

TEST_CASE("BAD-INPUTS I6: a 1 MiB Japanese line without 。 is analyzed whole, words found",
          "[analysis]") {
    // MeCab sees it in chunks cut at code points; no chunk loses the words around its cuts
    // beyond the one word a cut may split.
    const std::string sentence = "個人情報保護委員会はデータ政策について議論した";  // 69 bytes
    std::string line;
    std::size_t repeats = 0;
    while (line.size() < (1U << 20)) {
        line += sentence;
        ++repeats;
    }
    const std::vector<analysis::Token> tokens = test::test_analyzer().analyze(line);
    std::size_t committee = 0;
    std::uint32_t last_position = 0;
    for (const analysis::Token& t : tokens) {
        REQUIRE(text::is_valid(t.term));
        REQUIRE(t.term.size() <= analysis::max_term_bytes);
        REQUIRE(t.position >= last_position);
        last_position = t.position;
        committee += t.term == "委員" ? 1 : 0;
    }
    CHECK(committee <= repeats);
    CHECK(committee + repeats / 100 >= repeats);  // at most 1% lost at chunk cuts
}
