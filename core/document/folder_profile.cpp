// SPDX-License-Identifier: MIT
#include "document/folder_profile.hpp"

#include <algorithm>
#include <cmath>

#include "document/outline.hpp"
#include "text/hash.hpp"
#include "text/normalize.hpp"

namespace seisaku::document {

std::vector<std::uint64_t> edge_line_keys(std::string_view page_text) {
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    while (pos < page_text.size()) {
        const std::size_t eol = std::min(page_text.find('\n', pos), page_text.size());
        std::string_view line = page_text.substr(pos, eol - pos);
        const std::size_t first = line.find_first_not_of(" \t\r");
        if (first != std::string_view::npos) {
            line = line.substr(first, line.find_last_not_of(" \t\r") + 1 - first);
            lines.push_back(line);
        }
        pos = eol + 1;
    }
    std::vector<std::uint64_t> keys;
    const std::size_t n = lines.size();
    const std::size_t edge = boilerplate_edge_lines;
    for (std::size_t i = 0; i < n; ++i) {
        if (i < edge || i + edge >= n) {
            keys.push_back(line_key(lines[i]));
        }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

LineSet repeated_lines(const std::vector<std::vector<std::uint64_t>>& pages) {
    LineSet out;
    const auto needed = std::max<std::size_t>(
        min_repeating_pages, static_cast<std::size_t>(std::ceil(
                                 min_repeating_share * static_cast<double>(pages.size()))));
    if (pages.size() < needed) {
        return out;
    }
    std::unordered_map<std::uint64_t, std::size_t> counts;
    for (const auto& keys : pages) {
        for (const std::uint64_t k : keys) {
            ++counts[k];
        }
    }
    for (const auto& [key, count] : counts) {
        if (count >= needed) {
            out.insert(key);
        }
    }
    return out;
}

std::uint64_t folder_context_hash(const std::vector<std::uint64_t>& edge_keys,
                                  const LineSet& repeated, bool title_shared) {
    std::string bytes;
    for (const std::uint64_t k : edge_keys) {  // sorted: the hash does not depend on order
        if (repeated.contains(k)) {
            bytes.append(reinterpret_cast<const char*>(&k), sizeof k);
        }
    }
    bytes += title_shared ? 'T' : 'F';
    return text::fnv1a64(bytes);
}

std::string title_key(std::string_view line) {
    return heading_text(text::fold(line));
}

std::unordered_map<std::string, std::size_t> title_line_counts(
    const std::vector<std::string>& lines) {
    std::unordered_map<std::string, std::size_t> counts;
    for (const std::string& line : lines) {
        if (!line.empty()) {
            ++counts[title_key(line)];
        }
    }
    return counts;
}

}  // namespace seisaku::document
