// SPDX-License-Identifier: MIT
#include "index/folder_context.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_set>

#include "document/folder_profile.hpp"
#include "schema/schema.hpp"

namespace seisaku::index {
namespace fs = std::filesystem;
namespace {

/// A page's bytes for its folder's profile: at most this much of it.
constexpr std::size_t profile_read_bytes = 2 * 1024 * 1024;

/// Up to `limit` bytes of a regular file (never following a link, never blocking); "" when
/// it cannot be read: the file is then judged when it is read for indexing.
std::string read_head(const fs::path& path, std::size_t limit) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        return {};
    }
    std::string out;
    char buffer[64 * 1024];
    while (out.size() < limit) {
        const ssize_t n = ::read(fd, buffer, std::min(sizeof buffer, limit - out.size()));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        out.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return out;
}

/// What a folder's profile reads of a file: all of an HTML page (up to `limit`: its structure
/// needs parsing), the first 8 KiB of a Markdown file (front matter and title), the first and
/// last 8 KiB of a plain-text file (its site's header and footer), cut at line ends.
std::string read_sample(const fs::path& path, document::Format format, std::size_t limit,
                        std::uintmax_t size) {
    constexpr std::size_t part = 8 * 1024;
    if (format == document::Format::Html) {
        return read_head(path, limit);
    }
    if (format == document::Format::Markdown || size <= 2 * part) {
        return read_head(path, format == document::Format::Markdown ? part : 2 * part);
    }
    std::string head = read_head(path, part);
    head.resize(std::min(head.size(), head.rfind('\n') + 1));
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        return head;
    }
    std::string tail(part, '\0');
    const ssize_t n = ::pread(fd, tail.data(), part, static_cast<off_t>(size - part));
    ::close(fd);
    tail.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    const std::size_t line = tail.find('\n');
    return head + (line == std::string::npos ? std::string() : tail.substr(line + 1));
}

/// Runs fn(i) for i in [0, n) on up to `jobs` threads, one for every 64 items (a thread of
/// its own costs address space: a malloc arena).
template <typename Fn>
void parallel_for(std::size_t n, unsigned jobs, Fn fn) {
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, 1 + n / 64));
    std::atomic<std::size_t> next{0};
    const auto loop = [&] {
        for (std::size_t i = next++; i < n; i = next++) {
            fn(i);
        }
    };
    std::vector<std::thread> threads;
    const std::size_t extra = std::min<std::size_t>(n, std::max(1U, jobs)) - (n > 0 ? 1 : 0);
    for (std::size_t t = 0; t < extra; ++t) {
        threads.emplace_back(loop);
    }
    loop();
    for (std::thread& t : threads) {
        t.join();
    }
}

/// A file of a folder being profiled, and what reading it found.
struct Member {
    const document::SourceFile* file;
    document::Format format;
    std::vector<std::uint64_t> keys;
    std::string title;
    bool title_needs_site = false;
};
/// The members of the profiled folders, by folder.
using Members = std::unordered_map<std::string, std::vector<Member>>;

/// How many of `list` share each title line.
std::unordered_map<std::string, std::size_t> title_counts(const std::vector<Member>& list) {
    std::unordered_map<std::string, std::size_t> counts;
    for (const Member& m : list) {
        if (!m.title.empty()) {
            ++counts[m.title];
        }
    }
    return counts;
}

}  // namespace

std::string folder_of(std::string_view id) {
    const std::size_t slash = id.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(id.substr(0, slash));
}

