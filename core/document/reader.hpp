// SPDX-License-Identifier: MIT
// @brief Bytes of a .txt, .md, .html or .pdf file to a Document.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "document/document.hpp"
#include "document/pdf_text.hpp"

namespace seisaku::document {

enum class Format { Text, Markdown, Html, Pdf };

/// The format a file name's extension asks for (.txt .text, .md .markdown, .html .htm, .pdf),
/// if any.
[[nodiscard]] std::optional<Format> format_for(std::string_view file_name);

struct ReadOptions {
    std::size_t title_max_bytes = 256;  ///< longer titles are cut on a code point
    PdfLimits pdf;                      ///< what reading one PDF may cost (pdf_text.hpp)
};

/// Reads one file's bytes, decoded by text::decode() (for HTML with the charset its first
/// 4 KiB declare). Throws CorpusError with the reason when the bytes are not text (binary
/// data, or mostly undecodable). `id` becomes Document::id; `file_name` is the title of last
/// resort. A PDF's text comes from seisaku-pdftext in a child process under limits;
/// CorpusError says why when there is none (encrypted, damaged, a limit reached).
[[nodiscard]] Document read_document(std::string_view bytes, Format format, std::string id,
                                     std::string_view file_name, const ReadOptions& options = {});

/// "ja" when kana and kanji make up a fair share of the letters, else "en".
[[nodiscard]] std::string detect_language(std::string_view valid_utf8);

/// True for YYYY, YYYY-MM and YYYY-MM-DD with a real month and day.
[[nodiscard]] bool is_valid_date(std::string_view date);

}  // namespace seisaku::document
