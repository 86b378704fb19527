// SPDX-License-Identifier: MIT
#include "document/boilerplate.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "document/dates.hpp"
#include "document/outline.hpp"
#include "text/ascii.hpp"
#include "text/hash.hpp"
#include "text/normalize.hpp"
#include "text/numerals.hpp"
#include "text/script_runs.hpp"
#include "text/utf8.hpp"

namespace seisaku::document {
namespace {

/// Lines that are a site's whatever their place: they say where to go, never what happened.
constexpr auto anywhere_phrases = std::to_array<std::string_view>({"back to top",
                                                                   "page top",
                                                                   "top of page",
                                                                   "return to top",
                                                                   "to top",
                                                                   "go to top",
                                                                   "back to top of page",
                                                                   "ページの先頭へ",
                                                                   "ページの先頭へ戻る",
                                                                   "ページトップへ",
                                                                   "ページトップへ戻る",
                                                                   "ページのトップへ戻る",
                                                                   "このページの先頭へ",
                                                                   "このページの先頭へ戻る",
                                                                   "このページのトップへ",
                                                                   "このページのトップへ戻る",
                                                                   "先頭へ戻る",
                                                                   "トップへ戻る",
                                                                   "share",
                                                                   "share this page",
                                                                   "share this article",
                                                                   "share:",
                                                                   "print",
                                                                   "print this page",
                                                                   "印刷",
                                                                   "印刷する",
                                                                   "このページを印刷する",
                                                                   "tweet",
                                                                   "シェア",
                                                                   "ポスト",
                                                                   "facebookでシェア",
                                                                   "xでポスト",
                                                                   "lineで送る",
                                                                   "このページをシェアする",
                                                                   "ツイート",
                                                                   "top",
                                                                   "pagetop",
                                                                   "page top ▲"});

/// Words a site's header, menus and footer are made of (compared folded, whole line).
constexpr auto site_phrases = std::to_array<std::string_view>(
    {// skip links, menus, search
     "skip to main content", "skip to content", "skip navigation", "skip to navigation",
     "jump to navigation", "main navigation", "menu", "main menu", "open menu", "close menu",
     "close", "search", "search this site", "site search", "search the site", "home", "home page",
     "homepage", "top page", "sitemap", "site map", "contact", "contact us", "privacy",
     "privacy policy", "privacy notice", "privacy statement", "cookie policy", "cookies",
     "terms of use", "terms and conditions", "legal notice", "legal notices", "accessibility",
     "about us", "about", "about this site", "faq", "faqs", "help", "language", "languages",
     "select language", "change language", "follow us", "newsletter", "subscribe", "login",
     "log in", "sign in", "next", "previous", "next post", "previous post", "next article",
     "previous article", "read more", "more", "see more", "view all", "view more", "latest news",
     "related links", "related pages", "related content", "related news", "related articles",
     "related publications", "related information", "see also", "other news", "more news", "accept",
     "accept all", "accept all cookies", "reject", "reject all", "manage preferences",
     "cookie settings", "manage cookies", "careers", "jobs", "media", "social media", "rss",
     "facebook", "x", "twitter", "linkedin", "youtube", "instagram", "email", "e-mail", "mail",
     // Japanese sites
     "本文へ", "本文へスキップ", "本文へ移動", "本文へジャンプ", "メインコンテンツへ",
     "メインコンテンツへスキップ", "ナビゲーションをスキップ", "ナビゲーションをスキップして本文へ",
     "メニュー", "メニューを開く", "メニューを閉じる", "閉じる", "検索", "サイト内検索", "ホーム",
     "トップページ", "トップ", "サイトマップ", "お問い合わせ", "お問合せ", "問い合わせ",
     "ご意見・お問い合わせ", "プライバシーポリシー", "個人情報の取扱い", "個人情報の取扱いについて",
     "利用規約", "ご利用にあたって", "サイトの利用について", "このサイトについて",
     "ウェブアクセシビリティ", "アクセシビリティ", "ウェブアクセシビリティ方針", "文字サイズ",
     "文字の大きさ", "文字サイズ変更", "背景色", "背景色変更", "標準", "拡大", "関連リンク",
     "関連情報", "関連ページ", "関連記事", "新着情報", "よくある質問", "ソーシャルメディア", "sns",
     "リンク集", "english", "やさしい日本語"});

/// A line made of these alone is a language switch ("English | 日本語", "EN JA FR").
constexpr auto language_names = std::to_array<std::string_view>({"english",
                                                                 "日本語",
                                                                 "japanese",
                                                                 "français",
                                                                 "francais",
                                                                 "deutsch",
                                                                 "español",
                                                                 "espanol",
                                                                 "italiano",
                                                                 "português",
                                                                 "中文",
                                                                 "简体中文",
                                                                 "繁體中文",
                                                                 "한국어",
                                                                 "русский",
                                                                 "polski",
                                                                 "nederlands",
                                                                 "en",
                                                                 "ja",
                                                                 "jp",
                                                                 "fr",
                                                                 "de",
                                                                 "it",
                                                                 "es",
                                                                 "zh",
                                                                 "ko",
                                                                 "pt",
                                                                 "nl",
                                                                 "pl",
                                                                 "foreign language",
                                                                 "やさしい日本語",
                                                                 "language",
                                                                 "languages",
                                                                 "多言語"});

/// Parts of a line that mark it as a site's wherever they stand in it.
constexpr auto site_marks = std::to_array<std::string_view>(
    {"all rights reserved", "cookie", "クッキー", "法人番号", "javascript", "acrobat reader",
     "adobe reader", "pdfファイルをご覧いただくには", "pdf形式のファイルをご覧", "you are here",
     "現在位置", "現在地：", "現在のページ", "ページ番号", "last updated",
     "last update:", "最終更新"});

/// Line starts of a site's lines.
constexpr auto site_starts = std::to_array<std::string_view>({"©",
                                                              "(c) ",
                                                              "copyright",
                                                              "skip to",
                                                              "jump to",
                                                              "本文へ",
                                                              "ナビゲーションをスキップ",
                                                              "現在位置",
                                                              "現在地",
                                                              "you are here",
                                                              "page last updated",
                                                              "follow us on",
                                                              "share:",
                                                              "share this",
                                                              "share on",
                                                              "tags:",
                                                              "posted in ",
                                                              "filed under",
                                                              "« previous",
                                                              "previous post:",
                                                              "next post:",
                                                              "subscribe to",
                                                              "sign up for",
                                                              "このページをシェア",
                                                              "sns:",
                                                              "シェアする"});

/// A line that opens a list of other pages of the site: what follows it, to the next text,
/// is the site's.
constexpr auto related_heads = std::to_array<std::string_view>({"related links",
                                                                "related pages",
                                                                "related news",
                                                                "related articles",
                                                                "related content",
                                                                "related publications",
                                                                "related information",
                                                                "related posts",
                                                                "see also",
                                                                "latest news",
                                                                "more news",
                                                                "other news",
                                                                "recent posts",
                                                                "latest posts",
                                                                "you may also like",
                                                                "you might also be interested in",
                                                                "関連リンク",
                                                                "関連情報",
                                                                "関連ページ",
                                                                "関連記事",
                                                                "関連報道資料",
                                                                "関連ニュース",
                                                                "関連サイト",
                                                                "新着情報",
                                                                "最新情報",
                                                                "おすすめ情報",
                                                                "その他の報道発表"});

/// Words that make a date a publication's: "公開日：2024年2月14日", "Published on …".
constexpr auto date_labels = std::to_array<std::string_view>(
    {"公開日", "公表日", "発表日", "掲載日", "published", "date:", "日時", "開催日"});

/// A line that opens a release's own contact details: what follows stays.
constexpr auto contact_heads = std::to_array<std::string_view>(
    {"contact", "contacts", "contact:", "press contact", "press contacts", "media contact",
     "media contacts", "for more information", "inquiries", "enquiries", "問合せ先", "お問合せ先",
     "お問い合わせ先", "問い合わせ先", "担当", "照会先", "連絡先", "本件に関する問合せ先"});

/// Folded (NFKC, case folded), single spaces, lynx link numbers ("[12]Home") dropped.
std::string folded_line(std::string_view line) {
    std::string f = heading_text(text::fold(line));
    std::string out;
    out.reserve(f.size());
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f[i] == '[') {
            std::size_t j = i + 1;
            while (j < f.size() && f[j] >= '0' && f[j] <= '9') {
                ++j;
            }
            if (j > i + 1 && j < f.size() && f[j] == ']') {
                i = j;
                continue;
            }
        }
        out += f[i];
    }
    return heading_text(out);
}

