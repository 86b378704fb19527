// SPDX-License-Identifier: MIT
// @brief Plain result data: what search computes and renderers show. No Xapian here.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "query/notes.hpp"

namespace seisaku::search {

/// A byte range [begin, end) in Snippet::text.
using ByteRange = std::pair<std::size_t, std::size_t>;

/// A passage of a stored body with the ranges of the words that matched.
struct Snippet {
    std::string text;                   ///< valid UTF-8, one line (whitespace collapsed)
    std::vector<ByteRange> highlights;  ///< sorted, disjoint ranges in `text`
    std::size_t body_offset = 0;        ///< where the passage starts in the stored body
    std::size_t paragraph = 0;  ///< the paragraph (1-based) it was cut from; 0: nothing matched
};

/// Where in its document a hit's snippet comes from, to cite it (docs/schema.md, paragraphs).
struct Passage {
    std::size_t paragraph = 0;          ///< 1-based; 0 when unknown (no word matched the body)
    std::vector<std::string> headings;  ///< the enclosing headings, outermost first
    std::string anchor;                 ///< "p12", the fragment of `path#p12`; empty when unknown
};

/// What kind of index term matched (docs/output.md, "matched").
enum class TermKind {
    Word,      ///< the word as written (positional)
    Stem,      ///< English stem or Japanese base form (a morpheme)
    Title,     ///< a word of the title field
    Compound,  ///< a Japanese compound as one term
    Bigram,    ///< a pair of Japanese characters (the fallback)
    Name,      ///< a term-bank name of several words (N term)
};

/// "word", "stem", "title", "compound", "bigram", "name": the kind as output names it.
[[nodiscard]] constexpr std::string_view kind_name(TermKind kind) {
    constexpr std::array<std::string_view, 6> names = {"word",     "stem",   "title",
                                                       "compound", "bigram", "name"};
    return names.at(static_cast<std::size_t>(kind));
}

/// One index term of the query that a hit holds (SearchRequest::explain).
struct MatchedTerm {
    std::string text;  ///< the term without its prefix
    TermKind kind = TermKind::Word;
    bool expansion = false;  ///< brought in by the term bank, not typed
    double weight = 0.0;     ///< its BM25 weight in this document, before query-level scaling
};

/// One value of a facet and how many matching documents have it.
struct FacetValue {
    std::string value;
    std::size_t count = 0;
};

/// A facet: its name (lang, year, issuer, type, topic) and its values.
struct Facet {
    std::string name;
    std::vector<FacetValue> values;
};

/// The same document in the other language (SearchRequest::group_translations).
struct Translation {
    std::string path;
    std::string title;
    std::string lang;
};

struct Hit {
    std::size_t rank = 0;  ///< 1-based, counting from the first result of the whole query
    std::string path;
    std::string title;
    std::string lang;
    std::string date;
    /// where the date came from: "front matter", "html meta", "sidecar", "enactment",
    /// "title", "dateline", "file name", "lead" (document/own_date.hpp); "" without a date
    std::string date_source;
    std::string source_url;
    double score = 0.0;
    Snippet snippet;
    std::vector<MatchedTerm> matched;
    std::optional<Translation> translation;  ///< its translation, shown with it  ///< with
                                             ///< SearchRequest::explain: what matched, and how
    Passage passage;                         ///< the paragraph and headings the snippet comes from
};

struct SearchResults {
    std::string query;
    /// The entries of the whole query, as paging lists them (a document shown with its
    /// translation is one entry); exact when `exact`, else an estimate.
    std::size_t total = 0;
    std::size_t documents = 0;  ///< the documents those entries hold (matches)
    bool exact = false;         ///< total and documents are exact counts, not estimates
    bool more = false;          ///< an entry follows this page (the next page is not empty)
    std::size_t offset = 0;
    std::vector<Hit> hits;
    bool bigram_fallback = false;  ///< nothing matched the words; Japanese character pairs did
    std::vector<query::Expansion> expansions;  ///< other names the query was also searched by
    std::vector<query::QueryNote> notes;       ///< what was repaired, left out or cut short
    std::vector<Facet> facets;                 ///< with SearchRequest::facets
    std::string sort = "relevance";            ///< relevance, newest or oldest
    std::string like;                          ///< the document a like-search started from
    /// "did you mean": a corrected query that finds more (SearchRequest::suggest)
    std::optional<std::string> suggestion;
};

}  // namespace seisaku::search
