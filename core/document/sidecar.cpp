// SPDX-License-Identifier: MIT
#include "document/sidecar.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "document/dates.hpp"
#include "document/sidecar_rows.hpp"
#include "document/sidecar_translations.hpp"
#include "text/ascii.hpp"
#include "text/encoding.hpp"
#include "text/hash.hpp"
#include "text/utf8.hpp"

namespace seisaku::document {
namespace {

using text::lower_ascii;

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

/// Where the problems of one metadata file go, each with its line (0: the whole file).
struct FileProblems {
    std::vector<SidecarProblem>& problems;
    const std::string& where;
    void add(std::size_t line, std::string message) const {
        problems.push_back(
            {line == 0 ? where : where + ":" + std::to_string(line), std::move(message)});
    }
};

/// What reading a run's metadata files needs and makes.
struct Run {
    const std::unordered_set<std::string>& documents;  ///< the ids of the files the run lists
    const SidecarLimits& limits;
    Sidecars& out;
    std::unordered_map<std::string, std::string> row_of;  ///< id -> where its row is
};

/// A metadata file's text, or nullopt (with the problem) when it is too large or binary
/// data; undecodable bytes are a problem, but the file is read.
std::optional<std::string> sidecar_text(const SidecarFile& file, const SidecarLimits& limits,
                                        const FileProblems& problem) {
    if (file.bytes.size() > limits.max_bytes) {
        problem.add(0, "larger than " + std::to_string(limits.max_bytes) +
                           " bytes; the metadata file is not read");
        return std::nullopt;
    }
    if (file.bytes.find('\0') != std::string::npos && !file.bytes.starts_with("\xFF\xFE") &&
        !file.bytes.starts_with("\xFE\xFF")) {
        problem.add(0, "binary data (NUL bytes); the metadata file is not read");
        return std::nullopt;
    }
    const text::Decoded decoded = text::decode(file.bytes, {});
    std::string text = text::repair(decoded.utf8);
    if (decoded.substitutions > 0) {
        problem.add(0, std::to_string(decoded.substitutions) + " undecodable byte sequences (" +
                           decoded.encoding + ") read as U+FFFD");
    }
    return text;
}

/// The text fields of a row, by the field their column names.
const std::array<std::pair<Field, std::string FileMetadata::*>, 10> text_fields = {{
    {Field::Title, &FileMetadata::title},
    {Field::Date, &FileMetadata::date},
    {Field::Lang, &FileMetadata::lang},
    {Field::Issuer, &FileMetadata::issuer},
    {Field::Type, &FileMetadata::type},
    {Field::Description, &FileMetadata::description},
    {Field::SourceTitle, &FileMetadata::source_title},
    {Field::SourceUrl, &FileMetadata::source_url},
    {Field::TranslationOf, &FileMetadata::translation_of},
    {Field::TranslationKey, &FileMetadata::translation_key},
}};

/// Sets the field of `m` a cell fills (not the file column's: that is the row's path).
void set_field(FileMetadata& m, Field field, const std::string& v) {
    if (field == Field::Topics) {
        m.topics = split_topics(v);
        return;
    }
    for (const auto& [f, member] : text_fields) {
        if (f == field) {
            m.*member = v;
            return;
        }
    }
}

/// A record's cells into `m`, its file column into `path`; false (with the problem) when a
/// field is too long, which refuses the row.
bool read_cells(Record& r, FileMetadata& m, std::string& path, const SidecarLimits& limits,
                const FileProblems& problem) {
    for (auto& [field, value] : r.cells) {
        if (value.size() > limits.max_field_bytes) {
            problem.add(r.line, "a field of " + std::to_string(value.size()) + " bytes (at most " +
                                    std::to_string(limits.max_field_bytes) + "); row ignored");
            return false;
        }
        const std::string v(text::trim_ascii(value));
        if (field == Field::File) {
            path = v;
        } else {
            set_field(m, field, v);
        }
    }
    return true;
}

/// The id of the document a row names, or "" (with the problem) when it names none: no file,
/// a file outside the metadata file's folder or not in the run, or one another row named.
std::string row_document(const Run& run, const std::string& folder_id, const std::string& path,
                         std::size_t line, const FileProblems& problem) {
    if (path.empty()) {
        problem.add(line, "no file named; row ignored");
        return {};
    }
    const std::string inside = inside_path(path);
    if (inside.empty()) {
        problem.add(line, "\"" + text::repair(path) +
                              "\" is outside the metadata file's folder; row ignored");
        return {};
    }
    std::string id = folder_id + "/" + inside;
    if (!run.documents.contains(id)) {
        problem.add(line, "no document \"" + inside +
                              "\" in this folder (missing, skipped, or not .txt, .md, "
                              ".html or .pdf); row ignored");
        return {};
    }
    if (const auto seen = run.row_of.find(id); seen != run.row_of.end()) {
        problem.add(line,
                    "\"" + inside + "\" has a row already (" + seen->second + "); row ignored");
        return {};
    }
    return id;
}

/// A row's date and language made canonical, its source URL checked; a value that is not
/// one is dropped with a problem.
void check_values(FileMetadata& m, std::size_t line, const FileProblems& problem) {
    if (!m.date.empty()) {
        const auto range = parse_date(m.date);
        const std::string compact = range ? compact_date(*range) : std::string();
        if (compact.empty()) {
            problem.add(line, "date \"" + m.date + "\" is not a day, month or year; date ignored");
        }
        m.date = compact;
    }
    if (!m.lang.empty()) {
        const std::string code = language_code(m.lang);
        if (code.empty()) {
            problem.add(line,
                        "language \"" + m.lang + "\" is not English or Japanese; language ignored");
        }
        m.lang = code;
    }
    if (!m.source_url.empty() && !m.source_url.starts_with("http://") &&
        !m.source_url.starts_with("https://")) {
        problem.add(line, "source URL is not http(s); ignored");
        m.source_url.clear();
    }
}

/// A row's translation as a document id of the run; dropped with a problem when it names no
/// document of the folder or the row's own file.
void check_translation(const Run& run, FileMetadata& m, const std::string& folder_id,
                       const std::string& id, std::size_t line, const FileProblems& problem) {
    if (m.translation_of.empty()) {
        return;
    }
    const std::string target_inside = inside_path(m.translation_of);
    const std::string target = folder_id + "/" + target_inside;
    if (target_inside.empty() || !run.documents.contains(target)) {
        problem.add(line, "translation of \"" + m.translation_of +
                              "\": no such document in this folder; translation ignored");
        m.translation_of.clear();
    } else if (target == id) {
        problem.add(line, "a file cannot be its own translation; ignored");
        m.translation_of.clear();
    } else {
        m.translation_of = target;
    }
}

/// One metadata file's records checked and kept by document id.
void read_rows(Run& run, const SidecarFile& file, std::vector<Record>& records,
               const FileProblems& problem) {
    std::size_t rows = 0;
    for (Record& r : records) {
        if (++rows > run.limits.max_rows) {
            problem.add(r.line, "more than " + std::to_string(run.limits.max_rows) +
                                    " rows; the rest of the file is ignored");
            break;
        }
        if (!r.problem.empty()) {
            problem.add(r.line, r.problem + "; row ignored");
            continue;
        }
        FileMetadata m;
        m.where = file.id + ":" + std::to_string(r.line);
        m.topics = std::move(r.topics);
        std::string path;
        if (!read_cells(r, m, path, run.limits, problem)) {
            continue;
        }
        const std::string id = row_document(run, file.folder_id, path, r.line, problem);
        if (id.empty()) {
            continue;
        }
        check_values(m, r.line, problem);
        check_translation(run, m, file.folder_id, id, r.line, problem);
        run.row_of.emplace(id, m.where);
        run.out.by_id.emplace(id, std::move(m));
        ++run.out.rows;
    }
}

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
    Run run{documents, limits, out, {}};
    for (const SidecarFile& file : files) {
        const FileProblems problem{out.problems, file.id};
        const std::optional<std::string> text = sidecar_text(file, limits, problem);
        if (!text) {
            continue;
        }
        const std::string name = lower_ascii(file.id);
        std::vector<Record> records =
            name.ends_with(".jsonl")
                ? jsonl_records(*text)
                : table_records(*text, name.ends_with(".csv"), out.problems, file.id);
        ++out.files;
        read_rows(run, file, records, problem);
    }
    link_translations(out);
    return out;
}

}  // namespace seisaku::document
