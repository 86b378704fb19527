// SPDX-License-Identifier: MIT
// @brief Which of the dates a text mentions is the document's own: its enactment, a date in
// its title, a dateline, its file name, before any date of running text. Pure: no ICU.
#pragma once

#include <string>
#include <string_view>

namespace seisaku::document {

/// A document's own date and where it was found.
struct OwnDate {
    std::string date;    ///< "YYYY-MM-DD", "YYYY-MM" or "YYYY"; "" when none was found
    std::string source;  ///< one of the date_source names below; "" when none was found
};

// Where a document's date came from (Document::date_source, docs/output.md). The first three
// are given by the document or its folder; the others are found by own_date().
inline constexpr std::string_view date_from_front_matter = "front matter";
inline constexpr std::string_view date_from_html_meta = "html meta";
inline constexpr std::string_view date_from_sidecar = "sidecar";
inline constexpr std::string_view date_from_enactment = "enactment";
inline constexpr std::string_view date_from_title = "title";
inline constexpr std::string_view date_from_dateline = "dateline";
inline constexpr std::string_view date_from_file_name = "file name";
inline constexpr std::string_view date_from_lead = "lead";

/// The date a document gives itself, from its title, the head of its body (NFKC text, the
/// title line of a plain-text file included or not) and its file name. In this order:
///  1. enactment: a law's number where its name is (the title or the body's first line):
///     "(Act No. 57 of May 30, 2003)", "（平成十五年五月三十日法律第五十七号）", or the year of
///     "Regulation (EU) 2016/679" (a date after it, "of 27 April 2016", when written);
///  2. title: a date in the title;
///  3. dateline: among the first lines of the body, a line that is a date, perhaps with a place
///     or who published it ("Tokyo, 30 April 2024", "令和6年4月30日 デジタル庁"), a date after a
///     label ("Published on", "Date:", "公表日", "発表日", "公開日", "掲載日"), the date a
///     text speaks from ("As of September 2025", "2025年9月現在"), or a wire dateline
///     ("Tokyo, 3 July 2023 – The Council …");
///  4. file name: a whole day in it (2023-05-20, 2023_05_20, 20230520);
///  5. lead: the first whole day of the first paragraph, unless it dates a law cited there
///     ("デジタル庁は令和6年4月1日、…を公表した").
/// Other dates of running text date what the text speaks of (a law it cites, an earlier
/// meeting), not the text: a document with none of the above has no date. A date that dates
/// a version ("consolidated as of 2026-07-27", "last amended", "updated", "改正", "更新",
/// "改訂") is never the document's own. Reads at most date_scan_bytes of `head`.
[[nodiscard]] OwnDate own_date(std::string_view title, std::string_view head,
                               std::string_view file_name);

}  // namespace seisaku::document
