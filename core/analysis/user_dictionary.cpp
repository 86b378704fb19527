// SPDX-License-Identifier: MIT
#include "analysis/user_dictionary.hpp"

#include <limits>
#include <map>
#include <set>
#include <string_view>

#include "analysis/japanese.hpp"
#include "analysis/mecab_tagger.hpp"
#include "text/normalize.hpp"
#include "text/script_runs.hpp"
#include "text/utf8.hpp"

namespace seisaku::analysis {
namespace {

/// MeCab's cost of our entries: low, so a policy name wins over MeCab's guesses for its
/// pieces (IPADIC's own nouns cost 3000-9000).
constexpr int entry_cost = 500;

constexpr std::size_t min_split_word = 3;  ///< code points of a part cut from a katakana word
constexpr std::size_t min_split_whole = 6;

bool noun_like(const Morpheme& m) {
    return m.unknown || m.part_of_speech == "名詞" || m.part_of_speech == "接頭詞";
}

/// Code points of `s` as byte offsets, its end included.
std::vector<std::size_t> code_point_starts(std::string_view s) {
    std::vector<std::size_t> starts;
    std::size_t pos = 0;
    while (pos < s.size()) {
        starts.push_back(pos);
        (void)text::next_code_point(s, pos);
    }
    starts.push_back(s.size());
    return starts;
}

class KatakanaSplitter {
  public:
    KatakanaSplitter(const MecabTagger& system, std::set<std::string> glossary_words)
        : system_(system), glossary_words_(std::move(glossary_words)) {}

    /// The parts of an unknown katakana word: the fewest known words of 3+ characters that
    /// make it up, each as the system dictionary segments it alone (so a query for it finds
    /// it), or just the word when there are none.
    std::vector<std::string> split(const std::string& word) {
        const std::vector<std::size_t> at = code_point_starts(word);
        const std::size_t n = at.size() - 1;
        if (n < min_split_whole) {
            return {word};
        }
        constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
        std::vector<std::size_t> best(n + 1, none);  // fewest pieces covering the first i
        std::vector<std::size_t> from(n + 1, 0);
        best[0] = 0;
        for (std::size_t i = min_split_word; i <= n; ++i) {
            for (std::size_t j = 0; j + min_split_word <= i; ++j) {
                const std::string piece = word.substr(at[j], at[i] - at[j]);
                if (best[j] == none || best[j] + 1 >= best[i] || piece == word ||
                    known(piece).empty()) {
                    continue;
                }
                best[i] = best[j] + 1;
                from[i] = j;
            }
        }
        if (best[n] == none || best[n] < 2) {
            return {word};
        }
        std::vector<std::string> parts;
        for (std::size_t i = n; i > 0; i = from[i]) {
            const std::vector<std::string>& ps =
                known(word.substr(at[from[i]], at[i] - at[from[i]]));
            parts.insert(parts.begin(), ps.begin(), ps.end());
        }
        return parts;
    }

  private:
    /// How the system dictionary segments `piece` alone when every morpheme of it is a known
    /// noun of 3+ characters; a katakana word the glossary names, split in turn; else nothing.
    const std::vector<std::string>& known(const std::string& piece) {
        const auto [it, inserted] = cache_.try_emplace(piece);
        if (inserted) {
            const std::vector<Morpheme> ms = system_.parse(piece);
            bool nouns = !ms.empty();
            for (const Morpheme& m : ms) {
                // Short morphemes in a katakana word are MeCab's guesses (シ|ステ|ミック).
                nouns = nouns && !m.unknown && m.part_of_speech == "名詞" &&
                        text::length(piece.substr(m.begin, m.end - m.begin)) >= min_split_word;
            }
            if (nouns) {
                for (const Morpheme& m : ms) {
                    it->second.push_back(piece.substr(m.begin, m.end - m.begin));
                }
            } else if (glossary_words_.contains(piece)) {
                it->second = split(piece);  // pieces are shorter than the word: this ends
            }
        }
        return it->second;
    }

