// SPDX-License-Identifier: MIT
// @brief Every weight that shapes a query or re-ranks its hits, in one place, each with why.
// The measurements that chose them are in docs/ranking.md (tests/relevance nDCG@10,
// ../shared/corpus-real, the 50,000-document latency index); change one only with them.
#pragma once

#include <cstddef>

namespace seisaku::query::tuning {

// --- Query building -------------------------------------------------------------------

/// A term-bank name (acronym, other language) weighs this share of the words typed: high
/// enough that a query in one language finds the other, low enough that the words win.
inline constexpr double expansion_weight = 0.6;
/// A clause translated word by word through the general lexicon weighs this share of a
/// term-bank name (expansion_weight): a dictionary's senses are less sure than a name.
inline constexpr double translation_share = 0.8;
/// An English clause's Japanese translation weighs this much more: Japanese pages score lower
/// on translated words (one group of many morphemes) than English pages on translated words.
/// corpus-real cross-en-ja nDCG@10 0.555 -> 0.589 (en 0.877 -> 0.871), corpus/ all 0.918 ->
/// 0.919; 1.5 lowered corpus/ acronym; the same boost from Japanese lowered ja and width.
inline constexpr double english_translation_boost = 1.25;
/// A query whose translation has this many words or spans is a question: each translated
/// word then weighs question_translation_share, as many loose senses drowned the answer
/// (corpus/ question nDCG 0.79 -> 0.86, corpus-real cross types unchanged).
inline constexpr std::size_t question_spans = 5;
inline constexpr double question_translation_share = 0.5;
/// The whole-compound C term beside a compound's words: orders a compound standing alone
/// above longer ones holding it, without outweighing the words.
inline constexpr double compound_weight = 0.1;
/// A long compound's parts found anywhere in a document (no phrase): finds text that has the
/// compound in pieces, below text that has it whole.
inline constexpr double compound_parts_weight = 0.3;
/// Compounds of at least this many words also search their parts anywhere: fewer cost the
/// AND of frequent parts for no gain in quality.
inline constexpr std::size_t min_parts_words = 4;
/// The other forms of a word in a phrase or NEAR (semiconductors for semiconductor), and the
/// other number of a name's last word: found, but the form typed keeps its lead.
inline constexpr double other_form_weight = 0.5;
/// Soft AND applies to at most this many clauses side by side; longer queries are questions,
/// where requiring every word over-weights the generic ones, and use OR.
inline constexpr std::size_t max_soft_and_clauses = 3;
/// Character bigrams of Japanese words, used only when the words found nothing: always on,
/// they lowered quality; as a fallback they find what MeCab cut differently.
inline constexpr double bigram_fallback_weight = 1.0;

// --- Re-ranking (search/rerank) --------------------------------------------------------

/// Hits below this share of the best score are not moved by language balancing: a fifth let
/// pages sharing one word of four into the first places; above a third, so none is.
inline constexpr double balance_ratio = 0.36;
/// ... except the best hit of the other language, from this share, when it matches every
/// concept of the query (each top-level clause, through a word, a form, another name or a
/// translation). With the lexicon's translations a fifth let pages matching every concept
/// loosely in (ﾃﾞｰﾀ人材: an AI Act article at 0.32 of the best); 0.3 keeps every type at or
/// above issue 15 on both corpora.
inline constexpr double balance_covered_ratio = 0.3;
/// Balancing, grouping and the recency boost look at this many top hits, so every page of a
/// query sees the same order: as good as 100 for every query type, and faster.
inline constexpr std::size_t balance_depth = 60;
/// Largest share of a score the recency boost adds (a document dated like the newest hit
/// gets +10%): enough to order near-equal hits, never to lift a weak match over a strong one.
inline constexpr double recency_boost = 0.1;
/// The recency boost halves every this many years of age, counted from the newest top hit.
inline constexpr double recency_half_life_years = 2.0;

}  // namespace seisaku::query::tuning
