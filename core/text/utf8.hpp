// SPDX-License-Identifier: MIT
// @brief UTF-8 repair and code-point iteration: the only UTF-8 decoding the project does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace seisaku::text {

/// What repair() did to its input.
struct RepairStats {
    std::size_t substitutions = 0;  ///< ill-formed sequences replaced by U+FFFD
    std::size_t nuls = 0;           ///< NUL bytes turned into spaces
    std::size_t controls = 0;       ///< other C0/C1 controls turned into spaces
    bool had_bom = false;           ///< a leading UTF-8 byte-order mark was removed
};

/// Returns valid UTF-8: a leading BOM is dropped, each ill-formed sequence (W3C maximal
/// subpart rule) becomes U+FFFD, NUL and control characters other than TAB, LF and CR become
/// spaces (so the text after a NUL stays searchable and MeCab never sees one).
[[nodiscard]] std::string repair(std::string_view bytes, RepairStats* stats = nullptr);

/// True when the bytes are well-formed UTF-8.
[[nodiscard]] bool is_valid(std::string_view bytes) noexcept;

/// Decodes the code point at `pos` of valid UTF-8 and advances `pos`; precondition: valid.
[[nodiscard]] char32_t next_code_point(std::string_view valid, std::size_t& pos) noexcept;

/// True when every byte is ASCII (below 0x80).
[[nodiscard]] bool is_ascii(std::string_view s) noexcept;

/// The last code point of non-empty valid UTF-8.
[[nodiscard]] char32_t last_code_point(std::string_view valid) noexcept;

/// Appends the UTF-8 encoding of `cp` to `out`.
void append_code_point(std::string& out, char32_t cp);

/// Number of code points in valid UTF-8.
[[nodiscard]] std::size_t length(std::string_view valid) noexcept;

/// The longest prefix of `valid` with at most `max_bytes` bytes that ends on a code-point
/// boundary.
[[nodiscard]] std::string_view truncate(std::string_view valid, std::size_t max_bytes) noexcept;

}  // namespace seisaku::text
