// SPDX-License-Identifier: MIT
// @brief Search results as one JSON object: the contract in docs/output.md.
#pragma once

#include <string>

#include "search/results.hpp"

namespace seisaku::render {

/// One JSON object, no trailing newline. Always valid JSON: bytes that are not UTF-8
/// come out as U+FFFD.
[[nodiscard]] std::string json(const search::SearchResults& results);

}  // namespace seisaku::render
