// SPDX-License-Identifier: MIT
#include "query/word_terms.hpp"

#include <algorithm>

#include "analysis/analyzer.hpp"
#include "error.hpp"
#include "query/word_forms.hpp"
#include "schema/schema.hpp"
#include "text/normalize.hpp"

namespace seisaku::query {
namespace {

using analysis::Token;
using analysis::TokenKind;
using Tokens = std::vector<const Token*>;

/// A title word with its singular or plural: title terms carry no stems
/// (title:semiconductors finds "semiconductor").
Xapian::Query title_word(const QueryNode& n, const Token& t, const analysis::Analyzer& analyzer) {
    std::vector<Xapian::Query> forms;
    for (const std::string& form : analyzer.same_stem_forms(t)) {
        Token variant = t;
        variant.term = form;
        forms.emplace_back(positional(n, variant));
    }
    return forms.size() == 1 ? forms.front()
                             : Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
}

/// The compound key of a run of query tokens, when the run is one compound (nouns with
/// nothing between them), else "".
std::string compound_of(const Tokens& run) {
    std::vector<Token> copy;
    for (const Token* t : run) {
        copy.push_back(*t);
    }
    const std::vector<analysis::Compound> found = analysis::compounds(copy);
    if (found.size() == 1 && found.front().first == 0 && found.front().last + 1 == copy.size()) {
        return found.front().key;
    }
    return {};
}

/// A long compound the text only has in pieces (個人情報保護法改正 where it says
/// 個人情報保護法の…改正) still finds the document, lower down. Measured on tests/relevance:
/// compound nDCG@10 0.797 → 0.908.
Xapian::Query or_parts_anywhere(const Xapian::Query& q, const Tokens& run) {
    std::vector<Xapian::Query> parts;
    for (const Token* t : run) {
        parts.emplace_back(std::string(schema::prefix_stem) + t->base);
    }
    return {Xapian::Query::OP_OR, q,
            Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                          Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()),
                          tuning::compound_parts_weight)};
}

/// The clause of one run of words: a Z term for one word, else the run together.
Clause run_clause(const QueryNode& n, const Tokens& run, const BuildState& st) {
    Clause c;
    c.occur = n.occur;
    // A Japanese compound may appear with a particle inside (利用目的の特定 for
    // 利用目的特定): its phrase allows one gap. Where it stands alone as a compound
    // (its C term), it ranks higher than inside a longer one.
    const std::string compound = compound_of(run);
    if (run.size() == 1) {
        const Token& t = *run.front();
        c.query = n.field == "title" ? title_word(n, t, st.analyzer)
                                     : Xapian::Query(std::string(schema::prefix_stem) + t.base);
        c.stopword = analysis::is_query_stopword(t);
    } else {
        c.query = together(n, run, st, compound.empty() ? 0 : 1);
        if (!compound.empty() && n.field.empty() && run.size() >= tuning::min_parts_words) {
            c.query = or_parts_anywhere(c.query, run);
        }
    }
    if (!compound.empty() && n.field.empty()) {
        // At a tenth of its weight: enough to order exact above longer compounds, while a
        // full-weight C term lowered ja nDCG@10 on tests/relevance (0.946 → 0.870) by
        // outweighing the words themselves.
        c.query = Xapian::Query(
            Xapian::Query::OP_OR, c.query,
            Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                          Xapian::Query(std::string(schema::prefix_compound) + compound),
                          tuning::compound_weight));
    }
    return c;
}

}  // namespace

std::vector<Token> tokens_of(const QueryNode& n, BuildState& st) {
    std::vector<Token> tokens = st.analyzer.analyze(n.text);
    st.budget.spend(searchable(tokens).size());
    return tokens;
}

Tokens searchable(const std::vector<Token>& tokens) {
    Tokens kept;
    for (const Token& t : tokens) {
        if (t.kind != TokenKind::Stop) {
            kept.push_back(&t);
        }
    }
    return kept;
}

