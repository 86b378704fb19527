// SPDX-License-Identifier: MIT
#include "document/own_date.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "document/dates.hpp"
#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace seisaku::document {
namespace {

using text::contains_any;
using text::lower_ascii;

using text::is_digit;

/// The bytes of `s` before `at`, at most `n` (may cut a character: only compared to ASCII
/// and whole UTF-8 words).
std::string_view before(std::string_view s, std::size_t at, std::size_t n) {
    const std::size_t from = at > n ? at - n : 0;
    return s.substr(from, at - from);
}

/// True when the date at [begin, end) of `scanned` dates a version of the text rather than
/// the text: "consolidated as of 2026-07-27", "last amended on", "updated", "2024年4月改正".
bool dates_a_version(std::string_view scanned, std::size_t begin, std::size_t end) {
    const std::string lead = lower_ascii(before(scanned, begin, 40));
    if (contains_any(lead, {"consolidat", "amend", "updat", "revis", "改正", "更新", "改訂"})) {
        return true;
    }
    const std::string_view tail = scanned.substr(end, 12);
    return contains_any(tail, {"改正", "更新", "改訂"});
}

/// The first date of `text` that does not date a version, with where it is.
std::optional<TextDate> first_own(std::string_view text, std::string& scanned) {
    for (TextDate& d : dates_in_text(text, scanned)) {
        if (!dates_a_version(scanned, d.begin, d.end)) {
            return std::move(d);
        }
    }
    return std::nullopt;
}

/// The first `max_lines` non-blank lines of `text`, trimmed, within its first `max_bytes`.
std::vector<std::string_view> first_lines(std::string_view text, std::size_t max_lines,
                                          std::size_t max_bytes) {
    text = text.substr(0, max_bytes);
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos < text.size() && out.size() < max_lines) {
        const std::size_t eol = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text::trim_ascii(text.substr(pos, eol - pos));
        if (!line.empty()) {
            out.push_back(line);
        }
        pos = eol + 1;
    }
    return out;
}

/// Reads the digits at `pos` of `s` (at most `max` of them), or nothing.
std::optional<int> digits_at(std::string_view s, std::size_t& pos, std::size_t max) {
    std::size_t n = 0;
    int v = 0;
    while (pos + n < s.size() && is_digit(s[pos + n]) && n < max) {
        v = v * 10 + (s[pos + n] - '0');
        ++n;
    }
    if (n == 0 || (pos + n < s.size() && is_digit(s[pos + n]))) {
        return std::nullopt;
    }
    pos += n;
    return v;
}

std::string year_text(int year) {
    return year >= min_date_year && year <= max_date_year ? std::to_string(year) : std::string();
}

/// A date that follows `at` as " of <date>" within a few bytes ("... 2016/679 of 27 April
/// 2016"), or "".
std::string date_after_of(std::string_view line, std::size_t at) {
    const std::string_view rest = line.substr(at, 160);
    for (std::size_t of = rest.find(" of "); of != std::string_view::npos;
         of = rest.find(" of ", of + 1)) {
        const std::string lead = lower_ascii(before(rest, of, 24));
        if (lead.ends_with(" as") || contains_any(lead, {"consolidat", "amend", "updat"})) {
            continue;  // "consolidated as of 2026-07-27": a version's date
        }
        std::string scanned;
        const std::vector<TextDate> dates = dates_in_text(rest.substr(of + 4), scanned, 1);
        if (!dates.empty() && dates.front().begin == 0) {
            return dates.front().date;
        }
    }
    return {};
}

/// An English law number: "Act No. 57 of May 30, 2003" (the date), "Act No. 57 of 2003" (the
/// year); also Law, Order, Cabinet Order.
std::string english_enactment(std::string_view line) {
    std::size_t pos = 0;
    while ((pos = line.find("No. ", pos)) != std::string_view::npos) {
        const std::string_view lead = before(line, pos, 16);
        std::size_t p = pos + 4;
        pos = p;
        if (!contains_any(lead, {"Act ", "Law ", "Order "}) || !digits_at(line, p, 6) ||
            !line.substr(p).starts_with(" of ")) {
            continue;
        }
        if (std::string d = date_after_of(line, p); !d.empty()) {
            return d;
        }
        std::size_t y = p + 4;
        if (const auto year = digits_at(line, y, 4)) {
            return year_text(*year);
        }
    }
    return {};
}

/// A Japanese law number: the date before 法律第N号 (also 政令, 省令, 府令, 規則, 告示, 条例).
std::string japanese_enactment(std::string_view line) {
    std::string scanned;
    for (const TextDate& d : dates_in_text(line, scanned, 8)) {
        std::string_view rest = std::string_view(scanned).substr(d.end);
        while (rest.starts_with(" ")) {
            rest.remove_prefix(1);
        }
        for (const std::string_view kind :
             {"法律", "政令", "省令", "府令", "規則", "告示", "条例"}) {
            if (rest.starts_with(kind) && rest.substr(kind.size()).starts_with("第")) {
                return d.date;
            }
        }
    }
    return {};
}

