// SPDX-License-Identifier: MIT
#include "web/handler.hpp"

#include <fstream>
#include <sstream>

#include "error.hpp"
#include "render/json.hpp"
#include "search/searcher.hpp"
#include "text/ascii.hpp"
#include "text/split.hpp"
#include "web/escape.hpp"
#include "web/feeds.hpp"
#include "web/messages.hpp"

namespace seisaku::web {
namespace {

const char* reason_phrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 400:
            return "Bad Request";
        case 405:
            return "Method Not Allowed";
        case 414:
            return "URI Too Long";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        default:
            return "Error";
    }
}

/// The query searched: what was typed and the facet filters, each as a field clause.
std::string search_text(const Params& p) {
    std::string q = p.q;
    for (const auto& [field, value] : p.filters) {
        q += " " + field + ":\"" + value + "\"";
    }
    return q;
}

/// The empty search page in the same interface language.
Params home(const Params& p) {
    Params h;
    h.hl = p.hl;
    return h;
}

std::string t(const Params& p, std::string_view key) {
    return html(message(p.hl, key));
}

std::string page_start(const Params& p, const SiteConfig& c, const std::string& title) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + p.hl + "\">\n<head>\n";
    out += "<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + html(title) + "</title>\n";
    out += "<link rel=\"stylesheet\" href=\"" + html(c.static_url) + "seisaku.css\">\n";
    out +=
        "<link rel=\"search\" type=\"application/opensearchdescription+xml\" title=\"seisaku\" "
        "href=\"" +
        html(link_query(home(p), {{"format", "opensearch"}})) + "\">\n";
    if (!p.q.empty()) {
        out += "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + t(p, "feed") +
               "\" href=\"" + html(link_query(p, {{"format", "atom"}, {"page", ""}})) + "\">\n";
    }
    out += "</head>\n<body>\n<header class=\"site\">\n";
    out += "<p class=\"name\"><a href=\"" + html(link_query(home(p), {})) + "\">" + t(p, "site") +
           "</a></p>\n";
    out += "<p class=\"tagline\">" + t(p, "tagline") + "</p>\n";
    const std::string other = p.hl == "ja" ? "en" : "ja";
    out += "<a class=\"hl\" lang=\"" + other + "\" hreflang=\"" + other + "\" href=\"" +
           html(link_query(p, {{"hl", other}})) + "\">" + t(p, "switch_language") + "</a>\n";
    out += "</header>\n";
    return out;
}

std::string option(const std::string& value, const std::string& selected,
                   const std::string& label) {
    return "<option value=\"" + html(value) + "\"" + (value == selected ? " selected" : "") + ">" +
           label + "</option>";
}

std::string search_form(const Params& p) {
    std::string out = "<form id=\"search\" role=\"search\" method=\"get\" action=\"\">\n";
    out += "<label for=\"q\">" + t(p, "search_label") + "</label>\n";
    out += "<input type=\"search\" id=\"q\" name=\"q\" value=\"" + html(p.q) +
           "\" maxlength=\"1024\" placeholder=\"" + t(p, "placeholder") + "\" autofocus>\n";
    out += "<button type=\"submit\">" + t(p, "search_button") + "</button>\n";
    out += "<div class=\"options\">\n<label for=\"lang\">" + t(p, "lang_label") +
           "</label>\n<select id=\"lang\" name=\"lang\">" + option("", p.lang, t(p, "lang_all")) +
           option("en", p.lang, t(p, "lang_en")) + option("ja", p.lang, t(p, "lang_ja")) +
           "</select>\n";
    out += "<label for=\"sort\">" + t(p, "sort_label") + "</label>\n<select id=\"sort\" " +
           "name=\"sort\">" + option("relevance", p.sort, t(p, "sort_relevance")) +
           option("newest", p.sort, t(p, "sort_newest")) +
           option("oldest", p.sort, t(p, "sort_oldest")) + "</select>\n";
    out += "<label for=\"since\">" + t(p, "since_label") +
           "</label>\n<input id=\"since\" name=\"since\" size=\"10\" value=\"" + html(p.since) +
           "\" placeholder=\"2023-04-01\">\n";
    out += "<label for=\"until\">" + t(p, "until_label") +
           "</label>\n<input id=\"until\" name=\"until\" size=\"10\" value=\"" + html(p.until) +
           "\" placeholder=\"令和6年3月\">\n</div>\n";
    out += "<input type=\"hidden\" name=\"hl\" value=\"" + html(p.hl) + "\">\n";
    for (const auto& [field, value] : p.filters) {
        out +=
            "<input type=\"hidden\" name=\"" + html(field) + "\" value=\"" + html(value) + "\">\n";
    }
    out += "</form>\n";
    return out;
}

