// SPDX-License-Identifier: MIT
#include "query/translation.hpp"

#include <algorithm>

#include "analysis/analyzer.hpp"
#include "glossary/term_bank.hpp"
#include "lexicon/learned.hpp"
#include "lexicon/lexicon.hpp"
#include "query/expansion.hpp"
#include "query/query_builder.hpp"
#include "query/word_terms.hpp"
#include "schema/schema.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace seisaku::query {
namespace {

using analysis::Token;
using analysis::TokenKind;
using lexicon::Direction;

/// The lexicon's translations searched for one word or span: those the index holds that
/// co-occur best with the other words' translations, else the dictionary's first.
constexpr std::size_t max_senses = 3;
/// A sense's co-occurrence is counted up to this many documents.
constexpr Xapian::doccount enough_together = 10;
/// Words of a clause looked at: the rest are left untranslated (bounded work).
constexpr std::size_t max_clause_words = 12;

bool japanese(const Token& t) {
    return t.kind != TokenKind::Word;
}

/// An English word's Z term with the stems of its derivations the index holds (supervision:
/// supervis, supervisori, supervisor; disclosure: disclosur, disclos), as the dictionary's
/// noun often stands where a text has the adjective or verb: corpus-real cross-ja-en nDCG@10
/// 0.603 -> 0.619, every other type equal on both corpora (learned stems widened the same
/// way: 0.617). Empty when none is indexed.
Xapian::Query related_stems(const std::string& stem, const BuildState& st) {
    std::vector<std::string> forms{stem};
    if (stem.size() >= 6 &&
        stem.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) {
        forms.push_back(stem.substr(0, stem.size() - 1));
        if (stem.size() >= 7) {
            forms.push_back(stem.substr(0, stem.size() - 2));
        }
        for (const char* end : {"i", "or", "ori", "e"}) {
            forms.push_back(stem + end);
        }
    }
    std::vector<Xapian::Query> found;
    for (const std::string& f : forms) {
        std::string term = std::string(schema::prefix_stem) + f;
        if (st.context.vocabulary->frequency(term) > 0) {
            found.emplace_back(std::move(term));
        }
    }
    return found.empty()       ? Xapian::Query()
           : found.size() == 1 ? found.front()
                               : Xapian::Query(Xapian::Query::OP_OR, found.begin(), found.end());
}

/// Which way a span starting with `t` is translated.
Direction direction_of(const Token& t) {
    return japanese(t) ? Direction::JapaneseToEnglish : Direction::EnglishToJapanese;
}

/// The query of one translation, matched without reading positions: a word is its Z term;
/// Japanese words that stand together (外部委託) are their noun pairs' P terms; English words
/// (relevant authorities) all their Z terms. Empty when the index lacks one of them.
Xapian::Query candidate(std::string_view translation, const BuildState& st) {
    const std::vector<Token> tokens = st.analyzer.analyze(text::prepare(translation));
    const std::vector<const Token*> words = searchable(tokens);
    if (words.empty() || words.size() > lexicon::max_key_words ||
        std::any_of(words.begin(), words.end(),
                    [](const Token* t) { return t->kind == TokenKind::Inflected; })) {
        return {};  // 受け入れる, 幅広い: a query's nouns translate to nouns
    }
    std::vector<std::string> terms;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i + 1 < words.size() && analysis::is_noun_pair(*words[i], *words[i + 1])) {
            terms.push_back(schema::pair_term(analysis::noun_pair_key(*words[i], *words[i + 1])));
        } else if (i == 0 || !analysis::is_noun_pair(*words[i - 1], *words[i])) {
            terms.push_back(std::string(schema::prefix_stem) + words[i]->base);
        }
    }
    if (terms.size() == 1 && words.front()->kind == TokenKind::Word) {
        return related_stems(words.front()->base, st);
    }
    for (const std::string& term : terms) {
        if (term.empty() || st.context.vocabulary->frequency(term) == 0) {
            return {};
        }
    }
    return terms.size() == 1 ? Xapian::Query(terms.front())
                             : Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
}