template <std::size_t N>
bool is_one_of(std::string_view s, const std::array<std::string_view, N>& set) {
    return std::find(set.begin(), set.end(), s) != set.end();
}

template <std::size_t N>
bool contains_one_of(std::string_view s, const std::array<std::string_view, N>& set) {
    return std::any_of(set.begin(), set.end(),
                       [&](std::string_view n) { return s.find(n) != std::string_view::npos; });
}

template <std::size_t N>
bool starts_with_one_of(std::string_view s, const std::array<std::string_view, N>& set) {
    return std::any_of(set.begin(), set.end(),
                       [&](std::string_view n) { return s.starts_with(n); });
}

/// Splits on any of the separators given (each a string), dropping empty parts.
std::vector<std::string_view> split_any(std::string_view s,
                                        std::initializer_list<std::string_view> seps) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t len = 0;
        for (const std::string_view sep : seps) {
            if (s.substr(pos).starts_with(sep)) {
                len = sep.size();
                break;
            }
        }
        if (len == 0) {
            ++pos;
            continue;
        }
        if (const std::string_view part = text::trim_ascii(s.substr(start, pos - start));
            !part.empty()) {
            parts.push_back(part);
        }
        pos += len;
        start = pos;
    }
    if (const std::string_view part = text::trim_ascii(s.substr(start)); !part.empty()) {
        parts.push_back(part);
    }
    return parts;
}

