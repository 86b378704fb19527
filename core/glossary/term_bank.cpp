// SPDX-License-Identifier: MIT
#include "glossary/term_bank.hpp"

#include <algorithm>
#include <sstream>

#include "analysis/analyzer.hpp"
#include "error.hpp"
#include "glossary/name_terms.hpp"
#include "text/split.hpp"

namespace seisaku::glossary {
namespace {

/// The (key, row) index of rows' keys, sorted: rows in file order for one key.
std::vector<std::pair<std::string_view, std::size_t>> index_of(
    const std::vector<std::vector<std::string_view>>& rows) {
    std::vector<std::pair<std::string_view, std::size_t>> index;
    for (std::size_t row = 0; row < rows.size(); ++row) {
        for (const std::string_view key : rows[row]) {
            if (!key.empty()) {
                index.emplace_back(key, row);
            }
        }
    }
    std::sort(index.begin(), index.end());
    return index;
}

}  // namespace

std::string TermBank::key_of(std::string_view text, const analysis::Analyzer& analyzer) {
    return analysis::name_key(text, analyzer);
}

TermBank TermBank::builtin(const analysis::Analyzer& analyzer) {
    // The keys computed at build time hold for the analyzer they were computed with: the
    // same rules and the same dictionaries (the user dictionary's hash is in its name).
    // Views into the compiled-in tables: nothing is copied at start-up (a search process
    // builds this bank every time: 1.4 ms when it held copies in maps, measured in
    // seisaku-search on the 50,000-document index).
    KnownKeys known;
    const std::string fingerprint =
        std::string(analysis::analyzer_version) + "|" + analyzer.dictionary_name();
    std::string_view table = builtin_keys();
    const std::size_t first_eol = table.find('\n');
    if (table.substr(0, first_eol) == fingerprint) {
        table.remove_prefix(first_eol + 1);
        known.reserve(2048);
        while (!table.empty()) {
            const std::size_t eol = std::min(table.find('\n'), table.size());
            const std::string_view line = table.substr(0, eol);
            table.remove_prefix(std::min(eol + 1, table.size()));
            if (const std::size_t tab = line.find('\t'); tab != std::string_view::npos) {
                known.emplace(line.substr(0, tab), line.substr(tab + 1));
            }
        }
    }
    TermBank bank(builtin_tsv(), analyzer, "built-in glossary", known);
    if (bank.made_keys_->empty()) {  // every key from the table: so is its fingerprint
        bank.names_fingerprint_ = builtin_names_fingerprint();
    }
    return bank;
}

std::string TermBank::names_fingerprint() const {
    return names_fingerprint_.empty() ? glossary::names_fingerprint(keys()) : names_fingerprint_;
}

TermBank::TermBank(std::string_view tsv, const analysis::Analyzer& analyzer,
                   const std::string& source, const KnownKeys& known)
    : made_keys_(std::make_shared<std::deque<std::string>>()) {
    if (tsv.data() != builtin_tsv().data()) {  // the built-in text lives as long as we do
        text_ = std::make_shared<const std::string>(tsv);
        tsv = *text_;
    }
    std::size_t line_number = 0;
    for (const std::string_view line : text::split(tsv, "\n")) {
        ++line_number;
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const std::vector<std::string_view> cells = text::split(line, "\t");
        if (cells.size() != 4 || cells[0].empty() || cells[1].empty()) {
            throw UsageError(source + ":" + std::to_string(line_number) +
                             ": expected english<TAB>japanese<TAB>variants<TAB>topic");
        }
        std::vector<std::string_view> names = {cells[0], cells[1]};
        for (const std::string_view v : text::split(cells[2], "|")) {
            if (!v.empty()) {
                names.push_back(v);
            }
        }
        std::vector<std::string_view> keys;
        for (const std::string_view name : names) {
            if (const auto found = known.find(name); found != known.end()) {
                keys.push_back(found->second);
            } else {
                keys.push_back(made_keys_->emplace_back(key_of(name, analyzer)));
            }
        }
        lines_.push_back(line);
        names_.push_back(std::move(names));
        keys_.push_back(std::move(keys));
    }
    index_ = index_of(keys_);
}

void TermBank::overlay(const TermBank& later) {
    std::size_t kept = 0;
    for (std::size_t row = 0; row < names_.size(); ++row) {
        const bool replaced = std::any_of(keys_[row].begin(), keys_[row].end(),
                                          [&](std::string_view k) { return later.has_key(k); });
        if (!replaced && kept != row) {  // (a vector moved onto itself empties)
            lines_[kept] = lines_[row];
            names_[kept] = std::move(names_[row]);
            keys_[kept] = std::move(keys_[row]);
        }
        kept += replaced ? 0 : 1;
    }
    lines_.resize(kept);
    names_.resize(kept);
    keys_.resize(kept);
    lines_.insert(lines_.end(), later.lines_.begin(), later.lines_.end());
    names_.insert(names_.end(), later.names_.begin(), later.names_.end());
    keys_.insert(keys_.end(), later.keys_.begin(), later.keys_.end());
    index_ = index_of(keys_);
    kept_.push_back(later.text_);
    kept_.push_back(later.made_keys_);
    kept_.insert(kept_.end(), later.kept_.begin(), later.kept_.end());
    names_fingerprint_.clear();  // computed again from the keys
}

std::vector<std::string> TermBank::other_names(const std::string& key) const {
    std::vector<std::string> out;
    std::vector<std::string_view> seen_keys = {key};
    const auto [first, last] = std::equal_range(
        index_.begin(), index_.end(), std::make_pair(std::string_view(key), std::size_t{0}),
        [](const auto& a, const auto& b) { return a.first < b.first; });
    std::size_t previous = names_.size();
    for (auto it = first; it != last; ++it) {
        const std::size_t e = it->second;
        if (e == previous) {
            continue;  // one row with two names of this key
        }
        previous = e;
        for (std::size_t i = 0; i < names_[e].size(); ++i) {
            const std::string_view k = keys_[e][i];
            if (k.empty() || std::find(seen_keys.begin(), seen_keys.end(), k) != seen_keys.end()) {
                continue;
            }
            seen_keys.push_back(k);
            out.emplace_back(names_[e][i]);
        }
    }
    return out;
}

bool TermBank::has_key(std::string_view key) const {
    return std::binary_search(index_.begin(), index_.end(), std::make_pair(key, std::size_t{0}),
                              [](const auto& a, const auto& b) { return a.first < b.first; });
}

std::vector<std::size_t> TermBank::rows_of(std::string_view key) const {
    const auto [first, last] =
        std::equal_range(index_.begin(), index_.end(), std::make_pair(key, std::size_t{0}),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::size_t> rows;
    for (auto it = first; it != last; ++it) {
        if (rows.empty() || rows.back() != it->second) {
            rows.push_back(it->second);
        }
    }
    return rows;
}

std::size_t TermBank::row_named(std::string_view name) const {
    for (std::size_t row = 0; row < names_.size(); ++row) {
        if (std::find(names_[row].begin(), names_[row].end(), name) != names_[row].end()) {
            return row;
        }
    }
    return names_.size();
}

std::string TermBank::tsv() const {
    std::string out;
    for (const std::string_view line : lines_) {
        out.append(line).append("\n");
    }
    return out;
}

std::vector<std::string_view> TermBank::keys() const {
    std::vector<std::string_view> out;
    for (const std::vector<std::string_view>& row : keys_) {
        for (const std::string_view key : row) {
            if (!key.empty()) {
                out.push_back(key);
            }
        }
    }
    return out;
}

}  // namespace seisaku::glossary