/// The term bank's names for the span, when it knows it as one name.
bool from_term_bank(TranslatedSpan& span, const BuildState& st) {
    if (st.bank() == nullptr) {
        return false;
    }
    std::vector<std::string> names =
        st.bank()->other_names(glossary::TermBank::key_of(span.text, st.analyzer));
    add_alternatives(names, span.alternatives, st);
    if (span.alternatives.empty()) {
        return false;
    }
    span.shown = std::move(names);
    span.source = "term bank";
    return true;
}

/// The lexicon's translations of `key` that the index holds, best first, after those the
/// span already has (learned ones); the source stays the first that gave some.
bool from_lexicon(Direction way, const std::string& key, TranslatedSpan& span,
                  const BuildState& st) {
    const std::size_t before = span.alternatives.size();
    for (const std::string_view t : st.context.lexicon->translations(way, key)) {
        Xapian::Query q = candidate(t, st);
        const std::string d = q.get_description();
        if (!q.empty() &&
            std::none_of(span.alternatives.begin(), span.alternatives.end(),
                         [&](const Xapian::Query& a) { return a.get_description() == d; })) {
            span.alternatives.push_back(std::move(q));
            span.shown.emplace_back(t);
        }
    }
    if (span.alternatives.size() > before) {
        span.source = before == 0 ? "dictionary" : span.source + ", dictionary";
    }
    return span.alternatives.size() > before;
}

/// The translations the index learned for one word that the index holds, best first.
bool from_learned(const Token& word, TranslatedSpan& span, const BuildState& st) {
    if (st.context.learned == nullptr) {
        return false;
    }
    const bool from_japanese = japanese(word);
    for (const lexicon::Learned* l : st.context.learned->of(word.base, from_japanese)) {
        const std::string& other = from_japanese ? l->en : l->ja;
        std::string term = std::string(schema::prefix_stem) + other;
        if (st.context.vocabulary->frequency(term) > 0) {
            span.alternatives.emplace_back(term);
            span.shown.push_back(other);
        }
    }
    span.source = "learned";
    return !span.alternatives.empty();
}

/// A Japanese word the lexicon does not know, as two words it knows (データポータビリティ:
/// データ + ポータビリティ, katakana compounds MeCab keeps whole), longest first part first.
std::vector<TranslatedSpan> split_word(const Token& word, std::size_t i, const BuildState& st) {
    const std::string& whole = word.base;
    for (std::size_t cut = whole.size(); cut-- > 3;) {
        if ((static_cast<unsigned char>(whole[cut]) & 0xC0) == 0x80) {
            continue;  // inside a character
        }
        TranslatedSpan left{i, 1, whole.substr(0, cut), {}, {}, {}, {}, true};
        TranslatedSpan right{i, 1, whole.substr(cut), {}, {}, {}, {}, true};
        if (text::length(right.text) >= 2 &&
            from_lexicon(Direction::JapaneseToEnglish, left.text, left, st) &&
            from_lexicon(Direction::JapaneseToEnglish, right.text, right, st)) {
            return {std::move(left), std::move(right)};
        }
    }
    return {};
}

/// Whether a word can start or make up a translated span: not a number (the same in both
/// languages), and a Japanese word must be a noun of two characters or more when alone
/// (日, 回 and inflected words have too many senses).
bool translatable_word(const Token& t, bool alone) {
    if (t.base.find_first_not_of("0123456789") == std::string::npos) {
        return false;
    }
    return !japanese(t) || (t.kind == TokenKind::Noun && (!alone || text::length(t.base) >= 2));
}

/// The span from words[i] on that the term bank knows as one name (any script, the longest),
/// else the longest (same script, all nouns, at most max_key_words) the lexicon translates;
/// count 0 when neither does.
TranslatedSpan translated_span(const std::string& text, const std::vector<const Token*>& words,
                               std::size_t i, const BuildState& st) {
    const auto span_of = [&](std::size_t len) {
        const std::size_t b = words[i]->begin;
        return TranslatedSpan{i, len, text.substr(b, words[i + len - 1]->end - b), {}, {}, {}, {}};
    };
    for (std::size_t len = std::min(words.size() - i, max_inner_name_tokens); len >= 1; --len) {
        TranslatedSpan span = span_of(len);
        span.japanese = japanese(*words[i]);
        if ((len > 1 || translatable_word(*words[i], true)) && from_term_bank(span, st)) {
            return span;
        }
    }
    std::size_t run = 0;
    while (i + run < words.size() && run < lexicon::max_key_words &&
           japanese(*words[i + run]) == japanese(*words[i]) &&
           translatable_word(*words[i + run], false)) {
        ++run;
    }
    const Direction way = direction_of(*words[i]);
    for (std::size_t len = run; len >= 1; --len) {
        TranslatedSpan span = span_of(len);
        span.japanese = japanese(*words[i]);
        if (len == 1 && !translatable_word(*words[i], true)) {
            continue;
        }
        // Both sources fill the one group: the learned translations first.
        const bool learned = len == 1 && from_learned(*words[i], span, st);
        const bool listed = from_lexicon(way, lexicon::key_of(words, i, len), span, st);
        if (learned || listed) {
            return span;
        }
    }
    return {i, 0, {}, {}, {}, {}, {}};
}

