// SPDX-License-Identifier: MIT
#include "schema/xapian_error.hpp"

#include <filesystem>
#include <system_error>

namespace seisaku::schema {

IndexError index_error(const Xapian::Error& e, const std::string& action,
                       const std::string& db_path) {
    const std::string what = action + " index \"" + db_path + "\": ";
    const std::string type = e.get_type();
    std::string reason = e.get_msg();
    if (e.get_error_string() != nullptr && *e.get_error_string() != '\0') {
        reason += " (" + std::string(e.get_error_string()) + ")";
    }
    const std::string rebuild = "; rebuild it with seisaku-index --overwrite";
    if (type == "DatabaseNotFoundError") {
        // Tables without the version file that says which revision they hold: damaged.
        std::error_code ec;
        if (std::filesystem::exists(std::filesystem::path(db_path) / "postlist.glass", ec)) {
            return {ExitCode::DataError,
                    what + "the index is damaged (its version file iamglass is missing)" + rebuild};
        }
        return {ExitCode::NoInput, what + "no index there (create it with seisaku-index)"};
    }
    if (type == "DatabaseLockError") {
        return {ExitCode::TempFail,
                what +
                    "the database is being updated by another process (another "
                    "seisaku-index?); try again when it is done, or wait with --wait"};
    }
    if (type == "DatabaseCorruptError") {
        return {ExitCode::DataError, what + "the index is damaged (" + reason + ")" + rebuild};
    }
    // A table shorter than its version file says: truncated (a failed copy, a full disk
    // while another tool wrote it). A read that fails with an errno stays an I/O error.
    if (type == "DatabaseError" && reason.starts_with("EOF reading block")) {
        return {ExitCode::DataError, what + "the index is damaged (" + reason + ")" + rebuild};
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
    // A write that failed for lack of room (ENOSPC, EDQUOT) or past RLIMIT_FSIZE (EFBIG).
    const std::string errno_text =
        e.get_error_string() != nullptr ? std::string(e.get_error_string()) : std::string();
    if (errno_text == "No space left on device" || errno_text == "File too large" ||
        errno_text == "Disk quota exceeded") {
        return {ExitCode::IoError, what + "the disk is full or a file size limit was reached (" +
                                       reason + "); the index keeps its last commit"};
    }
    return {ExitCode::IoError, what + reason};
}

}  // namespace seisaku::schema