/// An EU act's number: "Regulation (EU) 2016/679" or "Regulation (EC) No 45/2001" gives its
/// year, or the date written after it ("of 27 April 2016").
std::string eu_enactment(std::string_view line) {
    for (const std::string_view kind : {"Regulation (", "Directive (", "Decision ("}) {
        std::size_t pos = line.find(kind);
        if (pos == std::string_view::npos) {
            continue;
        }
        pos = line.find(") ", pos);
        if (pos == std::string_view::npos || pos > line.find(kind) + kind.size() + 8) {
            continue;
        }
        std::size_t p = pos + 2;
        if (line.substr(p).starts_with("No ")) {  // (EC) No 45/2001: number, then year
            p += 3;
            if (digits_at(line, p, 5) && p < line.size() && line[p] == '/') {
                ++p;
                if (const auto year = digits_at(line, p, 4)) {
                    const std::string d = date_after_of(line, p);
                    return d.empty() ? year_text(*year) : d;
                }
            }
            continue;
        }
        if (const auto year = digits_at(line, p, 4); year && p < line.size() && line[p] == '/') {
            ++p;
            if (digits_at(line, p, 6)) {
                const std::string d = date_after_of(line, p);
                return d.empty() ? year_text(*year) : d;
            }
        }
    }
    return {};
}

std::string enactment(std::string_view line) {
    for (const auto& find : {english_enactment, japanese_enactment, eu_enactment}) {
        if (std::string d = find(line); !d.empty()) {
            return d;
        }
    }
    return {};
}

/// Words that put a date on a line as the document's own: "Published on 3 May 2024",
/// "公表日：令和6年4月30日".
bool has_date_label(std::string_view lead) {
    const std::string l = lower_ascii(lead);
    return contains_any(l, {"published", "date:", "dated", "issued", "release date", "公表", "発表",
                            "公開日", "掲載日", "策定日", "決定日"});
}

/// "As of September 2025, …", "2025年9月現在": the date the text speaks from.
bool states_status(std::string_view s, const TextDate& d) {
    const std::string lead = lower_ascii(before(s, d.begin, 12));
    if (lead.ends_with("as of ") || lead.ends_with("as at ")) {
        return true;
    }
    const std::string_view tail = s.substr(d.end, 9);
    return tail.starts_with("現在") || tail.starts_with("時点");
}

/// "Tokyo, 3 July 2023 – The Council …": a place, the date and a dash open the text.
bool is_wire_dateline(std::string_view s, const TextDate& d) {
    const std::string_view place = text::trim_ascii(s.substr(0, d.begin));
    if (place.empty() || !place.ends_with(",") || place.size() > 40 ||
        std::count(place.begin(), place.end(), ' ') > 3) {
        return false;
    }
    const std::string_view after = s.substr(d.end);
    for (const std::string_view dash : {" - ", " – ", " — ", " -- ", "—", " ―"}) {
        if (after.starts_with(dash)) {
            return true;
        }
    }
    return false;
}

/// Punctuation and spaces a date line may carry around its date.
bool is_decoration(std::string_view s) {
    static constexpr auto marks = std::to_array<std::string_view>(
        {" ", ",", "(", ")", "（", "）", "[", "]", "【", "】", "-", "–", "—", "、"});
    while (!s.empty()) {
        const auto m = std::find_if(marks.begin(), marks.end(),
                                    [&](std::string_view mark) { return s.starts_with(mark); });
        if (m == marks.end()) {
            return false;
        }
        s.remove_prefix(m->size());
    }
    return true;
}

/// A line near the top that dates the document: a date with at most a place or a publisher
/// around it, or a date after a label.
std::string dateline(std::string_view head) {
    for (const std::string_view line : first_lines(head, 15, 4096)) {
        std::string scanned;
        const auto d = first_own(text::truncate(line, 1024), scanned);
        if (!d) {
            continue;
        }
        const std::string_view s = scanned;
        if (line.size() > 160) {  // a paragraph: only a date it speaks from
            if (states_status(s, *d)) {
                return d->date;
            }
            continue;
        }
        if (has_date_label(s.substr(0, d->begin)) || states_status(s, *d) ||
            is_wire_dateline(s, *d)) {
            return d->date;
        }
        std::string rest(s.substr(0, d->begin));
        rest += s.substr(d->end);
        const std::string_view left = text::trim_ascii(rest);
        if (is_decoration(left) ||
            (left.size() <= 36 && left.find("。") == std::string_view::npos &&
             left.find(". ") == std::string_view::npos && !left.ends_with("."))) {
            return d->date;
        }
    }
    return {};
}

