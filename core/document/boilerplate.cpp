// SPDX-License-Identifier: MIT
#include "document/boilerplate.hpp"

#include <algorithm>
#include <optional>

#include "document/boilerplate_facts.hpp"
#include "document/boilerplate_forms.hpp"
#include "document/boilerplate_words.hpp"
#include "text/hash.hpp"

namespace seisaku::document {
namespace {

/// The nearest non-blank line before (step -1) or after (step 1) line i.
std::optional<std::size_t> neighbour(const std::vector<LineInfo>& info, std::size_t i, int step) {
    const std::size_t n = info.size();
    for (std::size_t j = i; step < 0 ? j-- > 0 : ++j < n;) {
        if (!info[j].blank) {
            return j;
        }
    }
    return std::nullopt;
}

/// A line that is the site's whatever stands around it.
bool certain(const LineInfo& l) {
    return !l.structure && (l.site || (l.repeated && (l.linky || !l.prose)));
}

/// What repeats across the folder is the site's when it is short like a link; a long line
/// that repeats (a law's title line in every chunk of it) is text.
/// A contact heading is one when contact details follow it ("Contact us" in a footer is a
/// link); a list after a "Related links" heading is the site's, wherever it stands.
void settle_contacts_and_related(std::vector<LineInfo>& info, std::vector<bool>& out) {
    const std::size_t n = info.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (info[i].contact) {
            bool details = info[i].details;
            for (std::size_t j = i + 1, seen = 0; j < n && seen < 4 && !details; ++j) {
                if (!info[j].blank) {
                    details = info[j].details || info[j].folded.empty();
                    ++seen;
                }
            }
            // or the next line names who to ask: "International Strategy Team, Digital Agency"
            for (std::size_t j = i + 1; j < n && !details; ++j) {
                if (!info[j].blank) {
                    const Counts c = line_counts(info[j].folded);
                    details = !info[j].site && (c.words >= 4 || c.japanese >= 8);
                    break;
                }
            }
            info[i].contact = details;
        }
        if (info[i].related) {
            for (std::size_t j = i + 1, seen = 0; j < n && seen < 15; ++j) {
                if (info[j].blank) {
                    continue;
                }
                if (info[j].sentence || info[j].structure || info[j].contact || info[j].related ||
                    (info[j].attachment && !info[j].repeated)) {
                    break;
                }
                out[j] = true;
                ++seen;
            }
        }
    }
}

/// A heading over attachments ("関連資料", "Attachments") is the release's, however often
/// the site repeats it; one over a text dump's list of links ("References") is the site's.
void settle_list_headings(std::vector<LineInfo>& info) {
    for (std::size_t i = 0; i < info.size(); ++i) {
        if (const auto next = neighbour(info, i, 1);
            !info[i].blank && info[i].linky && next && is_link_list_line(info[*next].folded)) {
            info[i].site = true;
        }
        if (const auto next = neighbour(info, i, 1); !info[i].blank && info[i].linky && next &&
                                                     info[*next].attachment && !info[*next].site) {
            info[i].repeated = false;
            info[i].attachment = true;
        }
    }
}

/// The head of a text: what stands before its first line of prose, and what is known of it.
struct Head {
    std::size_t end = 0;                    ///< the first line of prose
    std::optional<std::size_t> title_line;  ///< the page's <h1>, when known
    std::string_view leaf;                  ///< a breadcrumb's last part: the title, which stays
    std::optional<std::size_t> last_site;   ///< the last line known as the site's by its form
    [[nodiscard]] bool is_leaf(const std::vector<LineInfo>& info, std::size_t i) const {
        return !leaf.empty() && info[i].folded == leaf;
    }
};

/// A breadcrumb saved one part a line: "1. Home", "2. News", "3. <the title>".
void mark_numbered_breadcrumbs(std::vector<LineInfo>& info, Head& head) {
    const std::size_t head_end = head.end;
    for (std::size_t i = 0; i < head_end; ++i) {
        if (!info[i].folded.starts_with("1. ") || !is_home_word(info[i].folded.substr(3))) {
            continue;
        }
        std::size_t expected = 2;
        std::size_t last = i;
        for (std::size_t j = i + 1; j < head_end && j <= i + 12; ++j) {
            if (info[j].blank) {
                continue;
            }
            const std::string number = std::to_string(expected) + ". ";
            if (!info[j].folded.starts_with(number) || info[j].sentence) {
                break;
            }
            last = j;
            ++expected;
        }
        if (last > i) {
            for (std::size_t j = i; j <= last; ++j) {
                info[j].site = true;
            }
            head.leaf =
                std::string_view(info[last].folded).substr(std::to_string(expected - 1).size() + 2);
        }
    }
}

/// Three short lines in a row that repeat across the folder are a menu.
void mark_menu_runs(std::vector<LineInfo>& info, std::size_t head_end) {
    for (std::size_t i = 0; i < head_end;) {
        std::size_t j = i;
        std::vector<std::size_t> run;
        while (j < head_end && (info[j].blank || (info[j].repeated && info[j].linky))) {
            if (!info[j].blank) {
                run.push_back(j);
            }
            ++j;
        }
        if (run.size() >= 3) {
            for (const std::size_t k : run) {
                info[k].site = true;
            }
        }
        i = j + 1;
    }
}

/// Lines known by their form or words mark the site's part of the head; before the last
/// of them, what repeats across the folder or is short like a link goes with them.
void drop_site_part(const std::vector<LineInfo>& info, Head& head, std::vector<bool>& out) {
    for (std::size_t i = 0; i < head.end; ++i) {
        if (info[i].site) {
            head.last_site = i;
        }
        if (is_breadcrumb(info[i].folded)) {
            head.leaf = breadcrumb_leaf(info[i].folded);
        }
    }
    const std::optional<std::size_t>& last_site = head.last_site;
    const std::optional<std::size_t>& title_line = head.title_line;
    for (std::size_t i = 0; i < head.end; ++i) {
        const LineInfo& l = info[i];
        // a date among the site's lines is a link to an archive ("令和6年5月"); after them, the
        // title's
        const bool site_part = last_site && i < *last_site && (!title_line || i < *title_line);
        if (l.blank || (l.dated && !site_part && !l.site) || l.structure || head.is_leaf(info, i)) {
            continue;
        }
        // a date among them that stands alone is a post's (a list of dates is an archive's)
        const auto dated_at = [&](std::optional<std::size_t> j) { return j && info[*j].dated; };
        const bool labelled = has_publication_label(l.folded);
        const bool dates_listed =
            l.dated && !labelled &&
            (dated_at(neighbour(info, i, -1)) || dated_at(neighbour(info, i, 1)));
        if (l.site || ((l.repeated || l.linky || dates_listed) && site_part)) {
            out[i] = true;
        }
    }
}

/// After it, short or repeating lines before the title: a menu nobody named. When a line
/// that is no menu item (a long title) ends them, they go when they are three or more and
/// some repeat across the folder; when the title's date ends them, the title is among
/// them: all but the last two go when they are five or more.
void drop_unnamed_menu(const std::vector<LineInfo>& info, const Head& head,
                       std::vector<bool>& out) {
    const std::size_t head_end = head.end;
    const std::optional<std::size_t>& last_site = head.last_site;
    const std::optional<std::size_t>& title_line = head.title_line;
    std::vector<std::size_t> after;
    bool ended_by_title = false;
    const bool menu_before_title = !title_line || !last_site || *last_site < *title_line;
    for (std::size_t i = last_site && menu_before_title ? *last_site + 1 : head_end; i < head_end;
         ++i) {
        if (out[i] || info[i].blank) {
            continue;
        }
        if (info[i].structure) {
            break;
        }
        if (info[i].dated && !info[i].repeated) {
            // the title's date; dates in a row are a list of links to archives
            std::size_t next = i + 1;
            while (next < head_end && info[next].blank) {
                ++next;
            }
            const bool listed = (next < head_end && info[next].dated) ||
                                (!after.empty() && info[after.back()].dated);
            if (!listed) {
                break;
            }
        }
        if (!info[i].linky && !info[i].repeated) {
            ended_by_title = true;
            break;
        }
        after.push_back(i);
    }
    const bool some_repeat =
        std::any_of(after.begin(), after.end(), [&](std::size_t i) { return info[i].repeated; });
    const std::size_t keep = ended_by_title ? 0 : 2;
    if ((ended_by_title && after.size() >= 3 && some_repeat) || after.size() >= 5) {
        for (std::size_t k = 0; k + keep < after.size(); ++k) {
            if (!head.is_leaf(info, after[k])) {
                out[after[k]] = true;
            }
        }
    }
}

/// The tail: what follows the last line of prose. From its first certain line on, what
/// is not a release's contact block or attachment goes.
void drop_tail(const std::vector<LineInfo>& info, std::size_t last_prose, std::vector<bool>& out) {
    const std::size_t n = info.size();
    std::optional<std::size_t> footer;
    for (std::size_t i = last_prose + 1; i < n; ++i) {
        if (certain(info[i]) && !info[i].contact) {
            footer = i;
            break;
        }
    }

    bool in_contact = false;
    std::size_t contact_lines = 0;
    for (std::size_t i = last_prose + 1; i < n; ++i) {
        const LineInfo& l = info[i];
        if (l.blank) {
            continue;
        }
        if (l.contact) {
            in_contact = true;
            contact_lines = 0;
            continue;
        }
        if (in_contact && ++contact_lines <= 12 &&
            !(l.site && !is_address_or_phone(l.folded) && !l.folded.starts_with("e-mail") &&
              !l.folded.starts_with("email"))) {
            continue;  // the release's own contact details
        }
        in_contact = false;
        if (certain(info[i])) {
            out[i] = true;
        } else if (footer && i > *footer && !(l.attachment && !l.repeated) && !l.dated) {
            out[i] = true;
        }
    }
}

}  // namespace

