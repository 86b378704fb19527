// SPDX-License-Identifier: MIT
// The matches of a query's terms in a region of a body: English words through the analyzer,
// Japanese terms in the index's spelling of the text.
#include <string.h>

#include <algorithm>

#include "analysis/analyzer.hpp"
#include "analysis/japanese.hpp"
#include "schema/schema.hpp"
#include "search/snippet.hpp"
#include "search/snippet_scan.hpp"
#include "text/normalize.hpp"

namespace seisaku::search {
namespace {

/// A match in the NFKC text of a region.
struct Found {
    std::size_t begin;
    std::size_t end;
    std::string key;
    bool one_character;
};

/// The English words of `nfkc` that are query terms (or whose stems are).
void add_latin(std::string_view nfkc, const SnippetTerms& terms, const analysis::Analyzer& analyzer,
               std::vector<Found>& found) {
    static const std::string stem_prefix(schema::prefix_stem);
    static const std::string title_prefix(schema::prefix_title);
    for (const analysis::Token& t : analyzer.latin_words(nfkc)) {
        if (t.kind == analysis::TokenKind::Stop || t.end <= t.begin) {
            continue;
        }
        if (terms.terms().contains(t.term) || terms.terms().contains(title_prefix + t.term)) {
            found.push_back({t.begin, t.end, t.term, false});
        } else if (terms.terms().contains(stem_prefix + t.base)) {
            found.push_back({t.begin, t.end, t.base, false});
        }
    }
}

/// The end in `text` of the span that byte range [begin, end) of a mapped text came from: a
/// match may end inside a changed span (株式 of ㍿, バ of ヴァ), which it takes whole.
std::size_t mapped_end(const std::vector<std::size_t>& origin, std::size_t end) {
    std::size_t j = end;
    while (j + 1 < origin.size() && origin[j] <= origin[end - 1]) {
        ++j;
    }
    return origin[j];
}

/// The Japanese terms in `nfkc`, looked for in the index's spelling of it (analysis::
/// japanese_spelling: ヴァイオリン as バイオリン, 髙橋 as 高橋), so every spelling the index
/// folds together is highlighted; the ranges are on `nfkc`.
void add_japanese(std::string_view nfkc, const SnippetTerms& terms, std::vector<Found>& found) {
    if (terms.japanese().empty()) {
        return;
    }
    std::vector<std::size_t> origin;  // byte of `spelled` → byte of `nfkc`
    const std::string spelled = analysis::japanese_spelling(nfkc, &origin);
    for (const SnippetTerms::Japanese& japanese : terms.japanese()) {
        const std::string& needle = japanese.text;
        for (std::size_t at = 0; at < spelled.size();) {
            const void* hit =
                ::memmem(spelled.data() + at, spelled.size() - at, needle.data(), needle.size());
            if (hit == nullptr) {
                break;
            }
            const auto b = static_cast<std::size_t>(static_cast<const char*>(hit) - spelled.data());
            std::size_t e = b + needle.size();
            // A katakana term's final long mark is dropped in the index (サーバー → サーバ):
            // the highlight takes it in.
            if (japanese.katakana_end &&
                std::string_view(spelled).substr(e).starts_with(analysis::long_mark)) {
                e += analysis::long_mark.size();
            }
            found.push_back({origin[b], mapped_end(origin, e), needle,
                             japanese.one_character && !terms.only_single_characters()});
            at = b + needle.size();
        }
    }
}

/// Leftmost, then longest; none overlapping.
std::vector<Found> without_overlaps(std::vector<Found> found) {
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::vector<Found> kept;
    for (Found& f : found) {
        if (kept.empty() || f.begin >= kept.back().end) {
            kept.push_back(std::move(f));
        }
    }
    return kept;
}

}  // namespace

/// Matching runs on the region's NFKC form; the ranges are on `body` as written, so the
/// snippet shows ＤＦＦＴ or ﾃﾞｰﾀ as the author wrote them. English words go through the
/// analyzer's English path (stems and all); Japanese terms are looked for in the text, not
/// through MeCab: in a one-shot search process, MeCab on the snippets' sentences mapped 300
/// pages of its dictionary (2 ms of page faults on this machine) and took a quarter of an
/// in-process search's time. A term of one character counts only beside another match (会 in
/// 委員会, not in 会議), unless the query has no longer Japanese term; where two terms
/// overlap, the longer one counts (個人 over 個).
void add_matches(std::string_view body, Region region, const SnippetTerms& terms,
                 const analysis::Analyzer& analyzer, std::vector<Match>& matches) {
    const auto [from, to] = region;
    const text::MappedText n = text::normalize_mapped(body.substr(from, to - from));
    std::vector<Found> found;
    add_latin(n.text, terms, analyzer, found);
    add_japanese(n.text, terms, found);
    const std::vector<Found> kept = without_overlaps(std::move(found));
    const auto touches = [&](std::size_t i) {
        return (i > 0 && kept[i - 1].end == kept[i].begin) ||
               (i + 1 < kept.size() && kept[i + 1].begin == kept[i].end);
    };
    for (std::size_t i = 0; i < kept.size(); ++i) {
        const Found& f = kept[i];
        if (f.one_character && !touches(i)) {
            continue;
        }
        const std::size_t b = from + n.origin[f.begin];
        const std::size_t e = from + mapped_end(n.origin, f.end);
        if (!matches.empty() && b < matches.back().end) {
            continue;  // two matches from one changed span: highlight it once
        }
        matches.push_back({b, e, f.key});
    }
}

}  // namespace seisaku::search
