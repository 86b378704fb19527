// SPDX-License-Identifier: MIT
#include "index/index_glossary.hpp"

#include <fstream>

#include "analysis/user_dictionary.hpp"
#include "analysis/user_dictionary_file.hpp"
#include "error.hpp"
#include "glossary/index_glossary.hpp"

namespace seisaku::index {
namespace {

namespace fs = std::filesystem;

/// Writes the user's rows and the user dictionary of the whole bank into `db`.
void record_glossary(const fs::path& db, const glossary::BankChoice& bank,
                     const analysis::AnalyzerOptions& analyzer) {
    // Keys to tell which rows a user's row replaces, computed with the dictionary the run
    // would use without the glossary (the new one is made from the rows).
    const analysis::Analyzer first(analyzer);
    const glossary::TermBank rows = glossary::user_rows(bank.files, first);
    glossary::TermBank whole =
        bank.builtin ? glossary::TermBank::builtin(first) : glossary::TermBank();
    whole.overlay(rows);
    fs::create_directories(db);
    const fs::path file = db / glossary::index_glossary_file;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << glossary::index_glossary_header(bank.builtin) << rows.tsv();
    if (!out.flush()) {
        throw IndexError(ExitCode::CantCreate,
                         "cannot write \"" + file.string() + "\": the index's glossary");
    }
    if (analyzer.user_dictionary == "none") {
        std::error_code ec;
        fs::remove(db / glossary::index_dictionary_file, ec);
    } else {
        analysis::write_user_dictionary(analysis::glossary_japanese_names(whole.tsv()),
                                        analyzer.mecab_dicdir,
                                        db / glossary::index_dictionary_file);
    }
}

}  // namespace

void prepare_index_glossary(const fs::path& db, bool overwrite, glossary::BankChoice& bank,
                            analysis::AnalyzerOptions& analyzer) {
    std::error_code ec;
    if (fs::exists(db, ec) && !fs::is_directory(db, ec)) {
        return;  // the writer says what is wrong with it
    }
    if (bank.is_default()) {
        if (overwrite) {
            fs::remove(db / glossary::index_glossary_file, ec);
            fs::remove(db / glossary::index_dictionary_file, ec);
        } else {
            glossary::use_index_glossary(db, bank, analyzer);
        }
        return;
    }
    record_glossary(db, bank, analyzer);
    bank.files.clear();  // the folder's glossary file stands for them now
    if (analyzer.user_dictionary != "none") {
        analyzer.user_dictionary.clear();  // the folder's, made from the bank
    }
    glossary::use_index_glossary(db, bank, analyzer);
}

}  // namespace seisaku::index
