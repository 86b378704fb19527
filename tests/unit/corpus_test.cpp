// SPDX-License-Identifier: MIT
// The bundled corpus and term bank: every document's metadata, the pairs, the glossary.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "describe.hpp"
#include "document/reader.hpp"
#include "text/script_runs.hpp"
#include "text/utf8.hpp"

using namespace seisaku;
namespace fs = std::filesystem;

namespace {

const std::set<std::string> types = {"press-release", "joint-statement", "fact-sheet", "explainer",
                                     "law-summary",   "timeline",        "qa"};
const std::set<std::string> topics = {"japan-eu-digital-partnership",
                                      "dfft",
                                      "iap",
                                      "oecd",
                                      "g7",
                                      "hiroshima-ai-process",
                                      "ai-safety",
                                      "ai-act",
                                      "ai-governance",
                                      "personal-data",
                                      "adequacy",
                                      "data-spaces",
                                      "semiconductors",
                                      "submarine-cables",
                                      "hpc",
                                      "quantum",
                                      "6g",
                                      "iot-security",
                                      "cybersecurity",
                                      "platforms",
                                      "competition",
                                      "digital-identity",
                                      "digital-agency",
                                      "japanese-dates"};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct CorpusDoc {
    std::string folder;  // "en" or "ja"
    document::Format format;
    document::Document doc;
};

std::vector<CorpusDoc> load_corpus() {
    std::vector<CorpusDoc> out;
    for (const char* folder : {"en", "ja"}) {
        for (const auto& e : fs::directory_iterator(fs::path(CORPUS_DIR) / folder)) {
            const std::string name = e.path().filename().string();
            const auto format = document::format_for(name);
            REQUIRE(format.has_value());
            out.push_back({folder, *format,
                           document::read_document(slurp(e.path()), *format,
                                                   std::string(folder) + "/" + name, name)});
        }
    }
    return out;
}

bool has_japanese(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        if (text::classify(text::next_code_point(s, pos)) == text::CharClass::Japanese) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("corpus: every document reads cleanly with complete metadata", "[corpus]") {
    const std::vector<CorpusDoc> corpus = load_corpus();
    std::size_t en = 0;
    std::size_t ja = 0;
    std::map<std::string, std::vector<std::string>> keys;  // translation key -> ids
    for (const CorpusDoc& c : corpus) {
        const document::Document& d = c.doc;
        INFO(d.id);
        CHECK(d.warnings.empty());
        CHECK(d.lang == c.folder);
        CHECK(!d.title.empty());
        CHECK(d.title != fs::path(d.id).filename().string());  // a real title, not the file name
        const std::size_t chars = text::length(d.body);
        if (c.folder == "en") {
            ++en;
            CHECK(chars >= 700);  // about 150 words at least
        } else {
            ++ja;
            CHECK(chars >= 400);
        }
        if (c.format == document::Format::Text) {
            continue;  // plain text carries no metadata
        }
        CHECK(document::is_valid_date(d.date));
        CHECK(d.date.size() == 10);
        CHECK(!d.issuer.empty());
        CHECK(types.contains(d.type));
        CHECK(!d.topics.empty());
        for (const std::string& t : d.topics) {
            INFO(t);
            CHECK(topics.contains(t));
        }
        CHECK(!d.source_title.empty());
        CHECK(d.source_url.starts_with("https://"));
        if (!d.translation_key.empty()) {
            keys[d.translation_key].push_back(d.id);
        }
    }
    CHECK(corpus.size() >= 100);
    CHECK(en >= 50);
    CHECK(ja >= 50);
    std::size_t pairs = 0;
    for (const auto& [key, ids] : keys) {
        INFO("translation_key " << key);
        // Exactly one English and one Japanese document share a key.
        REQUIRE(ids.size() == 2);
        CHECK(ids[0].substr(0, 3) != ids[1].substr(0, 3));
        ++pairs;
    }
    CHECK(pairs >= 35);
}

TEST_CASE("glossary: at least 200 terms, each with English, Japanese and a topic", "[corpus]") {
    const auto rows = test::read_table(CORPUS_DIR "/glossary.tsv");
    CHECK(rows.size() >= 200);
    std::set<std::string> english;
    for (const auto& row : rows) {
        INFO(row[0]);
        REQUIRE(row.size() == 4);
        CHECK(!row[0].empty());
        CHECK(text::is_valid(row[0]));
        // A name may be written the same way in both languages (DATA-EX, imec, A64FX).
        CHECK((has_japanese(row[1]) || row[1] == row[0]));
        CHECK(topics.contains(row[3]));
        CHECK(english.insert(row[0]).second);  // no duplicate English terms
        std::stringstream variants(row[2]);
        std::string v;
        while (std::getline(variants, v, '|')) {
            CHECK(!v.empty());
        }
    }
}

TEST_CASE("glossary: every acronym used in the corpus is in the term bank", "[corpus]") {
    std::set<std::string> known;
    for (const auto& row : test::read_table(CORPUS_DIR "/glossary.tsv")) {
        known.insert(row[0]);
        std::stringstream variants(row[2]);
        std::string v;
        while (std::getline(variants, v, '|')) {
            known.insert(v);
        }
    }
    // An acronym: upper-case ASCII letters, 2-8 of them, hyphens allowed inside (JC-STAR),
    // used in at least two documents. Roman numerals and shouted words are not acronyms.
    const std::set<std::string> not_acronyms = {"II", "III", "IV", "VI", "THE", "AND"};
    std::map<std::string, std::set<std::string>> used;
    const auto is_upper = [](char ch) { return ch >= 'A' && ch <= 'Z'; };
    const auto is_alnum = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; };
    for (const CorpusDoc& c : load_corpus()) {
        const std::string& s = c.doc.body;
        std::size_t i = 0;
        while (i < s.size()) {
            if (!is_upper(s[i]) || (i > 0 && is_alnum(s[i - 1]))) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < s.size() && (is_upper(s[j]) || (s[j] == '-' && j + 1 < s.size() &&
                                                       is_upper(s[j + 1]) && j > i))) {
                ++j;
            }
            const std::string word = s.substr(i, j - i);
            if ((j == s.size() || !is_alnum(s[j])) && word.size() >= 2 && word.size() <= 8 &&
                !not_acronyms.contains(word)) {
                used[word].insert(c.doc.id);
            }
            i = j;
        }
    }
    for (const auto& [acronym, docs] : used) {
        if (docs.size() >= 2) {
            INFO(acronym << " is used in " << docs.size() << " documents");
            CHECK(known.contains(acronym));
        }
    }
}

TEST_CASE("judged queries: at least 60, known types, existing documents", "[corpus]") {
    const std::set<std::string> query_types = {"en",    "ja",       "phrase",      "acronym",
                                               "width", "compound", "cross-en-ja", "cross-ja-en",
                                               "date",  "question"};
    const auto rows = test::read_table(TEST_DATA_DIR "/../relevance/queries.tsv");
    CHECK(rows.size() >= 60);
    std::set<std::string> ids;
    for (const auto& row : rows) {
        REQUIRE(row.size() == 4);
        INFO(row[0] << " " << row[2]);
        CHECK(ids.insert(row[0]).second);
        CHECK(query_types.contains(row[1]));
        bool highly_relevant = false;
        std::stringstream judgments(row[3]);
        std::string j;
        while (judgments >> j) {
            const std::size_t eq = j.rfind('=');
            REQUIRE(eq != std::string::npos);
            const std::string grade = j.substr(eq + 1);
            CHECK((grade == "1" || grade == "2"));
            highly_relevant = highly_relevant || grade == "2";
            CHECK(fs::is_regular_file(fs::path(CORPUS_DIR) / j.substr(0, eq)));
        }
        CHECK(highly_relevant);
    }
}