bool is_home_word(std::string_view s) {
    return s == "home" || s == "top" || s == "ホーム" || s == "トップ" || s == "トップページ" ||
           s == "home page";
}

/// The parts of a breadcrumb line ("Home > News > Title", "ホーム＞報道発表＞…"): a bare '>'
/// separates only in a line without '<' (markup shown as text is not a path).
std::vector<std::string_view> crumbs(std::string_view f) {
    if (f.find('<') != std::string_view::npos || f.find('=') != std::string_view::npos) {
        return split_any(f, {" > ", " › ", " » ", " / "});
    }
    return split_any(f, {" > ", ">", " › ", "›", " » ", "»", " / ", "＞"});
}

/// "Home > News > Title", "ホーム＞報道発表＞…", "1. Home 2. News Releases 3. …".
bool is_breadcrumb(std::string_view f) {
    if (f.find_first_of(">/") == std::string_view::npos && f.find("›") == std::string_view::npos &&
        f.find("»") == std::string_view::npos && f.find("＞") == std::string_view::npos &&
        !f.starts_with("1. ")) {
        return false;  // no separator: not worth splitting
    }
    const std::vector<std::string_view> parts = crumbs(f);
    if (parts.size() >= 2) {
        const bool short_parts = std::all_of(parts.begin(), parts.end() - 1,
                                             [](std::string_view p) { return p.size() <= 60; });
        if (short_parts && (parts.size() >= 3 || is_home_word(parts.front()))) {
            return true;
        }
    }
    return f.starts_with("1. ") && f.find(" 2. ") != std::string_view::npos &&
           is_home_word(text::trim_ascii(f.substr(3, f.find(" 2. ") - 3)));
}

/// The last part of a breadcrumb: the page's own title, which stays.
std::string_view breadcrumb_leaf(std::string_view f) {
    const std::vector<std::string_view> parts = crumbs(f);
    if (parts.size() >= 2) {
        return parts.back();
    }
    const std::size_t n = f.rfind(". ");
    return n == std::string_view::npos ? std::string_view() : f.substr(n + 2);
}

