// SPDX-License-Identifier: MIT
// @brief The term bank an index was built with, kept in its folder when a user's glossary
// made it (seisaku-index --glossary): its rows and the user dictionary compiled from the
// bank's Japanese names, so that searches analyze and expand as the indexer did.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "analysis/analyzer.hpp"
#include "glossary/user_glossary.hpp"

namespace seisaku::glossary {

/// The user's rows of the index's term bank, after a first line saying whether the built-in
/// bank is under them (docs/schema.md).
inline constexpr std::string_view index_glossary_file = "seisaku-glossary.tsv";
/// The MeCab user dictionary compiled from all the bank's Japanese names.
inline constexpr std::string_view index_dictionary_file = "seisaku-user.dic";

/// What an index folder keeps of the term bank it was built with.
struct IndexGlossary {
    BankChoice bank;              ///< the built-in bank or not, and the folder's glossary file
    std::string user_dictionary;  ///< the folder's user dictionary ("none": made without)
};

/// The term bank the index in `db` was built with, when a user's glossary made it; nullopt
/// for the built-in bank and dictionary.
[[nodiscard]] std::optional<IndexGlossary> read_index_glossary(const std::filesystem::path& db);

/// For a search of `db`: the index's own glossary and user dictionary, when it has them,
/// under the user's choice (`bank`'s files added after the index's rows, the built-in bank
/// left out when either says so); `analyzer.user_dictionary` when given wins.
void use_index_glossary(const std::filesystem::path& db, BankChoice& bank,
                        analysis::AnalyzerOptions& analyzer);

/// The first line of index_glossary_file.
[[nodiscard]] std::string index_glossary_header(bool builtin);

}  // namespace seisaku::glossary
