// SPDX-License-Identifier: MIT
// @brief The parts of a snippet before its passage is cut: where the query's terms occur in a
// body (for a long one, first the sentences worth reading) and the one rule ranking sentences.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document/outline.hpp"

namespace seisaku::analysis {
class Analyzer;
}

namespace seisaku::search {

class SnippetTerms;

/// A matched word of a body: its byte range as written.
struct Match {
    std::size_t begin;
    std::size_t end;
    std::string key;  ///< what counts as "the same word" for ranking
};

/// A byte range [first, second) of a body.
using Region = std::pair<std::size_t, std::size_t>;

/// How a sentence ranks for the snippet, the same while scanning a long body and when
/// choosing the snippet's sentence.
struct SentenceRank {
    std::size_t distinct = 0;     ///< different terms (or words) matched in it
    std::size_t occurrences = 0;  ///< all their occurrences
    bool in_paragraph = false;    ///< not a heading's line

    /// More different terms, then a paragraph's sentence before a heading's, then more
    /// occurrences; of equal ranks the first in the body wins (so this is strict). (Until
    /// this rule served both, choosing the snippet's sentence put occurrences before the
    /// paragraph. Over corpus/ and corpus-real, the 126 queries of bench/latency-queries.tsv
    /// and tests/relevance gave the same 252 result lists in this order; in the other, 7
    /// differed.)
    [[nodiscard]] bool better_than(const SentenceRank& other) const noexcept;
};

/// The sentence of `body` around `at`, as text::sentence_ends cuts the whole body, looked for
/// at most a few KB either side (a longer sentence is cut there).
[[nodiscard]] Region sentence_around(std::string_view body, std::size_t at);

/// The paragraph (index into `paragraphs`) that the sentence body[from, to) is in; npos for a
/// heading's line or blank lines.
[[nodiscard]] std::size_t paragraph_index(std::string_view body,
                                          const std::vector<document::Paragraph>& paragraphs,
                                          std::size_t from, std::size_t to);

/// Byte ranges of `body` worth analyzing, each whole sentences: all of it when small, else
/// the sentences where the most different terms' letters occur, or the opening sentence when
/// none occur. Bounds the work per hit whatever the document size.
[[nodiscard]] std::vector<Region> regions_to_analyze(
    std::string_view body, const std::vector<document::Paragraph>& paragraphs,
    const SnippetTerms& terms);

/// Appends the matches of the query's terms in body[region) to `matches`, in order.
void add_matches(std::string_view body, Region region, const SnippetTerms& terms,
                 const analysis::Analyzer& analyzer, std::vector<Match>& matches);

}  // namespace seisaku::search