std::string snippet_html(const search::Snippet& s) {
    std::string out;
    std::size_t at = 0;
    for (const auto& [b, e] : s.highlights) {
        out += html(std::string_view(s.text).substr(at, b - at));
        out += "<mark>" + html(std::string_view(s.text).substr(b, e - b)) + "</mark>";
        at = e;
    }
    return out + html(std::string_view(s.text).substr(at));
}

/// "29 results (47 documents)", "About 290 results (about 470 documents)": what the pages
/// list (a document with its translation is one result) and, when they differ, the documents.
std::string count_html(const search::SearchResults& r, const Params& p) {
    std::string out =
        format_message(message(p.hl, r.exact ? "count_exact" : "count"), std::to_string(r.total));
    if (r.documents != r.total) {
        out += format_message(message(p.hl, r.exact ? "count_documents" : "count_documents_about"),
                              std::to_string(r.documents));
    }
    return out;
}

std::string results_html(const search::SearchResults& r, const Params& p, const SiteConfig& c) {
    std::string out;
    if (r.suggestion) {
        out += "<p class=\"suggestion\">" + t(p, "did_you_mean") + ": <a href=\"" +
               html(link_query(p, {{"q", *r.suggestion}, {"page", ""}})) + "\">" +
               html(*r.suggestion) + "</a></p>\n";
    }
    for (const query::QueryNote& n : r.notes) {
        out += "<p class=\"note\">" + t(p, "note") + ": " + html(n.message) + "</p>\n";
    }
    out += "<p class=\"count\" role=\"status\">" + count_html(r, p) + " " + t(p, "count_for") +
           " <q>" + html(p.q) + "</q></p>\n";
    if (r.hits.empty()) {
        return out + "<p class=\"empty\">" + t(p, "no_results") + "</p>\n";
    }
    out += "<ol class=\"results\" start=\"" + std::to_string(r.hits.front().rank) + "\">\n";
    for (const search::Hit& h : r.hits) {
        out += "<li class=\"result\" lang=\"" + html(h.lang) + "\">\n";
        const std::string anchor =
            h.passage.paragraph > 0 ? "#p" + std::to_string(h.passage.paragraph) : "";
        out += "<h2><a href=\"" + html(doc_url(c, h.path) + anchor) + "\">" + html(h.title) +
               "</a></h2>\n<p class=\"meta\">";
        out += "<span class=\"lang\">" +
               html(h.lang == "ja" ? message(p.hl, "lang_ja") : message(p.hl, "lang_en")) +
               "</span>";
        if (!h.date.empty()) {
            out += " · <time datetime=\"" + html(h.date) + "\">" + html(h.date) + "</time>";
        }
        out += " · <span class=\"path\">" + html(h.path) + "</span>";
        if (h.passage.paragraph > 0) {
            out += " · <span class=\"passage\">" + t(p, "passage") + " ";
            for (const std::string& heading : h.passage.headings) {
                out += html(heading) + " › ";
            }
            out += "¶" + std::to_string(h.passage.paragraph) + "</span>";
        }
        out += "</p>\n<p class=\"snippet\">" + snippet_html(h.snippet) + "</p>\n";
        std::string links;
        if (h.translation) {
            links += "<a class=\"translation\" hreflang=\"" + html(h.translation->lang) +
                     "\" href=\"" + html(doc_url(c, h.translation->path)) + "\">" +
                     t(p, "also_in") + " " +
                     html(h.translation->lang == "ja" ? "日本語" : "English") + ": " +
                     html(h.translation->title) + "</a>";
        }
        if (!h.source_url.empty()) {
            links += std::string(links.empty() ? "" : " · ") + "<a class=\"source\" href=\"" +
                     html(h.source_url) + "\" rel=\"noopener noreferrer\">" + t(p, "source") +
                     "</a>";
        }
        if (!links.empty()) {
            out += "<p class=\"links\">" + links + "</p>\n";
        }
        out += "</li>\n";
    }
    return out + "</ol>\n";
}

