// SPDX-License-Identifier: MIT
#include "index/learned_translations.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "analysis/analyzer.hpp"
#include "index/index_writer.hpp"
#include "index/segment_alignment.hpp"
#include "schema/schema.hpp"
#include "text/normalize.hpp"
#include "text/numerals.hpp"
#include "text/utf8.hpp"

namespace seisaku::index {
namespace {

constexpr std::size_t en_side = 0;
constexpr std::size_t ja_side = 1;

std::uint64_t pair_key(std::uint32_t ja, std::uint32_t en) {
    return (static_cast<std::uint64_t>(ja) << 32U) | en;
}

/// Roman numerals of item numbers ("ii", "iv", "xiv"): they count, they do not translate.
bool roman_numeral(std::string_view word) {
    return word.find_first_not_of("ivx") == std::string_view::npos;
}

/// An English stem worth learning: letters a-z only, two at least, not a function word.
bool english_word(const analysis::Token& t) {
    return t.kind == analysis::TokenKind::Word && t.base.size() >= 2 &&
           t.base.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos &&
           !roman_numeral(t.base) && !analysis::is_query_stopword(t);
}

/// A Japanese noun base worth learning: no digits or Latin letters, not a number in kanji,
/// not a function word, not one kana (a lone kanji is a word: 法, 国).
bool japanese_word(const analysis::Token& t) {
    if (t.kind != analysis::TokenKind::Noun || analysis::is_query_stopword(t) ||
        !text::is_valid(t.base)) {
        return false;
    }
    std::size_t characters = 0;
    bool all_numerals = true;
    bool kanji = false;
    for (std::size_t at = 0; at < t.base.size();) {
        const char32_t cp = text::next_code_point(t.base, at);
        if (cp < 0x80) {
            return false;
        }
        ++characters;
        all_numerals = all_numerals && text::is_kanji_numeral(cp);
        kanji = kanji || (cp >= 0x4E00 && cp <= 0x9FFF);
    }
    return !all_numerals && (characters > 1 || kanji);
}

/// Whether a Japanese word is one character (者, 上, 国): often part of a longer word.
bool one_character(std::string_view word) {
    std::size_t at = 0;
    (void)text::next_code_point(word, at);
    return at == word.size();
}

/// A candidate translation: its words' ids and how sure.
struct Scored {
    std::uint32_t ja;
    std::uint32_t en;
    double score;
    std::uint32_t links;
};

/// Keeps, for each word of one side (`side` of Scored), its best translations: at most
/// `per_word`, each at least `near_best` of the word's best score. `scored` is best first.
std::vector<bool> best_of_each(const std::vector<Scored>& scored, std::uint32_t Scored::*side,
                               const MiningLimits& limits) {
    std::unordered_map<std::uint32_t, std::pair<double, std::size_t>> seen;  // best, kept
    std::vector<bool> keep(scored.size(), false);
    for (std::size_t i = 0; i < scored.size(); ++i) {
        auto [it, first] = seen.emplace(scored[i].*side, std::pair{scored[i].score, 0});
        if (it->second.second < limits.per_word &&
            scored[i].score >= limits.near_best * it->second.first) {
            keep[i] = true;
            ++it->second.second;
        }
    }
    return keep;
}

}  // namespace

TranslationMiner::TranslationMiner(const analysis::Analyzer& analyzer, MiningLimits limits)
    : analyzer_(analyzer), limits_(limits) {}

std::vector<std::uint32_t> TranslationMiner::words_of(std::string_view text, bool japanese) {
    const std::size_t side = japanese ? ja_side : en_side;
    std::vector<std::uint32_t> out;
    for (const analysis::Token& t : analyzer_.analyze(text)) {
        if (japanese ? !japanese_word(t) : !english_word(t)) {
            continue;
        }
        const auto [it, added] =
            ids_[side].emplace(t.base, static_cast<std::uint32_t>(words_[side].size()));
        if (added) {
            words_[side].push_back(t.base);
            segments_with_[side].push_back(0);
        }
        out.push_back(it->second);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool TranslationMiner::add_segment(std::string_view en, std::string_view ja) {
    std::vector<std::uint32_t> e = words_of(en, false);
    std::vector<std::uint32_t> j = words_of(ja, true);
    if (e.empty() || j.empty() || e.size() > limits_.max_segment_words ||
        j.size() > limits_.max_segment_words ||
        kept_words_ + e.size() + j.size() > limits_.max_kept_words) {
        return false;
    }
    for (const std::uint32_t w : e) {
        ++segments_with_[en_side][w];
    }
    for (const std::uint32_t w : j) {
        ++segments_with_[ja_side][w];
        for (const std::uint32_t x : e) {
            if (together_.size() < limits_.max_pairs) {
                ++together_[pair_key(w, x)];
            } else if (const auto it = together_.find(pair_key(w, x)); it != together_.end()) {
                ++it->second;
            }
        }
    }
    kept_words_ += e.size() + j.size();
    segments_.emplace_back(std::move(j), std::move(e));
    return true;
}

std::size_t TranslationMiner::add_pair(std::string_view en_body, std::string_view ja_body) {
    std::size_t counted = 0;
    const std::string en = text::prepare(en_body);
    const std::string ja = text::prepare(ja_body);
    for (const AlignedSegment& s : align_segments(en, ja)) {
        counted += add_segment(s.en, s.ja) ? 1 : 0;
    }
    return counted;
}

double TranslationMiner::dice(std::uint32_t ja, std::uint32_t en, std::uint32_t together) const {
    return 2.0 * together /
           static_cast<double>(segments_with_[ja_side][ja] + segments_with_[en_side][en]);
}

std::vector<std::tuple<double, std::uint32_t, std::uint32_t>> TranslationMiner::candidates(
    const std::vector<std::uint32_t>& ja_words, const std::vector<std::uint32_t>& en_words) const {
    std::vector<std::tuple<double, std::uint32_t, std::uint32_t>> out;
    for (const std::uint32_t j : ja_words) {
        for (const std::uint32_t e : en_words) {
            const auto it = together_.find(pair_key(j, e));
            if (it != together_.end() && it->second >= limits_.min_links) {
                out.emplace_back(-dice(j, e, it->second), j, e);
            }
        }
    }
    std::sort(out.begin(), out.end());  // most associated first
    return out;
}

std::unordered_map<std::uint64_t, std::uint32_t> TranslationMiner::link() const {
    std::unordered_map<std::uint64_t, std::uint32_t> links;
    for (const auto& [ja_words, en_words] : segments_) {
        const auto ranked = candidates(ja_words, en_words);
        std::vector<std::uint32_t> used_ja;
        std::vector<std::uint32_t> used_en;
        const auto free = [&](std::size_t i) {
            const auto& [d, j, e] = ranked[i];
            return std::find(used_ja.begin(), used_ja.end(), j) == used_ja.end() &&
                   std::find(used_en.begin(), used_en.end(), e) == used_en.end();
        };
        // Candidates as associated as each other and sharing a word cannot be told apart (a
        // phrase repeated whole): their words are linked to nothing in this segment.
        for (std::size_t first = 0; first < ranked.size();) {
            std::size_t end = first;
            while (end < ranked.size() && std::get<0>(ranked[end]) == std::get<0>(ranked[first])) {
                ++end;
            }
            std::vector<std::pair<std::size_t, bool>> open;  // candidate, ambiguous
            for (std::size_t i = first; i < end; ++i) {
                if (free(i)) {
                    open.emplace_back(i, false);
                }
            }
            for (auto& [i, ambiguous] : open) {
                for (const auto& [k, unused] : open) {
                    const bool same_ja = std::get<1>(ranked[i]) == std::get<1>(ranked[k]);
                    const bool same_en = std::get<2>(ranked[i]) == std::get<2>(ranked[k]);
                    ambiguous = ambiguous || same_ja != same_en;
                }
            }
            for (const auto& [i, ambiguous] : open) {
                const auto& [d, j, e] = ranked[i];
                used_ja.push_back(j);
                used_en.push_back(e);
                links[pair_key(j, e)] += ambiguous ? 0 : 1;
            }
            first = end;
        }
    }
    return links;
}

lexicon::LearnedTranslations TranslationMiner::result() const {
    std::vector<Scored> scored;
    for (const auto& [key, links] : link()) {
        const auto ja = static_cast<std::uint32_t>(key >> 32U);
        const auto en = static_cast<std::uint32_t>(key & 0xFFFFFFFFU);
        // Dice of links, as if each word were met once more apart: few segments, less sure.
        const double score =
            2.0 * links /
            static_cast<double>(segments_with_[ja_side][ja] + segments_with_[en_side][en] + 2);
        const double least = one_character(words_[ja_side][ja]) ? limits_.min_score_one_character
                                                                : limits_.min_score;
        if (links >= limits_.min_links && score >= least) {
            scored.push_back({ja, en, score, links});
        }
    }
    std::sort(scored.begin(), scored.end(), [&](const Scored& a, const Scored& b) {
        return std::tie(b.score, b.links, words_[ja_side][a.ja], words_[en_side][a.en]) <
               std::tie(a.score, a.links, words_[ja_side][b.ja], words_[en_side][b.en]);
    });
    const std::vector<bool> by_ja = best_of_each(scored, &Scored::ja, limits_);
    const std::vector<bool> by_en = best_of_each(scored, &Scored::en, limits_);
    std::vector<lexicon::Learned> rows;
    for (std::size_t i = 0; i < scored.size(); ++i) {
        if (by_ja[i] && by_en[i]) {
            rows.push_back({words_[ja_side][scored[i].ja], words_[en_side][scored[i].en],
                            scored[i].score, scored[i].links});
        }
    }
    return lexicon::LearnedTranslations(std::move(rows));
}

LearnedSummary refresh_learned(IndexWriter& writer, const analysis::Analyzer& analyzer,
                               bool changed) {
    const std::string key(schema::meta_learned);
    if (!changed && !writer.metadata(key).empty()) {
        return {};
    }
    // The pairs: documents sharing a translation key, the first English and Japanese of each.
    std::map<std::string, std::pair<std::string, std::string>> pairs;
    for (const IndexWriter::Listed& d : writer.list_documents()) {
        if (!d.translation_key.empty() && (d.lang == "en" || d.lang == "ja")) {
            std::string& slot =
                d.lang == "en" ? pairs[d.translation_key].first : pairs[d.translation_key].second;
            slot = slot.empty() ? d.id_term : slot;
        }
    }
    LearnedSummary summary{true, 0, 0, 0};
    TranslationMiner miner(analyzer);
    for (const auto& [translation_key, terms] : pairs) {
        if (terms.first.empty() || terms.second.empty()) {
            continue;
        }
        const auto en = writer.stored(terms.first);
        const auto ja = writer.stored(terms.second);
        if (en && ja) {
            ++summary.pairs;
            summary.segments += miner.add_pair(en->first.body, ja->first.body);
        }
    }
    const lexicon::LearnedTranslations table = miner.result();
    summary.translations = table.size();
    if (std::string encoded = table.encode(); encoded != writer.metadata(key)) {
        writer.set_metadata(key, encoded);
    }
    return summary;
}

lexicon::LearnedTranslations stored_learned(const IndexWriter& writer) {
    return lexicon::LearnedTranslations::decode(writer.metadata(std::string(schema::meta_learned)));
}

}  // namespace seisaku::index
