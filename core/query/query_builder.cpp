// SPDX-License-Identifier: MIT
#include "query/query_builder.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "analysis/analyzer.hpp"
#include "document/reader.hpp"
#include "error.hpp"
#include "glossary/name_terms.hpp"
#include "query/date_span.hpp"
#include "schema/schema.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace seisaku::query {
using glossary::name_term;
using glossary::TermBank;
namespace {

/// Weight of the whole-compound term next to the compound's words.
constexpr double compound_weight = 0.1;
/// Weight of a long compound's parts found anywhere in a document (no phrase).
constexpr double compound_parts_weight = 0.3;
/// A compound has its parts searched anywhere from this many words: with three
/// (令和4年, 利用目的特定) tests/relevance measured the same nDCG@10 as with four (0.900,
/// every type equal), and the AND of frequent parts cost time: matching the 60 latency
/// queries on 50,000 generated documents took 160 ms with three, 155 with four.
constexpr std::size_t min_parts_words = 4;

using analysis::Token;
using analysis::TokenKind;

/// One searchable unit with how it takes part in its group.
struct Clause {
    Occur occur = Occur::Should;
    Xapian::Query query;
    bool stopword = false;  ///< a lone function word, dropped when others remain
};

class Builder {
  public:
    Builder(const analysis::Analyzer& analyzer, const QueryOptions& options)
        : analyzer_(analyzer), options_(options) {}

    Xapian::Query build(const QueryNode& root) {
        Xapian::Query q = group(root);
        if (q.empty()) {
            // Only filters that were left out: their note is the reason.
            throw QueryError(notes_.empty() ? "query has nothing to search for"
                                            : notes_.front().message);
        }
        return q;
    }

    [[nodiscard]] const std::vector<Expansion>& expansions() const { return expansions_; }
    /// Terms only expansion brought in (not also a typed word's).
    [[nodiscard]] std::set<std::string> expansion_terms() const {
        std::set<std::string> out;
        for (const std::string& t : expansion_terms_) {
            if (!typed_terms_.contains(t)) {
                out.insert(t);
            }
        }
        return out;
    }
    [[nodiscard]] bool used_bigrams() const { return used_bigrams_; }

