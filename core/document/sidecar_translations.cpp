// SPDX-License-Identifier: MIT
#include "document/sidecar_translations.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "document/sidecar.hpp"

namespace seisaku::document {
namespace {

/// Union-find over the files of translation groups.
struct Groups {
    std::unordered_map<std::string, std::string> parent;
    std::string find(const std::string& x) {
        auto it = parent.find(x);
        if (it == parent.end()) {
            parent[x] = x;
            return x;
        }
        if (it->second == x) {
            return x;
        }
        std::string root = find(it->second);
        parent[x] = root;
        return root;
    }
    void join(const std::string& a, const std::string& b) {
        const std::string ra = find(a);
        const std::string rb = find(b);
        if (ra != rb) {
            parent[std::max(ra, rb)] = std::min(ra, rb);  // the smaller id is the root
        }
    }
};

/// The cycle `id`'s translation makes through three files or more ("a.md → b.md → c.md →
/// a.md"), or "" when it makes none.
std::string cycle_of(const Sidecars& out, const std::string& id, const FileMetadata& m) {
    std::vector<std::string> path = {id};
    std::string at = m.translation_of;
    while (at != id && path.size() <= out.by_id.size()) {
        const auto next = out.by_id.find(at);
        if (next == out.by_id.end() || next->second.translation_of.empty()) {
            break;
        }
        path.push_back(at);
        at = next->second.translation_of;
    }
    if (at != id || path.size() < 3) {
        return {};
    }
    std::string cycle;
    for (const std::string& p : path) {
        cycle += p.substr(p.rfind('/') + 1) + " → ";
    }
    cycle += id.substr(id.rfind('/') + 1);
    return cycle;
}

/// Translations that make a cycle of three files or more are refused: a problem each (sorted
/// by their rows' places), their translation_of set to "!".
void refuse_cycles(Sidecars& out) {
    std::vector<std::string> cycles;  // rows whose translation makes one
    for (const auto& [id, m] : out.by_id) {
        if (m.translation_of.empty()) {
            continue;
        }
        if (const std::string cycle = cycle_of(out, id, m); !cycle.empty()) {
            out.problems.push_back(
                {m.where, "translations make a cycle (" + cycle + "); translation ignored"});
            cycles.push_back(id);
        }
    }
    std::sort(
        out.problems.begin() + static_cast<std::ptrdiff_t>(out.problems.size() - cycles.size()),
        out.problems.end(),
        [](const SidecarProblem& x, const SidecarProblem& y) { return x.where < y.where; });
    for (const std::string& id : cycles) {
        out.by_id[id].translation_of.assign(1, '!');  // GCC 12: a false -Wrestrict on = "!"
    }
}

/// The translation groups of the rows whose translation stands; refused ones lose it.
Groups join_groups(Sidecars& out) {
    Groups groups;
    for (auto& [id, m] : out.by_id) {
        if (m.translation_of == "!") {
            continue;
        }
        if (!m.translation_of.empty()) {
            const auto target = out.by_id.find(m.translation_of);
            if (target == out.by_id.end() || target->second.translation_of != "!") {
                groups.join(id, m.translation_of);
            }
        }
    }
    for (auto& [id, m] : out.by_id) {
        if (m.translation_of == "!") {
            m.translation_of.clear();
        }
    }
    return groups;
}

/// Each group's key: a row's own (the first by id), else "~" and its first id.
void share_keys(Sidecars& out, Groups& groups) {
    std::unordered_map<std::string, std::string> key_of;
    std::vector<std::string> members;
    for (const auto& [id, parent] : groups.parent) {
        members.push_back(id);
    }
    std::sort(members.begin(), members.end());
    for (const std::string& id : members) {
        const std::string root = groups.find(id);
        const auto row = out.by_id.find(id);
        if (row != out.by_id.end() && !row->second.translation_key.empty() &&
            !key_of.contains(root)) {
            key_of[root] = row->second.translation_key;
        }
    }
    for (const std::string& id : members) {
        const std::string root = groups.find(id);
        const auto [key, inserted] = key_of.emplace(root, "~" + root);
        FileMetadata& m = out.by_id[id];
        if (m.where.empty()) {
            m.where = "(translation group of " + root + ")";
        }
        if (m.translation_key.empty()) {
            m.translation_key = key->second;
        }
    }
}

}  // namespace

void link_translations(Sidecars& sidecars) {
    refuse_cycles(sidecars);
    Groups groups = join_groups(sidecars);
    share_keys(sidecars, groups);
}

}  // namespace seisaku::document
