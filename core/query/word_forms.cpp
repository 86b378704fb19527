// SPDX-License-Identifier: MIT
#include "query/word_forms.hpp"

#include <algorithm>

#include "analysis/analyzer.hpp"
#include "analysis/english.hpp"
#include "query/word_terms.hpp"
#include "text/transliterate.hpp"

namespace seisaku::query {
namespace {

using analysis::Token;
using analysis::TokenKind;

/// The bytes `a` and `b` begin with: where the forms sharing a stem or base form start in
/// the index's sorted vocabulary (polici and policy: "polic"; 守っ and 守る: 守).
std::string common_prefix(const std::string& a, const std::string& b) {
    const auto [ia, ib] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
    return {a.begin(), ia};
}

/// Where the forms of `t` begin in the index's sorted vocabulary: the bytes its word and
/// its stem share (polici and policies: "polic", the stem's i standing for a y), or its
/// Japanese base form without the last letter (取り扱う: 取り扱, for 取り扱っ and 取り扱わ).
std::string forms_prefix(const Token& t) {
    if (t.kind == TokenKind::Word) {
        std::string prefix = common_prefix(t.term, t.base);
        if (prefix == t.base && prefix.ends_with('i')) {
            prefix.pop_back();
        }
        return prefix;
    }
    std::size_t last = t.base.size();
    while (last > 0 && (static_cast<unsigned char>(t.base[last - 1]) & 0xC0U) == 0x80U) {
        --last;  // back over the continuation bytes of the last letter
    }
    return common_prefix(t.term, t.base.substr(0, last > 0 ? last - 1 : 0));
}

/// Whether the indexed word `candidate` is analyzed as a form of `t`: one English word with
/// its stem, or one Japanese inflected word with its base form (its ending in hiragana).
bool same_word(const std::string& candidate, const Token& t, const std::string& prefix,
               const BuildState& st) {
    if (t.kind == TokenKind::Word) {
        return analysis::EnglishFilter::stem(candidate) == t.base &&
               candidate.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") ==
                   std::string::npos;
    }
    const std::string_view ending = std::string_view(candidate).substr(prefix.size());
    if (!ending.empty() && text::kana_script(ending) != text::KanaScript::Hiragana) {
        return false;  // another word that begins alike (取り扱い説明書)
    }
    const std::vector<Token> analyzed = st.analyzer.analyze(candidate);
    return analyzed.size() == 1 && analyzed.front().kind == TokenKind::Inflected &&
           analyzed.front().base == t.base;
}

}  // namespace

std::vector<std::string> word_forms(const Token& t, const BuildState& st) {
    if (t.kind != TokenKind::Word && t.kind != TokenKind::Inflected) {
        return {t.term};  // nouns and stop tokens have one form
    }
    if (st.context.vocabulary == nullptr) {
        return st.analyzer.same_stem_forms(t);
    }
    std::vector<std::string> forms{t.term};
    const std::string prefix = forms_prefix(t);
    if (prefix.empty()) {
        return forms;
    }
    for (std::string& word : st.context.vocabulary->words_from(prefix, max_form_walk)) {
        if (forms.size() >= max_word_forms) {
            break;
        }
        if (word != t.term && same_word(word, t, prefix, st)) {
            forms.push_back(std::move(word));
        }
    }
    return forms;
}

Xapian::Query forms_query(const QueryNode& n, const Token& t, const BuildState& st) {
    std::vector<Xapian::Query> terms;
    for (const std::string& form : word_forms(t, st)) {
        Token variant = t;
        variant.term = form;
        terms.emplace_back(positional(n, variant));
    }
    return terms.size() == 1 ? terms.front()
                             : Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query typed_first(const Xapian::Query& widened, const std::vector<Xapian::Query>& typed) {
    if (typed.empty()) {
        return widened;
    }
    return {Xapian::Query::OP_AND_MAYBE, widened,
            Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                          Xapian::Query(Xapian::Query::OP_OR, typed.begin(), typed.end()),
                          tuning::other_form_weight)};
}

}  // namespace seisaku::query
