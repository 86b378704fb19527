// SPDX-License-Identifier: MIT
// @brief Bytes of a .txt, .md, .html or .pdf file to a Document.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/boilerplate.hpp"
#include "document/document.hpp"
#include "document/pdf_text.hpp"
#include "document/sidecar.hpp"

namespace seisaku::document {

enum class Format { Text, Markdown, Html, Pdf };

/// The format a file name's extension asks for (.txt .text, .md .markdown, .html .htm, .pdf),
/// if any.
[[nodiscard]] std::optional<Format> format_for(std::string_view file_name);

struct ReadOptions {
    std::size_t title_max_bytes = 256;  ///< longer titles are cut on a code point
    PdfLimits pdf;                      ///< what reading one PDF may cost (pdf_text.hpp)
};

/// What the indexer knows of a file from its folder (index_run.hpp, folder_profile.hpp).
struct FileContext {
    const FileMetadata* metadata = nullptr;   ///< its row in the folder's metadata file
    const LineSet* repeated_lines = nullptr;  ///< lines repeating across the folder's files
    bool title_shared = false;  ///< other files of the folder start with the same title line
};

/// Reads one file's bytes, decoded by text::decode() (for HTML with the charset its first
/// 4 KiB declare). Throws CorpusError with the reason when the bytes are not text (binary
/// data, or mostly undecodable). `id` becomes Document::id; `file_name` is the title of last
/// resort. A PDF's text comes from seisaku-pdftext in a child process under limits;
/// CorpusError says why when there is none (encrypted, damaged, a limit reached).
///
/// What the file says of itself (front matter, HTML meta) wins over its folder's metadata
/// (`context.metadata`), which wins over what is derived: a plain-text or HTML page's site
/// lines are dropped (boilerplate.hpp); laws get their article headings (structure.hpp); the
/// title is made by derive_title() (titles.hpp) and the date found by own_date()
/// (own_date.hpp), Document::date_source saying where it came from.
[[nodiscard]] Document read_document(std::string_view bytes, Format format, std::string id,
                                     std::string_view file_name, const ReadOptions& options = {},
                                     const FileContext& context = {});

/// The line a document's title is made from, before derive_title() (titles.hpp): "" when
/// the file declares its title (front matter, `declared` set); else a Markdown file's first
/// heading or short first line, an HTML page's <title> (its first <h1> when the <title>
/// holds it), a text's first line. Files of a folder whose title lines are the same are told
/// apart (folder_profile.hpp).
struct TitleLine {
    std::string line;
    bool declared = false;
};

/// What a folder's profile needs of one of its files (folder_profile.hpp), from one read of
/// its bytes: the keys of the lines near its edges (plain text; HTML once its <nav>,
/// <header>, <footer> are dropped; none for Markdown and PDF) and its title line. A plain
/// text's title line is its first line once the folder's `repeated` lines and the other
/// site lines are dropped; without `repeated` it is the first line as it stands
/// (`title_needs_site`: when it is shared, sample again with the folder's repeated lines).
/// Never throws; undecodable bytes give nothing.
struct PageSample {
    std::vector<std::uint64_t> edge_keys;
    TitleLine title;
    bool title_needs_site = false;
};
[[nodiscard]] PageSample sample_page(std::string_view bytes, Format format,
                                     const LineSet* repeated = nullptr);

/// "ja" when kana and kanji make up a fair share of the letters, else "en".
[[nodiscard]] std::string detect_language(std::string_view valid_utf8);

/// True for YYYY, YYYY-MM and YYYY-MM-DD with a real month and day.
[[nodiscard]] bool is_valid_date(std::string_view date);

}  // namespace seisaku::document
