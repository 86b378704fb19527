// SPDX-License-Identifier: MIT
#include "document/boilerplate_facts.hpp"

#include <algorithm>

#include "document/boilerplate_forms.hpp"
#include "document/boilerplate_words.hpp"
#include "document/dates.hpp"
#include "document/outline.hpp"
#include "text/ascii.hpp"
#include "text/hash.hpp"

namespace seisaku::document {
namespace {

/// One line near a text's edges, looked at closely.
LineInfo describe_line(std::string_view line, const LineSet* repeated) {
    LineInfo info;
    info.folded = folded_line(line);
    const std::string& f = info.folded;
    if (f.empty()) {
        return info;
    }
    info.blank = false;
    const Counts c = line_counts(f);
    const bool japanese = c.japanese * 2 >= c.code_points;
    info.anywhere = is_anywhere_phrase(f) ||
                    (f.size() <= 48 && (f.ends_with("一覧へ戻る") || f.ends_with("一覧に戻る") ||
                                        f.starts_with("back to list") || f.starts_with("« back")));
    // a law's structure, and the mark that ends a press release ("###", "以上")
    info.structure = is_structure_line(f) || f == "###" || f == "-###-" || f == "- ends -" ||
                     f == "ends" || f == "以上" || f == "(以上)" || f == "-end-";
    info.related = is_related_head(f);
    info.site = info.anywhere || info.related || is_site_phrase(f) || has_site_mark(f) ||
                starts_like_site(f) || is_breadcrumb(f) || is_language_switch(f) ||
                is_address_or_phone(f) || is_link_list_line(f) || is_link_row(f, line);
    info.repeated = repeated != nullptr && repeated->contains(text::fnv1a64(f));  // line_key()
    std::string_view bare = f;
    for (const std::string_view mark :
         {"【", "〔", "[", "(", "（", "■", "●", "◆", "○", "◇", "＜", "<"}) {
        if (bare.starts_with(mark)) {
            bare.remove_prefix(mark.size());
        }
    }
    const bool contact_words = !bare.starts_with("contact us") && starts_contact_head(bare);
    // a heading of contact details, or a line of them: "For more information, contact … at
    // press@…"
    info.contact = contact_words && (bare.size() <= 60 || f.find('@') != std::string::npos);
    info.details =
        f.find('@') != std::string::npos || is_address_or_phone(f) ||
        f.find("e-mail") != std::string::npos || f.find("email") != std::string::npos ||
        f.find("メール") != std::string::npos ||
        std::count_if(f.begin(), f.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) >= 8;
    info.attachment = f.find("pdf") != std::string::npos || f.find("添付") != std::string::npos ||
                      f.find("別紙") != std::string::npos || f.find("別添") != std::string::npos;
    const bool sentence = ends_sentence(f);
    info.prose =
        !info.site && (japanese ? c.code_points >= 28 || (sentence && c.code_points >= 12)
                                : (c.words >= 8 && f.size() >= 50) || (sentence && c.words >= 5));
    info.sentence =
        info.prose && (sentence || f.size() >= 160 || (japanese && c.code_points >= 60));
    info.dated = f.size() <= 80 &&
                 (std::any_of(f.begin(), f.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) ||
                  f.find("年") != std::string::npos) &&
                 !first_date_in_text(heading_text(line)).empty();
    info.linky = !info.prose && !sentence && !info.dated &&
                 (japanese ? c.code_points <= 24 : c.words <= 7 && f.size() <= 60);
    return info;
}

/// Which lines are near the edges, within boilerplate_edge_lines non-blank lines of the start
/// or the end: those are looked at closely; the others only for "back to top" and the like
/// (short lines), so a long text costs little.
std::vector<bool> edge_lines(const std::vector<std::string_view>& lines) {
    const std::size_t n = lines.size();
    std::vector<bool> edge(n, false);
    for (std::size_t i = 0, seen = 0; i < n && seen < boilerplate_edge_lines; ++i) {
        edge[i] = true;
        seen += text::trim_ascii(lines[i]).empty() ? 0 : 1;
    }
    for (std::size_t i = n, seen = 0; i-- > 0 && seen < boilerplate_edge_lines;) {
        edge[i] = true;
        seen += text::trim_ascii(lines[i]).empty() ? 0 : 1;
    }
    return edge;
}

/// A line away from the edges: blank, prose (long) or maybe a "back to top" line (short).
LineInfo describe_inner_line(std::string_view line) {
    LineInfo info;
    if (const std::string_view t = text::trim_ascii(line); !t.empty()) {
        info.blank = false;
        info.prose = t.size() > 64;  // not an edge: what matters is that it is text
        info.sentence = info.prose;
        if (t.size() <= 64) {
            info.folded = folded_line(t);
            info.anywhere = is_anywhere_phrase(info.folded);
        }
    }
    return info;
}

/// A paragraph a text dump wrapped ("lynx -dump"): long lines that run on into the next
/// until one ends a sentence. Each of its lines is a line of prose.
void mark_wrapped_paragraphs(std::vector<LineInfo>& info, const std::vector<bool>& edge) {
    const std::size_t n = info.size();
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        std::string joined;
        while (j < n && edge[j] && !info[j].blank && !info[j].site &&
               (j == i || !ends_sentence(info[j - 1].folded)) &&
               (j == i || info[j - 1].folded.size() >= 40)) {
            joined += (joined.empty() ? "" : " ") + info[j].folded;
            ++j;
        }
        if (j > i + 1 && line_counts(joined).words >= 8 &&
            (ends_sentence(joined) || joined.find(". ") != std::string::npos ||
             joined.find("。") != std::string::npos)) {
            for (std::size_t k = i; k < j; ++k) {
                info[k].prose = info[k].sentence = true;
                info[k].linky = false;
            }
        }
        i = std::max(j, i + 1);
    }
}

}  // namespace

std::vector<LineInfo> describe_lines(const std::vector<std::string_view>& lines,
                                     const LineSet* repeated) {
    const std::vector<bool> edge = edge_lines(lines);
    std::vector<LineInfo> info(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        info[i] = edge[i] ? describe_line(lines[i], repeated) : describe_inner_line(lines[i]);
    }
    mark_wrapped_paragraphs(info, edge);
    return info;
}

}  // namespace seisaku::document
