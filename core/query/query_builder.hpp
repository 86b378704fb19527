// SPDX-License-Identifier: MIT
// @brief QueryNode + the indexer's Analyzer + the schema → Xapian::Query.
#pragma once

#include <xapian.h>

#include <functional>
#include <set>
#include <string>
#include <string_view>

#include "glossary/term_bank.hpp"
#include "query/expansion.hpp"
#include "query/query_syntax.hpp"

namespace seisaku::analysis {
class Analyzer;
}

namespace seisaku::query {

/// At most this many terms after analysis; more are refused (BAD-INPUTS.md Q3).
inline constexpr std::size_t max_query_terms = 32;

/// Soft AND applies to at most this many clauses side by side; longer queries use OR.
inline constexpr std::size_t max_soft_and_clauses = 3;

/// How clauses side by side combine. Or is the default: on tests/relevance (66 judged
/// queries, language balancing on) nDCG@10 was Or 0.745, SoftAnd 0.734, And 0.570; Or was
/// best or equal on two-word queries and on questions alike (docs/query-syntax.md).
enum class DefaultOp {
    Or,       ///< any clause may match; BM25 ranks documents with more of them higher
    SoftAnd,  ///< up to 3 clauses: all of them first, then some; more clauses: Or
    And,      ///< every clause must match
};

struct QueryOptions {
    DefaultOp default_op = DefaultOp::Or;
    /// Expand words and phrases found in this term bank with their other names (acronym,
    /// English, Japanese), at `expansion_weight`; nullptr turns expansion off.
    const glossary::TermBank* term_bank = nullptr;
    double expansion_weight = 0.6;  // docs/query-syntax.md: chosen on tests/relevance
    /// The index has N terms for `term_bank`'s names (its schema::meta_names is this bank's
    /// NameFinder::fingerprint()): a name of several words is searched as its N term, not
    /// as a phrase. Set by the Searcher.
    bool name_terms = false;
    /// Above 0, Japanese words also match their character bigrams (B terms) at this weight.
    /// Off by default: always on, it lowered nDCG@10 on tests/relevance (0.882 → 0.870 at
    /// 0.1); the searcher turns it on only for a query that found nothing.
    double bigram_weight = 0;
    /// The indexed words a wildcard prefix stands for, the most frequent first, at most
    /// max_wildcard_terms + 1 (one more says there were more). Set by the Searcher; without
    /// it a wildcard is Xapian's OP_WILDCARD.
    std::function<std::vector<std::string>(const std::string& prefix)> wildcard_words;
};

/// Names of up to this many words are looked up in the term bank.
inline constexpr std::size_t max_name_words = 6;
/// A wildcard word searches at most this many indexed words, the most frequent.
inline constexpr Xapian::termcount max_wildcard_terms = 100;
/// At most this many other names are added for one clause.
inline constexpr std::size_t max_expansions_per_clause = 8;
/// Names inside one word (a Japanese compound) are looked for among its first 32 tokens, 12
/// tokens at most each: bounded work whatever the word.
inline constexpr std::size_t max_inner_scan_tokens = 32;
inline constexpr std::size_t max_inner_name_tokens = 12;

/// A built query and what expansion added to it.
struct BuiltQuery {
    Xapian::Query query;
    std::vector<Expansion> expansions;
    std::set<std::string> expansion_terms;  ///< index terms only expansion brought in
    bool used_bigrams = false;              ///< some word also matches its bigrams
    std::vector<QueryNote> notes;           ///< syntax the parser repaired
    std::vector<std::string> wildcards;     ///< the prefixes of wildcard words (polic*)
};

/// "soft-and", "and" or "or"; throws UsageError otherwise.
[[nodiscard]] DefaultOp parse_default_op(std::string_view name);

/// Builds the Xapian query for a parsed query.
///
/// - A word searches its stem or base form (Z terms), so "policies" finds "policy" and
///   推進し finds 推進する.
/// - A word the analyzer splits (high-risk, 個人情報保護委員会, G7広島サミット) becomes a
///   phrase over the pieces: adjacent nouns and Latin words join, particles and verbs split.
/// - A quoted phrase matches its words in order, position gaps of particles included.
/// - Clauses side by side combine with the default operator (OR unless asked otherwise).
///   Function words (the, what, する) are dropped when other words remain.
/// - title: searches titles; lang:en|ja and date:2024, date:2023-04..2024 filter.
/// Throws QueryError when nothing searchable is left or there are too many terms.
[[nodiscard]] Xapian::Query build_query(const QueryNode& root, const analysis::Analyzer& analyzer,
                                        const QueryOptions& options = {});

/// Parses and builds in one step; `raw` may hold any bytes (it is repaired and normalized).
[[nodiscard]] Xapian::Query build_query(std::string_view raw, const analysis::Analyzer& analyzer,
                                        const QueryOptions& options = {});

/// The filter of a date field (date, after, before, year, fy) with this value, as in a query;
/// throws QueryError with the forms it accepts when the value is not a date.
[[nodiscard]] Xapian::Query date_filter(const std::string& field, const std::string& value);

/// build_query() that also reports the expansions it made.
[[nodiscard]] BuiltQuery build(std::string_view raw, const analysis::Analyzer& analyzer,
                               const QueryOptions& options = {});

}  // namespace seisaku::query
