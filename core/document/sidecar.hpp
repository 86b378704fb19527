// SPDX-License-Identifier: MIT
// @brief A folder's metadata file ("sidecar"): per file its title, date, language, issuer,
// type, topics, source and the file it translates, in TSV, CSV or JSON Lines (docs/metadata.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace seisaku::document {

/// What a folder's metadata says of one file: only the fields its row fills. The document's
/// own front matter or HTML meta wins over these; these win over what the reader derives.
struct FileMetadata {
    std::string title;
    std::string date;  ///< YYYY[-MM[-DD]] (checked and made compact when read)
    std::string lang;  ///< "en" or "ja"
    std::string issuer;
    std::string type;
    std::vector<std::string> topics;
    std::string description;
    std::string source_title;
    std::string source_url;
    std::string translation_of;   ///< the id of the file it translates (checked to exist)
    std::string translation_key;  ///< its row's, or shared by its translation group
    std::string where;            ///< "folder/MANIFEST.tsv:12", for messages
    /// A hash of every field above but `where`: a document whose row changed is indexed again
    /// (index/file_state.hpp).
    [[nodiscard]] std::uint64_t hash() const;
};

/// True for the names a folder's metadata file may have, in any case: metadata, manifest or
/// seisaku-metadata, with .tsv, .csv or .jsonl.
[[nodiscard]] bool is_sidecar_name(std::string_view file_name);

/// A problem with one line of a metadata file (or the whole file: line 0).
struct SidecarProblem {
    std::string where;    ///< "folder/MANIFEST.tsv:12" or "folder/MANIFEST.tsv"
    std::string message;  ///< what is wrong and what was done: "... ; row ignored"
};

/// Limits on one metadata file.
struct SidecarLimits {
    std::size_t max_bytes = std::size_t{64} << 20;  ///< a larger file is not read
    std::size_t max_rows = 1'000'000;               ///< rows past this are ignored
    std::size_t max_field_bytes = 16 * 1024;        ///< a longer field is refused with its row
};

/// One metadata file as given: its folder's id ("corpus-real"), its own id and its bytes.
struct SidecarFile {
    std::string folder_id;
    std::string id;
    std::string bytes;
};

/// Every folder's metadata, by document id, and the problems met.
struct Sidecars {
    std::unordered_map<std::string, FileMetadata> by_id;
    std::vector<SidecarProblem> problems;
    std::size_t files = 0;  ///< metadata files read
    std::size_t rows = 0;   ///< rows applied
};

/// Reads metadata files and checks their rows against `documents` (the ids of the files the
/// run lists). TSV and CSV need a header naming a file column (file, path or filename);
/// JSON Lines need a "file" key. A row is refused, with its line and why, when it names no
/// file of the run, a file outside its folder (an absolute path, ".."), a file another row
/// named already, a date that is not one, a language other than English or Japanese, or has
/// the wrong number of fields; a translation that names an unknown file or makes a cycle of
/// three files or more is dropped from its row. Files of one translation group share a
/// translation key: a row's own, else "~" and the group's first id. The bytes are decoded
/// like documents (UTF-8, Shift_JIS, EUC-JP, UTF-16); binary data refuses the file.
[[nodiscard]] Sidecars read_sidecars(const std::vector<SidecarFile>& files,
                                     const std::unordered_set<std::string>& documents,
                                     const SidecarLimits& limits = {});

}  // namespace seisaku::document
