// SPDX-License-Identifier: MIT
// @brief Lines of a saved web page that are its site, not its text: skip links, menus,
// language switches, breadcrumbs, share buttons, "back to top", footers, cookie notices.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "document/document.hpp"

namespace seisaku::document {

/// Keys of lines (line_key()) that repeat across many files of one folder: a site's menus
/// and footers, seen by folder_profile.hpp.
using LineSet = std::unordered_set<std::uint64_t>;

/// A line's key: its words with single spaces, NFKC and case folded, hashed.
[[nodiscard]] std::uint64_t line_key(std::string_view line);

/// How far from a text's start and end its site's header and footer are looked for, in
/// non-blank lines: what a folder's profile samples and the reader drops.
inline constexpr std::size_t boilerplate_edge_lines = 80;

/// For each line of `lines` (a text's lines, blank ones included), whether it is boilerplate:
///  - anywhere: a line that only says "Back to top", "Share", "Print", "ページの先頭へ戻る";
///  - before the text's first line of prose and after its last: the lines of a site, known by
///    their words and forms (skip links, language names, breadcrumbs "Home > News > …" and
///    "1. Home 2. News", "Copyright ©", "〒100-8919 …", cookie notices, link lists of a text
///    dump), by repeating across the folder (`repeated`, may be null), and short link-like
///    lines among them ("About us", "政策"). The title above the prose, the last short lines
///    before it, dates and a release's own contact block and attachments stay.
/// `title_line`, the line of the page's title when known (an HTML <h1>), ends the head: what
/// follows it is never taken for the site's menus.
[[nodiscard]] std::vector<bool> boilerplate_lines(
    const std::vector<std::string_view>& lines, const LineSet* repeated,
    std::optional<std::size_t> title_line = std::nullopt);

/// `text` without its boilerplate lines (boilerplate_lines()), and the number of lines
/// dropped. Headings on dropped lines go too; the others move with their lines.
struct Stripped {
    std::string text;
    std::size_t dropped = 0;
};
[[nodiscard]] Stripped strip_boilerplate(std::string_view text, std::vector<Heading>& headings,
                                         const LineSet* repeated);

}  // namespace seisaku::document
