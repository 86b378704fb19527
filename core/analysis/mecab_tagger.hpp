// SPDX-License-Identifier: MIT
// @brief The MeCab seam: the only file that includes <mecab.h> is mecab_tagger.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace seisaku::analysis {

/// One morpheme of IPADIC output.
struct Morpheme {
    std::size_t begin = 0;       ///< byte offset of the surface in the parsed text
    std::size_t end = 0;         ///< one past the surface
    std::string part_of_speech;  ///< IPADIC feature 0 (名詞, 助詞, ...)
    std::string subtype;         ///< IPADIC feature 1 (一般, 接尾, 非自立, ...)
    std::string base_form;       ///< IPADIC feature 6, or empty when the dictionary has "*"
    bool unknown = false;        ///< not in any dictionary: MeCab guessed it from character types
    std::uint16_t left_id = 0;   ///< left context id (left-id.def)
    std::uint16_t right_id = 0;  ///< right context id (right-id.def)
    /// For an entry of seisaku's user dictionary: the lengths in code points of the parts it
    /// is made of (feature 9, "4+1" for デジタル庁). Empty for every other morpheme.
    std::vector<std::uint32_t> parts;
};

/// A loaded MeCab model with a UTF-8 dictionary. parse() is safe to call from several
/// threads: it uses a fresh lattice per call (mecab.h: Tagger::parse(Lattice*) is thread safe).
class MecabTagger {
  public:
    /// Loads the system dictionary in `dicdir` and, unless `user_dictionary` is empty, that
    /// compiled user dictionary; checks they are UTF-8 and runs one smoke parse.
    /// Throws SetupError naming the file and MeCab's reason. With `on_first_use`, only checks
    /// that the files are there: the first parse() loads them (and throws what this would).
    explicit MecabTagger(const std::string& dicdir, const std::string& user_dictionary = {},
                         bool on_first_use = false);
    ~MecabTagger();
    MecabTagger(const MecabTagger&) = delete;
    MecabTagger& operator=(const MecabTagger&) = delete;

    /// Morphemes of `text`, which must be valid UTF-8 without NUL and short (the analyzer
    /// cuts it into chunks). Throws std::runtime_error if MeCab fails on it.
    [[nodiscard]] std::vector<Morpheme> parse(std::string_view text) const;

    /// A stable name of the dictionaries ("ipadic-utf8", or "ipadic-utf8+policy-1a2b3c4d" with
    /// a user dictionary, its content hash last), recorded in the index.
    [[nodiscard]] const std::string& dictionary_name() const noexcept { return name_; }

  private:
    /// Loads the dictionaries (the constructor, or the first parse() with on_first_use).
    void load() const;
    /// parse() once loaded; `text` not empty.
    [[nodiscard]] std::vector<Morpheme> parse_loaded(std::string_view text) const;

    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string name_;
};

/// Where Debian's mecab-ipadic-utf8 installs its dictionary.
inline constexpr std::string_view default_mecab_dicdir = "/var/lib/mecab/dic/ipadic-utf8";

}  // namespace seisaku::analysis
