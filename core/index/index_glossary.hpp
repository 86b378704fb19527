// SPDX-License-Identifier: MIT
// @brief The indexer's side of a user's glossary: records it in the index folder with the
// MeCab user dictionary made from it (glossary/index_glossary.hpp), or takes the one the
// index recorded when the run names none.
#pragma once

#include <filesystem>

#include "analysis/analyzer.hpp"
#include "glossary/user_glossary.hpp"

namespace seisaku::index {

/// Makes `bank` and `analyzer` what indexing `db` uses. A user's glossary (bank not the
/// default): its rows and a user dictionary compiled from the whole bank's Japanese names
/// are written into the folder, and `bank` and `analyzer` point at them. No glossary: the
/// index's recorded one, unless `overwrite` (which removes it: back to the built-in bank).
/// Throws UsageError for a bad glossary, SetupError when the dictionary cannot be made.
void prepare_index_glossary(const std::filesystem::path& db, bool overwrite,
                            glossary::BankChoice& bank, analysis::AnalyzerOptions& analyzer);

}  // namespace seisaku::index
