// SPDX-License-Identifier: MIT
// @brief Translates Xapian's exceptions into seisaku's IndexError at the seam.
#pragma once

#include <xapian.h>

#include <string>

#include "error.hpp"

namespace seisaku::schema {

/// An IndexError whose code follows BAD-INPUTS.md §1 (missing 66, damaged 65, locked 75,
/// I/O 74) and whose message says what we were doing with which index, and why.
[[nodiscard]] IndexError index_error(const Xapian::Error& e, const std::string& action,
                                     const std::string& db_path);

}  // namespace seisaku::schema
