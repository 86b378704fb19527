// SPDX-License-Identifier: MIT
#include "document/reader.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "document/dates.hpp"
#include "document/folder_profile.hpp"
#include "document/html_text.hpp"
#include "document/markdown_text.hpp"
#include "document/own_date.hpp"
#include "document/structure.hpp"
#include "document/titles.hpp"
#include "error.hpp"
#include "text/ascii.hpp"
#include "text/encoding.hpp"
#include "text/normalize.hpp"
#include "text/script_runs.hpp"
#include "text/utf8.hpp"

namespace seisaku::document {
namespace {

/// A file whose first bytes hold more NULs than this share is binary (text uses none).
constexpr double binary_nul_share = 0.01;
/// ... or whose decoded text has more than this share of U+FFFD and control characters
/// (random bytes: about 60 %; a UTF-8 file with a third of its lines in Shift_JIS: 30 %).
constexpr double binary_invalid_share = 0.40;
constexpr std::size_t sniff_bytes = 64 * 1024;

/// One line of single spaces: titles and metadata values never carry line breaks.
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

bool is_http_url(std::string_view url) {
    return url.starts_with("http://") || url.starts_with("https://");
}

void check_not_binary(std::string_view bytes) {
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        return;  // UTF-16 with a byte-order mark: every other byte of Latin text is NUL
    }
    const std::string_view head = bytes.substr(0, sniff_bytes);
    const auto nuls = static_cast<double>(std::count(head.begin(), head.end(), '\0'));
    if (nuls >= 4 && nuls > binary_nul_share * static_cast<double>(head.size())) {
        throw CorpusError("binary file (NUL bytes), not indexed");
    }
}

/// Refuses decoded text that is largely U+FFFD and control characters: binary data or an
/// encoding we do not read.
void check_decodable(const text::Decoded& decoded, const text::RepairStats& controls,
                     std::string_view valid) {
    const auto junk =
        static_cast<double>(decoded.substitutions + controls.controls + controls.nuls);
    if (decoded.substitutions > 8 &&
        junk > binary_invalid_share * static_cast<double>(text::length(valid))) {
        throw CorpusError("binary file or unsupported encoding (" +
                          std::to_string(decoded.substitutions) + " undecodable sequences as " +
                          decoded.encoding + "), not indexed");
    }
}

/// The warning for the U+FFFD that decoding wrote, if any.
std::string substitution_warning(const text::Decoded& decoded) {
    const std::string n = std::to_string(decoded.substitutions);
    if (decoded.encoding.starts_with("UTF-8")) {
        return n + " invalid UTF-8 sequences replaced by U+FFFD";
    }
    return n + " undecodable " + decoded.encoding + " sequences replaced by U+FFFD";
}

void set_field(Document& doc, std::string_view key, std::string_view value) {
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

/// Splits "---\nkey: value\n...\n---\n" off the top of a Markdown file.
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
            set_field(doc, key, line.substr(colon + 1));
        }
        pos = eol + 1;
    }
    doc = Document{};
    doc.warnings.emplace_back("front matter has no closing --- line; read as plain text");
    return text;
}

/// A Markdown title: the first line when it is a heading or short, else the first "# " heading.
std::string markdown_title(std::string_view markdown, std::size_t max_bytes) {
    std::string first_line;
    std::size_t pos = 0;
    while (pos < markdown.size()) {
        std::size_t eol = markdown.find('\n', pos);
        if (eol == std::string_view::npos) {
            eol = markdown.size();
        }
        const std::string_view line = text::trim_ascii(markdown.substr(pos, eol - pos));
        pos = eol + 1;
        if (line.empty()) {
            continue;
        }
        const bool heading = line.front() == '#';
        std::string_view text = line;
        while (!text.empty() && text.front() == '#') {
            text.remove_prefix(1);
        }
        if (first_line.empty() && (heading || line.size() <= max_bytes)) {
            return one_line(text);
        }
        if (first_line.empty()) {
            first_line = "-";  // the first line is too long to be a title; look for "# "
        }
        if (line.starts_with("# ")) {
            return one_line(text);
        }
    }
    return {};
}

/// A date as given (front matter, HTML meta, a metadata file) in any form parse_date()
/// reads, as YYYY[-MM[-DD]]; "" with a warning when it is not one day, month or year.
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

/// The fields a folder's metadata file gives, where the file itself gives none.
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

/// Bytes to valid UTF-8 text, refusing binary data (not for PDF).
std::string decode_text(std::string_view bytes, Format format, text::Decoded& decoded,
                        text::RepairStats& stats) {
    check_not_binary(bytes);
    decoded = text::decode(bytes, format == Format::Html ? declared_charset(bytes) : std::string());
    std::string valid = text::repair(decoded.utf8, &stats);
    check_decodable(decoded, stats, valid);
    return valid;
}

/// The first non-blank line of `text` and what follows it.
std::pair<std::string_view, std::string_view> first_line(std::string_view text) {
    text = text::trim_ascii(text);
    const std::size_t eol = std::min(text.find('\n'), text.size());
    return {text::trim_ascii(text.substr(0, eol)), text.substr(std::min(eol + 1, text.size()))};
}

