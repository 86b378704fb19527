// SPDX-License-Identifier: MIT
#include "glossary/index_glossary.hpp"

#include <fstream>

namespace seisaku::glossary {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view builtin_off = "built-in glossary: off";

}  // namespace

std::string index_glossary_header(bool builtin) {
    return std::string("# seisaku: the glossary this index was built with; ") +
           (builtin ? "built-in glossary: on" : std::string(builtin_off)) + "\n";
}

std::optional<IndexGlossary> read_index_glossary(const fs::path& db) {
    const fs::path file = db / index_glossary_file;
    std::error_code ec;
    if (db.empty() || !fs::is_regular_file(file, ec)) {
        return std::nullopt;
    }
    std::ifstream in(file);
    std::string first;
    std::getline(in, first);
    const fs::path dictionary = db / index_dictionary_file;
    return IndexGlossary{{first.find(builtin_off) == std::string::npos, {file.string()}},
                         fs::is_regular_file(dictionary, ec) ? dictionary.string() : "none"};
}

void use_index_glossary(const fs::path& db, BankChoice& bank, analysis::AnalyzerOptions& analyzer) {
    const std::optional<IndexGlossary> found = read_index_glossary(db);
    if (!found) {
        return;
    }
    bank.builtin = bank.builtin && found->bank.builtin;
    bank.files.insert(bank.files.begin(), found->bank.files.begin(), found->bank.files.end());
    if (analyzer.user_dictionary.empty()) {
        analyzer.user_dictionary = found->user_dictionary;
    }
}

}  // namespace seisaku::glossary
