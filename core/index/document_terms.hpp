// SPDX-License-Identifier: MIT
// @brief A document's terms, values and data, made on any thread before the writer stores
// them (index_writer.hpp): the title's and body's terms, filters, spelling and readings.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document/document.hpp"
#include "index/file_state.hpp"

namespace seisaku::analysis {
class Analyzer;
}
namespace seisaku::glossary {
class NameFinder;
}

namespace seisaku::index {

/// A document turned into what the database stores: terms, values, data, and its spelling
/// and reading data. Made by prepare_document() on any thread (one Analyzer per thread),
/// written by IndexWriter::add() on the writer's.
struct PreparedDocument {
    std::string id;
    std::string id_term;
    Xapian::Document xdoc;
    std::vector<std::string> spelling;                          ///< English words
    std::vector<std::pair<std::string, std::string>> readings;  ///< (synonym key, kana word)
};

/// The analysis of `doc` (read from a file in `file` state) into a PreparedDocument, with
/// the N terms of the names `names` finds (IndexWriter::names()).
[[nodiscard]] PreparedDocument prepare_document(const document::Document& doc,
                                                const FileState& file,
                                                const analysis::Analyzer& analyzer,
                                                const glossary::NameFinder& names);

/// An English word for the spelling table: ASCII letters only (the term is case folded).
[[nodiscard]] bool is_spelling_word(std::string_view term);

}  // namespace seisaku::index
