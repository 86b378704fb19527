// SPDX-License-Identifier: MIT
// @brief The markers that open a law's parts and articles (第N章, Article N) and numbered
// headings ("1. Background"), for structure.hpp; internal to core/document.
#pragma once

#include <string>
#include <string_view>

namespace seisaku::document {

/// A line in brackets from end to end: a law's caption, "（目的）" or "(Purpose)".
[[nodiscard]] bool is_caption(std::string_view folded);

enum class Kind { None, Part, Chapter, Section, Subsection, Article, Numbered };

/// The heading level of a marker's kind (structure.hpp: level_part .. level_article).
[[nodiscard]] int level_of(Kind k);

/// What a line starts with: its kind, where the marker ends (in the folded line, and for a
/// Japanese marker in the line as written) and what follows.
struct Marker {
    Kind kind = Kind::None;
    std::string label;  ///< the marker as written: "第二十七条", "Article 27", "CHAPTER III"
    std::string_view rest;  ///< the folded line after the marker
    int numbered_depth = 0;
};

/// 第N編/章/節/款/条 (条 maybe with の二) at the start of `line` (as written) and `folded`.
[[nodiscard]] Marker japanese_marker(std::string_view line, std::string_view folded);

/// Part, Chapter, Section, Subsection or Article and its number (arabic or roman) at the
/// start of `folded`.
[[nodiscard]] Marker english_marker(std::string_view folded);

/// "1. Background", "2.1 Scope", "1.概要": depth (1 for "1.") or 0.
[[nodiscard]] int numbered_depth(std::string_view folded);

}  // namespace seisaku::document
