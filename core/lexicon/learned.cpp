// SPDX-License-Identifier: MIT
#include "lexicon/learned.hpp"

#include <algorithm>
#include <charconv>
#include <numeric>
#include <system_error>

#include "error.hpp"
#include "text/split.hpp"

namespace seisaku::lexicon {
namespace {

/// The first line of the stored form; a table of another version is not read.
constexpr std::string_view header = "seisaku-learned 1";

/// Whether a word can be stored and looked up: not empty, no tab or line break.
bool storable(std::string_view word) {
    return !word.empty() && word.find_first_of("\t\n\r") == std::string_view::npos;
}

/// Better first: higher score, then more segments, then the words in byte order (a stable,
/// reproducible order whatever order the rows came in).
bool better(const Learned& a, const Learned& b) {
    if (a.score != b.score) {
        return a.score > b.score;
    }
    if (a.count != b.count) {
        return a.count > b.count;
    }
    return a.ja != b.ja ? a.ja < b.ja : a.en < b.en;
}

/// The rows' indexes ordered by the word `side` picks, best first within one word.
std::vector<std::uint32_t> sorted_by(const std::vector<Learned>& rows, std::string Learned::*side) {
    std::vector<std::uint32_t> out(rows.size());
    std::iota(out.begin(), out.end(), 0U);
    std::stable_sort(out.begin(), out.end(), [&](std::uint32_t a, std::uint32_t b) {
        return rows[a].*side < rows[b].*side;  // rows_ are best first: stable keeps that
    });
    return out;
}

[[noreturn]] void corrupt(std::size_t line, const std::string& why) {
    throw IndexError(ExitCode::DataError,
                     "learned translations: cannot read the index's table "
                     "(metadata seisaku.learned), line " +
                         std::to_string(line) + ": " + why + "; index again with --overwrite");
}

/// One stored row, "ja TAB en TAB score TAB count"; `line` numbers it for the error.
Learned parse_row(std::string_view text, std::size_t line) {
    const std::vector<std::string_view> cells = text::split(text, "\t");
    if (cells.size() != 4) {
        corrupt(line, "expected 4 tab-separated cells, found " + std::to_string(cells.size()));
    }
    Learned row{std::string(cells[0]), std::string(cells[1]), 0.0, 0};
    const auto read = [&](std::string_view cell, auto& value, const char* what) {
        const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
        if (ec != std::errc{} || end != cell.data() + cell.size()) {
            corrupt(line,
                    std::string("the ") + what + " \"" + std::string(cell) + "\" is not a number");
        }
    };
    read(cells[2], row.score, "score");
    read(cells[3], row.count, "count");
    if (!storable(row.ja) || !storable(row.en) || !(row.score > 0.0 && row.score <= 1.0)) {
        corrupt(line, "an empty word or a score outside (0,1]");
    }
    return row;
}

}  // namespace

LearnedTranslations::LearnedTranslations(std::vector<Learned> rows) {
    std::erase_if(rows, [](const Learned& r) {
        return !storable(r.ja) || !storable(r.en) || !(r.score > 0.0 && r.score <= 1.0);
    });
    std::sort(rows.begin(), rows.end(), better);
    rows_ = std::move(rows);
    by_ja_ = sorted_by(rows_, &Learned::ja);
    by_en_ = sorted_by(rows_, &Learned::en);
}

LearnedTranslations LearnedTranslations::decode(std::string_view stored) {
    if (stored.empty()) {
        return {};
    }
    std::vector<std::string_view> lines = text::split(stored, "\n");
    if (lines.back().empty()) {
        lines.pop_back();  // the last line's line feed
    }
    if (lines.front() != header) {
        corrupt(1, "expected \"" + std::string(header) + "\"");
    }
    std::vector<Learned> rows;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        rows.push_back(parse_row(lines[i], i + 1));
    }
    return LearnedTranslations(std::move(rows));
}

std::string LearnedTranslations::encode() const {
    std::string out(header);
    out += '\n';
    char number[64];
    for (const Learned& r : rows_) {
        out += r.ja + '\t' + r.en + '\t';
        // Shortest form that reads back as the same double: decode(encode()) is exact.
        const auto score = std::to_chars(number, number + sizeof number, r.score);
        out.append(number, score.ptr);
        out += '\t' + std::to_string(r.count) + '\n';
    }
    return out;
}

std::vector<const Learned*> LearnedTranslations::of(std::string_view base, bool from_japanese,
                                                    std::size_t limit) const {
    const std::vector<std::uint32_t>& index = from_japanese ? by_ja_ : by_en_;
    std::string Learned::*side = from_japanese ? &Learned::ja : &Learned::en;
    auto it = std::lower_bound(
        index.begin(), index.end(), base,
        [&](std::uint32_t i, std::string_view b) { return std::string_view(rows_[i].*side) < b; });
    std::vector<const Learned*> out;
    for (; it != index.end() && out.size() < limit && rows_[*it].*side == base; ++it) {
        out.push_back(&rows_[*it]);
    }
    return out;
}

bool LearnedTranslations::empty() const noexcept {
    return rows_.empty();
}

std::size_t LearnedTranslations::size() const noexcept {
    return rows_.size();
}

}  // namespace seisaku::lexicon
