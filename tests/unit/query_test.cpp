// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include <algorithm>

#include "analysis/analyzer.hpp"
#include "describe.hpp"
#include "error.hpp"
#include "glossary/name_terms.hpp"
#include "glossary/term_bank.hpp"
#include "query/query_builder.hpp"
#include "query/query_syntax.hpp"
#include "text/normalize.hpp"

using namespace seisaku;

namespace {

/// The query `raw` builds, parsed and built as the Searcher does.
query::BuiltQuery build_raw(std::string_view raw, const query::QueryContext& context = {},
                            const query::QueryOptions& options = {}) {
    return query::build(query::parse(raw), test::test_analyzer(), context, options);
}

}  // namespace

TEST_CASE("query syntax: string to tree", "[query]") {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"dfft", "(dfft)"},
        {"data governance", "(data governance)"},
        {"\"AI Safety Institute\"", "(\"AI Safety Institute\")"},
        {"「広島AIプロセス」", "(\"広島AIプロセス\")"},
        {"+dfft -quantum", "(+dfft -quantum)"},
        {"dfft AND iap", "(+dfft +iap)"},
        {"dfft OR iap", "(((dfft) OR (iap)))"},
        {"NOT quantum policy", "(-quantum policy)"},
        {"title:chips lang:ja", "(title:chips lang:ja)"},
        {"title:\"AI Act\"", "(title:\"AI Act\")"},
        {"title:(ai act)", "((title:ai title:act))"},
        {"(a OR b) c", "((((a) OR (b))) c)"},
        {"unknown:field", "(unknown:field)"},
        // Forgiving: stray operators and brackets are dropped, open ones close at the end.
        {"policy AND (", "(policy)"},
        {"\"unterminated", "(\"unterminated\")"},
        {")))x(((", "((x))"},
        {"a OR", "(a)"},
        {"-", "(-)"},
    };
    for (const auto& [input, expected] : rows) {
        INFO(input);
        CHECK(query::describe(query::parse_query(input)) == expected);
    }
}

TEST_CASE("query syntax: nothing to search and limits", "[query]") {
    for (const char* empty : {"", "   ", "NOT", "OR OR", "()", "AND"}) {
        INFO(empty);
        CHECK_THROWS_WITH(query::parse_query(empty), "query has nothing to search for");
    }
    CHECK_THROWS_WITH(query::parse_query(std::string(5000, 'x')),
                      "query too long after normalization (5000 bytes, max 4096)");
    // Deep nesting is flattened, never a stack overflow.
    CHECK_NOTHROW(query::parse_query(std::string(500, '(') + "x" + std::string(500, ')')));
}

TEST_CASE("query building table", "[query]") {
    for (const auto& row : test::read_table(TEST_DATA_DIR "/query/queries.tsv")) {
        REQUIRE(row.size() == 2);
        INFO(row[0]);
        CHECK(build_raw(row[0]).query.get_description() == row[1]);
    }
}

TEST_CASE("the default operator can be chosen", "[query]") {
    const auto with = [&](query::DefaultOp op, const std::string& q) {
        query::QueryOptions o;
        o.default_op = op;
        return build_raw(q, {}, o).query.get_description();
    };
    CHECK(with(query::DefaultOp::Or, "data governance") == "Query((Zdata OR Zgovern))");
    CHECK(with(query::DefaultOp::And, "data governance") == "Query((Zdata AND Zgovern))");
    CHECK(with(query::DefaultOp::SoftAnd, "data governance") ==
          "Query(((Zdata AND Zgovern) OR (Zdata OR Zgovern)))");
    // Past three clauses soft AND is plain OR: questions rank better that way.
    CHECK(with(query::DefaultOp::SoftAnd, "data governance trust rules") ==
          "Query((Zdata OR Zgovern OR Ztrust OR Zrule))");
    CHECK(query::parse_default_op("soft-and") == query::DefaultOp::SoftAnd);
    CHECK_THROWS_WITH(query::parse_default_op("xor"),
                      "unknown default operator \"xor\" (use soft-and, and or or)");
}

