// SPDX-License-Identifier: MIT
// @brief The fields a file declares (front matter, HTML meta) and its folder's metadata gives,
// cleaned for a Document (reader.hpp); internal to core/document.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"

namespace seisaku::document {

struct FileMetadata;

/// One line of single spaces: titles and metadata values never carry line breaks.
[[nodiscard]] std::string one_line(std::string_view s);

/// A declared value as one NFKC line, without the quotes around it.
[[nodiscard]] std::string clean_value(std::string_view raw);

/// Sets the field of `doc` a front matter or HTML meta key names ("title", "date", "lang",
/// "topics", "canonical" ...); other keys are ignored.
void set_declared_field(Document& doc, std::string_view key, std::string_view value);

/// Splits "---\nkey: value\n...\n---\n" off the top of a Markdown file, its fields into
/// `doc`; without a closing line, the whole text with a warning in a fresh `doc`.
[[nodiscard]] std::string_view read_front_matter(std::string_view text, Document& doc);

/// A date as given (front matter, HTML meta, a metadata file) in any form parse_date()
/// reads, as YYYY[-MM[-DD]]; "" with a warning when it is not one day, month or year.
[[nodiscard]] std::string given_date(const std::string& given, std::vector<std::string>& warnings);

/// The fields a folder's metadata file gives, where the file itself gives none.
void apply_metadata(Document& doc, const FileMetadata& m);

}  // namespace seisaku::document
