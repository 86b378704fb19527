// SPDX-License-Identifier: MIT
// @brief Build tool: compiles EDICT (Debian's edict package, EUC-JP) into seisaku's lexicon
// file (core/lexicon/lexicon.hpp): Japanese headwords to English glosses and glosses back to
// headwords, each keyed with this build's analyzer, sorted for binary search.
// Usage: make_lexicon EDICT OUT
#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "lexicon/lexicon.hpp"
#include "text/encoding.hpp"
#include "text/normalize.hpp"
#include "text/split.hpp"

namespace {

using seisaku::analysis::Analyzer;
using seisaku::lexicon::Direction;

/// One gloss of an entry and how central it is: lower ranks are the dictionary's first
/// senses of common words.
struct Gloss {
    std::string text;
    int rank = 0;
};

/// One EDICT line: headword, glosses in order, whether it is a common word ((P)).
struct Entry {
    std::string headword;
    std::vector<Gloss> glosses;
    bool common = false;
};

/// Parts of speech with no place in a lexicon of policy words: expressions, particles,
/// interjections, conjunctions, auxiliaries.
bool unwanted_pos(std::string_view tags) {
    for (const std::string_view tag : seisaku::text::split(tags, ",")) {
        if (!(tag == "exp" || tag == "int" || tag == "prt" || tag == "conj" ||
              tag.starts_with("aux") || tag == "cop" || tag == "pn")) {
            return false;
        }
    }
    return true;
}

/// Removes "(...)" and "{...}" groups; returns the first group's text when it began the gloss.
std::string strip_groups(std::string_view s, std::vector<std::string>& leading) {
    std::string out;
    int depth = 0;
    std::string group;
    bool at_start = true;
    for (const char c : s) {
        if (c == '(' || c == '{') {
            ++depth;
            group.clear();
        } else if ((c == ')' || c == '}') && depth > 0) {
            if (--depth == 0 && at_start) {
                leading.push_back(group);
            }
        } else if (depth > 0) {
            group += c;
        } else {
            if (c != ' ') {
                at_start = false;
            }
            out += c;
        }
    }
    const auto first = out.find_first_not_of(' ');
    const auto last = out.find_last_not_of(' ');
    return first == std::string::npos ? std::string() : out.substr(first, last - first + 1);
}

/// Parses "HEADWORD [READING] /gloss/gloss/(P)/"; false for lines to leave out.
bool parse(std::string_view line, Entry& e) {
    const std::size_t slash = line.find(" /");
    if (slash == std::string_view::npos) {
        return false;
    }
    e.headword = std::string(line.substr(0, line.find(' ')));
    int sense = 0;
    int position = 0;
    bool skip_sense = false;
    for (const std::string_view part : seisaku::text::split(line.substr(slash + 2), "/")) {
        if (part == "(P)") {
            e.common = true;
            continue;
        }
        std::vector<std::string> leading;
        std::string gloss = strip_groups(part, leading);
        for (const std::string& tag : leading) {
            if (!tag.empty() && std::isdigit(static_cast<unsigned char>(tag[0])) != 0) {
                sense = std::stoi(tag) - 1;
                position = 0;
            } else if (tag.find_first_of("-,") != std::string::npos || tag == "n" || tag == "exp" ||
                       tag == "int" || tag == "prt" || tag == "conj") {
                skip_sense = unwanted_pos(tag);
            }
        }
        if (gloss.starts_with("to ")) {
            gloss.erase(0, 3);
        }
        if (!skip_sense && !gloss.empty() && gloss.find_first_of("|\t\"") == std::string::npos) {
            e.glosses.push_back({gloss, sense * 20 + position++});
        }
    }
    return !e.glosses.empty();
}

/// Whether a headword is hiragana only: function words and verbs in kana, not policy terms.
bool hiragana_only(std::string_view s) {
    for (std::size_t i = 0; i + 2 < s.size() + 1; i += 3) {
        const auto b1 = static_cast<unsigned char>(s[i]);
        const auto b2 = static_cast<unsigned char>(s[i + 1]);
        if (!(b1 == 0xE3 && (b2 == 0x81 || b2 == 0x82))) {
            return false;
        }
    }
    return true;
}

/// Compiled lines keyed by direction and key, translations in rank order.
class Table {
  public:
    explicit Table(const Analyzer& analyzer) : analyzer_(analyzer) {}

    void add(const Entry& e) {
        const std::string ja = key(e.headword);
        if (ja.empty() || hiragana_only(e.headword)) {
            return;
        }
        for (const Gloss& g : e.glosses) {
            const std::string en = key(g.text);
            if (en.empty()) {
                continue;
            }
            add_to(Direction::JapaneseToEnglish, ja, g.text, g.rank);
            add_to(Direction::EnglishToJapanese, en, e.headword, g.rank + (e.common ? 0 : 1000));
        }
    }

    /// The sorted file: a header line, then one line per key.
    [[nodiscard]] std::string compile() {
        std::vector<std::string> lines;
        for (auto& [dk, candidates] : table_) {
            std::stable_sort(candidates.begin(), candidates.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; });
            std::vector<std::string> kept;
            for (const auto& [text, rank] : candidates) {
                if (kept.size() < seisaku::lexicon::max_translations &&
                    std::find(kept.begin(), kept.end(), text) == kept.end()) {
                    kept.push_back(text);
                }
            }
            lines.push_back(seisaku::lexicon::line_of(static_cast<Direction>(dk.front()),
                                                      std::string_view(dk).substr(1), kept));
        }
        std::sort(lines.begin(), lines.end());
        std::string out = "seisaku-lexicon 1 " + std::to_string(lines.size()) + "\n";
        for (const std::string& l : lines) {
            out += l;
        }
        return out;
    }

  private:
    std::string key(std::string_view text) const {
        const auto tokens = analyzer_.analyze(seisaku::text::prepare(text));
        const auto words = seisaku::lexicon::key_words(tokens);
        if (words.empty() || words.size() > seisaku::lexicon::max_key_words) {
            return {};
        }
        return seisaku::lexicon::key_of(words, 0, words.size());
    }

    void add_to(Direction d, const std::string& key, const std::string& text, int rank) {
        if (key.find_first_of("\t\n|") != std::string::npos) {
            return;
        }
        table_[static_cast<char>(d) + key].emplace_back(text, rank);
    }

    const Analyzer& analyzer_;
    std::map<std::string, std::vector<std::pair<std::string, int>>> table_;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: make_lexicon EDICT OUT\n";
        return 2;
    }
    try {
        std::ifstream in(argv[1], std::ios::binary);
        if (!in) {
            std::cerr << "make_lexicon: cannot read " << argv[1]
                      << " (install Debian's edict package)\n";
            return 66;
        }
        std::ostringstream raw;
        raw << in.rdbuf();
        const std::string utf8 = seisaku::text::decode(raw.str(), "EUC-JP").utf8;
        const Analyzer analyzer;
        Table table(analyzer);
        std::size_t entries = 0;
        for (const std::string_view line : seisaku::text::split(std::string_view(utf8), "\n")) {
            Entry e;
            if (!line.starts_with("\u3000") && parse(line, e)) {
                table.add(e);
                ++entries;
            }
        }
        const std::string compiled = table.compile();
        std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
        out << compiled;
        if (!out.flush()) {
            std::cerr << "make_lexicon: cannot write " << argv[2] << "\n";
            return 73;
        }
        std::cout << "make_lexicon: " << entries << " entries\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "make_lexicon: " << e.what() << "\n";
        return 1;
    }
}