TEST_CASE("syntax errors and bad filters never fail a search: plain words and a note", "[query]") {
    // Columns: query, the Xapian query searched, the notes as offset:message joined by " | ".
    for (const auto& row : test::read_table(TEST_DATA_DIR "/query/notes.tsv")) {
        REQUIRE(row.size() == 3);
        INFO(row[0]);
        const query::BuiltQuery built = build_raw(row[0]);
        CHECK(built.query.get_description() == row[1]);
        std::string notes;
        for (const query::QueryNote& n : built.notes) {
            notes += (notes.empty() ? "" : " | ") + std::to_string(n.offset) + ":" + n.message;
        }
        CHECK(notes == row[2]);
    }
}

TEST_CASE("query building refuses unusable queries with a message", "[query]") {
    CHECK_THROWS_WITH(build_raw(std::string(100000, 'x')).query,
                      "query too long (100000 bytes, max 1024)");
    std::string many;
    for (int i = 0; i < 40; ++i) {
        many += "w" + std::to_string(i) + " ";
    }
    CHECK_THROWS_WITH(build_raw(many).query, "query has too many terms (more than 32)");
    CHECK_THROWS_WITH(build_raw("、。！").query, "query has nothing to search for");
    CHECK_THROWS_AS(build_raw("NOT").query, QueryError);
    CHECK_THROWS_WITH(build_raw("*").query, "query has nothing to search for");
    // Any bytes: invalid UTF-8 and NUL are repaired before parsing.
    CHECK(build_raw(std::string("policy\0data", 11)).query.get_description() ==
          "Query((Zpolici OR Zdata))");
    CHECK(build_raw("polic\xE3").query.get_description() == "Query(Zpolic)");
}

namespace {
const char* const small_bank =
    "# english\tjapanese\tvariants\ttopic\n"
    "Data Free Flow with "
    "Trust\t信頼性のある自由なデータ流通\tDFFT|データ・フリー・フロー・ウィズ・トラスト\tdfft\n"
    "semiconductor\t半導体\tsemiconductors|chips\tsemiconductors\n"
    "Digital Services Act\tデジタルサービス法\tDSA\tplatforms\n"
    "Data Society Alliance\tデータ社会推進協議会\tDSA\tdata-spaces\n";
}  // namespace

TEST_CASE("term bank: names match whatever their width, case and punctuation", "[query]") {
    const auto& a = test::test_analyzer();
    const glossary::TermBank bank(small_bank, a, "small");
    CHECK(bank.size() == 4);
    CHECK(glossary::TermBank::key_of("ＤＦＦＴ", a) == "dfft");
    CHECK(glossary::TermBank::key_of("データ・フリー・フロー", a) == "データ フリー フロー");
    CHECK(bank.other_names("dfft") ==
          std::vector<std::string>{"Data Free Flow with Trust", "信頼性のある自由なデータ流通",
                                   "データ・フリー・フロー・ウィズ・トラスト"});
    CHECK(bank.other_names(glossary::TermBank::key_of("半導体", a)) ==
          std::vector<std::string>{"semiconductor", "semiconductors", "chips"});
    // An ambiguous acronym brings the names of every entry it belongs to.
    CHECK(bank.other_names("dsa") ==
          std::vector<std::string>{"Digital Services Act", "デジタルサービス法",
                                   "Data Society Alliance", "データ社会推進協議会"});
    CHECK(bank.other_names("unknown").empty());
    CHECK_THROWS_WITH(glossary::TermBank("a\tb\n", a, "bad.tsv"),
                      "bad.tsv:1: expected english<TAB>japanese<TAB>variants<TAB>topic");
    CHECK(glossary::TermBank(glossary::TermBank::builtin_tsv(), a).size() >= 200);
}

