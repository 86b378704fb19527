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
    std::vector<std::size_t> ends;
    std::size_t pos = 0;
    while (pos < valid.size()) {
        const char32_t cp = next_code_point(valid, pos);
        bool end = false;
        switch (cp) {
            case U'\n':
            case 0x3002:  // 。 IDEOGRAPHIC FULL STOP
            case 0xFF01:  // ！ (not produced by NFKC, but raw text may hold it)
            case 0xFF1F:  // ？
                end = true;
                break;
            case U'.':
            case U'!':
            case U'?':
                end = pos == valid.size() || valid[pos] == ' ' || valid[pos] == '\n' ||
                      valid[pos] == '\t' || valid[pos] == '\r';
                break;
            default:
                break;
        }
        if (!end) {
            continue;
        }
        if (cp == U'\n' && !ends.empty() && ends.back() == pos - 1) {
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

}  // namespace seisaku::text
