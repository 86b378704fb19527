// SPDX-License-Identifier: MIT
#include "search/searcher.hpp"

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "analysis/analyzer.hpp"
#include "error.hpp"
#include "query/query_builder.hpp"
#include "schema/index_info.hpp"
#include "schema/schema.hpp"
#include "schema/stored_record.hpp"
#include "schema/xapian_error.hpp"
#include "search/snippet.hpp"

namespace seisaku::search {
namespace fs = std::filesystem;

struct Searcher::Impl {
    const analysis::Analyzer& analyzer;
    Xapian::Database db;
    std::string path;
    query::TermBank term_bank;
};

namespace {

Xapian::Database open_readable(const fs::path& db_path) {
    const std::string shown = db_path.string();
    std::error_code ec;
    if (!fs::exists(db_path, ec)) {
        throw IndexError(ExitCode::NoInput, "cannot open index \"" + shown +
                                                "\": no such folder (create it with "
                                                "seisaku-index --db " +
                                                shown + " PATH...)");
    }
    if (!fs::is_directory(db_path, ec)) {
        throw IndexError(ExitCode::NoInput, "cannot open index \"" + shown + "\": not a folder");
    }
    try {
        return Xapian::Database(shown);
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot open", shown);
    }
}

/// The order in which to show the first `mset.size()` hits (indexes into the MSet).
std::vector<Xapian::doccount> result_order(const Xapian::MSet& mset, bool balance) {
    std::vector<Xapian::doccount> order(mset.size());
    for (Xapian::doccount i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    if (!balance || mset.empty()) {
        return order;
    }
    const double floor = mset.begin().get_weight() * balance_ratio;
    std::vector<std::pair<std::size_t, Xapian::doccount>> keyed;  // (rank within language, index)
    std::map<std::string, std::size_t> seen;
    // Only the first balance_depth hits are reordered, whatever the page asked for, so
    // every page of a query sees the same order.
    const auto limit = std::min<Xapian::doccount>(mset.size(), balance_depth);
    for (auto it = mset.begin();
         it != mset.end() && it.get_rank() < limit && it.get_weight() >= floor; ++it) {
        const std::string lang = it.get_document().get_value(schema::slot(schema::ValueSlot::Lang));
        keyed.emplace_back(seen[lang]++, it.get_rank());
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < keyed.size(); ++i) {
        order[i] = keyed[i].second;
    }
    return order;
}

/// A result entry: a hit and, when grouping, its translation found further down.
struct Entry {
    Xapian::doccount head;
    std::optional<Xapian::doccount> partner;
};

/// Folds a translation (same translation key, other language) into the entry of the first
/// of the two to appear; the order of entries stays that of `order`.
std::vector<Entry> group(const Xapian::MSet& mset, const std::vector<Xapian::doccount>& order,
                         bool translations) {
    std::vector<Entry> out;
    out.reserve(order.size());
    // translation key -> (entry index, language of its head)
    std::map<std::string, std::pair<std::size_t, std::string>> by_key;
    for (std::size_t n = 0; n < order.size(); ++n) {
        const Xapian::doccount i = order[n];
        if (!translations || n >= balance_depth) {  // past the reordered top: ungrouped
            out.push_back({i, std::nullopt});
            continue;
        }
        const Xapian::Document doc = mset[i].get_document();
        const std::string key = doc.get_value(schema::slot(schema::ValueSlot::TranslationKey));
        if (!key.empty()) {
            const std::string lang = doc.get_value(schema::slot(schema::ValueSlot::Lang));
            const auto found = by_key.find(key);
            if (found != by_key.end()) {
                Entry& head = out[found->second.first];
                if (!head.partner && lang != found->second.second) {
                    head.partner = i;
                    continue;
                }
            } else {
                by_key.emplace(key, std::make_pair(out.size(), lang));
            }
        }
        out.push_back({i, std::nullopt});
    }
    return out;
}

MatchedTerm matched_term(const std::string& term, const std::set<std::string>& expansion) {
    MatchedTerm m;
    m.expansion = expansion.contains(term);
    const auto has = [&](std::string_view prefix) { return term.starts_with(prefix); };
    if (has(schema::prefix_stem)) {
        m.kind = "stem";
    } else if (has(schema::prefix_title)) {
        m.kind = "title";
    } else if (has(schema::prefix_compound)) {
        m.kind = "compound";
    } else if (has(schema::prefix_bigram)) {
        m.kind = "bigram";
    } else {
        m.kind = "word";
    }
    m.text = m.kind == "word" ? term : term.substr(1);
    return m;
}

SnippetTerms snippet_terms(const Xapian::Query& q) {
    SnippetTerms out;
    for (auto it = q.get_unique_terms_begin(); it != q.get_unique_terms_end(); ++it) {
        out.terms.insert(*it);
    }
    return out;
}

}  // namespace

Searcher::Searcher(const fs::path& db_path, const analysis::Analyzer& analyzer)
    : impl_(std::make_unique<Impl>(
          Impl{analyzer, open_readable(db_path), db_path.string(),
               query::TermBank(query::TermBank::builtin_tsv(), analyzer, "built-in glossary")})) {
    try {
        schema::check_index_info(schema::read_index_info(impl_->db),
                                 schema::current_index_info(analyzer.dictionary_name()),
                                 impl_->path);
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot read", impl_->path);
    }
}

Searcher::~Searcher() = default;

std::size_t Searcher::document_count() const {
    return impl_->db.get_doccount();
}

void Searcher::set_term_bank(query::TermBank bank) {
    impl_->term_bank = std::move(bank);
}

SearchResults Searcher::search(const SearchRequest& request) {
    SearchResults results = search_once(request, 0);
    // `total` counts matches whatever the page, so every page takes the same decision.
    if (results.total == 0 && !analysis::japanese_bigrams(request.query).empty()) {
        bool used = false;
        SearchResults fallback = search_once(request, 1.0, &used);
        if (used && fallback.total > 0) {
            fallback.bigram_fallback = true;
            return fallback;
        }
    }
    return results;
}

SearchResults Searcher::search_once(const SearchRequest& request, double bigram_weight,
                                    bool* used_bigrams) {
    if (request.offset + request.limit > max_result_window) {
        throw QueryError("results beyond " + std::to_string(max_result_window) +
                         " are not served (offset + limit too large)");
    }
    Xapian::Query query;
    std::vector<query::Expansion> expansions;
    std::set<std::string> expansion_terms;
    try {
        query::QueryOptions options = request.query_options;
        options.term_bank = request.expand ? &impl_->term_bank : nullptr;
        options.bigram_weight = bigram_weight;
        query::BuiltQuery built = query::build(request.query, impl_->analyzer, options);
        query = std::move(built.query);
        expansions = std::move(built.expansions);
        expansion_terms = std::move(built.expansion_terms);
        if (used_bigrams != nullptr) {
            *used_bigrams = built.used_bigrams;
        }
        if (!request.lang.empty()) {
            query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query(std::string(schema::prefix_lang) + request.lang));
        }
    } catch (const Xapian::Error& e) {
        throw QueryError("cannot build the query: " + e.get_msg());
    }
    const SnippetTerms terms = snippet_terms(query);