    const MecabTagger& system_;
    std::set<std::string> glossary_words_;
    std::map<std::string, std::vector<std::string>> cache_;
};

/// The Japanese runs of a term as MeCab will see them in a document.
std::vector<std::string> japanese_runs(const std::string& term) {
    const std::string text = text::normalize(text::repair(term));
    std::vector<std::string> out;
    for (const text::ScriptRun& run : text::script_runs(text)) {
        if (run.cls == text::CharClass::Japanese) {
            std::vector<std::size_t> origin;
            out.push_back(mecab_input(text.substr(run.begin, run.end - run.begin), origin));
        }
    }
    return out;
}

}  // namespace

std::vector<UserWord> user_words(const std::vector<std::string>& terms, const MecabTagger& system) {
    // Katakana words the glossary names that the system dictionary does not know: ガバナンス
    // of AIガバナンス, レジリエンス of レジリエンス法.
    std::set<std::string> glossary_katakana;
    for (const std::string& term : terms) {
        for (const std::string& run : japanese_runs(term)) {
            for (const Morpheme& m : system.parse(run)) {
                std::string surface = run.substr(m.begin, m.end - m.begin);
                if (m.unknown && is_katakana_word(surface)) {
                    glossary_katakana.insert(std::move(surface));
                }
            }
        }
    }
    KatakanaSplitter splitter(system, glossary_katakana);
    std::map<std::string, UserWord> words;  // by surface: sorted, without duplicates
    // Those words on their own, so that a query for one (サイバーセキュリティ) has the parts
    // it has inside a longer name (サイバーセキュリティ戦略本部).
    for (const std::string& word : glossary_katakana) {
        const std::vector<std::string> parts = splitter.split(word);
        if (parts.size() >= 2) {
            const std::vector<Morpheme> ms = system.parse(word);
            UserWord w{word, {}, ms.front().left_id, ms.back().right_id};
            for (const std::string& part : parts) {
                w.parts.push_back(static_cast<std::uint32_t>(text::length(part)));
            }
            words.emplace(word, std::move(w));
        }
    }
    for (const std::string& term : terms) {
        for (const std::string& run : japanese_runs(term)) {
            if (words.contains(run)) {
                continue;
            }
            const std::vector<Morpheme> ms = system.parse(run);
            bool nouns = !ms.empty();
            for (const Morpheme& m : ms) {
                nouns = nouns && noun_like(m);
            }
            if (!nouns) {
                continue;
            }
            UserWord w{run, {}, ms.front().left_id, ms.back().right_id};
            for (const Morpheme& m : ms) {
                const std::string surface = run.substr(m.begin, m.end - m.begin);
                const std::vector<std::string> pieces = (m.unknown && is_katakana_word(surface))
                                                            ? splitter.split(surface)
                                                            : std::vector<std::string>{surface};
                for (const std::string& piece : pieces) {
                    w.parts.push_back(static_cast<std::uint32_t>(text::length(piece)));
                }
            }
            if (w.parts.size() >= 2) {
                words.emplace(run, std::move(w));
            }
        }
    }
    std::vector<UserWord> out;
    out.reserve(words.size());
    for (auto& [surface, word] : words) {
        out.push_back(std::move(word));
    }
    return out;
}

std::string user_dictionary_csv(const std::vector<UserWord>& words) {
    std::string csv;
    for (const UserWord& w : words) {
        std::string parts;
        for (const std::uint32_t p : w.parts) {
            parts += (parts.empty() ? "" : "+") + std::to_string(p);
        }
        csv += w.surface + "," + std::to_string(w.left_id) + "," + std::to_string(w.right_id) +
               "," + std::to_string(entry_cost) + ",名詞,一般,*,*,*,*," + w.surface + ",*,*," +
               parts + "\n";
    }
    return csv;
}

std::vector<std::string> glossary_names(std::string_view tsv) {
    std::vector<std::string> names;
    const auto add = [&](std::string_view name) {
        if (!name.empty()) {
            names.emplace_back(name);
        }
    };
    while (!tsv.empty()) {
        const std::size_t eol = tsv.find('\n');
        std::string_view line = tsv.substr(0, eol);
        tsv.remove_prefix(eol == std::string_view::npos ? tsv.size() : eol + 1);
        if (line.empty() || line.front() == '#') {
            continue;
        }
        // english<TAB>japanese<TAB>variants (|-separated)<TAB>topic
        for (int column = 0; column < 3 && !line.empty(); ++column) {
            const std::size_t tab = line.find('\t');
            std::string_view cell = line.substr(0, tab);
            line.remove_prefix(tab == std::string_view::npos ? line.size() : tab + 1);
            while (column == 2 && cell.find('|') != std::string_view::npos) {
                add(cell.substr(0, cell.find('|')));
                cell.remove_prefix(cell.find('|') + 1);
            }
            add(cell);
        }
    }
    return names;
}

std::vector<std::string> glossary_japanese_names(std::string_view tsv) {
    std::vector<std::string> names;
    for (std::string& name : glossary_names(tsv)) {
        std::size_t pos = 0;
        while (pos < name.size()) {
            if (text::classify(text::next_code_point(name, pos)) == text::CharClass::Japanese) {
                names.push_back(std::move(name));
                break;
            }
        }
    }
    return names;
}

}  // namespace seisaku::analysis
