// SPDX-License-Identifier: MIT
#include "document/source_files.hpp"

#include <algorithm>

#include "document/reader.hpp"
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

void add_file(const fs::path& path, const fs::file_status& status, const std::string& id,
              std::vector<SourceFile>& out) {
    SourceFile f{path, id, {}};
    if (fs::is_symlink(status)) {
        f.skip_reason = "symbolic link, not followed";
    } else if (!fs::is_regular_file(status)) {
        f.skip_reason = "not a regular file";
    } else if (!format_for(path.filename().string())) {
        f.skip_reason = "unsupported file type (expected .txt, .md, .html or .pdf)";
    }
    out.push_back(std::move(f));
}

void walk(const fs::path& dir, const std::string& id_prefix, std::vector<SourceFile>& out) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        entries.push_back(*it);
    }
    if (ec) {
        out.push_back({dir, id_prefix, "cannot read folder: " + ec.message()});
        return;
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path() < b.path(); });
    for (const fs::directory_entry& e : entries) {
        if (is_hidden(e.path())) {
            continue;
        }
        const std::string id = id_prefix + "/" + display_path(e.path().filename());
        const fs::file_status status = e.symlink_status(ec);
        if (!ec && fs::is_directory(status)) {
            walk(e.path(), id, out);
        } else {
            add_file(e.path(), status, id, out);
        }
    }
}

}  // namespace

std::vector<SourceFile> list_source_files(const std::vector<fs::path>& roots) {
    std::vector<SourceFile> out;
    for (const fs::path& root : roots) {
        std::error_code ec;
        const fs::file_status status = fs::symlink_status(root, ec);
        if (ec || !fs::exists(status)) {
            throw CorpusError("cannot read \"" + display_path(root) + "\": no such file or folder");
        }
        // The id starts with the root's own name, so two roots never collide and the id
        // does not depend on the current directory.
        fs::path name = fs::weakly_canonical(root, ec).filename();
        if (ec || name.empty()) {
            name = root.filename();
        }
        if (fs::is_directory(status) ||
            (fs::is_symlink(status) && fs::is_directory(fs::status(root, ec)))) {
            walk(root, display_path(name), out);
        } else {
            add_file(root, fs::status(root, ec), display_path(name), out);
        }
    }
    return out;
}

}  // namespace seisaku::document
