// SPDX-License-Identifier: MIT
#include "index/file_read.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace seisaku::index {
namespace {

/// The words of the C library for the error `err`.
std::string errno_message(int err) {
    return std::error_code(err, std::generic_category()).message();
}

/// Closes a file descriptor on every path out.
class Fd {
  public:
    explicit Fd(int fd) noexcept : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    [[nodiscard]] int get() const noexcept { return fd_; }

  private:
    int fd_;
};

}  // namespace

std::string too_large(std::uintmax_t size, std::uintmax_t max_size) {
    return "larger than --max-size (" + std::to_string(size) + " > " + std::to_string(max_size) +
           " bytes), not indexed";
}

FileBytes read_file(const std::filesystem::path& path, std::uintmax_t max_size) {
    const Fd fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (fd.get() < 0) {
        const int err = errno;
        if (err == ELOOP) {
            throw Skip{SkipReason::SymbolicLink, "symbolic link, not followed"};
        }
        throw Skip{SkipReason::Unreadable, "cannot open for reading: " + errno_message(err)};
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) {
        throw Skip{SkipReason::Unreadable, "cannot read: " + errno_message(errno)};
    }
    if (!S_ISREG(st.st_mode)) {
        throw Skip{SkipReason::NotRegular, "not a regular file (replaced during the run)"};
    }
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (max_size != 0 && size > max_size) {
        throw Skip{SkipReason::TooLarge, too_large(size, max_size)};
    }
    FileBytes out;
    out.state.size = size;
    out.state.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 +
                         static_cast<std::int64_t>(st.st_mtim.tv_nsec);
    out.bytes.reserve(size);
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n == 0) {
            break;
        }
        if (n < 0) {
            if (errno == EINTR) {
                continue;  // a signal: the run loop looks at it after this file
            }
            throw Skip{SkipReason::Unreadable, "read error: " + errno_message(errno)};
        }
        out.bytes.append(buffer, static_cast<std::size_t>(n));
        if (max_size != 0 && out.bytes.size() > max_size) {
            throw Skip{SkipReason::TooLarge,
                       too_large(out.bytes.size(), max_size) + " (it grew while being read)"};
        }
    }
    // A file that grew or shrank while read is stored with the size read: the next run sees
    // the difference and reads it again.
    out.state.size = out.bytes.size();
    out.state.hash = content_hash(out.bytes);
    return out;
}

}  // namespace seisaku::index
