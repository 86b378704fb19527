// SPDX-License-Identifier: MIT
#include "document/pdf_text.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <thread>
#include <utility>

#include "document/reader.hpp"
#include "error.hpp"
#include "text/script_runs.hpp"
#include "text/utf8.hpp"

#ifndef SEISAKU_PDFTEXT
#define SEISAKU_PDFTEXT "seisaku-pdftext"
#endif

namespace seisaku::document {
namespace {

using Clock = std::chrono::steady_clock;

/// A file descriptor closed when it goes out of scope.
class Fd {
  public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    ~Fd() { reset(); }
    Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    [[nodiscard]] int get() const { return fd_; }
    void reset() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        fd_ = -1;
    }

  private:
    int fd_;
};

std::string system_error(const std::string& what) {
    return "PDF: " + what + ": " + std::strerror(errno);
}

/// The PDF's bytes in an unnamed in-memory file, rewound: the child's standard input. A file,
/// not a pipe, so the parent never blocks writing while the child is not reading.
Fd input_file(std::string_view bytes) {
    Fd fd(::memfd_create("seisaku-pdf", MFD_CLOEXEC));
    if (fd.get() < 0) {
        throw CorpusError(system_error("cannot make the extractor's input"));
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            throw CorpusError(system_error("cannot write the extractor's input"));
        }
        done += static_cast<std::size_t>(n);
    }
    if (::lseek(fd.get(), 0, SEEK_SET) != 0) {
        throw CorpusError(system_error("cannot rewind the extractor's input"));
    }
    return fd;
}

void set_limit(int resource, rlim_t soft, rlim_t hard) {
    const rlimit limit{soft, hard};
    ::setrlimit(resource, &limit);
}

/// In the child, between fork and exec: only async-signal-safe calls.
[[noreturn]] void exec_child(const char* program, int in, int out, int err,
                             const PdfLimits& limits) {
    ::setpgid(0, 0);
    if (::dup2(in, STDIN_FILENO) < 0 || ::dup2(out, STDOUT_FILENO) < 0 ||
        ::dup2(err, STDERR_FILENO) < 0) {
        ::_exit(126);
    }
    ::close_range(3, ~0U, 0);  // no index database or lock file in the child
    set_limit(RLIMIT_CPU, limits.cpu_seconds, limits.cpu_seconds + 1);  // SIGXCPU, then SIGKILL
    set_limit(RLIMIT_AS, limits.memory_bytes, limits.memory_bytes);
    set_limit(RLIMIT_CORE, 0, 0);
    char* const argv[] = {const_cast<char*>(program), const_cast<char*>("-"), nullptr};
    ::execv(program, argv);
    ::_exit(127);
}

std::string duration_text(unsigned ms) {
    return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}

std::string size_text(std::size_t bytes) {
    return bytes % (1 << 20) == 0 ? std::to_string(bytes >> 20) + " MiB"
                                  : std::to_string(bytes >> 10) + " KiB";
}

std::string signal_name(int sig) {
    const char* name = ::sigabbrev_np(sig);
    return name ? std::string("SIG") + name : "signal " + std::to_string(sig);
}

/// The reason a finished extractor gave no text, from its exit status.
std::string failure(int status, const PdfLimits& limits) {
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        if (sig == SIGXCPU || sig == SIGKILL) {  // the soft, then the hard CPU limit
            return "PDF took more than " + std::to_string(limits.cpu_seconds) +
                   " s of CPU time to read, not indexed";
        }
        return "PDF text extractor crashed (" + signal_name(sig) + "), not indexed";
    }
    switch (WEXITSTATUS(status)) {
        case 3:
            return "PDF could not be read, not indexed";
        case 4:
            return "not a PDF, or a damaged one, not indexed";
        case 5:
            return "encrypted PDF (a password is needed), not indexed";
        case 6:
            return "PDF has no pages, not indexed";
        case 7:
            return "PDF needs more than " + size_text(limits.memory_bytes) +
                   " of memory to read, not indexed";
        case 126:
        case 127:
            return "cannot run the PDF text extractor (set SEISAKU_PDFTEXT), not indexed";
        default:
            return "PDF text extractor failed (exit " + std::to_string(WEXITSTATUS(status)) +
                   "), not indexed";
    }
}

