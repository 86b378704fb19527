// SPDX-License-Identifier: MIT
#include "search/index_access.hpp"

#include <algorithm>
#include <cctype>

#include "error.hpp"

namespace seisaku::search {

Xapian::Database open_readable(const std::filesystem::path& db_path) {
    const std::string shown = db_path.string();
    std::error_code ec;
    if (!std::filesystem::exists(db_path, ec)) {
        throw IndexError(ExitCode::NoInput, "cannot open index \"" + shown +
                                                "\": no such folder (create it with "
                                                "seisaku-index --db " +
                                                shown + " PATH...)");
    }
    if (!std::filesystem::is_directory(db_path, ec)) {
        throw IndexError(ExitCode::NoInput, "cannot open index \"" + shown + "\": not a folder");
    }
    try {
        return Xapian::Database(shown);
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot open", shown);
    }
}

/// Read from the slot's value stream: one pass over its chunks instead of a document lookup per hit
/// (Document::get_value for the top 100 hits took 7% of an in-process search, perf).
std::vector<std::string> top_values(const Xapian::Database& db, const Xapian::MSet& mset,
                                    Xapian::doccount count, schema::ValueSlot slot) {
    count = std::min<Xapian::doccount>(count, mset.size());
    std::vector<std::pair<Xapian::docid, Xapian::doccount>> by_docid;  // (docid, MSet index)
    by_docid.reserve(count);
    for (Xapian::doccount i = 0; i < count; ++i) {
        by_docid.emplace_back(*mset[i], i);
    }
    std::sort(by_docid.begin(), by_docid.end());
    std::vector<std::string> values(count);
    Xapian::ValueIterator v = db.valuestream_begin(schema::slot(slot));
    const Xapian::ValueIterator end = db.valuestream_end(schema::slot(slot));
    for (const auto& [docid, i] : by_docid) {
        if (v == end) {
            break;
        }
        v.skip_to(docid);
        if (v != end && v.get_docid() == docid) {
            values[i] = *v;
        }
    }
    return values;
}

std::vector<std::string> IndexVocabulary::words_with_prefix(const std::string& prefix) const {
    constexpr std::size_t max_walk = 200000;
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    std::size_t walked = 0;
    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix) && walked < max_walk;
         ++t, ++walked) {
        const std::string& term = *t;
        if (!term.empty() && std::isupper(static_cast<unsigned char>(term[0])) == 0) {
            found.emplace_back(t.get_termfreq(), term);
        }
    }
    const std::size_t keep = std::min<std::size_t>(found.size(), query::max_wildcard_terms + 1);
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(),
                      [](const auto& a, const auto& b) {
                          return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    std::vector<std::string> words;
    for (std::size_t i = 0; i < keep; ++i) {
        words.push_back(std::move(found[i].second));
    }
    return words;
}

Xapian::doccount IndexVocabulary::frequency(const std::string& term) const {
    return db_.get_termfreq(term);
}

Xapian::doccount IndexVocabulary::matches(const Xapian::Query& q, Xapian::doccount enough) const {
    Xapian::Enquire enquire(db_);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return enquire.get_mset(0, 0, enough).get_matches_lower_bound();
}

std::vector<std::string> IndexVocabulary::words_from(const std::string& prefix,
                                                     std::size_t limit) const {
    std::vector<std::string> words;
    if (prefix.empty() || std::isupper(static_cast<unsigned char>(prefix[0])) != 0) {
        return words;  // words only, never the prefixed terms
    }
    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix) && words.size() < limit;
         ++t) {
        words.push_back(*t);
    }
    return words;
}

}  // namespace seisaku::search
