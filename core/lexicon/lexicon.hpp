// SPDX-License-Identifier: MIT
// @brief The general Japanese–English lexicon: EDICT (Debian's edict package), compiled at build
// time by dictionary/make_lexicon into one sorted file that a search maps and looks up by
// binary search, so no process parses the dictionary. Licence: docs/lexicon.md.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/token.hpp"

namespace seisaku::lexicon {

/// Which way a lookup translates.
enum class Direction : char { JapaneseToEnglish = 'j', EnglishToJapanese = 'e' };

/// Keys hold at most this many words: longer glosses and headwords are left out.
inline constexpr std::size_t max_key_words = 4;
/// At most this many translations are kept per key (the dictionary's own order: first sense
/// first, common words first).
inline constexpr std::size_t max_translations = 6;

/// The words of analyzed text that keys are made of: not stop tokens nor query function
/// words (the, of, する), so "right to be forgotten" and "right forgotten" share a key.
[[nodiscard]] std::vector<const analysis::Token*> key_words(
    const std::vector<analysis::Token>& tokens);

/// The matching key of analyzed words: their bases (English stems, Japanese base forms)
/// joined by spaces, so "rights" finds "right" and 評価し finds 評価.
[[nodiscard]] std::string key_of(const std::vector<const analysis::Token*>& tokens,
                                 std::size_t first, std::size_t count);

/// One line of the compiled file: "<direction><key>\t<translation>|<translation>...\n".
[[nodiscard]] std::string line_of(Direction direction, std::string_view key,
                                  const std::vector<std::string>& translations);

/// A compiled lexicon file, mapped read-only. Lookups are O(log n) and copy nothing but
/// what they return.
class Lexicon {
  public:
    /// Maps `file`; throws SetupError naming it when it cannot be read or is not a lexicon.
    explicit Lexicon(const std::filesystem::path& file);
    ~Lexicon();
    Lexicon(const Lexicon&) = delete;
    Lexicon& operator=(const Lexicon&) = delete;

    /// The lexicon this build compiled ($SEISAKU_LEXICON overrides its path), or nullptr when
    /// the file is missing (then searches go on without it).
    [[nodiscard]] static const Lexicon* builtin();
    /// Where builtin() looks.
    [[nodiscard]] static std::filesystem::path builtin_path();

    /// The translations of `key` (key_of()), the dictionary's best first; empty when unknown.
    [[nodiscard]] std::vector<std::string_view> translations(Direction direction,
                                                             std::string_view key) const;
    /// Whether some key starts with `key` + " ": a longer span may still match.
    [[nodiscard]] bool has_longer(Direction direction, std::string_view key) const;
    /// The number of keys, both directions.
    [[nodiscard]] std::size_t size() const noexcept { return lines_; }

  private:
    [[nodiscard]] std::size_t lower_bound(std::string_view probe) const;
    [[nodiscard]] std::string_view line_at(std::size_t offset) const;

    const char* data_ = nullptr;
    std::size_t bytes_ = 0;
    std::size_t lines_ = 0;
    std::string path_;
};

}  // namespace seisaku::lexicon
