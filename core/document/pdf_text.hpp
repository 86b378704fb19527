// SPDX-License-Identifier: MIT
// @brief The text of a PDF, from seisaku-pdftext run in a child process under limits, and the
// body and page headings made of it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"

namespace seisaku::document {

/// What one PDF may cost. A child that goes past a limit is killed and the file is skipped.
struct PdfLimits {
    unsigned cpu_seconds = 10;                             ///< RLIMIT_CPU of the child
    std::size_t memory_bytes = std::size_t{512} << 20;     ///< RLIMIT_AS of the child
    unsigned wall_ms = 20'000;                             ///< then the child is killed
    std::size_t max_output_bytes = std::size_t{16} << 20;  ///< text beyond this: killed, skipped
    /// The extractor to run; empty for pdf_extractor_path(). Tests point it at stand-ins.
    std::string extractor;
};

/// The title (PDF metadata, may be empty) and each page's text as the extractor wrote it.
struct PdfText {
    std::string title;
    std::vector<std::string> pages;
};

/// seisaku-pdftext: $SEISAKU_PDFTEXT when set and not empty, else the one beside the running
/// program (an installed layout), else the one this build made (SEISAKU_PDFTEXT at build time).
[[nodiscard]] std::string pdf_extractor_path();

/// Runs the extractor on `bytes` (given as its standard input) in a child process with
/// RLIMIT_CPU, RLIMIT_AS, no core file, in a process group of its own that is killed when the
/// wall-clock time or the output size passes its limit. Throws CorpusError with the reason
/// (encrypted, damaged, no pages, a limit reached, crashed) when there is no text to index.
[[nodiscard]] PdfText extract_pdf_text(std::string_view bytes, const PdfLimits& limits = {});

/// Reads the extractor's output: the title line, then "\f" before each page.
/// Throws CorpusError when it is not in that form.
[[nodiscard]] PdfText parse_pdf_output(std::string_view output);

/// The body of a PDF's pages and the languages they are in.
struct PdfBody {
    std::string text;
    /// With pages in English and pages in Japanese (each at least a tenth of the text): both,
    /// the one most of the text is in first; else empty (the text is in one language).
    std::vector<std::string> languages;
};

/// The body of the pages, each after an empty line that is its heading's line: a level-1
/// heading "Page N" at that line's offset, so a passage's heading path names its page.
/// Pages are repaired to valid UTF-8 (counted in `stats_substitutions`) and their line ends
/// trimmed; a page never shares a paragraph with the next. A Japanese line that a PDF
/// wrapped in mid-sentence is joined to the next without a space ("取組を" + "整理する");
/// each page's language is decided apart (detect_language()).
[[nodiscard]] PdfBody pdf_body(const std::vector<std::string>& pages,
                               std::vector<Heading>& headings,
                               std::size_t* substitutions = nullptr);

/// `page` with the line breaks of wrapped Japanese sentences taken out: a line that ends in
/// kana or kanji (not 。！？) joins the next when that starts with kana or kanji and the line
/// is long (at least 10 characters and 60% of the page's longest line: not a heading).
[[nodiscard]] std::string join_wrapped_japanese(std::string_view page);

}  // namespace seisaku::document
