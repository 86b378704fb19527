// SPDX-License-Identifier: MIT
#include "document/reader.hpp"

#include <algorithm>
#include <optional>

#include "document/dates.hpp"
#include "document/file_bytes.hpp"
#include "document/file_fields.hpp"
#include "document/folder_profile.hpp"
#include "document/html_text.hpp"
#include "document/markdown_text.hpp"
#include "document/own_date.hpp"
#include "document/structure.hpp"
#include "document/titles.hpp"
#include "error.hpp"
#include "text/ascii.hpp"
#include "text/normalize.hpp"
#include "text/script_runs.hpp"

namespace seisaku::document {
namespace {

bool is_http_url(std::string_view url) {
    return url.starts_with("http://") || url.starts_with("https://");
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

/// What a format's reader makes of a file: its body, the line its title is made from (when
/// the file declares none) and where a date it declares comes from.
struct Read {
    std::string body;
    std::string title_text;
    std::string date_source;
};

/// A Markdown file: its front matter's fields, its text and headings.
Read read_markdown(std::string_view valid, Document& doc, const ReadOptions& options) {
    Read out;
    const std::string_view rest = read_front_matter(valid, doc);
    if (doc.title.empty()) {
        out.title_text = markdown_title(text::prepare(rest), options.title_max_bytes);
    }
    out.body = markdown_to_text(rest, &doc.headings);
    doc.headings = with_structure_headings(out.body, std::move(doc.headings), false);
    doc.format = "markdown";
    out.date_source = date_from_front_matter;
    return out;
}

/// An HTML page: its text without the site's parts and lines, its meta fields and headings.
Read read_html(std::string_view valid, Document& doc, const FileContext& context) {
    Read out;
    HtmlContent html = extract_html(valid);
    doc.headings = std::move(html.headings);
    out.body = strip_boilerplate(html.text, doc.headings, context.repeated_lines).text;
    out.title_text = html_title_line(html);
    for (const auto& [key, value] : html.meta) {
        set_declared_field(doc, key, value);
    }
    if (doc.lang.empty()) {
        doc.lang = clean_value(html.lang);
    }
    doc.alternates = std::move(html.alternates);
    doc.format = "html";
    out.date_source = date_from_html_meta;
    return out;
}

/// A plain text: its site's lines dropped, its first line the title's when short enough.
Read read_text(std::string_view valid, Document& doc, const ReadOptions& options,
               const FileContext& context) {
    Read out;
    std::vector<Heading> none;
    const Stripped kept = strip_boilerplate(text::trim_ascii(valid), none, context.repeated_lines);
    const auto [first, rest] = first_line(kept.text);
    const std::string line = one_line(text::prepare(first));
    if (!line.empty() && line.size() <= options.title_max_bytes) {
        out.title_text = line;
        out.body = std::string(text::trim_ascii(rest));
    } else {
        out.body = std::string(text::trim_ascii(kept.text));
    }
    doc.headings = with_structure_headings(out.body, {}, true);
    doc.format = "text";
    return out;
}

/// A PDF: its pages' text from seisaku-pdftext, their languages; its title, else its first
/// line when short enough. Throws CorpusError when it has no text.
Read read_pdf(std::string_view bytes, Document& doc, const ReadOptions& options,
              text::RepairStats& stats) {
    Read out;
    const PdfText pdf = extract_pdf_text(bytes, options.pdf);
    const PdfBody pages = pdf_body(pdf.pages, doc.headings, &stats.substitutions);
    out.body = pages.text;
    doc.languages = pages.languages;
    if (text::trim_ascii(out.body).empty()) {
        throw CorpusError("PDF has no text (scanned pages?), not indexed");
    }
    doc.headings = with_structure_headings(out.body, std::move(doc.headings), true);
    out.title_text = clean_value(pdf.title);
    if (out.title_text.empty()) {  // the first line, when short enough to be a title
        const std::string first = one_line(text::prepare(first_line(out.body).first));
        if (first.size() <= options.title_max_bytes) {
            out.title_text = first;
        }
    }
    doc.format = "pdf";
    return out;
}

/// The warnings of decoding: U+FFFD written, NUL bytes read as spaces.
void add_decoding_warnings(Document& doc, const text::Decoded& decoded,
                           const text::RepairStats& stats) {
    if (decoded.substitutions > 0) {
        doc.warnings.push_back(substitution_warning(decoded));
    }
    if (stats.nuls > 0) {
        doc.warnings.push_back(std::to_string(stats.nuls) + " NUL bytes read as spaces");
    }
}

/// "ja" or "en": as declared, else detected (a PDF's: the language most of its pages are in).
void settle_language(Document& doc) {
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
}

/// What the file and its folder leave unsaid, derived: the title, the language, the date.
void derive_fields(Document& doc, const std::string& title_text, std::string_view file_name,
                   const ReadOptions& options, const FileContext& context) {
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
    settle_language(doc);
    if (doc.date.empty()) {
        OwnDate own = own_date(title_text.empty() ? doc.title : title_text, head(), file_name);
        doc.date = std::move(own.date);
        doc.date_source = std::move(own.source);
    }
}

/// A source URL that is not http(s) dropped; an empty file or document said.
void check_result(Document& doc, std::string_view bytes) {
    if (!doc.source_url.empty() && !is_http_url(doc.source_url)) {
        doc.warnings.emplace_back("source URL is not http(s); ignored");
        doc.source_url.clear();
    }
    if (bytes.empty()) {
        doc.warnings.emplace_back("empty file (0 bytes): indexed under its file name");
    } else if (text::trim_ascii(doc.body).empty() && text::trim_ascii(doc.title).empty()) {
        doc.warnings.emplace_back("empty document");
    }
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
    Read read;
    switch (format) {
        case Format::Markdown:
            read = read_markdown(valid, doc, options);
            break;
        case Format::Html:
            read = read_html(valid, doc, context);
            break;
        case Format::Text:
            read = read_text(valid, doc, options, context);
            break;
        case Format::Pdf:
            read = read_pdf(bytes, doc, options, stats);
            break;
    }
    doc.body = std::move(read.body);
    doc.id = std::move(id);
    doc.encoding = decoded.encoding;
    add_decoding_warnings(doc, decoded, stats);
    // What the file says of itself first, then its folder's metadata, then what is derived.
    doc.date = given_date(doc.date, doc.warnings);
    if (!doc.date.empty()) {
        doc.date_source = read.date_source;
    }
    if (context.metadata != nullptr) {
        apply_metadata(doc, *context.metadata);
    }
    derive_fields(doc, read.title_text, file_name, options, context);
    check_result(doc, bytes);
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
