// SPDX-License-Identifier: MIT
// Phrases: positional terms in order, the noun-pair terms that spare Xapian reading
// positions, the other number of the last word, and term-bank names as N terms.
#include "analysis/analyzer.hpp"
#include "glossary/name_terms.hpp"
#include "glossary/term_bank.hpp"
#include "query/word_forms.hpp"
#include "query/word_terms.hpp"
#include "schema/schema.hpp"

namespace seisaku::query {
namespace {

using analysis::Token;
using Tokens = std::vector<const Token*>;

/// Documents holding all of `pairs` but at most one.
Xapian::Query all_but_one(const std::vector<Xapian::Query>& pairs) {
    std::vector<Xapian::Query> alternatives;
    for (std::size_t skip = 0; skip < pairs.size(); ++skip) {
        std::vector<Xapian::Query> rest = pairs;
        rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(skip));
        alternatives.emplace_back(Xapian::Query::OP_AND, rest.begin(), rest.end());
    }
    return {Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()};
}

/// The matching key of a run of tokens (TermBank::key_of): their terms joined by spaces.
std::string key_of(const Tokens& tokens) {
    std::string key;
    for (const Token* t : tokens) {
        key += (key.empty() ? "" : " ") + t->term;
    }
    return key;
}

/// The P terms of the neighbouring noun pairs of a phrase (none under a field).
std::vector<Xapian::Query> pair_terms(const QueryNode& n, const Tokens& tokens) {
    std::vector<Xapian::Query> pairs;
    for (std::size_t i = 0; n.field.empty() && i + 1 < tokens.size(); ++i) {
        if (analysis::is_noun_pair(*tokens[i], *tokens[i + 1])) {
            if (std::string pair =
                    schema::pair_term(analysis::noun_pair_key(*tokens[i], *tokens[i + 1]));
                !pair.empty()) {
                pairs.emplace_back(std::move(pair));
            }
        }
    }
    return pairs;
}

/// The phrase `exact` of `terms`, with a Japanese phrase's noun pairs (P terms) first:
/// Xapian then checks positions only in documents holding all of them, not in every one
/// holding its frequent words.
Xapian::Query narrowed_by_pairs(Xapian::Query exact, const std::vector<Xapian::Query>& terms,
                                const std::vector<Xapian::Query>& pairs, std::size_t words,
                                Xapian::termcount slack) {
    if (pairs.size() + 1 == words && (words == 2 || slack > 0)) {
        // Neighbouring words that are all noun pairs, no positions read: two words are
        // their pair (but for a stop token between them); a compound is its words and
        // all its pairs but at most one (one particle may part two words: 利用目的の特定
        // for 利用目的特定). Weighed as the phrase was (the AND of its words). Inside an
        // OR, Xapian 1.4 checked a compound phrase's positions in every document holding
        // its pairs: on 50,000 generated documents matching the latency queries took 155
        // ms with the phrase, 143 without, and 令和4年 デジタル庁 alone 9.9 → 2.1 ms;
        // tests/relevance nDCG@10 unchanged but cross-ja-en 0.754 → 0.752.
        return {Xapian::Query::OP_FILTER,
                Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()),
                pairs.size() == 1 ? pairs.front() : all_but_one(pairs)};
    }
    if (slack == 0 && !pairs.empty()) {
        return {Xapian::Query::OP_FILTER, exact,
                Xapian::Query(Xapian::Query::OP_AND, pairs.begin(), pairs.end())};
    }
    if (pairs.size() >= 2) {
        // A compound's phrase may have one particle between two of its words, which
        // parts one pair: a match lacks at most one pair, so it has one of every two.
        // Pairs side by side, each in two ORs, not "all pairs but one" spelled out:
        // on 50,000 generated documents that took 行政機関等匿名加工情報 (5 pairs,
        // 20 P posting lists against 8) from 11.1 to 9.1 ms. The phrase decides; this
        // only spares it documents.
        std::vector<Xapian::Query> one_of_two;
        for (std::size_t k = 0; k + 1 < pairs.size(); ++k) {
            one_of_two.emplace_back(Xapian::Query::OP_OR, pairs[k], pairs[k + 1]);
        }
        return {Xapian::Query::OP_FILTER, exact,
                Xapian::Query(Xapian::Query::OP_AND, one_of_two.begin(), one_of_two.end())};
    }
    return exact;
}

/// Whether tokens[i] forms a noun pair with a neighbour.
bool in_pair(const Tokens& tokens, std::size_t i) {
    return (i > 0 && analysis::is_noun_pair(*tokens[i - 1], *tokens[i])) ||
           (i + 1 < tokens.size() && analysis::is_noun_pair(*tokens[i], *tokens[i + 1]));
}

