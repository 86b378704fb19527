// SPDX-License-Identifier: MIT
// @brief Markdown markup to readable text, so snippets show words, not syntax.
#pragma once

#include <string>
#include <string_view>

namespace seisaku::document {

/// Drops heading marks, emphasis and code marks, table rules and pipes, block quote marks
/// and link targets ([text](url) → text); keeps line breaks and every word. Not a full
/// CommonMark parser: what it does not know it leaves as text.
[[nodiscard]] std::string markdown_to_text(std::string_view markdown);

}  // namespace seisaku::document
