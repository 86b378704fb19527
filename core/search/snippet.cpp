// SPDX-License-Identifier: MIT
#include "search/snippet.hpp"

#include <string.h>

#include <algorithm>
#include <iterator>
#include <set>

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

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
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

/// `body` with A-Z and their full-width forms Ａ-Ｚ in lower case (same byte lengths).
std::string fold_ascii_case(std::string_view body) {
    std::string out(body);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') {
            out[i] = static_cast<char>(c - 'A' + 'a');
        } else if (c == 0xEF && i + 2 < out.size() &&
                   static_cast<unsigned char>(out[i + 1]) == 0xBC &&
                   static_cast<unsigned char>(out[i + 2]) >= 0xA1 &&
                   static_cast<unsigned char>(out[i + 2]) <= 0xBA) {
            out[i + 1] = static_cast<char>(0xBD);  // U+FF21.. → U+FF41..
            out[i + 2] = static_cast<char>(static_cast<unsigned char>(out[i + 2]) - 0x20);
            i += 2;
        }
    }
    return out;
}

/// The full-width form of an ASCII needle (ＤＦＦ for dff), as Japanese text often writes
/// Latin letters and digits; empty when it has other characters.
std::string full_width(std::string_view needle) {
    std::string out;
    for (const char c : needle) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F) {
            return {};
        }
        text::append_code_point(out, static_cast<char32_t>(0xFF01 + (u - 0x21)));
    }
    return out;
}

/// The letters to look for of each term (in order), terms with the same letters together
/// (個人 and Z個人, dfft and Sdfft): an English stem without its last letter, so "polici"
/// finds "policy" (and its full-width form); the first two characters of a Japanese term,
/// so 推進する finds 推進した.
std::vector<SnippetTerms::Letters> letters_of(const std::set<std::string>& terms) {
    std::vector<SnippetTerms::Letters> out;
    std::size_t number = 0;
    for (const std::string& term : terms) {
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
        const auto same = std::find_if(out.begin(), out.end(),
                                       [&](const auto& l) { return l.forms.front() == needle; });
        if (same != out.end()) {
            same->terms.push_back(number++);  // searched once, counted as its own term
            continue;
        }
        std::vector<std::string> forms = {std::string(needle)};
        if (std::string wide = full_width(needle); !wide.empty()) {
            forms.push_back(std::move(wide));
        }
        out.push_back({std::move(forms), {number++}});
    }
    return out;
}

/// The sentence of `body` around `at`, as text::sentence_ends cuts the whole body, looked for
/// at most sentence_reach bytes either side (a longer sentence is cut there).
std::pair<std::size_t, std::size_t> sentence_around(std::string_view body, std::size_t at) {
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

/// The paragraph (index into `paragraphs`) that the sentence body[from, to) is in; npos for a
/// heading's line or blank lines.
std::size_t paragraph_index(std::string_view body,
                            const std::vector<document::Paragraph>& paragraphs, std::size_t from,
                            std::size_t to) {
    while (from < to && is_space(body[from])) {
        ++from;
    }
    const auto p =
        std::upper_bound(paragraphs.begin(), paragraphs.end(), from,
                         [](std::size_t x, const document::Paragraph& q) { return x < q.begin; });
    if (from == to || p == paragraphs.begin() || from >= std::prev(p)->end) {
        return std::string::npos;
    }
    return static_cast<std::size_t>(std::prev(p) - paragraphs.begin());
}

/// Byte ranges of `body` worth analyzing, each whole sentences: all of it when small, else
/// the `max_sentences` sentences where the most different terms' letters occur (ASCII and
/// full-width letters compared without case; then a paragraph's sentence before a heading's,
/// then by occurrences), or the opening sentence when none occur. Bounds the work per
/// hit whatever the document size.
std::vector<std::pair<std::size_t, std::size_t>> regions_to_analyze(
    std::string_view body, const std::vector<document::Paragraph>& paragraphs,
    const SnippetTerms& terms) {
    if (body.size() <= whole_body_bytes) {
        return {{0, body.size()}};
    }
    const std::string folded = fold_ascii_case(body);
    std::vector<std::pair<std::size_t, std::size_t>> hits;  // (offset, which needle)
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
    // The sentences the hits are in, ranked as the snippet will rank them, by different
    // terms and then by occurrences.
    struct Candidate {
        std::size_t from = 0;
        std::size_t to = 0;
        std::vector<std::size_t> needles;  // which needles occur, each once
        std::size_t occurrences = 0;
        bool in_paragraph = false;  // not a heading's line
    };
    std::vector<Candidate> candidates;
    for (const auto& [hit, needle] : hits) {
        if (candidates.empty() || hit >= candidates.back().to) {
            const auto [from, to] = sentence_around(body, hit);
            candidates.push_back(
                {from,
                 to,
                 {},
                 0,
                 paragraph_index(body, paragraphs, from, to) != std::string::npos});
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
                if (a.needles.size() != b.needles.size()) {
                    return a.needles.size() > b.needles.size();
                }
                if (a.in_paragraph != b.in_paragraph) {
                    return a.in_paragraph;  // as the snippet prefers them on equal scores
                }
                return a.occurrences > b.occurrences;
            });
        candidates.resize(max_sentences);
        std::sort(candidates.begin(), candidates.end(),
                  [](const Candidate& a, const Candidate& b) { return a.from < b.from; });
    }
    if (candidates.empty()) {
        return {sentence_around(body, 0)};  // the opening, for a document nothing matches in
    }
    std::vector<std::pair<std::size_t, std::size_t>> regions;
    for (const Candidate& c : candidates) {
        if (!regions.empty() && c.from <= regions.back().second) {
            regions.back().second = std::max(regions.back().second, c.to);
        } else {
            regions.emplace_back(c.from, c.to);
        }
    }
    return regions;
}

