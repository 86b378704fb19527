// SPDX-License-Identifier: MIT
// A user's glossaries over the built-in term bank (glossary/user_glossary.hpp).
#include <catch2/catch.hpp>

#include "describe.hpp"
#include "error.hpp"
#include "glossary/index_glossary.hpp"
#include "glossary/issuer_names.hpp"
#include "search/searcher.hpp"

using namespace seisaku;

namespace {

/// The other names of `name` in the bank `choice` makes.
std::vector<std::string> others(const glossary::BankChoice& choice, const std::string& name) {
    const auto& a = test::test_analyzer();
    return glossary::make_term_bank(choice, a).other_names(glossary::TermBank::key_of(name, a));
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("user glossary: added to the built-in term bank and its rows win", "[glossary]") {
    const test::TempDir tmp;
    const std::string quantum = tmp.path() + "/quantum.tsv";
    const std::string chips = tmp.path() + "/chips.tsv";
    const std::string chips2 = tmp.path() + "/chips2.tsv";
    test::write_file(quantum, "# mine\nquantum computing\t量子計算\tQC\thpc\n");
    test::write_file(chips, "semiconductor\t半導体デバイス\tchip\tmine\n");
    test::write_file(chips2, "chip\tチップ\t\tmine\n");
    struct Row {
        glossary::BankChoice choice;
        std::string name;
        Names expected;
    };
    const std::vector<Row> rows = {
        // the built-in bank alone, as without options
        {{true, {}}, "半導体", {"semiconductor", "semiconductors"}},
        // a user's row is added; the built-in rows stay
        {{true, {quantum}}, "QC", {"quantum computing", "量子計算"}},
        {{true, {quantum}}, "DFFT", others({true, {}}, "DFFT")},
        // a user's row sharing a name with a built-in row replaces it
        {{true, {chips}}, "semiconductor", {"半導体デバイス", "chip"}},
        {{true, {chips}}, "半導体", {}},
        // files in order: a later file's row replaces an earlier one's (and the built-in
        // row the replaced one shared a name with comes back)
        {{true, {chips, chips2}}, "chip", {"チップ"}},
        {{true, {chips, chips2}}, "semiconductor", {"半導体", "semiconductors"}},
        // without the built-in bank: the files alone, or nothing
        {{false, {quantum}}, "量子計算", {"quantum computing", "QC"}},
        {{false, {quantum}}, "DFFT", {}},
        {{false, {}}, "DFFT", {}},
    };
    for (const Row& row : rows) {
        INFO(row.name << " with " << row.choice.files.size() << " files");
        CHECK(others(row.choice, row.name) == row.expected);
    }
    CHECK(glossary::make_term_bank({false, {}}, test::test_analyzer()).size() == 0);
    // The rows as one glossary text: what the indexer keeps of a user's files.
    CHECK(glossary::user_rows({quantum, chips, chips2}, test::test_analyzer()).tsv() ==
          "quantum computing\t量子計算\tQC\thpc\nchip\tチップ\t\tmine\n");
    // The fingerprint follows the names, so an index marked for the built-in names only is
    // not taken to have N terms for the user's.
    CHECK(glossary::make_term_bank({true, {quantum}}, test::test_analyzer()).names_fingerprint() !=
          glossary::TermBank::builtin_names_fingerprint());
    CHECK(glossary::make_term_bank({true, {}}, test::test_analyzer()).names_fingerprint() ==
          glossary::TermBank::builtin_names_fingerprint());
}

TEST_CASE("user glossary: errors name the file and the line and say why", "[glossary]") {
    const test::TempDir tmp;
    const std::string bad_row = tmp.path() + "/bad-row.tsv";
    const std::string bad_bytes = tmp.path() + "/bad-bytes.tsv";
    test::write_file(bad_row, "# ok\nquantum computing\t量子計算\t\thpc\nonly english\n");
    test::write_file(bad_bytes, "a\tb\t\tt\nlatin1\tcaf\xe9\t\tt\n");
    const std::vector<std::pair<std::string, std::string>> rows = {
        {bad_row, bad_row + ":3: expected english<TAB>japanese<TAB>variants<TAB>topic"},
        {bad_bytes, bad_bytes + ":2: not UTF-8 (save the glossary as UTF-8)"},
        {tmp.path() + "/none.tsv",
         "cannot read glossary \"" + tmp.path() + "/none.tsv\": no such file"},
        {tmp.path(), "cannot read glossary \"" + tmp.path() + "\": it is a folder, not a file"},
    };
    for (const auto& [file, message] : rows) {
        CHECK_THROWS_WITH(glossary::make_term_bank({true, {file}}, test::test_analyzer()), message);
    }
}

namespace {

/// The terms of `text` under the analyzer `options` make.
std::vector<std::string> terms_of(const std::string& text,
                                  const analysis::AnalyzerOptions& options) {
    const analysis::Analyzer analyzer(options);
    std::vector<std::string> out;
    for (const analysis::Token& t : analyzer.analyze(text)) {
        if (t.kind != analysis::TokenKind::Stop) {
            out.push_back(t.term);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("indexer glossary: kept in the index folder with its user dictionary", "[glossary]") {
    test::IndexedFolder folder;
    const std::string gloss = folder.tmp.path() + "/mine.tsv";
    test::write_file(gloss,
                     "network security management\tネットワークセキュリティマネジメント\t\tmine\n");
    test::write_file((folder.docs / "a.md").string(),
                     "# ネットワークセキュリティマネジメント\n\n概要。\n");
    folder.options.bank.files = {gloss};
    REQUIRE(folder.run().added == 1);
    const auto kept = glossary::read_index_glossary(folder.db);
    REQUIRE(kept);
    CHECK(kept->bank.builtin);
    CHECK(kept->bank.files == std::vector<std::string>{folder.db + "/seisaku-glossary.tsv"});
    CHECK(kept->user_dictionary == folder.db + "/seisaku-user.dic");
    // MeCab keeps the user's Japanese name whole, and its parts findable; without the
    // index's dictionary it is one unknown word.
    const std::string name = "ネットワークセキュリティマネジメント";
    CHECK(terms_of(name, {{}, kept->user_dictionary}) ==
          std::vector<std::string>{"ネットワーク", "セキュリティ", "マネジメント"});
    CHECK(terms_of(name, {}) == std::vector<std::string>{name});
    // A search of the index takes its glossary, with the user's files after it.
    glossary::BankChoice bank{true, {gloss}};
    analysis::AnalyzerOptions analyzer;
    glossary::use_index_glossary(folder.db, bank, analyzer);
    CHECK(bank.files == std::vector<std::string>{folder.db + "/seisaku-glossary.tsv", gloss});
    CHECK(analyzer.user_dictionary == kept->user_dictionary);
    // A run without --glossary keeps it; --overwrite without it goes back to the built-in.
    folder.options.bank = {};
    CHECK(folder.run().unchanged == 1);
    folder.options.overwrite = true;
    CHECK(folder.run().documents_in_index == 1);
    CHECK_FALSE(glossary::read_index_glossary(folder.db));
}

TEST_CASE("issuer facet: one name per issuer whatever the spelling", "[glossary]") {
    const auto& a = test::test_analyzer();
    const glossary::TermBank bank = glossary::TermBank::builtin(a);
    const std::vector<std::pair<std::string, std::string>> rows = {
        // a Japanese name with its English gloss, the English name, its acronym
        {"デジタル庁 (Digital Agency, Japan)", "Digital Agency"},
        {"デジタル庁", "Digital Agency"},
        {"Digital Agency", "Digital Agency"},
        {"AIセーフティ・インスティテュート (Japan AISI)", "Japan AI Safety Institute"},
        {"Japan AI Safety Institute (AISI)", "Japan AI Safety Institute"},
        {"ＡＩＳＩ", "Japan AI Safety Institute"},
        // a note on the source after ';' is not the issuer
        {"The White House (United States); jointly issued", "The White House (United States)"},
        {"Government of Japan (National Diet); text via e-Gov Law Search (Digital Agency)",
         "Government of Japan (National Diet)"},
        // after an English name, the parentheses say more of it: not its other name
        {"The White House (United States)", "The White House (United States)"},
        // unknown to the bank: its own words
        {"Ministry of Justice, Japan (Japanese Law Translation Database)",
         "Ministry of Justice, Japan (Japanese Law Translation Database)"},
        {"  Some Office  ", "Some Office"},
    };
    for (const auto& [issuer, name] : rows) {
        CHECK(glossary::canonical_issuer(issuer, bank, a) == name);
    }
    // Without a term bank, only the note goes.
    CHECK(glossary::canonical_issuer("デジタル庁; via e-Gov", glossary::TermBank(), a) ==
          "デジタル庁");

    // The facet counts the spellings as one, and its value filters them all.
    const test::TempCorpus corpus;
    corpus.write("a.md",
                 "---\nissuer: デジタル庁 (Digital Agency, Japan)\n---\n# Plan\n\nA plan.\n");
    corpus.write("b.md", "---\nissuer: Digital Agency; jointly issued\n---\n# Plan\n\nA plan.\n");
    corpus.write("c.md", "---\nissuer: Other Office\n---\n# Plan\n\nA plan.\n");
    search::Searcher s(corpus.index(), a);
    search::SearchRequest r;
    r.query = "plan";
    r.facets = true;
    const search::SearchResults results = s.search(r);
    std::vector<std::pair<std::string, std::size_t>> issuers;
    for (const search::Facet& f : results.facets) {
        for (const auto& v : f.values) {
            if (f.name == "issuer") {
                issuers.emplace_back(v.value, v.count);
            }
        }
    }
    using Counts = std::vector<std::pair<std::string, std::size_t>>;
    CHECK(issuers == Counts{{"Digital Agency", 2}, {"Other Office", 1}});
    r.query = "plan issuer:\"Digital Agency\"";
    r.facets = false;
    CHECK(s.search(r).total == 2);
}