/// Whether a clause is translated: plain words and phrases, not excluded, no field.
bool translatable(const QueryNode& n, const BuildState& st) {
    return st.context.lexicon != nullptr && st.context.vocabulary != nullptr && n.field.empty() &&
           !n.wildcard && n.occur != Occur::MustNot && st.negated == 0 &&
           (n.kind == NodeKind::Word || n.kind == NodeKind::Phrase);
}

/// The spans of a clause: translated words and spans, and Latin words of a Japanese clause
/// kept as they are (AI in AIオフィス).
std::vector<TranslatedSpan> spans_of(const std::string& clause, const BuildState& st) {
    if (known_name(clause, st)) {
        return {};  // the term bank knows the whole clause: its names are its translation
    }
    const std::string text = text::prepare(clause);
    const std::vector<Token> tokens = st.analyzer.analyze(text);
    std::vector<const Token*> words = lexicon::key_words(tokens);
    words.resize(std::min(words.size(), max_clause_words));
    const bool japanese_clause =
        std::any_of(words.begin(), words.end(), [](const Token* t) { return japanese(*t); });
    std::vector<TranslatedSpan> spans;
    for (std::size_t i = 0; i < words.size();) {
        TranslatedSpan span = translated_span(text, words, i, st);
        if (span.count > 0) {
            i += span.count;
            spans.push_back(std::move(span));
            continue;
        }
        if (japanese(*words[i]) && translatable_word(*words[i], true)) {
            for (TranslatedSpan& part : split_word(*words[i], i, st)) {
                spans.push_back(std::move(part));
            }
        } else if (japanese_clause) {
            span.as_is = Xapian::Query(std::string(schema::prefix_stem) + words[i]->base);
            spans.push_back(std::move(span));
        }
        ++i;
    }
    return spans;
}

/// Orders each dictionary span's senses by how many documents hold them together with the
/// other spans' translations (the sense the index uses in this company wins: 省 for
/// ministries beside データ), ties in the dictionary's order; senses found with none of them
/// are dropped when another one is.
void choose_senses(std::vector<TranslatedSpan*>& spans, const BuildState& st) {
    for (TranslatedSpan* span : spans) {
        if (span->source == "term bank" || span->alternatives.size() <= max_senses) {
            // All of them are searched, as one group: their order does not matter. Counting
            // them too cost in-process p95 about 0.1x for the same nDCG@10 on both corpora.
            continue;
        }
        std::vector<Xapian::Query> others;
        for (const TranslatedSpan* other : spans) {
            if (other != span && other->text != span->text) {
                others.insert(others.end(), other->alternatives.begin(), other->alternatives.end());
            }
        }
        if (others.empty()) {
            continue;
        }
        const Xapian::Query context(Xapian::Query::OP_OR, others.begin(), others.end());
        std::vector<std::pair<Xapian::doccount, std::size_t>> scored;
        for (std::size_t k = 0; k < span->alternatives.size(); ++k) {
            const Xapian::Query both(Xapian::Query::OP_AND, span->alternatives[k], context);
            scored.emplace_back(st.context.vocabulary->matches(both, enough_together), k);
        }
        std::stable_sort(scored.begin(), scored.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        TranslatedSpan chosen = *span;
        chosen.alternatives.clear();
        chosen.shown.clear();
        for (const auto& [together, k] : scored) {
            if (together > 0 || scored.front().first == 0) {
                chosen.alternatives.push_back(span->alternatives[k]);
                chosen.shown.push_back(span->shown[k]);
            }
        }
        *span = std::move(chosen);
    }
}

/// Whether the term bank or the lexicon knows `text` whole: a quoted phrase is translated
/// only then, so no other phrase pays for translating its words.
bool one_entry(const std::string& text, const BuildState& st) {
    if (known_name(text, st)) {
        return true;
    }
    const std::vector<Token> tokens = st.analyzer.analyze(text::prepare(text));
    const std::vector<const Token*> words = lexicon::key_words(tokens);
    if (words.empty() || words.size() > lexicon::max_key_words) {
        return false;
    }
    const Direction way = direction_of(*words.front());
    return !st.context.lexicon->translations(way, lexicon::key_of(words, 0, words.size())).empty();
}

/// Collects the clauses of `node` that are translated.
void collect(const QueryNode& node, std::vector<const QueryNode*>& out, const BuildState& st) {
    if (node.kind == NodeKind::Group || node.kind == NodeKind::Or) {
        if (node.occur != Occur::MustNot) {
            for (const QueryNode& c : node.children) {
                collect(c, out, st);
            }
        }
    } else if (translatable(node, st)) {
        out.push_back(&node);
    }
}

}  // namespace

