// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>

#include "describe.hpp"
#include "text/normalize.hpp"
#include "text/numerals.hpp"
#include "text/script_runs.hpp"
#include "text/split.hpp"
#include "text/transliterate.hpp"
#include "text/utf8.hpp"

using namespace seisaku;

TEST_CASE("repair turns every ill-formed sequence into U+FFFD and keeps the rest", "[text]") {
    struct Row {
        std::string input;
        std::string expected;
        std::size_t substitutions;
    };
    const std::string fffd = "\xEF\xBF\xBD";
    const std::vector<Row> rows = {
        {"policy", "policy", 0},
        {"lone \xFF byte", "lone " + fffd + " byte", 1},
        {"truncated \xE3\x81", "truncated " + fffd, 1},
        {"overlong \xC0\xAF", "overlong " + fffd + fffd, 2},
        {"surrogate \xED\xA0\x80", "surrogate " + fffd + fffd + fffd, 3},
        {"\xE3"
         "ab\xE3\x81\x82",
         fffd + "ab\xE3\x81\x82", 1},  // lead byte then ASCII (MeCab merges them)
        {"too big \xF4\x90\x80\x80", "too big " + fffd + fffd + fffd + fffd, 4},
        {"データ", "データ", 0},
    };
    for (const Row& row : rows) {
        text::RepairStats stats;
        CHECK(text::repair(row.input, &stats) == row.expected);
        CHECK(stats.substitutions == row.substitutions);
        CHECK(text::is_valid(text::repair(row.input)));
    }
}

TEST_CASE("repair drops a BOM and turns NUL and controls into spaces", "[text]") {
    text::RepairStats stats;
    CHECK(text::repair(std::string("\xEF\xBB\xBF"
                                   "前\0後 policy\x1b[1m",
                                   21),
                       &stats) == "前 後 policy [1m");
    CHECK(stats.had_bom);
    CHECK(stats.nuls == 1);
    CHECK(stats.controls == 1);
    CHECK(text::repair("tab\tand\nline\r") == "tab\tand\nline\r");
}

TEST_CASE("truncate cuts on code points", "[text]") {
    CHECK(text::truncate("データ", 7) == "デー");
    CHECK(text::truncate("データ", 9) == "データ");
    CHECK(text::truncate("abc", 0).empty());
    CHECK(text::length("ＡＩとデータ") == 6);
}

TEST_CASE("the last code point of UTF-8 of one to four bytes", "[text]") {
    CHECK(text::last_code_point("a") == U'a');
    CHECK(text::last_code_point("データ") == U'タ');
    CHECK(text::last_code_point("aé") == U'é');
    CHECK(text::last_code_point("サーバー") == U'ー');
    CHECK(text::last_code_point("x😀") == U'😀');
}

TEST_CASE("normalize is NFKC, and fold adds case folding", "[text]") {
    const std::vector<std::tuple<std::string, std::string, std::string>> rows = {
        // input, normalize, fold
        {"ＡＩ", "AI", "ai"},
        {"ＤＦＦＴ", "DFFT", "dfft"},
        {"ﾃﾞｰﾀ", "データ", "データ"},
        {"ﾃﾞｼﾞﾀﾙ庁", "デジタル庁", "デジタル庁"},
        {"Ｇ７広島サミット", "G7広島サミット", "g7広島サミット"},
        {"２０２４年", "2024年", "2024年"},
        {"Policy", "Policy", "policy"},
        {"Straße", "Straße", "strasse"},
        {"①", "1", "1"},
        {"（注）", "(注)", "(注)"},
    };
    for (const auto& [input, nfkc, folded] : rows) {
        CHECK(text::normalize(input) == nfkc);
        CHECK(text::fold(text::normalize(input)) == folded);
    }
}

TEST_CASE("kana iteration marks stand for the kana before them", "[text]") {
    struct Case {
        char32_t previous, mark, expected;
    };
    for (const Case& c : {
             Case{U'す', U'ゞ', U'ず'},  // いすゞ
             Case{U'こ', U'ゝ', U'こ'},  // こゝろ
             Case{U'が', U'ゝ', U'か'},  // ゝ is unvoiced even after a voiced kana
             Case{U'か', U'ゞ', U'が'},
             Case{U'ハ', U'ヾ', U'バ'},
             Case{U'ミ', U'ヽ', U'ミ'},
             Case{U'あ', U'ゞ', 0},  // あ has no voiced form
             Case{U'カ', U'ゝ', 0},  // a hiragana mark after katakana
             Case{U'人', U'々', 0},  // 々 is not a kana mark
             Case{U'a', U'ゝ', 0},
         }) {
        INFO(static_cast<std::uint32_t>(c.previous));
        CHECK(text::kana_iteration(c.previous, c.mark) == c.expected);
    }
}

