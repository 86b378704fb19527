// SPDX-License-Identifier: MIT
#include "search/snippet.hpp"

#include <algorithm>

#include "analysis/analyzer.hpp"
#include "schema/schema.hpp"
#include "text/script_runs.hpp"
#include "text/utf8.hpp"

namespace seisaku::search {
namespace {

struct Match {
    std::size_t begin;
    std::size_t end;
    std::string key;  ///< what counts as "the same word" for scoring
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Copies body[begin, end) with whitespace runs collapsed to one space, mapping each match
/// inside it to a range of the copy.
Snippet copy_passage(std::string_view body, std::size_t begin, std::size_t end,
                     const std::vector<Match>& matches, bool cut_front, bool cut_back) {
    Snippet s;
    s.body_offset = begin;
    if (cut_front) {
        s.text = "… ";
    }
    auto m = std::lower_bound(matches.begin(), matches.end(), begin,
                              [](const Match& x, std::size_t b) { return x.begin < b; });
    std::size_t open = 0;
    bool in_match = false;
    bool pending_space = false;
    for (std::size_t i = begin; i < end; ++i) {
        if (in_match && i == m->end) {
            s.highlights.emplace_back(open, s.text.size());
            in_match = false;
            ++m;
        }
        if (is_space(body[i])) {
            pending_space = !s.text.empty();
            continue;
        }
        if (pending_space) {
            s.text += ' ';
            pending_space = false;
        }
        if (!in_match && m != matches.end() && i == m->begin && m->end <= end) {
            // Adjacent matches (a compound split by MeCab) become one highlight.
            if (!s.highlights.empty() && s.highlights.back().second == s.text.size()) {
                open = s.highlights.back().first;
                s.highlights.pop_back();
            } else {
                open = s.text.size();
            }
            in_match = true;
        }
        s.text += body[i];
    }
    if (in_match) {
        s.highlights.emplace_back(open, s.text.size());
    }
    if (cut_back) {
        s.text += " …";
    }
    return s;
}

}  // namespace

Snippet make_snippet(std::string_view body, const SnippetTerms& terms,
                     const analysis::Analyzer& analyzer, std::size_t max_bytes) {
    std::vector<Match> matches;
    const std::string stem_prefix(schema::prefix_stem);
    const std::string title_prefix(schema::prefix_title);
    for (const analysis::Token& t : analyzer.analyze(body)) {
        if (t.kind == analysis::TokenKind::Stop) {
            continue;
        }
        if (terms.terms.contains(t.term) || terms.terms.contains(title_prefix + t.term)) {
            matches.push_back({t.begin, t.end, t.term});
        } else if (terms.terms.contains(stem_prefix + t.base)) {
            matches.push_back({t.begin, t.end, t.base});
        }
    }

    // Score sentences by distinct matched words, then by matches.
    const std::vector<std::size_t> ends = text::sentence_ends(body);
    std::size_t best = 0;
    std::size_t best_score = 0;
    auto m = matches.begin();
    for (std::size_t i = 0; i < ends.size(); ++i) {
        std::set<std::string_view> distinct;
        std::size_t count = 0;
        for (; m != matches.end() && m->begin < ends[i]; ++m) {
            distinct.insert(m->key);
            ++count;
        }
        const std::size_t score = distinct.size() * 1000 + std::min<std::size_t>(count, 999);
        if (score > best_score) {
            best_score = score;
            best = i;
        }
    }

    // Grow the passage from the best sentence: forward, then backward.
    std::size_t begin = best == 0 ? 0 : ends[best - 1];
    std::size_t end = ends[best];
    std::size_t next = best + 1;
    while (next < ends.size() && ends[next] - begin <= max_bytes) {
        end = ends[next++];
    }
    std::size_t prev = best;
    while (prev > 0 && end - (prev >= 2 ? ends[prev - 2] : 0) <= max_bytes) {
        begin = prev >= 2 ? ends[prev - 2] : 0;
        --prev;
    }
    // One long sentence: a window around its first match, cut on code points.
    if (end - begin > max_bytes) {
        const auto first = std::find_if(matches.begin(), matches.end(),
                                        [&](const Match& x) { return x.begin >= begin; });
        std::size_t from = begin;
        if (first != matches.end() && first->begin < end && first->begin > begin + max_bytes / 3) {
            from = first->begin - max_bytes / 3;
            while (from > begin && (static_cast<unsigned char>(body[from]) & 0xC0U) == 0x80U) {
                --from;
            }
        }
        const std::string_view window = text::truncate(body.substr(from, end - from), max_bytes);
        return copy_passage(body, from, from + window.size(), matches, from > 0,
                            from + window.size() < body.size());
    }
    while (begin < end && is_space(body[begin])) {
        ++begin;
    }
    return copy_passage(body, begin, end, matches, false, false);
}

}  // namespace seisaku::search
