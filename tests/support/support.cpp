// SPDX-License-Identifier: MIT
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "analysis/analyzer.hpp"
#include "describe.hpp"
#include "index/index_run.hpp"

namespace seisaku::test {

std::vector<std::vector<std::string>> read_table(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error("cannot read test table " + path);
    }
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') {
            continue;
        }
        std::vector<std::string> cells;
        std::size_t start = 0;
        while (true) {
            const std::size_t tab = line.find('\t', start);
            cells.push_back(line.substr(start, tab - start));
            if (tab == std::string::npos) {
                break;
            }
            start = tab + 1;
        }
        rows.push_back(std::move(cells));
    }
    return rows;
}

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "seisaku-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("cannot create a temporary folder");
    }
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

void write_file(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

void TempCorpus::write(const std::string& name, const std::string& text) const {
    write_file(std::filesystem::path(tmp_.path()) / "docs" / name, text);
}

std::string TempCorpus::index() const {
    index::IndexRunOptions o;
    o.db = tmp_.path() + "/db";
    o.paths = {tmp_.path() + "/docs"};
    (void)index::run_index(o, [](const index::FileEvent&) {});
    return o.db;
}

IndexedFolder::IndexedFolder() {
    options.db = db;
    options.paths = {docs};
}

index::IndexSummary IndexedFolder::run() {
    events.clear();
    return index::run_index(options, [&](const index::FileEvent& e) { events.push_back(e); });
}

const std::string& corpus_db() {
    static const TempDir dir;
    static const std::string db = [] {
        index::IndexRunOptions o;
        o.db = dir.path() + "/db";
        o.paths = {std::string(CORPUS_DIR) + "/en", std::string(CORPUS_DIR) + "/ja"};
        (void)index::run_index(o, [](const index::FileEvent&) {});
        return o.db;
    }();
    return db;
}

const analysis::Analyzer& test_analyzer() {
    static const analysis::Analyzer analyzer;
    return analyzer;
}

}  // namespace seisaku::test
