// SPDX-License-Identifier: MIT
// The bounded scan of a long body for the sentences a snippet reads, and the rule that
// ranks sentences.
#include <string.h>

#include <algorithm>
#include <iterator>

#include "search/snippet.hpp"
#include "search/snippet_scan.hpp"
#include "text/ascii.hpp"
#include "text/script_runs.hpp"
#include "text/width.hpp"

namespace seisaku::search {
namespace {

/// Bodies up to this size are analyzed whole for snippets.
constexpr std::size_t whole_body_bytes = 2 * 1024;
/// Larger ones: the sentences where a query term's letters occur (the first `max_windows`
/// occurrences of each term), at most `max_sentences` of them: those where the most different
/// terms occur; the opening sentence when none do. Then the passage chosen, when it reaches
/// past them. Nothing else of the body is normalized or analyzed, and its letters are only
/// searched: a 1 MB body costs little more than a 2 KB one. (Analysis was most of a search's
/// time: callgrind on corpus/ put 63% of instructions in make_snippet when bodies up to 64 KiB
/// were analyzed whole; perf over bench/latency-queries.tsv on 10,000 generated documents put
/// 50% there with 24 sentences analyzed, and after 8, 20% in normalizing and cutting whole
/// bodies into sentences. Analyzing 8, 4, 2 or 1 sentences gave in-process p95 12.4, 9.9,
/// 8.7 and 7.4 ms there. On 50,000 documents, 1 sentence against 2: the sum of per-query
/// best times over bench/latency-queries.tsv 324 → 298 ms, and of 590 hits' snippets 549
/// unchanged and 411 highlighted against 407.)
constexpr std::size_t max_windows = 16;
constexpr std::size_t max_sentences = 1;
/// Sentence ends are looked for this far around an occurrence, within its line.
constexpr std::size_t sentence_reach = 4096;

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// Where a term's letters occur: (offset, term number), sorted. `folded` is the body with
/// ASCII and full-width letters in lower case; each form counts at most max_windows times.
std::vector<std::pair<std::size_t, std::size_t>> letter_hits(std::string_view folded,
                                                             const SnippetTerms& terms) {
    std::vector<std::pair<std::size_t, std::size_t>> hits;
    for (const SnippetTerms::Letters& letters : terms.letters()) {
        for (const std::string& needle : letters.forms) {
            // Latin letters count at the start of a word only ("ai" is not in "said").
            const bool word_start = is_alnum(needle.front());
            std::size_t at = 0;
            for (std::size_t n = 0; n < max_windows;) {
                // memmem, not std::string::find: find stops at every byte equal to the
                // needle's first, and a Japanese needle's lead byte is in every character.
                const void* found =
                    ::memmem(folded.data() + at, folded.size() - at, needle.data(), needle.size());
                if (found == nullptr) {
                    break;
                }
                at = static_cast<std::size_t>(static_cast<const char*>(found) - folded.data());
                if (!word_start || at == 0 || !is_alnum(folded[at - 1])) {
                    for (const std::size_t number : letters.terms) {
                        hits.emplace_back(at, number);
                    }
                    ++n;
                }
                at += needle.size();
            }
        }
    }
    std::sort(hits.begin(), hits.end());
    return hits;
}

/// A sentence the letters occur in.
struct Candidate {
    Region sentence;
    std::vector<std::size_t> terms;  // which terms occur, each once
    SentenceRank rank;
};

/// The sentences the hits are in, in body order, each with its rank.
std::vector<Candidate> candidates_of(std::string_view body,
                                     const std::vector<document::Paragraph>& paragraphs,
                                     const std::vector<std::pair<std::size_t, std::size_t>>& hits) {
    std::vector<Candidate> candidates;
    for (const auto& [hit, term] : hits) {
        if (candidates.empty() || hit >= candidates.back().sentence.second) {
            const Region sentence = sentence_around(body, hit);
            const bool in_paragraph = paragraph_index(body, paragraphs, sentence.first,
                                                      sentence.second) != std::string::npos;
            candidates.push_back({sentence, {}, {0, 0, in_paragraph}});
        }
        Candidate& c = candidates.back();
        ++c.rank.occurrences;
        if (std::find(c.terms.begin(), c.terms.end(), term) == c.terms.end()) {
            c.terms.push_back(term);
            c.rank.distinct = c.terms.size();
        }
    }
    return candidates;
}

/// The best `max_sentences` candidates, in body order, overlapping ones merged.
std::vector<Region> best_regions(std::vector<Candidate> candidates) {
    if (candidates.size() > max_sentences) {
        std::stable_sort(
            candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.rank.better_than(b.rank); });
        candidates.resize(max_sentences);
        std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
            return a.sentence.first < b.sentence.first;
        });
    }
    std::vector<Region> regions;
    for (const Candidate& c : candidates) {
        if (!regions.empty() && c.sentence.first <= regions.back().second) {
            regions.back().second = std::max(regions.back().second, c.sentence.second);
        } else {
            regions.push_back(c.sentence);
        }
    }
    return regions;
}

}  // namespace

bool SentenceRank::better_than(const SentenceRank& other) const noexcept {
    if (distinct != other.distinct) {
        return distinct > other.distinct;
    }
    if (in_paragraph != other.in_paragraph) {
        return in_paragraph;
    }
    return occurrences > other.occurrences;
}

Region sentence_around(std::string_view body, std::size_t at) {
    std::size_t from = at;
    const std::size_t lowest = at > sentence_reach ? at - sentence_reach : 0;
    while (from > lowest && !text::is_sentence_end(body, from)) {
        --from;
    }
    std::size_t to = at + 1;
    const std::size_t highest = std::min(body.size(), at + sentence_reach);
    while (to < highest && !text::is_sentence_end(body, to)) {
        ++to;
    }
    return {from, std::min(to, body.size())};
}

std::size_t paragraph_index(std::string_view body,
                            const std::vector<document::Paragraph>& paragraphs, std::size_t from,
                            std::size_t to) {
    from = text::skip_ascii_spaces(body, from, to);
    const auto p =
        std::upper_bound(paragraphs.begin(), paragraphs.end(), from,
                         [](std::size_t x, const document::Paragraph& q) { return x < q.begin; });
    if (from == to || p == paragraphs.begin() || from >= std::prev(p)->end) {
        return std::string::npos;
    }
    return static_cast<std::size_t>(std::prev(p) - paragraphs.begin());
}

/// Large bodies: the `max_sentences` sentences where the most different terms' letters occur
/// (ASCII and full-width letters compared without case), ranked as the snippet ranks
/// sentences.
std::vector<Region> regions_to_analyze(std::string_view body,
                                       const std::vector<document::Paragraph>& paragraphs,
                                       const SnippetTerms& terms) {
    if (body.size() <= whole_body_bytes) {
        return {{0, body.size()}};
    }
    const auto hits = letter_hits(text::lower_ascii_and_full_width(body), terms);
    if (hits.empty()) {
        return {sentence_around(body, 0)};  // the opening, for a document nothing matches in
    }
    return best_regions(candidates_of(body, paragraphs, hits));
}

}  // namespace seisaku::search
