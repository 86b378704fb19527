// SPDX-License-Identifier: MIT
// @brief The document data a seisaku index stores: "key=value" lines, body last.
#pragma once

#include <string>
#include <string_view>

#include "document/document.hpp"

namespace seisaku::schema {

/// Encodes the fields the searcher shows. Every value but the body is one line; the body
/// follows "body=" to the end, so `xapian-delve -d` shows a readable record. Each heading
/// inside the stored body is one "heading=OFFSET LEVEL TEXT" line before it.
[[nodiscard]] std::string encode_record(const document::Document& doc);

/// Decodes encode_record()'s output; unknown keys are ignored, missing ones stay empty.
[[nodiscard]] document::Document decode_record(std::string_view data);

}  // namespace seisaku::schema