std::uint64_t line_key(std::string_view line) {
    return text::fnv1a64(folded_line(line));
}

std::vector<bool> boilerplate_lines(const std::vector<std::string_view>& lines,
                                    const LineSet* repeated,
                                    std::optional<std::size_t> title_line) {
    const std::size_t n = lines.size();
    std::vector<bool> out(n, false);
    std::vector<LineInfo> info = describe_lines(lines, repeated);
    settle_contacts_and_related(info, out);
    settle_list_headings(info);
    std::optional<std::size_t> first_prose;
    std::optional<std::size_t> last_prose;
    for (std::size_t i = 0; i < n; ++i) {
        if (info[i].sentence && !info[i].repeated) {
            first_prose = first_prose.value_or(i);
            last_prose = i;
        }
        out[i] = out[i] || info[i].anywhere;
    }
    if (!first_prose) {  // no running text: only what is certain goes
        for (std::size_t i = 0; i < n; ++i) {
            out[i] = out[i] || (certain(info[i]) && !info[i].dated && !info[i].contact);
        }
        return out;
    }

    Head head{*first_prose, title_line, {}, std::nullopt};
    mark_numbered_breadcrumbs(info, head);
    mark_menu_runs(info, head.end);
    drop_site_part(info, head, out);
    drop_unnamed_menu(info, head, out);
    drop_tail(info, *last_prose, out);
    return out;
}

