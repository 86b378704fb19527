// SPDX-License-Identifier: MIT
#include "document/sidecar.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "document/dates.hpp"
#include "document/reader.hpp"
#include "text/ascii.hpp"
#include "text/encoding.hpp"
#include "text/hash.hpp"
#include "text/utf8.hpp"

namespace seisaku::document {
namespace {

using text::lower_ascii;

enum class Field {
    File,
    Title,
    Date,
    Lang,
    Issuer,
    Type,
    Topics,
    Description,
    SourceTitle,
    SourceUrl,
    TranslationOf,
    TranslationKey,
    Other,
};

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

/// One record of a metadata file before it is checked: its line and its cells by field.
struct Record {
    std::size_t line = 0;
    std::vector<std::pair<Field, std::string>> cells;
    std::vector<std::string> topics;  ///< a JSON array of topics
    std::string problem;              ///< set when the record cannot be read
};

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

/// A row's file relative to its metadata file's folder, normalized ("./a.md" → "a.md", "\\"
/// → "/"); "" when it leaves the folder (absolute, or through "..").
std::string inside_path(std::string_view path) {
    std::string p(text::trim_ascii(path));
    std::replace(p.begin(), p.end(), '\\', '/');
    if (p.empty() || p.front() == '/' || (p.size() > 1 && p[1] == ':')) {
        return {};
    }
    std::string out;
    std::size_t start = 0;
    while (start <= p.size()) {
        const std::size_t slash = std::min(p.find('/', start), p.size());
        const std::string part = p.substr(start, slash - start);
        if (part == "..") {
            return {};
        }
        if (!part.empty() && part != ".") {
            out += (out.empty() ? "" : "/") + part;
        }
        start = slash + 1;
    }
    return out;
}

/// "en" or "ja" for the ways a language is named; "" for others.
std::string language_code(std::string_view value) {
    const std::string v = lower_ascii(text::trim_ascii(value));
    if (v == "en" || v.starts_with("en-") || v.starts_with("en_") || v == "english" ||
        v == "英語") {
        return "en";
    }
    if (v == "ja" || v.starts_with("ja-") || v.starts_with("ja_") || v == "jp" || v == "japanese" ||
        v == "日本語") {
        return "ja";
    }
    return {};
}

std::vector<std::string> split_topics(std::string_view value) {
    std::vector<std::string> out;
    std::string item;
    const auto flush = [&] {
        if (const std::string_view t = text::trim_ascii(item); !t.empty()) {
            out.emplace_back(t);
        }
        item.clear();
    };
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == ',' || value[i] == ';') {
            flush();
        } else if (value.substr(i).starts_with("、")) {
            flush();
            i += 2;
        } else {
            item += value[i];
        }
    }
    flush();
    return out;
}

/// Union-find over the files of translation groups.
struct Groups {
    std::unordered_map<std::string, std::string> parent;
    std::string find(const std::string& x) {
        auto it = parent.find(x);
        if (it == parent.end()) {
            parent[x] = x;
            return x;
        }
        if (it->second == x) {
            return x;
        }
        std::string root = find(it->second);
        parent[x] = root;
        return root;
    }
    void join(const std::string& a, const std::string& b) {
        const std::string ra = find(a);
        const std::string rb = find(b);
        if (ra != rb) {
            parent[std::max(ra, rb)] = std::min(ra, rb);  // the smaller id is the root
        }
    }
};

}  // namespace

std::uint64_t FileMetadata::hash() const {
    std::string all;
    for (const std::string* f : {&title, &date, &lang, &issuer, &type, &description, &source_title,
                                 &source_url, &translation_of, &translation_key}) {
        all += *f;
        all += '\x1f';
    }
    for (const std::string& t : topics) {
        all += t;
        all += '\x1e';
    }
    return text::fnv1a64(all);
}

bool is_sidecar_name(std::string_view file_name) {
    const std::string n = lower_ascii(file_name);
    for (const std::string_view stem : {"metadata", "manifest", "seisaku-metadata"}) {
        for (const std::string_view ext : {".tsv", ".csv", ".jsonl"}) {
            if (n.size() == stem.size() + ext.size() && n.starts_with(stem) && n.ends_with(ext)) {
                return true;
            }
        }
    }
    return false;
}

