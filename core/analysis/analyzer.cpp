// SPDX-License-Identifier: MIT
#include "analysis/analyzer.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "analysis/english.hpp"
#include "analysis/japanese.hpp"
#include "analysis/mecab_tagger.hpp"
#include "text/normalize.hpp"
#include "text/script_runs.hpp"
#include "text/utf8.hpp"

namespace seisaku::analysis {
namespace {

/// MeCab gets Japanese runs in chunks of at most this many bytes, cut on code points:
/// unbroken runs of one character class are quadratic in MeCab (BAD-INPUTS.md §6.5).
constexpr std::size_t mecab_chunk_bytes = 4096;

std::size_t apostrophe_before(std::string_view text, std::size_t pos) {
    if (pos >= 1 && text[pos - 1] == '\'') {
        return 1;
    }
    if (pos >= 3 && text.substr(pos - 3, 3) == "\xE2\x80\x99") {  // U+2019
        return 3;
    }
    return 0;
}

/// English clitics ('s, 't, 'll ...) that fold into the word before them.
bool is_clitic(std::string_view folded) {
    static constexpr std::array<std::string_view, 7> clitics = {"s",  "t", "ll", "re",
                                                                "ve", "d", "m"};
    return std::find(clitics.begin(), clitics.end(), folded) != clitics.end();
}

/// True when every character of `s` is Japanese (kanji, kana): IPADIC tags characters it
/// does not know, such as supplementary-plane kanji (𠮷, 𩸽), as symbols.
bool all_japanese(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        if (text::classify(text::next_code_point(s, pos)) != text::CharClass::Japanese) {
            return false;
        }
    }
    return !s.empty();
}

bool fits(const Token& t) {
    return !t.term.empty() && !t.base.empty() && t.term.size() <= max_term_bytes &&
           t.base.size() <= max_term_bytes;
}

/// The tokens of a user-dictionary morpheme: one noun per part, in order, each with its own
/// position, so the parts are found alone and the compound forms from them as usual.
template <typename At>
void emit_parts(std::string_view input, const Morpheme& m, const At& at, std::string_view text,
                std::uint32_t& position, std::vector<Token>& tokens) {
    std::size_t pos = m.begin;
    for (const std::uint32_t count : m.parts) {
        const std::size_t begin = pos;
        for (std::uint32_t i = 0; i < count && pos < m.end; ++i) {
            (void)text::next_code_point(input, pos);
        }
        Token t;
        t.begin = at(begin);
        t.end = at(pos);
        t.kind = TokenKind::Noun;
        t.position = position++;
        t.term = japanese_term(text.substr(t.begin, t.end - t.begin));
        t.base = t.term;
        if (fits(t)) {
            tokens.push_back(std::move(t));
        }
    }
}

/// Marks katakana tokens that follow another across a lone middle dot (ウラノス・エコシステム).
void mark_middle_dot_joins(std::string_view text, std::vector<Token>& tokens) {
    constexpr std::string_view middle_dot = "\xE3\x83\xBB";  // U+30FB
    for (std::size_t i = 1; i < tokens.size(); ++i) {
        const Token& before = tokens[i - 1];
        Token& t = tokens[i];
        if (t.kind == TokenKind::Noun && before.kind == TokenKind::Noun &&
            t.begin == before.end + middle_dot.size() &&
            text.substr(before.end, middle_dot.size()) == middle_dot &&
            is_katakana_word(before.term) && is_katakana_word(t.term)) {
            t.joins_previous = true;
        }
    }
}

TokenKind japanese_kind(const Morpheme& m, std::string_view surface) {
    if (m.part_of_speech == "記号" && all_japanese(surface)) {
        return TokenKind::Noun;
    }
    if (m.part_of_speech == "助詞" || m.part_of_speech == "助動詞" || m.part_of_speech == "記号") {
        return TokenKind::Stop;
    }
    if (m.part_of_speech == "名詞" || m.part_of_speech == "接頭詞") {
        return TokenKind::Noun;
    }
    return TokenKind::Inflected;
}

}  // namespace

std::string default_user_dictionary() {
    return SEISAKU_USER_DICTIONARY;
}

