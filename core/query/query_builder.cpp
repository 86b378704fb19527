// SPDX-License-Identifier: MIT
#include "query/query_builder.hpp"

#include <algorithm>
#include <map>

#include "analysis/analyzer.hpp"
#include "error.hpp"
#include "query/expansion.hpp"
#include "query/filters.hpp"
#include "query/translation.hpp"
#include "query/word_terms.hpp"
#include "schema/schema.hpp"
#include "text/normalize.hpp"

namespace seisaku::query {
namespace {

/// Filters by field: values of one field are alternatives (type:qa type:explainer), fields
/// narrow each other; date fields intersect (after:2023 before:2024).
using FieldFilters = std::map<std::string, std::vector<Xapian::Query>>;

Xapian::Query node_query(const QueryNode& n, BuildState& st);

/// A word's clauses OR its character bigrams (B terms), as one clause: a required word stays
/// satisfiable. Unchanged when the word has no Japanese bigrams.
void or_bigrams(const QueryNode& c, std::vector<Clause>& typed, BuildState& st) {
    const std::vector<std::string> grams = analysis::japanese_bigrams(c.text);
    if (grams.empty()) {
        return;
    }
    std::vector<Xapian::Query> bq;
    for (const std::string& g : grams) {
        bq.emplace_back(std::string(schema::prefix_bigram) + g);
    }
    std::vector<Xapian::Query> qs = queries_of(typed);
    Xapian::Query grams_q(Xapian::Query::OP_SCALE_WEIGHT,
                          Xapian::Query(Xapian::Query::OP_AND, bq.begin(), bq.end()),
                          st.context.bigram_weight);
    typed.clear();
    typed.push_back({c.occur,
                     qs.empty() ? grams_q
                                : Xapian::Query(Xapian::Query::OP_OR,
                                                combine(qs, st.options.default_op), grams_q),
                     false});
    st.used_bigrams = true;
}

/// One clause: the words as typed, or their other names at a lower weight. Each other name
/// is scaled on its own, beside the words: the scores of scaling their OR as one, in one flat
/// OR that Xapian orders by frequency (on the 50,000-document generated index: in-process
/// p50 18.1 -> 17.3 ms, p95 unchanged).
Clause expanded(const QueryNode& c, std::vector<Clause> typed,
                const std::vector<Xapian::Query>& names, const Xapian::Query& translated,
                BuildState& st) {
    drop_stopwords(typed);
    std::vector<Xapian::Query> alternatives{combine(queries_of(typed), st.options.default_op)};
    if (!translated.empty()) {
        const double share = st.translated_spans >= tuning::question_spans
                                 ? tuning::question_translation_share
                                 : tuning::translation_share;
        alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, translated,
                                  st.options.expansion_weight * share);
    }
    for (const Xapian::Query& name : names) {
        // A name another clause already brought (DFFT 信頼性のある自由なデータ流通 types two
        // names of one entry) is searched once.
        if (st.searched_names
                .insert(std::to_string(static_cast<int>(c.occur)) + name.get_description())
                .second) {
            alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, name,
                                      st.options.expansion_weight);
        }
    }
    return {c.occur, Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()),
            false};
}

/// The clauses of the words and phrases from children[i] on that the term bank knows as one
/// name ("EU AI Office", "Data Free Flow with Trust"; at least children[i] itself), with
/// bigrams and other names; returns how many children they took.
std::size_t word_run_clauses(const std::vector<QueryNode>& children, std::size_t i,
                             std::vector<Clause>& clauses, BuildState& st) {
    const std::size_t span = known_span(children, i, st);
    const QueryNode& c = children[i];
    QueryNode joined = c;
    std::vector<Clause> typed;
    for (std::size_t k = i; k < i + span; ++k) {
        if (k > i) {
            joined.text += " " + children[k].text;
        }
        if (children[k].kind == NodeKind::Word) {
            for (Clause& cl : word_clauses(children[k], st)) {
                typed.push_back(std::move(cl));
            }
        } else if (Xapian::Query p = phrase_query(children[k], st); !p.empty()) {
            typed.push_back({children[k].occur, std::move(p), false});
        }
    }
    if (st.context.bigram_weight > 0 && c.kind == NodeKind::Word && c.field.empty() &&
        c.occur != Occur::MustNot) {
        or_bigrams(c, typed, st);
    }
    for (const Clause& cl : typed) {
        st.typed(cl.query);
    }
    const std::vector<Xapian::Query> names = expansion(joined, st);
    const Xapian::Query translated = translation(joined, st);
    if (names.empty() && translated.empty()) {
        std::move(typed.begin(), typed.end(), std::back_inserter(clauses));
    } else {
        clauses.push_back(expanded(c, std::move(typed), names, translated, st));
    }
    return span;
}

