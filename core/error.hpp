// SPDX-License-Identifier: MIT
// @brief The project's error types: faults of input or environment, each with an exit code.
//
// Bugs are asserts; everything a user can cause is one of these, thrown with a message that
// names the component, the action, the offending value and the reason.
#pragma once

#include <stdexcept>
#include <string>

namespace seisaku {

/// Exit codes shared by the programs (grep's 0/1/2 plus sysexits, see BAD-INPUTS.md).
enum class ExitCode : int {
    Ok = 0,
    NoResults = 1,
    Usage = 2,
    DataError = 65,     // EX_DATAERR: index damaged or built with another schema
    NoInput = 66,       // EX_NOINPUT: corpus path or database missing
    CantCreate = 73,    // EX_CANTCREAT: cannot create the database directory
    IoError = 74,       // EX_IOERR
    TempFail = 75,      // EX_TEMPFAIL: database locked by another writer
    NoPermission = 77,  // EX_NOPERM
    Config = 78,        // EX_CONFIG: MeCab dictionary missing or not UTF-8
};

/// Base of every error a user can cause; carries the exit code the program should return.
class Error : public std::runtime_error {
  public:
    Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    [[nodiscard]] ExitCode code() const noexcept { return code_; }

  private:
    ExitCode code_;
};

/// A bad command-line value or query (exit 2).
class UsageError : public Error {
  public:
    explicit UsageError(const std::string& message) : Error(ExitCode::Usage, message) {}
};

/// The query cannot be searched: empty, too long, too many terms (exit 2).
class QueryError : public Error {
  public:
    explicit QueryError(const std::string& message) : Error(ExitCode::Usage, message) {}
};

/// A problem with the index: missing, locked, damaged or built differently.
class IndexError : public Error {
  public:
    IndexError(ExitCode code, const std::string& message) : Error(code, message) {}
};

/// The environment is not usable: MeCab dictionary missing, ICU data missing.
class SetupError : public Error {
  public:
    explicit SetupError(const std::string& message) : Error(ExitCode::Config, message) {}
};

/// One input file cannot be read or used; the indexer reports it and goes on.
class CorpusError : public Error {
  public:
    explicit CorpusError(const std::string& message) : Error(ExitCode::NoInput, message) {}
};

}  // namespace seisaku
