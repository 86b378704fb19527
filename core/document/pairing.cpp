// SPDX-License-Identifier: MIT
#include "document/pairing.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "document/dates.hpp"
#include "text/ascii.hpp"
#include "text/numerals.hpp"
#include "text/split.hpp"

namespace seisaku::document {
namespace {

using text::lower_ascii;

/// "en" or "ja" for a folder or file-name part that names a language; "" otherwise.
std::string language_mark(std::string_view part) {
    const std::string p = lower_ascii(part);
    if (p == "en" || p == "eng" || p == "english") {
        return "en";
    }
    if (p == "ja" || p == "jp" || p == "jpn" || p == "japanese") {
        return "ja";
    }
    return {};
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        out += (i == 0 ? "" : std::string(sep)) + parts[i];
    }
    return out;
}

/// A file name without the extension of a document format.
std::string stem_of(std::string_view name) {
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) {
        return std::string(name);
    }
    const std::string ext = lower_ascii(name.substr(dot + 1));
    for (const std::string_view known :
         {"txt", "text", "md", "markdown", "html", "htm", "xhtml", "pdf"}) {
        if (ext == known) {
            return std::string(name.substr(0, dot));
        }
    }
    return std::string(name);
}

/// The words of a name part ("jp-ai-promotion-act" → jp ai promotion act), '-' '_' '.' alike.
std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> words;
    std::string w;
    for (const char c : s) {
        if (c == '-' || c == '_' || c == '.' || c == ' ') {
            if (!w.empty()) {
                words.push_back(std::move(w));
                w.clear();
            }
        } else {
            w += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
    }
    if (!w.empty()) {
        words.push_back(std::move(w));
    }
    return words;
}

/// A key from its folder, a pattern and the words of the rest of the name: pattern holds '@'
/// where the words go ("*-@", "@.*", "@-*").
NameKey make_key(const std::string& folder, std::string_view pattern,
                 const std::vector<std::string>& words, std::string lang) {
    const auto render = [&](const std::vector<std::string>& w) {
        std::string k = folder;
        for (const char c : pattern) {
            k += c == '@' ? join(w, "-") : std::string(1, c);
        }
        return k;
    };
    NameKey key{render(words), std::move(lang), {}};
    if (words.size() >= 3) {
        for (std::size_t i = 0; i < words.size(); ++i) {
            std::vector<std::string> fewer = words;
            fewer.erase(fewer.begin() + static_cast<std::ptrdiff_t>(i));
            key.near.push_back(render(fewer));
        }
    }
    return key;
}

}  // namespace

std::vector<NameKey> name_keys(std::string_view id) {
    std::vector<NameKey> out;
    std::vector<std::string> parts = text::split<std::string>(id, "/");
    if (parts.size() < 2) {
        return out;
    }
    const std::string stem = stem_of(parts.back());
    // a folder named for the language: en/x.md ↔ ja/x.md
    for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
        if (std::string lang = language_mark(parts[i]); !lang.empty()) {
            std::vector<std::string> folder(parts.begin(), parts.end() - 1);
            folder[i] = "*";
            out.push_back(make_key(join(folder, "/") + "/", "@", words_of(stem), std::move(lang)));
        }
    }
    const std::string folder =
        join(std::vector<std::string>(parts.begin(), parts.end() - 1), "/") + "/";
    const std::vector<std::string> words = words_of(stem);
    if (words.size() >= 2) {
        // en-x, en_x
        if (std::string lang = language_mark(words.front());
            !lang.empty() && stem.size() > words.front().size() &&
            (stem[words.front().size()] == '-' || stem[words.front().size()] == '_')) {
            out.push_back(make_key(folder, "*-@",
                                   std::vector<std::string>(words.begin() + 1, words.end()),
                                   std::move(lang)));
        }
        // x-en, x_en, x.en
        if (std::string lang = language_mark(words.back()); !lang.empty()) {
            out.push_back(make_key(folder, "@-*",
                                   std::vector<std::string>(words.begin(), words.end() - 1),
                                   std::move(lang)));
        }
    }
    return out;
}