/// An HTML page's title line: its first <h1> when the <title> holds it (the site's name
/// beside it: "Japan-EU Digital Partnership | Digital Agency"), else the <title>.
std::string html_title_line(const HtmlContent& html) {
    const std::string title = clean_value(html.title);
    const std::string h1 = clean_value(html.h1);
    if (!h1.empty() && (title.empty() || title.find(h1) != std::string::npos)) {
        return h1;
    }
    return title.empty() ? h1 : title;
}

/// The text after the title line in `body` (NFKC, like the title line: for a title made of
/// the first sentence).
std::string_view after_title(std::string_view body, std::string_view title_line) {
    std::size_t pos = 0;
    while (pos < body.size()) {
        const std::size_t eol = std::min(body.find('\n', pos), body.size());
        if (one_line(body.substr(pos, eol - pos)) == title_line) {
            return body.substr(std::min(eol + 1, body.size()));
        }
        pos = eol + 1;
    }
    return body;
}

}  // namespace

std::optional<Format> format_for(std::string_view file_name) {
    const std::size_t dot = file_name.rfind('.');
    if (dot == std::string_view::npos) {
        return std::nullopt;
    }
    std::string ext(file_name.substr(dot + 1));
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == "txt" || ext == "text") {
        return Format::Text;
    }
    if (ext == "md" || ext == "markdown") {
        return Format::Markdown;
    }
    if (ext == "html" || ext == "htm" || ext == "xhtml") {
        return Format::Html;
    }
    if (ext == "pdf") {
        return Format::Pdf;
    }
    return std::nullopt;
}

std::string detect_language(std::string_view valid_utf8) {
    std::size_t japanese = 0;
    std::size_t kana = 0;
    std::size_t latin = 0;
    std::size_t pos = 0;
    while (pos < valid_utf8.size()) {
        const char32_t cp = text::next_code_point(valid_utf8, pos);
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
            ++latin;
        } else if (cp >= 0x3040 && cp <= 0x30FF) {
            ++kana;
            ++japanese;
        } else if (text::classify(cp) == text::CharClass::Japanese) {
            ++japanese;
        }
    }
    // Japanese policy texts are full of Latin acronyms, and one kana character in ten words
    // of English is a quoted name: compare shares, letters weighted per character.
    if (kana > 0 && japanese * 4 >= latin) {
        return "ja";
    }
    return "en";
}

bool is_valid_date(std::string_view date) {
    const auto digits = [&](std::size_t from, std::size_t n) {
        if (date.size() < from + n) {
            return -1;
        }
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (date[i] < '0' || date[i] > '9') {
                return -1;
            }
            v = v * 10 + (date[i] - '0');
        }
        return v;
    };
    if (date.size() != 4 && date.size() != 7 && date.size() != 10) {
        return false;
    }
    const int year = digits(0, 4);
    if (year < 1000) {
        return false;
    }
    if (date.size() == 4) {
        return true;
    }
    const int month = digits(5, 2);
    if (date[4] != '-' || month < 1 || month > 12) {
        return false;
    }
    if (date.size() == 7) {
        return true;
    }
    const int day = digits(8, 2);
    const int max_day = days_in_month(year, month);
    return date[7] == '-' && day >= 1 && day <= max_day;
}

