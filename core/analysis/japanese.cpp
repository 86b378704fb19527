// SPDX-License-Identifier: MIT
#include "analysis/japanese.hpp"

#include <algorithm>
#include <utility>

#include "text/normalize.hpp"
#include "text/script_runs.hpp"
#include "text/utf8.hpp"

namespace seisaku::analysis {
namespace {

/// The katakana stem of kuromoji: a word of 4+ characters loses its trailing ー.
std::string katakana_stem(std::string base) {
    if (text::length(base) > 3 && base.ends_with(long_mark) && is_katakana_word(base)) {
        base.resize(base.size() - long_mark.size());
    }
    return base;
}

}  // namespace

bool is_katakana_word(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t cp = text::next_code_point(s, pos);
        if (cp < 0x30A1 || cp > 0x30FC) {
            return false;
        }
    }
    return !s.empty();
}

const std::vector<std::pair<std::string_view, std::string_view>>& spelling_pairs() {
    static const std::vector<std::pair<std::string_view, std::string_view>> pairs = {
        {"ヴァ", "バ"}, {"ヴィ", "ビ"}, {"ヴェ", "ベ"}, {"ヴォ", "ボ"}, {"ヴ", "ブ"},
        {"髙", "高"},   {"﨑", "崎"},   {"濵", "浜"},   {"邉", "辺"},   {"邊", "辺"},
        {"齋", "斎"},   {"齊", "斉"},   {"德", "徳"},   {"嶋", "島"},
    };
    return pairs;
}

std::string japanese_spelling(std::string_view folded, std::vector<std::size_t>* origin) {
    const auto& pairs = spelling_pairs();
    std::string out;
    out.reserve(folded.size());
    if (origin != nullptr) {
        origin->clear();
    }
    // Appends what folded[start, end) becomes; a changed span's bytes map to its start.
    const auto emit = [&](std::string_view piece, std::size_t start, std::size_t end) {
        const bool same = piece == folded.substr(start, end - start);
        for (std::size_t i = 0; origin != nullptr && i < piece.size(); ++i) {
            origin->push_back(same ? start + i : start);
        }
        out += piece;
    };
    std::size_t pos = 0;
    char32_t previous = 0;
    while (pos < folded.size()) {
        const std::size_t start = pos;
        const auto pair = std::find_if(pairs.begin(), pairs.end(), [&](const auto& p) {
            return folded.substr(start).starts_with(p.first);
        });
        if (pair != pairs.end()) {
            pos += pair->first.size();
            emit(pair->second, start, pos);
            previous = text::last_code_point(pair->second);  // the replacement's last decides
            continue;
        }
        char32_t cp = text::next_code_point(folded, pos);
        std::string iterated;
        if (text::is_dash(cp) && text::is_katakana(previous)) {
            emit(long_mark, start, pos);
        } else if (const char32_t kana = text::kana_iteration(previous, cp); kana != 0) {
            text::append_code_point(iterated, kana);
            emit(iterated, start, pos);
            cp = kana;
        } else {
            emit(folded.substr(start, pos - start), start, pos);
        }
        previous = cp;
    }
    if (origin != nullptr) {
        origin->push_back(folded.size());
    }
    return out;
}

std::string japanese_term(std::string_view surface) {
    return katakana_stem(japanese_spelling(text::fold(surface)));
}

std::string mecab_input(std::string_view chunk, std::vector<std::size_t>& origin) {
    std::string out;
    origin.clear();
    std::size_t pos = 0;
    char32_t previous = 0;
    while (pos < chunk.size()) {
        const std::size_t start = pos;
        char32_t cp = text::next_code_point(chunk, pos);
        std::string iterated;
        if (const char32_t kana = text::kana_iteration(previous, cp); kana != 0) {
            text::append_code_point(iterated, kana);  // いすゞ → いすず: MeCab knows the word
            cp = kana;
        }
        const std::string_view piece = (text::is_dash(cp) && text::is_katakana(previous))
                                           ? long_mark
                                       : !iterated.empty() ? std::string_view(iterated)
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

}  // namespace seisaku::analysis
