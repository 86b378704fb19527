// SPDX-License-Identifier: MIT
// @brief Our own snippets: the query's terms are found in the text (English words through
// the Analyzer's English path, Japanese terms in the index's spelling of it), the passage is
// cut at sentence boundaries, highlights are byte ranges.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "document/outline.hpp"
#include "search/results.hpp"

namespace seisaku::analysis {
class Analyzer;
}

namespace seisaku::search {

/// The terms of a query as the index spells them: plain (positional), Z (stem or base
/// form) and S (title) terms; other prefixes are ignored. What a snippet looks for is
/// derived from them once, when a query is built, not for every hit.
class SnippetTerms {
  public:
    /// The letters of one or more terms to look for in a long body, as written and in
    /// full width (ＤＦＦ for dff), and which terms (numbers) share them.
    struct Letters {
        std::vector<std::string> forms;
        std::vector<std::size_t> terms;
    };
    /// A Japanese term as the index spells it (analysis::japanese_term), looked for in the
    /// same spelling of the text.
    struct Japanese {
        std::string text;
        bool one_character = false;
        bool katakana_end = false;  ///< the index drops a final long mark (サーバー → サーバ)
    };

    SnippetTerms(std::set<std::string> terms);  // NOLINT: implicit, SnippetTerms{{"dfft"}}

    [[nodiscard]] const std::set<std::string>& terms() const noexcept { return terms_; }
    [[nodiscard]] const std::vector<Letters>& letters() const noexcept { return letters_; }
    [[nodiscard]] const std::vector<Japanese>& japanese() const noexcept { return japanese_; }
    /// Every Japanese term is one character (then each counts wherever it stands).
    [[nodiscard]] bool only_single_characters() const noexcept { return only_single_; }

  private:
    std::set<std::string> terms_;
    std::vector<Letters> letters_;
    std::vector<Japanese> japanese_;
    bool only_single_ = true;
};

/// Target snippet length in bytes (about two English sentences, or 100 Japanese characters).
inline constexpr std::size_t snippet_bytes = 300;

/// Picks the sentence (and its neighbours, up to `max_bytes`) of `body` with the most
/// distinct matched terms, or the opening when nothing matches. `body` is the stored text as
/// written (valid UTF-8, not normalized): matching runs on its NFKC form, and the snippet
/// and highlights show the original characters.
///
/// The snippet comes from one paragraph (document::paragraphs of `body` and its headings):
/// the best sentence's, grown only within it; when the best sentence is a heading's, the
/// first paragraph after that heading, from its start. Snippet::paragraph names it (0 when
/// nothing matched: then the opening, as before, across paragraphs).
[[nodiscard]] Snippet make_snippet(std::string_view body,
                                   const std::vector<document::Paragraph>& paragraphs,
                                   const SnippetTerms& terms, const analysis::Analyzer& analyzer,
                                   std::size_t max_bytes = snippet_bytes);

/// make_snippet() of a body without headings (paragraphs separated by blank lines only).
[[nodiscard]] Snippet make_snippet(std::string_view body, const SnippetTerms& terms,
                                   const analysis::Analyzer& analyzer,
                                   std::size_t max_bytes = snippet_bytes);

/// The passage a snippet of a body with these headings comes from: its paragraph, the
/// headings that enclose it, and its anchor `pN`; empty when Snippet::paragraph is 0.
[[nodiscard]] Passage make_passage(const std::vector<document::Heading>& headings,
                                   const Snippet& snippet);

}  // namespace seisaku::search
