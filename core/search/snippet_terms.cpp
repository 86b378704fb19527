// SPDX-License-Identifier: MIT
// What a snippet looks for, derived once per query from its index terms.
#include <algorithm>
#include <set>

#include "analysis/japanese.hpp"
#include "schema/schema.hpp"
#include "search/snippet.hpp"
#include "text/script_runs.hpp"
#include "text/utf8.hpp"
#include "text/width.hpp"

namespace seisaku::search {
namespace {

/// `letters` and every other spelling of them that the index folds to them: the variants
/// analysis::japanese_spelling replaces (ヴァ for バ, 髙 for 高), and each in half-width
/// katakana (ﾊﾞ, ｳﾞｧ), so that a long body is read where it has the term in any spelling.
std::vector<std::string> written_forms(std::string_view letters) {
    std::vector<std::string> forms = {""};
    for (std::size_t pos = 0; pos < letters.size();) {
        const std::size_t start = pos;
        (void)text::next_code_point(letters, pos);
        const std::string_view c = letters.substr(start, pos - start);
        std::vector<std::string> longer;
        for (const std::string& form : forms) {
            longer.push_back(form + std::string(c));
            for (const auto& [variant, spelled] : analysis::spelling_pairs()) {
                if (spelled == c) {
                    longer.push_back(form + std::string(variant));
                }
            }
        }
        forms = std::move(longer);
    }
    const std::size_t spellings = forms.size();
    for (std::size_t i = 0; i < spellings; ++i) {
        if (std::string narrow = text::half_width(forms[i]); !narrow.empty()) {
            forms.push_back(std::move(narrow));
        }
    }
    return forms;
}

/// The letters to look for of each term (in order), terms with the same letters together
/// (個人 and Z個人, dfft and Sdfft): an English stem without its last letter, so "polici"
/// finds "policy" (and its full-width form); the first two characters of a Japanese term
/// (in every spelling), so 推進する finds 推進した.
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
        std::vector<std::string> forms = written_forms(needle);
        if (std::string wide = text::full_width(needle); !wide.empty()) {
            forms.push_back(std::move(wide));
        }
        out.push_back({std::move(forms), {number++}});
    }
    return out;
}

/// The query's Japanese terms, in the index's spelling: a term's text after its
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

}  // namespace

SnippetTerms::SnippetTerms(std::set<std::string> terms)
    : terms_(std::move(terms)), letters_(letters_of(terms_)), japanese_(japanese_of(terms_)) {
    only_single_ = std::all_of(japanese_.begin(), japanese_.end(),
                               [](const Japanese& j) { return j.one_character; });
}

}  // namespace seisaku::search
