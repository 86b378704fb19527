// SPDX-License-Identifier: MIT
// @brief A compiled MeCab user dictionary made at run time from a glossary's Japanese names
// (seisaku-index --glossary), the way dictionary/ makes the built-in one at build time.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace seisaku::analysis {

/// Writes the compiled user dictionary of `japanese_names` to `out`: entries as user_words()
/// makes them with the system dictionary in `mecab_dicdir` (empty: Debian's), compiled by
/// mecab-dict-index into a file beside `out` that is then renamed over it (a searcher that
/// has the old one mapped keeps reading it). Throws SetupError naming what failed and why.
void write_user_dictionary(const std::vector<std::string>& japanese_names,
                           const std::string& mecab_dicdir, const std::filesystem::path& out);

}  // namespace seisaku::analysis
