// SPDX-License-Identifier: MIT
// @brief One CGI request in, one complete HTTP response out: the search page (HTML), the
// JSON API, the OpenSearch description and the Atom feed, and friendly error pages. Every
// response, errors included, carries the security headers.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "glossary/user_glossary.hpp"
#include "web/request.hpp"

namespace seisaku::analysis {
class Analyzer;
}

namespace seisaku::web {

/// Where things are: set by the server's environment (SEISAKU_DB, SEISAKU_DOCS_URL,
/// SEISAKU_STATIC_URL) or a config file named by SEISAKU_CONFIG; never by the query string.
struct SiteConfig {
    std::string db;                       ///< index folder; empty: not configured (500)
    std::string docs_url = "/docs/";      ///< where the indexed documents are served
    std::string static_url = "/static/";  ///< where seisaku.css is served
    double time_limit = 2.0;              ///< seconds of matching per request
    glossary::BankChoice bank;            ///< the term bank: built-in, and the site's glossaries
};

/// A yes/no setting's value ("no", "off", "false", "0": false; anything else: true).
[[nodiscard]] bool config_flag(const std::string& value);

/// "key = value" lines of a small config file ('#' comments); empty when unreadable.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> read_config_file(
    const std::string& path);

/// The files of a SEISAKU_GLOSSARY value: paths separated by ':', empty ones left out.
[[nodiscard]] std::vector<std::string> glossary_files(const std::string& value);

/// Reads the configuration from a lookup (getenv in the program, a map in tests): the
/// variables, then the file SEISAKU_CONFIG names (lines "key = value": db, docs_url,
/// static_url, glossary (one line per file), builtin_glossary), variables winning
/// (SEISAKU_GLOSSARY: files separated by ':'; SEISAKU_BUILTIN_GLOSSARY). Unreadable files
/// leave `db` empty.
template <typename Lookup>
SiteConfig read_config(const Lookup& get);

struct Response {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;  ///< beyond the standard ones
    std::string body;
    std::string log;  ///< for the server's error log (the program's stderr), never sent
};

/// The whole exchange for one request. Never throws: faults become 500/503 pages that show
/// no paths and no exception text.
[[nodiscard]] Response handle(const CgiEnvironment& env, const SiteConfig& config,
                              const analysis::Analyzer& analyzer);

/// A response as CGI output: Status and headers (security headers on every status), a
/// blank line, and the body unless the method was HEAD.
[[nodiscard]] std::string serialize(const Response& r, bool head);

/// The response for a request that ran out of time (sent by the program's alarm).
[[nodiscard]] std::string timeout_response();

template <typename Lookup>
SiteConfig read_config(const Lookup& get) {
    SiteConfig c;
    std::vector<std::pair<std::string, std::string>> lines;
    if (const std::string file = get("SEISAKU_CONFIG"); !file.empty()) {
        lines = read_config_file(file);
    }
    for (const auto& [key, value] : lines) {
        if (key == "db") {
            c.db = value;
        } else if (key == "docs_url") {
            c.docs_url = value;
        } else if (key == "static_url") {
            c.static_url = value;
        } else if (key == "glossary") {
            c.bank.files.push_back(value);
        } else if (key == "builtin_glossary") {
            c.bank.builtin = config_flag(value);
        }
    }
    if (const std::string db = get("SEISAKU_DB"); !db.empty()) {
        c.db = db;
    }
    if (const std::string docs = get("SEISAKU_DOCS_URL"); !docs.empty()) {
        c.docs_url = docs;
    }
    if (const std::string st = get("SEISAKU_STATIC_URL"); !st.empty()) {
        c.static_url = st;
    }
    if (const std::string files = get("SEISAKU_GLOSSARY"); !files.empty()) {
        c.bank.files = glossary_files(files);
    }
    if (const std::string builtin = get("SEISAKU_BUILTIN_GLOSSARY"); !builtin.empty()) {
        c.bank.builtin = config_flag(builtin);
    }
    return c;
}

}  // namespace seisaku::web
