// SPDX-License-Identifier: MIT
#include "search/facets.hpp"

#include <algorithm>

#include "glossary/issuer_names.hpp"
#include "schema/schema.hpp"

namespace seisaku::search {

void FacetSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
    using schema::ValueSlot;
    ++counts_["lang"][doc.get_value(schema::slot(ValueSlot::Lang))];
    const std::string date = doc.get_value(schema::slot(ValueSlot::Date));
    if (date.size() >= 4) {
        ++counts_["year"][date.substr(0, 4)];
    }
    ++counts_["issuer"][doc.get_value(schema::slot(ValueSlot::Issuer))];
    ++counts_["type"][doc.get_value(schema::slot(ValueSlot::Type))];
    const std::string topics = doc.get_value(schema::slot(ValueSlot::Topics));
    for (std::size_t pos = 0; pos < topics.size();) {
        const std::size_t eol = std::min(topics.find('\n', pos), topics.size());
        ++counts_["topic"][topics.substr(pos, eol - pos)];
        pos = eol + 1;
    }
}

std::map<std::string, std::size_t> FacetSpy::issuers() const {
    std::map<std::string, std::size_t> out;
    if (const auto found = counts_.find("issuer"); found != counts_.end()) {
        for (const auto& [value, count] : found->second) {
            out[bank_ == nullptr || value.empty()
                    ? value
                    : glossary::canonical_issuer(value, *bank_, *analyzer_)] += count;
        }
    }
    return out;
}

std::vector<Facet> FacetSpy::facets() const {
    std::vector<Facet> out;
    const std::map<std::string, std::size_t> issuer_counts = issuers();
    for (const char* name : {"lang", "year", "issuer", "type", "topic"}) {
        Facet f{name, {}};
        const auto found = counts_.find(name);
        if (found != counts_.end()) {
            const auto& counts = f.name == "issuer" ? issuer_counts : found->second;
            for (const auto& [value, count] : counts) {
                if (!value.empty()) {
                    f.values.push_back({value, count});
                }
            }
        }
        const bool by_value = f.name == "year";
        std::stable_sort(f.values.begin(), f.values.end(),
                         [&](const FacetValue& a, const FacetValue& b) {
                             return by_value ? a.value > b.value : a.count > b.count;
                         });
        if (f.values.size() > max_facet_values) {
            f.values.resize(max_facet_values);
        }
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace seisaku::search
