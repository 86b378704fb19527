// SPDX-License-Identifier: MIT
#include "glossary/user_glossary.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "error.hpp"
#include "text/split.hpp"
#include "text/utf8.hpp"

namespace seisaku::glossary {
namespace {

/// Throws naming the first line of `text` that is not UTF-8: MeCab and the matching keys
/// need valid text, and the user needs to know where to look.
void check_utf8(std::string_view text, const std::string& path) {
    std::size_t line_number = 0;
    for (const std::string_view line : text::split(text, "\n")) {
        ++line_number;
        if (!text::is_valid(line)) {
            throw UsageError(path + ":" + std::to_string(line_number) +
                             ": not UTF-8 (save the glossary as UTF-8)");
        }
    }
}

}  // namespace

std::string read_glossary(const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) {
        throw UsageError("cannot read glossary \"" + path + "\": no such file");
    }
    if (std::filesystem::is_directory(status)) {
        throw UsageError("cannot read glossary \"" + path + "\": it is a folder, not a file");
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) {
        throw UsageError("cannot read glossary \"" + path + "\": permission denied or I/O error");
    }
    check_utf8(text.str(), path);
    return text.str();
}

TermBank user_rows(const std::vector<std::string>& files, const analysis::Analyzer& analyzer) {
    TermBank rows;
    for (const std::string& path : files) {
        rows.overlay(TermBank(read_glossary(path), analyzer, path));
    }
    return rows;
}

TermBank make_term_bank(const BankChoice& choice, const analysis::Analyzer& analyzer) {
    TermBank bank = choice.builtin ? TermBank::builtin(analyzer) : TermBank();
    if (!choice.files.empty()) {
        bank.overlay(user_rows(choice.files, analyzer));
    }
    return bank;
}

}  // namespace seisaku::glossary