std::string resolve_alternate(std::string_view id, std::string_view href) {
    href = href.substr(0, std::min(href.find('#'), href.find('?')));
    if (href.empty() || href.starts_with("/") || href.find("://") != std::string_view::npos) {
        return {};
    }
    std::vector<std::string> parts = text::split<std::string>(id, "/");
    parts.pop_back();
    for (const std::string& p : text::split<std::string>(href, "/")) {
        if (p.empty() || p == ".") {
            continue;
        }
        if (p == "..") {
            if (parts.size() <= 1) {
                return {};  // above the indexed root
            }
            parts.pop_back();
        } else {
            parts.push_back(p);
        }
    }
    return join(parts, "/");
}

std::vector<std::uint32_t> text_numbers(std::string_view text, std::size_t max_numbers) {
    std::vector<std::uint32_t> out;
    const std::string s = text::kanji_to_digits(text);
    std::uint64_t value = 0;
    std::size_t digits = 0;
    const auto flush = [&] {
        if (digits > 0 && digits <= 8) {
            out.push_back(static_cast<std::uint32_t>(value));
        }
        value = 0;
        digits = 0;
    };
    for (std::size_t i = 0; i < s.size() && out.size() < 4 * max_numbers; ++i) {
        int d = -1;
        if (s[i] >= '0' && s[i] <= '9') {
            d = s[i] - '0';
        } else if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xEF &&
                   static_cast<unsigned char>(s[i + 1]) == 0xBC &&
                   static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
                   static_cast<unsigned char>(s[i + 2]) <= 0x99) {  // ０-９
            d = static_cast<unsigned char>(s[i + 2]) - 0x90;
            i += 2;
        }
        if (d >= 0) {
            value = value * 10 + static_cast<std::uint64_t>(d);
            ++digits;
        } else {
            flush();
        }
    }
    flush();
    // a date's year, whatever calendar it was written in (平成15年 is 2003)
    std::string scanned;
    for (const TextDate& d : dates_in_text(text, scanned, 256)) {
        out.push_back(static_cast<std::uint32_t>(std::stoul(d.date.substr(0, 4))));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    if (out.size() > max_numbers) {
        out.resize(max_numbers);
    }
    return out;
}

std::string PairEvidence::describe() const {
    const auto percent = [](double v) { return std::to_string(std::lround(v * 100)) + "%"; };
    return std::to_string(shared_numbers) + " shared numbers (" + percent(numbers) + "), " +
           std::to_string(shared_names) + " shared names (" + percent(names) + ")";
}

PairEvidence weigh_pair(const TextFacts& a, const TextFacts& b, bool near) {
    PairEvidence e;
    const auto big = [](const std::vector<std::uint32_t>& v) {
        std::vector<std::uint32_t> out;
        std::copy_if(v.begin(), v.end(), std::back_inserter(out),
                     [](std::uint32_t n) { return n >= 10; });
        return out;
    };
    const std::vector<std::uint32_t> na = big(a.numbers);
    const std::vector<std::uint32_t> nb = big(b.numbers);
    std::vector<std::uint32_t> shared;
    std::set_intersection(na.begin(), na.end(), nb.begin(), nb.end(), std::back_inserter(shared));
    e.shared_numbers = shared.size();
    const std::size_t fewer = std::min(na.size(), nb.size());
    const std::size_t all = na.size() + nb.size() - shared.size();
    e.numbers = all == 0 ? 0 : static_cast<double>(shared.size()) / static_cast<double>(all);
    std::vector<std::size_t> names;
    std::set_intersection(a.names.begin(), a.names.end(), b.names.begin(), b.names.end(),
                          std::back_inserter(names));
    e.shared_names = names.size();
    const std::size_t fewer_names = std::min(a.names.size(), b.names.size());
    e.names =
        fewer_names == 0 ? 0 : static_cast<double>(names.size()) / static_cast<double>(fewer_names);
    const bool by_numbers = e.shared_numbers >= min_pair_numbers && e.numbers >= 0.5;
    const bool by_names = fewer < min_pair_numbers && e.shared_names >= 2 && e.names >= 0.5;
    e.accepted = near ? by_numbers && e.numbers >= 0.6 && (fewer_names < 2 || e.names >= 0.5)
                      : by_numbers || by_names;
    return e;
}

}  // namespace seisaku::document
