// SPDX-License-Identifier: MIT
#include "text/transliterate.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>

#include "error.hpp"
#include "text/script_runs.hpp"
#include "text/utf8.hpp"

namespace seisaku::text {
namespace {

constexpr char32_t prolonged_sound_mark = 0x30FC;  // ー

bool is_hiragana(char32_t cp) noexcept {
    return cp >= 0x3041 && cp <= 0x3096;
}

enum class Id { ToLatin, LatinToKatakana, HiraganaToKatakana, KatakanaToHiragana };

std::unique_ptr<icu::Transliterator> create(const char* id) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t) {
        throw SetupError(std::string("text: cannot load ICU transliterator \"") + id +
                         "\": " + u_errorName(status));
    }
    return t;
}

/// One instance of each transliterator per thread, made on first use: ICU builds them from
/// rules, which is slow (building all four was 12 ms of a 20 ms search that asked for a
/// suggestion), and a Transliterator is not meant to be shared between threads.
const icu::Transliterator& instance(Id id) {
    static constexpr std::array<const char*, 4> ids = {
        "Hiragana-Katakana; Katakana-Latin; Latin-ASCII", "Latin-Katakana", "Hiragana-Katakana",
        "Katakana-Hiragana"};
    thread_local std::array<std::unique_ptr<icu::Transliterator>, 4> cache;
    auto& made = cache.at(static_cast<std::size_t>(id));
    if (!made) {
        made = create(ids.at(static_cast<std::size_t>(id)));
    }
    return *made;
}

std::string apply(Id id, std::string_view valid_utf8) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(valid_utf8.data(), static_cast<int32_t>(valid_utf8.size())));
    instance(id).transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
}

bool is_vowel(char c) noexcept {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

}  // namespace

KanaScript kana_script(std::string_view valid_utf8) noexcept {
    bool hiragana = false;
    bool katakana = false;
    std::size_t pos = 0;
    while (pos < valid_utf8.size()) {
        const char32_t cp = next_code_point(valid_utf8, pos);
        if (is_hiragana(cp)) {
            hiragana = true;
        } else if (is_katakana(cp)) {
            katakana = true;
        } else if (cp != prolonged_sound_mark) {
            return KanaScript::None;
        }
    }
    if (hiragana == katakana) {  // both, or only ー or nothing
        return KanaScript::None;
    }
    return hiragana ? KanaScript::Hiragana : KanaScript::Katakana;
}

std::string reading_key(std::string_view valid_utf8) {
    // The three steps leave ASCII as it is.
    const std::string latin =
        is_ascii(valid_utf8) ? std::string(valid_utf8) : apply(Id::ToLatin, valid_utf8);
    std::string key;
    key.reserve(latin.size());
    for (char c : latin) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
        if (c < 'a' || c > 'z') {
            continue;  // ー's macron, the ' after n, the ~ of small vowels, anything else
        }
        if (is_vowel(c) && !key.empty() && key.back() == c) {
            continue;  // a long vowel however written: ē, ee, e-
        }
        key += c;
    }
    return key;
}

std::string romaji_to_katakana(std::string_view ascii) {
    // Katakana never reads back with l, q, x, or c outside "ch" (checked for every one and
    // two katakana in the tests): such a word is no romaji, and ICU need not be asked.
    const std::string key = reading_key(ascii);
    for (std::size_t i = 0; i < key.size(); ++i) {
        if (key[i] == 'l' || key[i] == 'q' || key[i] == 'x' ||
            (key[i] == 'c' && (i + 1 == key.size() || key[i + 1] != 'h'))) {
            return {};
        }
    }
    const std::string converted = apply(Id::LatinToKatakana, ascii);
    std::string out;
    out.reserve(converted.size());
    std::size_t pos = 0;
    while (pos < converted.size()) {
        char32_t cp = next_code_point(converted, pos);
        if (cp == U'-') {
            cp = prolonged_sound_mark;  // de-ta: the dash romaji writes for ー
        }
        if (!is_katakana(cp) && cp != prolonged_sound_mark) {
            return {};
        }
        append_code_point(out, cp);
    }
    // ICU spells any Latin letters in katakana (policy → ポリセィ); keep only what reads back.
    if (kana_script(out) != KanaScript::Katakana || reading_key(out) != key) {
        return {};
    }
    return out;
}

std::string hiragana_to_katakana(std::string_view valid_utf8) {
    return apply(Id::HiraganaToKatakana, valid_utf8);
}

std::string katakana_to_hiragana(std::string_view valid_utf8) {
    // ICU spells ー as the vowel it lengthens (データ → でえた); keep it as written (でーた).
    constexpr std::string_view mark = "\xE3\x83\xBC";  // ー
    std::string out;
    std::size_t at = 0;
    while (at <= valid_utf8.size()) {
        const std::size_t found = std::min(valid_utf8.find(mark, at), valid_utf8.size());
        out += apply(Id::KatakanaToHiragana, valid_utf8.substr(at, found - at));
        if (found == valid_utf8.size()) {
            break;
        }
        out += mark;
        at = found + mark.size();
    }
    return out;
}

}  // namespace seisaku::text
