// SPDX-License-Identifier: MIT
// @brief What building one query carries from clause to clause (internal to query/): the
// inputs, the term budget, and what the result will report.
#pragma once

#include <xapian.h>

#include <map>
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

/// A word or span of a clause translated into the other language (query/translation.hpp).
struct TranslatedSpan {
    std::size_t first = 0;  ///< index of its first word among the clause's key words
    std::size_t count = 0;  ///< its words; 0: untranslated
    std::string text;       ///< as typed
    std::vector<Xapian::Query> alternatives;
    std::vector<std::string> shown;  ///< the translations, as the expansion records them
    std::string source;              ///< "term bank" or "dictionary"
    Xapian::Query as_is;             ///< an untranslated Latin word of a Japanese clause
    bool japanese = false;           ///< translated from Japanese into English
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
    /// Each clause's translation (by its text), planned over the whole query first so that
    /// senses are chosen by what the other clauses' translations co-occur with.
    std::map<std::string, std::vector<TranslatedSpan>> translations;
    std::size_t translated_spans = 0;  ///< spans of the whole query's translation plan
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