TEST_CASE("term bank: the built-in keys were computed with this analyzer, and agree", "[query]") {
    const auto& a = test::test_analyzer();
    CHECK(glossary::TermBank::builtin_keys().starts_with(std::string(analysis::analyzer_version) +
                                                         "|" + a.dictionary_name() + "\n"));
    const glossary::TermBank fast = glossary::TermBank::builtin(a);
    const glossary::TermBank slow(glossary::TermBank::builtin_tsv(), a);
    REQUIRE(fast.size() == slow.size());
    for (const char* name : {"DFFT", "半導体", "ＧＤＰＲ", "データ・スペース", "広島AIプロセス",
                             "data free flow with trust"}) {
        INFO(name);
        const std::string key = glossary::TermBank::key_of(name, a);
        CHECK_FALSE(slow.other_names(key).empty());
        CHECK(fast.other_names(key) == slow.other_names(key));
    }
    // The names' fingerprint from build time is that of the keys.
    CHECK(fast.names_fingerprint() == glossary::TermBank::builtin_names_fingerprint());
    CHECK(fast.names_fingerprint() == glossary::names_fingerprint(slow.keys()));
    CHECK(slow.names_fingerprint() == glossary::names_fingerprint(slow.keys()));
    // Another analyzer (no user dictionary) does not take keys computed with this one, nor
    // their fingerprint.
    analysis::AnalyzerOptions plain;
    plain.user_dictionary = "none";
    const analysis::Analyzer other(plain);
    const glossary::TermBank other_bank = glossary::TermBank::builtin(other);
    CHECK(other_bank.other_names(glossary::TermBank::key_of("DFFT", other)) ==
          glossary::TermBank(glossary::TermBank::builtin_tsv(), other)
              .other_names(glossary::TermBank::key_of("DFFT", other)));
    CHECK(other_bank.names_fingerprint() == glossary::names_fingerprint(other_bank.keys()));
    CHECK(other_bank.names_fingerprint() != fast.names_fingerprint());
}

TEST_CASE("name terms: the term bank's names found in text, a table of examples", "[query]") {
    const auto& a = test::test_analyzer();
    const auto key = [&](const char* name) { return glossary::TermBank::key_of(name, a); };
    using Keys = std::vector<std::string>;
    const glossary::NameFinder names(
        Keys{key("Data Free Flow with Trust"), key("submarine cable"),
             key("個人データの第三者提供"), key("DFFT"), key("EU AI法")},
        a);
    const std::vector<std::pair<std::string, std::vector<std::string>>> rows = {
        {"We support Data Free Flow with Trust.", {"Ndata free flow with trust"}},
        {"data free flow with trust and DFFT", {"Ndata free flow with trust"}},  // one word: no N
        {"a submarine cable, then another submarine cable",
         {"Nsubmarine cable", "Nsubmarine cable"}},
        {"new submarine cables were laid", {"Nsubmarine cables"}},  // the other number, as phrases
        {"submarine-cable", {"Nsubmarine cable"}},                  // punctuation is no word
        {"個人データの第三者提供を制限する", {"N個人 データ 第三者 提供"}},  // as in the name
        {"個人データ第三者提供", {"N個人 データ 第三者 提供"}},  // one particle may be left out
        {"個人データとの第三者提供", {}},  // two particles between: not the name
        {"EUのAI法", {"Neu ai 法"}},       // one particle may stand between two words
        {"free flow of data with trust", {}},
        {"trust", {}},
        {"", {}},
    };
    for (const auto& [text, expected] : rows) {
        INFO(text);
        CHECK(names.find(a.analyze(text::prepare(text))) == expected);
    }
    // The fingerprint names the set of names and the rule, not their order.
    const glossary::NameFinder same(Keys{key("EU AI法"), key("DFFT"), key("個人データの第三者提供"),
                                         key("submarine cable"), key("Data Free Flow with Trust")},
                                    a);
    CHECK(same.fingerprint() == names.fingerprint());
    const glossary::NameFinder fewer(Keys{key("submarine cable")}, a);
    CHECK(fewer.fingerprint() != names.fingerprint());
    CHECK(glossary::NameFinder().find(a.analyze("submarine cable")).empty());
    // A key too long for a Xapian term has no N term: it stays a phrase.
    CHECK(glossary::name_term(std::string(300, 'x')).empty());
    CHECK(glossary::name_term("eu ai 法") == "Neu ai 法");
}

