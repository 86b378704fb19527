// SPDX-License-Identifier: MIT
#include "search/more_like_this.hpp"

#include <cctype>
#include <string_view>

#include "error.hpp"
#include "schema/schema.hpp"
#include "schema/stored_record.hpp"

namespace seisaku::search {
namespace {

/// The document's id as shown in results, or a path that ends with one (corpus/en/x.md
/// finds en/x.md); docid 0 when none.
std::pair<Xapian::docid, std::string> find_document(const Xapian::Database& db,
                                                    std::string_view p) {
    while (!p.empty()) {
        const std::string term = schema::id_term(p);
        Xapian::PostingIterator post = db.postlist_begin(term);
        if (post != db.postlist_end(term)) {
            return {*post, std::string(p)};
        }
        const std::size_t slash = p.find('/');
        p = slash == std::string_view::npos ? std::string_view() : p.substr(slash + 1);
    }
    return {0, {}};
}

/// Its most telling words (Xapian's relevance-feedback expansion over stems and base forms),
/// and its translation's, so that both languages are searched.
Xapian::Query telling_words(const Xapian::Database& db, Xapian::docid docid) {
    Xapian::RSet rset;
    rset.add_document(docid);
    Xapian::Enquire enquire(db);
    const std::string key =
        db.get_document(docid).get_value(schema::slot(schema::ValueSlot::TranslationKey));
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
    return {Xapian::Query::OP_OR, words.begin(), words.end()};
}

}  // namespace

LikeQuery like_query(const Xapian::Database& db, const std::string& path,
                     const analysis::Analyzer& analyzer, const query::QueryContext& context) {
    const auto [docid, id] = find_document(db, path);
    if (docid == 0) {
        throw QueryError("--like " + path + ": no such document in the index (give its path as " +
                         "shown in results, e.g. en/x.md)");
    }
    Xapian::Query q = telling_words(db, docid);
    // ... and its title searched as a query, with the term bank's other names, so documents
    // in the other language on the same subject come too.
    const document::Document doc = schema::decode_record(db.get_document(docid).get_data());
    try {
        q = Xapian::Query(Xapian::Query::OP_OR, q,
                          query::build(query::parse(doc.title), analyzer, context).query);
    } catch (const QueryError&) {
        // a title with nothing searchable: the words alone
    }
    return {Xapian::Query(Xapian::Query::OP_AND_NOT, q, Xapian::Query(schema::id_term(id))), id};
}

}  // namespace seisaku::search
