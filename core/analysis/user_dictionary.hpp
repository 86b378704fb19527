// SPDX-License-Identifier: MIT
// @brief seisaku's MeCab user dictionary of policy terms, made from corpus/glossary.tsv at
// build time. Each entry is a Japanese name that must segment as one unit in any context
// (サイバーセキュリティ戦略本部, ウラノス) and remembers its parts, which the analyzer emits
// as tokens, so the parts stay findable and the compound still forms.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace seisaku::analysis {

class MecabTagger;

struct UserWord {
    std::string surface;               ///< as MeCab sees it (NFKC, dash after katakana → ー)
    std::vector<std::uint32_t> parts;  ///< lengths of the parts in code points, two or more
    std::uint16_t left_id = 0;         ///< context ids of its first and last part
    std::uint16_t right_id = 0;
};

/// The user-dictionary entries for `terms` (Japanese names from the glossary), analysed with
/// `system`, a tagger without a user dictionary. Every Japanese run of a term made only of
/// nouns becomes an entry whose parts are the system dictionary's morphemes, except that an
/// unknown katakana word of 6+ characters is split into known words of 3+ characters when
/// it can be (リスクマネジメント → リスク + マネジメント); runs of one part are left out.
[[nodiscard]] std::vector<UserWord> user_words(const std::vector<std::string>& terms,
                                               const MecabTagger& system);

/// `words` as the CSV that mecab-dict-index compiles: IPADIC's nine features (名詞,一般,
/// base form = surface) and a tenth with the parts ("4+1").
[[nodiscard]] std::string user_dictionary_csv(const std::vector<UserWord>& words);

/// Every name of glossary.tsv text, row by row: column 1 (English), column 2 (Japanese) and
/// the '|'-separated variants of column 3; comments and empty names left out.
[[nodiscard]] std::vector<std::string> glossary_names(std::string_view tsv);

/// The names among those with a Japanese character (column 2 and Japanese variants).
[[nodiscard]] std::vector<std::string> glossary_japanese_names(std::string_view tsv);

}  // namespace seisaku::analysis
