// SPDX-License-Identifier: MIT
#include "index/file_state.hpp"

#include <charconv>

#include "text/hash.hpp"

namespace seisaku::index {
namespace {

template <class Number>
bool parse_field(std::string_view& rest, Number& out, int base) {
    const std::size_t end = rest.find(' ');
    const std::string_view field = rest.substr(0, end);
    if (field.empty()) {
        return false;
    }
    const auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), out, base);
    if (ec != std::errc() || ptr != field.data() + field.size()) {
        return false;
    }
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    return true;
}

}  // namespace

std::uint64_t content_hash(std::string_view bytes) noexcept {
    return text::fnv1a64(bytes);
}

std::string encode_file_state(const FileState& state) {
    return std::to_string(state.size) + ' ' + std::to_string(state.mtime_ns) + ' ' +
           text::hex64(state.hash) + ' ' + text::hex64(state.metadata) + ' ' +
           text::hex64(state.folder);
}

std::optional<FileState> decode_file_state(std::string_view value) {
    FileState s;
    if (!parse_field(value, s.size, 10) || !parse_field(value, s.mtime_ns, 10)) {
        return std::nullopt;
    }
    // three fields of 16 hex digits, one space between, nothing after
    if (value.size() != 3 * 16 + 2) {
        return std::nullopt;
    }
    for (std::uint64_t* hex : {&s.hash, &s.metadata, &s.folder}) {
        if ((value.size() > 16 && value[16] != ' ') || !parse_field(value, *hex, 16)) {
            return std::nullopt;
        }
    }
    return s;
}

}  // namespace seisaku::index
