// SPDX-License-Identifier: MIT
// @brief seisaku-describe: the Xapian query each line of standard input builds, with the
// notes and expansions, plain and through the built-in term bank (with and without N terms),
// for bench/same-behaviour to compare two builds of the query builder.
#include <iostream>
#include <string>

#include "analysis/analyzer.hpp"
#include "error.hpp"
#include "glossary/term_bank.hpp"
#include "query/query_builder.hpp"
#include "run_main.hpp"

namespace {

using namespace seisaku;

std::string described(const std::string& line, const analysis::Analyzer& analyzer,
                      const query::QueryContext& context) {
    try {
        const query::BuiltQuery built = query::build(query::parse(line), analyzer, context);
        std::string out = built.query.get_description();
        for (const query::QueryNote& n : built.notes) {
            out += " | note " + std::to_string(n.offset) + ":" + n.message;
        }
        for (const query::Expansion& e : built.expansions) {
            out += " | expansion " + e.from + (e.excluded ? " (excluded)" : "") + " ->";
            for (const std::string& to : e.to) {
                out += " " + to;
            }
        }
        return out;
    } catch (const QueryError& e) {
        return std::string("error: ") + e.what();
    }
}

int run() {
    const analysis::Analyzer analyzer;
    const glossary::TermBank bank = glossary::TermBank::builtin(analyzer);
    std::string line;
    while (std::getline(std::cin, line)) {
        const query::QueryContext plain;
        const query::QueryContext expanded{&bank};
        const query::QueryContext named{&bank, true};
        std::cout << line << "\n  plain:    " << described(line, analyzer, plain)
                  << "\n  expanded: " << described(line, analyzer, expanded)
                  << "\n  named:    " << described(line, analyzer, named) << '\n';
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Print the query each line of standard input builds.", "seisaku-describe"};
    return cli::run_main(app, argc, argv, [&] { return run(); });
}
