// SPDX-License-Identifier: MIT
// @brief A user's glossaries over the built-in term bank: which bank a program searches
// (and the indexer marks) with, from its --glossary / --no-builtin-glossary choices.
#pragma once

#include <string>
#include <vector>

#include "glossary/term_bank.hpp"

namespace seisaku::glossary {

/// Which term bank to use: the built-in one (corpus/glossary.tsv) or not, and the user's
/// glossary files laid over it in order.
struct BankChoice {
    bool builtin = true;
    std::vector<std::string> files;

    /// Whether this is the built-in bank alone (what a program uses without options).
    [[nodiscard]] bool is_default() const noexcept { return builtin && files.empty(); }
};

/// The text of a user's glossary file. Throws UsageError naming the file and why it cannot
/// be used (missing, a folder, unreadable), or its line that is not UTF-8.
[[nodiscard]] std::string read_glossary(const std::string& path);

/// The rows of the user's glossary files, in order; a later file's row replaces an earlier
/// file's rows sharing a name with it (TermBank::overlay). Throws UsageError naming file
/// and line on a malformed row.
[[nodiscard]] TermBank user_rows(const std::vector<std::string>& files,
                                 const analysis::Analyzer& analyzer);

/// The bank `choice` names: the built-in rows (unless switched off) with user_rows(files)
/// over them: a user's row replaces the built-in rows sharing a name with it.
[[nodiscard]] TermBank make_term_bank(const BankChoice& choice, const analysis::Analyzer& analyzer);

}  // namespace seisaku::glossary
