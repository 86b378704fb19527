// SPDX-License-Identifier: MIT
#include "text/normalize.hpp"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

#include <functional>

#include "error.hpp"
#include "text/utf8.hpp"

namespace seisaku::text {
namespace {

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

std::string prepare(std::string_view raw) {
    return normalize(repair(raw));
}

std::string normalize(std::string_view valid_utf8) {
    if (is_ascii(valid_utf8)) {
        return std::string(valid_utf8);  // NFKC leaves ASCII unchanged
    }
    static const icu::Normalizer2& nfkc = instance(false);
    return apply(nfkc, valid_utf8);
}

MappedText normalize_mapped(std::string_view valid_utf8) {
    MappedText out;
    out.origin.reserve(valid_utf8.size() + 1);
    if (is_ascii(valid_utf8)) {
        out.text = valid_utf8;
        for (std::size_t i = 0; i <= valid_utf8.size(); ++i) {
            out.origin.push_back(i);
        }
        return out;
    }
    static const icu::Normalizer2& nfkc = instance(false);
    icu::Edits edits;
    out.text.reserve(valid_utf8.size());
    icu::StringByteSink<std::string> sink(&out.text);
    UErrorCode status = U_ZERO_ERROR;
    nfkc.normalizeUTF8(0,
                       icu::StringPiece(valid_utf8.data(), static_cast<int32_t>(valid_utf8.size())),
                       sink, &edits, status);
    if (U_FAILURE(status)) {
        throw SetupError(std::string("text: ICU normalization failed: ") + u_errorName(status));
    }
    for (icu::Edits::Iterator it = edits.getFineIterator(); it.next(status);) {
        const auto source = static_cast<std::size_t>(it.sourceIndex());
        for (int32_t i = 0; i < it.newLength(); ++i) {
            out.origin.push_back(it.hasChange() ? source : source + static_cast<std::size_t>(i));
        }
    }
    out.origin.push_back(valid_utf8.size());
    if (U_FAILURE(status) || out.origin.size() != out.text.size() + 1) {
        throw SetupError("text: ICU normalization edits do not cover the text");
    }
    return out;
}

char32_t kana_iteration(char32_t previous, char32_t mark) {
    const bool hiragana_mark = mark == 0x309D || mark == 0x309E;  // ゝ ゞ
    const bool katakana_mark = mark == 0x30FD || mark == 0x30FE;  // ヽ ヾ
    const bool hiragana = previous >= 0x3041 && previous <= 0x3096;
    const bool katakana = previous >= 0x30A1 && previous <= 0x30FA;
    if (!((hiragana_mark && hiragana) || (katakana_mark && katakana))) {
        return 0;
    }
    static const icu::Normalizer2& nfc = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
        if (U_FAILURE(status) || n == nullptr) {
            throw SetupError(std::string("text: cannot load ICU NFC data: ") + u_errorName(status));
        }
        return std::cref(*n);
    }();
    // The unvoiced kana: が → か + U+3099, so its decomposition's first character.
    UChar32 base = static_cast<UChar32>(previous);
    icu::UnicodeString decomposition;
    if (nfc.getRawDecomposition(base, decomposition) && decomposition.length() == 2) {
        base = decomposition.char32At(0);
    }
    if (mark == 0x309E || mark == 0x30FE) {
        const UChar32 voiced = nfc.composePair(base, 0x3099);
        return voiced < 0 ? 0 : static_cast<char32_t>(voiced);
    }
    return static_cast<char32_t>(base);
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