/// The phrase of a term-bank name (no N terms for it): its words as typed, the last one
/// in either number, weighed as name_of() weighs it so that N terms and phrases give the
/// same scores.
Xapian::Query name_phrase(const QueryNode& n, const Tokens& tokens, const BuildState& st,
                          Xapian::termcount slack, const std::vector<Xapian::Query>& pairs) {
    std::vector<Xapian::Query> terms;
    for (const Token* t : tokens) {
        terms.emplace_back(positional(n, *t));
    }
    const Xapian::termcount window = tokens.back()->position - tokens.front()->position + 1 + slack;
    const Xapian::Query exact = narrowed_by_pairs(
        Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), window), terms, pairs,
        tokens.size(), slack);
    // The last word (the head of a noun phrase) may also be in the other number, as the
    // indexer's N terms of the name are: two phrases, the other form's at half weight.
    const std::vector<std::string> forms = st.analyzer.same_stem_forms(*tokens.back());
    if (forms.size() < 2) {
        return exact;
    }
    std::vector<Xapian::Query> others;
    for (auto form = forms.begin() + 1; form != forms.end(); ++form) {
        Token variant = *tokens.back();
        variant.term = *form;
        others.emplace_back(positional(n, variant));
    }
    terms.back() = Xapian::Query(Xapian::Query::OP_OR, others.begin(), others.end());
    const Xapian::Query inflected(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), window);
    return {Xapian::Query::OP_OR, exact,
            Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, inflected, tuning::other_form_weight)};
}

}  // namespace

std::string positional(const QueryNode& n, const Token& t) {
    return n.field == "title" ? std::string(schema::prefix_title) + t.term : t.term;
}

Xapian::Query phrase_of(const QueryNode& n, const Tokens& tokens, const BuildState& st,
                        Xapian::termcount slack) {
    const std::vector<Xapian::Query> pairs = pair_terms(n, tokens);
    if (tokens.size() > 1 && st.bank() != nullptr && st.bank()->has_key(key_of(tokens))) {
        return name_phrase(n, tokens, st, slack, pairs);
    }
    // Each word matches every form plain search would (its stem's or base form's indexed
    // words), so "semiconductor export" finds "semiconductors export"; the words as typed
    // weigh more where a document has them. A word in a noun pair keeps its typed form: the
    // pair's P term names that form.
    std::vector<Xapian::Query> words;
    std::vector<Xapian::Query> typed;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const bool paired = !pairs.empty() && in_pair(tokens, i);
        words.push_back(paired ? Xapian::Query(positional(n, *tokens[i]))
                               : forms_query(n, *tokens[i], st));
        if (words.back().get_type() == Xapian::Query::OP_OR) {
            typed.emplace_back(positional(n, *tokens[i]));
        }
    }
    if (tokens.size() == 1) {
        return typed_first(words.front(), typed);
    }
    const Xapian::termcount window = tokens.back()->position - tokens.front()->position + 1 + slack;
    return typed_first(narrowed_by_pairs(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(),
                                                       words.end(), window),
                                         words, pairs, tokens.size(), slack),
                       typed);
}

/// The N term (the indexer found the name there) filters; the words weigh, as Xapian weighs
/// a phrase (the AND of its terms). As in phrase_of(), the last word may be in the other
/// number, at half weight. The N term is rare, so the AND costs a few skips, not a phrase
/// check.
Xapian::Query name_of(const Tokens& tokens, const BuildState& st) {
    const std::string key = key_of(tokens);
    const auto matched_as_phrase = [&](const std::string& last, const std::string& n_term) {
        std::vector<Xapian::Query> words;
        for (const Token* t : tokens) {
            words.emplace_back(t == tokens.back() ? last : t->term);
        }
        return Xapian::Query(Xapian::Query::OP_FILTER,
                             Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()),
                             Xapian::Query(n_term));
    };
    const std::string exact = glossary::name_term(key);
    if (exact.empty()) {
        return phrase_of(QueryNode{}, tokens, st);  // too long for one term: not indexed so
    }
    const std::string& last = tokens.back()->term;
    const std::vector<std::string> forms = st.analyzer.same_stem_forms(*tokens.back());
    std::vector<Xapian::Query> others;
    for (auto form = forms.begin() + 1; form < forms.end(); ++form) {
        const std::string other =
            glossary::name_term(key.substr(0, key.size() - last.size()) + *form);
        if (!other.empty()) {
            others.push_back(matched_as_phrase(*form, other));
        }
    }
    if (others.empty()) {
        return matched_as_phrase(last, exact);
    }
    return {Xapian::Query::OP_OR, matched_as_phrase(last, exact),
            Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                          Xapian::Query(Xapian::Query::OP_OR, others.begin(), others.end()),
                          tuning::other_form_weight)};
}

Xapian::Query together(const QueryNode& n, const Tokens& tokens, const BuildState& st,
                       Xapian::termcount slack) {
    if (tokens.size() > 1 && n.field.empty() && st.context.name_terms && st.bank() != nullptr &&
        st.bank()->has_key(key_of(tokens))) {
        return name_of(tokens, st);
    }
    return phrase_of(n, tokens, st, slack);
}

}  // namespace seisaku::query
