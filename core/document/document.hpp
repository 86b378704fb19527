// SPDX-License-Identifier: MIT
// @brief A document as the indexer sees it, after reading and before analysis.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace seisaku::document {

/// A heading of the body (Markdown ATX or setext, HTML h1-h6). It fills one line of the
/// body: `offset` is where that line starts, and the line holds the heading's text. A PDF's
/// pages are level-1 headings "Page N" whose line is empty (pdf_text.hpp).
struct Heading {
    std::size_t offset = 0;  ///< byte offset in Document::body of the heading's line
    int level = 1;           ///< 1 to 6
    std::string text;        ///< as written, one line of single spaces, markup dropped

    bool operator==(const Heading&) const = default;
};

/// Every text field is valid UTF-8. The body is kept as written (control characters and bad
/// bytes repaired, nothing normalized), so snippets show the original; the analyzer
/// normalizes it when indexing. Title and metadata are NFKC-normalized (Analyzer::prepare).
struct Document {
    std::string id;                 ///< the path as indexed (root folder name + path inside it)
    std::string format;             ///< "text", "markdown", "html" or "pdf"
    std::string encoding;           ///< as text::decode() names it: "UTF-8", "windows-31j", ...
    std::string title;              ///< front matter, <title>, first line, or the file name
    std::string body;               ///< the searchable text as written, stored for snippets
    std::vector<Heading> headings;  ///< in body order (offsets ascending); none for plain text
    std::string lang;               ///< "en" or "ja": given, or detected from the script mix
    std::string date;               ///< YYYY, YYYY-MM or YYYY-MM-DD, or empty
    std::string issuer;             ///< who published it
    std::string type;               ///< press-release, joint-statement, fact-sheet, ...
    std::vector<std::string> topics;
    std::string description;            ///< a one-sentence summary (HTML description meta)
    std::string source_title;           ///< the official source the document summarises
    std::string source_url;             ///< its URL; http(s) only, anything else is dropped
    std::string translation_key;        ///< shared by a document and its translation
    std::vector<std::string> warnings;  ///< repairs made while reading, for the indexer's report
};

}  // namespace seisaku::document