/// "Privacy policy | Accessibility | Terms of use", "[3]English [4]やさしい日本語 [5]文字サイズ":
/// a line of links, most of them a site's words.
bool is_link_row(std::string_view folded, std::string_view raw) {
    if (folded.find_first_of("|/[") == std::string_view::npos &&
        folded.find("｜") == std::string_view::npos &&
        folded.find("・") == std::string_view::npos && raw.find('[') == std::string_view::npos) {
        return false;
    }
    std::vector<std::string_view> parts = split_any(folded, {"|", "｜", " / ", "・"});
    std::size_t markers = 0;
    for (std::size_t i = 0; i + 2 < raw.size(); ++i) {
        if (raw[i] == '[' && raw[i + 1] >= '0' && raw[i + 1] <= '9') {
            ++markers;
        }
    }
    if (markers >= 2) {  // a text dump's links: "[3]English [4]…"
        parts.clear();
        std::string_view rest = raw;
        while (!rest.empty()) {
            const std::size_t open = rest.find('[');
            if (open == std::string_view::npos) {
                break;
            }
            const std::size_t close = rest.find(']', open);
            const std::size_t next =
                close == std::string_view::npos ? std::string_view::npos : rest.find('[', close);
            if (close == std::string_view::npos) {
                break;
            }
            parts.push_back(text::trim_ascii(rest.substr(close + 1, next == std::string_view::npos
                                                                        ? std::string_view::npos
                                                                        : next - close - 1)));
            rest = next == std::string_view::npos ? std::string_view() : rest.substr(next);
        }
    }
    if (parts.size() < 2) {
        return false;
    }
    std::size_t site = 0;
    for (const std::string_view p : parts) {
        const std::string f = folded_line(p);
        site += is_one_of(f, site_phrases) || is_one_of(f, language_names) ||
                        is_one_of(f, anywhere_phrases)
                    ? 1
                    : 0;
    }
    return site * 2 >= parts.size();
}

bool is_language_switch(std::string_view f) {
    if (f.size() > 160) {
        return false;
    }
    const std::vector<std::string_view> parts = split_any(f, {" ", "|", "｜", "/", "・", ","});
    return !parts.empty() && std::all_of(parts.begin(), parts.end(), [](std::string_view p) {
        return is_one_of(p, language_names);
    });
}

/// "〒100-8919", "tel 03-...", "電話：03-..." at a line's start.
bool is_address_or_phone(std::string_view f) {
    if (f.starts_with("〒")) {
        return true;
    }
    for (const std::string_view lead : {"tel", "電話", "代表電話", "fax", "ファクシミリ"}) {
        if (f.starts_with(lead)) {
            const std::string_view rest = f.substr(lead.size(), 16);
            return std::any_of(rest.begin(), rest.end(),
                               [](char c) { return c >= '0' && c <= '9'; });
        }
    }
    return false;
}

/// Lines of a text dump's link list: "12. https://…", a bare URL.
bool is_link_list_line(std::string_view f) {
    std::size_t i = 0;
    while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
        ++i;
    }
    std::string_view rest = f.substr(i);
    if (i > 0 && rest.starts_with(". ")) {
        rest.remove_prefix(2);
    }
    return (rest.starts_with("http://") || rest.starts_with("https://")) &&
           rest.find(' ') == std::string_view::npos;
}

struct Counts {
    std::size_t words = 0;     ///< space-separated words
    std::size_t japanese = 0;  ///< kana and kanji code points
    std::size_t code_points = 0;
};

Counts count(std::string_view f) {
    Counts c;
    c.words = f.empty() ? 0 : 1 + static_cast<std::size_t>(std::count(f.begin(), f.end(), ' '));
    std::size_t pos = 0;
    while (pos < f.size()) {
        const char32_t cp = text::next_code_point(f, pos);
        ++c.code_points;
        if (text::classify(cp) == text::CharClass::Japanese) {
            ++c.japanese;
        }
    }
    return c;
}

bool ends_sentence(std::string_view f) {
    for (const std::string_view end :
         {".", "。", "!", "?", "！", "？", ".\"", ".)", "。」", "。）"}) {
        if (f.ends_with(end)) {
            return true;
        }
    }
    return false;
}

struct LineInfo {
    bool blank = true;
    std::string folded;
    bool anywhere = false;  ///< boilerplate wherever it stands
    bool site = false;      ///< a site's line by its words or form
    bool repeated = false;  ///< repeats across the folder
    bool linky = false;     ///< short, like a link or a menu item
    bool prose = false;     ///< a line of running text
    bool sentence = false;  ///< prose that ends a sentence (or too long to be anything else)
    bool dated = false;     ///< a short line with a date
    bool contact = false;   ///< opens a release's contact details
    bool attachment = false;
    bool structure = false;  ///< a law's part, chapter, article or caption: never the site's
    bool related = false;    ///< opens a list of the site's other pages ("Related links")
    bool details = false;    ///< contact details: an address, phone number or e-mail
};