  private:
    /// A group's clauses: soft AND of the Should ones, AND of the Must ones, minus MustNot.
    Xapian::Query group(const QueryNode& node) {
        if (node.kind == NodeKind::Or) {
            std::vector<Xapian::Query> parts;
            for (const QueryNode& c : node.children) {
                Xapian::Query q = node_query(c);
                if (!q.empty()) {
                    parts.push_back(std::move(q));
                }
            }
            return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
        }
        std::vector<Clause> clauses;
        // Filters by field: values of one field are alternatives (type:qa type:explainer),
        // fields narrow each other; date fields intersect (after:2023 before:2024).
        std::map<std::string, std::vector<Xapian::Query>> filters;
        const std::vector<QueryNode>& children = node.children;
        for (std::size_t i = 0; i < children.size(); ++i) {
            const QueryNode& c = children[i];
            const bool leaf = c.kind == NodeKind::Word || c.kind == NodeKind::Phrase;
            if (leaf && !c.field.empty() && c.field != "title") {
                Xapian::Query f;
                try {
                    f = field_filter(c);
                } catch (const QueryError& e) {
                    // A bad filter never fails the search: it is left out, and said so.
                    notes_.push_back({c.offset, std::string(e.what()) + "; it was ignored"});
                    continue;
                }
                if (c.occur == Occur::MustNot) {
                    clauses.push_back({Occur::MustNot, std::move(f), false});
                } else {
                    filters[is_date_field(c.field) ? "date" : c.field].push_back(std::move(f));
                }
                continue;
            }
            if (c.kind == NodeKind::Word && c.wildcard) {
                if (Xapian::Query w = wildcard_query(c); !w.empty()) {
                    clauses.push_back({c.occur, std::move(w), false});
                }
                continue;
            }
            if (!leaf) {
                if (c.occur == Occur::MustNot) {
                    ++negated_;  // nothing inside an excluded group is expanded
                }
                Clause cl{c.occur, node_query(c), false};
                if (c.occur == Occur::MustNot) {
                    --negated_;
                }
                if (!cl.query.empty()) {
                    clauses.push_back(std::move(cl));
                }
                continue;
            }
            // The longest run of plain words that the term bank knows as one name
            // ("EU AI Office", "Data Free Flow with Trust") is expanded as a whole.
            const std::size_t span = known_span(children, i);
            QueryNode joined = c;
            std::vector<Clause> typed;
            for (std::size_t k = i; k < i + span; ++k) {
                if (k > i) {
                    joined.text += " " + children[k].text;
                }
                if (children[k].kind == NodeKind::Word) {
                    for (Clause& cl : word_clauses(children[k])) {
                        typed.push_back(std::move(cl));
                    }
                } else if (Xapian::Query p = phrase_query(children[k]); !p.empty()) {
                    typed.push_back({children[k].occur, std::move(p), false});
                }
            }
            i += span - 1;
            if (options_.bigram_weight > 0 && c.kind == NodeKind::Word && c.field.empty() &&
                c.occur != Occur::MustNot) {
                const std::vector<std::string> grams = analysis::japanese_bigrams(c.text);
                if (!grams.empty()) {
                    std::vector<Xapian::Query> bq;
                    for (const std::string& g : grams) {
                        bq.emplace_back(std::string(schema::prefix_bigram) + g);
                    }
                    // word OR its bigrams, one clause: a required word stays satisfiable.
                    std::vector<Xapian::Query> qs;
                    for (Clause& cl : typed) {
                        qs.push_back(std::move(cl.query));
                    }
                    Xapian::Query grams_q(
                        Xapian::Query::OP_SCALE_WEIGHT,
                        Xapian::Query(Xapian::Query::OP_AND, bq.begin(), bq.end()),
                        options_.bigram_weight);
                    typed.clear();
                    typed.push_back(
                        {c.occur,
                         qs.empty() ? grams_q
                                    : Xapian::Query(Xapian::Query::OP_OR, combine(qs), grams_q),
                         false});
                    used_bigrams_ = true;
                }
            }
            for (const Clause& cl : typed) {
                for (auto t = cl.query.get_unique_terms_begin();
                     t != cl.query.get_unique_terms_end(); ++t) {
                    typed_terms_.insert(*t);
                }
            }
            std::vector<Xapian::Query> more = expansion(joined);
            if (more.empty()) {
                for (Clause& cl : typed) {
                    clauses.push_back(std::move(cl));
                }
                continue;
            }
            // One clause: the words as typed, or their other names at a lower weight.
            drop_stopwords(typed);
            std::vector<Xapian::Query> qs;
            for (Clause& cl : typed) {
                qs.push_back(std::move(cl.query));
            }
            // Each other name scaled on its own, beside the words: the scores of scaling their
            // OR as one, in one flat OR that Xapian orders by frequency (on the 50,000-document
            // generated index: in-process p50 18.1 -> 17.3 ms, p95 unchanged).
            std::vector<Xapian::Query> alternatives{combine(qs)};
            for (const Xapian::Query& name : more) {
                // A name another clause already brought (DFFT 信頼性のある自由なデータ流通
                // types two names of one entry) is searched once.
                if (searched_names_
                        .insert(std::to_string(static_cast<int>(c.occur)) + name.get_description())
                        .second) {
                    alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, name,
                                              options_.expansion_weight);
                }
            }
            clauses.push_back(
                {c.occur,
                 Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()),
                 false});
        }
        drop_stopwords(clauses);

