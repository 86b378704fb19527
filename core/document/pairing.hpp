// SPDX-License-Identifier: MIT
// @brief Translation pairs found, not declared: what a file's name says of its translation
// (en/x ↔ ja/x, x.en.html ↔ x.ja.html, en-x ↔ ja-x, x-en.pdf ↔ x-ja.pdf), and whether two
// texts agree enough (numbers, dates, names) to be one text in two languages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace seisaku::document {

/// What a file's name says of its language and of the name its translation would have.
struct NameKey {
    std::string key;   ///< the id with its language mark replaced by '*' (no extension)
    std::string lang;  ///< "en" or "ja": the language the mark names
    /// Near keys: the key with one of its words left out ("*-jp-ai-act" → "*-ai-act"), for
    /// names that differ by a word (a candidate that needs stronger texts).
    std::vector<std::string> near;
};

/// The language marks of `id` as the naming conventions write them: a folder "en" or "ja"
/// (also english, japanese, eng, jpn), a file name "x.en.html", "en-x", "en_x", "x-en",
/// "x_en". One NameKey per mark found.
[[nodiscard]] std::vector<NameKey> name_keys(std::string_view id);

/// The address a document's alternate link names, as an id beside `id` ("../ja/x.html" from
/// "site/en/x.html" is "site/ja/x.html"); "" when it leaves the indexed root or is absolute.
[[nodiscard]] std::string resolve_alternate(std::string_view id, std::string_view href);

/// What a text is checked on: its numbers (kanji numerals that count read as digits, a
/// date's year, month and day), sorted and distinct, and the term bank rows of the names it
/// holds (given by the indexer).
struct TextFacts {
    std::vector<std::uint32_t> numbers;
    std::vector<std::size_t> names;
};

/// The numbers of a text (NFKC or as written), at most `max_numbers` distinct ones.
[[nodiscard]] std::vector<std::uint32_t> text_numbers(std::string_view text,
                                                      std::size_t max_numbers = 4096);

/// How well two texts agree, and whether that makes them a pair.
struct PairEvidence {
    std::size_t shared_numbers = 0;
    double numbers = 0;  ///< shared / all the numbers of the two texts (of two digits or more)
    std::size_t shared_names = 0;
    double names = 0;  ///< shared / the fewer of the two texts' names
    bool accepted = false;
    /// "14 of 15 numbers, 6 of 8 names"
    [[nodiscard]] std::string describe() const;
};

/// Two texts are a translation pair when at least half of all their numbers of two digits or
/// more are in both (and at least min_pair_numbers), or, when one has too few numbers, when
/// at least half of the names of the one with fewer are in the other. A candidate from a
/// near name (`near`) needs more numbers in both (60%) and half the names. (On corpus-real,
/// translations share 78-100% of their numbers; chunks of one law that are not translations
/// of each other share 0-29%.)
inline constexpr std::size_t min_pair_numbers = 3;
[[nodiscard]] PairEvidence weigh_pair(const TextFacts& a, const TextFacts& b, bool near);

}  // namespace seisaku::document
