// SPDX-License-Identifier: MIT
#include "index/translation_pairs.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "document/pairing.hpp"
#include "glossary/term_bank.hpp"
#include "index/index_writer.hpp"

namespace seisaku::index {
namespace {

/// How a candidate was found: the stronger first, when a document has two.
enum class Source { Link = 0, Name = 1, NearName = 2 };

std::string_view source_name(Source s) {
    switch (s) {
        case Source::Link:
            return "alternate link";
        case Source::Name:
            return "file names";
        case Source::NearName:
            return "near file names";
    }
    return {};
}

bool is_found_key(const std::string& key) {
    return key.starts_with(found_pair_prefix);
}

using Alternates =
    std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>>;

/// A candidate both of whose texts agree (or kept as before), before partners are chosen.
struct Accepted {
    std::size_t a;
    std::size_t b;
    Source source;
    double strength;
    std::string evidence;
};

/// One pairing of the index's documents: its candidates, then the keys it decides on.
class Pairing {
  public:
    Pairing(IndexWriter& writer, const glossary::TermBank& bank)
        : writer_(writer), bank_(bank), docs_(writer.list_documents()) {
        for (std::size_t i = 0; i < docs_.size(); ++i) {
            by_id_.emplace(docs_[i].id, i);
        }
    }

    /// Candidates by name: documents whose names give one key, marked for the two languages,
    /// and those whose keys differ by a word.
    void find_by_names();
    /// Candidates by the alternate links of the documents indexed in this run.
    void find_by_links(const Alternates& alternates);
    /// Each candidate weighed on the two texts, unless both are as they were and paired.
    [[nodiscard]] std::vector<Accepted> weigh(const std::unordered_set<std::string>& changed);
    /// One partner each: stronger sources first, then better agreement. Returns each
    /// document's found key ("" for none).
    [[nodiscard]] std::vector<std::string> choose(std::vector<Accepted>& accepted);
    /// Writes the keys that changed and counts the found keys no document keeps.
    void write_keys(const std::vector<std::string>& wanted);

    [[nodiscard]] PairingResult& result() { return result_; }

  private:
    /// No translation key was given to document `i`.
    [[nodiscard]] bool free(std::size_t i) const {
        return docs_[i].translation_key.empty() || is_found_key(docs_[i].translation_key);
    }
    void add(std::size_t a, std::size_t b, Source source);
    /// The numbers and term-bank names of document `i`'s stored text, read once.
    const document::TextFacts& facts_of(std::size_t i);