TEST_CASE(
    "name terms: with them, a name of several words is one rare term, weighed as its "
    "phrase",
    "[query]") {
    const auto& a = test::test_analyzer();
    const glossary::TermBank bank(small_bank, a);
    query::QueryContext o;
    o.term_bank = &bank;
    const std::string phrases = build_raw("DFFT", o).query.get_description();
    o.name_terms = true;
    const std::string names = build_raw("DFFT", o).query.get_description();
    CHECK(phrases.find("PHRASE") != std::string::npos);
    CHECK(names.find("PHRASE") == std::string::npos);
    // The words give the weight, the N term only filters (no weight of its own).
    CHECK(names.find("((data AND free AND flow AND with AND trust) FILTER Ndata free flow with "
                     "trust)") != std::string::npos);
    // Typed words that are a name are matched through its N term too.
    CHECK(build_raw("data free flow with trust", o).query.get_description().find("PHRASE") ==
          std::string::npos);
    o.name_terms = false;
    CHECK(build_raw("data free flow with trust", o).query.get_description().find("PHRASE") !=
          std::string::npos);
    o.name_terms = true;
    // Two names of one entry typed together: each other name is searched once.
    const std::string both =
        build_raw("DFFT 信頼性のある自由なデータ流通", o).query.get_description();
    std::size_t times = 0;
    for (std::size_t at = both.find("FILTER Ndata free flow with trust)"); at != std::string::npos;
         at = both.find("FILTER Ndata free flow with trust)", at + 1)) {
        ++times;
    }
    CHECK(times == 1);
    // An English name's last word in the other number, at half weight, as phrases had it.
    CHECK(names.find("0.5 * ((data AND free AND flow AND with AND trusts) FILTER Ndata free flow "
                     "with trusts)") != std::string::npos);
}

TEST_CASE("expansion: other names join at a lower weight, longest name first", "[query]") {
    const auto& a = test::test_analyzer();
    const glossary::TermBank bank(small_bank, a);
    query::QueryContext o;
    o.term_bank = &bank;
    // Each other name scaled on its own, beside the word (the same scores as scaling their
    // OR, and one flat OR for Xapian to prune).
    CHECK(build_raw("半導体", o).query.get_description() ==
          "Query(((Z半導体 OR 0.10000000000000000555 * C半導体) OR 0.5999999999999999778 * "
          "Zsemiconductor OR 0.5999999999999999778 * Zchip))");
    // A Japanese word the bank does not know whole: the names inside it, longest first.
    const query::BuiltQuery inner = build_raw("次世代半導体とデジタルサービス法", o);
    REQUIRE(inner.expansions.size() == 2);
    CHECK(inner.expansions[0].from == "半導体");
    CHECK(inner.expansions[1].from == "デジタルサービス法");
    CHECK(inner.expansions[1].to.front() == "Digital Services Act");
    // Inside a word, a one-token name must be a Japanese noun: not the Latin DSA of
    // DSA対応 (each spelling of DSA is a name of its own only when typed alone).
    CHECK(build_raw("DSA対応", o).expansions.empty());
    // Five words typed without quotes are one name in the bank: expanded as a whole.
    const query::BuiltQuery built = build_raw("data free flow with trust rules", o);
    REQUIRE(built.expansions.size() == 1);
    CHECK(built.expansions[0].from == "data free flow with trust");
    CHECK(built.expansions[0].to.front() == "信頼性のある自由なデータ流通");
    // A one-letter name (R for Reiwa) is not searched: it matches far more than the name.
    const glossary::TermBank reiwa("Reiwa\t令和\tR|Ｒ\tdates\n", a);
    o.term_bank = &reiwa;
    const std::string era = build_raw("令和", o).query.get_description();
    CHECK(era.find("Zreiwa") != std::string::npos);
    CHECK(era.find("Zr ") == std::string::npos);
    CHECK(era.find("Zr)") == std::string::npos);
    o.term_bank = &bank;
    // A word typed in both languages is not marked as an expansion.
    const query::BuiltQuery both = build_raw("semiconductor 半導体", o);
    CHECK_FALSE(both.expansion_terms.contains("Zsemiconductor"));
    CHECK(both.expansion_terms.contains("Zchip"));
    // An excluded word or group leaves out its other names too (issue 5: 広島AIプロセス
    // -行動規範 leaves out the Code of Conduct in both languages), and says so.
    const query::BuiltQuery excluded = build_raw("データ -(semiconductor)", o);
    REQUIRE(excluded.expansions.size() == 1);
    CHECK(excluded.expansions[0].excluded);
    CHECK(excluded.query.get_description().find("AND_NOT") != std::string::npos);
    CHECK(excluded.query.get_description().find("Z半導体") != std::string::npos);
    const query::BuiltQuery minus = build_raw("-DFFT policy", o);
    REQUIRE(minus.expansions.size() == 1);
    CHECK(minus.expansions[0].excluded);
    CHECK_FALSE(build_raw("DFFT policy", o).expansions[0].excluded);
    // An expansion is labelled with the words the analyzer kept: no punctuation typed
    // around them (issue 16: "also searched for DFFT? as ...").
    const std::vector<std::pair<std::string, std::string>> labels{
        {"DFFT?", "DFFT"},
        {"(DFFT)!", "DFFT"},
        {"\"data free flow with trust?\"", "data free flow with trust"},
        {"半導体は?", "半導体"},
        {"「半導体」", "半導体"}};
    for (const auto& [typed, label] : labels) {
        INFO(typed);
        const query::BuiltQuery labelled = build_raw(typed, o);
        REQUIRE(labelled.expansions.size() == 1);
        CHECK(labelled.expansions[0].from == label);
    }
    // Fields are left alone.
    CHECK(build_raw("title:DFFT", o).expansions.empty());
    CHECK(build_raw("DFFT").query.get_description() == "Query(Zdfft)");
}

