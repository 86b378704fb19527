// SPDX-License-Identifier: MIT
// @brief Titles for documents that declare none: past generic headings, a chunk of a law
// named by its articles, and told apart from the other files of its folder.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"

namespace seisaku::document {

/// A heading that names a part of any document, not this one: Introduction, Overview,
/// Contents, Disclaimer, README, はじめに, 概要, 目次, 免責事項 (case and a trailing colon
/// ignored).
[[nodiscard]] bool is_generic_title(std::string_view title);

/// A law's name as its title line writes it, without its number or version: "Act on the
/// Protection of Personal Information (Act No. 57 of May 30, 2003)" → "Act on the Protection
/// of Personal Information"; "個人情報の保護に関する法律（平成十五年五月三十日法律第五十七号）" →
/// "個人情報の保護に関する法律"; "Regulation (EU) 2024/1689 … (Artificial Intelligence Act) —
/// consolidated text …" → the part before " — ". Other text is returned as it is.
[[nodiscard]] std::string law_name(std::string_view title);

/// True when `name` reads as a law's: an Act, Regulation, Directive, Law, Code, Convention,
/// Treaty, Ordinance; a Japanese name ending in 法, 法律, 規則, 令, 条例, 規程 or 条約.
[[nodiscard]] bool is_law_name(std::string_view name);

/// The articles the headings span, as the text writes them: "第二十七条～第三十一条",
/// "第五条", "Articles 27–31", "Article 5"; "" when no heading is an article.
[[nodiscard]] std::string article_span(const std::vector<Heading>& headings);

/// The first sentence of `text` (NFKC) shortened to a title: about 90 bytes of English cut at
/// a word, or 40 Japanese characters, with "…" when cut; "" when `text` has none.
[[nodiscard]] std::string sentence_title(std::string_view text);

/// What a title is made of, for derive_title().
struct TitleParts {
    std::string first;      ///< the title line: the first line, first heading or <title> (NFKC)
    std::string_view body;  ///< the text after it (NFKC or as written)
    const std::vector<Heading>* headings = nullptr;  ///< the body's headings, with structure
    bool told_apart = false;  ///< other files of the folder start with the same title line
};

/// The title of a document that declares none:
///  - a generic title line ("Introduction") gives way to the first sentence after it;
///  - a law, or a chunk of one (a law's name with article headings), is named by its law and
///    the articles it holds: "個人情報の保護に関する法律 第二十七条～第三十一条", "Regulation (EU)
///    2016/679 … – Articles 12–15";
///  - a title line that other files of its folder share (`told_apart`) gets the first heading
///    that follows it: "AIセーフティに関する評価観点（評価観点の詳細） –
///    評価観点6：セキュリティ確保".
[[nodiscard]] std::string derive_title(const TitleParts& parts);

}  // namespace seisaku::document