/// A line of prose rather than a name: it ends a sentence ("。", or "." after a word's last
/// letter) or holds one end ("word. Next"). "Act No. 57" is a name.
bool reads_as_sentence(std::string_view line) {
    if (line.find("。") != std::string_view::npos) {
        return true;
    }
    const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    for (std::size_t i = 1; i < line.size(); ++i) {
        if (line[i] == '.' && lower(line[i - 1]) &&
            (i + 1 == line.size() || (line[i + 1] == ' ' && i + 2 < line.size() &&
                                      line[i + 2] >= 'A' && line[i + 2] <= 'Z'))) {
            return true;
        }
    }
    return false;
}

/// A law a date belongs to: "平成7年法律第130号", "Act No. 130 of 1995".
bool cites_a_law(std::string_view s, const TextDate& d) {
    std::string_view rest = s.substr(d.end, 24);
    while (rest.starts_with(" ")) {
        rest.remove_prefix(1);
    }
    for (const std::string_view kind :
         {"法律第", "政令第", "省令第", "府令第", "規則第", "告示第"}) {
        if (rest.starts_with(kind)) {
            return true;
        }
    }
    const std::string lead = lower_ascii(before(s, d.begin, 24));
    return lead.find("no.") != std::string::npos;
}

/// The first whole day of the text's first paragraph (at most 600 bytes): a press release
/// opens with what happened that day ("デジタル庁は令和6年4月1日、…を公表した").
std::string lead_date(std::string_view head) {
    std::size_t end = 0;
    bool text = false;
    while (end < head.size() && end < 600) {
        const std::size_t eol = std::min(head.find('\n', end), head.size());
        const bool blank = text::trim_ascii(head.substr(end, eol - end)).empty();
        if (blank && text) {
            break;
        }
        text = text || !blank;
        end = eol + 1;
    }
    std::string scanned;
    for (const TextDate& d :
         dates_in_text(head.substr(0, std::min(end, head.size())), scanned, 8)) {
        if (d.date.size() == 10 && !dates_a_version(scanned, d.begin, d.end) &&
            !cites_a_law(scanned, d)) {
            return d.date;
        }
    }
    return {};
}

/// A whole day in a file name: 2023-05-20, 2023_05_20, 2023.05.20 or 20230520.
std::string file_name_date(std::string_view name) {
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (!is_digit(name[i]) || (i > 0 && is_digit(name[i - 1]))) {
            continue;
        }
        std::string candidate;
        const std::string_view rest = name.substr(i);
        std::size_t n = 0;
        while (n < rest.size() && is_digit(rest[n])) {
            ++n;
        }
        if (n == 8) {
            candidate = std::string(rest.substr(0, 4)) + "-" + std::string(rest.substr(4, 2)) +
                        "-" + std::string(rest.substr(6, 2));
        } else if (n == 4 && rest.size() >= 10 &&
                   (rest[4] == '-' || rest[4] == '_' || rest[4] == '.') && rest[7] == rest[4] &&
                   is_digit(rest[5]) && is_digit(rest[6]) && is_digit(rest[8]) &&
                   is_digit(rest[9]) && (rest.size() == 10 || !is_digit(rest[10]))) {
            candidate = std::string(rest.substr(0, 4)) + "-" + std::string(rest.substr(5, 2)) +
                        "-" + std::string(rest.substr(8, 2));
        }
        if (!candidate.empty()) {
            if (const auto range = parse_date(candidate); range && range->first == candidate) {
                return candidate;
            }
        }
    }
    return {};
}

}  // namespace

OwnDate own_date(std::string_view title, std::string_view head, std::string_view file_name) {
    const std::vector<std::string_view> top = first_lines(head, 1, 4096);
    for (const std::string_view line : {title, top.empty() ? std::string_view() : top.front()}) {
        // a name line, not a sentence that cites another law
        if (std::string d = reads_as_sentence(line) ? std::string() : enactment(line); !d.empty()) {
            return {std::move(d), std::string(date_from_enactment)};
        }
    }
    std::string scanned;
    if (const auto d = first_own(title, scanned)) {
        return {d->date, std::string(date_from_title)};
    }
    if (std::string d = dateline(head); !d.empty()) {
        return {std::move(d), std::string(date_from_dateline)};
    }
    if (std::string d = file_name_date(file_name); !d.empty()) {
        return {std::move(d), std::string(date_from_file_name)};
    }
    if (std::string d = lead_date(head); !d.empty()) {
        return {std::move(d), std::string(date_from_lead)};
    }
    return {};  // other dates of running text date what the text speaks of, not the text
}

}  // namespace seisaku::document
