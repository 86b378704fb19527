// SPDX-License-Identifier: MIT
// @brief What an index remembers about how it was built, and the check made at open.
#pragma once

#include <xapian.h>

#include <string>

namespace seisaku::schema {

/// The build parameters of an index.
struct IndexInfo {
    std::string schema;
    std::string analyzer;
    std::string dictionary;
    std::string normalization;
};

/// The parameters this build of seisaku writes, for a given MeCab dictionary name.
[[nodiscard]] IndexInfo current_index_info(const std::string& dictionary);

void write_index_info(Xapian::WritableDatabase& db, const IndexInfo& info);
[[nodiscard]] IndexInfo read_index_info(const Xapian::Database& db);

/// Throws IndexError (exit 65) in one sentence when `found` differs from `expected`;
/// `db_path` names the index in the message.
void check_index_info(const IndexInfo& found, const IndexInfo& expected,
                      const std::string& db_path);

}  // namespace seisaku::schema
