// SPDX-License-Identifier: MIT
// @brief One name per issuer for the issuer facet: the spellings documents give of one
// issuer (Japanese, English, with a source note) become the term bank's name for it.
#pragma once

#include <string>
#include <string_view>

#include "glossary/term_bank.hpp"

namespace seisaku::glossary {

/// The issuer named by `issuer`, as one form whatever the spelling: the text before a ';'
/// (what follows is a note on the source: "; jointly issued", "; text via ..."), and when
/// the bank knows it whole, or its part before " (" or in the parentheses, the first name
/// (English) of the bank's row for it. "デジタル庁 (Digital Agency, Japan)" and "Digital
/// Agency" both give "Digital Agency"; an issuer the bank does not know keeps its words.
[[nodiscard]] std::string canonical_issuer(std::string_view issuer, const TermBank& bank,
                                           const analysis::Analyzer& analyzer);

}  // namespace seisaku::glossary
