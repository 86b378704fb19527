// SPDX-License-Identifier: MIT
#include "text/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <vector>

#include "error.hpp"
#include "text/utf8.hpp"

namespace seisaku::text {
namespace {

struct ConverterCloser {
    void operator()(UConverter* c) const noexcept { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
    void operator()(UCharsetDetector* d) const noexcept { ucsdet_close(d); }
};
using Detector = std::unique_ptr<UCharsetDetector, DetectorCloser>;

/// The ICU converter name of each encoding decode() converts with ICU.
const char* icu_name(std::string_view encoding) {
    if (encoding == "windows-31j") {
        return "windows-31j";  // ibm-943_P15A-2003: CP932, with ①, ㈱ and the NEC extensions
    }
    if (encoding == "EUC-JP") {
        return "EUC-JP";
    }
    if (encoding == "ISO-2022-JP") {
        return "ISO-2022-JP";
    }
    if (encoding == "UTF-16LE") {
        return "UTF-16LE";
    }
    return "UTF-16BE";
}

/// A to-Unicode callback that writes U+FFFD for every undecodable sequence and counts them.
void substitute_and_count(const void* context, UConverterToUnicodeArgs* args, const char* /*bytes*/,
                          int32_t /*length*/, UConverterCallbackReason reason, UErrorCode* err) {
    if (reason > UCNV_IRREGULAR) {
        return;  // reset, close or clone: nothing to substitute
    }
    ++*static_cast<std::size_t*>(const_cast<void*>(context));
    *err = U_ZERO_ERROR;
    static constexpr UChar replacement = 0xFFFD;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, err);
}

/// The result of one conversion, with what scoring needs.
struct Conversion {
    std::string utf8;
    std::size_t substitutions = 0;
    std::size_t controls = 0;  ///< C0 (but TAB, LF, CR, FF) and C1 controls: wrong-guess signs
};

bool is_suspect_control(char32_t cp) noexcept {
    if (cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\f') {
        return false;
    }
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

void append_utf16(Conversion& out, const UChar* units, std::size_t n) {
    std::size_t i = 0;
    while (i < n) {
        UChar32 cp = 0;
        U16_NEXT(units, i, n, cp);
        if (U_IS_SURROGATE(cp)) {  // a lone surrogate (UTF-16 converters report these first)
            cp = 0xFFFD;
            ++out.substitutions;
        }
        if (is_suspect_control(static_cast<char32_t>(cp))) {
            ++out.controls;
        }
        append_code_point(out.utf8, static_cast<char32_t>(cp));
    }
}

/// Converts `bytes` from `encoding` (one decode() converts with ICU) in bounded chunks.
Conversion convert(std::string_view bytes, std::string_view encoding) {
    UErrorCode status = U_ZERO_ERROR;
    Converter cnv(ucnv_open(icu_name(encoding), &status));
    if (U_FAILURE(status) || !cnv) {
        throw SetupError("text: ICU has no converter for " + std::string(encoding) + ": " +
                         u_errorName(status));
    }
    Conversion out;
    ucnv_setToUCallBack(cnv.get(), substitute_and_count, &out.substitutions, nullptr, nullptr,
                        &status);
    if (U_FAILURE(status)) {
        throw SetupError(std::string("text: cannot set an ICU converter callback: ") +
                         u_errorName(status));
    }
    out.utf8.reserve(bytes.size() + bytes.size() / 2);
    std::array<UChar, 8192> buffer{};
    std::size_t carried = 0;  // a lead surrogate kept back for the next chunk
    const char* source = bytes.data();
    const char* const source_end = bytes.data() + bytes.size();
    bool more = true;
    while (more) {
        UChar* target = buffer.data() + carried;
        status = U_ZERO_ERROR;
        ucnv_toUnicode(cnv.get(), &target, buffer.data() + buffer.size(), &source, source_end,
                       nullptr, true, &status);
        more = status == U_BUFFER_OVERFLOW_ERROR;
        if (U_FAILURE(status) && !more) {
            throw SetupError("text: ICU conversion from " + std::string(encoding) +
                             " failed: " + u_errorName(status));
        }
        auto n = static_cast<std::size_t>(target - buffer.data());
        carried = (more && n > 0 && U16_IS_LEAD(buffer[n - 1])) ? 1 : 0;
        n -= carried;
        append_utf16(out, buffer.data(), n);
        if (carried == 1) {
            buffer[0] = buffer[n];
        }
    }
    if (carried == 1) {
        append_utf16(out, buffer.data(), 1);
    }
    return out;
}

/// UTF-8 with repair: the same Conversion shape, for scoring against the other candidates.
Conversion convert_utf8(std::string_view bytes) {
    Conversion out;
    RepairStats stats;
    out.utf8 = repair(bytes, &stats);
    out.substitutions = stats.substitutions;
    out.controls = stats.controls + stats.nuls;
    return out;
}

std::size_t score(const Conversion& c) {
    return c.substitutions + c.controls;
}

/// Well-formed multi-byte UTF-8 sequences in `bytes` (ill-formed ones are counted by repair).
std::size_t utf8_multibyte_sequences(std::string_view bytes) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(bytes[i]);
        std::size_t need = 0;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            need = 1;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            need = 2;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            need = 3;
        }
        if (need == 0 || i + need >= bytes.size()) {
            continue;
        }
        if (is_valid(bytes.substr(i, need + 1))) {
            ++n;
            i += need;
        }
    }
    return n;
}

