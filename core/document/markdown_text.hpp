// SPDX-License-Identifier: MIT
// @brief Markdown markup to readable text, so snippets show words, not syntax.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"

namespace seisaku::document {

/// Drops heading marks, emphasis and code marks, table rules and pipes, thematic breaks,
/// block quote marks and link targets ([text](url) → text); keeps line breaks and every
/// word. Not a full CommonMark parser: what it does not know it leaves as text.
///
/// With `headings`, appends the headings found, each one line of the returned text:
/// ATX (`#` to `######` then a space or the line's end; a closing run of `#` dropped) and
/// setext (a paragraph underlined with `=` for level 1 or `-` for level 2: its lines become
/// one, the underline an empty line). Lines inside ``` or ~~~ fences are code: no headings,
/// no marks dropped but inline ones.
[[nodiscard]] std::string markdown_to_text(std::string_view markdown,
                                           std::vector<Heading>* headings = nullptr);

}  // namespace seisaku::document
