// SPDX-License-Identifier: MIT
// @brief Word translations learned from the index's own translation pairs: the table, its
// stored form (index metadata schema::meta_learned) and its lookup, like the lexicon's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace seisaku::lexicon {

/// One learned translation.
struct Learned {
    std::string ja;  ///< a Japanese base form as the analyzer emits it (Token::base, Z term body)
    std::string en;  ///< an English Snowball stem (Token::base)
    double score;    ///< in (0,1], higher = surer (the association of the two words)
    std::uint32_t count;  ///< aligned segments that hold both words

    bool operator==(const Learned&) const = default;
};

/// The learned translations of one index, looked up from either side.
class LearnedTranslations {
  public:
    LearnedTranslations() = default;
    /// The table `stored` holds (encode()'s form); throws IndexError (the index is damaged)
    /// when it is not one, naming the line and what is wrong with it.
    [[nodiscard]] static LearnedTranslations decode(std::string_view stored);
    /// The stored form: a version line, then one "ja TAB en TAB score TAB count" line a row.
    [[nodiscard]] std::string encode() const;
    /// The table of `rows`; rows with an empty word, a tab or a line break in a word, or a
    /// score outside (0,1] are left out (they could not be stored or compared).
    explicit LearnedTranslations(std::vector<Learned> rows);

    /// The translations of `base` (a Japanese base form when from_japanese, else an English
    /// stem), best first, at most `limit`.
    [[nodiscard]] std::vector<const Learned*> of(std::string_view base, bool from_japanese,
                                                 std::size_t limit = 4) const;
    [[nodiscard]] bool empty() const noexcept;
    [[nodiscard]] std::size_t size() const noexcept;
    /// Every row, best first (highest score, then count).
    [[nodiscard]] const std::vector<Learned>& rows() const noexcept { return rows_; }

  private:
    std::vector<Learned> rows_;  ///< best first
    /// Indexes of rows_ sorted by their Japanese word, then best first; the same by English.
    std::vector<std::uint32_t> by_ja_;
    std::vector<std::uint32_t> by_en_;
};

}  // namespace seisaku::lexicon
