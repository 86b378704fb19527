// SPDX-License-Identifier: MIT
#include "analysis/mecab_tagger.hpp"

#include <mecab.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "error.hpp"
#include "text/hash.hpp"

namespace seisaku::analysis {
namespace {

// IPADIC feature layout: POS, POS subtype 1-3, conjugation type, conjugation form, base
// form, reading, pronunciation.
constexpr std::size_t feature_pos = 0;
constexpr std::size_t feature_subtype = 1;
constexpr std::size_t feature_base_form = 6;
constexpr std::size_t feature_parts = 9;  // seisaku's user dictionary only

/// "4+1" → {4, 1}; anything malformed → {}.
std::vector<std::uint32_t> parse_parts(std::string_view field) {
    std::vector<std::uint32_t> parts;
    std::uint32_t n = 0;
    bool digits = false;
    for (const char c : field) {
        if (c >= '0' && c <= '9' && n < 100000) {
            n = n * 10 + static_cast<std::uint32_t>(c - '0');
            digits = true;
        } else if (c == '+' && digits) {
            parts.push_back(n);
            n = 0;
            digits = false;
        } else {
            return {};
        }
    }
    if (digits) {
        parts.push_back(n);
    }
    return parts.size() >= 2 ? parts : std::vector<std::uint32_t>{};
}

/// FNV-1a of a file's bytes, as 8 hex digits: names a user dictionary by its content.
std::string content_hash(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return text::hex64(text::fnv1a64(bytes.str()), 8);
}

std::string_view feature_field(const char* feature, std::size_t index) {
    std::string_view f(feature);
    for (std::size_t i = 0; i < index; ++i) {
        const auto comma = f.find(',');
        if (comma == std::string_view::npos) {
            return {};
        }
        f.remove_prefix(comma + 1);
    }
    return f.substr(0, f.find(','));
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) {
            return false;
        }
    }
    return true;
}

}  // namespace

struct MecabTagger::Impl {
    std::string args;  ///< for MeCab::createModel
    std::string who;   ///< the start of a load error: which dictionary
    std::once_flag loaded;
    std::unique_ptr<MeCab::Model> model;
    std::unique_ptr<MeCab::Tagger> tagger;
    /// Lattices between parses: a new one per parse allocated and freed MeCab's node pools
    /// every time. Guarded, as parse() may be called from several threads.
    std::mutex lattices_mutex;
    std::vector<std::unique_ptr<MeCab::Lattice>> lattices;

    std::unique_ptr<MeCab::Lattice> take_lattice() {
        {
            const std::lock_guard<std::mutex> lock(lattices_mutex);
            if (!lattices.empty()) {
                std::unique_ptr<MeCab::Lattice> l = std::move(lattices.back());
                lattices.pop_back();
                return l;
            }
        }
        return std::unique_ptr<MeCab::Lattice>(model->createLattice());
    }

    void give_back(std::unique_ptr<MeCab::Lattice> l) {
        const std::lock_guard<std::mutex> lock(lattices_mutex);
        lattices.push_back(std::move(l));
    }
};

MecabTagger::MecabTagger(const std::string& dicdir, const std::string& user_dictionary,
                         bool on_first_use)
    : impl_(std::make_unique<Impl>()) {
    std::string who = "japanese analyzer: cannot load MeCab dictionary \"" + dicdir + "\": ";
    // MeCab calls exit() on some dictionary errors, so check what we can before loading.
    std::error_code ec;
    if (!std::filesystem::is_regular_file(std::filesystem::path(dicdir) / "sys.dic", ec)) {
        throw SetupError(who + "no sys.dic there (install mecab-ipadic-utf8)");
    }
    // MeCab splits its arguments at spaces, so paths with spaces cannot be passed.
    if (dicdir.find_first_of(" \t\"") != std::string::npos ||
        user_dictionary.find_first_of(" \t\"") != std::string::npos) {
        throw SetupError(who + "MeCab cannot take a path with spaces or quotes");
    }
    std::string args = "-d " + dicdir;
    if (!user_dictionary.empty()) {
        who = "japanese analyzer: cannot load MeCab user dictionary \"" + user_dictionary + "\": ";
        if (!std::filesystem::is_regular_file(user_dictionary, ec)) {
            throw SetupError(who +
                             "no such file (build the project: it makes it from "
                             "corpus/glossary.tsv)");
        }
        args += " -u " + user_dictionary;
    }
    impl_->args = std::move(args);
    impl_->who = std::move(who);
    const auto canonical = std::filesystem::weakly_canonical(dicdir, ec);
    name_ = (ec ? std::filesystem::path(dicdir) : canonical).filename().string();
    if (!user_dictionary.empty()) {
        name_ += "+policy-" + content_hash(user_dictionary);
    }
    if (!on_first_use) {
        std::call_once(impl_->loaded, [this] { load(); });
    }
}

void MecabTagger::load() const {
    Impl& m = *impl_;
    m.model.reset(MeCab::createModel(m.args.c_str()));
    if (!m.model) {
        throw SetupError(m.who + MeCab::getLastError());
    }
    const MeCab::DictionaryInfo* info = m.model->dictionary_info();
    if (info == nullptr || info->charset == nullptr || !iequals(info->charset, "utf-8")) {
        throw SetupError(m.who + "dictionary is not UTF-8 (charset " +
                         (info != nullptr && info->charset != nullptr ? info->charset : "?") + ")");
    }
    m.tagger.reset(m.model->createTagger());
    if (!m.tagger) {
        throw SetupError(m.who + MeCab::getLastError());
    }
    if (parse_loaded("日本語").empty()) {
        throw SetupError(m.who + "smoke parse of 日本語 returned nothing");
    }
}

MecabTagger::~MecabTagger() = default;

std::vector<Morpheme> MecabTagger::parse(std::string_view text) const {
    if (text.empty()) {
        return {};
    }
    // A throw leaves the flag unset: the next parse tries again, and throws again.
    std::call_once(impl_->loaded, [this] { load(); });
    return parse_loaded(text);
}

std::vector<Morpheme> MecabTagger::parse_loaded(std::string_view text) const {
    std::vector<Morpheme> out;
    std::unique_ptr<MeCab::Lattice> lattice = impl_->take_lattice();
    lattice->set_sentence(text.data(), text.size());  // length overload: never stops at NUL
    if (!impl_->tagger->parse(lattice.get())) {
        throw std::runtime_error(std::string("MeCab parse failed: ") + lattice->what());
    }
    for (const MeCab::Node* node = lattice->bos_node(); node != nullptr; node = node->next) {
        if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE || node->length == 0) {
            continue;
        }
        Morpheme m;
        m.begin = static_cast<std::size_t>(node->surface - text.data());
        m.end = m.begin + node->length;
        m.part_of_speech = feature_field(node->feature, feature_pos);
        m.subtype = feature_field(node->feature, feature_subtype);
        const std::string_view base = feature_field(node->feature, feature_base_form);
        if (!base.empty() && base != "*") {
            m.base_form = base;
        }
        m.unknown = node->stat == MECAB_UNK_NODE;
        m.left_id = node->lcAttr;
        m.right_id = node->rcAttr;
        m.parts = parse_parts(feature_field(node->feature, feature_parts));
        out.push_back(std::move(m));
    }
    impl_->give_back(std::move(lattice));
    return out;
}

}  // namespace seisaku::analysis
