// SPDX-License-Identifier: MIT
#include "web/messages.hpp"

#include <array>

namespace seisaku::web {
namespace {

struct Entry {
    std::string_view key;
    std::string_view en;
    std::string_view ja;
};

// clang-format off
constexpr std::array<Entry, 49> entries = {{
    {"site", "seisaku", "seisaku 政策検索"},
    {"tagline", "Digital policy of Japan, the EU and their partners, in English and Japanese",
     "日本・EUと各国のデジタル政策を日英で横断検索"},
    {"search_label", "Search", "検索語"},
    {"search_button", "Search", "検索"},
    {"placeholder", "e.g. DFFT, 広島AIプロセス, submarine cables", "例：DFFT、広島AIプロセス、海底ケーブル"},
    {"lang_label", "Documents in", "文書の言語"},
    {"lang_all", "both languages", "両方"},
    {"lang_en", "English", "英語"},
    {"lang_ja", "Japanese", "日本語"},
    {"sort_label", "Order", "並び順"},
    {"sort_relevance", "most relevant", "関連度順"},
    {"sort_newest", "newest first", "新しい順"},
    {"sort_oldest", "oldest first", "古い順"},
    {"count", "About {} results", "約{}件"},
    {"count_exact", "{} results", "{}件"},
    {"count_documents", " ({} documents)", "（{}文書）"},
    {"count_documents_about", " (about {} documents)", "（約{}文書）"},
    {"count_for", "for", "検索語："},
    {"no_results", "No documents match. Try fewer or other words, or both languages.",
     "一致する文書はありません。語を減らすか、別の語や言語でお試しください。"},
    {"did_you_mean", "Did you mean", "もしかして"},
    {"also_in", "Also in", "他言語版"},
    {"source", "official source", "公式資料"},
    {"passage", "Passage", "該当箇所"},
    {"facets", "Refine", "絞り込み"},
    {"facet_lang", "Language", "言語"},
    {"facet_year", "Year", "年"},
    {"facet_issuer", "Issuer", "発行元"},
    {"facet_type", "Type", "種類"},
    {"facet_topic", "Topic", "トピック"},
    {"remove_filter", "remove", "解除"},
    {"filters", "Filters", "適用中の条件"},
    {"pages", "Pages", "ページ"},
    {"previous", "Previous", "前へ"},
    {"next", "Next", "次へ"},
    {"page_of", "Page {}", "{}ページ目"},
    {"switch_language", "日本語", "English"},
    {"note", "Note", "注記"},
    {"error_title", "Something went wrong", "エラー"},
    {"error_400", "The request could not be understood.", "リクエストを解釈できませんでした。"},
    {"error_405", "Only GET and HEAD requests are accepted.", "GET と HEAD のリクエストのみ受け付けます。"},
    {"error_414", "The request is too long.", "リクエストが長すぎます。"},
    {"error_500", "The search is not available right now.", "現在検索を利用できません。"},
    {"error_503", "The search took too long or is busy. Please try again.",
     "検索に時間がかかりすぎたか、混み合っています。もう一度お試しください。"},
    {"back", "Back to the search page", "検索ページに戻る"},
    {"since_label", "From", "期間（開始）"},
    {"until_label", "Until", "期間（終了）"},
    {"feed", "Newest results as a feed", "新着結果のフィード"},
    {"nothing_to_search", "That query has no words to search for. Try a word or a name.",
     "検索できる語がありません。語や名称を入力してください。"},
    {"lexicon_credit", "Words were also searched in the other language through EDICT, the dictionary of the Electronic Dictionary Research and Development Group, used under its licence (CC BY-SA).",
     "語はもう一方の言語でも検索しました。訳語は電子辞書研究開発グループ（EDRDG）の辞書 EDICT によるもので、そのライセンス（CC BY-SA）に従って使っています。"},
}};
// clang-format on

}  // namespace

std::string_view message(std::string_view hl, std::string_view key) {
    for (const Entry& e : entries) {
        if (e.key == key) {
            return hl == "ja" ? e.ja : e.en;
        }
    }
    return key;
}

std::string_view message_keys() {
    static const std::string keys = [] {
        std::string out;
        for (const Entry& e : entries) {
            out += std::string(e.key) + "\n";
        }
        return out;
    }();
    return keys;
}

std::string format_message(std::string_view pattern, std::string_view value) {
    std::string out(pattern);
    if (const std::size_t at = out.find("{}"); at != std::string::npos) {
        out.replace(at, 2, value);
    }
    return out;
}

}  // namespace seisaku::web
