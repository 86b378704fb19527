// SPDX-License-Identifier: MIT
#include "document/boilerplate_words.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "document/boilerplate_forms.hpp"
#include "text/ascii.hpp"

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

}  // namespace

bool is_anywhere_phrase(std::string_view folded) {
    return is_one_of(folded, anywhere_phrases);
}

bool is_site_phrase(std::string_view folded) {
    return is_one_of(folded, site_phrases);
}

bool has_site_mark(std::string_view folded) {
    return contains_one_of(folded, site_marks);
}

bool starts_like_site(std::string_view folded) {
    return starts_with_one_of(folded, site_starts);
}

bool is_related_head(std::string_view folded) {
    return is_one_of(folded, related_heads) ||
           (folded.ends_with(":") && is_one_of(folded.substr(0, folded.size() - 1), related_heads));
}

bool starts_contact_head(std::string_view folded) {
    return starts_with_one_of(folded, contact_heads);
}

bool has_publication_label(std::string_view folded) {
    return contains_one_of(folded, date_labels);
}

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

}  // namespace seisaku::document
