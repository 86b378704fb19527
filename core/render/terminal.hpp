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

/// Valid UTF-8 for one line of a terminal: invalid bytes become U+FFFD and every control
/// character (TAB, LF and CR included) is shown as \xNN, so no data can split a line or send
/// an escape sequence.
[[nodiscard]] std::string terminal_safe(std::string_view text);

}  // namespace seisaku::render
