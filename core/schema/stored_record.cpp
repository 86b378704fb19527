// SPDX-License-Identifier: MIT
#include "schema/stored_record.hpp"

#include <charconv>
#include <cstdint>
#include <optional>

#include "schema/schema.hpp"
#include "text/hash.hpp"
#include "text/normalize.hpp"
#include "text/split.hpp"
#include "text/utf8.hpp"

namespace seisaku::schema {
namespace {

void put(std::string& out, std::string_view key, std::string_view value) {
    out += key;
    out += '=';
    for (const char c : value) {
        out += (c == '\n' || c == '\r') ? ' ' : c;
    }
    out += '\n';
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) {
            out += ", ";
        }
        out += item;
    }
    return out;
}

/// The items of a list join() wrote.
std::vector<std::string> split(const std::string& value) {
    return value.empty() ? std::vector<std::string>{} : text::split<std::string>(value, ", ");
}

/// "OFFSET LEVEL TEXT" or "OFFSET LEVEL:LINES TEXT" of a heading= line; nothing when
/// malformed or out of order.
std::optional<document::Heading> parse_heading(std::string_view value,
                                               const std::vector<document::Heading>& before) {
    document::Heading h;
    const char* const end = value.data() + value.size();
    const auto [after_offset, e1] = std::from_chars(value.data(), end, h.offset);
    if (e1 != std::errc() || after_offset == end || *after_offset != ' ') {
        return std::nullopt;
    }
    auto [after_level, e2] = std::from_chars(after_offset + 1, end, h.level);
    if (e2 == std::errc() && after_level != end && *after_level == ':') {  // LEVEL:LINES
        const auto [after_lines, e3] = std::from_chars(after_level + 1, end, h.lines);
        if (e3 != std::errc() || h.lines < 0 || h.lines > 2) {
            return std::nullopt;
        }
        after_level = after_lines;
    }
    if (e2 != std::errc() || h.level < 1 || h.level > 6 || after_level == end ||
        *after_level != ' ' || (!before.empty() && before.back().offset >= h.offset)) {
        return std::nullopt;
    }
    h.text = std::string(after_level + 1, end);
    return h;
}

}  // namespace

std::string encode_record(const document::Document& doc) {
    std::string out;
    out.reserve(doc.body.size() + 512);
    put(out, "path", doc.id);
    put(out, "title", doc.title);
    put(out, "lang", doc.lang);
    put(out, "date", doc.date);
    put(out, "date_source", doc.date_source);
    put(out, "format", doc.format);
    put(out, "encoding", doc.encoding);
    put(out, "issuer", doc.issuer);
    put(out, "type", doc.type);
    put(out, "topics", join(doc.topics));
    put(out, "description", doc.description);
    put(out, "source_title", doc.source_title);
    put(out, "source_url", doc.source_url);
    put(out, "translation_key", doc.translation_key);
    if (!doc.languages.empty()) {
        put(out, "languages", join(doc.languages));
    }
    for (const auto& [lang, href] : doc.alternates) {
        put(out, "alternate", lang + ' ' + href);
    }
    const std::string_view body = text::truncate(doc.body, max_stored_body_bytes);
    for (const document::Heading& h : doc.headings) {
        if (h.offset < body.size()) {  // a heading past the stored body's cut goes with it
            const std::string lines = h.lines == 1 ? "" : ":" + std::to_string(h.lines);
            put(out, "heading",
                std::to_string(h.offset) + ' ' + std::to_string(h.level) + lines + ' ' + h.text);
        }
    }
    out += "body=";
    out += body;
    return out;
}

std::string bounded_term(std::string_view prefix, std::string_view body) {
    if (!term_fits(prefix, body)) {
        return {};
    }
    return std::string(prefix) + std::string(body);
}

std::string pair_term(std::string_view pair) {
    return bounded_term(prefix_pair, pair);
}

std::string id_term(std::string_view path) {
    std::string term(prefix_id);
    if (prefix_id.size() + path.size() <= 240) {
        term += path;
        return term;
    }
    term += text::truncate(path, 200);
    term += '#';
    term += text::hex64(text::fnv1a64(path));
    return term;
}

std::string keyword_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    bool space = false;
    for (const char c : text::fold(value)) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '_') {
            space = term.size() > prefix.size();
            continue;
        }
        if (space) {
            term += '-';
            space = false;
        }
        term += c;
    }
    return std::string(text::truncate(term, 200));
}

document::Document decode_record(std::string_view data) {
    document::Document doc;
    while (!data.empty()) {
        const std::size_t eq = data.find('=');
        if (eq == std::string_view::npos) {
            break;
        }
        const std::string_view key = data.substr(0, eq);
        data.remove_prefix(eq + 1);
        if (key == "body") {
            doc.body = data;
            break;
        }
        const std::size_t eol = std::min(data.find('\n'), data.size());
        const std::string value(data.substr(0, eol));
        data.remove_prefix(std::min(eol + 1, data.size()));
        if (key == "path") {
            doc.id = value;
        } else if (key == "title") {
            doc.title = value;
        } else if (key == "lang") {
            doc.lang = value;
        } else if (key == "date") {
            doc.date = value;
        } else if (key == "date_source") {
            doc.date_source = value;
        } else if (key == "format") {
            doc.format = value;
        } else if (key == "encoding") {
            doc.encoding = value;
        } else if (key == "issuer") {
            doc.issuer = value;
        } else if (key == "type") {
            doc.type = value;
        } else if (key == "description") {
            doc.description = value;
        } else if (key == "source_title") {
            doc.source_title = value;
        } else if (key == "source_url") {
            doc.source_url = value;
        } else if (key == "translation_key") {
            doc.translation_key = value;
        } else if (key == "heading") {
            if (auto h = parse_heading(value, doc.headings)) {
                doc.headings.push_back(std::move(*h));
            }
        } else if (key == "topics") {
            doc.topics = split(value);
        } else if (key == "languages") {
            doc.languages = split(value);
        } else if (key == "alternate") {
            const std::size_t space = value.find(' ');
            if (space != std::string::npos) {
                doc.alternates.emplace_back(value.substr(0, space), value.substr(space + 1));
            }
        }
    }
    return doc;
}

}  // namespace seisaku::schema
