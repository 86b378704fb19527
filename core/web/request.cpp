// SPDX-License-Identifier: MIT
#include "web/request.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

#include "text/utf8.hpp"
#include "web/escape.hpp"

namespace seisaku::web {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/// application/x-www-form-urlencoded decoding; nullopt on a bad %-escape.
std::optional<std::string> decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%') {
            if (i + 2 >= s.size()) {
                return std::nullopt;  // a trailing % or %X
            }
            const int hi = hex_value(s[i + 1]);
            const int lo = hex_value(s[i + 2]);
            if (hi < 0 || lo < 0) {
                return std::nullopt;
            }
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += s[i];
        }
    }
    std::erase(out, '\0');
    return text::repair(out);
}

std::size_t clamp_number(std::string_view s, std::size_t low, std::size_t high,
                         std::size_t fallback) {
    std::size_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc::result_out_of_range) {
        return high;
    }
    if (ec != std::errc() || end != s.data() + s.size()) {
        return fallback;
    }
    return std::clamp(v, low, high);
}

bool one_of(std::string_view v, std::initializer_list<std::string_view> allowed) {
    return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
}

}  // namespace

std::string language_from_header(std::string_view header) {
    std::string lower(header.substr(0, 512));
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // The order of appearance stands in for q-values: browsers list languages by preference.
    const std::size_t ja = lower.find("ja");
    const std::size_t en = lower.find("en");
    return ja != std::string::npos && (en == std::string::npos || ja < en) ? "ja" : "en";
}

std::optional<Refusal> parse_params(const CgiEnvironment& env, Params& out) {
    out = Params{};
    out.hl = language_from_header(env.accept_language);
    if (env.query_string.size() > max_query_string_bytes) {
        return Refusal{414, "request_too_long"};
    }
    std::map<std::string, std::string> seen;
    std::string_view rest = env.query_string;
    while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest.remove_prefix(amp == std::string_view::npos ? rest.size() : amp + 1);
        if (pair.empty()) {
            continue;
        }
        const std::size_t eq = pair.find('=');
        const auto name = decode(pair.substr(0, eq));
        const auto value = decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1));
        if (!name || !value) {
            return Refusal{400, "bad_escape"};
        }
        if (value->size() > max_value_bytes) {
            return Refusal{400, "value_too_long"};
        }
        seen.try_emplace(*name, *value);  // the first value of a name wins
    }
    const auto get = [&](const std::string& name) {
        const auto it = seen.find(name);
        return it == seen.end() ? std::string() : it->second;
    };
    out.q = get("q");
    if (const std::string lang = get("lang"); one_of(lang, {"en", "ja"})) {
        out.lang = lang;
    }
    if (const std::string hl = get("hl"); one_of(hl, {"en", "ja"})) {
        out.hl = hl;
    }
    if (const std::string sort = get("sort"); one_of(sort, {"relevance", "newest", "oldest"})) {
        out.sort = sort;
    }
    if (const std::string format = get("format");
        one_of(format, {"html", "json", "opensearch", "atom"})) {
        out.format = format;
    }
    out.n = clamp_number(get("n"), 1, max_per_page, default_per_page);
    out.page = clamp_number(get("page"), 1, 10000 / out.n, 1);
    out.since = get("since");
    out.until = get("until");
    for (const char* facet : {"year", "issuer", "type", "topic"}) {
        std::string v = get(facet);
        std::erase(v, '"');  // a filter value is quoted when searched
        if (!v.empty()) {
            out.filters[facet] = v;
        }
    }
    return std::nullopt;
}

std::string link_query(const Params& p, const std::map<std::string, std::string>& changes) {
    std::vector<std::pair<std::string, std::string>> fields = {
        {"q", p.q},
        {"lang", p.lang},
        {"hl", p.hl},
        {"sort", p.sort == "relevance" ? "" : p.sort},
        {"since", p.since},
        {"until", p.until},
        {"n", p.n == default_per_page ? "" : std::to_string(p.n)},
        {"page", p.page == 1 ? "" : std::to_string(p.page)}};
    for (const auto& [name, value] : p.filters) {
        fields.emplace_back(name, value);
    }
    for (const auto& change : changes) {
        const auto& [name, value] = change;
        const auto it = std::find_if(fields.begin(), fields.end(),
                                     [&](const auto& f) { return f.first == change.first; });
        if (it != fields.end()) {
            it->second = value;
        } else {
            fields.emplace_back(name, value);
        }
    }
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!value.empty()) {
            out += (out.empty() ? "?" : "&") + url_component(name) + "=" + url_component(value);
        }
    }
    return out.empty() ? "?" : out;
}

}  // namespace seisaku::web