namespace {

/// A vocabulary of a few words, sorted as an index's: what words_from() walks.
class ListVocabulary : public query::Vocabulary {
  public:
    explicit ListVocabulary(std::vector<std::string> words) : words_(std::move(words)) {
        std::sort(words_.begin(), words_.end());
    }
    [[nodiscard]] std::vector<std::string> words_with_prefix(
        const std::string& prefix) const override {
        return words_from(prefix, query::max_wildcard_terms);
    }
    [[nodiscard]] std::vector<std::string> words_from(const std::string& prefix,
                                                      std::size_t limit) const override {
        std::vector<std::string> out;
        for (const std::string& w : words_) {
            if (w.starts_with(prefix) && out.size() < limit) {
                out.push_back(w);
            }
        }
        return out;
    }

  private:
    std::vector<std::string> words_;
};

}  // namespace

TEST_CASE("phrases and NEAR match every indexed form of their words", "[query]") {
    // Issue 16: "semiconductor NEAR/3 cooperation" found nothing where the text said
    // "semiconductors". A word in a phrase or NEAR now matches the indexed words plain
    // search matches (same stem, same base form); the forms typed weigh more.
    const ListVocabulary vocabulary({"semiconductor", "semiconductors", "semiconductorless",
                                     "cooperation", "cooperative", "cooper", "policy", "policies",
                                     "police", "取り扱う", "取り扱っ", "取り扱わ", "取り扱い説明書",
                                     "data"});
    query::QueryContext o;
    o.vocabulary = &vocabulary;
    const std::vector<std::pair<std::string, std::string>> rows{
        {"semiconductor NEAR/3 cooperation",
         "Query((((semiconductor OR semiconductors) NEAR 5 (cooperation OR cooper OR "
         "cooperative)) AND_MAYBE 0.5 * (semiconductor OR cooperation)))"},
        {"\"data policies\"",
         "Query(((data PHRASE 2 (policies OR policy)) AND_MAYBE 0.5 * policies))"},
        {"\"取り扱う\"", "Query(((取り扱う OR 取り扱っ OR 取り扱わ) AND_MAYBE 0.5 * 取り扱う))"},
        {"\"data\"", "Query(data)"},
        {"\"semiconductor data\" NEAR/2 policy",
         "Query(((((semiconductor OR semiconductors) NEAR 5 data NEAR 5 (policy OR policies)) "
         "FILTER ((semiconductor OR semiconductors) PHRASE 2 data)) AND_MAYBE 0.5 * "
         "(semiconductor OR policy)))"},
    };
    for (const auto& [typed, want] : rows) {
        INFO(typed);
        CHECK(build_raw(typed, o).query.get_description() == want);
    }
}
