// SPDX-License-Identifier: MIT
#include "document/source_files.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "document/reader.hpp"
#include "document/sidecar.hpp"
#include "error.hpp"
#include "text/utf8.hpp"

namespace seisaku::document {
namespace fs = std::filesystem;
namespace {

/// File names are bytes: show and store them as valid UTF-8 without controls.
std::string display_path(const fs::path& p) {
    return text::repair(p.generic_string());
}

bool is_hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return name.size() > 1 && name.front() == '.' && name != "..";
}

std::string errno_message(int err) {
    return std::error_code(err, std::generic_category()).message();
}

const char* special_kind(mode_t mode) {
    if (S_ISFIFO(mode)) {
        return "FIFO";
    }
    if (S_ISSOCK(mode)) {
        return "socket";
    }
    if (S_ISCHR(mode)) {
        return "character device";
    }
    if (S_ISBLK(mode)) {
        return "block device";
    }
    return "unknown type";
}

/// A non-folder entry, from its lstat() (or stat() for a root named on the command line).
void add_file(const fs::path& path, const struct stat& st, const std::string& id,
              std::vector<SourceFile>& out) {
    SourceFile f{path, id, {}, SkipKind::None, 0, 0};
    if (S_ISLNK(st.st_mode)) {
        f.skip = SkipKind::SymbolicLink;
        f.skip_reason = "symbolic link, not followed";
    } else if (!S_ISREG(st.st_mode)) {
        f.skip = SkipKind::NotRegular;
        f.skip_reason = std::string("not a regular file (") + special_kind(st.st_mode) + ")";
    } else if (is_sidecar_name(path.filename().string())) {
        f.skip = SkipKind::Sidecar;
        f.skip_reason = "the folder's metadata file";
        f.size = static_cast<std::uintmax_t>(st.st_size);
    } else if (!format_for(path.filename().string())) {
        f.skip = SkipKind::Unsupported;
        f.skip_reason = "unsupported file type (expected .txt, .md, .html or .pdf)";
    } else {
        f.size = static_cast<std::uintmax_t>(st.st_size);
        f.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 +
                     static_cast<std::int64_t>(st.st_mtim.tv_nsec);
    }
    out.push_back(std::move(f));
}

void add_unreadable(const fs::path& path, const std::string& id, const std::string& why,
                    std::vector<SourceFile>& out) {
    out.push_back({path, id, why, SkipKind::Unreadable, 0, 0});
}

void walk(const fs::path& dir, const std::string& id_prefix, std::vector<SourceFile>& out) {
    std::error_code ec;
    std::vector<fs::path> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        entries.push_back(it->path());
    }
    if (ec) {
        add_unreadable(dir, id_prefix, "cannot read folder: " + ec.message(), out);
        return;
    }
    std::sort(entries.begin(), entries.end());
    for (const fs::path& p : entries) {
        if (is_hidden(p)) {
            continue;
        }
        const std::string id = id_prefix + "/" + display_path(p.filename());
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0) {
            // Gone between readdir and lstat, or a name too long for the system.
            add_unreadable(p, id, "cannot read: " + errno_message(errno), out);
        } else if (S_ISDIR(st.st_mode)) {
            walk(p, id, out);
        } else {
            add_file(p, st, id, out);
        }
    }
}

}  // namespace

void check_roots(const std::vector<fs::path>& roots) {
    for (const fs::path& root : roots) {
        std::error_code ec;
        const fs::file_status status = fs::symlink_status(root, ec);
        if (ec || !fs::exists(status)) {
            throw CorpusError("cannot read \"" + display_path(root) + "\": no such file or folder");
        }
    }
}

std::string root_id(const fs::path& root) {
    // The id starts with the root's own name, so two roots never collide and the id does
    // not depend on the current directory.
    std::error_code ec;
    fs::path name = fs::weakly_canonical(root, ec).filename();
    if (ec || name.empty()) {
        name = root.filename();
    }
    return display_path(name);
}

std::vector<SourceFile> list_source_files(const std::vector<fs::path>& roots) {
    check_roots(roots);
    std::vector<SourceFile> out;
    for (const fs::path& root : roots) {
        const std::string id = root_id(root);
        // A root named on the command line is followed when it is a link.
        struct stat st {};
        if (::stat(root.c_str(), &st) != 0 && ::lstat(root.c_str(), &st) != 0) {
            add_unreadable(root, id, "cannot read: " + errno_message(errno), out);
        } else if (S_ISDIR(st.st_mode)) {
            walk(root, id, out);
        } else {
            add_file(root, st, id, out);
        }
    }
    return out;
}

}  // namespace seisaku::document
