// SPDX-License-Identifier: MIT
// @brief seisaku-query-bench: opens one Searcher and times Searcher::search() for each query
// of a list, so bench/query can set the in-process latency beside the process's. With
// --xapian, the same for Xapian's own in-process search of an omindex database (the anchor):
// QueryParser as quest and omega use it (English stemming, CJK n-grams), get_mset of 10, and
// each hit's data read and its sample highlighted with MSet::snippet, as omega shows it.
// Prints "run<TAB>query number<TAB>microseconds<TAB>matches<TAB>hits" per search.
#include <xapian.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "analysis/analyzer.hpp"
#include "error.hpp"
#include "run_main.hpp"
#include "search/searcher.hpp"

namespace {

struct Options {
    std::string db;
    std::string queries;
    int runs = 3;
    int warmup = 1;
    bool xapian = false;
};

/// One search as Xapian's own tools do it: (matches estimated, hits).
std::pair<std::size_t, std::size_t> xapian_search(const Xapian::Database& db,
                                                  const std::string& query) {
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    Xapian::Query q;
    try {
        q = parser.parse_query(
            query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM);
    } catch (const Xapian::QueryParserError&) {
        // As omega does: read the words again without operators.
        q = parser.parse_query(query, Xapian::QueryParser::FLAG_CJK_NGRAM);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const std::string data = it.get_document().get_data();
        const std::size_t at = data.find("sample=");
        const std::string sample =
            at == std::string::npos ? data : data.substr(at + 7, data.find('\n', at) - at - 7);
        (void)mset.snippet(sample, 200, Xapian::Stem("english"),
                           Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
                               Xapian::MSet::SNIPPET_EXHAUSTIVE | Xapian::MSet::SNIPPET_CJK_NGRAM);
    }
    return {mset.get_matches_estimated(), mset.size()};
}

/// The query column of "type<TAB>query" lines; blank and # lines are skipped.
std::vector<std::string> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw seisaku::UsageError("cannot read queries \"" + path + "\"");
    }
    std::vector<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const std::size_t tab = line.find('\t');
        out.push_back(tab == std::string::npos ? line : line.substr(tab + 1));
    }
    return out;
}

int run(const Options& o) {
    const std::vector<std::string> queries = read_queries(o.queries);
    const seisaku::analysis::Analyzer analyzer(seisaku::analysis::AnalyzerOptions{});
    std::optional<seisaku::search::Searcher> searcher;
    std::optional<Xapian::Database> xapian_db;
    if (o.xapian) {
        xapian_db.emplace(o.db);
    } else {
        searcher.emplace(o.db, analyzer);
    }
    for (int r = -o.warmup; r < o.runs; ++r) {
        for (std::size_t i = 0; i < queries.size(); ++i) {
            seisaku::search::SearchRequest request;  // what seisaku-search asks by default
            request.query = queries[i];
            std::size_t total = 0;
            std::size_t hits = 0;
            const auto start = std::chrono::steady_clock::now();
            try {
                if (xapian_db) {
                    std::tie(total, hits) = xapian_search(*xapian_db, queries[i]);
                } else {
                    const auto results = searcher->search(request);
                    total = results.total;
                    hits = results.hits.size();
                }
            } catch (const Xapian::Error& e) {
                std::cerr << "seisaku-query-bench: query " << i + 1 << ": " << e.get_description()
                          << '\n';
            } catch (const seisaku::QueryError& e) {
                std::cerr << "seisaku-query-bench: query " << i + 1 << ": " << e.what() << '\n';
            }
            const auto stop = std::chrono::steady_clock::now();
            if (r >= 0) {
                std::cout
                    << r << '\t' << i + 1 << '\t'
                    << std::chrono::duration_cast<std::chrono::microseconds>(stop - start).count()
                    << '\t' << total << '\t' << hits << '\n';
            }
        }
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times Searcher::search() per query on one open index", "seisaku-query-bench"};
    Options o;
    app.add_option("-D,--db", o.db, "index to search")->required();
    app.add_option("--queries", o.queries, "type<TAB>query lines")->required();
    app.add_option("--runs", o.runs, "timed passes over the queries")->check(CLI::Range(1, 1000));
    app.add_option("--warmup", o.warmup, "untimed passes first")->check(CLI::Range(0, 100));
    app.add_flag("--xapian", o.xapian,
                 "time Xapian's own search of an omindex database instead (the anchor)");
    return seisaku::cli::run_main(app, argc, argv, [&] { return run(o); });
}
