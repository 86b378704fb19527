// SPDX-License-Identifier: MIT
#include "web/feeds.hpp"

#include <algorithm>

#include "search/results.hpp"
#include "web/escape.hpp"
#include "web/handler.hpp"
#include "web/messages.hpp"

namespace seisaku::web {
namespace {

/// The page's own address, from what the server says of itself.
std::string base_url(const CgiEnvironment& env) {
    const std::string scheme = env.https ? "https" : "http";
    const bool default_port =
        env.server_port.empty() || (env.https ? env.server_port == "443" : env.server_port == "80");
    return scheme + "://" + (env.server_name.empty() ? "localhost" : env.server_name) +
           (default_port ? "" : ":" + env.server_port) + env.script_name;
}

}  // namespace

std::string doc_url(const SiteConfig& c, const std::string& path) {
    return c.docs_url + url_component(path, true);
}

std::string opensearch(const CgiEnvironment& env, const Params& p) {
    const std::string base = base_url(env);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n";
    out += "<ShortName>seisaku</ShortName>\n<Description>" + xml(message(p.hl, "tagline")) +
           "</Description>\n<InputEncoding>UTF-8</InputEncoding>\n";
    out += "<Url type=\"text/html\" method=\"get\" template=\"" +
           xml(base + "?q={searchTerms}&hl=" + p.hl) + "\"/>\n";
    out += "<Url type=\"application/json\" method=\"get\" template=\"" +
           xml(base + "?q={searchTerms}&format=json") + "\"/>\n";
    out += "<Url type=\"application/atom+xml\" method=\"get\" template=\"" +
           xml(base + "?q={searchTerms}&format=atom") + "\"/>\n";
    return out + "</OpenSearchDescription>\n";
}

std::string atom(const search::SearchResults& r, const Params& p, const CgiEnvironment& env,
                 const SiteConfig& c) {
    const std::string base = base_url(env);
    const std::string self = base + link_query(p, {{"format", "atom"}});
    std::string newest = "1970-01-01";
    for (const search::Hit& h : r.hits) {
        newest = std::max(newest, h.date);
    }
    const auto stamp = [](std::string d) {
        d += d.size() == 4 ? "-01-01" : d.size() == 7 ? "-01" : "";
        return d + "T00:00:00Z";
    };
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + p.hl + "\">\n";
    out += "<title>seisaku: " + xml(p.q) + "</title>\n<id>" + xml(self) + "</id>\n";
    out += "<link rel=\"self\" href=\"" + xml(self) +
           "\"/>\n<link rel=\"alternate\" "
           "type=\"text/html\" href=\"" +
           xml(base + link_query(p, {{"format", ""}})) + "\"/>\n";
    out += "<updated>" + stamp(newest) + "</updated>\n<author><name>seisaku</name></author>\n";
    const std::string scheme_host = base.substr(0, base.find('/', base.find("//") + 2));
    for (const search::Hit& h : r.hits) {
        const std::string url = scheme_host + doc_url(c, h.path);
        out += "<entry>\n<title>" + xml(h.title) + "</title>\n<link href=\"" + xml(url) +
               "\"/>\n<id>" + xml(url) + "</id>\n<updated>" +
               stamp(h.date.empty() ? "1970-01-01" : h.date) + "</updated>\n<summary>" +
               xml(h.snippet.text) + "</summary>\n</entry>\n";
    }
    return out + "</feed>\n";
}

}  // namespace seisaku::web
