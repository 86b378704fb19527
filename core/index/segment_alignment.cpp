// SPDX-License-Identifier: MIT
#include "index/segment_alignment.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "text/numerals.hpp"

namespace seisaku::index {
namespace {

/// A line or paragraph to match: its text, its length in characters, the numbers it holds.
struct Unit {
    std::string_view text;
    double length = 0;
    std::vector<std::uint32_t> numbers;  ///< sorted, unique
};

/// One text cut at an article's first line; the part before the first article has key "".
struct Block {
    std::string key;
    std::string_view text;
};

constexpr std::string_view spaces = " \t\r";

std::string_view trim(std::string_view s) {
    const std::size_t first = s.find_first_not_of(spaces);
    if (first == std::string_view::npos) {
        return {};
    }
    return s.substr(first, s.find_last_not_of(spaces) - first + 1);
}

/// The non-blank lines of `text` (paragraphs: the runs of them between blank lines).
std::vector<std::string_view> pieces(std::string_view text, bool paragraphs) {
    std::vector<std::string_view> out;
    std::size_t start = std::string_view::npos;  // of the open paragraph
    std::size_t end = 0;
    for (std::size_t at = 0; at <= text.size();) {
        std::size_t eol = text.find('\n', at);
        eol = eol == std::string_view::npos ? text.size() : eol;
        const std::string_view line = trim(text.substr(at, eol - at));
        if (!line.empty() && !paragraphs) {
            out.push_back(line);
        } else if (!line.empty()) {
            start = start == std::string_view::npos ? at : start;
            end = eol;
        } else if (start != std::string_view::npos) {
            out.push_back(trim(text.substr(start, end - start)));
            start = std::string_view::npos;
        }
        at = eol + 1;
    }
    if (start != std::string_view::npos) {
        out.push_back(trim(text.substr(start, end - start)));
    }
    return out;
}

/// The value of a number in ASCII digits or kanji numerals, nullopt for anything else.
std::optional<std::uint32_t> number_value(std::string_view s) {
    std::uint32_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc{} && end == s.data() + s.size()) {
        return v;
    }
    return text::kanji_number(s);
}

/// The value of a roman numeral of item numbers (i to xxxix), nullopt for any other word.
std::optional<std::uint32_t> roman_value(std::string_view s) {
    static constexpr std::array<std::string_view, 10> ones = {"",  "i",  "ii",  "iii",  "iv",
                                                              "v", "vi", "vii", "viii", "ix"};
    std::uint32_t tens = 0;
    while (!s.empty() && s.front() == 'x' && tens < 3) {
        s.remove_prefix(1);
        ++tens;
    }
    for (std::uint32_t i = 0; i < ones.size(); ++i) {
        if (s == ones[i] && (i > 0 || tens > 0)) {
            return tens * 10 + i;
        }
    }
    return std::nullopt;
}

/// The item number a line starts with: "(ii) ..." in English, "二 ..." in Japanese.
std::optional<std::uint32_t> item_number(std::string_view line, bool japanese) {
    if (japanese) {
        const std::size_t end = text::numeral_run_end(line, 0);
        return end > 0 && end < line.size() && line[end] == ' ' ? number_value(line.substr(0, end))
                                                                : std::nullopt;
    }
    const std::size_t close = line.find(')');
    return line.starts_with('(') && close != std::string_view::npos && close < 8
               ? roman_value(line.substr(1, close - 1))
               : std::nullopt;
}

/// The month an English month name stands for (January → 1), nullopt for other words.
std::optional<std::uint32_t> month_value(std::string_view word) {
    static constexpr std::array<std::string_view, 12> months = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    for (std::uint32_t i = 0; i < months.size(); ++i) {
        if (word == months[i]) {
            return i + 1;
        }
    }
    return std::nullopt;
}

/// The numbers a unit holds: digit runs (kanji numerals that count something read as digits,
/// text::kanji_to_digits) and its leading item number.
std::vector<std::uint32_t> numbers_in(std::string_view unit, bool japanese) {
    std::vector<std::uint32_t> out;
    const std::string digits = japanese ? text::kanji_to_digits(unit) : std::string(unit);
    for (std::size_t at = 0; at < digits.size();) {
        if (digits[at] < '0' || digits[at] > '9') {
            ++at;
            continue;
        }
        const std::size_t end = std::min(digits.find_first_not_of("0123456789", at), digits.size());
        if (const auto v = number_value(std::string_view(digits).substr(at, end - at))) {
            out.push_back(*v);
        }
        at = end;
    }
    if (const auto item = item_number(unit, japanese)) {
        out.push_back(*item);
    }
    for (std::size_t at = 0; !japanese && at < unit.size();) {  // "30 May": 5 as 5月 has it
        const std::size_t end = std::min(unit.find_first_of(" ,.;()\n", at), unit.size());
        if (const auto month = month_value(unit.substr(at, end - at))) {
            out.push_back(*month);
        }
        at = end + 1;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double characters(std::string_view s) {
    return static_cast<double>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::vector<Unit> units_of(std::string_view text, bool japanese, bool paragraphs) {
    std::vector<Unit> out;
    for (const std::string_view piece : pieces(text, paragraphs)) {
        out.push_back({piece, characters(piece), numbers_in(piece, japanese)});
    }
    return out;
}

/// The text's blocks: before the first article, then one per article line.
std::vector<Block> blocks_of(std::string_view text, bool japanese) {
    std::vector<Block> out{{"", text}};
    std::size_t block_start = 0;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t eol = text.find('\n', at);
        eol = eol == std::string_view::npos ? text.size() : eol;
        if (std::string key = article_key(text.substr(at, eol - at), japanese); !key.empty()) {
            out.back().text = text.substr(block_start, at - block_start);
            out.push_back({std::move(key), text.substr(at)});
            block_start = at;
        }
        at = eol + 1;
    }
    return out;
}

/// How units may match, in order: one to one, one to two, two to one, one left out.
struct Bead {
    std::size_t en;
    std::size_t ja;
};
constexpr std::array<Bead, 5> beads = {{{1, 1}, {1, 2}, {2, 1}, {1, 0}, {0, 1}}};

/// Costs of the alignment, in units of |log| of a length ratio: leaving a unit out, matching
/// two units with one, each number one side holds and the other does not (at most 4).
constexpr double leave_out_cost = 1.0;
constexpr double merge_cost = 1.0;
constexpr double number_cost = 0.5;
constexpr double max_number_cost = 2.0;
/// Matches that cost more than this (lengths e^1.2 apart, or fewer lengths off with numbers
/// that disagree) are not taken as translations of each other.
constexpr double max_kept_cost = 1.2;
/// English characters per Japanese character, as the whole texts have them, within these
/// bounds (translations run from about 2 to 4): a text of one line cannot vouch for itself.
constexpr double min_length_ratio = 1.5;
constexpr double max_length_ratio = 5.0;
/// Line counts further apart than this ratio are not matched in order.
constexpr double max_count_ratio = 1.5;
/// The dynamic programme's table stays below this many cells (a few tens of MB).
constexpr std::size_t max_cells = 4'000'000;

/// The numbers of units [first, first + count), sorted and unique.
std::vector<std::uint32_t> numbers_of(const std::vector<Unit>& units, std::size_t first,
                                      std::size_t count) {
    std::vector<std::uint32_t> out;
    for (std::size_t i = first; i < first + count; ++i) {
        out.insert(out.end(), units[i].numbers.begin(), units[i].numbers.end());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double length_of(const std::vector<Unit>& units, std::size_t first, std::size_t count) {
    double sum = 0;
    for (std::size_t i = first; i < first + count; ++i) {
        sum += units[i].length;
    }
    return sum;
}

/// One match's cost: its lengths' disagreement (English characters per Japanese one as in
/// the whole, `ratio`) and its numbers'.
double bead_cost(const std::vector<Unit>& en, const std::vector<Unit>& ja, std::size_t i,
                 std::size_t j, Bead b, double ratio) {
    if (b.en == 0 || b.ja == 0) {
        return leave_out_cost;
    }
    constexpr double smoothing = 20;  // short lines' lengths say less
    double cost = std::abs(std::log((length_of(en, i, b.en) + smoothing) /
                                    (ratio * length_of(ja, j, b.ja) + smoothing)));
    const auto x = numbers_of(en, i, b.en);
    const auto y = numbers_of(ja, j, b.ja);
    std::vector<std::uint32_t> differ;
    std::set_symmetric_difference(x.begin(), x.end(), y.begin(), y.end(),
                                  std::back_inserter(differ));
    cost += std::min(max_number_cost, number_cost * static_cast<double>(differ.size()));
    return cost + (b.en + b.ja > 2 ? merge_cost : 0.0);
}

std::string_view span(const std::vector<Unit>& units, std::size_t first, std::size_t count) {
    const std::string_view a = units[first].text;
    const std::string_view b = units[first + count - 1].text;
    return {a.data(), static_cast<std::size_t>(b.data() + b.size() - a.data())};
}

/// The cheapest way to match `en` with `ja` in order, in a band around the diagonal; the
/// matches cheap enough go to `out`. False when the counts are too far apart.
bool align_units(const std::vector<Unit>& en, const std::vector<Unit>& ja,
                 std::vector<AlignedSegment>& out) {
    const std::size_t n = en.size();
    const std::size_t m = ja.size();
    if (n == 0 || m == 0 ||
        static_cast<double>(std::max(n, m)) >
            max_count_ratio * static_cast<double>(std::min(n, m)) + 2) {
        return false;
    }
    const auto band = static_cast<std::ptrdiff_t>((n > m ? n - m : m - n) + 8);
    const auto width = static_cast<std::size_t>(2 * band + 1);
    if ((n + 1) * width > max_cells) {
        return false;
    }
    const double ratio = std::clamp(length_of(en, 0, n) / std::max(1.0, length_of(ja, 0, m)),
                                    min_length_ratio, max_length_ratio);
    const auto lo = [&](std::size_t i) {
        return static_cast<std::ptrdiff_t>((i * m + n / 2) / n) - band;
    };
    const auto cell = [&](std::size_t i, std::size_t j) -> std::optional<std::size_t> {
        const std::ptrdiff_t k = static_cast<std::ptrdiff_t>(j) - lo(i);
        if (k < 0 || k >= static_cast<std::ptrdiff_t>(width)) {
            return std::nullopt;
        }
        return i * width + static_cast<std::size_t>(k);
    };
    constexpr double unreached = std::numeric_limits<double>::infinity();
    std::vector<double> cost((n + 1) * width, unreached);
    std::vector<std::uint8_t> via((n + 1) * width, 0);
    cost[*cell(0, 0)] = 0;
    for (std::size_t i = 0; i <= n; ++i) {
        for (std::ptrdiff_t k = 0; k < static_cast<std::ptrdiff_t>(width); ++k) {
            const std::ptrdiff_t sj = lo(i) + k;
            if (sj < 0 || sj > static_cast<std::ptrdiff_t>(m) || (i == 0 && sj == 0)) {
                continue;
            }
            const auto j = static_cast<std::size_t>(sj);
            const std::size_t here = i * width + static_cast<std::size_t>(k);
            for (std::size_t b = 0; b < beads.size(); ++b) {
                if (beads[b].en > i || beads[b].ja > j) {
                    continue;
                }
                const auto from = cell(i - beads[b].en, j - beads[b].ja);
                if (!from || cost[*from] == unreached) {
                    continue;
                }
                const double c = cost[*from] + bead_cost(en, ja, i - beads[b].en, j - beads[b].ja,
                                                         beads[b], ratio);
                if (c < cost[here]) {
                    cost[here] = c;
                    via[here] = static_cast<std::uint8_t>(b);
                }
            }
        }
    }
    std::vector<AlignedSegment> found;
    for (std::size_t i = n, j = m; i > 0 || j > 0;) {
        const Bead b = beads[via[*cell(i, j)]];
        i -= b.en;
        j -= b.ja;
        if (b.en > 0 && b.ja > 0 && bead_cost(en, ja, i, j, b, ratio) <= max_kept_cost) {
            found.push_back({span(en, i, b.en), span(ja, j, b.ja)});
        }
    }
    out.insert(out.end(), found.rbegin(), found.rend());
    return true;
}

/// Matches two texts in order: by lines, or by paragraphs when the line counts differ much.
void align_in_order(std::string_view en, std::string_view ja, std::vector<AlignedSegment>& out) {
    if (align_units(units_of(en, false, false), units_of(ja, true, false), out)) {
        return;
    }
    // Paragraphs, when there are several: one paragraph each after lines too far apart
    // says nothing of where the text differs.
    const std::vector<Unit> en_paragraphs = units_of(en, false, true);
    const std::vector<Unit> ja_paragraphs = units_of(ja, true, true);
    if (en_paragraphs.size() > 1 && ja_paragraphs.size() > 1) {
        (void)align_units(en_paragraphs, ja_paragraphs, out);
    }
}

/// The article keys `blocks` holds once (a key met twice, as in supplementary provisions that
/// number their articles again, says nothing).
std::map<std::string, std::string_view> unique_blocks(const std::vector<Block>& blocks) {
    std::map<std::string, std::string_view> out;
    std::set<std::string> twice;
    for (const Block& b : blocks) {
        if (!out.emplace(b.key, b.text).second) {
            twice.insert(b.key);
        }
    }
    for (const std::string& key : twice) {
        out.erase(key);
    }
    return out;
}

}  // namespace

std::string article_key(std::string_view line, bool japanese) {
    line = trim(line.substr(std::min(line.find_first_not_of("# "), line.size())));
    const std::string_view mark = japanese ? "第" : "Article ";
    if (!line.starts_with(mark)) {
        return {};
    }
    line.remove_prefix(mark.size());
    const std::size_t end = text::numeral_run_end(line, 0);
    const auto number = number_value(line.substr(0, end));
    if (!number || (japanese && !line.substr(end).starts_with("条"))) {
        return {};
    }
    std::string key = std::to_string(*number);
    line.remove_prefix(end + (japanese ? std::string_view("条").size() : 0));
    const std::string_view branch = japanese ? "の" : "-";
    if (line.starts_with(branch)) {
        line.remove_prefix(branch.size());
        const std::size_t sub_end = text::numeral_run_end(line, 0);
        if (const auto sub = number_value(line.substr(0, sub_end))) {
            key += "-" + std::to_string(*sub);
            line.remove_prefix(sub_end);
        }
    }
    const bool word_ends = japanese || line.empty() || line.front() == ' ' || line.front() == '(' ||
                           line.front() == '.';
    return word_ends ? key : std::string();
}

std::vector<AlignedSegment> align_segments(std::string_view en, std::string_view ja) {
    const auto en_blocks = unique_blocks(blocks_of(en, false));
    const auto ja_blocks = unique_blocks(blocks_of(ja, true));
    std::vector<std::pair<std::string_view, std::string_view>> matched;
    for (const auto& [key, text] : en_blocks) {
        if (const auto other = ja_blocks.find(key); other != ja_blocks.end()) {
            matched.emplace_back(text, other->second);
        }
    }
    std::vector<AlignedSegment> out;
    if (matched.size() < 3) {  // the preamble and two articles at least: a law
        align_in_order(en, ja, out);
        return out;
    }
    for (const auto& [e, j] : matched) {
        align_in_order(e, j, out);
    }
    return out;
}

}  // namespace seisaku::index