std::vector<Clause> word_clauses(const QueryNode& n, BuildState& st) {
    const std::vector<Token> tokens = tokens_of(n, st);
    std::vector<Clause> out;
    Tokens run;
    const auto flush = [&] {
        if (!run.empty()) {
            out.push_back(run_clause(n, run, st));
            run.clear();
        }
    };
    for (const Token& t : tokens) {
        switch (t.kind) {
            case TokenKind::Stop:
                flush();
                break;
            case TokenKind::Inflected:
                flush();
                run.push_back(&t);
                flush();
                break;
            case TokenKind::Word:
            case TokenKind::Noun:
                run.push_back(&t);
                break;
        }
    }
    flush();
    return out;
}

Xapian::Query phrase_query(const QueryNode& n, BuildState& st) {
    const std::vector<Token> tokens = tokens_of(n, st);
    const Tokens kept = searchable(tokens);
    return kept.empty() ? Xapian::Query() : together(n, kept, st);
}

Xapian::Query near_query(const QueryNode& n, BuildState& st) {
    std::vector<Xapian::Query> words;    // every word of every side, in its forms
    std::vector<Xapian::Query> phrases;  // the sides of several words, in order
    std::vector<Xapian::Query> typed;    // the words as typed, of those with other forms
    std::size_t sides = 0;
    for (const QueryNode& c : n.children) {
        const std::vector<Token> tokens = tokens_of(c, st);
        std::vector<Xapian::Query> side;
        for (const Token* t : searchable(tokens)) {
            // Every form plain search would match (semiconductor NEAR/3 cooperation finds
            // "semiconductors ... cooperation"): Xapian 1.4 takes an OR of terms here.
            side.push_back(forms_query(c, *t, st));
            if (side.back().get_type() == Xapian::Query::OP_OR) {
                typed.emplace_back(positional(c, *t));
            }
        }
        sides += side.empty() ? 0 : 1;
        if (side.size() > 1) {
            phrases.emplace_back(Xapian::Query::OP_PHRASE, side.begin(), side.end(),
                                 static_cast<Xapian::termcount>(side.size()));
        }
        words.insert(words.end(), side.begin(), side.end());
    }
    for (const Xapian::Query& w : words) {
        st.typed(w);
    }
    if (sides < 2) {
        return words.empty()
                   ? Xapian::Query()
                   : typed_first(phrases.empty() ? words.front() : phrases.front(), typed);
    }
    // Xapian's window is the span the terms lie in: n words between the sides is a span
    // of n + (their words) positions.
    const auto window = static_cast<Xapian::termcount>(n.window + words.size());
    Xapian::Query near(Xapian::Query::OP_NEAR, words.begin(), words.end(), window);
    if (!phrases.empty()) {
        // Xapian 1.4 takes no phrase of ORs inside NEAR: all the words within the window,
        // and each side of several words as a phrase in the document.
        near = Xapian::Query(Xapian::Query::OP_FILTER, near,
                             Xapian::Query(Xapian::Query::OP_AND, phrases.begin(), phrases.end()));
    }
    return typed_first(near, typed);
}

Xapian::Query wildcard_query(const QueryNode& n, BuildState& st) {
    const std::string prefix = text::fold(n.text);
    st.wildcards.push_back(prefix);
    st.budget.spend(1);
    if (st.context.vocabulary == nullptr) {
        return {Xapian::Query::OP_WILDCARD, prefix, max_wildcard_terms,
                Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT};
    }
    // The words themselves, so snippets highlight them and --explain names them; as one
    // synonym, like Xapian's wildcard: a frequent prefix is not a pile of rare words.
    std::vector<std::string> words = st.context.vocabulary->words_with_prefix(prefix);
    if (words.empty()) {
        st.notes.push_back({n.offset, prefix + "* matches no indexed word"});
        return {};
    }
    if (words.size() > max_wildcard_terms) {
        words.resize(max_wildcard_terms);
        st.notes.push_back({n.offset, prefix + "* matches more than " +
                                          std::to_string(max_wildcard_terms) +
                                          " indexed words; the most frequent " +
                                          std::to_string(max_wildcard_terms) + " were searched"});
    }
    st.typed_terms.insert(words.begin(), words.end());
    return {Xapian::Query::OP_SYNONYM, words.begin(), words.end()};
}

}  // namespace seisaku::query
