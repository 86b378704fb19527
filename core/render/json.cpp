// SPDX-License-Identifier: MIT
#include "render/json.hpp"

#include <nlohmann/json.hpp>

namespace seisaku::render {

std::string json(const search::SearchResults& results) {
    nlohmann::ordered_json out;
    out["query"] = results.query;
    out["total"] = results.total;
    out["documents"] = results.documents;
    out["exact"] = results.exact;
    out["more"] = results.more;
    out["offset"] = results.offset;
    out["results"] = nlohmann::ordered_json::array();
    out["bigram_fallback"] = results.bigram_fallback;
    out["expansions"] = nlohmann::ordered_json::array();
    for (const query::Expansion& e : results.expansions) {
        out["expansions"].push_back(
            {{"from", e.from}, {"to", e.to}, {"excluded", e.excluded}, {"source", e.source}});
    }
    out["notes"] = nlohmann::ordered_json::array();
    for (const query::QueryNote& n : results.notes) {
        out["notes"].push_back({{"offset", n.offset}, {"message", n.message}});
    }
    out["sort"] = results.sort;
    if (!results.like.empty()) {
        out["like"] = results.like;
    }
    if (!results.facets.empty()) {
        nlohmann::ordered_json facets = nlohmann::ordered_json::object();
        for (const search::Facet& f : results.facets) {
            nlohmann::ordered_json values = nlohmann::ordered_json::array();
            for (const search::FacetValue& v : f.values) {
                values.push_back({{"value", v.value}, {"count", v.count}});
            }
            facets[f.name] = std::move(values);
        }
        out["facets"] = std::move(facets);
    }
    for (const search::Hit& hit : results.hits) {
        nlohmann::ordered_json h;
        h["rank"] = hit.rank;
        h["path"] = hit.path;
        h["title"] = hit.title;
        h["lang"] = hit.lang;
        h["date"] = hit.date;
        h["date_source"] = hit.date_source;
        h["score"] = hit.score;
        h["snippet"] = hit.snippet.text;
        nlohmann::ordered_json ranges = nlohmann::ordered_json::array();
        for (const auto& [b, e] : hit.snippet.highlights) {
            ranges.push_back({b, e});
        }
        h["highlights"] = std::move(ranges);
        h["source_url"] = hit.source_url;
        if (hit.passage.paragraph > 0) {
            h["passage"] = {{"paragraph", hit.passage.paragraph},
                            {"headings", hit.passage.headings},
                            {"anchor", hit.path + "#" + hit.passage.anchor}};
        }
        if (hit.translation) {
            h["translation"] = {{"path", hit.translation->path},
                                {"title", hit.translation->title},
                                {"lang", hit.translation->lang}};
        }
        if (!hit.matched.empty()) {
            nlohmann::ordered_json matched = nlohmann::ordered_json::array();
            for (const search::MatchedTerm& m : hit.matched) {
                matched.push_back({{"term", m.text},
                                   {"kind", search::kind_name(m.kind)},
                                   {"expansion", m.expansion},
                                   {"weight", m.weight}});
            }
            h["matched"] = std::move(matched);
        }
        out["results"].push_back(std::move(h));
    }
    out["suggestion"] = results.suggestion ? nlohmann::ordered_json(*results.suggestion)
                                           : nlohmann::ordered_json(nullptr);
    return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace seisaku::render
