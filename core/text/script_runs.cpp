// SPDX-License-Identifier: MIT
#include "text/script_runs.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "text/utf8.hpp"

namespace seisaku::text {

CharClass classify(char32_t cp) noexcept {
    if (cp < 0x80) {
        const bool alnum =
            (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        return alnum ? CharClass::Word : CharClass::Other;
    }
    switch (cp) {
        case 0x3005:  // 々 IDEOGRAPHIC ITERATION MARK
        case 0x3006:  // 〆 IDEOGRAPHIC CLOSING MARK
        case 0x303B:  // 〻 VERTICAL IDEOGRAPHIC ITERATION MARK
        case 0x309D:  // ゝ HIRAGANA ITERATION MARK
        case 0x309E:
        case 0x30FC:  // ー KATAKANA-HIRAGANA PROLONGED SOUND MARK (script Common)
        case 0x30FD:  // ヽ KATAKANA ITERATION MARK
        case 0x30FE:
            return CharClass::Japanese;
        default:
            break;
    }
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
    if (U_SUCCESS(status) &&
        (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA)) {
        // U+30FB KATAKANA MIDDLE DOT is Common, so it separates words:
        // セーフティ・インスティテュート
        return CharClass::Japanese;
    }
    const auto c = static_cast<UChar32>(cp);
    if (u_isalnum(c) != 0 || u_charType(c) == U_NON_SPACING_MARK ||
        u_charType(c) == U_COMBINING_SPACING_MARK) {
        return CharClass::Word;
    }
    return CharClass::Other;
}

bool is_katakana(char32_t cp) noexcept {
    return cp >= 0x30A1 && cp <= 0x30FA;
}

bool is_dash(char32_t cp) noexcept {
    return cp == U'-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63;
}

std::vector<ScriptRun> script_runs(std::string_view valid) {
    std::vector<ScriptRun> runs;
    std::size_t pos = 0;
    char32_t previous = 0;
    while (pos < valid.size()) {
        const std::size_t start = pos;
        const char32_t cp = next_code_point(valid, pos);
        CharClass cls = classify(cp);
        // A dash right after katakana is a prolonged sound mark written another way
        // (サーバ− for サーバー); the analyzer reads it as ー.
        if (cls == CharClass::Other && is_dash(cp) && is_katakana(previous)) {
            cls = CharClass::Japanese;
        }
        previous = cp;
        if (cls == CharClass::Other) {
            continue;
        }
        if (!runs.empty() && runs.back().cls == cls && runs.back().end == start) {
            runs.back().end = pos;
        } else {
            runs.push_back({cls, start, pos});
        }
    }
    return runs;
}

std::vector<std::size_t> sentence_ends(std::string_view valid) {
    // Byte by byte: every end mark is ASCII or one of three 3-byte sequences, and in valid
    // UTF-8 no byte of another character looks like either (snippets scan whole bodies).
    std::vector<std::size_t> ends;
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(valid[i]); };
    const std::size_t size = valid.size();
    for (std::size_t at = 0; at < size; ++at) {
        const unsigned char c = byte(at);
        std::size_t pos = 0;  // one past the end mark, 0: none here
        if (c == '\n') {
            pos = at + 1;
        } else if (c == '.' || c == '!' || c == '?') {
            const bool last = at + 1 == size;
            if (last || valid[at + 1] == ' ' || valid[at + 1] == '\n' || valid[at + 1] == '\t' ||
                valid[at + 1] == '\r') {
                pos = at + 1;
            }
        } else if (at + 2 < size && ((c == 0xE3 && byte(at + 1) == 0x80 && byte(at + 2) == 0x82) ||
                                     (c == 0xEF && byte(at + 1) == 0xBC &&
                                      (byte(at + 2) == 0x81 || byte(at + 2) == 0x9F)))) {
            pos = at + 3;  // 。 IDEOGRAPHIC FULL STOP, ！ and ？ (raw text may hold them)
            at += 2;
        }
        if (pos == 0) {
            continue;
        }
        if (c == '\n' && !ends.empty() && ends.back() == pos - 1) {
            ends.back() = pos;  // "。\n" is one end, not an end and an empty sentence
        } else {
            ends.push_back(pos);
        }
    }
    if (ends.empty() || ends.back() != valid.size()) {
        ends.push_back(valid.size());
    }
    return ends;
}

bool is_sentence_end(std::string_view valid, std::size_t at) {
    if (at == 0 || at > valid.size()) {
        return false;
    }
    if (at < valid.size() && valid[at] == '\n') {
        return false;  // the end moves past the line feed ("。\n", ".\n", blank lines)
    }
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(valid[i]); };
    const unsigned char c = byte(at - 1);
    if (c == '\n') {
        return true;
    }
    if (c == '.' || c == '!' || c == '?') {
        return at == valid.size() || valid[at] == ' ' || valid[at] == '\t' || valid[at] == '\r';
    }
    return at >= 3 && ((byte(at - 3) == 0xE3 && byte(at - 2) == 0x80 && c == 0x82) ||
                       (byte(at - 3) == 0xEF && byte(at - 2) == 0xBC && (c == 0x81 || c == 0x9F)));
}

}  // namespace seisaku::text
