// SPDX-License-Identifier: MIT
// @brief A CGI request (RFC 3875) read from its environment: method, bounded and decoded
// parameters, interface language. Pure: no search, no output.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace seisaku::web {

/// The CGI meta-variables the page uses; everything else in the environment is ignored.
struct CgiEnvironment {
    std::string method;           ///< REQUEST_METHOD
    std::string query_string;     ///< QUERY_STRING
    std::string accept_language;  ///< HTTP_ACCEPT_LANGUAGE
    std::string script_name;      ///< SCRIPT_NAME: links back to the page
    std::string server_name;      ///< SERVER_NAME (set by the server, not the client)
    std::string server_port;      ///< SERVER_PORT
    bool https = false;           ///< HTTPS=on
};

/// Reads the meta-variables from a lookup (getenv in the program, a map in tests).
template <typename Lookup>
CgiEnvironment read_environment(const Lookup& get) {
    CgiEnvironment e;
    e.method = get("REQUEST_METHOD");
    e.query_string = get("QUERY_STRING");
    e.accept_language = get("HTTP_ACCEPT_LANGUAGE");
    e.script_name = get("SCRIPT_NAME");
    e.server_name = get("SERVER_NAME");
    e.server_port = get("SERVER_PORT");
    e.https = get("HTTPS") == "on";
    return e;
}

/// Bounds on what a request may ask (BAD-INPUTS.md Q14-Q17).
inline constexpr std::size_t max_query_string_bytes = 8192;
inline constexpr std::size_t max_value_bytes = 1024;
inline constexpr std::size_t max_per_page = 50;
inline constexpr std::size_t default_per_page = 10;

/// What the page was asked, decoded, validated and bounded.
struct Params {
    std::string q;         ///< the query as typed (valid UTF-8, no NUL)
    std::string lang;      ///< document language filter: "", "en", "ja"
    std::string hl;        ///< interface language: "en" or "ja"
    std::size_t page = 1;  ///< 1-based
    std::size_t n = default_per_page;
    std::string sort = "relevance";
    std::string since;
    std::string until;
    std::string format = "html";  ///< html, json, opensearch, atom
    /// Facet filters: year, issuer, type, topic (at most one value each).
    std::map<std::string, std::string> filters;
};

/// A request the page refuses, with the HTTP status to send.
struct Refusal {
    int status = 400;
    std::string reason;  ///< shown to the user (escaped); never internals
};

/// Parses QUERY_STRING: '+' is a space, %XX decoded (a bad escape is refused), the first
/// value of a name wins, unknown names are ignored, values out of their allow-list fall
/// back to the default, numbers are clamped. Invalid UTF-8 becomes U+FFFD, NUL is dropped.
[[nodiscard]] std::optional<Refusal> parse_params(const CgiEnvironment& env, Params& out);

/// The interface language for an Accept-Language header: "ja" when Japanese comes before
/// English in it, else "en".
[[nodiscard]] std::string language_from_header(std::string_view accept_language);

/// The query string of `p` with `changes` applied ("" removes a name): for links that keep
/// the rest of the state (facets, pages, sort, language switch).
[[nodiscard]] std::string link_query(const Params& p,
                                     const std::map<std::string, std::string>& changes);

}  // namespace seisaku::web
