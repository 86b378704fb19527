// SPDX-License-Identifier: MIT
// @brief The English⇄Japanese term bank (corpus/glossary.tsv): the other names of a term,
// for cross-language and acronym expansion of queries.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace seisaku::analysis {
class Analyzer;
}

namespace seisaku::glossary {

/// Names whose matching key is already known (name → key).
using KnownKeys = std::unordered_map<std::string_view, std::string_view>;

class TermBank {
  public:
    TermBank() = default;

    /// Parses the glossary format (english<TAB>japanese<TAB>variants|...<TAB>topic, '#'
    /// comments). Names are matched by their analyzed form, so width, case and punctuation
    /// do not matter (ＧＤＰＲ = gdpr, データ・スペース = データスペース). Throws UsageError
    /// naming `source` and the line on a malformed row.
    TermBank(std::string_view tsv, const analysis::Analyzer& analyzer,
             const std::string& source = "glossary", const KnownKeys& known_keys = {});

    /// The term bank built into seisaku: corpus/glossary.tsv at build time.
    static std::string_view builtin_tsv();

    /// The built-in term bank, with the names' keys computed at build time when `analyzer`
    /// is the one they were computed with (else computed now: MeCab on every name costs
    /// most of a short search's time).
    [[nodiscard]] static TermBank builtin(const analysis::Analyzer& analyzer);

    /// The build-time keys: a first line "analyzer version|dictionary name", then
    /// name<TAB>key lines (dictionary/make_glossary_keys).
    static std::string_view builtin_keys();
    /// names_fingerprint() of those keys, computed at build time with them.
    static std::string_view builtin_names_fingerprint();

    /// The matching key of a text: its analyzed terms joined by spaces.
    [[nodiscard]] static std::string key_of(std::string_view text,
                                            const analysis::Analyzer& analyzer);

    /// Every name of the entries one of whose names has this key, the matching names left
    /// out, in file order, without repeats; empty when nothing matches.
    [[nodiscard]] std::vector<std::string> other_names(const std::string& key) const;

    /// Whether some name has this matching key.
    [[nodiscard]] bool has_key(std::string_view key) const;

    /// The rows (0-based, file order) with a name of this key: one concept in both
    /// languages, for telling whether two texts speak of the same things (translation pairs).
    [[nodiscard]] std::vector<std::size_t> rows_of(std::string_view key) const;

    /// The first row with a name spelled exactly `name` (no analysis, so no MeCab);
    /// size() when none.
    [[nodiscard]] std::size_t row_named(std::string_view name) const;

    /// The first name (English) of a row of rows_of(): what the bank calls the thing.
    [[nodiscard]] std::string_view first_name(std::size_t row) const { return names_[row][0]; }

    /// The matching key of every name, in file order (empty keys left out).
    [[nodiscard]] std::vector<std::string_view> keys() const;

    [[nodiscard]] std::size_t size() const noexcept { return names_.size(); }

    /// The rows as glossary text (one line each, as read), in order: what a bank made of
    /// several files and overlays holds, to be read again as one file.
    [[nodiscard]] std::string tsv() const;

    /// Adds the rows of `later` after ours (a user's glossary over the built-in one). Where
    /// one of our rows shares a name with one of its rows, its row wins: ours is dropped, so
    /// a user can redefine an entry as well as add one.
    void overlay(const TermBank& later);

    /// glossary::names_fingerprint(keys()): the built-in bank's from build time (sorting and
    /// hashing its names took 0.3 ms of every search process), another's computed here.
    [[nodiscard]] std::string names_fingerprint() const;

  private:
    /// The build-time names_fingerprint(), set by builtin() when it took every key from the
    /// build; empty otherwise.
    std::string names_fingerprint_;
    /// The text the views below point into when it is not the built-in one (shared, so a
    /// copy of the bank stays valid), and the keys computed at construction.
    std::shared_ptr<const std::string> text_;
    std::shared_ptr<std::deque<std::string>> made_keys_;
    /// The texts and keys of banks overlaid on this one, which some views point into.
    std::vector<std::shared_ptr<const void>> kept_;
    /// Per row: its line, its names (English first, then Japanese, then the variants) and
    /// their keys.
    std::vector<std::string_view> lines_;
    std::vector<std::vector<std::string_view>> names_;
    std::vector<std::vector<std::string_view>> keys_;
    /// (key, row) for every non-empty key, sorted: rows in file order for one key.
    std::vector<std::pair<std::string_view, std::size_t>> index_;
};

}  // namespace seisaku::glossary
