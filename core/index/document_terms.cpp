// SPDX-License-Identifier: MIT
#include "index/document_terms.hpp"

#include <set>

#include "analysis/analyzer.hpp"
#include "glossary/name_terms.hpp"
#include "schema/schema.hpp"
#include "schema/stored_record.hpp"
#include "text/normalize.hpp"
#include "text/transliterate.hpp"
#include "text/utf8.hpp"

namespace seisaku::index {
using schema::slot;
using schema::ValueSlot;
namespace {

std::string with_prefix(std::string_view prefix, const std::string& term) {
    std::string out(prefix);
    out += term;
    return out;
}

/// What a document adds to the spelling and synonym tables ("did you mean").
struct SuggestionData {
    std::set<std::string> spelling;                          ///< English words
    std::set<std::pair<std::string, std::string>> readings;  ///< (synonym key, kana word)

    void add_reading(const std::string& word) {
        if (word.size() > analysis::max_term_bytes) {
            return;
        }
        const std::string key = text::reading_key(word);
        if (key.size() >= 2) {
            readings.emplace(with_prefix(schema::prefix_reading, key), word);
        }
    }

    void add(const std::vector<analysis::Token>& tokens) {
        for (const analysis::Token& t : tokens) {
            if (t.kind == analysis::TokenKind::Word && is_spelling_word(t.term)) {
                spelling.insert(t.term);
            } else if (t.kind == analysis::TokenKind::Noun &&
                       text::kana_script(t.term) != text::KanaScript::None) {
                add_reading(t.term);
            }
        }
        // A katakana compound (データ|スペース) is searched as one word too.
        for (const analysis::Compound& c : analysis::compounds(tokens)) {
            if (c.last > c.first && text::kana_script(c.key) == text::KanaScript::Katakana) {
                add_reading(c.key);
            }
        }
    }
};

/// Bodies are analyzed in pieces of at most this size (BAD-INPUTS I5: a 40 MB text file
/// analyzed whole peaked at 1.2 GB).
constexpr std::size_t analysis_piece_bytes = 256 * 1024;

/// The piece of `text` from `at` to analyze next: up to a line end in its second half, else a
/// space, else a code-point boundary; the rest of the text when it is short enough.
std::string_view analysis_piece(std::string_view text, std::size_t at) {
    const std::string_view rest = text.substr(at);
    if (rest.size() <= analysis_piece_bytes) {
        return rest;
    }
    const std::string_view window = text::truncate(rest, analysis_piece_bytes);
    for (const char cut : {'\n', ' '}) {
        const std::size_t found = window.rfind(cut);
        if (found != std::string_view::npos && found >= window.size() / 2) {
            return window.substr(0, found + 1);
        }
    }
    return window;
}

/// The P term of each noun pair (wdf 0: document lengths and BM25 stay as without them).
void add_pair_terms(const std::vector<analysis::Token>& tokens, Xapian::Document& xdoc) {
    for (const std::string& pair : analysis::noun_pairs(tokens)) {
        if (std::string term = schema::pair_term(pair); !term.empty()) {
            xdoc.add_term(term, 0);
        }
    }
}

/// The terms of analyzed text, each occurrence with `wdf`: the plain terms with their
/// positions (and under `position_prefix` too, unless it is empty), S terms of the stems,
/// Z terms of the compounds, and the N and P terms.
void index_tokens(const std::vector<analysis::Token>& tokens, Xapian::termcount wdf,
                  std::string_view position_prefix, const glossary::NameFinder& names,
                  Xapian::Document& xdoc) {
    for (const analysis::Token& t : tokens) {
        if (t.kind == analysis::TokenKind::Stop) {
            continue;
        }
        if (!position_prefix.empty()) {
            xdoc.add_posting(with_prefix(position_prefix, t.term), t.position);
        }
        xdoc.add_posting(t.term, t.position, wdf);
        xdoc.add_term(with_prefix(schema::prefix_stem, t.base), wdf);
    }
    for (const analysis::Compound& c : analysis::compounds(tokens)) {
        xdoc.add_term(with_prefix(schema::prefix_compound, c.key), wdf);
    }
    names.add_terms(tokens, xdoc);
    add_pair_terms(tokens, xdoc);
}

/// The title's terms: S terms with positions, and the plain and Z terms with extra wdf.
/// Returns the position of its last word (0 when it has none), after which the body starts.
Xapian::termpos index_title(const std::vector<analysis::Token>& title,
                            const glossary::NameFinder& names, Xapian::Document& xdoc) {
    index_tokens(title, schema::title_wdf, schema::prefix_title, names, xdoc);
    for (auto t = title.rbegin(); t != title.rend(); ++t) {
        if (t->kind != analysis::TokenKind::Stop) {
            return t->position;
        }
    }
    return 0;
}

/// The body's terms from `position` on, and its spelling words and readings.
void index_body(const std::string& normalized_body, std::uint32_t position,
                const analysis::Analyzer& analyzer, const glossary::NameFinder& names,
                SuggestionData& suggestion_data, Xapian::Document& xdoc) {
    for (std::size_t at = 0; at < normalized_body.size();) {
        const std::string_view piece = analysis_piece(normalized_body, at);
        at += piece.size();
        const std::vector<analysis::Token> body = analyzer.analyze(piece, position);
        index_tokens(body, 1, {}, names, xdoc);
        suggestion_data.add(body);
        if (!body.empty()) {
            position = body.back().position + 1;
        }
    }
}

/// The document's filter terms and values: id, languages, date, translation key, issuer,
/// type and topics (issuer:, type:, topic: and the facets).
void add_filters(const document::Document& doc, const analysis::Analyzer& analyzer,
                 Xapian::Document& xdoc) {
    xdoc.add_boolean_term(with_prefix(schema::prefix_lang, doc.lang));
    for (const std::string& lang : doc.languages) {  // a bilingual PDF is found by lang: both
        xdoc.add_boolean_term(with_prefix(schema::prefix_lang, lang));
    }
    xdoc.add_value(slot(ValueSlot::Date), doc.date);
    xdoc.add_value(slot(ValueSlot::Lang), doc.lang);
    xdoc.add_value(slot(ValueSlot::TranslationKey), doc.translation_key);
    // Metadata for filters (issuer:, type:, topic:) and facets.
    for (const analysis::Token& t : analyzer.analyze(doc.issuer)) {
        if (t.kind != analysis::TokenKind::Stop) {
            xdoc.add_boolean_term(with_prefix(schema::prefix_issuer, t.term));
        }
    }
    if (!doc.type.empty()) {
        xdoc.add_boolean_term(schema::keyword_term(schema::prefix_type, doc.type));
    }
    std::string topics;
    for (const std::string& topic : doc.topics) {
        xdoc.add_boolean_term(schema::keyword_term(schema::prefix_topic, topic));
        topics += (topics.empty() ? "" : "\n") + topic;
    }
    xdoc.add_value(slot(ValueSlot::Issuer), doc.issuer);
    xdoc.add_value(slot(ValueSlot::Type), doc.type);
    xdoc.add_value(slot(ValueSlot::Topics), topics);
}

}  // namespace

bool is_spelling_word(std::string_view term) {
    if (term.size() < schema::min_spelling_letters) {
        return false;
    }
    for (const char c : term) {
        if (c < 'a' || c > 'z') {
            return false;
        }
    }
    return true;
}

PreparedDocument prepare_document(const document::Document& doc, const FileState& file,
                                  const analysis::Analyzer& analyzer,
                                  const glossary::NameFinder& names) {
    Xapian::Document xdoc;
    const std::vector<analysis::Token> title = analyzer.analyze(doc.title, 1);
    const Xapian::termpos last_title_position = index_title(title, names, xdoc);
    const auto first_body_position =
        static_cast<std::uint32_t>(last_title_position + schema::body_position_gap);
    // The body is stored as written and analyzed in its NFKC form, a piece at a time, so a
    // large file needs memory for one piece's tokens, not for the whole text's.
    const std::string normalized_body = text::prepare(doc.body);
    SuggestionData suggestion_data;
    suggestion_data.add(title);
    index_body(normalized_body, first_body_position, analyzer, names, suggestion_data, xdoc);
    // Character bigrams of the Japanese text: the fallback when morphemes find nothing
    // (an unknown word MeCab cuts differently in the text and in the query).
    for (const std::string& b : analysis::japanese_bigrams(doc.title + "\n" + normalized_body)) {
        xdoc.add_term(with_prefix(schema::prefix_bigram, b), 0);  // wdf 0: document length and
                                                                  // BM25 stay as without them
    }
    const std::string id_term = schema::id_term(doc.id);
    xdoc.add_boolean_term(id_term);
    add_filters(doc, analyzer, xdoc);
    xdoc.add_value(slot(ValueSlot::FileState), encode_file_state(file));
    xdoc.set_data(schema::encode_record(doc));
    PreparedDocument out{doc.id, id_term, std::move(xdoc), {}, {}};
    out.spelling.assign(suggestion_data.spelling.begin(), suggestion_data.spelling.end());
    out.readings.assign(suggestion_data.readings.begin(), suggestion_data.readings.end());
    return out;
}

}  // namespace seisaku::index
