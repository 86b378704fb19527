// SPDX-License-Identifier: MIT
// @brief seisaku-quality: runs a judged query set against an index and reports nDCG@10,
// recall@10 and MRR per query type; with --thresholds, fails when a value drops below.
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "analysis/analyzer.hpp"
#include "error.hpp"
#include "glossary/index_glossary.hpp"
#include "run_main.hpp"
#include "search/searcher.hpp"

namespace {

constexpr std::size_t cutoff = 10;

struct JudgedQuery {
    std::string id;
    std::string type;
    std::string query;
    std::map<std::string, int> grades;  // path -> 1 or 2
};

struct Scores {
    double ndcg = 0;
    double recall = 0;
    double mrr = 0;
};

struct Options {
    std::string db;
    std::string queries;
    std::string thresholds;
    std::string run;        ///< score another engine's ranked lists instead of searching
    bool basename = false;  ///< compare file names only (judgments over corpus-real)
    std::string default_op = "or";
    bool no_balance = false;
    bool no_expand = false;
    bool no_group = false;
    double expansion_weight = seisaku::query::QueryOptions{}.expansion_weight;
    bool per_query = false;
    std::string user_dictionary;
    seisaku::glossary::BankChoice bank;
};

std::vector<std::string> split(const std::string& line, char sep) {
    std::vector<std::string> out;
    std::stringstream in(line);
    std::string cell;
    while (std::getline(in, cell, sep)) {
        out.push_back(cell);
    }
    return out;
}

std::vector<JudgedQuery> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw seisaku::UsageError("cannot read query set \"" + path + "\"");
    }
    std::vector<JudgedQuery> out;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const auto cells = split(line, '\t');
        if (cells.size() != 4) {
            throw seisaku::UsageError(path + ":" + std::to_string(number) +
                                      ": expected 4 tab-separated columns");
        }
        JudgedQuery q{cells[0], cells[1], cells[2], {}};
        for (const std::string& j : split(cells[3], ' ')) {
            const std::size_t eq = j.rfind('=');
            if (j.empty()) {
                continue;
            }
            if (eq == std::string::npos || (j.substr(eq + 1) != "1" && j.substr(eq + 1) != "2")) {
                throw seisaku::UsageError(path + ":" + std::to_string(number) +
                                          ": bad judgment \"" + j + "\" (want path=1 or path=2)");
            }
            q.grades[j.substr(0, eq)] = std::stoi(j.substr(eq + 1));
        }
        out.push_back(std::move(q));
    }
    return out;
}

Scores score(const JudgedQuery& q, const std::vector<std::string>& ranked) {
    Scores s;
    double dcg = 0;
    std::size_t found = 0;
    for (std::size_t i = 0; i < ranked.size() && i < cutoff; ++i) {
        const auto g = q.grades.find(ranked[i]);
        if (g == q.grades.end()) {
            continue;
        }
        dcg += (std::pow(2.0, g->second) - 1) / std::log2(static_cast<double>(i) + 2);
        ++found;
        if (s.mrr == 0) {
            s.mrr = 1.0 / static_cast<double>(i + 1);
        }
    }
    std::vector<int> ideal;
    for (const auto& [path, grade] : q.grades) {
        ideal.push_back(grade);
    }
    std::sort(ideal.rbegin(), ideal.rend());
    double idcg = 0;
    for (std::size_t i = 0; i < ideal.size() && i < cutoff; ++i) {
        idcg += (std::pow(2.0, ideal[i]) - 1) / std::log2(static_cast<double>(i) + 2);
    }
    s.ndcg = idcg > 0 ? dcg / idcg : 0;
    // Recall against what can fit in the cut-off, so 12 relevant documents do not cap it.
    const std::size_t reachable = std::min(q.grades.size(), cutoff);
    s.recall = reachable > 0 ? static_cast<double>(found) / static_cast<double>(reachable) : 0;
    return s;
}

