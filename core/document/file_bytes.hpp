// SPDX-License-Identifier: MIT
// @brief A file's bytes to valid UTF-8 text for the readers (reader.hpp), refusing binary
// data; internal to core/document.
#pragma once

#include <string>
#include <string_view>

#include "document/reader.hpp"
#include "text/encoding.hpp"
#include "text/utf8.hpp"

namespace seisaku::document {

/// Bytes to valid UTF-8 text (not for PDF), decoded by text::decode() (HTML with the charset
/// it declares); `decoded` and `stats` say what decoding and repair replaced. Throws
/// CorpusError for binary data or text mostly undecodable.
[[nodiscard]] std::string decode_text(std::string_view bytes, Format format, text::Decoded& decoded,
                                      text::RepairStats& stats);

/// The warning for the U+FFFD that decoding wrote, if any.
[[nodiscard]] std::string substitution_warning(const text::Decoded& decoded);

}  // namespace seisaku::document