/// Waits for the child without blocking past `deadline`; kills its group then. Returns the
/// status, or nothing when it had to be killed.
std::optional<int> reap(pid_t pid, Clock::time_point deadline) {
    for (;;) {
        int status = 0;
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid) {
            return status;
        }
        if (r < 0 && errno != EINTR) {
            return std::nullopt;
        }
        if (Clock::now() >= deadline) {
            ::kill(-pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            return std::nullopt;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

std::string_view trim_page(std::string_view s) {
    const auto is_space = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v';
    };
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

}  // namespace

std::string pdf_extractor_path() {
    if (const char* env = std::getenv("SEISAKU_PDFTEXT"); env != nullptr && *env != '\0') {
        return env;
    }
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const std::filesystem::path beside = self.parent_path() / "seisaku-pdftext";
        if (::access(beside.c_str(), X_OK) == 0) {
            return beside.string();
        }
    }
    return SEISAKU_PDFTEXT;
}

PdfText parse_pdf_output(std::string_view output) {
    const std::size_t eol = output.find('\n');
    if (eol == std::string_view::npos || output.substr(eol + 1, 1) != "\f") {
        throw CorpusError("PDF text extractor wrote no pages, not indexed");
    }
    PdfText pdf;
    pdf.title = std::string(output.substr(0, eol));
    std::size_t pos = eol + 2;
    for (;;) {
        const std::size_t next = output.find('\f', pos);
        pdf.pages.emplace_back(output.substr(pos, next - pos));
        if (next == std::string_view::npos) {
            break;
        }
        pos = next + 1;
    }
    return pdf;
}

std::string join_wrapped_japanese(std::string_view page) {
    std::vector<std::string_view> lines;
    std::size_t longest = 0;
    for (std::size_t pos = 0; pos <= page.size();) {
        const std::size_t eol = std::min(page.find('\n', pos), page.size());
        lines.push_back(page.substr(pos, eol - pos));
        longest = std::max(longest, text::length(lines.back()));
        pos = eol + 1;
    }
    const auto japanese = [](char32_t cp) {
        return text::classify(cp) == text::CharClass::Japanese && cp != U'。' && cp != U'！' &&
               cp != U'？' && cp != U'・' && cp != U'※';
    };
    std::string out;
    out.reserve(page.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view line = lines[i];
        if (i + 1 == lines.size()) {
            out += line;
            break;
        }
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) {
            line.remove_suffix(1);
        }
        std::string_view next = lines[i + 1];
        std::size_t lead = 0;
        while (lead < next.size() && next[lead] == ' ') {
            ++lead;
        }
        const std::size_t chars = text::length(line);
        bool join = false;
        if (!line.empty() && lead < next.size() && chars >= 10 && chars * 10 >= longest * 6) {
            std::size_t at = lead;
            join =
                japanese(text::last_code_point(line)) && japanese(text::next_code_point(next, at));
        }
        out += line;
        if (join) {
            lines[i + 1] = next.substr(lead);
        } else {
            out += '\n';
        }
    }
    return out;
}

PdfBody pdf_body(const std::vector<std::string>& pages, std::vector<Heading>& headings,
                 std::size_t* substitutions) {
    PdfBody out;
    std::string& body = out.text;
    std::size_t en = 0;
    std::size_t ja = 0;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (!body.empty()) {
            body += '\n';  // ends the previous page's last line
        }
        headings.push_back({body.size(), 1, "Page " + std::to_string(i + 1)});
        body += '\n';  // the page's heading line: empty, so no word of it is indexed
        text::RepairStats stats;
        const std::string page = join_wrapped_japanese(text::repair(trim_page(pages[i]), &stats));
        (detect_language(page) == "ja" ? ja : en) += text::length(page);
        body += page;
        if (substitutions != nullptr) {
            *substitutions += stats.substitutions;
        }
    }
    if (std::min(en, ja) * 10 >= en + ja && std::min(en, ja) > 0) {
        out.languages =
            ja >= en ? std::vector<std::string>{"ja", "en"} : std::vector<std::string>{"en", "ja"};
    }
    return out;
}

PdfText extract_pdf_text(std::string_view bytes, const PdfLimits& limits) {
    const std::string program = limits.extractor.empty() ? pdf_extractor_path() : limits.extractor;
    if (::access(program.c_str(), X_OK) != 0) {
        throw CorpusError("cannot run the PDF text extractor \"" + text::repair(program) +
                          "\" (set SEISAKU_PDFTEXT), not indexed");
    }
    const Fd in = input_file(bytes);
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
        throw CorpusError(system_error("cannot make a pipe"));
    }
    Fd out(pipe_fds[0]);
    Fd child_out(pipe_fds[1]);
    const Fd null(::open("/dev/null", O_WRONLY | O_CLOEXEC));
    if (null.get() < 0) {
        throw CorpusError(system_error("cannot open /dev/null"));
    }

    const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(limits.wall_ms);
    const pid_t pid = ::fork();
    if (pid < 0) {
        throw CorpusError(system_error("cannot start the text extractor"));
    }
    if (pid == 0) {
        exec_child(program.c_str(), in.get(), child_out.get(), null.get(), limits);
    }
    ::setpgid(pid, pid);  // also here: kill(-pid) must find the group whoever runs first
    child_out.reset();

    std::string output;
    std::string reason;
    char buffer[64 * 1024];
    while (reason.empty()) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            reason =
                "PDF took more than " + duration_text(limits.wall_ms) + " to read, not indexed";
            break;
        }
        pollfd p{out.get(), POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno != EINTR) {
            reason = system_error("cannot wait for the text extractor");
        }
        if (ready <= 0) {
            continue;
        }
        const ssize_t n = ::read(out.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;  // end of the text (or a read error: the exit status tells)
        }
        if (output.size() + static_cast<std::size_t>(n) > limits.max_output_bytes) {
            reason =
                "PDF text is larger than " + size_text(limits.max_output_bytes) + ", not indexed";
            break;
        }
        output.append(buffer, static_cast<std::size_t>(n));
    }
    out.reset();
    if (!reason.empty()) {
        ::kill(-pid, SIGKILL);
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        throw CorpusError(reason);
    }
    const std::optional<int> status = reap(pid, deadline);
    if (!status) {
        throw CorpusError("PDF text extractor did not finish in time, not indexed");
    }
    if (!WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
        throw CorpusError(failure(*status, limits));
    }
    return parse_pdf_output(output);
}

}  // namespace seisaku::document
