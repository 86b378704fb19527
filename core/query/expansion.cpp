// SPDX-License-Identifier: MIT
#include "query/expansion.hpp"

#include <algorithm>

#include "analysis/analyzer.hpp"
#include "glossary/term_bank.hpp"
#include "query/word_terms.hpp"
#include "schema/schema.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace seisaku::query {
namespace {

using analysis::Token;
using analysis::TokenKind;
using glossary::TermBank;

/// The names inside one word of several tokens, longest first, left to right (a Japanese
/// word has no spaces). A name of one token must be a Japanese noun of two or more
/// characters, so that EU inside a compound does not bring in its names.
std::vector<Expansion> names_inside(const QueryNode& n, const BuildState& st) {
    const std::string text = text::prepare(n.text);
    const std::vector<Token> analyzed = st.analyzer.analyze(text);
    std::vector<const Token*> tokens = searchable(analyzed);
    if (tokens.size() < 2) {
        return {};
    }
    tokens.resize(std::min(tokens.size(), max_inner_scan_tokens));
    std::vector<Expansion> out;
    for (std::size_t i = 0; i < tokens.size();) {
        std::size_t len = std::min(tokens.size() - i, max_inner_name_tokens);
        for (; len >= 1; --len) {
            if (i == 0 && len == tokens.size()) {
                continue;  // the whole clause, looked up by the caller
            }
            if (len == 1 &&
                (tokens[i]->kind != TokenKind::Noun || text::length(tokens[i]->term) < 2)) {
                continue;
            }
            std::string key = tokens[i]->term;
            for (std::size_t k = i + 1; k < i + len; ++k) {
                key += " " + tokens[k]->term;
            }
            std::vector<std::string> names = st.bank()->other_names(key);
            if (!names.empty()) {
                const std::size_t b = tokens[i]->begin;
                out.push_back({text.substr(b, tokens[i + len - 1]->end - b), std::move(names)});
                break;
            }
        }
        i += std::max<std::size_t>(len, 1);
    }
    return out;
}

/// The names the term bank knows in a clause, with their other names: the whole clause
/// when it is one name, else the names inside it (第1回日EUデジタルパートナーシップ閣僚会合
/// holds the name 日EUデジタルパートナーシップ閣僚会合).
std::vector<Expansion> known_names(const QueryNode& n, const BuildState& st) {
    std::vector<std::string> whole = st.bank()->other_names(TermBank::key_of(n.text, st.analyzer));
    if (!whole.empty()) {
        return {{n.text, std::move(whole)}};
    }
    return n.kind == NodeKind::Word ? names_inside(n, st) : std::vector<Expansion>{};
}

}  // namespace

bool known_name(const std::string& text, const BuildState& st) {
    return st.bank() != nullptr &&
           !st.bank()->other_names(TermBank::key_of(text, st.analyzer)).empty();
}

void add_alternatives(const std::vector<std::string>& names,
                      std::vector<Xapian::Query>& alternatives, const BuildState& st) {
    std::vector<std::string> single;
    const QueryNode plain;
    for (const std::string& name : names) {
        const std::vector<Token> tokens = st.analyzer.analyze(text::prepare(name));
        const std::vector<const Token*> kept = searchable(tokens);
        if (kept.empty()) {
            continue;
        }
        if (kept.size() > 1) {
            alternatives.push_back(st.context.name_terms ? name_of(kept, st)
                                                         : phrase_of(plain, kept, st));
            continue;
        }
        if (kept.front()->term.size() == 1 && kept.front()->kind == TokenKind::Word) {
            continue;  // one letter or digit (R for 令和) matches far more than the name
        }
        std::string term = std::string(schema::prefix_stem) + kept.front()->base;
        if (std::find(single.begin(), single.end(), term) == single.end()) {
            single.push_back(term);  // semiconductor and semiconductors share one stem
            alternatives.emplace_back(term);
        }
    }
}

std::size_t known_span(const std::vector<QueryNode>& children, std::size_t i,
                       const BuildState& st) {
    const auto plain = [](const QueryNode& n) {
        return n.kind == NodeKind::Word && n.field.empty() && n.occur == Occur::Should &&
               !n.wildcard;
    };
    if (st.bank() == nullptr || !plain(children[i])) {
        return 1;
    }
    std::size_t run = 1;
    while (i + run < children.size() && run < max_name_words && plain(children[i + run])) {
        ++run;
    }
    for (std::size_t len = run; len >= 2; --len) {
        std::string text = children[i].text;
        for (std::size_t k = i + 1; k < i + len; ++k) {
            text += " " + children[k].text;
        }
        if (known_name(text, st)) {
            return len;
        }
    }
    return 1;
}

std::vector<Xapian::Query> expansion(const QueryNode& n, BuildState& st) {
    if (st.bank() == nullptr || !n.field.empty()) {
        return {};
    }
    std::vector<Xapian::Query> alternatives;
    for (Expansion& found : known_names(n, st)) {
        if (found.to.size() > max_expansions_per_clause) {
            found.to.resize(max_expansions_per_clause);
        }
        const std::size_t before = alternatives.size();
        add_alternatives(found.to, alternatives, st);
        if (alternatives.size() > before) {
            // An excluded word leaves out its other names too (-行動規範 also leaves
            // out "Code of Conduct"): the reader excludes a subject, not a spelling.
            found.excluded = n.occur == Occur::MustNot || st.negated > 0;
            st.expansions.push_back(std::move(found));
        }
    }
    for (const Xapian::Query& q : alternatives) {
        st.expansion_terms.insert(q.get_unique_terms_begin(), q.get_unique_terms_end());
    }
    // Combined with OP_OR by the caller, not OP_MAX: Xapian 1.4.22 crashed in get_mset()
    // with OP_MAX over these alternatives (phrases inside), seen while tuning on
    // tests/relevance.
    return alternatives;
}

}  // namespace seisaku::query
