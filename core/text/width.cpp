// SPDX-License-Identifier: MIT
#include "text/width.hpp"

#include "text/utf8.hpp"

namespace seisaku::text {

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

}  // namespace seisaku::text
