// SPDX-License-Identifier: MIT
// @brief The one non-cryptographic hash of the project: 64-bit FNV-1a, and its hex form.
// Ids of long paths, file contents and the user dictionary's name all use it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace seisaku::text {

[[nodiscard]] constexpr std::uint64_t fnv1a64(std::string_view bytes) noexcept {
    std::uint64_t hash = 0xcbf29ce484222325ULL;  // offset basis
    for (const char c : bytes) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;  // prime
    }
    return hash;
}

/// The first `digits` (1-16) lower-case hex digits of `value`, most significant first.
[[nodiscard]] inline std::string hex64(std::uint64_t value, unsigned digits = 16) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < digits; ++i) {
        out += hex[(value >> (60U - 4U * i)) & 0xFU];
    }
    return out;
}

}  // namespace seisaku::text
