// SPDX-License-Identifier: MIT
#include "search/explain.hpp"

#include <cmath>
#include <string_view>
#include <utility>

#include "schema/schema.hpp"

namespace seisaku::search {
namespace {

bool is_filter_term(const std::string& term) {
    for (const std::string_view p : {schema::prefix_id, schema::prefix_lang, schema::prefix_issuer,
                                     schema::prefix_type, schema::prefix_topic}) {
        if (term.starts_with(p)) {
            return true;
        }
    }
    return false;
}

/// A matched term's BM25 weight in one document: one term, one document, over the whole
/// index's statistics, as in the full query.
double term_weight(const Xapian::Database& db, const std::string& term,
                   const std::string& id_term) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term), Xapian::Query(id_term)));
    const Xapian::MSet m = enquire.get_mset(0, 1);
    return m.empty() ? 0.0 : std::round(m.begin().get_weight() * 1000.0) / 1000.0;
}

}  // namespace

MatchedTerm matched_term(const std::string& term, const std::set<std::string>& expansion_terms) {
    constexpr std::pair<std::string_view, TermKind> by_prefix[] = {
        {schema::prefix_stem, TermKind::Stem},         {schema::prefix_title, TermKind::Title},
        {schema::prefix_compound, TermKind::Compound}, {schema::prefix_bigram, TermKind::Bigram},
        {schema::prefix_name, TermKind::Name},
    };
    MatchedTerm m;
    m.expansion = expansion_terms.contains(term);
    m.text = term;
    for (const auto& [prefix, kind] : by_prefix) {
        if (term.starts_with(prefix)) {
            m.kind = kind;
            m.text = term.substr(1);
            break;
        }
    }
    return m;
}

std::vector<MatchedTerm> matched_terms(const Xapian::Database& db, const Xapian::Enquire& enquire,
                                       const Xapian::MSetIterator& it, const std::string& id_term,
                                       const std::set<std::string>& expansion_terms) {
    std::vector<MatchedTerm> out;
    for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it);
         ++t) {
        if (is_filter_term(*t)) {
            continue;
        }
        MatchedTerm m = matched_term(*t, expansion_terms);
        m.weight = m.kind == TermKind::Name ? 0.0 : term_weight(db, *t, id_term);
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace seisaku::search
