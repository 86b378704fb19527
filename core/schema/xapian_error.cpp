// SPDX-License-Identifier: MIT
#include "schema/xapian_error.hpp"

namespace seisaku::schema {

IndexError index_error(const Xapian::Error& e, const std::string& action,
                       const std::string& db_path) {
    const std::string what = action + " index \"" + db_path + "\": ";
    const std::string type = e.get_type();
    std::string reason = e.get_msg();
    if (e.get_error_string() != nullptr && *e.get_error_string() != '\0') {
        reason += " (" + std::string(e.get_error_string()) + ")";
    }
    if (type == "DatabaseNotFoundError") {
        return {ExitCode::NoInput, what + "no index there (create it with seisaku-index)"};
    }
    if (type == "DatabaseLockError") {
        return {ExitCode::TempFail, what + "the index is being updated by another process"};
    }
    if (type == "DatabaseCorruptError") {
        return {ExitCode::DataError, what + "the index is damaged (" + reason +
                                         "); rebuild it with seisaku-index --overwrite"};
    }
    if (type == "DatabaseVersionError") {
        return {ExitCode::DataError, what + "unsupported index format: " + reason};
    }
    if (type == "DatabaseOpeningError") {
        return {ExitCode::NoInput, what + "not a seisaku index: " + reason};
    }
    if (type == "DatabaseCreateError") {
        return {ExitCode::CantCreate, what + "cannot create it: " + reason};
    }
    if (type == "DatabaseModifiedError") {
        return {ExitCode::TempFail, what + "the index kept changing while being read; retry"};
    }
    return {ExitCode::IoError, what + reason};
}

}  // namespace seisaku::schema
