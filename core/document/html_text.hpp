// SPDX-License-Identifier: MIT
// @brief HTML to text and metadata with libxml2's forgiving parser (libxml2 stays in the .cpp).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"

namespace seisaku::document {

struct HtmlContent {
    std::string title;                        ///< <title> text
    std::string h1;                           ///< the first <h1> with text, in `text`
    std::string lang;                         ///< <html lang>
    std::string text;                         ///< body text, blocks separated by line feeds
    std::vector<Heading> headings;            ///< h1-h6 in `text`, each one line of it
    std::map<std::string, std::string> meta;  ///< <meta name content> (names lower-cased), and
                                              ///< "canonical" from <link rel=canonical>
    /// <link rel="alternate" hreflang="ja" href="…">: (language, address as written)
    std::vector<std::pair<std::string, std::string>> alternates;
    std::size_t dropped_blocks = 0;  ///< elements left out as the site's (see extract_html)
};

/// Parses valid UTF-8 HTML; never fails (libxml2 recovers), script/style text is dropped.
/// A charset the HTML declares is ignored: the text is UTF-8 already.
///
/// The site around the page's text is left out: <nav>, <aside>, <header> and <footer> outside
/// an <article> or <main>, forms, buttons and selects, elements whose role is navigation,
/// banner, contentinfo, complementary or search, hidden elements, and elements whose class
/// or id names a site part (header, footer, nav, gnavi, menu, breadcrumb, topicpath,
/// sidebar, pagetop, share, sns, cookie, ...) unless they hold the page's <h1>, <main> or
/// <article>. When the page has a <main> (or role="main"), only it and the <h1>s are kept.
[[nodiscard]] HtmlContent extract_html(std::string_view utf8_html);

/// How many bytes from the start declared_charset() looks at.
inline constexpr std::size_t charset_scan_bytes = 4096;

/// The charset an HTML file's bytes declare in their first charset_scan_bytes, as written:
/// `<meta charset=...>`, `<meta http-equiv content="text/html; charset=...">` or an XML
/// declaration's `encoding="..."`; "" when none. A cheap scan, before decoding.
[[nodiscard]] std::string declared_charset(std::string_view html_bytes);

}  // namespace seisaku::document
