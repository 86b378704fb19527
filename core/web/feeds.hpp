// SPDX-License-Identifier: MIT
// @brief The answers for programs beside the page: the OpenSearch description and the Atom
// feed of a search, and the document links the page and the feed share.
#pragma once

#include <string>

namespace seisaku::search {
struct SearchResults;
}

namespace seisaku::web {

struct CgiEnvironment;
struct Params;
struct SiteConfig;

/// The link to the indexed document at `path` (under the site's docs_url).
[[nodiscard]] std::string doc_url(const SiteConfig& c, const std::string& path);

/// The OpenSearch description: how to search this site from a browser's search box.
[[nodiscard]] std::string opensearch(const CgiEnvironment& env, const Params& p);

/// The Atom feed of results `r` of the search `p` (newest first).
[[nodiscard]] std::string atom(const search::SearchResults& r, const Params& p,
                               const CgiEnvironment& env, const SiteConfig& c);

}  // namespace seisaku::web
