// SPDX-License-Identifier: MIT
#include "analysis/analyzer.hpp"

#include <algorithm>
#include <array>

#include "analysis/english.hpp"
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

TokenKind japanese_kind(const Morpheme& m) {
    if (m.part_of_speech == "助詞" || m.part_of_speech == "助動詞" || m.part_of_speech == "記号") {
        return TokenKind::Stop;
    }
    if (m.part_of_speech == "名詞" || m.part_of_speech == "接頭詞") {
        return TokenKind::Noun;
    }
    return TokenKind::Inflected;
}

bool is_katakana_word(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t cp = text::next_code_point(s, pos);
        if (cp < 0x30A1 || cp > 0x30FC) {
            return false;
        }
    }
    return true;
}

/// The katakana stem of kuromoji: a word of 4+ characters loses its trailing ー
/// (セキュリティー → セキュリティ, サーバー → サーバ).
std::string katakana_stem(std::string base) {
    static constexpr std::string_view long_mark = "\xE3\x83\xBC";  // U+30FC
    if (text::length(base) > 3 && base.ends_with(long_mark) && is_katakana_word(base)) {
        base.resize(base.size() - long_mark.size());
    }
    return base;
}

}  // namespace

Analyzer::Analyzer(const AnalyzerOptions& options)
    : mecab_(std::make_unique<MecabTagger>(
          options.mecab_dicdir.empty() ? std::string(default_mecab_dicdir) : options.mecab_dicdir)),
      english_(std::make_unique<EnglishFilter>()) {}

Analyzer::~Analyzer() = default;

const std::string& Analyzer::dictionary_name() const noexcept {
    return mecab_->dictionary_name();
}

std::string Analyzer::prepare(std::string_view raw) {
    return text::normalize(text::repair(raw));
}

std::vector<Token> Analyzer::analyze(std::string_view text, std::uint32_t first_position) const {
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
            if (term.size() <= max_term_bytes) {
                Token t;
                t.base = english_->stem(term);
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
        // Japanese: MeCab on chunks cut at code-point boundaries.
        std::size_t chunk_begin = run.begin;
        while (chunk_begin < run.end) {
            const std::string_view rest = text.substr(chunk_begin, run.end - chunk_begin);
            const std::string_view chunk = text::truncate(rest, mecab_chunk_bytes);
            for (const Morpheme& m : mecab_->parse(chunk)) {
                Token t;
                t.kind = japanese_kind(m);
                t.begin = chunk_begin + m.begin;
                t.end = chunk_begin + m.end;
                t.position = position++;
                if (t.kind != TokenKind::Stop) {
                    t.term = text::fold(text.substr(t.begin, t.end - t.begin));
                    t.base = katakana_stem(m.base_form.empty() ? t.term : text::fold(m.base_form));
                    if (t.term.size() > max_term_bytes || t.base.size() > max_term_bytes) {
                        continue;
                    }
                }
                tokens.push_back(std::move(t));
            }
            chunk_begin += chunk.size();
        }
    }
    return tokens;
}

std::vector<std::string> Analyzer::same_stem_forms(const Token& token) const {
    if (token.kind != TokenKind::Word) {
        return {token.term};
    }
    return english_->same_stem_forms(token.term);
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
