// SPDX-License-Identifier: MIT
// @brief Escaping for every context the CGI writes: HTML text and attributes, URL
// components, XML. Every value from a query or a document goes through one of these.
#pragma once

#include <string>
#include <string_view>

namespace seisaku::web {

/// HTML text and attribute values (always quoted with "): & < > " ' escaped. Invalid UTF-8
/// becomes U+FFFD and control characters (but tab and newline) are dropped.
[[nodiscard]] std::string html(std::string_view text);

/// A URL query value or path segment: everything but A-Z a-z 0-9 - . _ ~ is %XX.
/// With `keep_slash`, '/' stays (document paths).
[[nodiscard]] std::string url_component(std::string_view text, bool keep_slash = false);

/// XML text and attribute values (Atom, OpenSearch): as html(), with &apos; for '.
[[nodiscard]] std::string xml(std::string_view text);

}  // namespace seisaku::web