bool is_seven_bit(std::string_view bytes) {
    return std::all_of(bytes.begin(), bytes.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

/// The charsets ICU's detector finds in `head` that decode() reads, most confident first.
std::vector<std::string> detected(std::string_view head) {
    std::vector<std::string> out;
    UErrorCode status = U_ZERO_ERROR;
    Detector det(ucsdet_open(&status));
    if (U_FAILURE(status) || !det) {
        return out;
    }
    ucsdet_enableInputFilter(det.get(), true);  // skip HTML tags
    ucsdet_setText(det.get(), head.data(), static_cast<int32_t>(head.size()), &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &status);
    if (U_FAILURE(status) || matches == nullptr) {
        return out;
    }
    for (int32_t i = 0; i < count; ++i) {
        UErrorCode s = U_ZERO_ERROR;
        const int confidence = ucsdet_getConfidence(matches[i], &s);
        const char* name = ucsdet_getName(matches[i], &s);
        if (U_FAILURE(s) || name == nullptr || confidence < min_confidence) {
            continue;
        }
        const std::string canonical = canonical_charset(name);
        if (canonical == "windows-31j" || canonical == "EUC-JP" || canonical == "ISO-2022-JP") {
            out.push_back(canonical);
        }
    }
    return out;
}

Decoded finish(std::string_view bytes, std::string_view encoding,
               std::optional<Conversion> whole = std::nullopt) {
    Conversion c;
    if (whole) {
        c = std::move(*whole);
    } else if (encoding == "UTF-8" || encoding == "UTF-8 (BOM)") {
        c = convert_utf8(bytes);
    } else {
        c = convert(bytes, encoding);
    }
    return Decoded{std::move(c.utf8), std::string(encoding), c.substitutions};
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return out;
}

}  // namespace

std::string canonical_charset(std::string_view label) {
    while (!label.empty() && (label.front() == ' ' || label.front() == '"' ||
                              label.front() == '\'' || label.front() == '\t')) {
        label.remove_prefix(1);
    }
    while (!label.empty() && (label.back() == ' ' || label.back() == '"' || label.back() == '\'' ||
                              label.back() == '\t')) {
        label.remove_suffix(1);
    }
    const std::string l = ascii_lower(label);
    for (const char* sjis : {"shift_jis", "shift-jis", "sjis", "x-sjis", "cp932", "windows-31j",
                             "ms932", "ms_kanji", "csshiftjis", "csWindows31J"}) {
        if (l == ascii_lower(sjis)) {
            return "windows-31j";
        }
    }
    if (l == "euc-jp" || l == "eucjp" || l == "x-euc-jp" || l == "cseucpkdfmtjapanese") {
        return "EUC-JP";
    }
    if (l == "iso-2022-jp" || l == "csiso2022jp") {
        return "ISO-2022-JP";
    }
    if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8") {
        return "UTF-8";
    }
    return {};
}

Decoded decode(std::string_view bytes, std::string_view declared) {
    // 1. byte-order marks
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        return finish(bytes.substr(3), "UTF-8 (BOM)");
    }
    if (bytes.starts_with("\xFF\xFE")) {
        return finish(bytes.substr(2), "UTF-16LE");
    }
    if (bytes.starts_with("\xFE\xFF")) {
        return finish(bytes.substr(2), "UTF-16BE");
    }
    // 2. valid (or mostly valid) UTF-8
    const std::string_view head = bytes.substr(0, detect_bytes);
    if (is_valid(bytes)) {
        if (is_seven_bit(head) && (head.find("\x1B$B") != std::string_view::npos ||
                                   head.find("\x1B$@") != std::string_view::npos)) {
            Conversion jis = convert(bytes, "ISO-2022-JP");
            if (jis.substitutions == 0) {
                return finish(bytes, "ISO-2022-JP", std::move(jis));
            }
        }
        return Decoded{std::string(bytes), "UTF-8", 0};
    }
    const Conversion utf8_head = convert_utf8(head);
    if (utf8_multibyte_sequences(head) > utf8_head.substitutions) {
        return finish(bytes, "UTF-8");
    }
    // 3. the declared charset, then the detected ones: the cleanest decoding wins
    const std::string declared_name = canonical_charset(declared);
    if (declared_name == "UTF-8") {
        return finish(bytes, "UTF-8");
    }
    std::vector<std::string> candidates;
    if (!declared_name.empty()) {
        candidates.push_back(declared_name);
    }
    for (std::string& name : detected(head)) {
        if (std::find(candidates.begin(), candidates.end(), name) == candidates.end()) {
            candidates.push_back(std::move(name));
        }
    }
    std::string best;
    std::size_t best_score = score(utf8_head);
    for (const std::string& name : candidates) {
        const std::size_t s = score(convert(head, name));
        if (s < best_score && 2 * s < score(utf8_head)) {  // at least halves the damage
            best = name;
            best_score = s;
        }
    }
    // 4. UTF-8 with U+FFFD for each ill-formed sequence
    return finish(bytes, best.empty() ? std::string_view("UTF-8") : std::string_view(best));
}

}  // namespace seisaku::text
