// SPDX-License-Identifier: MIT
// @brief seisaku-pdftext: the text of one PDF, page by page, through poppler. The only file
// that includes poppler's headers. The indexer runs it in a child process under CPU, memory
// and time limits (core/document/pdf_text.cpp), so a hostile PDF costs one skipped file.
//
// Usage: seisaku-pdftext FILE.pdf   (or "-" to read the PDF from standard input)
//
// Standard output, UTF-8: the document's metadata title on the first line (an empty line when
// it has none), then for every page a form feed (\f) followed by the page's text. Form feeds
// in the text are written as spaces, and the title holds no line break, so the page marker is
// unambiguous. Nothing else is written to standard output.
//
// Exit status: 0 text written; 2 usage; 3 cannot read the file; 4 not a PDF or damaged;
// 5 encrypted (a password is needed); 6 no pages; 7 out of memory.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <cstdio>
#include <iostream>
#include <iterator>
#include <limits>
#include <memory>
#include <new>
#include <string>
#include <vector>

namespace {

enum Exit {
    Ok = 0,
    Usage = 2,
    CannotRead = 3,
    Damaged = 4,
    Encrypted = 5,
    NoPages = 6,
    NoMemory = 7
};

int fail(int code, const std::string& why) {
    std::cerr << "seisaku-pdftext: " << why << '\n';
    return code;
}

/// poppler's UTF-16 text as UTF-8, form feeds as spaces; also line breaks for a title.
std::string to_utf8(const poppler::ustring& text, bool one_line) {
    const poppler::byte_array bytes = text.to_utf8();
    std::string out(bytes.begin(), bytes.end());
    for (char& c : out) {
        if (c == '\f' || (one_line && (c == '\n' || c == '\r' || c == '\v'))) {
            c = ' ';
        }
    }
    return out;
}

void quiet(const std::string& /*message*/, void* /*closure*/) {}

int run(int argc, char** argv) {
    if (argc != 2) {
        return fail(Usage, "usage: seisaku-pdftext FILE.pdf (or - for standard input)");
    }
    poppler::set_debug_error_function(quiet, nullptr);  // damaged files log a lot
    const std::string path = argv[1];
    std::vector<char> bytes;  // poppler reads from them: they outlive the document
    std::unique_ptr<poppler::document> doc;
    if (path == "-") {
        bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        if (std::cin.bad()) {
            return fail(CannotRead, "cannot read standard input");
        }
        if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
            return fail(CannotRead, "larger than 2 GiB");
        }
        doc.reset(
            poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    } else {
        if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
            std::fclose(f);
        } else {
            return fail(CannotRead, "cannot open " + path);
        }
        doc.reset(poppler::document::load_from_file(path));
    }
    if (!doc) {
        return fail(Damaged, "not a PDF, or damaged");
    }
    if (doc->is_locked()) {
        return fail(Encrypted, "encrypted (a password is needed)");
    }
    const int pages = doc->pages();
    if (pages <= 0) {
        return fail(NoPages, "no pages");
    }
    std::cout << to_utf8(doc->get_title(), true) << '\n';
    for (int i = 0; i < pages; ++i) {
        std::cout << '\f';
        const std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (page) {  // a page that does not parse is an empty page: the numbers stay right
            std::cout << to_utf8(
                page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout), false);
        }
    }
    std::cout.flush();
    return std::cout ? Ok : fail(CannotRead, "cannot write the text");
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::bad_alloc&) {
        return fail(NoMemory, "out of memory");
    } catch (const std::exception& e) {
        return fail(Damaged, std::string("damaged: ") + e.what());
    }
}
