// SPDX-License-Identifier: MIT
#include "search/suggest.hpp"

#include <algorithm>
#include <vector>

#include "analysis/analyzer.hpp"
#include "error.hpp"
#include "query/query_syntax.hpp"
#include "schema/schema.hpp"
#include "text/normalize.hpp"
#include "text/transliterate.hpp"

namespace seisaku::search {
namespace {

/// A word of the query and where it stands in the normalized query string.
struct Piece {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string text;
};

void add_pieces(std::string_view text, std::size_t at, std::vector<Piece>& out) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && text[pos] == ' ') {
            ++pos;
        }
        const std::size_t start = pos;
        while (pos < text.size() && text[pos] != ' ') {
            ++pos;
        }
        if (pos > start) {
            out.push_back({at + start, at + pos, std::string(text.substr(start, pos - start))});
        }
    }
}

/// The words a suggestion may replace, in query order.
void collect(const query::QueryNode& node, std::string_view query, bool negated,
             std::vector<Piece>& out) {
    negated = negated || node.occur == query::Occur::MustNot;
    if (node.kind == query::NodeKind::Word || node.kind == query::NodeKind::Phrase) {
        // Wildcards are prefixes, not words to correct; their text lost its '*', so it
        // could not be found in the query where it was typed either.
        if (negated || (!node.field.empty() && node.field != "title") || node.text.empty() ||
            node.wildcard) {
            return;
        }
        const std::size_t at = query.find(node.text, node.offset);
        if (at == std::string_view::npos) {
            return;
        }
        add_pieces(node.text, at, out);
        return;
    }
    for (const query::QueryNode& c : node.children) {
        collect(c, query, negated, out);
    }
}

bool is_ascii_letter(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// ASCII letters only (English spelling and romaji).
bool is_letters(std::string_view s) noexcept {
    return !s.empty() && std::all_of(s.begin(), s.end(), is_ascii_letter);
}

/// ASCII letters with '-' (ー) and '\'' (n'a): romaji.
bool is_romaji(std::string_view s) noexcept {
    return std::any_of(s.begin(), s.end(), is_ascii_letter) &&
           std::all_of(s.begin(), s.end(),
                       [](char c) { return is_ascii_letter(c) || c == '-' || c == '\''; });
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

/// Other spellings of `word` that the index may hold.
std::vector<std::string> candidates(const Xapian::Database& db, const std::string& word) {
    std::vector<std::string> out;
    const auto add = [&](std::string c) {
        if (!c.empty() && c != word && std::find(out.begin(), out.end(), c) == out.end()) {
            out.push_back(std::move(c));
        }
    };
    const text::KanaScript script = text::kana_script(word);
    const bool romaji = script == text::KanaScript::None && is_romaji(word);
    if (script == text::KanaScript::None && !romaji) {
        return out;
    }
    if (is_letters(word) && word.size() >= schema::min_spelling_letters) {
        const unsigned distance = word.size() <= 4 ? 1 : 2;
        add(db.get_spelling_suggestion(lower(word), distance));
    }
    if (romaji) {
        add(text::romaji_to_katakana(lower(word)));
    } else if (script == text::KanaScript::Hiragana) {
        add(text::hiragana_to_katakana(word));
    } else {
        add(text::katakana_to_hiragana(word));
    }
    const std::string key = text::reading_key(word);
    if (key.size() >= 2) {
        const std::string synonym_key = std::string(schema::prefix_reading) + key;
        std::size_t n = 0;
        for (auto it = db.synonyms_begin(synonym_key);
             it != db.synonyms_end(synonym_key) && n < max_reading_candidates; ++it, ++n) {
            add(*it);
        }
    }
    return out;
}

/// Whether a corrected query that finds `total` documents helps a query that found `found`:
/// it finds some and at least as many; and when the query found plenty already, many more
/// (suggest_ratio times): "semiconductor export controls" found 40 documents in corpus/,
/// which has no "export", and "expert" found no more, so it was no help.
bool worth_suggesting(Xapian::doccount total, Xapian::doccount found) {
    if (total == 0 || total < found) {
        return false;
    }
    return found < suggest_below || total / suggest_ratio >= found;
}

}  // namespace

std::optional<std::string> suggest(const Xapian::Database& db, std::string_view raw,
                                   Xapian::doccount found, const MatchCounter& count) {
    const std::string query = text::prepare(raw);
    std::vector<Piece> pieces;
    try {
        collect(query::parse_query(query), query, false, pieces);
    } catch (const QueryError&) {
        return std::nullopt;  // the search itself reports it
    }
    if (pieces.size() > max_suggest_words) {
        pieces.resize(max_suggest_words);
    }
    std::vector<std::pair<const Piece*, std::string>> replacements;
    for (const Piece& p : pieces) {
        if (text::kana_script(p.text) == text::KanaScript::None && !is_romaji(p.text)) {
            continue;
        }
        // A word the index holds as written finds something: with enough results, done.
        if (found >= suggest_below && db.term_exists(lower(p.text))) {
            continue;
        }
        const Xapian::doccount alone = count(p.text);
        if (alone >= suggest_below || (alone > 0 && found >= suggest_below)) {
            continue;
        }
        std::string best;
        // A word the index has is replaced only by a much more common one (rare words are
        // often right: Xapian offers "plans" for "plants" when "plans" is more frequent).
        Xapian::doccount best_count = alone == 0 ? 0 : alone * suggest_ratio - 1;
        for (const std::string& c : candidates(db, p.text)) {
            const Xapian::doccount n = count(c);
            if (n > best_count) {
                best = c;
                best_count = n;
            }
        }
        if (!best.empty()) {
            replacements.emplace_back(&p, std::move(best));
        }
    }
    if (replacements.empty()) {
        return std::nullopt;
    }
    std::string corrected;
    std::size_t at = 0;
    for (const auto& [piece, text] : replacements) {
        if (piece->begin < at) {
            return std::nullopt;  // pieces out of order: no suggestion rather than a bad one
        }
        corrected.append(query, at, piece->begin - at);
        corrected += text;
        at = piece->end;
    }
    corrected.append(query, at);
    if (corrected == query) {
        return std::nullopt;
    }
    return worth_suggesting(count(corrected), found) ? std::optional<std::string>(corrected)
                                                     : std::nullopt;
}

}  // namespace seisaku::search
