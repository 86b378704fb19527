// SPDX-License-Identifier: MIT
// A user's glossaries over the built-in term bank (glossary/user_glossary.hpp).
#include <catch2/catch.hpp>

#include "describe.hpp"
#include "error.hpp"
#include "glossary/user_glossary.hpp"

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
        // files in order: a later file's row replaces an earlier one's
        {{true, {chips, chips2}}, "chip", {"チップ"}},
        {{true, {chips, chips2}}, "semiconductor", {}},
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
