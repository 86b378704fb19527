// SPDX-License-Identifier: MIT
// @brief The one Analyzer: text in, tokens out. The indexer, the query builder and the
// snippet code all call it, so index-time and query-time analysis cannot drift apart.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/token.hpp"

namespace seisaku::analysis {

class MecabTagger;

/// Version of the analysis rules, recorded in every index; bump it when tokens change.
inline constexpr std::string_view analyzer_version = "3";

struct AnalyzerOptions {
    std::string mecab_dicdir;  ///< empty: Debian's mecab-ipadic-utf8
    /// seisaku's compiled user dictionary of policy terms; empty: the one this build made
    /// (default_user_dictionary()), "none": no user dictionary.
    std::string user_dictionary;
    /// Load MeCab's dictionaries when the first Japanese text comes, not in the constructor
    /// (which still checks that the files are there): a one-shot search whose query and
    /// snippets hold no Japanese then never maps them. seisaku-search and seisaku.cgi.
    bool load_on_first_use = false;
};

/// Where this build wrote the user dictionary made from corpus/glossary.tsv.
[[nodiscard]] std::string default_user_dictionary();

/// The one analyzer of indexing, queries and snippets. Shareable between threads: every
/// method is const and thread safe (MeCab parses into a lattice per call, the English stemmer
/// is per thread), so a program loads MeCab's dictionaries once, whatever its threads.
class Analyzer {
  public:
    /// Loads MeCab; throws SetupError when the dictionary is missing or not UTF-8.
    explicit Analyzer(const AnalyzerOptions& options = {});
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    /// Tokens of `text` (the output of text::prepare()), positions starting at `first_position`.
    /// Latin and digit runs take the English path; kana and kanji runs go to MeCab in chunks.
    /// Stop tokens are included (kind Stop) so callers see the position gaps they leave.
    [[nodiscard]] std::vector<Token> analyze(std::string_view text,
                                             std::uint32_t first_position = 0) const;

    /// The English-path tokens of analyze() alone (Latin letters and digits, whatever script
    /// surrounds them; positions not counted), with no call to MeCab: what snippets need of
    /// a text to highlight its words (Japanese terms are found there as written).
    [[nodiscard]] std::vector<Token> latin_words(std::string_view text) const;

    /// Forms of an English-path token's term that share its stem (cable → cable, cables),
    /// the term first; other tokens give just their term.
    [[nodiscard]] std::vector<std::string> same_stem_forms(const Token& token) const;

    /// The Japanese dictionary's name, recorded in the index ("ipadic-utf8").
    [[nodiscard]] const std::string& dictionary_name() const noexcept;

  private:
    std::vector<Token> analyze_runs(std::string_view text, std::uint32_t first_position,
                                    bool japanese) const;

    std::unique_ptr<MecabTagger> mecab_;
};

/// A Japanese compound: a maximal run of nouns, and Latin words glued to them, with nothing
/// between them in the text (デジタル庁 in デジタル庁の設置; AI推進法) or only a middle dot
/// between katakana words (データ・フリー・フロー = データフリーフロー). Indexed as one term,
/// so a query for a compound ranks text where it stands alone above longer compounds that
/// contain it (デジタル庁 above デジタル庁設置法).
struct Compound {
    std::size_t first = 0;  ///< index of its first token
    std::size_t last = 0;   ///< index of its last token
    std::string key;        ///< the tokens' terms joined without spaces
};

/// The compounds among `tokens` (an analyze() result), single nouns included.
[[nodiscard]] std::vector<Compound> compounds(const std::vector<Token>& tokens);

/// Whether two tokens that follow each other form a noun pair: both nouns or Latin words, at
/// least one a noun, with nothing between them in the text but a middle dot joining katakana
/// words, as in a compound (個人|データ and 第三者|提供 in 個人データの第三者提供, not across
/// の: those pairs doubled the P postings, 9% of all postings to 19%, for little). The index
/// holds a P term for each, so a Japanese phrase need check positions only in documents
/// holding all its pairs.
[[nodiscard]] bool is_noun_pair(const Token& a, const Token& b);

/// The key of a noun pair, as its P term holds it: "a b".
[[nodiscard]] std::string noun_pair_key(const Token& a, const Token& b);

/// noun_pair_key() of each noun pair of consecutive tokens of `tokens`.
[[nodiscard]] std::vector<std::string> noun_pairs(const std::vector<Token>& tokens);

/// Character bigrams of the katakana stretches of `text`, spelling folded.
[[nodiscard]] std::vector<std::string> japanese_bigrams(std::string_view text);

/// The matching key of a name (term bank, user dictionary): its analyzed terms, stop tokens
/// left out, joined by spaces (ＧＤＰＲ → "gdpr", データ・スペース → "データ スペース").
[[nodiscard]] std::string name_key(std::string_view text, const Analyzer& analyzer);

/// True for tokens a natural-language query may drop when it has other terms: English
/// function words (the, of, what) and Japanese ones (する, こと, 何).
[[nodiscard]] bool is_query_stopword(const Token& token);

}  // namespace seisaku::analysis
