// SPDX-License-Identifier: MIT
// @brief The words of a site's lines (menus, footers, language switches, link rows) that the
// boilerplate rules look for (boilerplate.hpp); internal to core/document.
#pragma once

#include <string_view>

namespace seisaku::document {

/// A line that is a site's wherever it stands ("Back to top", "Share", "印刷"); folded, whole.
[[nodiscard]] bool is_anywhere_phrase(std::string_view folded);

/// A whole line of a site's header, menus or footer ("Skip to main content", "ホーム").
[[nodiscard]] bool is_site_phrase(std::string_view folded);

/// A line with a mark of a site's line anywhere in it ("All rights reserved", "法人番号").
[[nodiscard]] bool has_site_mark(std::string_view folded);

/// A line that starts like a site's ("©", "Skip to", "Share on", "本文へ").
[[nodiscard]] bool starts_like_site(std::string_view folded);

/// A line that opens a list of the site's other pages ("Related links", "関連情報:").
[[nodiscard]] bool is_related_head(std::string_view folded);

/// A line that starts with the words of a release's contact heading ("Contact", "問合せ先").
[[nodiscard]] bool starts_contact_head(std::string_view folded);

/// A line with a word that makes its date a publication's ("公開日", "Published").
[[nodiscard]] bool has_publication_label(std::string_view folded);

/// "Privacy policy | Accessibility | Terms of use", "[3]English [4]やさしい日本語 [5]文字サイズ":
/// a line of links, most of them a site's words. `raw` is the line as written.
[[nodiscard]] bool is_link_row(std::string_view folded, std::string_view raw);

/// A line of language names alone: a language switch ("English | 日本語", "EN JA FR").
[[nodiscard]] bool is_language_switch(std::string_view folded);

}  // namespace seisaku::document
