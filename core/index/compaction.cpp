// SPDX-License-Identifier: MIT
#include "index/compaction.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <xapian.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <system_error>
#include <utility>

namespace seisaku::index {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t auto_min_changes = 1000;
constexpr std::size_t auto_min_share_percent = 10;

/// fsync of a folder, so a rename in it survives a power cut.
void sync_folder(const fs::path& folder) noexcept {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd);
        (void)::close(fd);
    }
}

/// The index folder itself, links resolved: the exchange must move the folder, not a link.
fs::path resolved(const fs::path& db) {
    std::error_code ec;
    fs::path real = fs::canonical(db, ec);
    return ec ? fs::absolute(db) : real;
}

/// The compaction folder of the index folder `real` (links resolved).
fs::path folder_beside(const fs::path& real) {
    return real.parent_path() / (real.filename().string() + ".seisaku-compact");
}

/// Copies seisaku's own files of the index folder (the index's glossary and user
/// dictionary, glossary/index_glossary.hpp) into the compacted one; empty, or why not.
std::string copy_own_files(const fs::path& real, const fs::path& target) {
    std::error_code ec;
    for (fs::directory_iterator it(real, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().filename().string().starts_with("seisaku-") && it->is_regular_file()) {
            fs::copy_file(it->path(), target / it->path().filename(), ec);
            if (ec) {
                return "cannot copy \"" + it->path().string() + "\": " + ec.message();
            }
        }
    }
    return ec ? "cannot list \"" + real.string() + "\": " + ec.message() : std::string();
}

}  // namespace

bool wants_compaction(CompactPolicy policy, std::size_t changes, std::size_t documents) noexcept {
    switch (policy) {
        case CompactPolicy::Never:
            return false;
        case CompactPolicy::Always:
            return changes > 0;
        case CompactPolicy::Auto:
            return changes >= auto_min_changes &&
                   changes * 100 >= documents * auto_min_share_percent;
    }
    return false;
}

fs::path compaction_folder(const fs::path& db) {
    return folder_beside(resolved(db));
}

std::uintmax_t folder_bytes(const fs::path& folder) noexcept {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code size_ec;
        const std::uintmax_t size = it->is_regular_file(size_ec) ? it->file_size(size_ec) : 0;
        total += size_ec ? 0 : size;
    }
    return total;
}

void remove_compaction_folder(const fs::path& db) noexcept {
    try {
        std::error_code ec;
        fs::remove_all(compaction_folder(db), ec);  // a concurrent removal is no fault
    } catch (...) {  // NOLINT(bugprone-empty-catch): best effort, the index is whole
    }
}

CompactionResult compact_index(const fs::path& db) {
    CompactionResult result;
    const fs::path real = resolved(db);
    const fs::path target = folder_beside(real);
    result.bytes_before = folder_bytes(real);
    const auto give_up = [&](std::string why) {
        std::error_code ignored;
        fs::remove_all(target, ignored);
        result.why_not = std::move(why);
        return result;
    };
    std::error_code ec;
    fs::remove_all(target, ec);
    if (ec) {
        return give_up("cannot remove the old \"" + target.string() + "\": " + ec.message());
    }
    try {
        // Renumbering is off: document ids stay as they are, so nothing that refers to one
        // changes meaning.
        Xapian::Database(real.string())
            .compact(target.string(), Xapian::DBCOMPACT_NO_RENUMBER | Xapian::Compactor::FULL);
    } catch (const Xapian::Error& e) {
        return give_up(e.get_msg());
    } catch (const std::exception& e) {
        return give_up(e.what());
    }
    if (std::string why = copy_own_files(real, target); !why.empty()) {
        return give_up(std::move(why));
    }
    sync_folder(target);
    if (::renameat2(AT_FDCWD, target.c_str(), AT_FDCWD, real.c_str(), RENAME_EXCHANGE) != 0) {
        return give_up(std::string("cannot exchange the compacted folder with the index: ") +
                       std::strerror(errno));
    }
    sync_folder(real.parent_path());
    result.done = true;
    result.bytes_after = folder_bytes(real);
    return result;
}

}  // namespace seisaku::index