TEST_CASE("script runs split Latin and digits from kana and kanji", "[text]") {
    const auto describe = [](const std::string& s) {
        std::string out;
        for (const auto& r : text::script_runs(s)) {
            out += (r.cls == text::CharClass::Japanese ? "J:" : "W:") +
                   s.substr(r.begin, r.end - r.begin) + " ";
        }
        return out;
    };
    CHECK(describe("G7広島サミット") == "W:G7 J:広島サミット ");
    CHECK(describe("AIセーフティ・インスティテュート") ==
          "W:AI J:セーフティ J:インスティテュート ");
    CHECK(describe("high-risk AI") == "W:high W:risk W:AI ");
    CHECK(describe("人々、々") == "J:人々 J:々 ");
    CHECK(describe("café naïve") == "W:café W:naïve ");
}

TEST_CASE("sentence ends after 。！？ and after .!? before a space", "[text]") {
    const std::string s = "DFFTを推進する。AI is 3.5 times faster. Next!\n最後";
    const std::vector<std::size_t> ends = text::sentence_ends(s);
    std::vector<std::string> sentences;
    std::size_t begin = 0;
    for (const std::size_t e : ends) {
        sentences.push_back(s.substr(begin, e - begin));
        begin = e;
    }
    REQUIRE(sentences.size() == 4);
    CHECK(sentences[0] == "DFFTを推進する。");
    CHECK(sentences[1] == "AI is 3.5 times faster.");
    CHECK(sentences[2] == " Next!\n");  // a line feed right after a full stop ends nothing new
    CHECK(sentences[3] == "最後");
}

TEST_CASE("sentence ends: a table of examples", "[text]") {
    const std::vector<std::pair<std::string, std::vector<std::string>>> rows = {
        {"", {""}},
        {"。", {"。"}},
        {"本当？はい！", {"本当？", "はい！"}},      // full-width ？ and ！
        {"〃〄〇。", {"〃〄〇。"}},                  // E3 80 xx neighbours of 。 end nothing
        {"ｱｲｳ。ア", {"ｱｲｳ。", "ア"}},                // half-width and full-width katakana
        {"e.g.x Why? Yes", {"e.g.x Why?", " Yes"}},  // a mark ends only before a space
        {"end.", {"end."}},
        {"a\n\nb", {"a\n\n", "b"}},  // blank lines end no empty sentences
        {"文。\r\n次", {"文。", "\r\n", "次"}},
    };
    for (const auto& [text, expected] : rows) {
        std::vector<std::string> sentences;
        std::size_t begin = 0;
        for (const std::size_t e : text::sentence_ends(text)) {
            sentences.push_back(text.substr(begin, e - begin));
            begin = e;
        }
        INFO(text);
        CHECK(sentences == expected);
    }
}

TEST_CASE("is_sentence_end agrees with sentence_ends at every offset", "[text]") {
    const std::vector<std::string> texts = {
        "DFFTを推進する。AI is 3.5 times faster. Next!\n最後",
        "本当？はい！\n\n\n次。\n終",
        "a.\nb.\r\nc. d.e",
        "\n\nx。。\n",
        "〃〄〇。ｱｲｳ？",
        "end?",
    };
    for (const std::string& s : texts) {
        const std::vector<std::size_t> ends = text::sentence_ends(s);
        for (std::size_t at = 0; at <= s.size(); ++at) {
            const bool listed = std::find(ends.begin(), ends.end(), at) != ends.end();
            INFO(s << " at " << at);
            if (at == s.size()) {
                CHECK((!text::is_sentence_end(s, at) || listed));  // size is always listed
            } else {
                CHECK(text::is_sentence_end(s, at) == listed);
            }
        }
    }
}

TEST_CASE("reading keys: romaji and both kana spellings of a word share one", "[text]") {
    const std::vector<std::pair<std::string, std::string>> rows = {
        // word, reading key
        {"データスペース", "detasupesu"},  // ー is a long vowel, written once
        {"でーたすぺーす", "detasupesu"},
        {"detasupesu", "detasupesu"},
        {"de-tasupe-su", "detasupesu"},
        {"deetasupeesu", "detasupesu"},
        {"DeTaSuPeSu", "detasupesu"},
        {"セキュリティ", "sekyuriti"},
        {"せきゅりてぃ", "sekyuriti"},
        {"ガバナンス", "gabanansu"},
        {"サーバ", "saba"},
        {"ウィキ", "uiki"},            // ICU writes u~i; the ~ goes
        {"コンニチハ", "konnichiha"},  // and the ' of n'
        {"個人", ""},                  // kanji have no reading here
        {"", ""},
    };
    for (const auto& [word, key] : rows) {
        INFO(word);
        CHECK(text::reading_key(word) == key);
    }
}