/// The credit EDICT's licence asks of a page that searched with the dictionary's words.
std::string lexicon_credit(const search::SearchResults& r, const Params& p) {
    const bool used = std::any_of(r.expansions.begin(), r.expansions.end(), [](const auto& e) {
        return e.source.find("dictionary") != std::string::npos;
    });
    return used
               ? "<footer class=\"credit\"><p>" + html(t(p, "lexicon_credit")) +
                     " <a href=\"http://www.edrdg.org/edrdg/licence.html\">EDRDG</a></p></footer>\n"
               : std::string();
}

std::string facets_html(const search::SearchResults& r, const Params& p) {
    std::string out =
        "<aside class=\"facets\" aria-labelledby=\"facets-title\">\n<h2 "
        "id=\"facets-title\">" +
        t(p, "facets") + "</h2>\n";
    std::string active;
    if (!p.lang.empty()) {
        active += "<li>" + t(p, "facet_lang") + ": " + html(p.lang) + " <a href=\"" +
                  html(link_query(p, {{"lang", ""}, {"page", ""}})) + "\">" +
                  t(p, "remove_filter") + "</a></li>\n";
    }
    for (const auto& [field, value] : p.filters) {
        active += "<li>" + t(p, "facet_" + field) + ": " + html(value) + " <a href=\"" +
                  html(link_query(p, {{field, ""}, {"page", ""}})) + "\">" + t(p, "remove_filter") +
                  "</a></li>\n";
    }
    if (!active.empty()) {
        out += "<h3>" + t(p, "filters") + "</h3>\n<ul class=\"active\">\n" + active + "</ul>\n";
    }
    for (const search::Facet& f : r.facets) {
        if (f.values.empty()) {
            continue;
        }
        out += "<section class=\"facet\" data-facet=\"" + html(f.name) + "\">\n<h3>" +
               t(p, "facet_" + f.name) + "</h3>\n<ul>\n";
        for (const search::FacetValue& v : f.values) {
            const std::string label =
                f.name == "lang" ? std::string(message(p.hl, "lang_" + v.value)) : v.value;
            out += "<li><a class=\"facet-value\" href=\"" +
                   html(link_query(p, {{f.name, v.value}, {"page", ""}})) + "\">" + html(label) +
                   " <span class=\"n\">" + std::to_string(v.count) + "</span></a></li>\n";
        }
        out += "</ul>\n</section>\n";
    }
    return out + "</aside>\n";
}

/// Previous and Next: Next only when the next page has results (SearchResults::more) and
/// is served (search::max_result_window).
std::string pages_html(const search::SearchResults& r, const Params& p) {
    const bool next = r.more && (p.page + 1) * p.n <= search::max_result_window;
    if (p.page <= 1 && !next) {
        return {};
    }
    std::string out = "<nav class=\"pages\" aria-label=\"" + t(p, "pages") + "\">\n";
    if (p.page > 1) {
        out += "<a rel=\"prev\" href=\"" +
               html(link_query(p, {{"page", p.page == 2 ? "" : std::to_string(p.page - 1)}})) +
               "\">" + t(p, "previous") + "</a>\n";
    }
    out += "<span aria-current=\"page\">" +
           format_message(message(p.hl, "page_of"), std::to_string(p.page)) + "</span>\n";
    if (next) {
        out += "<a rel=\"next\" href=\"" +
               html(link_query(p, {{"page", std::to_string(p.page + 1)}})) + "\">" + t(p, "next") +
               "</a>\n";
    }
    return out + "</nav>\n";
}

