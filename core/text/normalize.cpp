// SPDX-License-Identifier: MIT
#include "text/normalize.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include "error.hpp"

namespace seisaku::text {
namespace {

bool is_ascii(std::string_view s) noexcept {
    for (const char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            return false;
        }
    }
    return true;
}

std::string apply(const icu::Normalizer2& normalizer, std::string_view s) {
    std::string out;
    out.reserve(s.size());
    icu::StringByteSink<std::string> sink(&out);
    UErrorCode status = U_ZERO_ERROR;
    normalizer.normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink,
                             nullptr, status);
    if (U_FAILURE(status)) {
        throw SetupError(std::string("text: ICU normalization failed: ") + u_errorName(status));
    }
    return out;
}

const icu::Normalizer2& instance(bool casefold) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = casefold ? icu::Normalizer2::getNFKCCasefoldInstance(status)
                                         : icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status) || n == nullptr) {
        throw SetupError(std::string("text: cannot load ICU normalization data: ") +
                         u_errorName(status));
    }
    return *n;
}

}  // namespace

std::string normalize(std::string_view valid_utf8) {
    if (is_ascii(valid_utf8)) {
        return std::string(valid_utf8);  // NFKC leaves ASCII unchanged
    }
    static const icu::Normalizer2& nfkc = instance(false);
    return apply(nfkc, valid_utf8);
}

std::string fold(std::string_view valid_utf8) {
    if (is_ascii(valid_utf8)) {
        std::string out(valid_utf8);
        for (char& c : out) {
            if (c >= 'A' && c <= 'Z') {
                c = static_cast<char>(c - 'A' + 'a');
            }
        }
        return out;
    }
    static const icu::Normalizer2& nfkc_cf = instance(true);
    return apply(nfkc_cf, valid_utf8);
}

}  // namespace seisaku::text
