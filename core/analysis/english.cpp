// SPDX-License-Identifier: MIT
#include "analysis/english.hpp"

#include <xapian.h>

#include <algorithm>

namespace seisaku::analysis {

std::string EnglishFilter::stem(const std::string& folded) {
    // Snowball keeps state while it stems: one stemmer per thread makes this thread safe.
    thread_local Xapian::Stem stemmer("english");
    for (const char c : folded) {
        if (c >= 'a' && c <= 'z') {
            return stemmer(folded);
        }
    }
    return folded;
}

std::vector<std::string> EnglishFilter::same_stem_forms(const std::string& folded) {
    std::vector<std::string> forms{folded};
    if (folded.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) {
        return forms;  // numbers and other scripts: no inflection
    }
    const std::string root = stem(folded);
    // Regular English plural and singular (policy ⇄ policies, tax ⇄ taxes, cable ⇄ cables).
    const auto ends = [&](std::string_view suffix) { return folded.ends_with(suffix); };
    const bool sibilant = ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh");
    const bool consonant_y =
        folded.size() >= 2 && ends("y") &&
        std::string_view("aeiou").find(folded[folded.size() - 2]) == std::string_view::npos;
    const auto cut = [&](std::size_t n) { return folded.substr(0, folded.size() - n); };
    std::vector<std::string> candidates;
    if (consonant_y) {
        candidates.push_back(cut(1) + "ies");
    } else {
        candidates.push_back(folded + (sibilant ? "es" : "s"));
    }
    if (folded.size() > 4 && ends("ies")) {
        candidates.push_back(cut(3) + "y");
    } else if (folded.size() > 4 &&
               (ends("ses") || ends("xes") || ends("zes") || ends("ches") || ends("shes"))) {
        candidates.push_back(cut(2));
    } else if (folded.size() > 3 && ends("s") && !ends("ss")) {
        candidates.push_back(cut(1));
    }
    for (const std::string& c : candidates) {
        if (c != folded && stem(c) == root &&
            std::find(forms.begin(), forms.end(), c) == forms.end()) {
            forms.push_back(c);
        }
    }
    return forms;
}

}  // namespace seisaku::analysis
