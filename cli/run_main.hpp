// SPDX-License-Identifier: MIT
// @brief The one catch of every command-line program: CLI11 errors exit 2, seisaku errors
// exit with their code and a message naming the program, anything else exits 70.
#pragma once

#include <CLI/CLI.hpp>

#include <iostream>
#include <limits>
#include <new>

#include "error.hpp"
#include "render/terminal.hpp"

namespace seisaku::cli {

/// Parses with `app` and calls `run()`, which returns the exit code.
template <class Run>
int run_main(CLI::App& app, int argc, char** argv, Run run) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // CLI11 would exit 105, 109, 114...; grep's convention is 2 for every usage error.
        std::cerr << app.get_name() << ": " << e.what()
                  << "\nRun with --help for more information.\n";
        return static_cast<int>(ExitCode::Usage);
    }
    try {
        return run();
    } catch (const Error& e) {
        // Messages may quote what was typed (a path, a date): no control character reaches
        // the terminal.
        std::cerr << app.get_name() << ": " << render::terminal_safe(e.what()) << '\n';
        return static_cast<int>(e.code());
    } catch (const std::bad_alloc&) {
        std::cerr << app.get_name() << ": out of memory\n";
        return 71;  // EX_OSERR
    } catch (const std::exception& e) {
        std::cerr << app.get_name() << ": internal error: " << render::terminal_safe(e.what())
                  << '\n';
        return 70;  // EX_SOFTWARE
    } catch (...) {
        // A library exception that crossed a seam untranslated: a bug, but never a crash.
        std::cerr << app.get_name() << ": internal error (unknown exception)\n";
        return 70;
    }
}

/// "20M", "512K", "1G", "1000" → bytes; throws CLI::ValidationError otherwise.
inline std::uintmax_t parse_size(const std::string& s) {
    std::size_t used = 0;
    unsigned long long n = 0;
    if (s.empty() || s.front() < '0' || s.front() > '9') {
        throw CLI::ValidationError("--max-size", "\"" + s + "\" is not a size like 20M");
    }
    try {
        n = std::stoull(s, &used);
    } catch (const std::exception&) {
        throw CLI::ValidationError("--max-size", "\"" + s + "\" is not a size like 20M");
    }
    const std::string unit = s.substr(used);
    if (unit.empty()) {
        return n;
    }
    const auto shifted = [&](unsigned bits) {
        if (n > (std::numeric_limits<std::uintmax_t>::max() >> bits)) {
            throw CLI::ValidationError("--max-size", "\"" + s + "\" is too large");
        }
        return static_cast<std::uintmax_t>(n) << bits;
    };
    if (unit == "K" || unit == "k") {
        return shifted(10U);
    }
    if (unit == "M" || unit == "m") {
        return shifted(20U);
    }
    if (unit == "G" || unit == "g") {
        return shifted(30U);
    }
    throw CLI::ValidationError("--max-size", "\"" + s + "\" is not a size like 20M");
}

}  // namespace seisaku::cli