/// "第五章 …", "第十条 …", "Chapter IV …", "Article 27 …", "(目的)": a law's structure.
bool is_structure_line(std::string_view f) {
    if (f.starts_with("第")) {
        const std::size_t pos = text::numeral_run_end(f, 3);
        const std::string_view rest = f.substr(pos);
        return pos > 3 &&
               (rest.starts_with("編") || rest.starts_with("章") || rest.starts_with("節") ||
                rest.starts_with("款") || rest.starts_with("条"));
    }
    for (const std::string_view word : {"part ", "chapter ", "section ", "article "}) {
        if (f.starts_with(word) && f.size() > word.size() &&
            ((f[word.size()] >= '0' && f[word.size()] <= '9') ||
             std::string_view("ivxlc").find(f[word.size()]) != std::string_view::npos)) {
            return true;
        }
    }
    return f.size() >= 3 && f.size() <= 160 && f.front() == '(' && f.back() == ')' &&
           f.find(')') == f.size() - 1 && f.find("http") == std::string_view::npos;
}

LineInfo describe(std::string_view line, const LineSet* repeated) {
    LineInfo info;
    info.folded = folded_line(line);
    const std::string& f = info.folded;
    if (f.empty()) {
        return info;
    }
    info.blank = false;
    const Counts c = count(f);
    const bool japanese = c.japanese * 2 >= c.code_points;
    info.anywhere = is_one_of(f, anywhere_phrases) ||
                    (f.size() <= 48 && (f.ends_with("一覧へ戻る") || f.ends_with("一覧に戻る") ||
                                        f.starts_with("back to list") || f.starts_with("« back")));
    // a law's structure, and the mark that ends a press release ("###", "以上")
    info.structure = is_structure_line(f) || f == "###" || f == "-###-" || f == "- ends -" ||
                     f == "ends" || f == "以上" || f == "(以上)" || f == "-end-";
    info.related =
        is_one_of(f, related_heads) ||
        (f.ends_with(":") && is_one_of(std::string_view(f).substr(0, f.size() - 1), related_heads));
    info.site = info.anywhere || info.related || is_one_of(f, site_phrases) ||
                contains_one_of(f, site_marks) || starts_with_one_of(f, site_starts) ||
                is_breadcrumb(f) || is_language_switch(f) || is_address_or_phone(f) ||
                is_link_list_line(f) || is_link_row(f, line);
    info.repeated = repeated != nullptr && repeated->contains(text::fnv1a64(f));  // line_key()
    std::string_view bare = f;
    for (const std::string_view mark :
         {"【", "〔", "[", "(", "（", "■", "●", "◆", "○", "◇", "＜", "<"}) {
        if (bare.starts_with(mark)) {
            bare.remove_prefix(mark.size());
        }
    }
    const bool contact_words = !bare.starts_with("contact us") &&
                               std::any_of(contact_heads.begin(), contact_heads.end(),
                                           [&](std::string_view h) { return bare.starts_with(h); });
    // a heading of contact details, or a line of them: "For more information, contact … at
    // press@…"
    info.contact = contact_words && (bare.size() <= 60 || f.find('@') != std::string::npos);
    info.details =
        f.find('@') != std::string::npos || is_address_or_phone(f) ||
        f.find("e-mail") != std::string::npos || f.find("email") != std::string::npos ||
        f.find("メール") != std::string::npos ||
        std::count_if(f.begin(), f.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) >= 8;
    info.attachment = f.find("pdf") != std::string::npos || f.find("添付") != std::string::npos ||
                      f.find("別紙") != std::string::npos || f.find("別添") != std::string::npos;
    const bool sentence = ends_sentence(f);
    info.prose =
        !info.site && (japanese ? c.code_points >= 28 || (sentence && c.code_points >= 12)
                                : (c.words >= 8 && f.size() >= 50) || (sentence && c.words >= 5));
    info.sentence =
        info.prose && (sentence || f.size() >= 160 || (japanese && c.code_points >= 60));
    info.dated = f.size() <= 80 &&
                 (std::any_of(f.begin(), f.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) ||
                  f.find("年") != std::string::npos) &&
                 !first_date_in_text(heading_text(line)).empty();
    info.linky = !info.prose && !sentence && !info.dated &&
                 (japanese ? c.code_points <= 24 : c.words <= 7 && f.size() <= 60);
    return info;
}

}  // namespace

