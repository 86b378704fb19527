// SPDX-License-Identifier: MIT
#include "search/searcher.hpp"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>

#include "analysis/analyzer.hpp"
#include "error.hpp"
#include "glossary/term_bank.hpp"
#include "lexicon/learned.hpp"
#include "lexicon/lexicon.hpp"
#include "query/filters.hpp"
#include "query/query_builder.hpp"
#include "schema/index_info.hpp"
#include "schema/schema.hpp"
#include "schema/stored_record.hpp"
#include "schema/xapian_error.hpp"
#include "search/entry_count.hpp"
#include "search/evidence.hpp"
#include "search/explain.hpp"
#include "search/facets.hpp"
#include "search/index_access.hpp"
#include "search/more_like_this.hpp"
#include "search/rerank.hpp"
#include "search/snippet.hpp"
#include "search/suggest.hpp"
#include "text/normalize.hpp"
#include "text/script_runs.hpp"
#include "text/split.hpp"

namespace seisaku::search {
namespace fs = std::filesystem;
namespace {

using query::tuning::balance_depth;

/// The terms a snippet looks for: the query's, with a name's N term as its words.
SnippetTerms snippet_terms(const Xapian::Query& q) {
    std::set<std::string> out;
    for (auto it = q.get_unique_terms_begin(); it != q.get_unique_terms_end(); ++it) {
        const std::string& term = *it;
        if (!term.starts_with(schema::prefix_name)) {
            out.insert(term);
            continue;
        }
        if (term.size() > schema::prefix_name.size()) {
            for (const std::string_view word :
                 text::split(std::string_view(term).substr(schema::prefix_name.size()), " ")) {
                out.emplace(word);
            }
        }
    }
    return {std::move(out)};
}

/// Sort key for "oldest first": the date, with undated documents after every date.
class OldestFirst : public Xapian::KeyMaker {
  public:
    std::string operator()(const Xapian::Document& doc) const override {
        const std::string date = doc.get_value(schema::slot(schema::ValueSlot::Date));
        return date.empty() ? std::string("~") : date;
    }
};

/// The name of a sort order, as output shows it.
std::string_view sort_name(SortOrder sort) {
    return sort == SortOrder::Newest   ? "newest"
           : sort == SortOrder::Oldest ? "oldest"
                                       : "relevance";
}

/// How many hits a request needs: its page and one entry more (to know whether another page
/// follows); with re-ranking or grouping two hits an entry (a pair is one) and at least
/// balance_depth, so every page of a query sees the same order.
Xapian::doccount match_depth(const SearchRequest& request) {
    const std::size_t wanted = request.offset + request.limit + 1;
    return static_cast<Xapian::doccount>(
        (request.balance_languages || request.group_translations || request.recency)
            ? std::max(2 * wanted, balance_depth)
            : wanted);
}

/// The query a request searches, and what building it found.
struct Prepared {
    Xapian::Query query;
    query::BuiltQuery built;  ///< empty for a like-search
    std::string like_id;
};

/// The language whose twin heads a group: the one asked for, else Japanese for a query with
/// Japanese characters, else English.
std::string lead_language(const SearchRequest& request) {
    if (!request.lang.empty()) {
        return request.lang;
    }
    if (!request.lead_lang.empty()) {
        return request.lead_lang;
    }
    const std::vector<text::ScriptRun> runs = text::script_runs(text::prepare(request.query));
    return std::any_of(runs.begin(), runs.end(),
                       [](const text::ScriptRun& r) { return r.cls == text::CharClass::Japanese; })
               ? "ja"
               : "en";
}

/// The results without their hits: the query, the counts, what building the query found,
/// the facets (and a note when counting them was cut short).
SearchResults header(const SearchRequest& request, const EntryCount& count, Prepared& prepared,
                     double seconds, const FacetSpy& spy) {
    SearchResults results;
    results.query = request.query;
    results.offset = request.offset;
    results.total = count.entries;
    results.documents = count.documents;
    results.exact = count.exact;
    results.expansions = std::move(prepared.built.expansions);
    results.notes = std::move(prepared.built.notes);
    results.like = prepared.like_id;
    results.sort = sort_name(request.sort);
    // Xapian 1.4's time limit only stops it looking past the top hits for exact counts
    // (check_at_least): it bounds facet counting, which looks at all matches.
    if (request.facets && request.time_limit > 0 && seconds >= request.time_limit) {
        results.notes.push_back({0, "counting stopped after " +
                                        std::to_string(request.time_limit).substr(0, 4) +
                                        " s; facet counts may be incomplete"});
    }
    if (request.facets) {
        results.facets = spy.facets();
    }
    return results;
}

}  // namespace

struct Searcher::Impl {
    Impl(const fs::path& db_path, const analysis::Analyzer& a)
        : analyzer(a),
          db(open_readable(db_path)),
          path(db_path.string()),
          term_bank(glossary::TermBank::builtin(a)),
          vocabulary(db) {}

