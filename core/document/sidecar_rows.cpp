// SPDX-License-Identifier: MIT
#include "document/sidecar_rows.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "text/ascii.hpp"

namespace seisaku::document {
namespace {

using text::lower_ascii;

/// A header's column name to its field: "Source URL", "source-url" and "source_url" are one.
Field field_of(std::string_view name) {
    std::string n = lower_ascii(text::trim_ascii(name));
    std::replace(n.begin(), n.end(), '-', '_');
    std::replace(n.begin(), n.end(), ' ', '_');
    static const std::map<std::string, Field, std::less<>> names = {
        {"file", Field::File},
        {"path", Field::File},
        {"filename", Field::File},
        {"file_name", Field::File},
        {"title", Field::Title},
        {"date", Field::Date},
        {"lang", Field::Lang},
        {"language", Field::Lang},
        {"issuer", Field::Issuer},
        {"publisher", Field::Issuer},
        {"author", Field::Issuer},
        {"type", Field::Type},
        {"doc_type", Field::Type},
        {"topics", Field::Topics},
        {"topic", Field::Topics},
        {"keywords", Field::Topics},
        {"tags", Field::Topics},
        {"description", Field::Description},
        {"summary", Field::Description},
        {"source_title", Field::SourceTitle},
        {"source_url", Field::SourceUrl},
        {"url", Field::SourceUrl},
        {"translation_of", Field::TranslationOf},
        {"translates", Field::TranslationOf},
        {"parallel_of", Field::TranslationOf},
        {"translation", Field::TranslationOf},
        {"original", Field::TranslationOf},
        {"translation_key", Field::TranslationKey},
    };
    const auto it = names.find(n);
    return it == names.end() ? Field::Other : it->second;
}

/// Splits text into lines with their numbers (1-based), '\r' dropped.
std::vector<std::pair<std::size_t, std::string_view>> numbered_lines(std::string_view text) {
    std::vector<std::pair<std::size_t, std::string_view>> out;
    std::size_t pos = 0;
    std::size_t n = 0;
    while (pos < text.size()) {
        const std::size_t eol = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, eol - pos);
        if (line.ends_with('\r')) {
            line.remove_suffix(1);
        }
        out.emplace_back(++n, line);
        pos = eol + 1;
    }
    return out;
}

/// A TSV cell: surrounding double quotes dropped, doubled quotes inside read as one.
std::string tsv_cell(std::string_view cell) {
    cell = text::trim_ascii(cell);
    if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') {
        std::string out;
        const std::string_view inner = cell.substr(1, cell.size() - 2);
        for (std::size_t i = 0; i < inner.size(); ++i) {
            out += inner[i];
            if (inner[i] == '"' && i + 1 < inner.size() && inner[i + 1] == '"') {
                ++i;
            }
        }
        return out;
    }
    return std::string(cell);
}

/// CSV records (RFC 4180: quoted fields hold commas, quotes doubled and line breaks), each
/// with the line it starts on.
std::vector<std::pair<std::size_t, std::vector<std::string>>> csv_records(std::string_view text) {
    std::vector<std::pair<std::size_t, std::vector<std::string>>> out;
    std::vector<std::string> record;
    std::string cell;
    bool quoted = false;
    bool any = false;
    std::size_t line = 1;
    std::size_t start = 1;
    const auto end_record = [&] {
        if (any || !cell.empty() || !record.empty()) {
            record.push_back(std::string(text::trim_ascii(cell)));
            out.emplace_back(start, std::move(record));
        }
        record.clear();
        cell.clear();
        any = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    cell += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                line += c == '\n' ? 1 : 0;
                cell += c;
            }
            continue;
        }
        if (c == '"' && text::trim_ascii(cell).empty()) {
            quoted = true;
            cell.clear();
            any = true;
        } else if (c == ',') {
            record.push_back(std::string(text::trim_ascii(cell)));
            cell.clear();
            any = true;
        } else if (c == '\n') {
            end_record();
            start = ++line;
        } else if (c != '\r') {
            cell += c;
        }
    }
    end_record();
    return out;
}

}  // namespace

std::vector<Record> table_records(std::string_view text, bool csv,
                                  std::vector<SidecarProblem>& problems, const std::string& where) {
    std::vector<std::pair<std::size_t, std::vector<std::string>>> rows;
    if (csv) {
        rows = csv_records(text);
    } else {
        for (const auto& [n, line] : numbered_lines(text)) {
            std::vector<std::string> cells;
            std::size_t start = 0;
            for (;;) {
                const std::size_t tab = line.find('\t', start);
                cells.push_back(tsv_cell(line.substr(start, tab - start)));
                if (tab == std::string_view::npos) {
                    break;
                }
                start = tab + 1;
            }
            rows.emplace_back(n, std::move(cells));
        }
    }
    std::vector<Record> out;
    std::vector<Field> header;
    for (auto& [n, cells] : rows) {
        const bool blank =
            std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); });
        if (blank || (!cells.empty() && cells.front().starts_with("#"))) {
            continue;  // blank lines and comments
        }
        if (header.empty()) {
            for (const std::string& name : cells) {
                header.push_back(field_of(name));
            }
            if (std::find(header.begin(), header.end(), Field::File) == header.end()) {
                problems.push_back({where + ":" + std::to_string(n),
                                    "the header names no file column (file, path or filename); "
                                    "the metadata file is not read"});
                return {};
            }
            continue;
        }
        Record r;
        r.line = n;
        if (cells.size() > header.size()) {
            r.problem = std::to_string(cells.size()) + " fields, but the header has " +
                        std::to_string(header.size());
        }
        for (std::size_t i = 0; i < cells.size() && i < header.size(); ++i) {
            if (header[i] != Field::Other) {
                r.cells.emplace_back(header[i], std::move(cells[i]));
            }
        }
        out.push_back(std::move(r));
    }
    if (header.empty()) {
        problems.push_back({where, "no header line; the metadata file is not read"});
    }
    return out;
}

std::vector<Record> jsonl_records(std::string_view text) {
    std::vector<Record> out;
    for (const auto& [n, raw] : numbered_lines(text)) {
        const std::string_view line = text::trim_ascii(raw);
        if (line.empty() || line.starts_with("#")) {
            continue;
        }
        Record r;
        r.line = n;
        const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object()) {
            r.problem = "not a JSON object";
            out.push_back(std::move(r));
            continue;
        }
        for (const auto& [key, value] : j.items()) {
            const Field f = field_of(key);
            if (f == Field::Other) {
                continue;
            }
            if (value.is_string()) {
                r.cells.emplace_back(f, value.get<std::string>());
            } else if (f == Field::Topics && value.is_array()) {
                for (const auto& t : value) {
                    if (t.is_string()) {
                        r.topics.push_back(t.get<std::string>());
                    }
                }
            } else if (!value.is_null()) {
                r.problem = "\"" + key + "\" is not a string";
            }
        }
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace seisaku::document
