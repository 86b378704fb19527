// SPDX-License-Identifier: MIT
#include "glossary/issuer_names.hpp"

#include <algorithm>
#include <vector>

#include "text/ascii.hpp"

namespace seisaku::glossary {
namespace {

/// The issuer's own words: before a ';', spaces trimmed.
std::string_view main_part(std::string_view issuer) {
    return text::trim_ascii(issuer.substr(0, issuer.find(';')));
}

/// Where the bank may know the issuer: the whole, the part before " (", and the part inside
/// when that is a gloss of a Japanese name ("デジタル庁 (Digital Agency, Japan)"); after an
/// English name it says more of it, not its other name ("The White House (United States)").
std::vector<std::string_view> candidates(std::string_view main) {
    std::vector<std::string_view> out = {main};
    const std::size_t open = main.find(" (");
    const std::size_t close = main.rfind(')');
    if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
        const std::string_view before = text::trim_ascii(main.substr(0, open));
        out.push_back(before);
        if (!std::any_of(before.begin(), before.end(), [](char c) { return text::is_letter(c); })) {
            out.push_back(text::trim_ascii(main.substr(open + 2, close - open - 2)));
        }
    }
    return out;
}

}  // namespace

std::string canonical_issuer(std::string_view issuer, const TermBank& bank,
                             const analysis::Analyzer& analyzer) {
    const std::string_view main = main_part(issuer);
    // A spelling the bank holds as written first: a facet of known issuers then needs no
    // MeCab (an English search maps no Japanese dictionary).
    for (const std::string_view candidate : candidates(main)) {
        if (const std::size_t row = bank.row_named(candidate); row < bank.size()) {
            return std::string(bank.first_name(row));
        }
    }
    if (bank.size() > 0) {
        for (const std::string_view candidate : candidates(main)) {
            const std::vector<std::size_t> rows =
                bank.rows_of(TermBank::key_of(candidate, analyzer));
            if (!rows.empty()) {
                return std::string(bank.first_name(rows.front()));
            }
        }
    }
    return std::string(main);
}

}  // namespace seisaku::glossary