TEST_CASE("katakana never reads back with l, q, x or a c outside ch", "[text]") {
    // romaji_to_katakana refuses such words without asking ICU: checked here for every one
    // and two katakana.
    const auto encode = [](char32_t cp) {
        std::string s;
        text::append_code_point(s, cp);
        return s;
    };
    std::size_t checked = 0;
    for (char32_t a = 0x30A1; a <= 0x30FA; ++a) {
        for (char32_t b = 0x30A0; b <= 0x30FC; ++b) {
            const std::string word = encode(a) + (b == 0x30A0 ? "" : encode(b));
            const std::string key = text::reading_key(word);
            for (std::size_t i = 0; i < key.size(); ++i) {
                INFO(word << " reads " << key);
                CHECK(key[i] != 'l');
                CHECK(key[i] != 'q');
                CHECK(key[i] != 'x');
                CHECK((key[i] != 'c' || (i + 1 < key.size() && key[i + 1] == 'h')));
            }
            ++checked;
        }
    }
    CHECK(checked > 8000);
    CHECK(text::romaji_to_katakana("zyxwvutsr").empty());
    CHECK(text::romaji_to_katakana("chiryou") == "チリョウ");
}

TEST_CASE("romaji to katakana and kana to kana", "[text]") {
    CHECK(text::romaji_to_katakana("sekyuriti") == "セキュリティ");
    CHECK(text::romaji_to_katakana("de-tasupe-su") == "データスペース");
    CHECK(text::romaji_to_katakana("gabanansu") == "ガバナンス");
    CHECK(text::romaji_to_katakana("kon'nichiha") == "コンニチハ");
    CHECK(text::romaji_to_katakana("policy").empty());  // y and c are left over
    CHECK(text::romaji_to_katakana("").empty());
    CHECK(text::hiragana_to_katakana("せきゅりてぃ") == "セキュリティ");
    CHECK(text::katakana_to_hiragana("セキュリティ") == "せきゅりてぃ");
    CHECK(text::katakana_to_hiragana("データスペース") == "でーたすぺーす");  // ー stays
    CHECK(text::katakana_to_hiragana("ー") == "ー");
    CHECK(text::katakana_to_hiragana("") == "");
    CHECK(text::hiragana_to_katakana("でーた") == "データ");
    CHECK(text::hiragana_to_katakana("abc") == "abc");

    CHECK(text::kana_script("データスペース") == text::KanaScript::Katakana);
    CHECK(text::kana_script("でーた") == text::KanaScript::Hiragana);
    CHECK(text::kana_script("データの") == text::KanaScript::None);  // mixed
    CHECK(text::kana_script("ー") == text::KanaScript::None);
    CHECK(text::kana_script("個人") == text::KanaScript::None);
    CHECK(text::kana_script("data") == text::KanaScript::None);
    CHECK(text::kana_script("") == text::KanaScript::None);
}

TEST_CASE("numbers written in kanji: a table of examples", "[text]") {
    const auto rows = test::read_table(TEST_DATA_DIR "/numerals/kanji_number.tsv");
    REQUIRE(rows.size() > 25);
    for (const auto& row : rows) {
        const std::string& input = row.at(0);
        INFO(input);
        const auto value = text::kanji_number(input);
        CHECK((value ? std::to_string(*value) : "none") == row.at(1));
    }
}

TEST_CASE("kanji numerals that count are written in digits", "[text]") {
    const auto rows = test::read_table(TEST_DATA_DIR "/numerals/kanji_to_digits.tsv");
    REQUIRE(rows.size() > 10);
    for (const auto& row : rows) {
        INFO(row.at(0));
        CHECK(text::kanji_to_digits(row.at(0)) == row.at(1));
    }
    CHECK(text::kanji_to_digits("") == "");
    CHECK(text::kanji_to_digits("Article 27") == "Article 27");
    // a run too long to be a number is copied as it is
    CHECK(text::kanji_to_digits("第一二三四五六七八九〇条") == "第一二三四五六七八九〇条");
}

TEST_CASE("split keeps every piece between separators: a table of examples", "[text]") {
    const std::vector<std::tuple<std::string, std::string, std::string>> rows = {
        {"a|b|c", "|", "[a][b][c]"},
        {"a||b", "|", "[a][][b]"},
        {"", "|", "[]"},
        {"a|", "|", "[a][]"},
        {"topic one, topic two", ", ", "[topic one][topic two]"},
        {"data free flow", " ", "[data][free][flow]"},
    };
    for (const auto& [s, sep, expected] : rows) {
        INFO(s);
        std::string shown;
        for (const std::string_view piece : text::split(s, sep)) {
            shown += "[" + std::string(piece) + "]";
        }
        CHECK(shown == expected);
        CHECK(text::split<std::string>(s, sep).size() == text::split(s, sep).size());
    }
}
