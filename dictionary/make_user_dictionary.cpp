// SPDX-License-Identifier: MIT
// @brief Build tool: corpus/glossary.tsv in, the MeCab CSV of seisaku's user dictionary out.
// Usage: make_user_dictionary GLOSSARY.tsv OUT.csv
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "analysis/mecab_tagger.hpp"
#include "analysis/user_dictionary.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: make_user_dictionary GLOSSARY.tsv OUT.csv\n";
        return 2;
    }
    try {
        std::ifstream in(argv[1], std::ios::binary);
        if (!in) {
            std::cerr << "make_user_dictionary: cannot read " << argv[1] << "\n";
            return 66;
        }
        std::ostringstream tsv;
        tsv << in.rdbuf();
        const seisaku::analysis::MecabTagger system{
            std::string(seisaku::analysis::default_mecab_dicdir)};
        const auto words = seisaku::analysis::user_words(
            seisaku::analysis::glossary_japanese_names(tsv.str()), system);
        std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
        out << seisaku::analysis::user_dictionary_csv(words);
        if (!out.flush()) {
            std::cerr << "make_user_dictionary: cannot write " << argv[2] << "\n";
            return 73;
        }
        std::cout << "make_user_dictionary: " << words.size() << " policy terms\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "make_user_dictionary: " << e.what() << "\n";
        return 1;
    }
}
