// SPDX-License-Identifier: MIT
// @brief The records of a folder's metadata file (TSV, CSV, JSON Lines) as read, before their
// values are checked (sidecar.hpp); internal to core/document.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document/sidecar.hpp"

namespace seisaku::document {

enum class Field {
    File,
    Title,
    Date,
    Lang,
    Issuer,
    Type,
    Topics,
    Description,
    SourceTitle,
    SourceUrl,
    TranslationOf,
    TranslationKey,
    Other,
};

/// One record of a metadata file before it is checked: its line and its cells by field.
struct Record {
    std::size_t line = 0;
    std::vector<std::pair<Field, std::string>> cells;
    std::vector<std::string> topics;  ///< a JSON array of topics
    std::string problem;              ///< set when the record cannot be read
};

/// The records of a TSV or (`csv`) CSV file: its first line that is not blank or a comment
/// is the header, which must name a file column; a file without one gives no records and a
/// problem in `problems` (`where` names the file).
[[nodiscard]] std::vector<Record> table_records(std::string_view text, bool csv,
                                                std::vector<SidecarProblem>& problems,
                                                const std::string& where);

/// The records of a JSON Lines file: one object a line, its keys naming fields; topics may
/// be an array.
[[nodiscard]] std::vector<Record> jsonl_records(std::string_view text);

}  // namespace seisaku::document
