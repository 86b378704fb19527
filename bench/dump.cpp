// SPDX-License-Identifier: MIT
// @brief seisaku-dump: every document of an index as one JSON object a line (path, title,
// lang, date and where it came from, translation key, headings, body), for the scripts that
// measure what the indexer made of real files (bench/real-docs, bench/boilerplate); with
// --learned, the word translations the index learned from its translation pairs instead.
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <iostream>

#include "error.hpp"
#include "lexicon/learned.hpp"
#include "run_main.hpp"
#include "schema/schema.hpp"
#include "schema/stored_record.hpp"
#include "schema/xapian_error.hpp"

namespace {

struct Options {
    std::string db;
    bool body = true;
    bool learned = false;
};

/// The learned translations, best first: "JA TAB EN TAB SCORE TAB COUNT" lines.
void print_learned(const Xapian::Database& db) {
    const auto table = seisaku::lexicon::LearnedTranslations::decode(
        db.get_metadata(std::string(seisaku::schema::meta_learned)));
    for (const seisaku::lexicon::Learned& l : table.rows()) {
        std::cout << l.ja << '\t' << l.en << '\t' << l.score << '\t' << l.count << '\n';
    }
}

int run(const Options& o) {
    try {
        const Xapian::Database db(o.db);
        if (o.learned) {
            print_learned(db);
            return 0;
        }
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            const Xapian::Document xdoc = db.get_document(*it);
            const seisaku::document::Document d = seisaku::schema::decode_record(xdoc.get_data());
            nlohmann::ordered_json j;
            j["path"] = d.id;
            j["title"] = d.title;
            j["lang"] = d.lang;
            j["languages"] = d.languages;
            j["date"] = d.date;
            j["date_source"] = d.date_source;
            j["translation_key"] =
                xdoc.get_value(seisaku::schema::slot(seisaku::schema::ValueSlot::TranslationKey));
            nlohmann::ordered_json headings = nlohmann::ordered_json::array();
            for (const auto& h : d.headings) {
                headings.push_back({{"offset", h.offset},
                                    {"level", h.level},
                                    {"lines", h.lines},
                                    {"text", h.text}});
            }
            j["headings"] = std::move(headings);
            if (o.body) {
                j["body"] = d.body;
            }
            std::cout << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                      << '\n';
        }
    } catch (const Xapian::Error& e) {
        throw seisaku::schema::index_error(e, "cannot read", o.db);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Print every document of a seisaku index as JSON lines.", "seisaku-dump"};
    Options o;
    app.add_option("-D,--db", o.db, "index to read")->required();
    app.add_flag("!--no-body", o.body, "leave the bodies out");
    app.add_flag("--learned", o.learned,
                 "print the word translations learned from the index's translation pairs");
    return seisaku::cli::run_main(app, argc, argv, [&] { return run(o); });
}
