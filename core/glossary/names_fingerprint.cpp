// SPDX-License-Identifier: MIT
// N terms and the fingerprint of a set of names (glossary/name_terms.hpp), apart from the name
// finder and the term bank: dictionary/make_glossary_keys computes the built-in glossary's
// fingerprint with this at build time, so a search need not at start-up.
#include <algorithm>

#include "analysis/analyzer.hpp"
#include "glossary/name_terms.hpp"
#include "schema/schema.hpp"
#include "text/hash.hpp"

namespace seisaku::glossary {
namespace {

/// Bump when the matching rule changes: indexes built with another rule then use phrases.
constexpr std::string_view name_rule = "names-1";

}  // namespace

std::string name_term(std::string_view key) {
    return schema::bounded_term(schema::prefix_name, key);
}

std::string names_fingerprint(const std::vector<std::string_view>& keys) {
    std::vector<std::string_view> names;
    for (const std::string_view key : keys) {
        if (key.find(' ') != std::string::npos && schema::term_fits(schema::prefix_name, key)) {
            names.push_back(key);  // a name of several words with an N term
        }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::string described = std::string(name_rule) + "|" + std::string(analysis::analyzer_version);
    for (const std::string_view name : names) {
        described += "\n";
        described += name;
    }
    return text::hex64(text::fnv1a64(described)) + "/" + std::to_string(names.size());
}

}  // namespace seisaku::glossary
