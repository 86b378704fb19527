// SPDX-License-Identifier: MIT
#include "document/file_bytes.hpp"

#include <algorithm>

#include "document/html_text.hpp"
#include "error.hpp"

namespace seisaku::document {
namespace {

/// A file whose first bytes hold more NULs than this share is binary (text uses none).
constexpr double binary_nul_share = 0.01;
/// ... or whose decoded text has more than this share of U+FFFD and control characters
/// (random bytes: about 60 %; a UTF-8 file with a third of its lines in Shift_JIS: 30 %).
constexpr double binary_invalid_share = 0.40;
constexpr std::size_t sniff_bytes = 64 * 1024;

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

}  // namespace

std::string substitution_warning(const text::Decoded& decoded) {
    const std::string n = std::to_string(decoded.substitutions);
    if (decoded.encoding.starts_with("UTF-8")) {
        return n + " invalid UTF-8 sequences replaced by U+FFFD";
    }
    return n + " undecodable " + decoded.encoding + " sequences replaced by U+FFFD";
}

std::string decode_text(std::string_view bytes, Format format, text::Decoded& decoded,
                        text::RepairStats& stats) {
    check_not_binary(bytes);
    decoded = text::decode(bytes, format == Format::Html ? declared_charset(bytes) : std::string());
    std::string valid = text::repair(decoded.utf8, &stats);
    check_decodable(decoded, stats, valid);
    return valid;
}

}  // namespace seisaku::document