/// The query's Japanese terms as they are written in NFKC text: a term's text after its
/// prefix letter, when it begins with a non-ASCII character and is one word (not a P pair).
/// C compounds are left out: their words are terms too, and counted one by one they rank a
/// sentence with the whole compound above one with a single word of it.
std::vector<SnippetTerms::Japanese> japanese_of(const std::set<std::string>& terms) {
    std::set<std::string_view> texts;
    for (const std::string& term : terms) {
        std::string_view t(term);
        if (t.starts_with(schema::prefix_compound)) {
            continue;
        }
        if (!t.empty() && t.front() >= 'A' && t.front() <= 'Z') {
            t.remove_prefix(1);
        }
        if (!t.empty() && static_cast<unsigned char>(t.front()) >= 0x80 &&
            t.find(' ') == std::string_view::npos) {
            texts.insert(t);
        }
    }
    std::vector<SnippetTerms::Japanese> out;
    for (const std::string_view t : texts) {
        out.push_back(
            {std::string(t), text::length(t) == 1, text::is_katakana(text::last_code_point(t))});
    }
    return out;
}

/// The matches of the query's terms in `body[from, to)`, found in its NFKC form; the ranges
/// are on `body` as written, so the snippet shows ＤＦＦＴ or ﾃﾞｰﾀ as the author wrote
/// them. English words go through the analyzer's English path (stems and all); Japanese
/// terms are looked for as written, not through MeCab: in a one-shot search process,
/// MeCab on the snippets' sentences mapped 300 pages of its dictionary (2 ms of page faults
/// on this machine) and took a quarter of an in-process search's time. A term of one
/// character counts only beside another match (会 in 委員会, not in 会議), unless the query
/// has no longer Japanese term; where two terms overlap, the longer one counts (個人 over 個).
void add_matches(std::string_view body, std::size_t from, std::size_t to, const SnippetTerms& terms,
                 const analysis::Analyzer& analyzer, std::vector<Match>& matches) {
    static const std::string stem_prefix(schema::prefix_stem);
    static const std::string title_prefix(schema::prefix_title);
    const text::MappedText n = text::normalize_mapped(body.substr(from, to - from));
    struct Found {
        std::size_t begin;  // in n.text
        std::size_t end;
        std::string key;
        bool one_character;
    };
    std::vector<Found> found;
    for (const analysis::Token& t : analyzer.latin_words(n.text)) {
        if (t.kind == analysis::TokenKind::Stop || t.end <= t.begin) {
            continue;
        }
        if (terms.terms().contains(t.term) || terms.terms().contains(title_prefix + t.term)) {
            found.push_back({t.begin, t.end, t.term, false});
        } else if (terms.terms().contains(stem_prefix + t.base)) {
            found.push_back({t.begin, t.end, t.base, false});
        }
    }
    static constexpr std::string_view long_mark = "ー";
    for (const SnippetTerms::Japanese& japanese : terms.japanese()) {
        const std::string& needle = japanese.text;
        for (std::size_t at = 0; at < n.text.size();) {
            const void* hit =
                ::memmem(n.text.data() + at, n.text.size() - at, needle.data(), needle.size());
            if (hit == nullptr) {
                break;
            }
            const auto b = static_cast<std::size_t>(static_cast<const char*>(hit) - n.text.data());
            std::size_t e = b + needle.size();
            // A katakana term's final long mark is dropped in the index (サーバー → サーバ):
            // the highlight takes it in.
            if (japanese.katakana_end &&
                std::string_view(n.text).substr(e).starts_with(long_mark)) {
                e += long_mark.size();
            }
            found.push_back(
                {b, e, needle, japanese.one_character && !terms.only_single_characters()});
            at = b + needle.size();
        }
    }
    // Leftmost, then longest; none overlapping.
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::vector<Found> kept;
    for (Found& f : found) {
        if (kept.empty() || f.begin >= kept.back().end) {
            kept.push_back(std::move(f));
        }
    }
    const auto touches = [&](std::size_t i) {
        return (i > 0 && kept[i - 1].end == kept[i].begin) ||
               (i + 1 < kept.size() && kept[i + 1].begin == kept[i].end);
    };
    for (std::size_t i = 0; i < kept.size(); ++i) {
        const Found& f = kept[i];
        if (f.one_character && !touches(i)) {
            continue;
        }
        std::size_t j = f.end;  // a match may end inside a changed span (株式 of ㍿)
        while (j + 1 < n.origin.size() && n.origin[j] <= n.origin[f.end - 1]) {
            ++j;
        }
        const std::size_t b = from + n.origin[f.begin];
        const std::size_t e = from + n.origin[j];
        if (!matches.empty() && b < matches.back().end) {
            continue;  // two matches from one changed span: highlight it once
        }
        matches.push_back({b, e, f.key});
    }
}

}  // namespace