namespace {

/// Folders with something to read, or that lost a file. `documents`: the ids of the files
/// to read; `contexts` knows their metadata rows (no folder is profiled yet).
std::unordered_set<std::string> dirty_folders(const std::vector<document::SourceFile>& files,
                                              const StoredStates& stored, bool overwrite,
                                              const std::unordered_set<std::string>& documents,
                                              const FolderContexts& contexts) {
    std::unordered_set<std::string> dirty;
    for (const document::SourceFile& f : files) {
        if (f.skip != document::SkipKind::None) {
            continue;
        }
        const auto old = stored.find(schema::id_term(f.id));
        // no folder is profiled yet: this compares the file and its metadata row only
        const bool unchanged = !overwrite && old != stored.end() && old->second &&
                               old->second->same_stat(f.size, f.mtime_ns) &&
                               !contexts.context_changed(f.id, *old->second);
        if (!unchanged) {
            dirty.insert(folder_of(f.id));
        }
    }
    for (const auto& [term, state] : stored) {
        const std::string id = term.substr(schema::prefix_id.size());
        if (!documents.contains(id)) {
            dirty.insert(folder_of(id));
        }
    }
    return dirty;
}

/// The files of the folders `dirty` that have lines to profile (not PDFs), by folder.
Members folder_members(const std::vector<document::SourceFile>& files,
                       const std::unordered_set<std::string>& dirty) {
    Members members;
    for (const document::SourceFile& f : files) {
        if (f.skip != document::SkipKind::None || !dirty.contains(folder_of(f.id))) {
            continue;
        }
        const auto format = document::format_for(f.path.filename().string());
        if (format && *format != document::Format::Pdf) {
            members[folder_of(f.id)].push_back({&f, *format, {}, {}, false});
        }
    }
    return members;
}

/// One read of each page (up to `limit` bytes): its edge lines and its title line.
void sample_members(Members& members, unsigned jobs, std::size_t limit) {
    std::vector<Member*> all;
    for (auto& [folder, list] : members) {
        for (Member& m : list) {
            all.push_back(&m);
        }
    }
    parallel_for(all.size(), jobs, [&](std::size_t i) {
        Member& m = *all[i];
        document::PageSample sample = document::sample_page(
            read_sample(m.file->path, m.format, limit, m.file->size), m.format);
        m.keys = std::move(sample.edge_keys);
        m.title = sample.title.declared ? std::string() : document::title_key(sample.title.line);
        m.title_needs_site = sample.title_needs_site;
    });
}

}  // namespace

struct FolderContexts::Impl {
    document::Sidecars sidecars;
    /// Profiled folders: their repeated lines.
    std::unordered_map<std::string, document::LineSet> repeated;
    /// Files of profiled folders: their folder hash and whether their title is told apart.
    std::unordered_map<std::string, std::pair<std::uint64_t, bool>> files;

    /// Reads the metadata files among `files`; returns the ids of the files to read.
    std::unordered_set<std::string> read_metadata(const std::vector<document::SourceFile>& files);
    /// The lines each folder's pages repeat; returns the plain-text members that start like
    /// another and share a title: their title is past the site's lines.
    std::vector<Member*> find_repeated(Members& members);
    /// The title lines of `again`, read once more past their folder's repeated lines.
    void retitle(const std::vector<Member*>& again, unsigned jobs, std::size_t limit) const;
    /// Each member's folder hash and whether its title is shared.
    void record_files(const Members& members);
};

std::unordered_set<std::string> FolderContexts::Impl::read_metadata(
    const std::vector<document::SourceFile>& source_files) {
    std::vector<document::SidecarFile> sidecar_files;
    std::unordered_set<std::string> documents;
    for (const document::SourceFile& f : source_files) {
        if (f.skip == document::SkipKind::None) {
            documents.insert(f.id);
        } else if (f.skip == document::SkipKind::Sidecar) {
            const document::SidecarLimits limits;
            std::string bytes = read_head(f.path, limits.max_bytes + 1);
            sidecar_files.push_back({folder_of(f.id), f.id, std::move(bytes)});
        }
    }
    if (!sidecar_files.empty()) {
        sidecars = document::read_sidecars(sidecar_files, documents);
    }
    return documents;
}

