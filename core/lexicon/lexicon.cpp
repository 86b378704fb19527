// SPDX-License-Identifier: MIT
#include "lexicon/lexicon.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "analysis/analyzer.hpp"
#include "error.hpp"

namespace seisaku::lexicon {
namespace {

/// The compiled file's first line; the count of keys follows it.
constexpr std::string_view magic = "seisaku-lexicon 1 ";

}  // namespace

std::vector<const analysis::Token*> key_words(const std::vector<analysis::Token>& tokens) {
    std::vector<const analysis::Token*> out;
    for (const analysis::Token& t : tokens) {
        if (t.kind != analysis::TokenKind::Stop && !analysis::is_query_stopword(t)) {
            out.push_back(&t);
        }
    }
    return out;
}

std::string key_of(const std::vector<const analysis::Token*>& tokens, std::size_t first,
                   std::size_t count) {
    std::string key;
    for (std::size_t i = first; i < first + count && i < tokens.size(); ++i) {
        if (!key.empty()) {
            key += ' ';
        }
        key += tokens[i]->base;
    }
    return key;
}

std::string line_of(Direction direction, std::string_view key,
                    const std::vector<std::string>& translations) {
    std::string line(1, static_cast<char>(direction));
    line += key;
    line += '\t';
    for (std::size_t i = 0; i < translations.size(); ++i) {
        line += (i > 0 ? "|" : "") + translations[i];
    }
    return line + "\n";
}

Lexicon::Lexicon(const std::filesystem::path& file) : path_(file.string()) {
    const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        const int err = errno;
        if (fd >= 0) {
            ::close(fd);
        }
        throw SetupError("cannot read the lexicon " + path_ + ": " + std::strerror(err));
    }
    bytes_ = static_cast<std::size_t>(st.st_size);
    void* mapped = bytes_ > 0 ? ::mmap(nullptr, bytes_, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
    ::close(fd);
    if (mapped == MAP_FAILED) {
        throw SetupError("cannot map the lexicon " + path_ + " (empty or unreadable)");
    }
    data_ = static_cast<const char*>(mapped);
    const std::string_view head = line_at(0);
    if (!head.starts_with(magic)) {
        ::munmap(const_cast<char*>(data_), bytes_);
        throw SetupError(path_ + " is not a seisaku lexicon (rebuild it with make_lexicon)");
    }
    lines_ = std::strtoull(std::string(head.substr(magic.size())).c_str(), nullptr, 10);
}

Lexicon::~Lexicon() {
    ::munmap(const_cast<char*>(data_), bytes_);
}

std::filesystem::path Lexicon::builtin_path() {
    const char* env = std::getenv("SEISAKU_LEXICON");
    return env != nullptr && *env != '\0' ? std::filesystem::path(env)
                                          : std::filesystem::path(SEISAKU_LEXICON);
}

const Lexicon* Lexicon::builtin() {
    // Mapped once per process and shared by every Searcher: the pages stay in the page cache.
    static const std::unique_ptr<const Lexicon> lexicon = []() -> std::unique_ptr<Lexicon> {
        std::error_code ec;
        const std::filesystem::path path = builtin_path();
        if (path.empty() || !std::filesystem::is_regular_file(path, ec)) {
            return nullptr;
        }
        return std::make_unique<Lexicon>(path);
    }();
    return lexicon.get();
}

std::string_view Lexicon::line_at(std::size_t offset) const {
    const void* eol = std::memchr(data_ + offset, '\n', bytes_ - offset);
    const std::size_t end =
        eol == nullptr ? bytes_ : static_cast<std::size_t>(static_cast<const char*>(eol) - data_);
    return {data_ + offset, end - offset};
}

std::size_t Lexicon::lower_bound(std::string_view probe) const {
    // Lines are sorted bytewise after the header line; lo is always a line start, and every
    // line starting before it is less than `probe`.
    std::size_t lo = line_at(0).size() + 1;
    std::size_t hi = bytes_;
    while (lo < hi) {
        std::size_t start = lo + (hi - lo) / 2;
        while (start > lo && data_[start - 1] != '\n') {
            --start;
        }
        const std::string_view line = line_at(start);
        if (line < probe) {
            lo = start + line.size() + 1;
        } else {
            hi = start;
        }
    }
    return std::min(lo, bytes_);
}

std::vector<std::string_view> Lexicon::translations(Direction direction,
                                                    std::string_view key) const {
    std::string probe(1, static_cast<char>(direction));
    probe.append(key).push_back('\t');
    const std::size_t at = lower_bound(probe);
    std::vector<std::string_view> out;
    if (at >= bytes_) {
        return out;
    }
    std::string_view line = line_at(at);
    if (!line.starts_with(probe)) {
        return out;
    }
    line.remove_prefix(probe.size());
    while (!line.empty()) {
        const std::size_t bar = std::min(line.find('|'), line.size());
        out.push_back(line.substr(0, bar));
        line.remove_prefix(std::min(bar + 1, line.size()));
    }
    return out;
}

bool Lexicon::has_longer(Direction direction, std::string_view key) const {
    std::string probe(1, static_cast<char>(direction));
    probe.append(key).push_back(' ');
    const std::size_t at = lower_bound(probe);
    return at < bytes_ && line_at(at).starts_with(probe);
}

}  // namespace seisaku::lexicon
