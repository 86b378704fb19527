// SPDX-License-Identifier: MIT
// @brief Our own snippets: the same Analyzer as the index finds the matched words, the
// passage is cut at sentence boundaries, highlights are byte ranges (whole morphemes).
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "search/results.hpp"

namespace seisaku::analysis {
class Analyzer;
}

namespace seisaku::search {

/// The terms of a query as the index spells them: plain (positional), Z (stem or base
/// form) and S (title) terms; other prefixes are ignored.
struct SnippetTerms {
    std::set<std::string> terms;
};

/// Target snippet length in bytes (about two English sentences, or 100 Japanese characters).
inline constexpr std::size_t snippet_bytes = 300;

/// Picks the sentence (and its neighbours, up to `max_bytes`) of `body` with the most
/// distinct matched terms, or the opening when nothing matches. `body` is the stored text as
/// written (valid UTF-8, not normalized): matching runs on its NFKC form, and the snippet
/// and highlights show the original characters.
[[nodiscard]] Snippet make_snippet(std::string_view body, const SnippetTerms& terms,
                                   const analysis::Analyzer& analyzer,
                                   std::size_t max_bytes = snippet_bytes);

}  // namespace seisaku::search
