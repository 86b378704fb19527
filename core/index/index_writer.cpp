// SPDX-License-Identifier: MIT
#include "index/index_writer.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <xapian.h>

#include <cerrno>
#include <exception>
#include <utility>

#include "analysis/analyzer.hpp"
#include "error.hpp"
#include "glossary/name_terms.hpp"
#include "glossary/term_bank.hpp"
#include "index/compaction.hpp"
#include "index/document_terms.hpp"
#include "schema/index_info.hpp"
#include "schema/schema.hpp"
#include "schema/stored_record.hpp"
#include "schema/xapian_error.hpp"

namespace seisaku::index {
namespace fs = std::filesystem;
using schema::slot;
using schema::ValueSlot;

struct IndexWriter::Impl {
    const analysis::Analyzer& analyzer;
    glossary::NameFinder names;
    Xapian::WritableDatabase db;
    std::string path;
    unsigned commit_every = 1000;
    unsigned pending = 0;   ///< documents added or removed in the open batch
    bool in_batch = false;  ///< a transaction is open
    unsigned commits = 0;

    /// Opens the batch's transaction before its first change.
    void begin_change() {
        if (!in_batch) {
            db.begin_transaction();
            in_batch = true;
        }
    }
};

namespace {

ino_t inode_of(const fs::path& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

Xapian::WritableDatabase open_writable(const fs::path& db_path, bool overwrite, bool wait) {
    const std::string shown = db_path.string();
    std::error_code ec;
    if (fs::exists(db_path, ec) && !fs::is_directory(db_path, ec)) {
        throw IndexError(ExitCode::CantCreate,
                         "cannot open index \"" + shown + "\": it is a file, not a folder");
    }
    if (!fs::exists(db_path, ec)) {
        fs::create_directories(db_path, ec);
        if (ec) {
            throw IndexError(ExitCode::CantCreate,
                             "cannot create index folder \"" + shown + "\": " + ec.message());
        }
    }
    // A WritableDatabase in a folder we cannot write reports a lock error; say what it is.
    if (::access(db_path.c_str(), W_OK) != 0) {
        throw IndexError(ExitCode::NoPermission,
                         "cannot open index \"" + shown + "\": the folder is not writable");
    }
    const int retry = wait ? Xapian::DB_RETRY_LOCK : 0;  // block until the other writer is done
    try {
        // A compaction moves a new folder to this path (compaction.hpp). If it did while this
        // writer waited for the lock, the lock taken is the old folder's: open again.
        for (;;) {
            const ino_t before = inode_of(db_path);
            Xapian::WritableDatabase db(shown, Xapian::DB_CREATE_OR_OPEN | retry);
            if (inode_of(db_path) == before) {
                return db;
            }
            db.close();
        }
    } catch (const Xapian::DatabaseLockError& e) {
        throw schema::index_error(e, "cannot open", shown);
    } catch (const Xapian::Error& e) {
        if (!overwrite) {
            throw schema::index_error(e, "cannot open", shown);
        }
        // --overwrite of an index that does not open (damaged, another format): Xapian's
        // overwrite, which is not crash safe, is the only way left.
    }
    try {
        return Xapian::WritableDatabase(shown, Xapian::DB_CREATE_OR_OVERWRITE | retry);
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot open", shown);
    }
}

/// The spelling words of the document stored under `id_term` (before it is replaced).
std::vector<std::string> stored_spelling(const Xapian::Database& db, const std::string& id_term) {
    std::vector<std::string> out;
    const Xapian::PostingIterator p = db.postlist_begin(id_term);
    if (p == db.postlist_end(id_term)) {
        return out;
    }
    const Xapian::Document old = db.get_document(*p);
    for (auto t = old.termlist_begin(); t != old.termlist_end(); ++t) {
        if (is_spelling_word(*t)) {
            out.push_back(*t);
        }
    }
    return out;
}

}  // namespace

IndexWriter::IndexWriter(const fs::path& db_path, const analysis::Analyzer& analyzer,
                         const WriterOptions& options)
    : impl_(std::make_unique<Impl>(
          Impl{analyzer,
               glossary::NameFinder::of(
                   options.bank != nullptr ? *options.bank : glossary::TermBank::builtin(analyzer),
                   analyzer),
               open_writable(db_path, options.overwrite, options.wait_for_lock), db_path.string(),
               options.commit_every == 0 ? 1U : options.commit_every, 0, false, 0})) {
    remove_compaction_folder(db_path);  // left by a killed run; the lock is ours now
    const schema::IndexInfo expected = schema::current_index_info(analyzer.dictionary_name());
    try {
        const schema::IndexInfo found = schema::read_index_info(impl_->db);
        if (impl_->db.get_doccount() > 0 && !options.overwrite) {
            schema::check_index_info(found, expected, impl_->path);
        }
        // The N terms of documents already indexed were made for the names the index
        // records: when this build's differ (a changed glossary), the index holds a mix and
        // says so with an empty record, and searches use phrases until a rebuild.
        const std::string names_found = impl_->db.get_metadata(std::string(schema::meta_names));
        const std::string names = impl_->db.get_doccount() == 0 || options.overwrite ||
                                          names_found == impl_->names.fingerprint()
                                      ? impl_->names.fingerprint()
                                      : std::string();
        // Written only when it differs: a run that changes nothing makes no new revision.
        if (found.schema != expected.schema || found.analyzer != expected.analyzer ||
            found.dictionary != expected.dictionary ||
            found.normalization != expected.normalization || names != names_found) {
            schema::write_index_info(impl_->db, expected);
            impl_->db.set_metadata(std::string(schema::meta_names), names);
            impl_->db.commit();  // a reader during the first run sees a seisaku index, empty
            ++impl_->commits;
        }
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot prepare", impl_->path);
    }
}

IndexWriter::~IndexWriter() = default;

Outcome IndexWriter::add(const document::Document& doc, const FileState& file) {
    return add(prepare_document(doc, file, impl_->analyzer, impl_->names));
}

const glossary::NameFinder& IndexWriter::names() const {
    return impl_->names;
}

Outcome IndexWriter::add(PreparedDocument&& prepared) {
    const std::string& id_term = prepared.id_term;
    try {
        impl_->begin_change();
        const bool existed = impl_->db.term_exists(id_term);
        const std::vector<std::string> old_spelling =
            existed ? stored_spelling(impl_->db, id_term) : std::vector<std::string>{};
        impl_->db.replace_document(id_term, prepared.xdoc);
        // Spelling frequencies count documents: a replaced document's words are taken back.
        // Synonyms are a set and stay; the searcher checks a suggestion finds something.
        for (const std::string& w : old_spelling) {
            impl_->db.remove_spelling(w);
        }
        for (const std::string& w : prepared.spelling) {
            impl_->db.add_spelling(w);
        }
        for (const auto& [key, word] : prepared.readings) {
            impl_->db.add_synonym(key, word);
        }
        if (++impl_->pending >= impl_->commit_every) {
            commit();
        }
        return existed ? Outcome::Updated : Outcome::Added;
    } catch (const Xapian::InvalidArgumentError& e) {
        // Something about this one document (a term Xapian refuses): skip it, go on.
        throw CorpusError("cannot be indexed: " + e.get_msg());
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot add \"" + prepared.id + "\" to", impl_->path);
    }
}

void IndexWriter::remove(const std::string& id_term) {
    try {
        impl_->begin_change();
        const std::vector<std::string> old_spelling = stored_spelling(impl_->db, id_term);
        impl_->db.delete_document(id_term);
        for (const std::string& w : old_spelling) {
            impl_->db.remove_spelling(w);
        }
        if (++impl_->pending >= impl_->commit_every) {
            commit();
        }
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot delete \"" + id_term.substr(1) + "\" from",
                                  impl_->path);
    }
}

