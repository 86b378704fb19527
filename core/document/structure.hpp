// SPDX-License-Identifier: MIT
// @brief The numbered structure of laws and long texts as passage headings: 第N条, 第N章,
// 第N節, Article N, Chapter N, Section N and numbered headings ("1. Background").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"

namespace seisaku::document {

/// Heading levels of a law's parts, outermost first.
inline constexpr int level_part = 1;        ///< 第N編, Part N
inline constexpr int level_chapter = 2;     ///< 第N章, Chapter N
inline constexpr int level_section = 3;     ///< 第N節, Section N
inline constexpr int level_subsection = 4;  ///< 第N款, Subsection N
inline constexpr int level_article = 5;     ///< 第N条, Article N

/// `headings` with the structure headings of `body` added, in offset order (a line that is a
/// heading already stays as it is):
///  - 第N編/章/節/款 and Part/Chapter/Section/Subsection N (roman or arabic) at the start of a
///    short line: the line, or with its caption when the number stands alone on its line
///    ("CHAPTER III" then "Rights of the data subject": one heading of two lines);
///  - 第N条 (第N条の二) and Article N at the start of a line: with the caption in brackets on
///    the line above ("（第三者提供の制限）"), the heading "第二十七条（第三者提供の制限）"
///    starts at the caption; when the article's text follows on its line the heading is
///    inline (Heading::lines 0), its lines stay content;
///  - with `numbered`, short lines like "1. Background", "2.1 Scope", "１．概要" after a blank
///    line, not followed by another such line (a list), level 2 + their depth.
/// Never a table row ("第五条 | ..."), a sentence that cites an article ("Article 5 of the
/// GDPR requires"), or a line over 200 bytes.
[[nodiscard]] std::vector<Heading> with_structure_headings(std::string_view body,
                                                           std::vector<Heading> headings,
                                                           bool numbered);

/// The article a heading names, as written and as a number: "第二十七条（…）" → {"第二十七条",
/// 27}, "第二十三条の二" → {"第二十三条の二", 23}, "Article 17 Right to erasure" → {"17", 17},
/// "Article 4a" → {"4a", 4}; nullopt for other headings.
struct ArticleRef {
    std::string label;
    unsigned number = 0;
    bool japanese = false;  ///< 第N条 (else Article N)
};
[[nodiscard]] std::optional<ArticleRef> article_of(std::string_view heading_text);

}  // namespace seisaku::document