Response error_page(int status, const Params& p, const SiteConfig& c, const std::string& key,
                    const std::string& detail = {}) {
    Response r;
    r.status = status;
    r.body = page_start(p, c, std::string(message(p.hl, "error_title")) + " — seisaku");
    r.body += "<main id=\"main\">\n<h1>" + t(p, "error_title") + "</h1>\n<p class=\"error\">" +
              t(p, key) + "</p>\n";
    if (!detail.empty()) {
        r.body += "<p class=\"detail\">" + html(detail) + "</p>\n";
    }
    r.body += "<p><a href=\"" + html(link_query(home(p), {})) + "\">" + t(p, "back") +
              "</a></p>\n</main>\n</body>\n</html>\n";
    return r;
}

/// The term bank the site's configuration names. A glossary that cannot be used is the
/// site's fault, not the user's: a SetupError (500 page) whose message names the file.
glossary::TermBank site_term_bank(const SiteConfig& c, const analysis::Analyzer& analyzer) {
    try {
        return glossary::make_term_bank(c.bank, analyzer);
    } catch (const UsageError& e) {
        throw SetupError(std::string("seisaku.cgi: glossary in the configuration: ") + e.what());
    }
}

Response search_response(const CgiEnvironment& env, const Params& p, const SiteConfig& c,
                         const analysis::Analyzer& analyzer) {
    Response r;
    if (p.format == "opensearch") {
        r.content_type = "application/opensearchdescription+xml; charset=utf-8";
        r.body = opensearch(env, p);
        return r;
    }
    if (p.q.empty() && p.filters.empty()) {
        if (p.format != "html") {
            return error_page(400, p, c, "error_400", "q is empty");
        }
        r.body = page_start(p, c, "seisaku") +
                 "<main id=\"main\">\n<h1 class=\"visually-hidden\">" + t(p, "site") + "</h1>\n" +
                 search_form(p) + "</main>\n</body>\n</html>\n";
        return r;
    }
    search::Searcher searcher(c.db, analyzer);
    if (!c.bank.is_default()) {
        searcher.set_term_bank(site_term_bank(c, analyzer));
    }
    search::SearchRequest req;
    req.query = search_text(p);
    req.lang = p.lang;
    req.lead_lang = p.hl;  // the twin in the page's language heads a pair of translations
    req.limit = p.n;
    req.offset = (p.page - 1) * p.n;
    req.facets = p.format == "html";
    req.since = p.since;
    req.until = p.until;
    req.time_limit = c.time_limit;
    req.sort = search::parse_sort_order(p.format == "atom" ? "newest" : p.sort);
    search::SearchResults results = searcher.search(req);
    results.query = p.q;
    if (p.format == "json") {
        r.content_type = "application/json; charset=utf-8";
        r.body = render::json(results) + "\n";
        return r;
    }
    if (p.format == "atom") {
        r.content_type = "application/atom+xml; charset=utf-8";
        r.body = atom(results, p, env, c);
        return r;
    }
    r.body = page_start(p, c, p.q + " — seisaku");
    r.body += "<main id=\"main\">\n<h1 class=\"visually-hidden\">" + t(p, "site") + "</h1>\n";
    r.body += search_form(p);
    r.body += "<div class=\"layout\">\n<section class=\"hits\" aria-label=\"" +
              t(p, "search_label") + "\">\n" + results_html(results, p, c) +
              pages_html(results, p) + "</section>\n" + facets_html(results, p) + "</div>\n";
    r.body += lexicon_credit(results, p) + "</main>\n</body>\n</html>\n";
    return r;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> read_config_file(const std::string& path) {
    std::vector<std::pair<std::string, std::string>> out;
    std::ifstream in(path);
    std::string line;
    const auto trim = [](std::string_view s) { return std::string(text::trim_ascii(s)); };
    for (int n = 0; n < 100 && std::getline(in, line); ++n) {
        const std::size_t eq = line.find('=');
        if (line.empty() || line.front() == '#' || eq == std::string::npos) {
            continue;
        }
        out.emplace_back(trim(line.substr(0, eq)), trim(line.substr(eq + 1)));
    }
    return out;
}

bool config_flag(const std::string& value) {
    const std::string v = text::lower_ascii(text::trim_ascii(value));
    return v != "no" && v != "off" && v != "false" && v != "0";
}

std::vector<std::string> glossary_files(const std::string& value) {
    std::vector<std::string> files;
    for (const std::string_view file : text::split(value, ":")) {
        if (!file.empty()) {
            files.emplace_back(file);
        }
    }
    return files;
}

Response handle(const CgiEnvironment& env, const SiteConfig& config,
                const analysis::Analyzer& analyzer) {
    Params p;
    const std::optional<Refusal> refused = parse_params(env, p);
    try {
        if (env.method != "GET" && env.method != "HEAD") {
            Response r = error_page(405, p, config, "error_405");
            r.headers.emplace_back("Allow", "GET, HEAD");
            return r;
        }
        if (refused) {
            return error_page(refused->status, p, config,
                              refused->status == 414 ? "error_414" : "error_400");
        }
        if (config.db.empty()) {
            return error_page(500, p, config, "error_500");
        }
        return search_response(env, p, config, analyzer);
    } catch (const QueryError& e) {
        if (std::string_view(e.what()) == "query has nothing to search for" && p.format == "html") {
            // Only stop words or symbols (Q11): the form again, with a hint, not an error.
            Response r;
            r.body = page_start(p, config, p.q + " — seisaku") + "<main id=\"main\">\n" +
                     search_form(p) + "<p class=\"empty\">" + t(p, "nothing_to_search") +
                     "</p>\n</main>\n</body>\n</html>\n";
            return r;
        }
        // The user's own query could not be searched: say why (our message, escaped).
        return error_page(400, p, config, "error_400", e.what());
    } catch (const IndexError& e) {
        // A lock or an index changing under the search passes (503, try again); a missing or
        // damaged index does not until someone acts (500, BAD-INPUTS D9).
        if (e.code() == ExitCode::TempFail) {
            return error_page(503, p, config, "error_503");
        }
        return error_page(500, p, config, "error_500");
    } catch (const SetupError& e) {
        Response r = error_page(500, p, config, "error_500");
        r.log = e.what();  // the site's setup: the server's log says what, the page does not
        return r;
    } catch (...) {
        return error_page(500, p, config, "error_500");
    }
}

std::string serialize(const Response& r, bool head) {
    std::string out =
        "Status: " + std::to_string(r.status) + " " + reason_phrase(r.status) + "\r\n";
    out += "Content-Type: " + r.content_type + "\r\n";
    out += "X-Content-Type-Options: nosniff\r\n";
    out +=
        "Content-Security-Policy: default-src 'none'; style-src 'self'; img-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'\r\n";
    out += "Referrer-Policy: no-referrer\r\n";
    out += "X-Frame-Options: DENY\r\n";
    out += "Cache-Control: no-store\r\n";
    for (const auto& [name, value] : r.headers) {
        out += name + ": " + value + "\r\n";
    }
    out += "Content-Length: " + std::to_string(r.body.size()) + "\r\n\r\n";
    if (!head) {
        out += r.body;
    }
    return out;
}

std::string timeout_response() {
    Params p;
    return serialize(error_page(503, p, SiteConfig{}, "error_503"), false);
}

}  // namespace seisaku::web
