// SPDX-License-Identifier: MIT
// @brief The structure of a stored body: its paragraphs (what a `#pN` anchor counts) and the
// headings above a place in it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"

namespace seisaku::document {

/// One paragraph of a body: byte range [begin, end) from the start of its first line to the
/// end of its last line (its final line feed excluded).
struct Paragraph {
    std::size_t begin = 0;
    std::size_t end = 0;

    bool operator==(const Paragraph&) const = default;
};

/// The paragraphs of `body`: maximal runs of consecutive lines that are neither blank (only
/// spaces, tabs, CR, U+00A0 or U+3000) nor a line of a heading; an inline heading (lines 0)
/// starts a new one at its line. Paragraph N (`#pN`) is
/// element N-1. Numbers depend on the stored body and its headings only, never on a query,
/// so they stay the same when the same file is indexed again.
[[nodiscard]] std::vector<Paragraph> paragraphs(std::string_view body,
                                                const std::vector<Heading>& headings);

/// The texts of the headings that enclose `offset`, outermost first: each heading before it
/// (an inline one at it too) closes the deeper or equal ones before it (`#` A, `##` B, `##` C
/// → A › C).
[[nodiscard]] std::vector<std::string> heading_path(const std::vector<Heading>& headings,
                                                    std::size_t offset);

/// A heading's text is cut to this many bytes (on a code point).
inline constexpr std::size_t max_heading_bytes = 200;

/// The text of a heading from its line as it stands in the body: whitespace runs become one
/// space, both ends trimmed, at most max_heading_bytes.
[[nodiscard]] std::string heading_text(std::string_view line);

}  // namespace seisaku::document