std::unordered_map<std::string, std::optional<FileState>> IndexWriter::file_states() const {
    std::unordered_map<std::string, std::optional<FileState>> out;
    try {
        const std::string prefix(schema::prefix_id);
        std::unordered_map<Xapian::docid, std::string> id_of;
        for (auto t = impl_->db.allterms_begin(prefix); t != impl_->db.allterms_end(prefix); ++t) {
            const Xapian::PostingIterator p = impl_->db.postlist_begin(*t);
            if (p != impl_->db.postlist_end(*t)) {
                id_of.emplace(*p, *t);
            }
            out.emplace(*t, std::nullopt);
        }
        const Xapian::valueno state_slot = slot(ValueSlot::FileState);
        for (auto v = impl_->db.valuestream_begin(state_slot);
             v != impl_->db.valuestream_end(state_slot); ++v) {
            const auto id = id_of.find(v.get_docid());
            if (id != id_of.end()) {
                out[id->second] = decode_file_state(*v);
            }
        }
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot read", impl_->path);
    }
    return out;
}

namespace {

/// The index a commit is writing, for the terminate handler below.
std::string committing_path;  // NOLINT(cert-err58-cpp): set and read on the writer's thread

/// Xapian 1.4 can throw again from a destructor while a failed commit unwinds (seen with a
/// full disk: a DatabaseError inside the first one's cleanup), which ends the program through
/// std::terminate. The commit was not made, and Xapian's commits are atomic: say what
/// happened as a failed commit would, and exit with its code instead of aborting.
[[noreturn]] void on_terminate_in_commit() {
    std::string message = "cannot commit: internal error in Xapian";
    int code = 74;
    try {
        if (const std::exception_ptr e = std::current_exception()) {
            std::rethrow_exception(e);
        }
    } catch (const Xapian::Error& e) {
        const IndexError error = schema::index_error(e, "cannot commit", committing_path);
        message = error.what();
        code = static_cast<int>(error.code());
    } catch (...) {  // NOLINT(bugprone-empty-catch): the message above stands
    }
    const std::string line = std::string(program_invocation_short_name) + ": " + message + "\n";
    (void)!::write(STDERR_FILENO, line.data(), line.size());
    ::_exit(code);
}

/// Installs on_terminate_in_commit() for the length of a commit.
class CommitGuard {
  public:
    explicit CommitGuard(const std::string& path)
        : previous_(std::set_terminate(on_terminate_in_commit)) {
        committing_path = path;
    }
    ~CommitGuard() { std::set_terminate(previous_); }
    CommitGuard(const CommitGuard&) = delete;
    CommitGuard& operator=(const CommitGuard&) = delete;