Analyzer::Analyzer(const AnalyzerOptions& options)
    : mecab_(std::make_unique<MecabTagger>(
          options.mecab_dicdir.empty() ? std::string(default_mecab_dicdir) : options.mecab_dicdir,
          options.user_dictionary == "none"
              ? std::string()
              : (options.user_dictionary.empty() ? default_user_dictionary()
                                                 : options.user_dictionary),
          options.load_on_first_use)) {}

Analyzer::~Analyzer() = default;

const std::string& Analyzer::dictionary_name() const noexcept {
    return mecab_->dictionary_name();
}

std::vector<Token> Analyzer::analyze(std::string_view text, std::uint32_t first_position) const {
    return analyze_runs(text, first_position, true);
}

std::vector<Token> Analyzer::latin_words(std::string_view text) const {
    return analyze_runs(text, 0, false);
}

std::vector<Token> Analyzer::analyze_runs(std::string_view text, std::uint32_t first_position,
                                          bool japanese) const {
    std::vector<Token> tokens;
    std::uint32_t position = first_position;
    for (const text::ScriptRun& run : text::script_runs(text)) {
        if (run.cls == text::CharClass::Word) {
            std::string term = text::fold(text.substr(run.begin, run.end - run.begin));
            const std::size_t apostrophe = apostrophe_before(text, run.begin);
            if (apostrophe != 0 && is_clitic(term) && !tokens.empty() &&
                tokens.back().end == run.begin - apostrophe &&
                tokens.back().kind == TokenKind::Word) {
                continue;  // Japan's → japan; the clitic takes no position
            }
            // Folding can leave nothing (a lone U+FE0F VARIATION SELECTOR of an emoji).
            if (!term.empty() && term.size() <= max_term_bytes) {
                Token t;
                t.base = EnglishFilter::stem(term);
                t.term = std::move(term);
                t.begin = run.begin;
                t.end = run.end;
                t.position = position;
                t.kind = TokenKind::Word;
                tokens.push_back(std::move(t));
            }
            ++position;
            continue;
        }
        if (!japanese) {
            continue;
        }
        // Japanese: MeCab on chunks cut at code-point boundaries.
        std::size_t chunk_begin = run.begin;
        while (chunk_begin < run.end) {
            const std::string_view rest = text.substr(chunk_begin, run.end - chunk_begin);
            const std::string_view chunk = text::truncate(rest, mecab_chunk_bytes);
            std::vector<std::size_t> origin;
            const std::string input = mecab_input(chunk, origin);
            const auto at = [&](std::size_t input_offset) {
                return chunk_begin +
                       (input_offset < origin.size() - 1 ? origin[input_offset] : chunk.size());
            };
            for (const Morpheme& m : mecab_->parse(input)) {
                if (!m.parts.empty()) {  // a policy term of the user dictionary: its parts
                    emit_parts(input, m, at, text, position, tokens);
                    continue;
                }
                Token t;
                t.begin = at(m.begin);
                t.end = at(m.end);
                t.kind = japanese_kind(m, text.substr(t.begin, t.end - t.begin));
                t.position = position++;
                if (t.kind != TokenKind::Stop) {
                    t.term = japanese_term(text.substr(t.begin, t.end - t.begin));
                    t.base = m.base_form.empty() ? t.term : japanese_term(m.base_form);
                    if (!fits(t)) {
                        continue;
                    }
                }
                tokens.push_back(std::move(t));
            }
            chunk_begin += chunk.size();
        }
    }
    mark_middle_dot_joins(text, tokens);
    return tokens;
}

std::vector<std::string> Analyzer::same_stem_forms(const Token& token) const {
    if (token.kind != TokenKind::Word) {
        return {token.term};
    }
    return EnglishFilter::same_stem_forms(token.term);
}

bool is_noun_pair(const Token& a, const Token& b) {
    const auto nounish = [](const Token& t) {
        return t.kind == TokenKind::Noun || t.kind == TokenKind::Word;
    };
    return nounish(a) && nounish(b) && (a.kind == TokenKind::Noun || b.kind == TokenKind::Noun) &&
           b.position == a.position + 1 && (b.begin == a.end || b.joins_previous);
}

std::string noun_pair_key(const Token& a, const Token& b) {
    return a.term + " " + b.term;
}

std::vector<std::string> noun_pairs(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    const Token* previous = nullptr;
    for (const Token& t : tokens) {
        if (t.kind == TokenKind::Stop) {
            continue;
        }
        if (previous != nullptr && is_noun_pair(*previous, t)) {
            out.push_back(noun_pair_key(*previous, t));
        }
        previous = &t;
    }
    return out;
}

