// SPDX-License-Identifier: MIT
// @brief Boolean filters: a query's fields (lang:, type:, topic:, issuer:, dates) and a
// request's own (its language and date range), shared by searches and suggestions.
#pragma once

#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "glossary/term_bank.hpp"
#include "query/query_syntax.hpp"

namespace seisaku::query {

/// date, after, before, year and fy: the fields that filter by the document's date.
[[nodiscard]] bool is_date_field(std::string_view field);

/// The filter of a date field (date, after, before, year, fy) with this value, as in a query;
/// throws QueryError with the forms it accepts when the value is not a date.
[[nodiscard]] Xapian::Query date_filter(const std::string& field, const std::string& value);

/// The boolean query of a field clause: lang:, type:, topic: and issuer: match the
/// document's metadata (issuer: also under the term bank's other names, when `bank` is
/// given); date fields its date. Throws QueryError for a value that cannot match.
[[nodiscard]] Xapian::Query field_filter(const QueryNode& clause,
                                         const analysis::Analyzer& analyzer,
                                         const glossary::TermBank* bank);

/// What a request narrows every query to, beside the query's own fields.
struct RequestFilters {
    std::string lang;   ///< "", "en" or "ja"
    std::string since;  ///< only documents dated on or after this date (any date form)
    std::string until;  ///< only documents dated on or before this date
};

/// `q` filtered by the request's language and dates; throws QueryError for a bad date.
[[nodiscard]] Xapian::Query filtered(Xapian::Query q, const RequestFilters& filters);

}  // namespace seisaku::query