/// A field clause other than title: a filter, or an excluded clause; a bad one is left out
/// with a note (it never fails the search).
void add_field_clause(const QueryNode& c, std::vector<Clause>& clauses, FieldFilters& filters,
                      BuildState& st) {
    Xapian::Query f;
    try {
        f = field_filter(c, st.analyzer, st.bank());
    } catch (const QueryError& e) {
        st.notes.push_back({c.offset, std::string(e.what()) + "; it was ignored"});
        return;
    }
    if (c.occur == Occur::MustNot) {
        clauses.push_back({Occur::MustNot, std::move(f), false});
    } else {
        filters[is_date_field(c.field) ? "date" : c.field].push_back(std::move(f));
    }
}

/// A group inside the group: nothing inside an excluded one is expanded.
void add_subgroup(const QueryNode& c, std::vector<Clause>& clauses, BuildState& st) {
    st.negated += c.occur == Occur::MustNot ? 1 : 0;
    Clause cl{c.occur, node_query(c, st), false};
    st.negated -= c.occur == Occur::MustNot ? 1 : 0;
    if (!cl.query.empty()) {
        clauses.push_back(std::move(cl));
    }
}

/// Should clauses soft-ANDed, Must ones ANDed, MustNot ones subtracted, then the filters.
Xapian::Query assemble(std::vector<Clause>& clauses, FieldFilters& filters, DefaultOp op) {
    std::vector<Xapian::Query> should;
    std::vector<Xapian::Query> must;
    std::vector<Xapian::Query> must_not;
    for (Clause& c : clauses) {
        (c.occur == Occur::Must      ? must
         : c.occur == Occur::MustNot ? must_not
                                     : should)
            .push_back(std::move(c.query));
    }
    Xapian::Query soft = combine(should, op);
    Xapian::Query q = soft;
    if (!must.empty()) {
        q = Xapian::Query(Xapian::Query::OP_AND, must.begin(), must.end());
        if (!soft.empty()) {
            q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, soft);
        }
    }
    if (!must_not.empty()) {
        q = Xapian::Query(Xapian::Query::OP_AND_NOT, q.empty() ? Xapian::Query::MatchAll : q,
                          Xapian::Query(Xapian::Query::OP_OR, must_not.begin(), must_not.end()));
    }
    for (auto& [field, alternatives] : filters) {
        const auto join = field == "date" ? Xapian::Query::OP_AND : Xapian::Query::OP_OR;
        q = Xapian::Query(Xapian::Query::OP_FILTER, q.empty() ? Xapian::Query::MatchAll : q,
                          Xapian::Query(join, alternatives.begin(), alternatives.end()));
    }
    return q;
}

/// The index terms of each clause that is not excluded: the concepts of a top-level group.
std::vector<std::vector<std::string>> concepts_of(const std::vector<Clause>& clauses) {
    std::vector<std::vector<std::string>> out;
    for (const Clause& c : clauses) {
        if (c.occur != Occur::MustNot) {
            out.emplace_back(c.query.get_unique_terms_begin(), c.query.get_unique_terms_end());
        }
    }
    return out;
}

/// A group's clauses (see assemble()), or an OR of groups; `concepts`, when given, receives
/// the clauses' terms (concepts_of()).
Xapian::Query group(const QueryNode& node, BuildState& st,
                    std::vector<std::vector<std::string>>* concepts = nullptr) {
    if (node.kind == NodeKind::Or) {
        std::vector<Xapian::Query> parts;
        for (const QueryNode& c : node.children) {
            if (Xapian::Query q = node_query(c, st); !q.empty()) {
                parts.push_back(std::move(q));
            }
        }
        return {Xapian::Query::OP_OR, parts.begin(), parts.end()};
    }
    std::vector<Clause> clauses;
    FieldFilters filters;
    const std::vector<QueryNode>& children = node.children;
    for (std::size_t i = 0; i < children.size(); ++i) {
        const QueryNode& c = children[i];
        const bool leaf = c.kind == NodeKind::Word || c.kind == NodeKind::Phrase;
        if (leaf && !c.field.empty() && c.field != "title") {
            add_field_clause(c, clauses, filters, st);
        } else if (c.kind == NodeKind::Word && c.wildcard) {
            if (Xapian::Query w = wildcard_query(c, st); !w.empty()) {
                clauses.push_back({c.occur, std::move(w), false});
            }
        } else if (!leaf) {
            add_subgroup(c, clauses, st);
        } else {
            i += word_run_clauses(children, i, clauses, st) - 1;
        }
    }
    drop_stopwords(clauses);
    if (concepts != nullptr) {
        *concepts = concepts_of(clauses);
    }
    return assemble(clauses, filters, st.options.default_op);
}