std::uint64_t line_key(std::string_view line) {
    return text::fnv1a64(folded_line(line));
}

std::vector<bool> boilerplate_lines(const std::vector<std::string_view>& lines,
                                    const LineSet* repeated,
                                    std::optional<std::size_t> title_line) {
    const std::size_t n = lines.size();
    std::vector<bool> out(n, false);
    // Lines near the edges are looked at closely; the others only for "back to top" and the
    // like (short lines), so a long text costs little.
    std::vector<bool> edge(n, false);
    for (std::size_t i = 0, seen = 0; i < n && seen < boilerplate_edge_lines; ++i) {
        edge[i] = true;
        seen += text::trim_ascii(lines[i]).empty() ? 0 : 1;
    }
    for (std::size_t i = n, seen = 0; i-- > 0 && seen < boilerplate_edge_lines;) {
        edge[i] = true;
        seen += text::trim_ascii(lines[i]).empty() ? 0 : 1;
    }
    std::vector<LineInfo> info(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (edge[i]) {
            info[i] = describe(lines[i], repeated);
        } else if (const std::string_view t = text::trim_ascii(lines[i]); !t.empty()) {
            info[i].blank = false;
            info[i].prose = t.size() > 64;  // not an edge: what matters is that it is text
            info[i].sentence = info[i].prose;
            if (t.size() <= 64) {
                info[i].folded = folded_line(t);
                info[i].anywhere = is_one_of(info[i].folded, anywhere_phrases);
            }
        }
    }
    // A paragraph a text dump wrapped ("lynx -dump"): long lines that run on into the next
    // until one ends a sentence. Each of its lines is a line of prose.
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        std::string joined;
        while (j < n && edge[j] && !info[j].blank && !info[j].site &&
               (j == i || !ends_sentence(info[j - 1].folded)) &&
               (j == i || info[j - 1].folded.size() >= 40)) {
            joined += (joined.empty() ? "" : " ") + info[j].folded;
            ++j;
        }
        if (j > i + 1 && count(joined).words >= 8 &&
            (ends_sentence(joined) || joined.find(". ") != std::string::npos ||
             joined.find("。") != std::string::npos)) {
            for (std::size_t k = i; k < j; ++k) {
                info[k].prose = info[k].sentence = true;
                info[k].linky = false;
            }
        }
        i = std::max(j, i + 1);
    }
    // What repeats across the folder is the site's when it is short like a link; a long line
    // that repeats (a law's title line in every chunk of it) is text.
    // A contact heading is one when contact details follow it ("Contact us" in a footer is a
    // link); a list after a "Related links" heading is the site's, wherever it stands.
    for (std::size_t i = 0; i < n; ++i) {
        if (info[i].contact) {
            bool details = info[i].details;
            for (std::size_t j = i + 1, seen = 0; j < n && seen < 4 && !details; ++j) {
                if (!info[j].blank) {
                    details = info[j].details || info[j].folded.empty();
                    ++seen;
                }
            }
            // or the next line names who to ask: "International Strategy Team, Digital Agency"
            for (std::size_t j = i + 1; j < n && !details; ++j) {
                if (!info[j].blank) {
                    const Counts c = count(info[j].folded);
                    details = !info[j].site && (c.words >= 4 || c.japanese >= 8);
                    break;
                }
            }
            info[i].contact = details;
        }
        if (info[i].related) {
            for (std::size_t j = i + 1, seen = 0; j < n && seen < 15; ++j) {
                if (info[j].blank) {
                    continue;
                }
                if (info[j].sentence || info[j].structure || info[j].contact || info[j].related ||
                    (info[j].attachment && !info[j].repeated)) {
                    break;
                }
                out[j] = true;
                ++seen;
            }
        }
    }
    // The nearest non-blank line before (step -1) or after (step 1) line i.
    const auto neighbour = [&](std::size_t i, int step) -> std::optional<std::size_t> {
        for (std::size_t j = i; step < 0 ? j-- > 0 : ++j < n;) {
            if (!info[j].blank) {
                return j;
            }
        }
        return std::nullopt;
    };
    // A heading over attachments ("関連資料", "Attachments") is the release's, however often
    // the site repeats it; one over a text dump's list of links ("References") is the site's.
    for (std::size_t i = 0; i < n; ++i) {
        if (const auto next = neighbour(i, 1);
            !info[i].blank && info[i].linky && next && is_link_list_line(info[*next].folded)) {
            info[i].site = true;
        }
        if (const auto next = neighbour(i, 1); !info[i].blank && info[i].linky && next &&
                                               info[*next].attachment && !info[*next].site) {
            info[i].repeated = false;
            info[i].attachment = true;
        }
    }
    const auto certain = [&](std::size_t i) {
        return !info[i].structure &&
               (info[i].site || (info[i].repeated && (info[i].linky || !info[i].prose)));
    };
    std::optional<std::size_t> first_prose;
    std::optional<std::size_t> last_prose;
    for (std::size_t i = 0; i < n; ++i) {
        if (info[i].sentence && !info[i].repeated) {
            first_prose = first_prose.value_or(i);
            last_prose = i;
        }
        out[i] = out[i] || info[i].anywhere;
    }
    if (!first_prose) {  // no running text: only what is certain goes
        for (std::size_t i = 0; i < n; ++i) {
            out[i] = out[i] || (certain(i) && !info[i].dated && !info[i].contact);
        }
        return out;
    }

    // The head: what stands before the first line of prose.
    const std::size_t head_end = *first_prose;
    std::string_view leaf;  // a breadcrumb's last part: the title, which stays
    // A breadcrumb saved one part a line: "1. Home", "2. News", "3. <the title>".
    for (std::size_t i = 0; i < head_end; ++i) {
        if (!info[i].folded.starts_with("1. ") || !is_home_word(info[i].folded.substr(3))) {
            continue;
        }
        std::size_t expected = 2;
        std::size_t last = i;
        for (std::size_t j = i + 1; j < head_end && j <= i + 12; ++j) {
            if (info[j].blank) {
                continue;
            }
            const std::string number = std::to_string(expected) + ". ";
            if (!info[j].folded.starts_with(number) || info[j].sentence) {
                break;
            }
            last = j;
            ++expected;
        }
        if (last > i) {
            for (std::size_t j = i; j <= last; ++j) {
                info[j].site = true;
            }
            leaf =
                std::string_view(info[last].folded).substr(std::to_string(expected - 1).size() + 2);
        }
    }
    // Three short lines in a row that repeat across the folder are a menu.
    for (std::size_t i = 0; i < head_end;) {
        std::size_t j = i;
        std::vector<std::size_t> run;
        while (j < head_end && (info[j].blank || (info[j].repeated && info[j].linky))) {
            if (!info[j].blank) {
                run.push_back(j);
            }
            ++j;
        }
        if (run.size() >= 3) {
            for (const std::size_t k : run) {
                info[k].site = true;
            }
        }
        i = j + 1;
    }
    // Lines known by their form or words mark the site's part of the head; before the last
    // of them, what repeats across the folder or is short like a link goes with them.
    std::optional<std::size_t> last_site;
    for (std::size_t i = 0; i < head_end; ++i) {
        if (info[i].site) {
            last_site = i;
        }
        if (is_breadcrumb(info[i].folded)) {
            leaf = breadcrumb_leaf(info[i].folded);
        }
    }
    const auto is_leaf = [&](std::size_t i) { return !leaf.empty() && info[i].folded == leaf; };
    for (std::size_t i = 0; i < head_end; ++i) {
        const LineInfo& l = info[i];
        // a date among the site's lines is a link to an archive ("令和6年5月"); after them, the
        // title's
        const bool site_part = last_site && i < *last_site && (!title_line || i < *title_line);
        if (l.blank || (l.dated && !site_part && !l.site) || l.structure || is_leaf(i)) {
            continue;
        }
        // a date among them that stands alone is a post's (a list of dates is an archive's)
        const auto dated_at = [&](std::optional<std::size_t> j) { return j && info[*j].dated; };
        const bool labelled = contains_one_of(l.folded, date_labels);
        const bool dates_listed =
            l.dated && !labelled && (dated_at(neighbour(i, -1)) || dated_at(neighbour(i, 1)));
        if (l.site || ((l.repeated || l.linky || dates_listed) && site_part)) {
            out[i] = true;
        }
    }
    // After it, short or repeating lines before the title: a menu nobody named. When a line
    // that is no menu item (a long title) ends them, they go when they are three or more and
    // some repeat across the folder; when the title's date ends them, the title is among
    // them: all but the last two go when they are five or more.
    std::vector<std::size_t> after;
    bool ended_by_title = false;
    const bool menu_before_title = !title_line || !last_site || *last_site < *title_line;
    for (std::size_t i = last_site && menu_before_title ? *last_site + 1 : head_end; i < head_end;
         ++i) {
        if (out[i] || info[i].blank) {
            continue;
        }
        if (info[i].structure) {
            break;
        }
        if (info[i].dated && !info[i].repeated) {
            // the title's date; dates in a row are a list of links to archives
            std::size_t next = i + 1;
            while (next < head_end && info[next].blank) {
                ++next;
            }
            const bool listed = (next < head_end && info[next].dated) ||
                                (!after.empty() && info[after.back()].dated);
            if (!listed) {
                break;
            }
        }
        if (!info[i].linky && !info[i].repeated) {
            ended_by_title = true;
            break;
        }
        after.push_back(i);
    }
    const bool some_repeat =
        std::any_of(after.begin(), after.end(), [&](std::size_t i) { return info[i].repeated; });
    const std::size_t keep = ended_by_title ? 0 : 2;
    if ((ended_by_title && after.size() >= 3 && some_repeat) || after.size() >= 5) {
        for (std::size_t k = 0; k + keep < after.size(); ++k) {
            if (!is_leaf(after[k])) {
                out[after[k]] = true;
            }
        }
    }

    // The tail: what follows the last line of prose. From its first certain line on, what
    // is not a release's contact block or attachment goes.
    std::optional<std::size_t> footer;
    for (std::size_t i = *last_prose + 1; i < n; ++i) {
        if (certain(i) && !info[i].contact) {
            footer = i;
            break;
        }
    }

    bool in_contact = false;
    std::size_t contact_lines = 0;
    for (std::size_t i = *last_prose + 1; i < n; ++i) {
        const LineInfo& l = info[i];
        if (l.blank) {
            continue;
        }
        if (l.contact) {
            in_contact = true;
            contact_lines = 0;
            continue;
        }
        if (in_contact && ++contact_lines <= 12 &&
            !(l.site && !is_address_or_phone(l.folded) && !l.folded.starts_with("e-mail") &&
              !l.folded.starts_with("email"))) {
            continue;  // the release's own contact details
        }
        in_contact = false;
        if (certain(i)) {
            out[i] = true;
        } else if (footer && i > *footer && !(l.attachment && !l.repeated) && !l.dated) {
            out[i] = true;
        }
    }
    return out;
}