    IndexWriter& writer_;
    const glossary::TermBank& bank_;
    const std::vector<IndexWriter::Listed> docs_;
    std::unordered_map<std::string, std::size_t> by_id_;
    std::map<std::pair<std::size_t, std::size_t>, Source> candidates_;
    std::unordered_map<std::size_t, document::TextFacts> facts_;
    PairingResult result_;
};

void Pairing::add(std::size_t a, std::size_t b, Source source) {
    if (a == b || !free(a) || !free(b) || docs_[a].lang == docs_[b].lang) {
        return;
    }
    const auto key = std::minmax(a, b);
    const auto [it, inserted] = candidates_.emplace(key, source);
    if (!inserted && source < it->second) {
        it->second = source;
    }
}

void Pairing::find_by_names() {
    std::unordered_map<std::string, std::vector<std::pair<std::size_t, std::string>>> by_key;
    std::vector<std::vector<document::NameKey>> keys(docs_.size());
    for (std::size_t i = 0; i < docs_.size(); ++i) {
        if (!free(i)) {
            continue;
        }
        keys[i] = document::name_keys(docs_[i].id);
        for (const document::NameKey& k : keys[i]) {
            if (k.lang == docs_[i].lang) {  // the name's language mark agrees with the text
                by_key[k.key].emplace_back(i, k.lang);
            }
        }
    }
    for (const auto& [key, group] : by_key) {
        for (const auto& [a, lang_a] : group) {
            for (const auto& [b, lang_b] : group) {
                if (lang_a != lang_b) {
                    add(a, b, Source::Name);
                }
            }
        }
    }
    for (std::size_t i = 0; i < docs_.size(); ++i) {
        for (const document::NameKey& k : keys[i]) {
            for (const std::string& near : k.near) {
                if (const auto group = by_key.find(near); group != by_key.end()) {
                    for (const auto& [b, lang_b] : group->second) {
                        if (lang_b != k.lang) {
                            add(i, b, Source::NearName);
                        }
                    }
                }
            }
        }
    }
}

void Pairing::find_by_links(const Alternates& alternates) {
    for (const auto& [id, links] : alternates) {
        const auto a = by_id_.find(id);
        if (a == by_id_.end()) {
            continue;
        }
        for (const auto& [lang, href] : links) {
            const auto b = by_id_.find(document::resolve_alternate(id, href));
            if (b != by_id_.end() && lang.starts_with(docs_[b->second].lang)) {
                add(a->second, b->second, Source::Link);
            }
        }
    }
}

const document::TextFacts& Pairing::facts_of(std::size_t i) {
    auto it = facts_.find(i);
    if (it == facts_.end()) {
        document::TextFacts f;
        if (const auto stored = writer_.stored(docs_[i].id_term)) {
            f.numbers = document::text_numbers(stored->first.body);
            for (const std::string& name : stored->second) {
                for (const std::size_t row : bank_.rows_of(name)) {
                    f.names.push_back(row);
                }
            }
            std::sort(f.names.begin(), f.names.end());
            f.names.erase(std::unique(f.names.begin(), f.names.end()), f.names.end());
        }
        it = facts_.emplace(i, std::move(f)).first;
    }
    return it->second;
}

std::vector<Accepted> Pairing::weigh(const std::unordered_set<std::string>& changed) {
    std::vector<Accepted> accepted;
    for (const auto& [pair, source] : candidates_) {
        const auto [a, b] = pair;
        const bool kept = !changed.contains(docs_[a].id) && !changed.contains(docs_[b].id) &&
                          is_found_key(docs_[a].translation_key) &&
                          docs_[a].translation_key == docs_[b].translation_key;
        if (kept) {
            accepted.push_back({a, b, source, 2.0, "as before"});
            continue;
        }
        const document::PairEvidence e =
            document::weigh_pair(facts_of(a), facts_of(b), source == Source::NearName);
        if (e.accepted || source == Source::Link) {  // a page's own link is its word
            accepted.push_back({a, b, source, e.numbers + e.names, e.describe()});
        } else {
            ++result_.refused;
            result_.events.push_back(
                {docs_[a].id, docs_[b].id, std::string(source_name(source)), e.describe(), false});
        }
    }
    return accepted;
}

std::vector<std::string> Pairing::choose(std::vector<Accepted>& accepted) {
    std::stable_sort(accepted.begin(), accepted.end(), [](const Accepted& x, const Accepted& y) {
        return x.source != y.source ? x.source < y.source : x.strength > y.strength;
    });
    std::vector<std::string> wanted(docs_.size());
    std::vector<bool> taken(docs_.size(), false);
    for (const Accepted& p : accepted) {
        if (taken[p.a] || taken[p.b]) {
            continue;
        }
        taken[p.a] = taken[p.b] = true;
        const std::string key =
            std::string(found_pair_prefix) + std::min(docs_[p.a].id, docs_[p.b].id);
        wanted[p.a] = wanted[p.b] = key;
        ++result_.pairs;
        if (docs_[p.a].translation_key != key || docs_[p.b].translation_key != key) {
            ++result_.made;
            result_.events.push_back({docs_[p.a].id, docs_[p.b].id,
                                      std::string(source_name(p.source)), p.evidence, true});
        }
    }
    return wanted;
}

void Pairing::write_keys(const std::vector<std::string>& wanted) {
    std::unordered_set<std::string> undone;  // the found keys that no document keeps
    for (std::size_t i = 0; i < docs_.size(); ++i) {
        if (!free(i) || docs_[i].translation_key == wanted[i]) {
            continue;
        }
        if (!docs_[i].translation_key.empty()) {
            undone.insert(docs_[i].translation_key);
        }
        writer_.set_translation_key(docs_[i].id_term, wanted[i]);
    }
    for (const std::string& key : wanted) {
        undone.erase(key);
    }
    result_.undone = undone.size();
}

}  // namespace

PairingResult pair_translations(IndexWriter& writer, const glossary::TermBank& bank,
                                const std::unordered_set<std::string>& changed,
                                const Alternates& alternates) {
    Pairing pairing(writer, bank);
    pairing.find_by_names();
    pairing.find_by_links(alternates);
    std::vector<Accepted> accepted = pairing.weigh(changed);
    pairing.write_keys(pairing.choose(accepted));
    return std::move(pairing.result());
}

}  // namespace seisaku::index
