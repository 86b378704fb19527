// SPDX-License-Identifier: MIT
#include "search/entry_count.hpp"

#include <algorithm>
#include <cmath>

#include "schema/schema.hpp"

namespace seisaku::search {

void TwinSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
    ++seen_;
    const std::string key = doc.get_value(schema::slot(schema::ValueSlot::TranslationKey));
    if (key.empty()) {
        return;
    }
    const std::string lang = doc.get_value(schema::slot(schema::ValueSlot::Lang));
    const unsigned bit = lang == "en" ? 1U : lang == "ja" ? 2U : 4U;
    unsigned& langs = langs_[key];
    // A key counts once, when a second language first joins it.
    pairs_ += (langs != 0 && (langs & bit) == 0 && (langs & (langs - 1)) == 0) ? 1 : 0;
    langs |= bit;
}

EntryCount count_entries(const Xapian::MSet& mset, bool complete, std::size_t listed,
                         const TwinSpy* spy) {
    if (complete) {
        return {listed, mset.size(), true};
    }
    const std::size_t documents = mset.get_matches_estimated();
    const bool exact_documents = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    if (spy == nullptr) {
        return {documents, documents, exact_documents};
    }
    if (exact_documents && spy->seen() == documents) {
        return {documents - spy->pairs(), documents, true};
    }
    // The pairs among the matches seen, scaled to the estimate.
    const double share = spy->seen() == 0
                             ? 0.0
                             : static_cast<double>(spy->pairs()) / static_cast<double>(spy->seen());
    const auto pairs =
        static_cast<std::size_t>(std::lround(share * static_cast<double>(documents)));
    return {documents - std::min(pairs, documents / 2), documents, false};
}

}  // namespace seisaku::search
