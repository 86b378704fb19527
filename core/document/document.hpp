// SPDX-License-Identifier: MIT
// @brief A document as the indexer sees it, after reading and before analysis.
#pragma once

#include <string>
#include <vector>

namespace seisaku::document {

/// Every text field is valid, NFKC-normalized UTF-8 (Analyzer::prepare), so the stored body
/// and snippet offsets share one coordinate system.
struct Document {
    std::string id;      ///< the path as indexed (root folder name + path inside it)
    std::string format;  ///< "text", "markdown" or "html"
    std::string title;   ///< front matter, <title>, first line, or the file name
    std::string body;    ///< the searchable text, stored whole for snippets
    std::string lang;    ///< "en" or "ja": given, or detected from the script mix
    std::string date;    ///< YYYY, YYYY-MM or YYYY-MM-DD, or empty
    std::string issuer;  ///< who published it
    std::string type;    ///< press-release, joint-statement, fact-sheet, ...
    std::vector<std::string> topics;
    std::string description;            ///< a one-sentence summary (HTML description meta)
    std::string source_title;           ///< the official source the document summarises
    std::string source_url;             ///< its URL; http(s) only, anything else is dropped
    std::string translation_key;        ///< shared by a document and its translation
    std::vector<std::string> warnings;  ///< repairs made while reading, for the indexer's report
};

}  // namespace seisaku::document
