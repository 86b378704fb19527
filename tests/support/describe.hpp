// SPDX-License-Identifier: MIT
// @brief Compact text renderings for test tables: tokens as term[begin,end)@position.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "analysis/token.hpp"
#include "index/index_run.hpp"

namespace seisaku::test {

/// "東京[0,6)@0 大学[6,12)@1"; stop tokens are shown as "_@position", base forms that
/// differ from the term as "term>base".
inline std::string describe(const std::vector<analysis::Token>& tokens, bool with_offsets = true) {
    std::string out;
    for (const analysis::Token& t : tokens) {
        if (!out.empty()) {
            out += ' ';
        }
        if (t.kind == analysis::TokenKind::Stop) {
            out += "_@" + std::to_string(t.position);
            continue;
        }
        out += t.term;
        if (t.base != t.term) {
            out += ">" + t.base;
        }
        if (with_offsets) {
            out += "[" + std::to_string(t.begin) + "," + std::to_string(t.end) + ")";
        }
        out += "@" + std::to_string(t.position);
    }
    return out;
}

/// Reads a tab-separated table: lines starting with '#' and blank lines are comments.
std::vector<std::vector<std::string>> read_table(const std::string& path);

/// Writes `text` to `file` as bytes, creating its folders.
void write_file(const std::filesystem::path& file, const std::string& text);

/// A fresh empty folder under the system temp folder, removed by the destructor.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::string& path() const { return path_; }

  private:
    std::string path_;
};

/// Documents a test writes into a fresh folder "docs", and their index beside it.
class TempCorpus {
  public:
    /// Writes docs/NAME (the document id is "docs/NAME").
    void write(const std::string& name, const std::string& text) const;
    /// Indexes docs/ and returns the database path.
    [[nodiscard]] std::string index() const;

  private:
    TempDir tmp_;
};

/// A folder "docs" and its index "db" in a fresh temporary folder: run() indexes docs with
/// `options` and keeps the file events.
struct IndexedFolder {
    TempDir tmp;
    std::filesystem::path docs = std::filesystem::path(tmp.path()) / "docs";
    std::string db = tmp.path() + "/db";
    index::IndexRunOptions options;
    std::vector<index::FileEvent> events;

    IndexedFolder();
    index::IndexSummary run();
};

/// The bundled corpus (corpus/en and corpus/ja), indexed once per test run.
const std::string& corpus_db();

/// The one Analyzer of the test run (loading MeCab once keeps the suite fast).
const analysis::Analyzer& test_analyzer();

}  // namespace seisaku::test
