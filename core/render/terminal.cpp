// SPDX-License-Identifier: MIT
#include "render/terminal.hpp"

#include <array>
#include <iomanip>
#include <sstream>

#include "text/utf8.hpp"

namespace seisaku::render {
namespace {

constexpr std::string_view bold = "\x1b[1m";
constexpr std::string_view reset = "\x1b[0m";

/// "#p12 · Joint Statement › 3. Data spaces" after the path, or nothing.
std::string passage_label(const search::Passage& passage) {
    if (passage.anchor.empty()) {
        return {};
    }
    std::string out = "#" + terminal_safe(passage.anchor);
    for (std::size_t i = 0; i < passage.headings.size(); ++i) {
        out += i == 0 ? " · " : " › ";
        out += terminal_safe(passage.headings[i]);
    }
    return out;
}

/// Where a hit's date came from, in words (search/results.hpp, Hit::date_source).
std::string date_source_words(std::string_view source) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> words = {{
        {"front matter", "its front matter"},
        {"html meta", "its HTML meta tags"},
        {"sidecar", "its folder's metadata file"},
        {"enactment", "its law number (the date it was enacted)"},
        {"title", "its title"},
        {"dateline", "a date line at its top"},
        {"file name", "its file name"},
        {"lead", "its first paragraph"},
    }};
    for (const auto& [key, text] : words) {
        if (key == source) {
            return std::string(text);
        }
    }
    return source.empty() ? "an earlier version of seisaku" : std::string(source);
}

/// A number with two decimals, as scores and weights are shown.
std::string two_decimals(double value) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(2) << value;
    return s.str();
}

/// The snippet's line, its highlights in bold when `style` has color.
void write_snippet(std::ostream& out, const search::Snippet& snippet, const TerminalStyle& style) {
    out << "   ";
    std::size_t at = 0;
    const std::string& s = snippet.text;
    for (const auto& [b, e] : snippet.highlights) {
        out << terminal_safe(std::string_view(s).substr(at, b - at));
        if (style.color) {
            out << bold << terminal_safe(std::string_view(s).substr(b, e - b)) << reset;
        } else {
            out << terminal_safe(std::string_view(s).substr(b, e - b));
        }
        at = e;
    }
    out << terminal_safe(std::string_view(s).substr(at)) << '\n';
}

/// --explain's lines of a hit: where its date is from and the terms that matched it.
void write_explanation(std::ostream& out, const search::Hit& hit) {
    if (hit.matched.empty()) {
        return;
    }
    if (!hit.date.empty()) {
        out << "   date " << terminal_safe(hit.date) << " from "
            << terminal_safe(date_source_words(hit.date_source)) << '\n';
    }
    out << "   matched:";
    for (std::size_t i = 0; i < hit.matched.size(); ++i) {
        const search::MatchedTerm& m = hit.matched[i];
        out << (i == 0 ? " " : ", ") << terminal_safe(m.text);
        out << " ("
            << (m.kind == search::TermKind::Word ? std::string()
                                                 : std::string(search::kind_name(m.kind)) + ", ")
            << (m.expansion ? "expansion, " : "") << two_decimals(m.weight) << ")";
    }
    out << '\n';
}

/// One hit: its title line, path line, snippet, translation and explanation, a blank line.
void write_hit(std::ostream& out, const search::Hit& hit, const TerminalStyle& style) {
    out << hit.rank << ". ";
    if (style.color) {
        out << bold;
    }
    out << terminal_safe(hit.title);
    if (style.color) {
        out << reset;
    }
    out << "  [" << hit.lang << "]";
    if (!hit.date.empty()) {
        out << ' ' << hit.date;
    }
    out << "\n   " << terminal_safe(hit.path) << passage_label(hit.passage) << "  score "
        << two_decimals(hit.score) << '\n';
    if (!hit.snippet.text.empty()) {
        write_snippet(out, hit.snippet, style);
    }
    if (hit.translation) {
        out << "   also in " << hit.translation->lang << ": "
            << terminal_safe(hit.translation->path) << "  " << terminal_safe(hit.translation->title)
            << '\n';
    }
    write_explanation(out, hit);
    out << '\n';
}

/// What the search did beside matching: expansions, the query's repairs, facets.
void write_search_notes(std::ostream& out, const search::SearchResults& results) {
    if (results.bigram_fallback) {
        out << "no word matched exactly; these match the Japanese characters of the query\n";
    }
    for (const query::Expansion& e : results.expansions) {
        out << (e.excluded ? "also left out " : "also searched for ") << terminal_safe(e.from)
            << " as:";
        for (std::size_t i = 0; i < e.to.size(); ++i) {
            out << (i == 0 ? " " : ", ") << terminal_safe(e.to[i]);
        }
        out << (e.source == "term bank" ? "" : " (" + e.source + ")") << '\n';
    }
    for (const query::QueryNote& n : results.notes) {
        out << "note: " << terminal_safe(n.message) << " (at byte " << n.offset << ")\n";
    }
    for (const search::Facet& f : results.facets) {
        out << f.name << ":";
        for (std::size_t i = 0; i < f.values.size(); ++i) {
            out << (i == 0 ? " " : ", ") << terminal_safe(f.values[i].value) << " ("
                << f.values[i].count << ")";
        }
        out << '\n';
    }
}

/// "29 (47 documents)", "about 290 (about 470 documents)": the entries listed (a document
/// with its translation is one) and, when grouping folded some, the documents they hold.
std::string count_text(const search::SearchResults& results) {
    const std::string about = results.exact ? "" : "about ";
    std::string out = about + std::to_string(results.total);
    if (results.documents != results.total) {
        out += " (" + about + std::to_string(results.documents) + " documents)";
    }
    return out;
}

/// The closing lines: the kind of search, a suggestion, and which results these are.
void write_totals(std::ostream& out, const search::SearchResults& results) {
    if (!results.like.empty()) {
        out << "documents like " << terminal_safe(results.like) << '\n';
    }
    if (results.sort != "relevance") {
        out << "sorted by date, " << results.sort << " first\n";
    }
    if (results.suggestion) {
        out << "did you mean: " << terminal_safe(*results.suggestion) << "?\n";
    }
    const std::size_t last = results.offset + results.hits.size();
    if (results.total == 0) {
        out << "no results\n";
    } else if (results.hits.empty()) {
        out << "no results at offset " << results.offset
            << "; results in all: " << count_text(results) << '\n';
    } else {
        out << "results " << results.offset + 1 << "-" << last << " of " << count_text(results)
            << '\n';
    }
}

}  // namespace

std::string terminal_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    // Invalid bytes are repaired first (repair() also blanks controls, which is fine: the
    // point is that none reaches the terminal); valid text keeps its controls to escape.
    const std::string bytes = text::is_valid(text) ? std::string(text) : text::repair(text);
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const std::size_t start = pos;
        const char32_t cp = text::next_code_point(bytes, pos);
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[(cp >> 4U) & 0xFU];
            out += hex[cp & 0xFU];
        } else {
            out.append(bytes.substr(start, pos - start));
        }
    }
    return out;
}

void terminal(std::ostream& out, const search::SearchResults& results, const TerminalStyle& style) {
    for (const search::Hit& hit : results.hits) {
        write_hit(out, hit, style);
    }
    write_search_notes(out, results);
    write_totals(out, results);
}

}  // namespace seisaku::render