SnippetTerms::SnippetTerms(std::set<std::string> terms)
    : terms_(std::move(terms)), letters_(letters_of(terms_)), japanese_(japanese_of(terms_)) {
    only_single_ = std::all_of(japanese_.begin(), japanese_.end(),
                               [](const Japanese& j) { return j.one_character; });
}

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
    const std::vector<std::pair<std::size_t, std::size_t>> regions =
        regions_to_analyze(body, paragraphs, terms);
    for (const auto& [from, to] : regions) {
        add_matches(body, from, to, terms, analyzer, matches);
    }

    // Score the regions' sentences by distinct matched words, then by matches. A sentence
    // never spans lines, so it lies in one paragraph (or on a heading's line, or blank
    // lines): on equal scores a paragraph's sentence wins over a heading's.
    constexpr std::size_t no_paragraph = std::string::npos;
    const auto paragraph_of = [&](std::size_t from, std::size_t to) {
        return paragraph_index(body, paragraphs, from, to);
    };
    std::pair<std::size_t, std::size_t> best = sentence_around(body, 0);
    std::size_t best_score = 0;
    std::size_t paragraph = no_paragraph;
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
            const std::size_t score = distinct.size() * 1000 + std::min<std::size_t>(count, 999);
            if (score > 0 && score >= best_score) {
                const std::size_t in = paragraph_of(start, end);
                if (score > best_score || (in != no_paragraph && paragraph == no_paragraph)) {
                    best_score = score;
                    best = {start, end};
                    paragraph = in;
                }
            }
            start = end;
        }
    }
    // The best sentence is a heading's: the passage is the first paragraph after it, from
    // its first sentence.
    if (best_score > 0 && paragraph == no_paragraph) {
        const auto next = std::lower_bound(
            paragraphs.begin(), paragraphs.end(), best.second,
            [](const document::Paragraph& q, std::size_t x) { return q.begin < x; });
        if (next != paragraphs.end()) {
            paragraph = static_cast<std::size_t>(next - paragraphs.begin());
            best = {next->begin, sentence_around(body, next->begin).second};
        }
    }
    // Its bounds: the whole body when nothing matched.
    const std::size_t lower = paragraph == no_paragraph ? 0 : paragraphs[paragraph].begin;
    const std::size_t upper = paragraph == no_paragraph ? body.size() : paragraphs[paragraph].end;

    // Grow the passage from the best sentence, within the paragraph: forward, then backward,
    // over the sentence ends around it (those of a window of max_bytes either side, the
    // window's own edges left out unless they are the paragraph's).
    std::size_t begin = std::max(best.first, lower);
    std::size_t end = std::min(best.second, upper);
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
    const std::size_t number = paragraph == no_paragraph ? 0 : paragraph + 1;
    // The passage may hold sentences no region covered (the paragraph after a heading, or
    // neighbours): analyze it whole for its highlights; it is at most max_bytes, or the one
    // long sentence cut below.
    const bool covered = std::any_of(regions.begin(), regions.end(), [&](const auto& r) {
        return r.first <= begin && end <= r.second;
    });
    if (!covered) {
        std::erase_if(matches, [&](const Match& x) { return x.begin >= begin && x.begin < end; });
        std::vector<Match> more;
        add_matches(body, begin, end, terms, analyzer, more);
        matches.insert(matches.end(), more.begin(), more.end());
        std::sort(matches.begin(), matches.end(),
                  [](const Match& a, const Match& b) { return a.begin < b.begin; });
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
