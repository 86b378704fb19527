// SPDX-License-Identifier: MIT
// @brief What building one query carries from clause to clause (internal to query/): the
// inputs, the term budget, and what the result will report.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "query/query_builder.hpp"

namespace seisaku::query {

/// At most max_query_terms searchable terms per query, counted as words are analyzed.
class TermBudget {
  public:
    /// Counts `terms` more; throws QueryError past the limit.
    void spend(std::size_t terms);

  private:
    std::size_t spent_ = 0;
};

/// One searchable unit with how it takes part in its group.
struct Clause {
    Occur occur = Occur::Should;
    Xapian::Query query;
    bool stopword = false;  ///< a lone function word, dropped when others remain
};

struct BuildState {
    BuildState(const analysis::Analyzer& a, const QueryContext& c, const QueryOptions& o)
        : analyzer(a), context(c), options(o) {}

    const analysis::Analyzer& analyzer;
    const QueryContext& context;
    const QueryOptions& options;
    TermBudget budget;

    std::vector<QueryNote> notes;  ///< filters left out, wildcards cut short, and why
    std::vector<Expansion> expansions;
    std::set<std::string> expansion_terms;
    std::set<std::string> typed_terms;     ///< terms of the words as typed
    std::set<std::string> searched_names;  ///< other names already in the query (by occur)
    std::vector<std::string> wildcards;    ///< prefixes of the wildcard words
    int negated = 0;                       ///< depth inside excluded groups
    bool used_bigrams = false;

    /// The term bank to expand through, or nullptr.
    [[nodiscard]] const glossary::TermBank* bank() const noexcept { return context.term_bank; }
    /// Records the terms of `q` as typed (not only brought in by expansion).
    void typed(const Xapian::Query& q);
};

/// The queries of `clauses`, moved out.
[[nodiscard]] std::vector<Xapian::Query> queries_of(std::vector<Clause>& clauses);

/// Drops lone function words that are Should clauses, when another clause remains that is
/// not excluded.
void drop_stopwords(std::vector<Clause>& clauses);

/// Clauses side by side, joined by the default operator.
[[nodiscard]] Xapian::Query combine(const std::vector<Xapian::Query>& parts, DefaultOp op);

}  // namespace seisaku::query
