// SPDX-License-Identifier: MIT
// @brief Word translations mined from the index's translation pairs: each pair cut into
// segments that translate each other (segment_alignment.hpp), words counted together in a
// segment against apart, the strongly associated kept (lexicon/learned.hpp), re-mined after a
// run that changed a document and stored in the index (schema::meta_learned).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "lexicon/learned.hpp"

namespace seisaku::analysis {
class Analyzer;
}

namespace seisaku::index {

class IndexWriter;

/// What makes a word pair a learned translation. Precision first: a wrong translation
/// widens a search more than a missing one narrows it.
struct MiningLimits {
    /// Segments where the two words were linked (competitive linking: in each segment, the
    /// most associated words are linked first, each word once).
    std::uint32_t min_links = 3;
    /// Least score: the Dice coefficient of links, each word counted in one segment more
    /// (few segments, a lower score): 2 × links / (segments with the Japanese word + segments
    /// with the English word + 2).
    double min_score = 0.4;
    /// Least score of a Japanese word of one character (者, 上, 国: often part of a longer
    /// word, their links are often wrong).
    double min_score_one_character = 0.8;
    /// A word keeps at most this many translations, each at least `near_best` of its best's
    /// score (both ways: 個人 → person, and person → 個人).
    std::size_t per_word = 3;
    double near_best = 0.5;
    /// Segments with more distinct words than this on a side are not counted (they say little
    /// of which word is which, and would cost words × words pairs).
    std::size_t max_segment_words = 120;
    /// Distinct word pairs counted at most; later new pairs are not (memory stays bounded).
    std::size_t max_pairs = 2'000'000;
    /// Words of all kept segments at most (their words are kept for the linking pass).
    std::size_t max_kept_words = 20'000'000;
};

/// Counts words in aligned segments, then decides the translations.
class TranslationMiner {
  public:
    explicit TranslationMiner(const analysis::Analyzer& analyzer, MiningLimits limits = {});

    /// Aligns one translation pair's bodies (as stored: prepared here) and counts their
    /// segments; returns how many were counted. Titles are not: made up by a metadata file,
    /// they repeat a collection's words ("Japanese Law Translation") that bodies do not.
    std::size_t add_pair(std::string_view en_body, std::string_view ja_body);
    /// Counts one segment: the English side's stems and the Japanese side's noun base forms
    /// (text::prepare() form). False when it was not counted (a side without words, too many).
    bool add_segment(std::string_view en, std::string_view ja);

    /// The translations found in everything counted.
    [[nodiscard]] lexicon::LearnedTranslations result() const;

  private:
    [[nodiscard]] std::vector<std::uint32_t> words_of(std::string_view text, bool japanese);
    [[nodiscard]] double dice(std::uint32_t ja, std::uint32_t en, std::uint32_t together) const;
    /// The word pairs of one segment counted together often enough, most associated first.
    [[nodiscard]] std::vector<std::tuple<double, std::uint32_t, std::uint32_t>> candidates(
        const std::vector<std::uint32_t>& ja_words,
        const std::vector<std::uint32_t>& en_words) const;
    /// Links each kept segment's words, most associated first, each word once.
    [[nodiscard]] std::unordered_map<std::uint64_t, std::uint32_t> link() const;

    const analysis::Analyzer& analyzer_;
    MiningLimits limits_;
    std::unordered_map<std::string, std::uint32_t> ids_[2];  ///< [0] English, [1] Japanese
    std::vector<std::string> words_[2];
    std::vector<std::uint32_t> segments_with_[2];  ///< by word id: segments holding it
    std::unordered_map<std::uint64_t, std::uint32_t> together_;  ///< (ja << 32 | en) → segments
    /// The kept segments' words: Japanese ids, then English ids, per segment.
    std::vector<std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>>> segments_;
    std::size_t kept_words_ = 0;
};

/// What refresh_learned() did, for the run's report.
struct LearnedSummary {
    bool mined = false;  ///< false: the stored table was kept (nothing changed)
    std::size_t pairs = 0;
    std::size_t segments = 0;
    std::size_t translations = 0;
};

/// Mines the translations of every English/Japanese pair of documents in `writer`'s index
/// (documents sharing a translation key) and stores them (schema::meta_learned), when
/// `changed` (the run added, updated or deleted a document) or the index holds no table yet.
LearnedSummary refresh_learned(IndexWriter& writer, const analysis::Analyzer& analyzer,
                               bool changed);

/// The table stored in `writer`'s index (empty when there is none).
[[nodiscard]] lexicon::LearnedTranslations stored_learned(const IndexWriter& writer);

}  // namespace seisaku::index
