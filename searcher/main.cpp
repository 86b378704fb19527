// SPDX-License-Identifier: MIT
// @brief seisaku-search: ranked answers from a seisaku database, for people or as JSON.
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include "analysis/analyzer.hpp"
#include "glossary/index_glossary.hpp"
#include "render/json.hpp"
#include "render/terminal.hpp"
#include "run_main.hpp"
#include "search/searcher.hpp"

namespace {

struct Options {
    std::string db;
    std::vector<std::string> words;
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::string lang;
    std::string color = "auto";
    bool json = false;
    bool no_balance = false;
    bool no_expand = false;
    bool explain = false;
    bool no_group = false;
    bool no_suggest = false;
    seisaku::glossary::BankChoice bank;
    std::string default_op = "or";
    bool facets = false;
    std::string sort = "relevance";
    bool recency = false;
    std::string since;
    std::string until;
    std::string like;
    double time_limit = 2.0;
    seisaku::analysis::AnalyzerOptions analyzer{
        .mecab_dicdir = {}, .user_dictionary = {}, .load_on_first_use = true};
};

void setup(CLI::App& app, Options& o) {
    app.description(
        "Search a seisaku database in English and Japanese.\n\nExamples:\n"
        "  seisaku-search --db _index DFFT\n"
        "  seisaku-search --db _index '\"AI Safety Institute\"'\n"
        "  seisaku-search --db _index --lang ja 個人情報保護委員会\n"
        "  seisaku-search --db _index --json 'title:semiconductors -quantum'\n"
        "  seisaku-search --db _index --facets --sort newest 'DFFT after:2023-01-01 lang:ja'\n"
        "  seisaku-search --db _index --like en/a-dpc-2024-press.md");
    app.add_option("-D,--db", o.db, "database folder")->required()->envname("SEISAKU_DB");
    app.add_option("query", o.words, "query words (see docs/query-syntax.md; syntax below)");
    app.add_option("-n,--limit", o.limit, "results to show (1-1000)")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    app.add_option("--offset", o.offset, "results to skip first")
        ->check(CLI::Range(0, 9000))
        ->capture_default_str();
    app.add_option("--lang", o.lang, "only documents in this language")
        ->check(CLI::IsMember({"en", "ja"}));
    app.add_flag("--json", o.json, "one JSON object (docs/output.md)");
    app.add_option("--default-op", o.default_op,
                   "how words side by side combine: or, and, soft-and (all first, then some)")
        ->check(CLI::IsMember({"soft-and", "and", "or"}))
        ->capture_default_str();
    app.add_flag("--no-expand", o.no_expand,
                 "search only the words typed (no acronym or other-language names)");
    app.add_option("--glossary", o.bank.files,
                   "your glossary (english<TAB>japanese<TAB>variants<TAB>topic), added to the "
                   "built-in term bank; its rows win; may be repeated (docs/glossary.md)")
        ->allow_extra_args(false);
    app.add_flag(
        "--no-builtin-glossary", [&o](std::int64_t) { o.bank.builtin = false; },
        "leave the built-in term bank (corpus/glossary.tsv) out: --glossary files only");
    app.add_flag("--no-group", o.no_group,
                 "list a document and its translation as two results (default: one)");
    app.add_flag("--explain", o.explain,
                 "show per hit which words, stems, compounds and expansions matched");
    app.add_flag("--no-balance", o.no_balance,
                 "plain score order (by default the top hits take turns by language)");
    app.add_flag("--no-suggest", o.no_suggest,
                 "no \"did you mean\" line for misspelled or romaji words");
    app.add_option("--color", o.color, "bold highlights: auto (on a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    app.add_flag("--facets", o.facets,
                 "count the matches by language, year, issuer, type and topic");
    app.add_option("--sort", o.sort, "relevance, newest or oldest (by date; undated last)")
        ->check(CLI::IsMember({"relevance", "newest", "oldest"}))
        ->capture_default_str();
    app.add_flag("--recency", o.recency,
                 "relevance order with a small boost (at most +10%) for newer documents");
    app.add_option("--since", o.since,
                   "only documents dated on or after this date (2024-04, 令和6年4月1日, ...)");
    app.add_option("--until", o.until, "only documents dated on or before this date");
    app.add_option("--like", o.like,
                   "documents like this one (its path as shown in results), in both languages");
    app.add_option("--time-limit", o.time_limit,
                   "seconds of counting all matches for --facets (0: no limit)")
        ->check(CLI::Range(0.0, 60.0))
        ->capture_default_str();
    app.add_option("--mecab-dicdir", o.analyzer.mecab_dicdir,
                   "MeCab dictionary folder (must match the index)");
    app.add_option("--user-dictionary", o.analyzer.user_dictionary,
                   "MeCab user dictionary of policy terms (must match the index; none: without)");
    app.set_version_flag("-V,--version", "seisaku-search " SEISAKU_VERSION_LINE);
    app.footer(
        "Query syntax (docs/query-syntax.md; full-width forms work too):\n"
        "  words          any of them; more and rarer ones rank higher\n"
        "  \"a b\" 「a b」  phrase            a NEAR/5 b    within 5 words\n"
        "  +a  a AND b    required          -a  NOT a     excluded\n"
        "  a OR b  ( )    either, grouping  polic*        words beginning polic\n"
        "  title: lang: issuer: type: topic:             fields and filters\n"
        "  date:2024..2025 after:2024-01-01 before: year:令和6年 fy:令和5年度   dates\n"
        "Exit status: 0 results, 1 no results, 2 usage error, 65-78 index or setup "
        "faults.\nReport bugs in the seisaku issue tracker.");
}

bool use_color(const std::string& choice) {
    if (choice != "auto") {
        return choice == "always";
    }
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color != nullptr && *no_color != '\0') {
        return false;
    }
    const char* term = std::getenv("TERM");
    return ::isatty(STDOUT_FILENO) == 1 && (term == nullptr || std::string_view(term) != "dumb");
}

