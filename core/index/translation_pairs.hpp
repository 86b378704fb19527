// SPDX-License-Identifier: MIT
// @brief After a run's documents are written: translation pairs found by file names and
// alternate links, each checked against the two texts (document/pairing.hpp), share a
// translation key; pairs whose files are gone or no longer agree are undone.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace seisaku::glossary {
class TermBank;
}

namespace seisaku::index {

class IndexWriter;

/// Translation keys the indexer gives to the pairs it finds start with this; any other
/// non-empty key was given (front matter, HTML meta, a metadata file) and is never changed.
inline constexpr std::string_view found_pair_prefix = "pair:";

/// One pair made or a candidate refused, for the run's report.
struct PairEvent {
    std::string a;
    std::string b;
    std::string how;  ///< "file names", "near file names", "alternate link"
    std::string evidence;
    bool paired = false;
};

struct PairingResult {
    std::size_t pairs = 0;    ///< found pairs in the index after the run
    std::size_t made = 0;     ///< of them, made by this run
    std::size_t undone = 0;   ///< found pairs undone (a file gone, the texts no longer agree)
    std::size_t refused = 0;  ///< candidates whose texts did not agree
    std::vector<PairEvent> events;
};

/// Finds the translation pairs among the documents of `writer`'s index that declare no
/// translation key: candidates from file names (name_keys(): a language folder, "x.en.html",
/// "en-x", "x-en"; names that differ by one word need stronger texts) and from the alternate
/// links of the documents indexed in this run (`alternates`: id → (language, address)).
/// A candidate whose two documents were not changed in this run (`changed`) and share a
/// found key already is kept without reading them; the others are weighed on their texts
/// (numbers and term-bank names, weigh_pair()). Each document pairs with one other at most.
PairingResult pair_translations(
    IndexWriter& writer, const glossary::TermBank& bank,
    const std::unordered_set<std::string>& changed,
    const std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>>&
        alternates);

}  // namespace seisaku::index
