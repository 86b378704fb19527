// SPDX-License-Identifier: MIT
#include "query/term_bank.hpp"

#include <algorithm>
#include <sstream>

#include "analysis/analyzer.hpp"
#include "error.hpp"

namespace seisaku::query {
namespace {

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const std::size_t end = std::min(s.find(sep, start), s.size());
        out.emplace_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace

std::string TermBank::key_of(std::string_view text, const analysis::Analyzer& analyzer) {
    return analysis::name_key(text, analyzer);
}

TermBank TermBank::builtin(const analysis::Analyzer& analyzer) {
    // The keys computed at build time hold for the analyzer they were computed with: the
    // same rules and the same dictionaries (the user dictionary's hash is in its name).
    // Views into the compiled-in table: nothing is copied at start-up.
    KnownKeys known;
    const std::string fingerprint =
        std::string(analysis::analyzer_version) + "|" + analyzer.dictionary_name();
    std::string_view table = builtin_keys();
    const std::size_t first_eol = table.find('\n');
    if (table.substr(0, first_eol) == fingerprint) {
        table.remove_prefix(first_eol + 1);
        while (!table.empty()) {
            const std::size_t eol = std::min(table.find('\n'), table.size());
            const std::string_view line = table.substr(0, eol);
            table.remove_prefix(std::min(eol + 1, table.size()));
            if (const std::size_t tab = line.find('\t'); tab != std::string_view::npos) {
                known.emplace(line.substr(0, tab), line.substr(tab + 1));
            }
        }
    }
    return TermBank(builtin_tsv(), analyzer, "built-in glossary", known);
}

TermBank::TermBank(std::string_view tsv, const analysis::Analyzer& analyzer,
                   const std::string& source, const KnownKeys& known) {
    std::size_t line_number = 0;
    for (const std::string& line : split(tsv, '\n')) {
        ++line_number;
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const std::vector<std::string> cells = split(line, '\t');
        if (cells.size() != 4 || cells[0].empty() || cells[1].empty()) {
            throw UsageError(source + ":" + std::to_string(line_number) +
                             ": expected english<TAB>japanese<TAB>variants<TAB>topic");
        }
        TermEntry entry;
        entry.names = {cells[0], cells[1]};
        for (const std::string& v : split(cells[2], '|')) {
            if (!v.empty()) {
                entry.names.push_back(v);
            }
        }
        std::vector<std::string> keys;
        for (const std::string& name : entry.names) {
            const auto found = known.find(name);
            keys.push_back(found != known.end() ? std::string(found->second)
                                                : key_of(name, analyzer));
            if (!keys.back().empty()) {
                index_[keys.back()].push_back(entries_.size());
            }
        }
        entries_.push_back(std::move(entry));
        keys_.push_back(std::move(keys));
    }
}

std::vector<std::string> TermBank::other_names(const std::string& key) const {
    std::vector<std::string> out;
    std::vector<std::string> seen_keys = {key};
    const auto found = index_.find(key);
    if (found == index_.end()) {
        return out;
    }
    for (const std::size_t e : found->second) {
        for (std::size_t i = 0; i < entries_[e].names.size(); ++i) {
            const std::string& k = keys_[e][i];
            if (k.empty() || std::find(seen_keys.begin(), seen_keys.end(), k) != seen_keys.end()) {
                continue;
            }
            seen_keys.push_back(k);
            out.push_back(entries_[e].names[i]);
        }
    }
    return out;
}

std::vector<std::string> TermBank::keys() const {
    std::vector<std::string> out;
    for (const std::vector<std::string>& entry : keys_) {
        for (const std::string& key : entry) {
            if (!key.empty()) {
                out.push_back(key);
            }
        }
    }
    return out;
}

}  // namespace seisaku::query
