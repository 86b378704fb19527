// SPDX-License-Identifier: MIT
// @brief A document as the indexer sees it, after reading and before analysis.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace seisaku::document {

/// A heading of the body (Markdown ATX or setext, HTML h1-h6, a law's 第N条 or Article N:
/// structure.hpp). It usually fills one line of the body: `offset` is where that line starts,
/// and the line holds the heading's text. A PDF's pages are level-1 headings "Page N" whose
/// line is empty (pdf_text.hpp). A law's heading may take two lines ("Article 12" and its
/// caption below) or none: an article whose first sentence follows its number on the line
/// ("第二十七条　個人情報取扱事業者は、…") is an inline heading (`lines` 0) that starts a paragraph
/// of content, its text made of the number and the caption line above it.
struct Heading {
    std::size_t offset = 0;  ///< byte offset in Document::body of the heading's first line
    int level = 1;           ///< 1 to 6
    std::string text;        ///< as written, one line of single spaces, markup dropped
    int lines = 1;           ///< body lines that are the heading's alone: 0 (inline), 1 or 2

    bool operator==(const Heading&) const = default;
};

/// Every text field is valid UTF-8. The body is kept as written (control characters and bad
/// bytes repaired, nothing normalized), so snippets show the original; the analyzer
/// normalizes it when indexing. Title and metadata are NFKC-normalized (text::prepare).
struct Document {
    std::string id;                 ///< the path as indexed (root folder name + path inside it)
    std::string format;             ///< "text", "markdown", "html" or "pdf"
    std::string encoding;           ///< as text::decode() names it: "UTF-8", "windows-31j", ...
    std::string title;              ///< front matter, <title>, first line, or the file name
    std::string body;               ///< the searchable text as written, stored for snippets
    std::vector<Heading> headings;  ///< in body order (offsets ascending); none for plain text
    std::string lang;               ///< "en" or "ja": given, or detected from the script mix
    std::string date;               ///< YYYY, YYYY-MM or YYYY-MM-DD, or empty
    std::string date_source;        ///< where `date` came from (own_date.hpp), or empty
    std::string issuer;             ///< who published it
    std::string type;               ///< press-release, joint-statement, fact-sheet, ...
    std::vector<std::string> topics;
    std::string description;      ///< a one-sentence summary (HTML description meta)
    std::string source_title;     ///< the official source the document summarises
    std::string source_url;       ///< its URL; http(s) only, anything else is dropped
    std::string translation_key;  ///< shared by a document and its translation
    /// Every language the text is written in when it is more than `lang` (a PDF with pages in
    /// English and pages in Japanese: "en", "ja"); empty for a text in one language.
    std::vector<std::string> languages;
    /// Its translations that the document names (HTML `<link rel="alternate" hreflang>`): the
    /// language and the address as written, for the indexer to pair (translation_pairs.hpp).
    std::vector<std::pair<std::string, std::string>> alternates;
    std::vector<std::string> warnings;  ///< repairs made while reading, for the indexer's report
};

}  // namespace seisaku::document
