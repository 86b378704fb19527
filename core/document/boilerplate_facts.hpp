// SPDX-License-Identifier: MIT
// @brief What each line of a text is to the boilerplate rules (boilerplate.hpp): a site's
// words or form, prose, a date, a contact heading, a law's structure; internal to core/document.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/boilerplate.hpp"

namespace seisaku::document {

/// What one line is (its `folded` form is what the rules compare).
struct LineInfo {
    bool blank = true;
    std::string folded;
    bool anywhere = false;  ///< boilerplate wherever it stands
    bool site = false;      ///< a site's line by its words or form
    bool repeated = false;  ///< repeats across the folder
    bool linky = false;     ///< short, like a link or a menu item
    bool prose = false;     ///< a line of running text
    bool sentence = false;  ///< prose that ends a sentence (or too long to be anything else)
    bool dated = false;     ///< a short line with a date
    bool contact = false;   ///< opens a release's contact details
    bool attachment = false;
    bool structure = false;  ///< a law's part, chapter, article or caption: never the site's
    bool related = false;    ///< opens a list of the site's other pages ("Related links")
    bool details = false;    ///< contact details: an address, phone number or e-mail
};

/// Each line of `lines` described: closely within boilerplate_edge_lines of the text's start
/// and end, elsewhere only whether it is blank, prose or a "back to top" line. The lines of a
/// paragraph a text dump wrapped are prose. `repeated` (may be null): the folder's lines.
[[nodiscard]] std::vector<LineInfo> describe_lines(const std::vector<std::string_view>& lines,
                                                   const LineSet* repeated);

}  // namespace seisaku::document