std::vector<Member*> FolderContexts::Impl::find_repeated(Members& members) {
    std::vector<Member*> again;
    for (auto& [folder, list] : members) {
        std::vector<std::vector<std::uint64_t>> pages;
        for (const Member& m : list) {
            if (m.format != document::Format::Markdown) {
                pages.push_back(m.keys);
            }
        }
        std::unordered_map<std::string, std::size_t> counts = title_counts(list);
        repeated[folder] = document::repeated_lines(pages);
        for (Member& m : list) {
            if (m.title_needs_site && !m.title.empty() && counts[m.title] >= 2) {
                again.push_back(&m);
            }
        }
    }
    return again;
}

void FolderContexts::Impl::retitle(const std::vector<Member*>& again, unsigned jobs,
                                   std::size_t limit) const {
    parallel_for(again.size(), jobs, [&](std::size_t i) {
        Member& m = *again[i];
        const document::LineSet& lines = repeated.at(folder_of(m.file->id));
        m.title = document::title_key(
            document::sample_page(read_sample(m.file->path, m.format, limit, m.file->size),
                                  m.format, &lines)
                .title.line);
    });
}

void FolderContexts::Impl::record_files(const Members& members) {
    for (const auto& [folder, list] : members) {
        std::unordered_map<std::string, std::size_t> counts = title_counts(list);
        const document::LineSet& lines = repeated.at(folder);
        for (const Member& m : list) {
            const bool shared = !m.title.empty() && counts[m.title] >= 2;
            files[m.file->id] = {document::folder_context_hash(m.keys, lines, shared), shared};
        }
    }
}

FolderContexts::FolderContexts(const std::vector<document::SourceFile>& files,
                               const StoredStates& stored, bool overwrite, unsigned jobs,
                               std::uintmax_t max_size)
    : impl_(std::make_unique<Impl>()) {
    const std::unordered_set<std::string> documents = impl_->read_metadata(files);
    const std::unordered_set<std::string> dirty =
        dirty_folders(files, stored, overwrite, documents, *this);
    // Their profiles: the lines their pages repeat, then the title lines several share.
    Members members = folder_members(files, dirty);
    const std::size_t limit =
        max_size == 0
            ? profile_read_bytes
            : static_cast<std::size_t>(std::min<std::uintmax_t>(max_size, profile_read_bytes));
    sample_members(members, jobs, limit);
    impl_->retitle(impl_->find_repeated(members), jobs, limit);
    impl_->record_files(members);
    for (const std::string& folder : dirty) {
        impl_->repeated.try_emplace(folder);  // profiled, with nothing that repeats
    }
}

FolderContexts::~FolderContexts() = default;

const document::Sidecars& FolderContexts::sidecars() const {
    return impl_->sidecars;
}

document::FileContext FolderContexts::context(const std::string& id) const {
    document::FileContext c;
    if (const auto m = impl_->sidecars.by_id.find(id); m != impl_->sidecars.by_id.end()) {
        c.metadata = &m->second;
    }
    if (const auto r = impl_->repeated.find(folder_of(id)); r != impl_->repeated.end()) {
        c.repeated_lines = r->second.empty() ? nullptr : &r->second;
    }
    if (const auto f = impl_->files.find(id); f != impl_->files.end()) {
        c.title_shared = f->second.second;
    }
    return c;
}

void FolderContexts::complete(const std::string& id, FileState& state,
                              const std::optional<FileState>& old) const {
    const auto m = impl_->sidecars.by_id.find(id);
    state.metadata = m == impl_->sidecars.by_id.end() ? 0 : m->second.hash();
    if (const auto f = impl_->files.find(id); f != impl_->files.end()) {
        state.folder = f->second.first;
    } else if (impl_->repeated.contains(folder_of(id))) {
        state.folder = 0;  // profiled, but not a page (a PDF)
    } else {
        state.folder = old ? old->folder : 0;
    }
}

bool FolderContexts::context_changed(const std::string& id, const FileState& old) const {
    FileState now;
    complete(id, now, old);
    return now.metadata != old.metadata || now.folder != old.folder;
}

}  // namespace seisaku::index
