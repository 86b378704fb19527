// SPDX-License-Identifier: MIT
#include "search/snippet.hpp"

#include <algorithm>
#include <iterator>

#include "analysis/analyzer.hpp"
#include "schema/schema.hpp"
#include "text/normalize.hpp"
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

/// Bodies up to this size are analyzed whole for snippets.
constexpr std::size_t whole_body_bytes = 2 * 1024;
/// Larger ones: the opening sentence and the sentences where a query term's letters occur
/// (the first `max_windows` occurrences of each term), at most `max_sentences` of them: those
/// where the most different terms occur. Analysis is most of a search's time (callgrind,
/// `seisaku-search DFFT` on corpus/: 63% of instructions in make_snippet, 46% in the analyzer,
/// when bodies up to 64 KiB were analyzed whole; perf over bench/latency-queries.tsv on a
/// 10,000-document generated index: 50% in make_snippet with the first 24 such sentences).
constexpr std::size_t max_windows = 16;
constexpr std::size_t max_sentences = 8;

/// Byte ranges of `body` (NFKC) worth analyzing: all of it when small, else the opening and
/// windows around the first occurrences of each term's letters (an English stem without its
/// last letter, so "polici" finds "policy", ASCII compared without case; the first two
/// characters of a Japanese term, so 推進する finds 推進した). Bounds the analysis work per
/// hit whatever the document size.
std::vector<std::pair<std::size_t, std::size_t>> regions_to_analyze(std::string_view body,
                                                                    const SnippetTerms& terms) {
    if (body.size() <= whole_body_bytes) {
        return {{0, body.size()}};
    }
    std::string lower(body);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    std::vector<std::pair<std::size_t, std::size_t>> hits;  // (offset, which needle)
    std::size_t needle_number = 0;
    for (const std::string& term : terms.terms) {
        std::string_view needle(term);
        if (!needle.empty() && needle.front() >= 'A' && needle.front() <= 'Z') {
            needle.remove_prefix(1);  // Z, S, C prefixes
        }
        if (needle.size() > 3 && static_cast<unsigned char>(needle.back()) < 0x80) {
            needle.remove_suffix(1);
        } else if (!needle.empty() && static_cast<unsigned char>(needle.front()) >= 0x80) {
            std::size_t two = 0;  // Japanese: inflection changes the end, not the start
            (void)text::next_code_point(needle, two);
            if (two < needle.size()) {
                (void)text::next_code_point(needle, two);
            }
            needle = needle.substr(0, two);
        }
        if (needle.size() < 2 && !(needle.size() == 1 && needle[0] >= '0' && needle[0] <= '9')) {
            continue;
        }
        std::size_t at = 0;
        for (std::size_t n = 0; n < max_windows; ++n) {
            at = lower.find(needle, at);
            if (at == std::string::npos) {
                break;
            }
            hits.emplace_back(at, needle_number);
            at += needle.size();
        }
        ++needle_number;
    }
    std::sort(hits.begin(), hits.end());
    // The sentences the hits are in (the snippet is cut at sentence ends anyway), ranked as
    // the snippet will rank them, by different terms and then by occurrences; the best
    // `max_sentences` of them, and the opening sentence for a document nothing matches in.
    struct Candidate {
        std::size_t from = 0;
        std::size_t to = 0;
        std::vector<std::size_t> needles;  // which needles occur, each once
        std::size_t occurrences = 0;
    };
    const std::vector<std::size_t> ends = text::sentence_ends(body);
    std::vector<Candidate> candidates;
    for (const auto& [hit, needle] : hits) {
        const auto end = std::upper_bound(ends.begin(), ends.end(), hit);
        if (end == ends.end()) {
            break;
        }
        const std::size_t from = end == ends.begin() ? 0 : *(end - 1);
        if (candidates.empty() || candidates.back().from != from) {
            candidates.push_back({from, *end, {}, 0});
        }
        Candidate& c = candidates.back();
        ++c.occurrences;
        if (std::find(c.needles.begin(), c.needles.end(), needle) == c.needles.end()) {
            c.needles.push_back(needle);
        }
    }
    if (candidates.size() > max_sentences) {
        std::stable_sort(
            candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
                return a.needles.size() != b.needles.size() ? a.needles.size() > b.needles.size()
                                                            : a.occurrences > b.occurrences;
            });
        candidates.resize(max_sentences);
        std::sort(candidates.begin(), candidates.end(),
                  [](const Candidate& a, const Candidate& b) { return a.from < b.from; });
    }
    std::vector<std::pair<std::size_t, std::size_t>> regions = {{0, ends.front()}};
    for (const Candidate& c : candidates) {
        if (c.from <= regions.back().second) {
            regions.back().second = std::max(regions.back().second, c.to);
        } else {
            regions.emplace_back(c.from, c.to);
        }
    }
    return regions;
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
    const std::string stem_prefix(schema::prefix_stem);
    const std::string title_prefix(schema::prefix_title);
    // The body is stored as written; the analyzer sees its NFKC form, and each token's range
    // is mapped back, so the snippet shows ＤＦＦＴ or ﾃﾞｰﾀ as the author wrote them.
    const text::MappedText n = text::normalize_mapped(body);
    for (const auto& [from, to] : regions_to_analyze(n.text, terms)) {
        for (analysis::Token t :
             analyzer.analyze(std::string_view(n.text).substr(from, to - from))) {
            t.begin += from;
            t.end += from;
            if (t.kind == analysis::TokenKind::Stop || t.end <= t.begin) {
                continue;
            }
            std::size_t j = t.end;  // a token may end inside a changed span (株式 of ㍿)
            while (j + 1 < n.origin.size() && n.origin[j] <= n.origin[t.end - 1]) {
                ++j;
            }
            const std::size_t b = n.origin[t.begin];
            const std::size_t e = n.origin[j];
            if (!matches.empty() && b < matches.back().end) {
                continue;  // two tokens from one changed span: highlight it once
            }
            if (terms.terms.contains(t.term) || terms.terms.contains(title_prefix + t.term)) {
                matches.push_back({b, e, t.term});
            } else if (terms.terms.contains(stem_prefix + t.base)) {
                matches.push_back({b, e, t.base});
            }
        }
    }

    // Score sentences by distinct matched words, then by matches. A sentence never spans
    // lines, so it lies in one paragraph (or on a heading's line, or blank lines): on equal
    // scores a paragraph's sentence wins over a heading's.
    const std::vector<std::size_t> ends = text::sentence_ends(body);
    constexpr std::size_t no_paragraph = std::string::npos;
    const auto sentence_start = [&](std::size_t i) { return i == 0 ? 0 : ends[i - 1]; };
    const auto paragraph_of = [&](std::size_t i) {
        std::size_t at = sentence_start(i);
        while (at < ends[i] && is_space(body[at])) {
            ++at;
        }
        const auto p = std::upper_bound(
            paragraphs.begin(), paragraphs.end(), at,
            [](std::size_t x, const document::Paragraph& q) { return x < q.begin; });
        if (at == ends[i] || p == paragraphs.begin() || at >= std::prev(p)->end) {
            return no_paragraph;
        }
        return static_cast<std::size_t>(std::prev(p) - paragraphs.begin());
    };
    std::size_t best = 0;
    std::size_t best_score = 0;
    std::size_t paragraph = no_paragraph;
    auto m = matches.begin();
    for (std::size_t i = 0; i < ends.size(); ++i) {
        std::set<std::string_view> distinct;
        std::size_t count = 0;
        for (; m != matches.end() && m->begin < ends[i]; ++m) {
            distinct.insert(m->key);
            ++count;
        }
        const std::size_t score = distinct.size() * 1000 + std::min<std::size_t>(count, 999);
        if (score == 0 || score < best_score) {
            continue;
        }
        const std::size_t in = paragraph_of(i);
        if (score > best_score || (in != no_paragraph && paragraph == no_paragraph)) {
            best_score = score;
            best = i;
            paragraph = in;
        }
    }
    // The best sentence is a heading's: the passage is the first paragraph after it.
    if (best_score > 0 && paragraph == no_paragraph) {
        for (std::size_t i = best + 1; i < ends.size(); ++i) {
            paragraph = paragraph_of(i);
            if (paragraph != no_paragraph) {
                best = i;
                break;
            }
        }
    }
    // Its bounds: the whole body when nothing matched.
    const std::size_t lower = paragraph == no_paragraph ? 0 : paragraphs[paragraph].begin;
    const std::size_t upper = paragraph == no_paragraph ? body.size() : paragraphs[paragraph].end;

    // Grow the passage from the best sentence, within the paragraph: forward, then backward.
    std::size_t begin = std::max(sentence_start(best), lower);
    std::size_t end = std::min(ends[best], upper);
    std::size_t next = best + 1;
    while (next < ends.size() && ends[next - 1] < upper && ends[next] - begin <= max_bytes) {
        end = std::min(ends[next++], upper);
    }
    std::size_t prev = best;
    while (prev > 0 && sentence_start(prev - 1) >= lower &&
           end - sentence_start(prev - 1) <= max_bytes) {
        begin = sentence_start(--prev);
    }
    const std::size_t number = paragraph == no_paragraph ? 0 : paragraph + 1;
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
        Snippet s = copy_passage(body, from, from + window.size(), matches, from > 0,
                                 from + window.size() < body.size());
        s.paragraph = number;
        return s;
    }
    while (begin < end && is_space(body[begin])) {
        ++begin;
    }
    Snippet s = copy_passage(body, begin, end, matches, false, false);
    s.paragraph = number;
    return s;
}

}  // namespace seisaku::search
