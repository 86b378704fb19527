// SPDX-License-Identifier: MIT
#include "web/escape.hpp"

#include "text/utf8.hpp"

namespace seisaku::web {
namespace {

std::string escape_markup(std::string_view text, std::string_view apostrophe) {
    const std::string valid = text::is_valid(text) ? std::string(text) : text::repair(text);
    std::string out;
    out.reserve(valid.size() + valid.size() / 8);
    for (const char c : valid) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\n') || u == 0x7F) {
            continue;  // no control character reaches a page or feed
        }
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += apostrophe;
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace

std::string html(std::string_view text) {
    return escape_markup(text, "&#39;");
}

std::string xml(std::string_view text) {
    return escape_markup(text, "&apos;");
}

std::string url_component(std::string_view text, bool keep_slash) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 3);
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                           (keep_slash && c == '/');
        if (plain) {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4U];
            out += hex[u & 0xFU];
        }
    }
    return out;
}

}  // namespace seisaku::web
