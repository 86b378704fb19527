// SPDX-License-Identifier: MIT
#include "analysis/japanese.hpp"

#include <algorithm>
#include <cstdint>
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

/// The spelling pair whose variant `rest` starts with, its first code point being `first`;
/// nullptr when none. Only the pairs' first code points are compared for most characters.
const std::pair<std::string_view, std::string_view>* spelling_pair_at(std::string_view rest,
                                                                      char32_t first) {
    static const std::u32string firsts = [] {
        std::u32string out;
        for (const auto& pair : spelling_pairs()) {
            std::size_t pos = 0;
            out += text::next_code_point(pair.first, pos);
        }
        return out;
    }();
    // Most characters are none of them: one bit of 64 tells.
    static const std::uint64_t bits = [] {
        std::uint64_t out = 0;
        for (const char32_t cp : firsts) {
            out |= std::uint64_t{1} << (cp % 64);
        }
        return out;
    }();
    if (((bits >> (first % 64)) & 1U) == 0 || firsts.find(first) == std::u32string::npos) {
        return nullptr;
    }
    const auto& pairs = spelling_pairs();
    const auto pair = std::find_if(pairs.begin(), pairs.end(),
                                   [&](const auto& p) { return rest.starts_with(p.first); });
    return pair == pairs.end() ? nullptr : &*pair;
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
    std::string out;
    out.reserve(folded.size());
    if (origin != nullptr) {
        origin->clear();
        origin->reserve(folded.size() + 1);
    }
    std::size_t kept = 0;  // folded[kept, ...) is not in `out` yet
    // Appends folded[kept, start) unchanged, then what folded[start, end) becomes (its bytes
    // mapped to its start).
    const auto replace = [&](std::size_t start, std::size_t end, std::string_view piece) {
        out.append(folded.substr(kept, start - kept));
        out += piece;
        for (std::size_t i = kept; origin != nullptr && i < start; ++i) {
            origin->push_back(i);
        }
        if (origin != nullptr) {
            origin->insert(origin->end(), piece.size(), start);
        }
        kept = end;
    };
    std::size_t pos = 0;
    char32_t previous = 0;
    while (pos < folded.size()) {
        const std::size_t start = pos;
        char32_t cp = text::next_code_point(folded, pos);
        if (const auto* pair = spelling_pair_at(folded.substr(start), cp); pair != nullptr) {
            pos = start + pair->first.size();
            replace(start, pos, pair->second);
            previous = text::last_code_point(pair->second);  // the replacement's last decides
            continue;
        }
        if (text::is_dash(cp) && text::is_katakana(previous)) {
            replace(start, pos, long_mark);
        } else if (const char32_t kana = text::kana_iteration(previous, cp); kana != 0) {
            std::string iterated;
            text::append_code_point(iterated, kana);
            replace(start, pos, iterated);
            cp = kana;
        }
        previous = cp;
    }
    replace(folded.size(), folded.size(), {});
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
