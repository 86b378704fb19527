// SPDX-License-Identifier: MIT
#include "document/file_fields.hpp"

#include <algorithm>

#include "document/dates.hpp"
#include "document/own_date.hpp"
#include "document/reader.hpp"
#include "document/sidecar.hpp"
#include "text/ascii.hpp"
#include "text/normalize.hpp"

namespace seisaku::document {
namespace {

std::vector<std::string> split_list(std::string_view raw) {
    std::string v = clean_value(raw);
    if (v.size() >= 2 && v.front() == '[' && v.back() == ']') {
        v = v.substr(1, v.size() - 2);
    }
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= v.size()) {
        const std::size_t comma = std::min(v.find(',', start), v.size());
        std::string item = clean_value(std::string_view(v).substr(start, comma - start));
        if (!item.empty()) {
            items.push_back(std::move(item));
        }
        start = comma + 1;
    }
    return items;
}

}  // namespace

std::string one_line(std::string_view s) {
    std::string out;
    bool space = false;
    for (const char c : text::trim_ascii(s)) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = true;
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

std::string clean_value(std::string_view raw) {
    std::string v = one_line(text::prepare(raw));
    if (v.size() >= 2 &&
        ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\''))) {
        v = v.substr(1, v.size() - 2);
    }
    return v;
}

void set_declared_field(Document& doc, std::string_view key, std::string_view value) {
    if (key == "title") {
        doc.title = clean_value(value);
    } else if (key == "date") {
        doc.date = clean_value(value);
    } else if (key == "lang" || key == "language") {
        doc.lang = clean_value(value);
    } else if (key == "issuer" || key == "author") {
        doc.issuer = clean_value(value);
    } else if (key == "type") {
        doc.type = clean_value(value);
    } else if (key == "topics" || key == "keywords") {
        doc.topics = split_list(value);
    } else if (key == "description") {
        doc.description = clean_value(value);
    } else if (key == "source_title" || key == "source-title") {
        doc.source_title = clean_value(value);
    } else if (key == "source_url" || key == "source-url" || key == "canonical") {
        doc.source_url = clean_value(value);
    } else if (key == "translation_key" || key == "translation-key") {
        doc.translation_key = clean_value(value);
    }
}

std::string_view read_front_matter(std::string_view text, Document& doc) {
    if (!text.starts_with("---\n") && !text.starts_with("---\r\n")) {
        return text;
    }
    std::size_t pos = text.find('\n') + 1;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) {
            eol = text.size();
        }
        const std::string_view line = text::trim_ascii(text.substr(pos, eol - pos));
        if (line == "---") {
            return text.substr(std::min(eol + 1, text.size()));
        }
        const std::size_t colon = line.find(':');
        if (colon != std::string_view::npos) {
            std::string key(text::trim_ascii(line.substr(0, colon)));
            std::transform(key.begin(), key.end(), key.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            set_declared_field(doc, key, line.substr(colon + 1));
        }
        pos = eol + 1;
    }
    doc = Document{};
    doc.warnings.emplace_back("front matter has no closing --- line; read as plain text");
    return text;
}

std::string given_date(const std::string& given, std::vector<std::string>& warnings) {
    if (given.empty() || is_valid_date(given)) {
        return given;
    }
    if (const auto range = parse_date(given)) {
        std::string date = compact_date(*range);
        if (date.empty()) {
            warnings.push_back("date \"" + given +
                               "\" is a fiscal year, not a day, month or year; ignored");
        }
        return date;
    }
    warnings.push_back("date \"" + given + "\" is not a date; ignored");
    return {};
}

void apply_metadata(Document& doc, const FileMetadata& m) {
    const auto fill = [](std::string& field, const std::string& value) {
        if (field.empty()) {
            field = value;
        }
    };
    fill(doc.title, m.title);
    fill(doc.lang, m.lang);
    fill(doc.issuer, m.issuer);
    fill(doc.type, m.type);
    fill(doc.description, m.description);
    fill(doc.source_title, m.source_title);
    fill(doc.source_url, m.source_url);
    fill(doc.translation_key, m.translation_key);
    if (doc.topics.empty()) {
        doc.topics = m.topics;
    }
    if (doc.date.empty() && !m.date.empty()) {
        doc.date = m.date;
        doc.date_source = std::string(date_from_sidecar);
    }
}

}  // namespace seisaku::document