  private:
    std::terminate_handler previous_;
};

}  // namespace

std::vector<IndexWriter::Listed> IndexWriter::list_documents() const {
    std::vector<Listed> out;
    try {
        const std::string prefix(schema::prefix_id);
        std::unordered_map<Xapian::docid, std::size_t> at;
        for (auto t = impl_->db.allterms_begin(prefix); t != impl_->db.allterms_end(prefix); ++t) {
            const Xapian::PostingIterator p = impl_->db.postlist_begin(*t);
            if (p != impl_->db.postlist_end(*t)) {
                at.emplace(*p, out.size());
                out.push_back({{}, *t, {}, {}});
            }
        }
        for (const auto& [slot_id, field] :
             {std::pair{slot(ValueSlot::Lang), &Listed::lang},
              std::pair{slot(ValueSlot::TranslationKey), &Listed::translation_key}}) {
            for (auto v = impl_->db.valuestream_begin(slot_id);
                 v != impl_->db.valuestream_end(slot_id); ++v) {
                if (const auto i = at.find(v.get_docid()); i != at.end()) {
                    out[i->second].*field = *v;
                }
            }
        }
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot read", impl_->path);
    }
    for (Listed& l : out) {
        l.id = l.id_term.substr(schema::prefix_id.size());
    }
    return out;
}

std::optional<std::pair<document::Document, std::vector<std::string>>> IndexWriter::stored(
    const std::string& id_term) const {
    try {
        const Xapian::PostingIterator p = impl_->db.postlist_begin(id_term);
        if (p == impl_->db.postlist_end(id_term)) {
            return std::nullopt;
        }
        const Xapian::Document doc = impl_->db.get_document(*p);
        std::vector<std::string> names;
        const std::string prefix(schema::prefix_name);
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            t.skip_to(prefix);
            if (t == doc.termlist_end() || !(*t).starts_with(prefix)) {
                break;
            }
            names.push_back((*t).substr(prefix.size()));
        }
        return std::pair{schema::decode_record(doc.get_data()), std::move(names)};
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot read", impl_->path);
    }
}

void IndexWriter::set_translation_key(const std::string& id_term, const std::string& key) {
    try {
        const Xapian::PostingIterator p = impl_->db.postlist_begin(id_term);
        if (p == impl_->db.postlist_end(id_term)) {
            return;
        }
        impl_->begin_change();
        Xapian::Document doc = impl_->db.get_document(*p);
        document::Document record = schema::decode_record(doc.get_data());
        record.translation_key = key;
        doc.set_data(schema::encode_record(record));
        doc.add_value(slot(ValueSlot::TranslationKey), key);
        impl_->db.replace_document(*p, doc);  // values and data only: terms stay as they are
        if (++impl_->pending >= impl_->commit_every) {
            commit();
        }
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot update", impl_->path);
    }
}

std::string IndexWriter::metadata(const std::string& key) const {
    try {
        return impl_->db.get_metadata(key);
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot read", impl_->path);
    }
}

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
    try {
        impl_->begin_change();
        impl_->db.set_metadata(key, value);
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot update", impl_->path);
    }
}

void IndexWriter::commit() {
    if (!impl_->in_batch) {
        return;  // nothing changed since the last commit
    }
    try {
        const CommitGuard guard(impl_->path);
        impl_->db.commit_transaction();
        impl_->in_batch = false;
        impl_->pending = 0;
        ++impl_->commits;
    } catch (const Xapian::Error& e) {
        throw schema::index_error(e, "cannot commit", impl_->path);
    }
}

CompactionResult IndexWriter::compact_and_close() {
    commit();
    CompactionResult result = compact_index(impl_->path);
    try {
        impl_->db.close();            // releases the lock (of the old folder, after an exchange)
    } catch (const Xapian::Error&) {  // NOLINT(bugprone-empty-catch): all is committed
    }
    if (result.done) {
        remove_compaction_folder(impl_->path);  // now the old index, which no one writes
    }
    return result;
}

unsigned IndexWriter::commits() const {
    return impl_->commits;
}

unsigned IndexWriter::document_count() const {
    return impl_->db.get_doccount();
}

}  // namespace seisaku::index