Document read_document(std::string_view bytes, Format format, std::string id,
                       std::string_view file_name, const ReadOptions& options,
                       const FileContext& context) {
    text::RepairStats stats;  // decoded is valid UTF-8: this turns NUL and controls to spaces
    text::Decoded decoded;    // a PDF's text comes from its extractor, not from these bytes
    std::string valid;
    if (format != Format::Pdf) {
        valid = decode_text(bytes, format, decoded, stats);
    }

    Document doc;
    std::string body;
    std::string title_text;  // the line the title is made from, when the file declares none
    std::string date_source;
    switch (format) {
        case Format::Markdown: {
            const std::string_view rest = read_front_matter(valid, doc);
            if (doc.title.empty()) {
                title_text = markdown_title(text::prepare(rest), options.title_max_bytes);
            }
            body = markdown_to_text(rest, &doc.headings);
            doc.headings = with_structure_headings(body, std::move(doc.headings), false);
            doc.format = "markdown";
            date_source = date_from_front_matter;
            break;
        }
        case Format::Html: {
            HtmlContent html = extract_html(valid);
            doc.headings = std::move(html.headings);
            body = strip_boilerplate(html.text, doc.headings, context.repeated_lines).text;
            title_text = html_title_line(html);
            for (const auto& [key, value] : html.meta) {
                set_field(doc, key, value);
            }
            if (doc.lang.empty()) {
                doc.lang = clean_value(html.lang);
            }
            doc.alternates = std::move(html.alternates);
            doc.format = "html";
            date_source = date_from_html_meta;
            break;
        }
        case Format::Text: {
            std::vector<Heading> none;
            const Stripped kept =
                strip_boilerplate(text::trim_ascii(valid), none, context.repeated_lines);
            const auto [first, rest] = first_line(kept.text);
            const std::string line = one_line(text::prepare(first));
            if (!line.empty() && line.size() <= options.title_max_bytes) {
                title_text = line;
                body = std::string(text::trim_ascii(rest));
            } else {
                body = std::string(text::trim_ascii(kept.text));
            }
            doc.headings = with_structure_headings(body, {}, true);
            doc.format = "text";
            break;
        }
        case Format::Pdf: {
            const PdfText pdf = extract_pdf_text(bytes, options.pdf);
            const PdfBody pages = pdf_body(pdf.pages, doc.headings, &stats.substitutions);
            body = pages.text;
            doc.languages = pages.languages;
            if (text::trim_ascii(body).empty()) {
                throw CorpusError("PDF has no text (scanned pages?), not indexed");
            }
            doc.headings = with_structure_headings(body, std::move(doc.headings), true);
            title_text = clean_value(pdf.title);
            if (title_text.empty()) {  // the first line, when short enough to be a title
                const std::string first = one_line(text::prepare(first_line(body).first));
                if (first.size() <= options.title_max_bytes) {
                    title_text = first;
                }
            }
            doc.format = "pdf";
            break;
        }
    }
    doc.body = std::move(body);
    doc.id = std::move(id);
    doc.encoding = decoded.encoding;

    if (decoded.substitutions > 0) {
        doc.warnings.push_back(substitution_warning(decoded));
    }
    if (stats.nuls > 0) {
        doc.warnings.push_back(std::to_string(stats.nuls) + " NUL bytes read as spaces");
    }
    // What the file says of itself first, then its folder's metadata, then what is derived.
    doc.date = given_date(doc.date, doc.warnings);
    if (!doc.date.empty()) {
        doc.date_source = date_source;
    }
    if (context.metadata != nullptr) {
        apply_metadata(doc, *context.metadata);
    }
    // The body is as written; titles and dates are read from the NFKC form of its head, as
    // the analyzer reads it (made once, when one of them needs it).
    std::optional<std::string> prepared;
    const auto head = [&]() -> const std::string& {
        if (!prepared) {
            prepared = text::prepare(text::truncate(doc.body, date_scan_bytes));
        }
        return *prepared;
    };
    if (doc.title.empty() && !title_text.empty()) {
        doc.title = derive_title(
            {title_text, after_title(head(), title_text), &doc.headings, context.title_shared});
    }
    if (doc.title.empty()) {  // no line short enough: the first sentence, else the file name
        doc.title = sentence_title(head());
    }
    if (doc.title.empty()) {
        doc.title = clean_value(file_name);
    }
    doc.title = std::string(text::truncate(doc.title, options.title_max_bytes));
    if (doc.lang.starts_with("ja")) {
        doc.lang = "ja";
    } else if (doc.lang.starts_with("en")) {
        doc.lang = "en";
    } else {
        if (!doc.lang.empty()) {
            doc.warnings.push_back("language \"" + doc.lang + "\" is not en or ja; detected");
        }
        doc.lang = detect_language(doc.title + "\n" + doc.body);
        if (!doc.languages.empty()) {  // a PDF's pages: the language most of its text is in
            doc.lang = doc.languages.front();
        }
    }
    if (doc.date.empty()) {
        OwnDate own = own_date(title_text.empty() ? doc.title : title_text, head(), file_name);
        doc.date = std::move(own.date);
        doc.date_source = std::move(own.source);
    }
    if (!doc.source_url.empty() && !is_http_url(doc.source_url)) {
        doc.warnings.emplace_back("source URL is not http(s); ignored");
        doc.source_url.clear();
    }
    if (bytes.empty()) {
        doc.warnings.emplace_back("empty file (0 bytes): indexed under its file name");
    } else if (text::trim_ascii(doc.body).empty() && text::trim_ascii(doc.title).empty()) {
        doc.warnings.emplace_back("empty document");
    }
    return doc;
}

PageSample sample_page(std::string_view bytes, Format format, const LineSet* repeated) {
    PageSample out;
    try {
        text::RepairStats stats;
        text::Decoded decoded;
        const std::string valid = decode_text(bytes, format, decoded, stats);
        switch (format) {
            case Format::Markdown: {
                Document doc;
                const std::string_view rest = read_front_matter(valid, doc);
                out.title.declared = !doc.title.empty();
                if (!out.title.declared) {
                    out.title.line = markdown_title(text::prepare(rest), 256);
                }
                break;
            }
            case Format::Html: {
                const HtmlContent html = extract_html(valid);
                out.edge_keys = edge_line_keys(html.text);
                out.title.line = html_title_line(html);
                break;
            }
            case Format::Text: {
                out.edge_keys = edge_line_keys(valid);
                std::string_view first = first_line(valid).first;
                std::string kept;
                if (repeated != nullptr) {  // past the site's lines
                    std::vector<Heading> none;
                    kept = strip_boilerplate(text::trim_ascii(valid), none, repeated).text;
                    first = first_line(kept).first;
                }
                out.title.line = one_line(text::prepare(first));
                out.title_needs_site = repeated == nullptr;
                break;
            }
            case Format::Pdf:
                break;
        }
    } catch (const CorpusError&) {
        return {};
    }
    return out;
}

}  // namespace seisaku::document