Sidecars read_sidecars(const std::vector<SidecarFile>& files,
                       const std::unordered_set<std::string>& documents,
                       const SidecarLimits& limits) {
    Sidecars out;
    std::unordered_map<std::string, std::string> row_of;  // id -> where its row is
    for (const SidecarFile& file : files) {
        const std::string& where = file.id;
        const auto problem = [&](std::size_t line, std::string message) {
            out.problems.push_back(
                {line == 0 ? where : where + ":" + std::to_string(line), std::move(message)});
        };
        if (file.bytes.size() > limits.max_bytes) {
            problem(0, "larger than " + std::to_string(limits.max_bytes) +
                           " bytes; the metadata file is not read");
            continue;
        }
        if (file.bytes.find('\0') != std::string::npos && !file.bytes.starts_with("\xFF\xFE") &&
            !file.bytes.starts_with("\xFE\xFF")) {
            problem(0, "binary data (NUL bytes); the metadata file is not read");
            continue;
        }
        const text::Decoded decoded = text::decode(file.bytes, {});
        const std::string text = text::repair(decoded.utf8);
        if (decoded.substitutions > 0) {
            problem(0, std::to_string(decoded.substitutions) + " undecodable byte sequences (" +
                           decoded.encoding + ") read as U+FFFD");
        }
        const std::string name = lower_ascii(file.id);
        std::vector<Record> records =
            name.ends_with(".jsonl")
                ? jsonl_records(text)
                : table_records(text, name.ends_with(".csv"), out.problems, where);
        ++out.files;
        std::size_t rows = 0;
        for (Record& r : records) {
            if (++rows > limits.max_rows) {
                problem(r.line, "more than " + std::to_string(limits.max_rows) +
                                    " rows; the rest of the file is ignored");
                break;
            }
            if (!r.problem.empty()) {
                problem(r.line, r.problem + "; row ignored");
                continue;
            }
            FileMetadata m;
            m.where = where + ":" + std::to_string(r.line);
            m.topics = std::move(r.topics);
            std::string path;
            bool refused = false;
            for (auto& [field, value] : r.cells) {
                if (value.size() > limits.max_field_bytes) {
                    problem(r.line, "a field of " + std::to_string(value.size()) +
                                        " bytes (at most " +
                                        std::to_string(limits.max_field_bytes) + "); row ignored");
                    refused = true;
                    break;
                }
                const std::string v(text::trim_ascii(value));
                switch (field) {
                    case Field::File:
                        path = v;
                        break;
                    case Field::Title:
                        m.title = v;
                        break;
                    case Field::Date:
                        m.date = v;
                        break;
                    case Field::Lang:
                        m.lang = v;
                        break;
                    case Field::Issuer:
                        m.issuer = v;
                        break;
                    case Field::Type:
                        m.type = v;
                        break;
                    case Field::Topics:
                        m.topics = split_topics(v);
                        break;
                    case Field::Description:
                        m.description = v;
                        break;
                    case Field::SourceTitle:
                        m.source_title = v;
                        break;
                    case Field::SourceUrl:
                        m.source_url = v;
                        break;
                    case Field::TranslationOf:
                        m.translation_of = v;
                        break;
                    case Field::TranslationKey:
                        m.translation_key = v;
                        break;
                    case Field::Other:
                        break;
                }
            }
            if (refused) {
                continue;
            }
            if (path.empty()) {
                problem(r.line, "no file named; row ignored");
                continue;
            }
            const std::string inside = inside_path(path);
            if (inside.empty()) {
                problem(r.line, "\"" + text::repair(path) +
                                    "\" is outside the metadata file's folder; row ignored");
                continue;
            }
            const std::string id = file.folder_id + "/" + inside;
            if (!documents.contains(id)) {
                problem(r.line, "no document \"" + inside +
                                    "\" in this folder (missing, skipped, or not .txt, .md, "
                                    ".html or .pdf); row ignored");
                continue;
            }
            if (const auto seen = row_of.find(id); seen != row_of.end()) {
                problem(r.line,
                        "\"" + inside + "\" has a row already (" + seen->second + "); row ignored");
                continue;
            }
            if (!m.date.empty()) {
                const auto range = parse_date(m.date);
                const std::string compact = range ? compact_date(*range) : std::string();
                if (compact.empty()) {
                    problem(r.line,
                            "date \"" + m.date + "\" is not a day, month or year; date ignored");
                }
                m.date = compact;
            }
            if (!m.lang.empty()) {
                const std::string code = language_code(m.lang);
                if (code.empty()) {
                    problem(r.line, "language \"" + m.lang +
                                        "\" is not English or Japanese; language ignored");
                }
                m.lang = code;
            }
            if (!m.source_url.empty() && !m.source_url.starts_with("http://") &&
                !m.source_url.starts_with("https://")) {
                problem(r.line, "source URL is not http(s); ignored");
                m.source_url.clear();
            }
            if (!m.translation_of.empty()) {
                const std::string target_inside = inside_path(m.translation_of);
                const std::string target = file.folder_id + "/" + target_inside;
                if (target_inside.empty() || !documents.contains(target)) {
                    problem(r.line, "translation of \"" + m.translation_of +
                                        "\": no such document in this folder; translation "
                                        "ignored");
                    m.translation_of.clear();
                } else if (target == id) {
                    problem(r.line, "a file cannot be its own translation; ignored");
                    m.translation_of.clear();
                } else {
                    m.translation_of = target;
                }
            }
            row_of.emplace(id, m.where);
            out.by_id.emplace(id, std::move(m));
            ++out.rows;
        }
    }

    // Translations: a cycle of three files or more is refused; the rest make groups.
    std::vector<std::string> cycles;  // rows whose translation makes one
    for (const auto& [id, m] : out.by_id) {
        if (m.translation_of.empty()) {
            continue;
        }
        std::vector<std::string> path = {id};
        std::string at = m.translation_of;
        while (at != id && path.size() <= out.by_id.size()) {
            const auto next = out.by_id.find(at);
            if (next == out.by_id.end() || next->second.translation_of.empty()) {
                break;
            }
            path.push_back(at);
            at = next->second.translation_of;
        }
        if (at == id && path.size() >= 3) {
            std::string cycle;
            for (const std::string& p : path) {
                cycle += p.substr(p.rfind('/') + 1) + " → ";
            }
            cycle += id.substr(id.rfind('/') + 1);
            out.problems.push_back(
                {m.where, "translations make a cycle (" + cycle + "); translation ignored"});
            cycles.push_back(id);
        }
    }
    std::sort(
        out.problems.begin() + static_cast<std::ptrdiff_t>(out.problems.size() - cycles.size()),
        out.problems.end(),
        [](const SidecarProblem& x, const SidecarProblem& y) { return x.where < y.where; });
    for (const std::string& id : cycles) {
        out.by_id[id].translation_of = "!";
    }
    Groups groups;
    for (auto& [id, m] : out.by_id) {
        if (m.translation_of == "!") {
            continue;
        }
        if (!m.translation_of.empty()) {
            const auto target = out.by_id.find(m.translation_of);
            if (target == out.by_id.end() || target->second.translation_of != "!") {
                groups.join(id, m.translation_of);
            }
        }
    }
    for (auto& [id, m] : out.by_id) {
        if (m.translation_of == "!") {
            m.translation_of.clear();
        }
    }
    // Each group's key: a row's own (the first by id), else "~" and its first id.
    std::unordered_map<std::string, std::string> key_of;
    std::vector<std::string> members;
    for (const auto& [id, parent] : groups.parent) {
        members.push_back(id);
    }
    std::sort(members.begin(), members.end());
    for (const std::string& id : members) {
        const std::string root = groups.find(id);
        const auto row = out.by_id.find(id);
        if (row != out.by_id.end() && !row->second.translation_key.empty() &&
            !key_of.contains(root)) {
            key_of[root] = row->second.translation_key;
        }
    }
    for (const std::string& id : members) {
        const std::string root = groups.find(id);
        const auto [key, inserted] = key_of.emplace(root, "~" + root);
        FileMetadata& m = out.by_id[id];
        if (m.where.empty()) {
            m.where = "(translation group of " + root + ")";
        }
        if (m.translation_key.empty()) {
            m.translation_key = key->second;
        }
    }
    return out;
}

}  // namespace seisaku::document