std::vector<Compound> compounds(const std::vector<Token>& tokens) {
    std::vector<Compound> out;
    std::size_t i = 0;
    while (i < tokens.size()) {
        const auto joins = [](const Token& t) {
            return t.kind == TokenKind::Noun || t.kind == TokenKind::Word;
        };
        if (!joins(tokens[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        bool noun = tokens[i].kind == TokenKind::Noun;
        while (j + 1 < tokens.size() && joins(tokens[j + 1]) &&
               (tokens[j + 1].begin == tokens[j].end || tokens[j + 1].joins_previous)) {
            ++j;
            noun = noun || tokens[j].kind == TokenKind::Noun;
        }
        if (noun) {
            Compound c{i, j, {}};
            for (std::size_t k = i; k <= j; ++k) {
                c.key += tokens[k].term;
            }
            if (c.key.size() <= max_term_bytes) {
                out.push_back(std::move(c));
            }
        }
        i = j + 1;
    }
    return out;
}

std::vector<std::string> japanese_bigrams(std::string_view text) {
    // Only katakana runs: that is where MeCab meets unknown words (ウラノスエコシステム is one
    // unknown token, ウラノス・エコシステム three known ones); kanji compounds it segments
    // consistently, and bigrams of all Japanese text cost a fifth of the index.
    std::vector<std::string> out;
    for (const text::ScriptRun& run : text::script_runs(text)) {
        if (run.cls != text::CharClass::Japanese) {
            continue;
        }
        const std::string folded =
            japanese_spelling(text::fold(text.substr(run.begin, run.end - run.begin)));
        std::vector<std::size_t> starts;  // code points of the current katakana stretch
        const auto flush = [&](std::size_t end) {
            starts.push_back(end);
            for (std::size_t i = 0; i + 2 < starts.size(); ++i) {
                out.push_back(folded.substr(starts[i], starts[i + 2] - starts[i]));
            }
            starts.clear();
        };
        std::size_t pos = 0;
        while (pos < folded.size()) {
            const std::size_t start = pos;
            const char32_t cp = text::next_code_point(folded, pos);
            if (text::is_katakana(cp) || cp == 0x30FC) {
                starts.push_back(start);
            } else if (!starts.empty()) {
                flush(start);
            }
        }
        if (!starts.empty()) {
            flush(folded.size());
        }
    }
    return out;
}

std::string name_key(std::string_view text, const Analyzer& analyzer) {
    std::string key;
    for (const Token& t : analyzer.analyze(text::prepare(text))) {
        if (t.kind == TokenKind::Stop) {
            continue;
        }
        if (!key.empty()) {
            key += ' ';
        }
        key += t.term;
    }
    return key;
}

bool is_query_stopword(const Token& token) {
    static constexpr std::array<std::string_view, 68> english = {
        "a",     "about",  "after", "all",  "also", "an",    "and",   "any",   "are",  "as",
        "at",    "be",     "been",  "but",  "by",   "can",   "could", "did",   "do",   "does",
        "for",   "from",   "had",   "has",  "have", "how",   "i",     "if",    "in",   "into",
        "is",    "it",     "its",   "may",  "more", "not",   "of",    "on",    "or",   "our",
        "over",  "should", "so",    "such", "than", "that",  "the",   "their", "them", "then",
        "there", "these",  "they",  "this", "to",   "under", "was",   "we",    "were", "what",
        "when",  "where",  "which", "who",  "why",  "will",  "with",  "would"};
    static constexpr std::array<std::string_view, 22> japanese = {
        "する", "ある", "いる", "なる", "れる", "られる", "こと", "もの", "ため", "よう", "何",
        "なに", "どう", "どの", "どこ", "いつ", "これ",   "それ", "あれ", "この", "その", "できる"};
    switch (token.kind) {
        case TokenKind::Stop:
            return true;
        case TokenKind::Word:
            return std::find(english.begin(), english.end(), token.term) != english.end();
        case TokenKind::Noun:
        case TokenKind::Inflected:
            return std::find(japanese.begin(), japanese.end(), token.base) != japanese.end();
    }
    return false;
}

}  // namespace seisaku::analysis
