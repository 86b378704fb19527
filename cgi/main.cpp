// SPDX-License-Identifier: MIT
// @brief seisaku.cgi: the search page as a CGI program (RFC 3875). The server sets the
// environment (SEISAKU_DB or SEISAKU_CONFIG, SEISAKU_GLOSSARY ...); one request in, one
// response out.
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

#include "analysis/analyzer.hpp"
#include "glossary/index_glossary.hpp"
#include "web/handler.hpp"

namespace {

/// Written by the alarm handler: prepared before the alarm is set (no allocation there).
std::string* timeout_bytes = nullptr;

extern "C" void on_alarm(int /*signal*/) {
    if (timeout_bytes != nullptr) {
        const ssize_t written =
            ::write(STDOUT_FILENO, timeout_bytes->data(), timeout_bytes->size());
        (void)written;
    }
    ::_exit(0);
}

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v == nullptr ? std::string() : std::string(v);
}

}  // namespace

int main() {
    // A request never runs longer than this, whatever happens inside (BAD-INPUTS.md Q23):
    // 10 s, or SEISAKU_CGI_TIMEOUT_MS milliseconds (for tests and small servers).
    static std::string timeout = seisaku::web::timeout_response();
    timeout_bytes = &timeout;
    long ms = 10000;
    if (const std::string t = env("SEISAKU_CGI_TIMEOUT_MS"); !t.empty()) {
        ms = std::clamp(std::strtol(t.c_str(), nullptr, 10), 1L, 600000L);
    }
    std::signal(SIGALRM, on_alarm);
    itimerval timer{};
    timer.it_value.tv_sec = ms / 1000;
    timer.it_value.tv_usec = (ms % 1000) * 1000;
    ::setitimer(ITIMER_REAL, &timer, nullptr);

    const auto get = [](const char* name) { return env(name); };
    const seisaku::web::CgiEnvironment request = seisaku::web::read_environment(get);
    seisaku::web::SiteConfig config = seisaku::web::read_config(get);
    seisaku::analysis::AnalyzerOptions analyzer_options{
        .mecab_dicdir = {}, .user_dictionary = {}, .load_on_first_use = true};
    // An index made with a user's glossary searches with it (and its user dictionary).
    seisaku::glossary::use_index_glossary(config.db, config.bank, analyzer_options);
    std::string out;
    try {
        // Never destroyed: the process ends after one request, and the kernel takes MeCab's
        // dictionary back faster than its destructor. MeCab loads only for Japanese text.
        static const auto* const analyzer = new seisaku::analysis::Analyzer(analyzer_options);
        const seisaku::web::Response response = seisaku::web::handle(request, config, *analyzer);
        if (!response.log.empty()) {
            std::cerr << response.log << '\n';  // the server's error log
        }
        out = seisaku::web::serialize(response, request.method == "HEAD");
    } catch (...) {
        // The analyzer could not load (MeCab, the user dictionary): a 500, no internals.
        out = seisaku::web::serialize(
            seisaku::web::Response{
                500, "text/plain; charset=utf-8", {}, "search unavailable\n", {}},
            request.method == "HEAD");
    }
    const itimerval off{};
    ::setitimer(ITIMER_REAL, &off, nullptr);  // the answer is ready: no 503 after it
    std::cout << out;
    std::cout.flush();
    return 0;
}