    for (int attempt = 1;; ++attempt) {
        try {
            Xapian::Enquire enquire(impl_->db);
            enquire.set_query(query);
            enquire.set_weighting_scheme(Xapian::BM25Weight());
            const std::size_t wanted = request.offset + request.limit;
            // Balancing and grouping reorder the top hits: look at enough of them that every
            // page of a query sees the same order.
            const std::size_t depth = (request.balance_languages || request.group_translations)
                                          ? std::max(2 * wanted, balance_depth)
                                          : wanted;
            const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(depth));
            const std::vector<Entry> entries = group(
                mset, result_order(mset, request.balance_languages), request.group_translations);
            SearchResults results;
            results.query = request.query;
            results.offset = request.offset;
            results.total = mset.get_matches_estimated();
            results.expansions = expansions;
            std::size_t rank = request.offset;
            for (std::size_t i = request.offset; i < std::min(wanted, entries.size()); ++i) {
                const Xapian::MSetIterator it = mset[entries[i].head];
                const document::Document doc = schema::decode_record(it.get_document().get_data());
                Hit hit;
                hit.rank = ++rank;
                hit.path = doc.id;
                hit.title = doc.title;
                hit.lang = doc.lang;
                hit.date = doc.date;
                hit.source_url = doc.source_url;
                hit.score = std::round(it.get_weight() * 1000.0) / 1000.0;
                hit.snippet = make_snippet(doc.body, document::paragraphs(doc.body, doc.headings),
                                           terms, impl_->analyzer);
                hit.passage = make_passage(doc.headings, hit.snippet);
                if (request.explain) {
                    for (auto t = enquire.get_matching_terms_begin(it);
                         t != enquire.get_matching_terms_end(it); ++t) {
                        hit.matched.push_back(matched_term(*t, expansion_terms));
                    }
                }
                if (entries[i].partner) {
                    const document::Document other =
                        schema::decode_record(mset[*entries[i].partner].get_document().get_data());
                    hit.translation = Translation{other.id, other.title, other.lang};
                }
                results.hits.push_back(std::move(hit));
            }
            return results;
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt >= 3) {
                throw schema::index_error(e, "cannot search", impl_->path);
            }
            impl_->db.reopen();
        } catch (const Xapian::Error& e) {
            throw schema::index_error(e, "cannot search", impl_->path);
        }
    }
}

}  // namespace seisaku::search
