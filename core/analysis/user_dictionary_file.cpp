// SPDX-License-Identifier: MIT
#include "analysis/user_dictionary_file.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <fstream>
#include <sstream>

#include "analysis/mecab_tagger.hpp"
#include "analysis/user_dictionary.hpp"
#include "error.hpp"

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX, for posix_spawn

namespace seisaku::analysis {
namespace {

namespace fs = std::filesystem;

/// Who failed, for every message of this file.
std::string who(const fs::path& out) {
    return "user dictionary \"" + out.string() + "\": cannot make it from the glossary: ";
}

/// The last line `log` holds (mecab-dict-index says why it stopped there).
std::string last_line(const fs::path& log) {
    std::ifstream in(log);
    std::string line;
    std::string last;
    while (std::getline(in, line)) {
        if (!line.empty()) {
            last = line;
        }
    }
    return last;
}

/// Runs mecab-dict-index on `csv` into `dic`, its output into `log`; throws when it fails.
void compile(const fs::path& csv, const fs::path& dic, const fs::path& log, const fs::path& out) {
    std::vector<std::string> args = {SEISAKU_MECAB_DICT_INDEX,
                                     "-d",
                                     SEISAKU_MECAB_DICT_SOURCE,
                                     "-u",
                                     dic.string(),
                                     "-f",
                                     "utf-8",
                                     "-t",
                                     "utf-8",
                                     csv.string()};
    std::vector<char*> argv;
    for (std::string& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        throw SetupError(who(out) + "cannot run " + args[0] + " (install mecab-utils)");
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !fs::is_regular_file(dic)) {
        throw SetupError(who(out) + "mecab-dict-index failed: " + last_line(log));
    }
}

}  // namespace

void write_user_dictionary(const std::vector<std::string>& japanese_names,
                           const std::string& mecab_dicdir, const fs::path& out) {
    const MecabTagger system(mecab_dicdir.empty() ? std::string(default_mecab_dicdir)
                                                  : mecab_dicdir);
    const std::string csv_text = user_dictionary_csv(user_words(japanese_names, system));
    const fs::path csv = fs::path(out).concat(".csv");
    const fs::path dic = fs::path(out).concat(".new");
    const fs::path log = fs::path(out).concat(".log");
    {
        std::ofstream file(csv, std::ios::binary | std::ios::trunc);
        file << csv_text;
        if (!file.flush()) {
            throw SetupError(who(out) + "cannot write " + csv.string());
        }
    }
    compile(csv, dic, log, out);
    std::error_code ec;
    fs::rename(dic, out, ec);
    if (ec) {
        throw SetupError(who(out) + "cannot rename " + dic.string() + ": " + ec.message());
    }
    fs::remove(csv, ec);
    fs::remove(log, ec);
}

}  // namespace seisaku::analysis
