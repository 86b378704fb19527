// SPDX-License-Identifier: MIT
// @brief ICU transliteration between kana and romaji, for "did you mean" suggestions: a
// reading key that a romaji, hiragana or katakana spelling of one word shares.
#pragma once

#include <string>
#include <string_view>

namespace seisaku::text {

/// Which kana a word is written in.
enum class KanaScript {
    None,      ///< empty, or not all of one kana script
    Hiragana,  ///< hiragana letters, and ー (a long vowel)
    Katakana,  ///< katakana letters, and ー
};

/// The script of `valid_utf8` when every character is hiragana (and ー) or every one is
/// katakana (and ー), with at least one letter; None otherwise (mixed, kanji, Latin, marks).
[[nodiscard]] KanaScript kana_script(std::string_view valid_utf8) noexcept;

/// The reading key of a kana word or a romaji word: romanized with ICU (Hiragana-Katakana,
/// Katakana-Latin, Latin-ASCII), lower case, only the letters a-z kept, and each run of one
/// repeated vowel as one (データスペース → dētasupēsu → detasupesu; "de-tasupe-su",
/// "deetasupeesu" and でーたすぺーす give the same key). Empty when no letter is left.
[[nodiscard]] std::string reading_key(std::string_view valid_utf8);

/// Romaji (ASCII letters, '-' for ー, '\'' after n) to katakana with ICU Latin-Katakana
/// (sekyuriti → セキュリティ, de-tasupe-su → データスペース); empty unless the whole word
/// became katakana whose reading key is the romaji's (ICU also spells English in katakana:
/// policy → ポリセィ, which reads "poriseli" and is refused).
[[nodiscard]] std::string romaji_to_katakana(std::string_view ascii);

/// Hiragana to katakana and back (ICU Hiragana-Katakana, Katakana-Hiragana): せきゅりてぃ ⇄
/// セキュリティ, でーた ⇄ データ (ー stays). Other characters pass unchanged.
[[nodiscard]] std::string hiragana_to_katakana(std::string_view valid_utf8);
[[nodiscard]] std::string katakana_to_hiragana(std::string_view valid_utf8);

}  // namespace seisaku::text
