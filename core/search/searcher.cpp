// SPDX-License-Identifier: MIT
#include "search/searcher.hpp"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

#include "analysis/analyzer.hpp"
#include "error.hpp"
#include "glossary/name_terms.hpp"
#include "query/query_builder.hpp"
#include "schema/index_info.hpp"
#include "schema/schema.hpp"
#include "schema/stored_record.hpp"
#include "schema/xapian_error.hpp"
#include "search/snippet.hpp"
#include "search/suggest.hpp"

namespace seisaku::search {
namespace fs = std::filesystem;

struct Searcher::Impl {
    const analysis::Analyzer& analyzer;
    Xapian::Database db;
    std::string path;
    glossary::TermBank term_bank;
    /// The index has N terms for term_bank's names (QueryOptions::name_terms).
    bool name_terms = false;

    /// Expansion through this term bank (or none), with N terms when the index has them.
    void use_term_bank(query::QueryOptions& options, bool expand) const {
        options.term_bank = expand ? &term_bank : nullptr;
        options.name_terms = name_terms;
    }

    void check_name_terms() {
        name_terms =
            db.get_metadata(std::string(schema::meta_names)) == term_bank.names_fingerprint();
    }
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

/// Days since 0000-03-01 of a YYYY[-MM[-DD]] date (missing parts as 1), for ages.
double day_number(const std::string& date) {
    const auto part = [&](std::size_t at, std::size_t len, int fallback) {
        return date.size() >= at + len ? std::stoi(date.substr(at, len)) : fallback;
    };
    int y = part(0, 4, 0);
    const int m = part(5, 2, 1);
    const int d = part(8, 2, 1);
    y -= m <= 2 ? 1 : 0;
    const int era = y / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097.0 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
}

bool is_date(const std::string& s) {
    return s.size() >= 4 && std::isdigit(static_cast<unsigned char>(s[0])) != 0 &&
           std::isdigit(static_cast<unsigned char>(s[3])) != 0;
}

/// One value slot of the first `count` hits (by MSet index), read in docid order from the
/// slot's value stream: one pass over its chunks instead of a document lookup per hit
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

/// The weight of every hit, with the recency boost when asked: the top balance_depth hits
/// get 1 + recency_boost * 2^(-age / 2 years), age counted from the newest of them.
std::vector<double> hit_weights(const Xapian::Database& db, const Xapian::MSet& mset,
                                bool recency) {
    std::vector<double> w;
    w.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        w.push_back(it.get_weight());
    }
    if (!recency) {
        return w;
    }
    const auto limit = std::min<Xapian::doccount>(mset.size(), balance_depth);
    const std::vector<std::string> dates = top_values(db, mset, limit, schema::ValueSlot::Date);
    double newest = -1;
    for (Xapian::doccount i = 0; i < limit; ++i) {
        if (is_date(dates[i])) {
            newest = std::max(newest, day_number(dates[i]));
        }
    }
    for (Xapian::doccount i = 0; i < limit && newest >= 0; ++i) {
        if (is_date(dates[i])) {
            const double years = (newest - day_number(dates[i])) / 365.25;
            w[i] *= 1.0 + recency_boost * std::exp2(-years / 2.0);
        }
    }
    return w;
}

/// The order in which to show the first `mset.size()` hits (indexes into the MSet).
std::vector<Xapian::doccount> result_order(const Xapian::MSet& mset,
                                           const std::vector<double>& weights,
                                           const std::vector<std::string>& langs, bool boosted,
                                           bool balance) {
    std::vector<Xapian::doccount> order(mset.size());
    for (Xapian::doccount i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    if (mset.empty()) {
        return order;
    }
    // The recency boost reorders the top hits by their boosted weight.
    const auto limit = std::min<Xapian::doccount>(mset.size(), balance_depth);
    if (boosted) {
        std::stable_sort(
            order.begin(), order.begin() + limit,
            [&](Xapian::doccount a, Xapian::doccount b) { return weights[a] > weights[b]; });
    }
    if (!balance) {
        return order;
    }
    const double floor = weights[order.front()] * balance_ratio;
    std::vector<std::pair<std::size_t, Xapian::doccount>> keyed;  // (rank within language, index)
    std::map<std::string, std::size_t> seen;
    // Only the first balance_depth hits are reordered, whatever the page asked for, so
    // every page of a query sees the same order.
    for (Xapian::doccount n = 0; n < limit && weights[order[n]] >= floor; ++n) {
        keyed.emplace_back(seen[langs[order[n]]]++, order[n]);
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
std::vector<Entry> group(const std::vector<Xapian::doccount>& order,
                         const std::vector<std::string>& langs,
                         const std::vector<std::string>& keys) {
    std::vector<Entry> out;
    out.reserve(order.size());
    const bool translations = !keys.empty();
    // translation key -> (entry index, language of its head)
    std::map<std::string, std::pair<std::size_t, std::string>> by_key;
    for (std::size_t n = 0; n < order.size(); ++n) {
        const Xapian::doccount i = order[n];
        if (!translations || n >= balance_depth) {  // past the reordered top: ungrouped
            out.push_back({i, std::nullopt});
            continue;
        }
        const std::string& key = keys[i];
        if (!key.empty()) {
            const std::string& lang = langs[i];
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
    } else if (has(schema::prefix_name)) {
        m.kind = "name";
    } else {
        m.kind = "word";
    }
    m.text = m.kind == "word" ? term : term.substr(1);
    return m;
}

/// Counts matches by language, year, issuer, type and topic while Xapian matches.
class FacetSpy : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& doc, double /*weight*/) override {
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

    /// The facets in a fixed order; empty values left out; the most frequent values first
    /// (years: newest first), at most max_facet_values each.
    [[nodiscard]] std::vector<Facet> facets() const {
        std::vector<Facet> out;
        for (const char* name : {"lang", "year", "issuer", "type", "topic"}) {
            Facet f{name, {}};
            if (const auto found = counts_.find(name); found != counts_.end()) {
                for (const auto& [value, count] : found->second) {
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

  private:
    std::map<std::string, std::map<std::string, std::size_t>> counts_;
};

/// Sort key for "oldest first": the date, with undated documents after every date.
class OldestFirst : public Xapian::KeyMaker {
  public:
    std::string operator()(const Xapian::Document& doc) const override {
        const std::string date = doc.get_value(schema::slot(schema::ValueSlot::Date));
        return date.empty() ? std::string("~") : date;
    }
};

bool is_filter_term(const std::string& term) {
    for (const std::string_view p : {schema::prefix_id, schema::prefix_lang, schema::prefix_issuer,
                                     schema::prefix_type, schema::prefix_topic}) {
        if (term.starts_with(p)) {
            return true;
        }
    }
    return false;
}

/// `read()` on the latest commit of `db`. A Searcher kept open while the indexer commits
/// would otherwise answer from the revision it opened; and an indexer that commits twice while
/// `read` runs may reuse the blocks it reads (DatabaseModifiedError): then `read` starts again
/// on the new revision, so no answer mixes two (BAD-INPUTS D5, D6). Other Xapian errors, and
/// the last of max_search_attempts, become "ACTION index PATH: ..." errors.
template <typename Read>
auto on_latest_revision(Xapian::Database& db, const std::string& path, const char* action,
                        const Read& read) {
    for (int attempt = 1;; ++attempt) {
        try {
            (void)db.reopen();
            return read();
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt >= max_search_attempts) {
                throw schema::index_error(e, action, path);
            }
        } catch (const Xapian::Error& e) {
            throw schema::index_error(e, action, path);
        }
    }
}

SnippetTerms snippet_terms(const Xapian::Query& q) {
    std::set<std::string> out;
    for (auto it = q.get_unique_terms_begin(); it != q.get_unique_terms_end(); ++it) {
        const std::string& term = *it;
        if (!term.starts_with(schema::prefix_name)) {
            out.insert(term);
            continue;
        }
        // A name's N term: its words are highlighted.
        for (std::size_t at = schema::prefix_name.size(); at < term.size();) {
            const std::size_t end = std::min(term.find(' ', at), term.size());
            out.insert(term.substr(at, end - at));
            at = end + 1;
        }
    }
    return {std::move(out)};
}

}  // namespace

Searcher::Searcher(const fs::path& db_path, const analysis::Analyzer& analyzer)
    : impl_(std::make_unique<Impl>(Impl{analyzer, open_readable(db_path), db_path.string(),
                                        glossary::TermBank::builtin(analyzer)})) {
    on_latest_revision(impl_->db, impl_->path, "cannot read", [&] {
        schema::check_index_info(schema::read_index_info(impl_->db),
                                 schema::current_index_info(analyzer.dictionary_name()),
                                 impl_->path);
        impl_->check_name_terms();
    });
}

Searcher::~Searcher() = default;

std::size_t Searcher::document_count() const {
    return impl_->db.get_doccount();
}

void Searcher::set_term_bank(glossary::TermBank bank) {
    impl_->term_bank = std::move(bank);
    on_latest_revision(impl_->db, impl_->path, "cannot read", [&] { impl_->check_name_terms(); });
}

SearchResults Searcher::search(const SearchRequest& request) {
    return on_latest_revision(impl_->db, impl_->path, "cannot search",
                              [&] { return search_latest(request); });
}

SearchResults Searcher::search_latest(const SearchRequest& request) {
    SearchResults results = search_once(request, 0);
    const std::size_t word_matches = results.total;
    // `total` counts matches whatever the page, so every page takes the same decision.
    if (results.total == 0 && request.like.empty() &&
        !analysis::japanese_bigrams(request.query).empty()) {
        bool used = false;
        SearchResults fallback = search_once(request, 1.0, &used);
        if (used && fallback.total > 0) {
            fallback.bigram_fallback = true;
            results = std::move(fallback);
        }
    }
    if (request.suggest && request.like.empty()) {
        results.suggestion = suggestion(request, word_matches);
    }
    return results;
}

Xapian::Query Searcher::like_query(const std::string& path, std::string& id) const {
    // The document: its id as shown in results, or a path that ends with one
    // (corpus/en/x.md finds en/x.md).
    std::string_view p = path;
    Xapian::docid docid = 0;
    while (!p.empty()) {
        const std::string term = schema::id_term(p);
        Xapian::PostingIterator post = impl_->db.postlist_begin(term);
        if (post != impl_->db.postlist_end(term)) {
            docid = *post;
            id = p;
            break;
        }
        const std::size_t slash = p.find('/');
        p = slash == std::string_view::npos ? std::string_view() : p.substr(slash + 1);
    }
    if (docid == 0) {
        throw QueryError("--like " + path + ": no such document in the index (give its path as " +
                         "shown in results, e.g. en/x.md)");
    }
    // Its most telling words (Xapian's relevance-feedback expansion over stems and base
    // forms), and its translation's, so that both languages are searched ...
    Xapian::RSet rset;
    rset.add_document(docid);
    Xapian::Enquire enquire(impl_->db);
    const std::string key =
        impl_->db.get_document(docid).get_value(schema::slot(schema::ValueSlot::TranslationKey));
    if (!key.empty()) {
        enquire.set_query(Xapian::Query(Xapian::Query::OP_VALUE_RANGE,
                                        schema::slot(schema::ValueSlot::TranslationKey), key, key));
        const Xapian::MSet partners = enquire.get_mset(0, 4);
        for (auto it = partners.begin(); it != partners.end(); ++it) {
            rset.add_document(*it);
        }
    }
    struct StemsOnly : Xapian::ExpandDecider {
        bool operator()(const std::string& term) const override {
            return term.size() > 2 && term.starts_with(schema::prefix_stem) &&
                   std::isdigit(static_cast<unsigned char>(term[1])) == 0;
        }
    } stems_only;
    const Xapian::ESet eset = enquire.get_eset(like_terms, rset, &stems_only);
    std::vector<Xapian::Query> words;
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        words.emplace_back(*it);
    }
    // ... and its title searched as a query, with the term bank's other names, so documents
    // in the other language on the same subject come too.
    const document::Document doc = schema::decode_record(impl_->db.get_document(docid).get_data());
    query::QueryOptions options;
    impl_->use_term_bank(options, true);
    Xapian::Query q(Xapian::Query::OP_OR, words.begin(), words.end());
    try {
        q = Xapian::Query(Xapian::Query::OP_OR, q,
                          query::build(doc.title, impl_->analyzer, options).query);
    } catch (const QueryError&) {
        // a title with nothing searchable: the words alone
    }
    return {Xapian::Query::OP_AND_NOT, q, Xapian::Query(schema::id_term(id))};
}

std::optional<std::string> Searcher::suggestion(const SearchRequest& request,
                                                std::size_t word_matches) {
    query::QueryOptions options = request.query_options;
    impl_->use_term_bank(options, request.expand);
    options.bigram_weight = 0;
    const MatchCounter count = [&](const std::string& text) -> Xapian::doccount {
        Xapian::Query q;
        try {
            q = query::build(text, impl_->analyzer, options).query;
        } catch (const QueryError&) {
            return 0;
        }
        if (!request.lang.empty()) {
            q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                              Xapian::Query(std::string(schema::prefix_lang) + request.lang));
        }
        Xapian::Enquire enquire(impl_->db);
        enquire.set_query(q);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        const Xapian::MSet mset = enquire.get_mset(0, 1);
        return mset.empty() ? 0 : std::max<Xapian::doccount>(1, mset.get_matches_estimated());
    };
    try {
        return suggest(impl_->db, request.query,
                       static_cast<Xapian::doccount>(
                           std::min<std::size_t>(word_matches, Xapian::doccount(-1))),
                       count);
    } catch (const Xapian::DatabaseModifiedError&) {
        return std::nullopt;  // the results stand; a suggestion can wait for the next query
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot suggest from", impl_->path);
    }
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
    std::vector<query::QueryNote> notes;
    std::string like_id;
    try {
        if (!request.like.empty()) {
            query = like_query(request.like, like_id);
        } else {
            query::QueryOptions options = request.query_options;
            impl_->use_term_bank(options, request.expand);
            options.bigram_weight = bigram_weight;
            options.wildcard_words = [this](const std::string& prefix) {
                return wildcard_words(prefix);
            };
            query::BuiltQuery built = query::build(request.query, impl_->analyzer, options);
            query = std::move(built.query);
            expansions = std::move(built.expansions);
            expansion_terms = std::move(built.expansion_terms);
            notes = std::move(built.notes);
            if (used_bigrams != nullptr) {
                *used_bigrams = built.used_bigrams;
            }
        }
        if (!request.lang.empty()) {
            query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query(std::string(schema::prefix_lang) + request.lang));
        }
        if (!request.since.empty()) {
            query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  query::date_filter("after", request.since));
        }
        if (!request.until.empty()) {
            query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  query::date_filter("date", ".." + request.until));
        }
    } catch (const Xapian::DatabaseModifiedError&) {
        throw;  // search() starts again on the new revision
    } catch (const Xapian::Error& e) {
        throw QueryError("cannot build the query: " + e.get_msg());
    }
    const SnippetTerms terms = snippet_terms(query);
    const bool by_relevance = request.sort == SortOrder::Relevance;

    try {
        Xapian::Enquire enquire(impl_->db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BM25Weight());
        if (request.facets && request.time_limit > 0) {
            // Xapian's timer calls back on a thread of its own: a limit that expires as
            // get_mset() returns let that callback write into a dead stack frame (seen
            // under ASan with 1e-9 s), so its timer never runs shorter than this.
            enquire.set_time_limit(std::max(request.time_limit, min_xapian_time_limit));
        }
        OldestFirst oldest_first;
        if (request.sort == SortOrder::Newest) {
            enquire.set_sort_by_value_then_relevance(schema::slot(schema::ValueSlot::Date), true);
        } else if (request.sort == SortOrder::Oldest) {
            enquire.set_sort_by_key_then_relevance(&oldest_first, false);
        }
        FacetSpy spy;
        if (request.facets) {
            enquire.add_matchspy(&spy);
        }
        const std::size_t wanted = request.offset + request.limit;
        // Balancing and grouping reorder the top hits: look at enough of them that every
        // page of a query sees the same order.
        const std::size_t depth =
            (request.balance_languages || request.group_translations || request.recency)
                ? std::max(2 * wanted, balance_depth)
                : wanted;
        // Facets count every match: Xapian must look at all of them.
        const Xapian::doccount check_at_least = request.facets ? impl_->db.get_doccount() : 0;
        const auto started = std::chrono::steady_clock::now();
        const Xapian::MSet mset =
            enquire.get_mset(0, static_cast<Xapian::doccount>(depth), check_at_least);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        const std::vector<double> weights =
            hit_weights(impl_->db, mset, request.recency && by_relevance);
        // The top hits' languages (to balance and group) and translation keys (to group),
        // each slot read once; no keys when no document has one.
        const bool balance = request.balance_languages && by_relevance;
        const auto top = std::min<Xapian::doccount>(mset.size(), balance_depth);
        const std::vector<std::string> langs =
            balance || request.group_translations
                ? top_values(impl_->db, mset, top, schema::ValueSlot::Lang)
                : std::vector<std::string>{};
        const auto key_slot = schema::slot(schema::ValueSlot::TranslationKey);
        const std::vector<std::string> keys =
            request.group_translations && impl_->db.get_value_freq(key_slot) > 0
                ? top_values(impl_->db, mset, top, schema::ValueSlot::TranslationKey)
                : std::vector<std::string>{};
        const std::vector<Entry> entries =
            group(result_order(mset, weights, langs, request.recency && by_relevance, balance),
                  langs, keys);
        SearchResults results;
        results.query = request.query;
        results.offset = request.offset;
        results.total = mset.get_matches_estimated();
        results.expansions = expansions;
        results.notes = notes;
        results.like = like_id;
        results.sort = request.sort == SortOrder::Newest   ? "newest"
                       : request.sort == SortOrder::Oldest ? "oldest"
                                                           : "relevance";
        // Xapian 1.4's time limit only stops it looking past the top hits for exact
        // counts (check_at_least): it bounds facet counting, which looks at all matches.
        if (request.facets && request.time_limit > 0 && seconds >= request.time_limit) {
            results.notes.push_back({0, "counting stopped after " +
                                            std::to_string(request.time_limit).substr(0, 4) +
                                            " s; facet counts may be incomplete"});
        }
        if (request.facets) {
            results.facets = spy.facets();
        }
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
            hit.date_source = doc.date.empty() ? std::string() : doc.date_source;
            hit.source_url = doc.source_url;
            hit.score = std::round(weights[entries[i].head] * 1000.0) / 1000.0;
            hit.snippet = make_snippet(doc.body, document::paragraphs(doc.body, doc.headings),
                                       terms, impl_->analyzer);
            hit.passage = make_passage(doc.headings, hit.snippet);
            if (request.explain) {
                for (auto t = enquire.get_matching_terms_begin(it);
                     t != enquire.get_matching_terms_end(it); ++t) {
                    if (is_filter_term(*t)) {
                        continue;  // lang:, issuer:, type:, topic: match, weigh nothing
                    }
                    MatchedTerm m = matched_term(*t, expansion_terms);
                    // A name's N term only filters: its words carry the weight.
                    m.weight = m.kind == "name" ? 0.0 : term_weight(*t, schema::id_term(doc.id));
                    hit.matched.push_back(std::move(m));
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
    } catch (const Xapian::DatabaseModifiedError&) {
        throw;  // search() starts again on the new revision
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot search", impl_->path);
    }
}

double Searcher::term_weight(const std::string& term, const std::string& id_term) const {
    // One term, one document: BM25 over the whole index's statistics, as in the full query.
    Xapian::Enquire enquire(impl_->db);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term), Xapian::Query(id_term)));
    const Xapian::MSet m = enquire.get_mset(0, 1);
    return m.empty() ? 0.0 : std::round(m.begin().get_weight() * 1000.0) / 1000.0;
}

std::vector<std::string> Searcher::wildcard_words(const std::string& prefix) const {
    // The most frequent words with the prefix; the walk is bounded so that a one-letter
    // prefix over a huge vocabulary stays quick (BAD-INPUTS.md Q4).
    constexpr std::size_t max_walk = 200000;
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    std::size_t walked = 0;
    for (auto t = impl_->db.allterms_begin(prefix);
         t != impl_->db.allterms_end(prefix) && walked < max_walk; ++t, ++walked) {
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

SortOrder parse_sort_order(std::string_view name) {
    if (name == "relevance") {
        return SortOrder::Relevance;
    }
    if (name == "newest") {
        return SortOrder::Newest;
    }
    if (name == "oldest") {
        return SortOrder::Oldest;
    }
    throw UsageError("unknown sort order \"" + std::string(name) +
                     "\" (use relevance, newest or oldest)");
}

}  // namespace seisaku::search
