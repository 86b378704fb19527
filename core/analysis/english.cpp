// SPDX-License-Identifier: MIT
#include "analysis/english.hpp"

#include <xapian.h>

namespace seisaku::analysis {

struct EnglishFilter::Impl {
    Xapian::Stem stemmer{"english"};
};

EnglishFilter::EnglishFilter() : impl_(std::make_unique<Impl>()) {}
EnglishFilter::~EnglishFilter() = default;

std::string EnglishFilter::stem(const std::string& folded) const {
    for (const char c : folded) {
        if (c >= 'a' && c <= 'z') {
            return impl_->stemmer(folded);
        }
    }
    return folded;
}

}  // namespace seisaku::analysis
