// SPDX-License-Identifier: MIT
// @brief Search results as lines for people: bold highlights only when asked (a TTY).
#pragma once

#include <ostream>

#include "search/results.hpp"

namespace seisaku::render {

struct TerminalStyle {
    bool color = false;  ///< ANSI bold for highlights and titles
};

/// Writes one block per hit and a closing count line. Control characters from the index
/// never reach the terminal.
void terminal(std::ostream& out, const search::SearchResults& results, const TerminalStyle& style);

/// Valid UTF-8 with every control character but TAB/LF/CR turned into a space, so no escape
/// sequence from the data reaches the terminal.
[[nodiscard]] std::string terminal_safe(std::string_view text);

}  // namespace seisaku::render