Xapian::Query node_query(const QueryNode& n, BuildState& st) {
    switch (n.kind) {
        case NodeKind::Phrase:
            return phrase_query(n, st);
        case NodeKind::Word: {
            std::vector<Clause> parts = word_clauses(n, st);
            drop_stopwords(parts);
            return combine(queries_of(parts), st.options.default_op);
        }
        case NodeKind::Near:
            return near_query(n, st);
        case NodeKind::Group:
        case NodeKind::Or:
            return group(n, st);
    }
    return {};
}

/// The words of an expansion's label as analyzed: the span from its first to its last
/// searched token, so "DFFT?" reads "DFFT" (the analyzer dropped the '?'). Unchanged when
/// nothing in it is searched.
std::string analyzed_span(const std::string& label, const analysis::Analyzer& analyzer) {
    const std::string text = text::prepare(label);
    const std::vector<analysis::Token> tokens = analyzer.analyze(text);
    const std::vector<const analysis::Token*> kept = searchable(tokens);
    if (kept.empty()) {
        return label;
    }
    return text.substr(kept.front()->begin, kept.back()->end - kept.front()->begin);
}

}  // namespace

void TermBudget::spend(std::size_t terms) {
    spent_ += terms;
    if (spent_ > max_query_terms) {
        throw QueryError("query has too many terms (more than " + std::to_string(max_query_terms) +
                         ")");
    }
}

void BuildState::typed(const Xapian::Query& q) {
    typed_terms.insert(q.get_unique_terms_begin(), q.get_unique_terms_end());
}

std::vector<Xapian::Query> queries_of(std::vector<Clause>& clauses) {
    std::vector<Xapian::Query> qs;
    qs.reserve(clauses.size());
    for (Clause& c : clauses) {
        qs.push_back(std::move(c.query));
    }
    return qs;
}

void drop_stopwords(std::vector<Clause>& clauses) {
    const auto is_droppable = [](const Clause& c) {
        return c.stopword && c.occur == Occur::Should;
    };
    const auto kept = std::count_if(clauses.begin(), clauses.end(),
                                    [&](const Clause& c) { return !is_droppable(c); });
    const auto positive = std::count_if(clauses.begin(), clauses.end(), [&](const Clause& c) {
        return !is_droppable(c) && c.occur != Occur::MustNot;
    });
    if (kept > 0 && positive > 0) {
        std::erase_if(clauses, is_droppable);
    }
}

Xapian::Query combine(const std::vector<Xapian::Query>& parts, DefaultOp op) {
    if (parts.empty()) {
        return {};
    }
    if (parts.size() == 1) {
        return parts.front();
    }
    if (op == DefaultOp::And) {
        return {Xapian::Query::OP_AND, parts.begin(), parts.end()};
    }
    // Past a few clauses BM25's own OR ordering is used (tuning::max_soft_and_clauses).
    if (op == DefaultOp::Or || parts.size() > tuning::max_soft_and_clauses) {
        return {Xapian::Query::OP_OR, parts.begin(), parts.end()};
    }
    return {Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()),
            Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end())};
}

DefaultOp parse_default_op(std::string_view name) {
    if (name == "soft-and") {
        return DefaultOp::SoftAnd;
    }
    if (name == "and") {
        return DefaultOp::And;
    }
    if (name == "or") {
        return DefaultOp::Or;
    }
    throw UsageError("unknown default operator \"" + std::string(name) +
                     "\" (use soft-and, and or or)");
}

ParsedQuery parse(std::string_view raw) {
    if (raw.size() > max_query_bytes) {
        throw QueryError("query too long (" + std::to_string(raw.size()) + " bytes, max " +
                         std::to_string(max_query_bytes) + ")");
    }
    ParsedQuery parsed;
    parsed.root = parse_query(text::prepare(raw), &parsed.notes);
    return parsed;
}

BuiltQuery build(const ParsedQuery& parsed, const analysis::Analyzer& analyzer,
                 const QueryContext& context, const QueryOptions& options) {
    BuildState st(analyzer, context, options);
    plan_translations(parsed.root, st);
    std::vector<std::vector<std::string>> concepts;
    Xapian::Query q = group(parsed.root, st, &concepts);
    if (q.empty()) {
        // Only filters that were left out: their note is the reason.
        throw QueryError(st.notes.empty() ? "query has nothing to search for"
                                          : st.notes.front().message);
    }
    for (Expansion& e : st.expansions) {
        e.from = analyzed_span(e.from, analyzer);
    }
    BuiltQuery out{std::move(q),
                   std::move(st.expansions),
                   {},
                   st.used_bigrams,
                   parsed.notes,
                   std::move(st.wildcards),
                   std::move(concepts)};
    out.notes.insert(out.notes.end(), st.notes.begin(), st.notes.end());
    // Terms only expansion brought in (not also a typed word's).
    std::set_difference(st.expansion_terms.begin(), st.expansion_terms.end(),
                        st.typed_terms.begin(), st.typed_terms.end(),
                        std::inserter(out.expansion_terms, out.expansion_terms.end()));
    return out;
}

}  // namespace seisaku::query
