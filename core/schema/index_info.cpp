// SPDX-License-Identifier: MIT
#include "schema/index_info.hpp"

#include "analysis/analyzer.hpp"
#include "error.hpp"
#include "schema/schema.hpp"
#include "text/normalize.hpp"

namespace seisaku::schema {

IndexInfo current_index_info(const std::string& dictionary) {
    return {std::string(schema_version), std::string(analysis::analyzer_version), dictionary,
            std::string(text::normalization_name)};
}

void write_index_info(Xapian::WritableDatabase& db, const IndexInfo& info) {
    db.set_metadata(std::string(meta_schema), info.schema);
    db.set_metadata(std::string(meta_analyzer), info.analyzer);
    db.set_metadata(std::string(meta_dictionary), info.dictionary);
    db.set_metadata(std::string(meta_normalization), info.normalization);
}

IndexInfo read_index_info(const Xapian::Database& db) {
    return {db.get_metadata(std::string(meta_schema)), db.get_metadata(std::string(meta_analyzer)),
            db.get_metadata(std::string(meta_dictionary)),
            db.get_metadata(std::string(meta_normalization))};
}

void check_index_info(const IndexInfo& found, const IndexInfo& expected,
                      const std::string& db_path) {
    const std::string rebuild = "; rebuild it with seisaku-index --overwrite";
    if (found.schema.empty()) {
        throw IndexError(ExitCode::DataError, "index \"" + db_path +
                                                  "\" was not built by seisaku-index (no " +
                                                  std::string(meta_schema) + " metadata)");
    }
    if (found.schema != expected.schema) {
        throw IndexError(ExitCode::DataError, "index \"" + db_path + "\" has schema version " +
                                                  found.schema + " but this seisaku reads " +
                                                  expected.schema + rebuild);
    }
    if (found.analyzer != expected.analyzer || found.normalization != expected.normalization) {
        throw IndexError(ExitCode::DataError, "index \"" + db_path + "\" was built with analyzer " +
                                                  found.analyzer + " (" + found.normalization +
                                                  ") but this seisaku uses " + expected.analyzer +
                                                  " (" + expected.normalization + ")" + rebuild);
    }
    if (found.dictionary != expected.dictionary) {
        throw IndexError(ExitCode::DataError, "index \"" + db_path +
                                                  "\" was built with MeCab dictionary " +
                                                  found.dictionary + " but " + expected.dictionary +
                                                  " is loaded" + rebuild);
    }
}

}  // namespace seisaku::schema
