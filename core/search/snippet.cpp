// SPDX-License-Identifier: MIT
// The passage of a snippet: the best sentence, grown within its paragraph, copied with its
// highlights.
#include "search/snippet.hpp"

#include <algorithm>
#include <iterator>
#include <set>

#include "search/snippet_scan.hpp"
#include "text/ascii.hpp"
#include "text/script_runs.hpp"
#include "text/utf8.hpp"

namespace seisaku::search {
namespace {

constexpr std::size_t no_paragraph = std::string::npos;

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
        if (text::is_ascii_space(body[i])) {
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

/// The sentence a snippet is cut around, and the paragraph it is in.
struct Choice {
    Region sentence;
    std::size_t paragraph = no_paragraph;  ///< a heading's line, blank lines, or no match
    bool matched = false;
};

/// The regions' best sentence by SentenceRank, counting distinct matched words (a sentence
/// never spans lines, so it lies in one paragraph, or on a heading's line, or blank lines);
/// the opening when nothing matched.
Choice best_sentence(std::string_view body, const std::vector<document::Paragraph>& paragraphs,
                     const std::vector<Region>& regions, const std::vector<Match>& matches) {
    Choice best{sentence_around(body, 0)};
    SentenceRank best_rank;
    auto m = matches.begin();
    for (const auto& [from, to] : regions) {
        std::size_t start = from;
        for (std::size_t end : text::sentence_ends(body.substr(from, to - from))) {
            end += from;
            std::set<std::string_view> distinct;
            std::size_t count = 0;
            for (; m != matches.end() && m->begin < end; ++m) {
                distinct.insert(m->key);
                ++count;
            }
            if (count > 0) {
                const std::size_t in = paragraph_index(body, paragraphs, start, end);
                const SentenceRank rank{distinct.size(), count, in != no_paragraph};
                if (!best.matched || rank.better_than(best_rank)) {
                    best = {{start, end}, in, true};
                    best_rank = rank;
                }
            }
            start = end;
        }
    }
    return best;
}

/// The best sentence is a heading's: the passage is the first paragraph after it, from its
/// first sentence.
void move_below_heading(std::string_view body, const std::vector<document::Paragraph>& paragraphs,
                        Choice& choice) {
    if (!choice.matched || choice.paragraph != no_paragraph) {
        return;
    }
    const auto next =
        std::lower_bound(paragraphs.begin(), paragraphs.end(), choice.sentence.second,
                         [](const document::Paragraph& q, std::size_t x) { return q.begin < x; });
    if (next != paragraphs.end()) {
        choice.paragraph = static_cast<std::size_t>(next - paragraphs.begin());
        choice.sentence = {next->begin, sentence_around(body, next->begin).second};
    }
}

/// The passage grown from `sentence` within `bounds` (its paragraph): forward, then backward,
/// over the sentence ends around it (those of a window of max_bytes either side, the window's
/// own edges left out unless they are the paragraph's).
Region grow_passage(std::string_view body, Region sentence, Region bounds, std::size_t max_bytes) {
    const auto [lower, upper] = bounds;
    std::size_t begin = std::max(sentence.first, lower);
    std::size_t end = std::min(sentence.second, upper);
    const std::size_t w0 = begin > lower + max_bytes ? begin - max_bytes : lower;
    const std::size_t w1 = std::min(upper, end + max_bytes);
    std::vector<std::size_t> cuts;  // sentence boundaries in [w0, w1]
    if (w0 == lower) {
        cuts.push_back(lower);
    }
    for (const std::size_t e : text::sentence_ends(body.substr(w0, w1 - w0))) {
        if (w0 + e < w1 || w1 == upper) {
            cuts.push_back(w0 + e);
        }
    }
    for (auto next = std::upper_bound(cuts.begin(), cuts.end(), end);
         next != cuts.end() && *next - begin <= max_bytes; ++next) {
        end = *next;
    }
    for (auto prev = std::lower_bound(cuts.begin(), cuts.end(), begin);
         prev != cuts.begin() && end - *std::prev(prev) <= max_bytes; --prev) {
        begin = *std::prev(prev);
    }
    return {begin, end};
}

/// The passage may hold sentences no region covered (the paragraph after a heading, or
/// neighbours): it is analyzed whole for its highlights; it is at most max_bytes, or the one
/// long sentence cut below.
void match_uncovered(std::string_view body, Region passage, const std::vector<Region>& regions,
                     const SnippetTerms& terms, const analysis::Analyzer& analyzer,
                     std::vector<Match>& matches) {
    const std::size_t begin = passage.first;
    const std::size_t end = passage.second;
    const bool covered = std::any_of(regions.begin(), regions.end(), [&](const Region& r) {
        return r.first <= begin && end <= r.second;
    });
    if (covered) {
        return;
    }
    std::erase_if(matches, [&](const Match& x) { return x.begin >= begin && x.begin < end; });
    std::vector<Match> more;
    add_matches(body, passage, terms, analyzer, more);
    matches.insert(matches.end(), more.begin(), more.end());
    std::sort(matches.begin(), matches.end(),
              [](const Match& a, const Match& b) { return a.begin < b.begin; });
}

/// One long sentence: a window of max_bytes around its first match, cut on code points.
Snippet long_sentence_window(std::string_view body, Region passage,
                             const std::vector<Match>& matches, std::size_t max_bytes) {
    const std::size_t begin = passage.first;
    const std::size_t end = passage.second;
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

}  // namespace

Snippet make_snippet(std::string_view body, const SnippetTerms& terms,
                     const analysis::Analyzer& analyzer, std::size_t max_bytes) {
    return make_snippet(body, document::paragraphs(body, {}), terms, analyzer, max_bytes);
}

Passage make_passage(const std::vector<document::Heading>& headings, const Snippet& snippet) {
    Passage p;
    if (snippet.paragraph == 0) {
        return p;
    }
    p.paragraph = snippet.paragraph;
    // No heading lies inside a paragraph: those before the snippet's start enclose it.
    p.headings = document::heading_path(headings, snippet.body_offset);
    p.anchor = "p" + std::to_string(snippet.paragraph);
    return p;
}

Snippet make_snippet(std::string_view body, const std::vector<document::Paragraph>& paragraphs,
                     const SnippetTerms& terms, const analysis::Analyzer& analyzer,
                     std::size_t max_bytes) {
    std::vector<Match> matches;
    const std::vector<Region> regions = regions_to_analyze(body, paragraphs, terms);
    for (const Region& region : regions) {
        add_matches(body, region, terms, analyzer, matches);
    }
    Choice choice = best_sentence(body, paragraphs, regions, matches);
    move_below_heading(body, paragraphs, choice);
    // Its paragraph's bounds: the whole body when nothing matched.
    const Region bounds =
        choice.paragraph == no_paragraph
            ? Region{0, body.size()}
            : Region{paragraphs[choice.paragraph].begin, paragraphs[choice.paragraph].end};
    auto [begin, end] = grow_passage(body, choice.sentence, bounds, max_bytes);
    match_uncovered(body, {begin, end}, regions, terms, analyzer, matches);
    Snippet s = end - begin > max_bytes
                    ? long_sentence_window(body, {begin, end}, matches, max_bytes)
                    : copy_passage(body, text::skip_ascii_spaces(body, begin, end), end, matches,
                                   false, false);
    s.paragraph = choice.paragraph == no_paragraph ? 0 : choice.paragraph + 1;
    return s;
}

}  // namespace seisaku::search
