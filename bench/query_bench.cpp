// SPDX-License-Identifier: MIT
// @brief seisaku-query-bench: opens one Searcher and times Searcher::search() for each query
// of a list, so bench/query can set the in-process latency beside the process's.
// Prints "run<TAB>query number<TAB>microseconds<TAB>matches<TAB>hits" per search.
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
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
};

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
    seisaku::search::Searcher searcher(o.db, analyzer);
    for (int r = -o.warmup; r < o.runs; ++r) {
        for (std::size_t i = 0; i < queries.size(); ++i) {
            seisaku::search::SearchRequest request;  // what seisaku-search asks by default
            request.query = queries[i];
            std::size_t total = 0;
            std::size_t hits = 0;
            const auto start = std::chrono::steady_clock::now();
            try {
                const auto results = searcher.search(request);
                total = results.total;
                hits = results.hits.size();
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
    return seisaku::cli::run_main(app, argc, argv, [&] { return run(o); });
}
