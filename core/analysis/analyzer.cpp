// SPDX-License-Identifier: MIT
#include "analysis/analyzer.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

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

constexpr std::string_view long_mark =
    "\xE3\x83\xBC";  // U+30FC KATAKANA-HIRAGANA PROLONGED SOUND MARK

/// The katakana stem of kuromoji: a word of 4+ characters loses its trailing ー
/// (セキュリティー → セキュリティ, サーバー → サーバ).
std::string katakana_stem(std::string base) {
    if (text::length(base) > 3 && base.ends_with(long_mark) && is_katakana_word(base)) {
        base.resize(base.size() - long_mark.size());
    }
    return base;
}

/// Spelling variants Japanese writers mix freely, folded to one form in every term:
/// ヴ-syllables to their バ-row forms (ヴァイオリン = バイオリン), old or variant kanji
/// common in names to the standard ones (髙 = 高, 﨑 = 崎), dashes after katakana to ー.
std::string japanese_spelling(std::string_view folded) {
    static const std::vector<std::pair<std::string_view, std::string_view>> pairs = {
        {"ヴァ", "バ"}, {"ヴィ", "ビ"}, {"ヴェ", "ベ"}, {"ヴォ", "ボ"}, {"ヴ", "ブ"},
        {"髙", "高"},   {"﨑", "崎"},   {"濵", "浜"},   {"邉", "辺"},   {"邊", "辺"},
        {"齋", "斎"},   {"齊", "斉"},   {"德", "徳"},   {"嶋", "島"},
    };
    std::string out;
    out.reserve(folded.size());
    std::size_t pos = 0;
    char32_t previous = 0;
    while (pos < folded.size()) {
        bool replaced = false;
        for (const auto& [from, to] : pairs) {
            if (folded.substr(pos).starts_with(from)) {
                out += to;
                pos += from.size();
                std::size_t last = to.size();  // the replacement's last code point decides
                while (last > 0 && (static_cast<unsigned char>(to[last - 1]) & 0xC0U) == 0x80U) {
                    --last;
                }
                std::size_t at = last - 1;
                previous = text::next_code_point(to, at);
                replaced = true;
                break;
            }
        }
        if (replaced) {
            continue;
        }
        const std::size_t start = pos;
        const char32_t cp = text::next_code_point(folded, pos);
        if (text::is_dash(cp) && text::is_katakana(previous)) {
            out += long_mark;
        } else {
            out.append(folded.substr(start, pos - start));
        }
        previous = cp;
    }
    return out;
}

/// The term of a Japanese surface or base form: case and width folded, spelling variants
/// unified, katakana long vowel stemmed, so サーバー, サーバ and サーバ− are one term.
std::string japanese_term(std::string_view surface) {
    return katakana_stem(japanese_spelling(text::fold(surface)));
}

/// MeCab reads a dash after katakana as a symbol; give it ー instead (same byte length for
/// the three-byte dashes; the one-byte ASCII hyphen is widened, and `origin` maps every byte
/// of the result back to the chunk).
std::string mecab_input(std::string_view chunk, std::vector<std::size_t>& origin) {
    std::string out;
    origin.clear();
    std::size_t pos = 0;
    char32_t previous = 0;
    while (pos < chunk.size()) {
        const std::size_t start = pos;
        const char32_t cp = text::next_code_point(chunk, pos);
        const std::string_view piece = (text::is_dash(cp) && text::is_katakana(previous))
                                           ? long_mark
                                           : chunk.substr(start, pos - start);
        for (std::size_t i = 0; i < piece.size(); ++i) {
            origin.push_back(i < pos - start ? start + i : pos - 1);
        }
        out += piece;
        previous = cp;
    }
    origin.push_back(chunk.size());
    return out;
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
            // Folding can leave nothing (a lone U+FE0F VARIATION SELECTOR of an emoji).
            if (!term.empty() && term.size() <= max_term_bytes) {
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
            std::vector<std::size_t> origin;
            const std::string input = mecab_input(chunk, origin);
            for (const Morpheme& m : mecab_->parse(input)) {
                Token t;
                t.begin = chunk_begin + origin[m.begin];
                t.end = chunk_begin + (m.end < origin.size() - 1 ? origin[m.end] : chunk.size());
                t.kind = japanese_kind(m, text.substr(t.begin, t.end - t.begin));
                t.position = position++;
                if (t.kind != TokenKind::Stop) {
                    t.term = japanese_term(text.substr(t.begin, t.end - t.begin));
                    t.base = m.base_form.empty() ? t.term : japanese_term(m.base_form);
                    if (t.term.empty() || t.base.empty() || t.term.size() > max_term_bytes ||
                        t.base.size() > max_term_bytes) {
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
               tokens[j + 1].begin == tokens[j].end) {
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