        std::vector<Xapian::Query> should;
        std::vector<Xapian::Query> must;
        std::vector<Xapian::Query> must_not;
        for (Clause& c : clauses) {
            (c.occur == Occur::Must      ? must
             : c.occur == Occur::MustNot ? must_not
                                         : should)
                .push_back(std::move(c.query));
        }
        Xapian::Query soft = combine(should);
        Xapian::Query q;
        if (!must.empty()) {
            q = Xapian::Query(Xapian::Query::OP_AND, must.begin(), must.end());
            if (!soft.empty()) {
                q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, soft);
            }
        } else {
            q = soft;
        }
        if (!must_not.empty()) {
            if (q.empty()) {
                q = Xapian::Query::MatchAll;
            }
            q = Xapian::Query(
                Xapian::Query::OP_AND_NOT, q,
                Xapian::Query(Xapian::Query::OP_OR, must_not.begin(), must_not.end()));
        }
        for (auto& [field, alternatives] : filters) {
            if (q.empty()) {
                q = Xapian::Query::MatchAll;
            }
            const auto op = field == "date" ? Xapian::Query::OP_AND : Xapian::Query::OP_OR;
            q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                              Xapian::Query(op, alternatives.begin(), alternatives.end()));
        }
        return q;
    }

    static bool is_date_field(std::string_view field) {
        return field == "date" || field == "after" || field == "before" || field == "year" ||
               field == "fy";
    }

    /// The boolean query of a field clause: lang:, type:, topic: and issuer: match the
    /// document's metadata; date:, after:, before:, year: and fy: its date.
    Xapian::Query field_filter(const QueryNode& c) {
        if (is_date_field(c.field)) {
            return date_filter(c.field, c.text);
        }
        if (c.field == "lang") {
            return Xapian::Query(std::string(schema::prefix_lang) + text::fold(c.text));
        }
        if (c.field == "type" || c.field == "topic") {
            const std::string_view prefix =
                c.field == "type" ? schema::prefix_type : schema::prefix_topic;
            const std::string term = schema::keyword_term(prefix, c.text);
            if (term.size() == prefix.size()) {
                throw QueryError(c.field + ": has no value to match");
            }
            return Xapian::Query(term);
        }
        // issuer: its words, or the words of one of its other names in the term bank
        // (issuer:METI finds 経済産業省).
        std::vector<std::string> names = {c.text};
        if (options_.term_bank != nullptr) {
            for (std::string& other :
                 options_.term_bank->other_names(TermBank::key_of(c.text, analyzer_))) {
                names.push_back(std::move(other));
            }
        }
        std::vector<Xapian::Query> alternatives;
        for (const std::string& name : names) {
            std::vector<Xapian::Query> words;
            for (const Token& t : analyzer_.analyze(text::prepare(name))) {
                if (t.kind != TokenKind::Stop) {
                    words.emplace_back(std::string(schema::prefix_issuer) + t.term);
                }
            }
            if (!words.empty()) {
                alternatives.emplace_back(Xapian::Query::OP_AND, words.begin(), words.end());
            }
        }
        if (alternatives.empty()) {
            throw QueryError("issuer:" + c.text + " has no words to match");
        }
        return {Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()};
    }

    /// date:2024, date:令和6年4月, date:FROM..TO (either side may be empty), after:X (from X
    /// on), before:X (strictly before X), year:2024 or year:令和6年, fy:2023 or fy:令和5年度
    /// (April to March). Dates are stored as YYYY[-MM[-DD]] strings, so each filter is a
    /// string range; documents without a date never pass.
  public:
    static Xapian::Query date_filter(const std::string& field, const std::string& text) {
        const auto bad = [&] {
            return QueryError(field + ":" + text + " is not a date (" + date_hint(field) + ")");
        };
        std::optional<DateSpan> from;
        std::optional<DateSpan> to;
        if (field == "date") {
            const std::size_t dots = text.find("..");
            const std::string a = dots == std::string::npos ? text : text.substr(0, dots);
            const std::string b = dots == std::string::npos ? text : text.substr(dots + 2);
            if (a.empty() && b.empty()) {
                throw bad();
            }
            if (!a.empty() && !(from = date_span(a))) {
                throw bad();
            }
            if (!b.empty() && !(to = date_span(b))) {
                throw bad();
            }
        } else if (field == "after") {
            from = date_span(text);
        } else if (field == "before") {
            const std::optional<DateSpan> d = date_span(text);
            if (d) {
                to = DateSpan{"", day_before(d->first)};
            } else {
                throw bad();
            }
        } else if (field == "year") {
            from = to = date_span(text);
            if (from && (from->first.substr(5) != "01-01" || from->last.substr(5) != "12-31")) {
                throw bad();  // year: wants a year, not a month or a day
            }
            if (from && from->last.substr(0, 4) != from->first.substr(0, 4)) {
                throw bad();
            }
        } else if (field == "fy") {
            from = to = fiscal_year_span(text);
        }
        if ((field != "date" && field != "before" && !from) || (field == "before" && !to)) {
            throw bad();
        }
        const std::string lower = from ? lower_bound_of(from->first) : "0";
        const std::string upper = to ? to->last + "~" : "9";  // '~' sorts after digits and '-'
        if (lower > upper) {
            throw bad();
        }
        return {Xapian::Query::OP_VALUE_RANGE, schema::slot(schema::ValueSlot::Date), lower, upper};
    }

  private:
    /// Clauses side by side, joined by the default operator.
    Xapian::Query combine(const std::vector<Xapian::Query>& parts) const {
        if (parts.empty()) {
            return {};
        }
        if (parts.size() == 1) {
            return parts.front();
        }
        if (options_.default_op == DefaultOp::And) {
            return {Xapian::Query::OP_AND, parts.begin(), parts.end()};
        }
        // Long queries are questions: requiring every word (even softly) over-weights the
        // generic ones, so past a few clauses BM25's own OR ordering is used (measured on
        // tests/relevance: question nDCG@10 0.668 with soft AND, 0.697 with OR).
        if (options_.default_op == DefaultOp::Or || parts.size() > max_soft_and_clauses) {
            return {Xapian::Query::OP_OR, parts.begin(), parts.end()};
        }
        return {Xapian::Query::OP_OR,
                Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()),
                Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end())};
    }

    static void drop_stopwords(std::vector<Clause>& clauses) {
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

    Xapian::Query node_query(const QueryNode& n) {
        switch (n.kind) {
            case NodeKind::Phrase:
                return phrase_query(n);
            case NodeKind::Word: {
                std::vector<Clause> parts = word_clauses(n);
                drop_stopwords(parts);
                std::vector<Xapian::Query> qs;
                for (Clause& c : parts) {
                    qs.push_back(std::move(c.query));
                }
                return combine(qs);
            }
            case NodeKind::Near:
                return near_query(n);
            case NodeKind::Group:
            case NodeKind::Or:
                return group(n);
        }
        return {};
    }

    /// a NEAR/n b: the positional terms of every word and phrase within n other words of
    /// each other, in any order.
    Xapian::Query near_query(const QueryNode& n) {
        std::vector<Xapian::Query> parts;  // a word, or a phrase of a side's words in order
        std::size_t positions = 0;
        for (const QueryNode& c : n.children) {
            std::vector<Xapian::Query> words;
            for (const Token& t : tokens_of(c)) {
                if (t.kind != TokenKind::Stop) {
                    words.emplace_back(positional(c, t));
                    typed_terms_.insert(positional(c, t));
                }
            }
            positions += words.size();
            if (words.size() == 1) {
                parts.push_back(words.front());
            } else if (!words.empty()) {
                parts.emplace_back(Xapian::Query::OP_PHRASE, words.begin(), words.end(),
                                   static_cast<Xapian::termcount>(words.size()));
            }
        }
        if (parts.size() < 2) {
            return parts.empty() ? Xapian::Query() : parts.front();
        }
        // Xapian's window is the span the terms lie in: n words between the sides is a span
        // of n + (their words) positions.
        const auto window = static_cast<Xapian::termcount>(n.window + positions);
        return {Xapian::Query::OP_NEAR, parts.begin(), parts.end(), window};
    }

    /// polic*: the indexed words that begin with "polic", the most frequent
    /// `max_wildcard_terms` of them when there are more.
    Xapian::Query wildcard_query(const QueryNode& n) {
        const std::string prefix = text::fold(n.text);
        wildcards_.push_back(prefix);
        ++terms_;
        if (terms_ > max_query_terms) {
            throw QueryError("query has too many terms (more than " +
                             std::to_string(max_query_terms) + ")");
        }
        if (!options_.wildcard_words) {
            return {Xapian::Query::OP_WILDCARD, prefix, max_wildcard_terms,
                    Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT};
        }
        // The words themselves, so snippets highlight them and --explain names them; as one
        // synonym, like Xapian's wildcard: a frequent prefix is not a pile of rare words.
        std::vector<std::string> words = options_.wildcard_words(prefix);
        if (words.empty()) {
            notes_.push_back({n.offset, prefix + "* matches no indexed word"});
            return {};
        }
        if (words.size() > max_wildcard_terms) {
            words.resize(max_wildcard_terms);
            notes_.push_back({n.offset, prefix + "* matches more than " +
                                            std::to_string(max_wildcard_terms) +
                                            " indexed words; the most frequent " +
                                            std::to_string(max_wildcard_terms) + " were searched"});
        }
        for (const std::string& w : words) {
            typed_terms_.insert(w);
        }
        return {Xapian::Query::OP_SYNONYM, words.begin(), words.end()};
    }

    /// How many plain words from children[i] on form the longest name in the term bank
    /// (at least 1: the word itself).
    std::size_t known_span(const std::vector<QueryNode>& children, std::size_t i) const {
        const auto plain = [](const QueryNode& n) {
            return n.kind == NodeKind::Word && n.field.empty() && n.occur == Occur::Should &&
                   !n.wildcard;
        };
        if (options_.term_bank == nullptr || !plain(children[i])) {
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
            if (!options_.term_bank->other_names(TermBank::key_of(text, analyzer_)).empty()) {
                return len;
            }
        }
        return 1;
    }

    /// The names the term bank knows in a clause, with their other names: the whole clause
    /// when it is one name, else the longest names among its tokens, left to right (a
    /// Japanese word has no spaces: 第1回日EUデジタルパートナーシップ閣僚会合 holds the name
    /// 日EUデジタルパートナーシップ閣僚会合). A name of one token must be a Japanese noun of
    /// two or more characters, so that EU inside a compound does not bring in its names.
    std::vector<Expansion> known_names(const QueryNode& n) const {
        const TermBank& bank = *options_.term_bank;
        std::vector<std::string> whole = bank.other_names(TermBank::key_of(n.text, analyzer_));
        if (!whole.empty() || n.kind != NodeKind::Word) {
            return whole.empty() ? std::vector<Expansion>{}
                                 : std::vector<Expansion>{{n.text, std::move(whole)}};
        }
        const std::string text = text::prepare(n.text);
        std::vector<Token> tokens = analyzer_.analyze(text);
        std::erase_if(tokens, [](const Token& t) { return t.kind == TokenKind::Stop; });
        if (tokens.size() < 2) {
            return {};
        }
        tokens.resize(std::min(tokens.size(), max_inner_scan_tokens));
        std::vector<Expansion> out;
        for (std::size_t i = 0; i < tokens.size();) {
            std::size_t len = std::min(tokens.size() - i, max_inner_name_tokens);
            for (; len >= 1; --len) {
                if (i == 0 && len == tokens.size()) {
                    continue;  // the whole clause, looked up above
                }
                if (len == 1 &&
                    (tokens[i].kind != TokenKind::Noun || text::length(tokens[i].term) < 2)) {
                    continue;
                }
                std::string key = tokens[i].term;
                for (std::size_t k = i + 1; k < i + len; ++k) {
                    key += " " + tokens[k].term;
                }
                std::vector<std::string> names = bank.other_names(key);
                if (!names.empty()) {
                    const std::size_t b = tokens[i].begin;
                    out.push_back({text.substr(b, tokens[i + len - 1].end - b), std::move(names)});
                    break;
                }
            }
            i += std::max<std::size_t>(len, 1);
        }
        return out;
    }

    /// The other names of a word or phrase in the term bank, one query each: a Z term (one
    /// word) or an exact phrase.
    std::vector<Xapian::Query> expansion(const QueryNode& n) {
        if (options_.term_bank == nullptr || !n.field.empty()) {
            return {};
        }
        std::vector<Xapian::Query> alternatives;
        for (Expansion& found : known_names(n)) {
            if (found.to.size() > max_expansions_per_clause) {
                found.to.resize(max_expansions_per_clause);
            }
            const std::size_t before = alternatives.size();
            add_alternatives(found.to, alternatives);
            if (alternatives.size() > before) {
                // An excluded word leaves out its other names too (-行動規範 also leaves
                // out "Code of Conduct"): the reader excludes a subject, not a spelling.
                found.excluded = n.occur == Occur::MustNot || negated_ > 0;
                expansions_.push_back(std::move(found));
            }
        }
        if (alternatives.empty()) {
            return {};
        }
        for (const Xapian::Query& q : alternatives) {
            for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
                expansion_terms_.insert(*t);
            }
        }
        // Combined with OP_OR by the caller, not OP_MAX: Xapian 1.4.22 crashed in get_mset()
        // with OP_MAX over these alternatives (phrases inside), seen while tuning on
        // tests/relevance.
        return alternatives;
    }

    /// Each name as a Z term (one word) or an exact phrase, added to `alternatives`.
    void add_alternatives(const std::vector<std::string>& names,
                          std::vector<Xapian::Query>& alternatives) const {
        std::vector<std::string> single;
        const QueryNode plain;
        for (const std::string& name : names) {
            const std::vector<Token> tokens = analyzer_.analyze(text::prepare(name));
            std::vector<const Token*> kept;
            for (const Token& t : tokens) {
                if (t.kind != TokenKind::Stop) {
                    kept.push_back(&t);
                }
            }
            if (kept.empty()) {
                continue;
            }
            if (kept.size() > 1) {
                alternatives.push_back(options_.name_terms ? name_of(kept)
                                                           : phrase_of(plain, kept));
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

    std::vector<Token> tokens_of(const QueryNode& n) {
        std::vector<Token> tokens = analyzer_.analyze(n.text);
        const auto searchable = std::count_if(
            tokens.begin(), tokens.end(), [](const Token& t) { return t.kind != TokenKind::Stop; });
        terms_ += static_cast<std::size_t>(searchable);
        if (terms_ > max_query_terms) {
            throw QueryError("query has too many terms (more than " +
                             std::to_string(max_query_terms) + ")");
        }
        return tokens;
    }

    std::string positional(const QueryNode& n, const Token& t) const {
        return n.field == "title" ? std::string(schema::prefix_title) + t.term : t.term;
    }

    /// A title word with its singular or plural: title terms carry no stems
    /// (title:semiconductors finds "semiconductor").
    Xapian::Query title_word(const QueryNode& n, const Token& t) const {
        std::vector<Xapian::Query> forms;
        for (const std::string& form : analyzer_.same_stem_forms(t)) {
            Token variant = t;
            variant.term = form;
            forms.emplace_back(positional(n, variant));
        }
        return forms.size() == 1 ? forms.front()
                                 : Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
    }

    /// The compound key of a run of query tokens, when the run is one compound (nouns with
    /// nothing between them), else "".
    static std::string compound_of(const std::vector<const Token*>& run) {
        std::vector<Token> copy;
        for (const Token* t : run) {
            copy.push_back(*t);
        }
        const std::vector<analysis::Compound> found = analysis::compounds(copy);
        if (found.size() == 1 && found.front().first == 0 &&
            found.front().last + 1 == copy.size()) {
            return found.front().key;
        }
        return {};
    }

    /// Documents holding all of `pairs` but at most one.
    static Xapian::Query all_but_one(const std::vector<Xapian::Query>& pairs) {
        std::vector<Xapian::Query> alternatives;
        for (std::size_t skip = 0; skip < pairs.size(); ++skip) {
            std::vector<Xapian::Query> rest = pairs;
            rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(skip));
            alternatives.emplace_back(Xapian::Query::OP_AND, rest.begin(), rest.end());
        }
        return {Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()};
    }

    Xapian::Query phrase_of(const QueryNode& n, const std::vector<const Token*>& tokens,
                            Xapian::termcount slack = 0) const {
        if (tokens.size() == 1) {
            return Xapian::Query(positional(n, *tokens.front()));
        }
        std::vector<Xapian::Query> terms;
        for (const Token* t : tokens) {
            terms.emplace_back(positional(n, *t));
        }
        const Xapian::termcount window =
            tokens.back()->position - tokens.front()->position + 1 + slack;
        Xapian::Query exact(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), window);
        // A Japanese phrase's noun pairs (P terms) come first: Xapian then checks positions
        // only in documents holding all of them, not in every one holding its frequent words.
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
        if (pairs.size() + 1 == tokens.size() && (tokens.size() == 2 || slack > 0)) {
            // Neighbouring words that are all noun pairs, no positions read: two words are
            // their pair (but for a stop token between them); a compound is its words and
            // all its pairs but at most one (one particle may part two words: 利用目的の特定
            // for 利用目的特定). Weighed as the phrase was (the AND of its words). Inside an
            // OR, Xapian 1.4 checked a compound phrase's positions in every document holding
            // its pairs: on 50,000 generated documents matching the latency queries took 155
            // ms with the phrase, 143 without, and 令和4年 デジタル庁 alone 9.9 → 2.1 ms;
            // tests/relevance nDCG@10 unchanged but cross-ja-en 0.754 → 0.752.
            exact = Xapian::Query(Xapian::Query::OP_FILTER,
                                  Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()),
                                  pairs.size() == 1 ? pairs.front() : all_but_one(pairs));
        } else if (slack == 0 && !pairs.empty()) {
            exact = Xapian::Query(Xapian::Query::OP_FILTER, exact,
                                  Xapian::Query(Xapian::Query::OP_AND, pairs.begin(), pairs.end()));
        } else if (pairs.size() >= 2) {
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
            exact = Xapian::Query(
                Xapian::Query::OP_FILTER, exact,
                Xapian::Query(Xapian::Query::OP_AND, one_of_two.begin(), one_of_two.end()));
        }
        // The last word of an English phrase (the head of a noun phrase) may also be in the
        // other number: "submarine cable" finds "submarine cables" too. (Widening every word
        // inside one phrase instead lowered phrase nDCG@10 on tests/relevance: "Code of
        // Conduct" matched "codes".) One phrase with either form last, and the form typed
        // weighs half again where the document has it, so exact matches keep their lead:
        // two phrases ORed (the other form's at half weight) made Xapian 1.4 read positions
        // in every document holding the words, twice; "supervisory authority" took 6.8 ms
        // on 50,000 generated documents that way, 2.7 ms this way, and tests/relevance
        // measured the same nDCG@10 for every query type.
        std::vector<std::string> forms = analyzer_.same_stem_forms(*tokens.back());
        if (forms.size() < 2) {
            return exact;
        }
        const Xapian::Query typed_last = terms.back();
        std::vector<Xapian::Query> others;
        for (auto form = forms.begin() + 1; form != forms.end(); ++form) {
            Token variant = *tokens.back();
            variant.term = *form;
            others.emplace_back(positional(n, variant));
        }
        // A Japanese phrase ending in an English word, and a term-bank name (weighed as
        // name_of() weighs it, so that N terms and phrases give the same scores): two phrases.
        if (!pairs.empty() ||
            (options_.term_bank != nullptr && options_.term_bank->has_key(key_of(tokens)))) {
            terms.back() = Xapian::Query(Xapian::Query::OP_OR, others.begin(), others.end());
            const Xapian::Query inflected(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                                          window);
            return {Xapian::Query::OP_OR, exact,
                    Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, inflected, 0.5)};
        }
        others.insert(others.begin(), typed_last);
        terms.back() = Xapian::Query(Xapian::Query::OP_OR, others.begin(), others.end());
        return {Xapian::Query::OP_AND_MAYBE,
                Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), window),
                Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, typed_last, 0.5)};
    }

    /// The matching key of a run of tokens (TermBank::key_of): their terms joined by spaces.
    static std::string key_of(const std::vector<const Token*>& tokens) {
        std::string key;
        for (const Token* t : tokens) {
            key += (key.empty() ? "" : " ") + t->term;
        }
        return key;
    }

    /// A term-bank name of several words, matched by its N term (the indexer found the
    /// name there) and weighted as its phrase was, by its words: Xapian weighs a phrase as
    /// the AND of its terms. As in phrase_of(), the last word may be in the other number, at
    /// half weight. The N term is rare, so the AND costs a few skips, not a phrase check.
    Xapian::Query name_of(const std::vector<const Token*>& tokens) const {
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
        const std::string exact = name_term(key);
        if (exact.empty()) {
            return phrase_of(QueryNode{}, tokens);  // too long for one term: not indexed so
        }
        const std::string& last = tokens.back()->term;
        const std::vector<std::string> forms = analyzer_.same_stem_forms(*tokens.back());
        std::vector<Xapian::Query> others;
        for (auto form = forms.begin() + 1; form < forms.end(); ++form) {
            const std::string other = name_term(key.substr(0, key.size() - last.size()) + *form);
            if (!other.empty()) {
                others.push_back(matched_as_phrase(*form, other));
            }
        }
        if (others.empty()) {
            return matched_as_phrase(last, exact);
        }
        return {
            Xapian::Query::OP_OR, matched_as_phrase(last, exact),
            Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                          Xapian::Query(Xapian::Query::OP_OR, others.begin(), others.end()), 0.5)};
    }

    /// Typed words that must stand together: their N term when they are a term-bank name
    /// the index has N terms for (matched without reading positions, weighed as the phrase),
    /// else phrase_of().
    Xapian::Query together(const QueryNode& n, const std::vector<const Token*>& tokens,
                           Xapian::termcount slack = 0) const {
        if (tokens.size() > 1 && n.field.empty() && options_.name_terms &&
            options_.term_bank != nullptr) {
            if (options_.term_bank->has_key(key_of(tokens))) {
                return name_of(tokens);
            }
        }
        return phrase_of(n, tokens, slack);
    }

    /// A quoted phrase: every non-stop token, in order, gaps kept.
    Xapian::Query phrase_query(const QueryNode& n) {
        std::vector<Token> tokens = tokens_of(n);
        std::vector<const Token*> kept;
        for (const Token& t : tokens) {
            if (t.kind != TokenKind::Stop) {
                kept.push_back(&t);
            }
        }
        if (kept.empty()) {
            return {};
        }
        return together(n, kept);
    }

    /// An unquoted word: runs of Latin words and nouns become phrases (or one Z term);
    /// inflected words match their base form; stop tokens split runs.
    std::vector<Clause> word_clauses(const QueryNode& n) {
        std::vector<Token> tokens = tokens_of(n);
        std::vector<Clause> out;
        std::vector<const Token*> run;
        const auto flush = [&] {
            if (run.empty()) {
                return;
            }
            Clause c;
            c.occur = n.occur;
            // A Japanese compound may appear with a particle inside (利用目的の特定 for
            // 利用目的特定): its phrase allows one gap. Where it stands alone as a compound
            // (its C term), it ranks higher than inside a longer one.
            const auto compound = compound_of(run);
            if (run.size() == 1) {
                const Token& t = *run.front();
                c.query = n.field == "title"
                              ? title_word(n, t)
                              : Xapian::Query(std::string(schema::prefix_stem) + t.base);
                c.stopword = analysis::is_query_stopword(t);
            } else {
                c.query = together(n, run, compound.empty() ? 0 : 1);
                if (!compound.empty() && n.field.empty() && run.size() >= min_parts_words) {
                    // A long compound the text only has in pieces (個人情報保護法改正 where
                    // it says 個人情報保護法の…改正) still finds the document, lower down.
                    // Measured on tests/relevance: compound nDCG@10 0.797 → 0.908.
                    std::vector<Xapian::Query> parts;
                    for (const Token* t : run) {
                        parts.emplace_back(std::string(schema::prefix_stem) + t->base);
                    }
                    c.query = Xapian::Query(Xapian::Query::OP_OR, c.query,
                                            Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                                          Xapian::Query(Xapian::Query::OP_AND,
                                                                        parts.begin(), parts.end()),
                                                          compound_parts_weight));
                }
            }
            if (!compound.empty() && n.field.empty()) {
                // At a tenth of its weight: enough to order exact above longer compounds,
                // while a full-weight C term lowered ja nDCG@10 on tests/relevance (0.946 →
                // 0.870) by outweighing the words themselves.
                c.query = Xapian::Query(
                    Xapian::Query::OP_OR, c.query,
                    Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                  Xapian::Query(std::string(schema::prefix_compound) + compound),
                                  compound_weight));
            }
            out.push_back(std::move(c));
            run.clear();
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

  public:
    std::vector<std::string> wildcards_;  ///< prefixes of the wildcard words
    std::vector<QueryNote> notes_;        ///< filters left out, and why

  private:
    const analysis::Analyzer& analyzer_;
    QueryOptions options_;
    std::vector<Expansion> expansions_;
    std::set<std::string> expansion_terms_;
    std::set<std::string> typed_terms_;     ///< terms of the words as typed
    std::set<std::string> searched_names_;  ///< other names already in the query (by occur)
    int negated_ = 0;                       ///< depth inside excluded groups
    bool used_bigrams_ = false;
    std::size_t terms_ = 0;
};

}  // namespace

Xapian::Query date_filter(const std::string& field, const std::string& value) {
    return Builder::date_filter(field, value);
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

Xapian::Query build_query(const QueryNode& root, const analysis::Analyzer& analyzer,
                          const QueryOptions& options) {
    return Builder(analyzer, options).build(root);
}

Xapian::Query build_query(std::string_view raw, const analysis::Analyzer& analyzer,
                          const QueryOptions& options) {
    return build(raw, analyzer, options).query;
}

BuiltQuery build(std::string_view raw, const analysis::Analyzer& analyzer,
                 const QueryOptions& options) {
    if (raw.size() > max_query_bytes) {
        throw QueryError("query too long (" + std::to_string(raw.size()) + " bytes, max " +
                         std::to_string(max_query_bytes) + ")");
    }
    Builder builder(analyzer, options);
    std::vector<QueryNote> notes;
    Xapian::Query q = builder.build(parse_query(text::prepare(raw), &notes));
    notes.insert(notes.end(), builder.notes_.begin(), builder.notes_.end());
    return {std::move(q),           builder.expansions(), builder.expansion_terms(),
            builder.used_bigrams(), std::move(notes),     builder.wildcards_};
}

}  // namespace seisaku::query
