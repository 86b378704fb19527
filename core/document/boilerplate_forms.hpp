// SPDX-License-Identifier: MIT
// @brief The forms of a site's lines (breadcrumbs, addresses, link lists) and of a text's
// (sentences, a law's structure), for the boilerplate rules; internal to core/document.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace seisaku::document {

/// Folded (NFKC, case folded), single spaces, lynx link numbers ("[12]Home") dropped.
[[nodiscard]] std::string folded_line(std::string_view line);

/// Splits on any of the separators given (each a string), dropping empty parts.
[[nodiscard]] std::vector<std::string_view> split_any(std::string_view s,
                                                      std::initializer_list<std::string_view> seps);

/// "home", "top", "ホーム", "トップページ": the first part of a breadcrumb.
[[nodiscard]] bool is_home_word(std::string_view s);

/// "Home > News > Title", "ホーム＞報道発表＞…", "1. Home 2. News Releases 3. …".
[[nodiscard]] bool is_breadcrumb(std::string_view f);

/// The last part of a breadcrumb: the page's own title, which stays.
[[nodiscard]] std::string_view breadcrumb_leaf(std::string_view f);

/// "〒100-8919", "tel 03-...", "電話：03-..." at a line's start.
[[nodiscard]] bool is_address_or_phone(std::string_view f);

/// Lines of a text dump's link list: "12. https://…", a bare URL.
[[nodiscard]] bool is_link_list_line(std::string_view f);

/// What a folded line is made of.
struct Counts {
    std::size_t words = 0;     ///< space-separated words
    std::size_t japanese = 0;  ///< kana and kanji code points
    std::size_t code_points = 0;
};
[[nodiscard]] Counts line_counts(std::string_view f);

/// A line that ends a sentence: ".", "。", "!", "？", ".)", "。」" …
[[nodiscard]] bool ends_sentence(std::string_view f);

/// "第五章 …", "第十条 …", "Chapter IV …", "Article 27 …", "(目的)": a law's structure.
[[nodiscard]] bool is_structure_line(std::string_view f);

}  // namespace seisaku::document
