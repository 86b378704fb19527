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

struct Candidate {
    std::size_t a = 0;  ///< indexes into the listed documents; a < b
    std::size_t b = 0;
    Source source = Source::Name;
};

bool is_found_key(const std::string& key) {
    return key.starts_with(found_pair_prefix);
}

}  // namespace

PairingResult pair_translations(
    IndexWriter& writer, const glossary::TermBank& bank,
    const std::unordered_set<std::string>& changed,
    const std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>>&
        alternates) {
    PairingResult result;
    const std::vector<IndexWriter::Listed> docs = writer.list_documents();
    std::unordered_map<std::string, std::size_t> by_id;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        by_id.emplace(docs[i].id, i);
    }
    const auto free = [&](std::size_t i) {  // no translation key given to it
        return docs[i].translation_key.empty() || is_found_key(docs[i].translation_key);
    };

    // Candidates by name: documents whose names give one key, marked for the two languages.
    std::map<std::pair<std::size_t, std::size_t>, Source> candidates;
    const auto add = [&](std::size_t a, std::size_t b, Source source) {
        if (a == b || !free(a) || !free(b) || docs[a].lang == docs[b].lang) {
            return;
        }
        const auto key = std::minmax(a, b);
        const auto [it, inserted] = candidates.emplace(key, source);
        if (!inserted && source < it->second) {
            it->second = source;
        }
    };
    std::unordered_map<std::string, std::vector<std::pair<std::size_t, std::string>>> by_key;
    std::vector<std::vector<document::NameKey>> keys(docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
        if (!free(i)) {
            continue;
        }
        keys[i] = document::name_keys(docs[i].id);
        for (const document::NameKey& k : keys[i]) {
            if (k.lang == docs[i].lang) {  // the name's language mark agrees with the text
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
    for (std::size_t i = 0; i < docs.size(); ++i) {
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
    for (const auto& [id, links] : alternates) {
        const auto a = by_id.find(id);
        if (a == by_id.end()) {
            continue;
        }
        for (const auto& [lang, href] : links) {
            const auto b = by_id.find(document::resolve_alternate(id, href));
            if (b != by_id.end() && lang.starts_with(docs[b->second].lang)) {
                add(a->second, b->second, Source::Link);
            }
        }
    }

    // Each candidate weighed on the two texts, unless both are as they were and paired.
    std::unordered_map<std::size_t, document::TextFacts> facts;
    const auto facts_of = [&](std::size_t i) -> const document::TextFacts& {
        auto it = facts.find(i);
        if (it == facts.end()) {
            document::TextFacts f;
            if (const auto stored = writer.stored(docs[i].id_term)) {
                f.numbers = document::text_numbers(stored->first.body);
                for (const std::string& name : stored->second) {
                    for (const std::size_t row : bank.rows_of(name)) {
                        f.names.push_back(row);
                    }
                }
                std::sort(f.names.begin(), f.names.end());
                f.names.erase(std::unique(f.names.begin(), f.names.end()), f.names.end());
            }
            it = facts.emplace(i, std::move(f)).first;
        }
        return it->second;
    };
    struct Accepted {
        std::size_t a;
        std::size_t b;
        Source source;
        double strength;
        std::string evidence;
    };
    std::vector<Accepted> accepted;
    for (const auto& [pair, source] : candidates) {
        const auto [a, b] = pair;
        const bool kept = !changed.contains(docs[a].id) && !changed.contains(docs[b].id) &&
                          is_found_key(docs[a].translation_key) &&
                          docs[a].translation_key == docs[b].translation_key;
        if (kept) {
            accepted.push_back({a, b, source, 2.0, "as before"});
            continue;
        }
        const document::PairEvidence e =
            document::weigh_pair(facts_of(a), facts_of(b), source == Source::NearName);
        if (e.accepted || source == Source::Link) {  // a page's own link is its word
            accepted.push_back({a, b, source, e.numbers + e.names, e.describe()});
        } else {
            ++result.refused;
            result.events.push_back(
                {docs[a].id, docs[b].id, std::string(source_name(source)), e.describe(), false});
        }
    }
    // One partner each: stronger sources first, then better agreement.
    std::stable_sort(accepted.begin(), accepted.end(), [](const Accepted& x, const Accepted& y) {
        return x.source != y.source ? x.source < y.source : x.strength > y.strength;
    });
    std::vector<std::string> wanted(docs.size());
    std::vector<bool> taken(docs.size(), false);
    for (const Accepted& p : accepted) {
        if (taken[p.a] || taken[p.b]) {
            continue;
        }
        taken[p.a] = taken[p.b] = true;
        const std::string key =
            std::string(found_pair_prefix) + std::min(docs[p.a].id, docs[p.b].id);
        wanted[p.a] = wanted[p.b] = key;
        ++result.pairs;
        if (docs[p.a].translation_key != key || docs[p.b].translation_key != key) {
            ++result.made;
            result.events.push_back(
                {docs[p.a].id, docs[p.b].id, std::string(source_name(p.source)), p.evidence, true});
        }
    }
    std::unordered_set<std::string> undone;  // the found keys that no document keeps
    for (std::size_t i = 0; i < docs.size(); ++i) {
        if (!free(i) || docs[i].translation_key == wanted[i]) {
            continue;
        }
        if (!docs[i].translation_key.empty()) {
            undone.insert(docs[i].translation_key);
        }
        writer.set_translation_key(docs[i].id_term, wanted[i]);
    }
    for (const std::string& key : wanted) {
        undone.erase(key);
    }
    result.undone = undone.size();
    return result;
}

}  // namespace seisaku::index
