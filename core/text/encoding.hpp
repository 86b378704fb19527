// SPDX-License-Identifier: MIT
// @brief A file's bytes to UTF-8: which encoding they are in, and converting them (ICU).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace seisaku::text {

/// What decode() made of a file's bytes.
struct Decoded {
    std::string utf8;  ///< valid UTF-8 (a byte-order mark removed; NUL and controls kept)
    /// "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "windows-31j", "EUC-JP" or
    /// "ISO-2022-JP".
    std::string encoding;
    std::size_t substitutions = 0;  ///< undecodable byte sequences written as U+FFFD
};

/// Detection reads at most this many bytes from the start of a file (the whole file is
/// converted).
inline constexpr std::size_t detect_bytes = 64 * 1024;

/// Decodes a file's bytes. `declared` is the charset the file names itself (an HTML
/// `<meta charset>` or `http-equiv` value, an XML declaration), if any. The first rule that
/// applies decides (docs/encodings.md):
///   1. a byte-order mark: UTF-8, UTF-16LE or UTF-16BE;
///   2. bytes that are valid UTF-8 are UTF-8, whatever `declared` says, except 7-bit text
///      holding ISO-2022-JP escape sequences (ESC $ B, ESC $ @) that decodes cleanly;
///      bytes that are mostly UTF-8 (more well-formed multi-byte sequences than ill-formed
///      ones in the first detect_bytes) are UTF-8 too, so UTF-8 text with a stray
///      Shift_JIS line stays readable;
///   3. then the candidates, in this order: the declared charset (Shift_JIS, sjis, x-sjis,
///      cp932, windows-31j → windows-31j; EUC-JP; ISO-2022-JP; UTF-8), then what ICU's
///      charset detector finds among Shift_JIS (read as windows-31j), EUC-JP and
///      ISO-2022-JP with confidence ≥ min_confidence. Each is scored by the U+FFFD and
///      control characters its decoding of the first detect_bytes gives; the fewest wins, an
///      earlier one on a tie, if it scores less than half what UTF-8 repair does;
///   4. otherwise UTF-8, each ill-formed sequence U+FFFD (text::repair).
[[nodiscard]] Decoded decode(std::string_view bytes, std::string_view declared = {});

/// ICU detector confidence (0-100) below which a detected charset is not tried.
inline constexpr int min_confidence = 20;

/// The encoding name decode() uses for a charset label ("Shift_JIS" → "windows-31j",
/// "euc-jp" → "EUC-JP", "utf8" → "UTF-8"), or "" for a label it does not read.
[[nodiscard]] std::string canonical_charset(std::string_view label);

}  // namespace seisaku::text