Stripped strip_boilerplate(std::string_view text, std::vector<Heading>& headings,
                           const LineSet* repeated) {
    std::vector<std::string_view> lines;
    std::vector<std::size_t> starts;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t eol = std::min(text.find('\n', pos), text.size());
        lines.push_back(text.substr(pos, eol - pos));
        starts.push_back(pos);
        if (eol == text.size()) {
            break;
        }
        pos = eol + 1;
    }
    // the line of the page's first <h1>: what follows it is the page's, whatever comes after
    std::optional<std::size_t> title_line;
    for (const Heading& h : headings) {
        if (h.level == 1 && h.lines != 0) {
            const auto at = std::upper_bound(starts.begin(), starts.end(), h.offset);
            title_line = static_cast<std::size_t>(at - starts.begin()) - 1;
            break;
        }
    }
    const std::vector<bool> drop = boilerplate_lines(lines, repeated, title_line);
    Stripped out;
    out.text.reserve(text.size());
    std::vector<Heading> kept;
    auto h = headings.begin();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::size_t end = starts[i] + lines[i].size();
        for (; h != headings.end() && h->offset <= end; ++h) {
            if (h->offset >= starts[i] && !drop[i]) {
                Heading moved = *h;
                moved.offset = out.text.size() + (h->offset - starts[i]);
                kept.push_back(std::move(moved));
            }
        }
        if (drop[i]) {
            ++out.dropped;
            continue;
        }
        out.text.append(lines[i]);
        if (i + 1 < lines.size()) {
            out.text += '\n';
        }
    }
    headings = std::move(kept);
    return out;
}

}  // namespace seisaku::document
