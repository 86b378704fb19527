// SPDX-License-Identifier: MIT
#include "query/filters.hpp"

#include <optional>
#include <vector>

#include "analysis/analyzer.hpp"
#include "error.hpp"
#include "glossary/term_bank.hpp"
#include "query/date_span.hpp"
#include "query/query_syntax.hpp"
#include "schema/schema.hpp"
#include "text/normalize.hpp"

namespace seisaku::query {
namespace {

/// The first and last day a date filter lets through; either may be missing (open).
struct DateBounds {
    std::optional<DateSpan> from;
    std::optional<DateSpan> to;
};

/// date:2024, date:令和6年4月, date:FROM..TO (either side may be empty); nullopt when a side
/// given is not a date or both are empty.
std::optional<DateBounds> date_range(const std::string& text) {
    const std::size_t dots = text.find("..");
    const std::string a = dots == std::string::npos ? text : text.substr(0, dots);
    const std::string b = dots == std::string::npos ? text : text.substr(dots + 2);
    DateBounds out;
    if ((a.empty() && b.empty()) || (!a.empty() && !(out.from = date_span(a))) ||
        (!b.empty() && !(out.to = date_span(b)))) {
        return std::nullopt;
    }
    return out;
}

/// year:2024 or year:令和6年: one whole calendar year, not a month or a day.
std::optional<DateSpan> year_span(const std::string& text) {
    std::optional<DateSpan> y = date_span(text);
    if (y && (y->first.substr(5) != "01-01" || y->last.substr(5) != "12-31" ||
              y->last.substr(0, 4) != y->first.substr(0, 4))) {
        return std::nullopt;
    }
    return y;
}

/// The bounds of a date field's value; nullopt when it is not a date of the field's form.
/// after:X is from X on, before:X strictly before X, fy: April to March.
std::optional<DateBounds> date_bounds(const std::string& field, const std::string& text) {
    if (field == "date") {
        return date_range(text);
    }
    DateBounds out;
    if (field == "after") {
        out.from = date_span(text);
    } else if (field == "before") {
        if (const std::optional<DateSpan> d = date_span(text)) {
            out.to = DateSpan{"", day_before(d->first)};
        }
    } else if (field == "year") {
        out.from = out.to = year_span(text);
    } else if (field == "fy") {
        out.from = out.to = fiscal_year_span(text);
    }
    if (!out.from && !out.to) {
        return std::nullopt;
    }
    return out;
}

/// issuer: its words, or the words of one of its other names in the term bank
/// (issuer:METI finds 経済産業省).
Xapian::Query issuer_filter(const QueryNode& c, const analysis::Analyzer& analyzer,
                            const glossary::TermBank* bank) {
    std::vector<std::string> names = {c.text};
    if (bank != nullptr) {
        for (std::string& other : bank->other_names(glossary::TermBank::key_of(c.text, analyzer))) {
            names.push_back(std::move(other));
        }
    }
    std::vector<Xapian::Query> alternatives;
    for (const std::string& name : names) {
        std::vector<Xapian::Query> words;
        for (const analysis::Token& t : analyzer.analyze(text::prepare(name))) {
            if (t.kind != analysis::TokenKind::Stop) {
                words.emplace_back(std::string(schema::prefix_issuer) + t.term);
            }
        }
        if (!words.empty()) {
            alternatives.emplace_back(Xapian::Query::OP_AND, words.begin(), words.end());
        }
    }
    if (alternatives.empty()) {
        throw QueryError("issuer:" + c.text + " has no words to match");
    }
    return {Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()};
}

}  // namespace

bool is_date_field(std::string_view field) {
    return field == "date" || field == "after" || field == "before" || field == "year" ||
           field == "fy";
}

/// Dates are stored as YYYY[-MM[-DD]] strings, so each filter is a string range; documents
/// without a date never pass.
Xapian::Query date_filter(const std::string& field, const std::string& text) {
    const auto bad = [&] {
        return QueryError(field + ":" + text + " is not a date (" + date_hint(field) + ")");
    };
    const std::optional<DateBounds> bounds = date_bounds(field, text);
    if (!bounds) {
        throw bad();
    }
    const std::string lower = bounds->from ? lower_bound_of(bounds->from->first) : "0";
    // '~' sorts after digits and '-'
    const std::string upper = bounds->to ? bounds->to->last + "~" : "9";
    if (lower > upper) {
        throw bad();
    }
    return {Xapian::Query::OP_VALUE_RANGE, schema::slot(schema::ValueSlot::Date), lower, upper};
}

Xapian::Query field_filter(const QueryNode& c, const analysis::Analyzer& analyzer,
                           const glossary::TermBank* bank) {
    if (is_date_field(c.field)) {
        return date_filter(c.field, c.text);
    }
    if (c.field == "lang") {
        return Xapian::Query(std::string(schema::prefix_lang) + text::fold(c.text));
    }
    if (c.field == "type" || c.field == "topic") {
        const std::string_view prefix =
            c.field == "type" ? schema::prefix_type : schema::prefix_topic;
        const std::string term = schema::keyword_term(prefix, c.text);
        if (term.size() == prefix.size()) {
            throw QueryError(c.field + ": has no value to match");
        }
        return Xapian::Query(term);
    }
    return issuer_filter(c, analyzer, bank);
}

Xapian::Query filtered(Xapian::Query q, const RequestFilters& filters) {
    if (!filters.lang.empty()) {
        q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                          Xapian::Query(std::string(schema::prefix_lang) + filters.lang));
    }
    if (!filters.since.empty()) {
        q = Xapian::Query(Xapian::Query::OP_FILTER, q, date_filter("after", filters.since));
    }
    if (!filters.until.empty()) {
        q = Xapian::Query(Xapian::Query::OP_FILTER, q, date_filter("date", ".." + filters.until));
    }
    return q;
}

}  // namespace seisaku::query