Stripped strip_boilerplate(std::string_view text, std::vector<Heading>& headings,
                           const LineSet* repeated) {
    std::vector<std::string_view> lines;
    std::vector<std::size_t> starts;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t eol = std::min(text.find('\n', pos), text.size());
        lines.push_back(text.substr(pos, eol - pos));
        starts.push_back(pos);
        if (eol == text.size()) {
            break;
        }
        pos = eol + 1;
    }
    // the line of the page's first <h1>: what follows it is the page's, whatever comes after
    std::optional<std::size_t> title_line;
    for (const Heading& h : headings) {
        if (h.level == 1 && h.lines != 0) {
            const auto at = std::upper_bound(starts.begin(), starts.end(), h.offset);
            title_line = static_cast<std::size_t>(at - starts.begin()) - 1;
            break;
        }
    }
    const std::vector<bool> drop = boilerplate_lines(lines, repeated, title_line);
    Stripped out;
    out.text.reserve(text.size());
    std::vector<Heading> kept;
    auto h = headings.begin();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::size_t end = starts[i] + lines[i].size();
        for (; h != headings.end() && h->offset <= end; ++h) {
            if (h->offset >= starts[i] && !drop[i]) {
                Heading moved = *h;
                moved.offset = out.text.size() + (h->offset - starts[i]);
                kept.push_back(std::move(moved));
            }
        }
        if (drop[i]) {
            ++out.dropped;
            continue;
        }
        out.text.append(lines[i]);
        if (i + 1 < lines.size()) {
            out.text += '\n';
        }
    }
    headings = std::move(kept);
    return out;
}

}  // namespace seisaku::document