void plan_translations(const QueryNode& root, BuildState& st) {
    std::vector<const QueryNode*> clauses;
    collect(root, clauses, st);
    std::vector<TranslatedSpan*> spans;
    for (const QueryNode* n : clauses) {
        auto [it, added] = st.translations.try_emplace(n->text);
        if (added && (n->kind != NodeKind::Phrase || one_entry(n->text, st))) {
            it->second = spans_of(n->text, st);
            for (TranslatedSpan& span : it->second) {
                spans.push_back(&span);
                ++st.translated_spans;
            }
        }
    }
    if (spans.size() < tuning::question_spans) {  // a question's translations weigh little
        choose_senses(spans, st);
    }
}

Xapian::Query translation(const QueryNode& n, BuildState& st) {
    if (!translatable(n, st)) {
        return {};
    }
    auto [it, added] = st.translations.try_emplace(n.text);
    if (added) {
        it->second = spans_of(n.text, st);  // a run of words the term bank joined
    }
    if (n.kind == NodeKind::Phrase &&
        !(it->second.size() == 1 && it->second.front().text == text::prepare(n.text))) {
        return {};  // a quoted phrase crosses only as one entry: word order does not translate
    }
    std::vector<Xapian::Query> groups;
    std::size_t translated = 0;
    for (const TranslatedSpan& span : it->second) {
        if (span.count == 0 || span.alternatives.empty()) {
            if (!span.as_is.empty()) {
                groups.push_back(span.as_is);
            }
            continue;
        }
        const std::size_t kept = std::min(span.alternatives.size(), max_senses);
        Xapian::Query group(Xapian::Query::OP_SYNONYM, span.alternatives.begin(),
                            span.alternatives.begin() + static_cast<std::ptrdiff_t>(kept));
        if (span.source != "term bank") {
            // Matched in the other language's documents only: design in a Japanese page does
            // not make it an answer to 設計 (the term bank's names hold both languages).
            group = Xapian::Query(
                Xapian::Query::OP_FILTER, group,
                Xapian::Query(std::string(schema::prefix_lang) + (span.japanese ? "en" : "ja")));
        }
        groups.push_back(std::move(group));
        const bool recorded = std::any_of(st.expansions.begin(), st.expansions.end(),
                                          [&](const Expansion& e) { return e.from == span.text; });
        if (!recorded) {
            st.expansions.push_back(
                {span.text,
                 {span.shown.begin(), span.shown.begin() + static_cast<std::ptrdiff_t>(kept)},
                 false,
                 span.source});
        }
        ++translated;
    }
    if (translated == 0) {
        return {};
    }
    Xapian::Query q = combine(groups, st.options.default_op);
    st.expansion_terms.insert(q.get_unique_terms_begin(), q.get_unique_terms_end());
    const bool from_japanese = std::any_of(it->second.begin(), it->second.end(),
                                           [](const TranslatedSpan& s) { return s.japanese; });
    return from_japanese ? q
                         : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q,
                                         tuning::english_translation_boost);
}

}  // namespace seisaku::query
