// SPDX-License-Identifier: MIT
#include "glossary/name_terms.hpp"

#include <algorithm>
#include <set>

#include "analysis/analyzer.hpp"
#include "glossary/term_bank.hpp"
#include "schema/schema.hpp"
#include "text/split.hpp"

namespace seisaku::glossary {
namespace {

/// The words of a matching key (terms joined by spaces).
std::vector<std::string> words_of(std::string_view key) {
    return key.empty() ? std::vector<std::string>{} : text::split<std::string>(key, " ");
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) {
        out += (out.empty() ? "" : " ") + w;
    }
    return out;
}

}  // namespace

NameFinder::NameFinder(const std::vector<std::string>& keys, const analysis::Analyzer& analyzer)
    : NameFinder(std::vector<std::string_view>(keys.begin(), keys.end()), analyzer) {}

NameFinder::NameFinder(const std::vector<std::string_view>& keys,
                       const analysis::Analyzer& analyzer)
    : fingerprint_(names_fingerprint(keys)) {
    std::set<std::string> all;  // with the other-number forms
    for (const std::string_view key : keys) {
        std::vector<std::string> words = words_of(key);
        if (words.size() < 2 || name_term(key).empty()) {
            continue;
        }
        analysis::Token last;
        last.term = words.back();
        last.kind = last.term.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos
                        ? analysis::TokenKind::Noun
                        : analysis::TokenKind::Word;
        for (const std::string& form : analyzer.same_stem_forms(last)) {
            words.back() = form;
            if (!name_term(joined(words)).empty()) {
                all.insert(joined(words));
            }
        }
    }
    for (const std::string& key : all) {
        std::vector<std::string> words = words_of(key);
        std::string first = std::move(words.front());
        words.erase(words.begin());
        by_first_[first].push_back(std::move(words));
    }
}

NameFinder NameFinder::of(const TermBank& bank, const analysis::Analyzer& analyzer) {
    return NameFinder(bank.keys(), analyzer);
}

std::vector<std::string> NameFinder::find(const std::vector<analysis::Token>& tokens) const {
    std::vector<std::string> found;
    if (by_first_.empty()) {
        return found;
    }
    // The indexed tokens (Stop tokens only leave position gaps).
    std::vector<const analysis::Token*> words;
    words.reserve(tokens.size());
    for (const analysis::Token& t : tokens) {
        if (t.kind != analysis::TokenKind::Stop) {
            words.push_back(&t);
        }
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto starts = by_first_.find(words[i]->term);
        if (starts == by_first_.end()) {
            continue;
        }
        for (const std::vector<std::string>& rest : starts->second) {
            if (i + rest.size() >= words.size()) {
                continue;
            }
            bool match = true;
            for (std::size_t k = 0; k < rest.size() && match; ++k) {
                const analysis::Token& prev = *words[i + k];
                const analysis::Token& next = *words[i + k + 1];
                match = next.term == rest[k] && next.position > prev.position &&
                        next.position - prev.position <= max_name_gap + 1;
            }
            if (match) {
                std::string key = words[i]->term;
                for (const std::string& w : rest) {
                    key += " " + w;
                }
                found.push_back(name_term(key));
            }
        }
    }
    return found;
}

void NameFinder::add_terms(const std::vector<analysis::Token>& tokens,
                           Xapian::Document& doc) const {
    for (const std::string& term : find(tokens)) {
        doc.add_term(term, 0);
    }
}

}  // namespace seisaku::glossary
