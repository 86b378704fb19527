// SPDX-License-Identifier: MIT
#include "text/width.hpp"

#include <map>

#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace seisaku::text {
namespace {

/// Each character NFKC makes of half-width katakana (U+FF61-U+FF9F, alone or with a voiced
/// sound mark ﾞ or ﾟ that it composes with), and the half-width form it came from.
std::map<char32_t, std::string> half_width_forms() {
    std::map<char32_t, std::string> forms;
    for (char32_t cp = 0xFF61; cp <= 0xFF9F; ++cp) {
        for (const char32_t mark : {char32_t{0}, char32_t{0xFF9E}, char32_t{0xFF9F}}) {
            std::string narrow;
            append_code_point(narrow, cp);
            if (mark != 0) {
                append_code_point(narrow, mark);
            }
            const std::string wide = normalize(narrow);
            if (length(wide) == 1) {
                forms.try_emplace(last_code_point(wide), narrow);
            }
        }
    }
    return forms;
}

}  // namespace

std::string lower_ascii_and_full_width(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') {
            out[i] = static_cast<char>(c - 'A' + 'a');
        } else if (c == 0xEF && i + 2 < out.size() &&
                   static_cast<unsigned char>(out[i + 1]) == 0xBC &&
                   static_cast<unsigned char>(out[i + 2]) >= 0xA1 &&
                   static_cast<unsigned char>(out[i + 2]) <= 0xBA) {
            out[i + 1] = static_cast<char>(0xBD);  // U+FF21.. → U+FF41..
            out[i + 2] = static_cast<char>(static_cast<unsigned char>(out[i + 2]) - 0x20);
            i += 2;
        }
    }
    return out;
}

std::string full_width(std::string_view ascii) {
    std::string out;
    for (const char c : ascii) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F) {
            return {};
        }
        append_code_point(out, static_cast<char32_t>(0xFF01 + (u - 0x21)));
    }
    return out;
}

std::string half_width(std::string_view katakana) {
    static const std::map<char32_t, std::string> forms = half_width_forms();
    std::string out;
    for (std::size_t pos = 0; pos < katakana.size();) {
        const auto form = forms.find(next_code_point(katakana, pos));
        if (form == forms.end() || form->first < 0x30A1 || form->first > 0x30FC) {
            return {};
        }
        out += form->second;
    }
    return out;
}

}  // namespace seisaku::text
