// SPDX-License-Identifier: MIT
// @brief Splitting text at a separator: the one loop behind the glossary's TSV cells, stored
// lists, name keys and file-name parts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace seisaku::text {

/// The pieces of `s` between occurrences of `sep`, empty ones included: "a||b" → a, "", b;
/// "" → one empty piece. Piece is std::string_view (views into `s`) or std::string.
template <typename Piece = std::string_view>
[[nodiscard]] std::vector<Piece> split(std::string_view s, std::string_view sep) {
    std::vector<Piece> out;
    for (std::size_t start = 0;;) {
        const std::size_t end = s.find(sep, start);
        if (end == std::string_view::npos) {
            out.emplace_back(s.substr(start));
            return out;
        }
        out.emplace_back(s.substr(start, end - start));
        start = end + sep.size();
    }
}

}  // namespace seisaku::text