    const analysis::Analyzer& analyzer;
    Xapian::Database db;
    std::string path;
    glossary::TermBank term_bank;
    IndexVocabulary vocabulary;
    /// The index has N terms for term_bank's names (QueryContext::name_terms).
    bool name_terms = false;
    /// The word translations the indexer learned from this index's translation pairs.
    lexicon::LearnedTranslations learned;

    void check_name_terms() {
        name_terms =
            db.get_metadata(std::string(schema::meta_names)) == term_bank.names_fingerprint();
    }

    /// What the query builder needs to know of this index for `request`.
    [[nodiscard]] query::QueryContext context(bool expand, double bigram_weight,
                                              bool wildcards) const {
        return {expand ? &term_bank : nullptr,
                name_terms,
                bigram_weight,
                wildcards || expand ? &vocabulary : nullptr,
                expand ? lexicon::Lexicon::builtin() : nullptr,
                expand ? &learned : nullptr};
    }

    SearchResults search_latest(const SearchRequest& request);
    SearchResults search_once(const SearchRequest& request, double bigram_weight,
                              bool* used_bigrams = nullptr);
    Prepared prepare(const SearchRequest& request, double bigram_weight) const;
    Xapian::MSet match(Xapian::Enquire& enquire, const SearchRequest& request, double& seconds,
                       bool& complete) const;
    [[nodiscard]] bool counts_twins(const SearchRequest& request) const;
    RankedHits ranked(const Xapian::MSet& mset, const SearchRequest& request) const;
    Hit hit_of(const Xapian::Enquire& enquire, const Xapian::MSet& mset, const Entry& entry,
               const RankedHits& ranked, const SnippetTerms& terms, const SearchRequest& request,
               const std::set<std::string>& expansion_terms) const;
    std::optional<std::string> suggestion(const SearchRequest& request,
                                          std::size_t word_matches) const;
};

Searcher::Searcher(const fs::path& db_path, const analysis::Analyzer& analyzer)
    : impl_(std::make_unique<Impl>(db_path, analyzer)) {
    on_latest_revision(impl_->db, impl_->path, "cannot read", [&] {
        schema::check_index_info(schema::read_index_info(impl_->db),
                                 schema::current_index_info(analyzer.dictionary_name()),
                                 impl_->path);
        impl_->check_name_terms();
        impl_->learned = lexicon::LearnedTranslations::decode(
            impl_->db.get_metadata(std::string(schema::meta_learned)));
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
                              [&] { return impl_->search_latest(request); });
}

SearchResults Searcher::Impl::search_latest(const SearchRequest& request) {
    SearchResults results = search_once(request, 0);
    const std::size_t word_matches = results.documents;
    // `total` counts matches whatever the page, so every page takes the same decision.
    if (results.total == 0 && request.like.empty() &&
        !analysis::japanese_bigrams(request.query).empty()) {
        bool used = false;
        SearchResults fallback = search_once(request, query::tuning::bigram_fallback_weight, &used);
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

std::optional<std::string> Searcher::Impl::suggestion(const SearchRequest& request,
                                                      std::size_t word_matches) const {
    const query::QueryContext ctx = context(request.expand, 0, false);
    const query::RequestFilters filters{request.lang, request.since, request.until};
    const MatchCounter count = [&](const std::string& text) -> Xapian::doccount {
        Xapian::Query q;
        try {
            q = query::filtered(
                query::build(query::parse(text), analyzer, ctx, request.query_options).query,
                filters);
        } catch (const QueryError&) {
            return 0;
        }
        Xapian::Enquire enquire(db);
        enquire.set_query(q);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        const Xapian::MSet mset = enquire.get_mset(0, 1);
        return mset.empty() ? 0 : std::max<Xapian::doccount>(1, mset.get_matches_estimated());
    };
    try {
        return suggest(db, request.query,
                       static_cast<Xapian::doccount>(
                           std::min<std::size_t>(word_matches, Xapian::doccount(-1))),
                       count);
    } catch (const Xapian::DatabaseModifiedError&) {
        return std::nullopt;  // the results stand; a suggestion can wait for the next query
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot suggest from", path);
    }
}

Prepared Searcher::Impl::prepare(const SearchRequest& request, double bigram_weight) const {
    Prepared p;
    try {
        if (!request.like.empty()) {
            LikeQuery like = like_query(db, request.like, analyzer, context(true, 0, false));
            p.query = std::move(like.query);
            p.like_id = std::move(like.id);
        } else {
            p.built =
                query::build(query::parse(request.query), analyzer,
                             context(request.expand, bigram_weight, true), request.query_options);
            p.query = p.built.query;
        }
        p.query = query::filtered(p.query, {request.lang, request.since, request.until});
    } catch (const Xapian::DatabaseModifiedError&) {
        throw;  // search() starts again on the new revision
    } catch (const Xapian::Error& e) {
        throw QueryError("cannot build the query: " + e.get_msg());
    }
    return p;
}

/// Grouping is asked and some document has a translation key: counting finds the pairs.
bool Searcher::Impl::counts_twins(const SearchRequest& request) const {
    return request.group_translations &&
           db.get_value_freq(schema::slot(schema::ValueSlot::TranslationKey)) > 0;
}

/// Runs the match: BM25 or date order, facets counted by a spy, deep enough for re-ranking;
/// `complete` when the hits are all the matches (grouped result sets up to exact_count_limit).
Xapian::MSet Searcher::Impl::match(Xapian::Enquire& enquire, const SearchRequest& request,
                                   double& seconds, bool& complete) const {
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    if (request.facets && request.time_limit > 0) {
        // Xapian's timer calls back on a thread of its own: a limit that expires as
        // get_mset() returns let that callback write into a dead stack frame (seen
        // under ASan with 1e-9 s), so its timer never runs shorter than this.
        enquire.set_time_limit(std::max(request.time_limit, min_xapian_time_limit));
    }
    const Xapian::doccount depth = match_depth(request);
    // Facets count every match: Xapian must look at all of them.
    const Xapian::doccount check_at_least = request.facets ? db.get_doccount() : 0;
    const auto started = std::chrono::steady_clock::now();
    Xapian::MSet mset = enquire.get_mset(0, depth, check_at_least);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    complete = mset.size() < depth;
    const Xapian::doccount most = mset.get_matches_upper_bound();
    if (!complete && most <= exact_count_limit &&
        (counts_twins(request) || mset.get_matches_lower_bound() < most)) {
        // Few enough matches to list whole: all of them give exact counts, and every page
        // groups a pair alike even when its second twin lies past the page's hits (the spies
        // have counted already). Many more are cheaper estimated than counted.
        enquire.clear_matchspies();
        mset = enquire.get_mset(0, most);
        complete = true;
    }
    return mset;
}

/// The hits' weights (with the recency boost when asked) and the top hits' languages (to
/// balance and group) and translation keys (to group), each slot read once; no keys when no
/// document has one.
RankedHits Searcher::Impl::ranked(const Xapian::MSet& mset, const SearchRequest& request) const {
    const bool by_relevance = request.sort == SortOrder::Relevance;
    const auto top = std::min<Xapian::doccount>(mset.size(), balance_depth);
    RankedHits hits;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        hits.weights.push_back(it.get_weight());
    }
    if (request.recency && by_relevance) {
        hits.dates = top_values(db, mset, top, schema::ValueSlot::Date);
        with_recency(hits);
    }
    // Grouping pairs translations among all the hits, so that counts match the pages.
    const bool twins = counts_twins(request);
    if ((request.balance_languages && by_relevance) || twins) {
        hits.langs = top_values(db, mset, twins ? mset.size() : top, schema::ValueSlot::Lang);
    }
    if (twins) {
        hits.keys = top_values(db, mset, mset.size(), schema::ValueSlot::TranslationKey);
    }
    return hits;
}

Hit Searcher::Impl::hit_of(const Xapian::Enquire& enquire, const Xapian::MSet& mset,
                           const Entry& entry, const RankedHits& ranked, const SnippetTerms& terms,
                           const SearchRequest& request,
                           const std::set<std::string>& expansion_terms) const {
    const Xapian::MSetIterator it = mset[static_cast<Xapian::doccount>(entry.head)];
    const document::Document doc = schema::decode_record(it.get_document().get_data());
    Hit hit;
    hit.path = doc.id;
    hit.title = doc.title;
    hit.lang = doc.lang;
    hit.date = doc.date;
    hit.date_source = doc.date.empty() ? std::string() : doc.date_source;
    hit.source_url = doc.source_url;
    hit.score = std::round(ranked.weights[entry.head] * 1000.0) / 1000.0;
    hit.snippet =
        make_snippet(doc.body, document::paragraphs(doc.body, doc.headings), terms, analyzer);
    hit.passage = make_passage(doc.headings, hit.snippet);
    if (request.explain) {
        hit.matched = matched_terms(db, enquire, it, schema::id_term(doc.id), expansion_terms);
    }
    if (entry.partner) {
        const document::Document other = schema::decode_record(
            mset[static_cast<Xapian::doccount>(*entry.partner)].get_document().get_data());
        hit.translation = Translation{other.id, other.title, other.lang};
    }
    return hit;
}

SearchResults Searcher::Impl::search_once(const SearchRequest& request, double bigram_weight,
                                          bool* used_bigrams) {
    if (request.offset + request.limit > max_result_window) {
        throw QueryError("results beyond " + std::to_string(max_result_window) +
                         " are not served (offset + limit too large)");
    }
    Prepared prepared = prepare(request, bigram_weight);
    if (used_bigrams != nullptr) {
        *used_bigrams = prepared.built.used_bigrams;
    }
    const SnippetTerms terms = snippet_terms(prepared.query);
    try {
        Xapian::Enquire enquire(db);
        enquire.set_query(prepared.query);
        OldestFirst oldest_first;
        if (request.sort == SortOrder::Newest) {
            enquire.set_sort_by_value_then_relevance(schema::slot(schema::ValueSlot::Date), true);
        } else if (request.sort == SortOrder::Oldest) {
            enquire.set_sort_by_key_then_relevance(&oldest_first, false);
        }
        FacetSpy spy(term_bank, analyzer);
        if (request.facets) {
            enquire.add_matchspy(&spy);
        }
        TwinSpy twins;
        if (counts_twins(request)) {
            enquire.add_matchspy(&twins);
        }
        double seconds = 0;
        bool complete = false;
        const Xapian::MSet mset = match(enquire, request, seconds, complete);
        const bool by_relevance = request.sort == SortOrder::Relevance;
        const RankedHits ranked_hits = ranked(mset, request);
        const std::vector<Entry> entries =
            group(result_order(ranked_hits, request.recency && by_relevance,
                               request.balance_languages && by_relevance,
                               evidence_of(enquire, mset, prepared.built.concepts)),
                  ranked_hits, lead_language(request));
        const EntryCount count =
            count_entries(mset, complete, entries.size(), counts_twins(request) ? &twins : nullptr);
        SearchResults results = header(request, count, prepared, seconds, spy);
        results.more = entries.size() > request.offset + request.limit;
        const std::size_t end = std::min(request.offset + request.limit, entries.size());
        for (std::size_t i = request.offset; i < end; ++i) {
            results.hits.push_back(hit_of(enquire, mset, entries[i], ranked_hits, terms, request,
                                          prepared.built.expansion_terms));
            results.hits.back().rank = i + 1;
        }
        return results;
    } catch (const Xapian::DatabaseModifiedError&) {
        throw;  // search() starts again on the new revision
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot search", path);
    }
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