/// "id<TAB>doc doc doc ..." lines: another engine's top results per query id.
std::map<std::string, std::vector<std::string>> read_run(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw seisaku::UsageError("cannot read run file \"" + path + "\"");
    }
    std::map<std::string, std::vector<std::string>> out;
    std::string line;
    while (std::getline(in, line)) {
        const std::size_t tab = line.find('\t');
        if (line.empty() || tab == std::string::npos) {
            continue;
        }
        std::vector<std::string> docs;
        for (const std::string& d : split(line.substr(tab + 1), ' ')) {
            if (!d.empty()) {
                docs.push_back(d);
            }
        }
        out[line.substr(0, tab)] = std::move(docs);
    }
    return out;
}

std::string base_name(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// The analyzer and searcher of --db, with the index's glossary and the term bank chosen.
struct Engine {
    std::unique_ptr<seisaku::analysis::Analyzer> analyzer;
    std::unique_ptr<seisaku::search::Searcher> searcher;
};

Engine open_engine(Options& o) {
    seisaku::analysis::AnalyzerOptions analyzer_options{{}, o.user_dictionary};
    seisaku::glossary::use_index_glossary(o.db, o.bank, analyzer_options);
    Engine e;
    e.analyzer = std::make_unique<seisaku::analysis::Analyzer>(analyzer_options);
    e.searcher = std::make_unique<seisaku::search::Searcher>(o.db, *e.analyzer);
    if (!o.bank.is_default()) {
        e.searcher->set_term_bank(seisaku::glossary::make_term_bank(o.bank, *e.analyzer));
    }
    return e;
}

int run(Options& o) {
    const std::vector<JudgedQuery> queries = read_queries(o.queries);
    if (o.run.empty() == o.db.empty()) {
        throw seisaku::UsageError("give either --db (search seisaku) or --run (score a run file)");
    }
    const std::map<std::string, std::vector<std::string>> external =
        o.run.empty() ? std::map<std::string, std::vector<std::string>>{} : read_run(o.run);
    const Engine engine = o.db.empty() ? Engine{} : open_engine(o);
    seisaku::search::Searcher* const searcher = engine.searcher.get();

    std::map<std::string, std::vector<Scores>> by_type;
    for (const JudgedQuery& q : queries) {
        seisaku::search::SearchRequest request;
        request.query = q.query;
        request.limit = cutoff;
        request.balance_languages = !o.no_balance;
        request.expand = !o.no_expand;
        request.group_translations = !o.no_group;
        request.query_options.expansion_weight = o.expansion_weight;
        request.query_options.default_op = seisaku::query::parse_default_op(o.default_op);
        std::vector<std::string> ranked;
        if (searcher) {
            try {
                // A translation shown with its hit counts right after it: the reader gets
                // both at that place in the list.
                for (const auto& hit : searcher->search(request).hits) {
                    ranked.push_back(o.basename ? base_name(hit.path) : hit.path);
                    if (hit.translation) {
                        const std::string& p = hit.translation->path;
                        ranked.push_back(o.basename ? base_name(p) : p);
                    }
                }
            } catch (const seisaku::QueryError& e) {
                std::cerr << "seisaku-quality: " << q.id << ": " << e.what() << '\n';
            }
        } else if (const auto found = external.find(q.id); found != external.end()) {
            for (const std::string& d : found->second) {
                ranked.push_back(o.basename ? base_name(d) : d);
            }
        }
        const Scores s = score(q, ranked);
        by_type[q.type].push_back(s);
        by_type["all"].push_back(s);
        if (o.per_query) {
            std::cout << std::fixed << std::setprecision(3) << q.id << '\t' << q.type << '\t'
                      << s.ndcg << '\t' << s.recall << '\t' << s.mrr << '\t' << q.query << '\n';
        }
    }

    std::map<std::string, Scores> mean;
    std::cout << std::left << std::setw(12) << "type" << std::right << std::setw(8) << "queries"
              << std::setw(10) << "nDCG@10" << std::setw(11) << "recall@10" << std::setw(8) << "MRR"
              << '\n';
    for (const auto& [type, list] : by_type) {
        Scores m;
        for (const Scores& s : list) {
            m.ndcg += s.ndcg / static_cast<double>(list.size());
            m.recall += s.recall / static_cast<double>(list.size());
            m.mrr += s.mrr / static_cast<double>(list.size());
        }
        mean[type] = m;
        if (type == "all") {
            continue;
        }
        std::cout << std::left << std::setw(12) << type << std::right << std::setw(8) << list.size()
                  << std::fixed << std::setprecision(3) << std::setw(10) << m.ndcg << std::setw(11)
                  << m.recall << std::setw(8) << m.mrr << '\n';
    }
    const Scores& all = mean["all"];
    std::cout << std::left << std::setw(12) << "all" << std::right << std::setw(8)
              << by_type["all"].size() << std::fixed << std::setprecision(3) << std::setw(10)
              << all.ndcg << std::setw(11) << all.recall << std::setw(8) << all.mrr << '\n';

    if (o.thresholds.empty()) {
        return 0;
    }
    std::ifstream in(o.thresholds);
    if (!in) {
        throw seisaku::UsageError("cannot read thresholds \"" + o.thresholds + "\"");
    }
    int failures = 0;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const auto cells = split(line, '\t');
        if (cells.size() != 3 || !mean.contains(cells[0])) {
            throw seisaku::UsageError("bad threshold line \"" + line + "\"");
        }
        const Scores& m = mean[cells[0]];
        const double value = cells[1] == "ndcg"     ? m.ndcg
                             : cells[1] == "recall" ? m.recall
                             : cells[1] == "mrr"    ? m.mrr
                                                    : -1;
        const double min = std::stod(cells[2]);
        if (value < 0) {
            throw seisaku::UsageError("unknown metric \"" + cells[1] + "\"");
        }
        if (value < min) {
            std::cout << "BELOW THRESHOLD: " << cells[0] << ' ' << cells[1] << ' '
                      << std::setprecision(3) << value << " < " << min << '\n';
            ++failures;
        }
    }
    std::cout << (failures == 0 ? "quality thresholds met\n" : "quality thresholds missed\n");
    return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Judged-query evaluation of a seisaku index", "seisaku-quality"};
    Options o;
    app.add_option("-D,--db", o.db, "index to search");
    app.add_option("--run", o.run, "score another engine's results: id<TAB>doc doc ... lines");
    app.add_flag("--basename", o.basename, "compare file names only, not paths");
    app.add_option("--queries", o.queries, "judged queries (id, type, query, path=grade ...)")
        ->required();
    app.add_option("--thresholds", o.thresholds, "type<TAB>metric<TAB>minimum lines to enforce");
    app.add_option("--default-op", o.default_op, "soft-and, and, or")
        ->check(CLI::IsMember({"soft-and", "and", "or"}));
    app.add_flag("--no-balance", o.no_balance, "plain score order");
    app.add_flag("--no-expand", o.no_expand, "no term-bank expansion");
    app.add_flag("--no-group", o.no_group, "translations as separate results");
    app.add_option("--expansion-weight", o.expansion_weight, "weight of expanded names")
        ->check(CLI::Range(0.0, 10.0));
    app.add_flag("--per-query", o.per_query, "print each query's scores");
    app.add_option("--glossary", o.bank.files,
                   "a glossary added to the built-in term bank (repeatable; its rows win)")
        ->allow_extra_args(false);
    app.add_flag(
        "--no-builtin-glossary", [&o](std::int64_t) { o.bank.builtin = false; },
        "without the built-in term bank (measure the --glossary files alone, or none)");
    app.add_option("--user-dictionary", o.user_dictionary,
                   "MeCab user dictionary the index was built with (none: without)");
    return seisaku::cli::run_main(app, argc, argv, [&] { return run(o); });
}
