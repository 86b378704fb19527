// SPDX-License-Identifier: MIT
// @brief Two texts that translate each other cut into segments that translate each other: law
// articles by their numbers (Article 16 ↔ 第十六条), then lines or paragraphs in order, matched
// on their lengths and the numbers they hold. What translations are learned from.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace seisaku::index {

/// One English segment and the Japanese segment that translates it (views into the texts).
struct AlignedSegment {
    std::string_view en;
    std::string_view ja;
};

/// The article key of a line that starts a law article, "" for any other line: "Article 16
/// (1) ..." → "16", "Article 16-2" → "16-2", "第十六条　..." and "第16条" → "16", "第十六条の二"
/// → "16-2" (leading '#' and spaces skipped). `japanese` picks the form looked for.
[[nodiscard]] std::string article_key(std::string_view line, bool japanese);

/// The segments of `en` and `ja` (NFKC text, text::prepare()) that translate each other: when
/// both hold law articles of the same numbers, each such article's pair is aligned apart (the
/// text before the first article too); otherwise the whole texts are. Within one, lines (or,
/// when the line counts differ much, blank-line paragraphs) are matched in order, one to one,
/// one to two or left out, on their lengths and the numbers they hold; a match whose lengths
/// disagree is dropped. Nothing when the counts are too far apart to match in order. Time and
/// memory grow with the number of lines times their difference, bounded.
[[nodiscard]] std::vector<AlignedSegment> align_segments(std::string_view en, std::string_view ja);

}  // namespace seisaku::index