int run(Options& o) {
    std::string query;
    for (const std::string& w : o.words) {
        query += (query.empty() ? "" : " ") + w;
    }
    if (o.words.empty() && o.like.empty()) {
        throw seisaku::UsageError("give a query, or --like PATH");
    }
    // An index made with a user's glossary searches with it (and its user dictionary).
    seisaku::glossary::use_index_glossary(o.db, o.bank, o.analyzer);
    // Never destroyed: the process ends after one search, and the kernel takes MeCab's
    // dictionary and the term bank back faster than their destructors (10% of a process's
    // time for a Japanese query, perf).
    static const auto* const analyzer_kept = new seisaku::analysis::Analyzer(o.analyzer);
    static auto* const searcher_kept = new seisaku::search::Searcher(o.db, *analyzer_kept);
    const seisaku::analysis::Analyzer& analyzer = *analyzer_kept;
    seisaku::search::Searcher& searcher = *searcher_kept;
    seisaku::search::SearchRequest request;
    request.query = query;
    request.offset = o.offset;
    request.limit = o.limit;
    request.lang = o.lang;
    request.balance_languages = !o.no_balance;
    request.expand = !o.no_expand;
    request.explain = o.explain;
    request.group_translations = !o.no_group;
    request.facets = o.facets;
    request.sort = seisaku::search::parse_sort_order(o.sort);
    request.recency = o.recency;
    request.since = o.since;
    request.until = o.until;
    request.like = o.like;
    request.time_limit = o.time_limit;
    request.suggest = !o.no_suggest;
    if (!o.bank.is_default()) {
        searcher.set_term_bank(seisaku::glossary::make_term_bank(o.bank, analyzer));
    }
    request.query_options.default_op = seisaku::query::parse_default_op(o.default_op);
    const auto results = searcher.search(request);
    if (o.json) {
        std::cout << seisaku::render::json(results) << '\n';
    } else {
        seisaku::render::terminal(std::cout, results, {use_color(o.color)});
    }
    std::cout.flush();
    if (!std::cout) {
        if (errno == EPIPE) {
            return 128 + SIGPIPE;  // the reader went away (| head) with SIGPIPE ignored: quiet
        }
        throw seisaku::Error(seisaku::ExitCode::IoError, "cannot write the results");
    }
    return results.hits.empty() ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"", "seisaku-search"};
    Options options;
    setup(app, options);
    return seisaku::cli::run_main(app, argc, argv, [&] { return run(options); });
}
