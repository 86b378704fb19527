// SPDX-License-Identifier: MIT
#include "text/utf8.hpp"

#include <algorithm>

namespace seisaku::text {
namespace {

/// Length of the well-formed sequence starting at s[i], or 0 if ill-formed; `bad_len` gets the
/// length of the maximal subpart to replace (at least 1).
std::size_t sequence_length(std::string_view s, std::size_t i, std::size_t& bad_len) noexcept {
    const auto b0 = static_cast<unsigned char>(s[i]);
    bad_len = 1;
    if (b0 < 0x80) {
        return 1;
    }
    std::size_t need = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        if (b0 == 0xE0) {
            lo = 0xA0;  // no overlong forms
        } else if (b0 == 0xED) {
            hi = 0x9F;  // no UTF-16 surrogates
        }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        if (b0 == 0xF0) {
            lo = 0x90;
        } else if (b0 == 0xF4) {
            hi = 0x8F;  // nothing above U+10FFFF
        }
    } else {
        return 0;
    }
    for (std::size_t k = 1; k <= need; ++k) {
        if (i + k >= s.size()) {
            bad_len = k;
            return 0;
        }
        const auto b = static_cast<unsigned char>(s[i + k]);
        const unsigned char l = (k == 1) ? lo : 0x80;
        const unsigned char h = (k == 1) ? hi : 0xBF;
        if (b < l || b > h) {
            bad_len = k;
            return 0;
        }
    }
    return need + 1;
}

}  // namespace

std::string repair(std::string_view bytes, RepairStats* stats) {
    RepairStats local;
    RepairStats& st = stats != nullptr ? *stats : local;
    st = RepairStats{};
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        bytes.remove_prefix(3);
        st.had_bom = true;
    }
    std::string out;
    out.reserve(bytes.size());
    // Bytes that stay as they are go out a run at a time; a change flushes the run before it.
    std::size_t kept = 0;
    const auto flush = [&](std::size_t upto) { out.append(bytes.substr(kept, upto - kept)); };
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto b0 = static_cast<unsigned char>(bytes[i]);
        if ((b0 >= 0x20 && b0 < 0x7F) || b0 == '\t' || b0 == '\n' || b0 == '\r') {
            ++i;
            continue;
        }
        std::size_t bad_len = 1;
        const std::size_t len = sequence_length(bytes, i, bad_len);
        if (len == 0) {
            flush(i);
            out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
            ++st.substitutions;
            i += bad_len;
            kept = i;
            continue;
        }
        // a control is one byte, or U+0080..U+009F (C2 80..C2 9F)
        const bool control =
            len == 1 || (b0 == 0xC2 && static_cast<unsigned char>(bytes[i + 1]) < 0xA0);
        if (control) {
            flush(i);
            out += ' ';
            ++(b0 == 0 ? st.nuls : st.controls);
            i += len;
            kept = i;
            continue;
        }
        i += len;
    }
    flush(bytes.size());
    return out;
}

bool is_valid(std::string_view bytes) noexcept {
    std::size_t i = 0;
    while (i < bytes.size()) {
        std::size_t bad_len = 0;
        const std::size_t len = sequence_length(bytes, i, bad_len);
        if (len == 0) {
            return false;
        }
        i += len;
    }
    return true;
}

char32_t next_code_point(std::string_view s, std::size_t& pos) noexcept {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    std::size_t need = 0;
    char32_t cp = 0;
    if (b0 < 0xE0) {
        need = 1;
        cp = b0 & 0x1FU;
    } else if (b0 < 0xF0) {
        need = 2;
        cp = b0 & 0x0FU;
    } else {
        need = 3;
        cp = b0 & 0x07U;
    }
    ++pos;
    for (std::size_t k = 0; k < need && pos < s.size(); ++k, ++pos) {
        cp = (cp << 6U) | (static_cast<unsigned char>(s[pos]) & 0x3FU);
    }
    return cp;
}

bool is_ascii(std::string_view s) noexcept {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

void append_code_point(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0U | (cp >> 6U));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0U | (cp >> 12U));
        out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else {
        out += static_cast<char>(0xF0U | (cp >> 18U));
        out += static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU));
        out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    }
}

std::size_t length(std::string_view valid) noexcept {
    std::size_t n = 0;
    for (const char c : valid) {
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
            ++n;
        }
    }
    return n;
}

char32_t last_code_point(std::string_view valid) noexcept {
    std::size_t at = valid.size() - 1;
    while (at > 0 && (static_cast<unsigned char>(valid[at]) & 0xC0U) == 0x80U) {
        --at;
    }
    return next_code_point(valid, at);
}

std::string_view truncate(std::string_view valid, std::size_t max_bytes) noexcept {
    if (valid.size() <= max_bytes) {
        return valid;
    }
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(valid[end]) & 0xC0U) == 0x80U) {
        --end;
    }
    return valid.substr(0, end);
}

}  // namespace seisaku::text
