// SPDX-License-Identifier: MIT
// @brief What the files of one folder share: the lines their site repeats (menus, footers)
// and the title lines several of them start with. Pure: the indexer reads the files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "document/boilerplate.hpp"

namespace seisaku::document {

/// The keys (line_key()) of the lines near the start and the end of a page's text
/// (boilerplate_edge_lines non-blank lines each way), each once, sorted.
[[nodiscard]] std::vector<std::uint64_t> edge_line_keys(std::string_view page_text);

/// A line repeats across a folder when it is near the edges of at least this many of its
/// pages, and of at least this share of them: a site's menus and footers, not a law's title
/// line that its chunks share with a few others.
inline constexpr std::size_t min_repeating_pages = 3;
inline constexpr double min_repeating_share = 0.3;

/// The lines that repeat across pages, from each page's edge_line_keys().
[[nodiscard]] LineSet repeated_lines(const std::vector<std::vector<std::uint64_t>>& pages);

/// What a file's document owes to its folder, as a number that changes when that does:
/// the repeating lines it has (dropped as its site's) and whether its title is told apart.
[[nodiscard]] std::uint64_t folder_context_hash(const std::vector<std::uint64_t>& edge_keys,
                                                const LineSet& repeated, bool title_shared);

/// The title lines (reader.hpp's sample_page()) that two files or more start with, folded.
/// `lines` holds one title line per file; declared titles are left out by the caller.
[[nodiscard]] std::unordered_map<std::string, std::size_t> title_line_counts(
    const std::vector<std::string>& lines);

/// The form title lines are compared in: NFKC, case folded, single spaces.
[[nodiscard]] std::string title_key(std::string_view line);

}  // namespace seisaku::document
