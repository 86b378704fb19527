// SPDX-License-Identifier: MIT
#include "query/query_lexer.hpp"

#include <algorithm>

#include "query/query_syntax.hpp"

namespace seisaku::query::lexing {
namespace {

/// Quote pairs: ASCII, curly double quotes, and Japanese corner brackets.
struct QuotePair {
    std::string_view open;
    std::string_view close;
};
constexpr QuotePair quotes[] = {
    {"\"", "\""},
    {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
    {"\xE3\x80\x8C", "\xE3\x80\x8D"},  // 「 」
    {"\xE3\x80\x8E", "\xE3\x80\x8F"},  // 『 』
};

const QuotePair* quote_at(std::string_view s) {
    for (const QuotePair& q : quotes) {
        if (s.starts_with(q.open)) {
            return &q;
        }
    }
    return nullptr;
}

/// "NEAR", "NEAR/5": the window, or 0 when `word` is not a NEAR operator.
std::uint32_t near_window(std::string_view word) {
    if (word == "NEAR") {
        return default_near_window;
    }
    if (!word.starts_with("NEAR/") || word.size() == 5) {
        return 0;
    }
    std::uint32_t n = 0;
    for (const char c : word.substr(5)) {
        if (c < '0' || c > '9') {
            return 0;
        }
        n = std::min<std::uint32_t>(n * 10 + static_cast<std::uint32_t>(c - '0'),
                                    max_near_window + 1);  // saturates: NEAR/99999 is 101
    }
    return std::max<std::uint32_t>(n, 1);
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

Lexeme Lexer::next() {
    while (pos_ < s_.size() && is_space(s_[pos_])) {
        ++pos_;
    }
    Lexeme lx;
    lx.offset = pos_;
    if (pos_ >= s_.size()) {
        return lx;
    }
    if (s_[pos_] == '(') {
        ++pos_;
        lx.kind = Lex::Open;
        return lx;
    }
    if (s_[pos_] == ')') {
        ++pos_;
        lx.kind = Lex::Close;
        return lx;
    }
    read_sign_and_field(lx);
    if (read_phrase(lx)) {
        return lx;
    }
    if (s_[pos_] == '(') {
        lx.kind = Lex::Open;  // field:( ... ) or +( ... )
        ++pos_;
        return lx;
    }
    read_word(lx);
    return lx;
}

void Lexer::read_sign_and_field(Lexeme& lx) {
    if ((s_[pos_] == '+' || s_[pos_] == '-') && pos_ + 1 < s_.size() && !is_space(s_[pos_ + 1])) {
        lx.sign = s_[pos_++];
    }
    // field:
    const std::size_t colon = s_.find(':', pos_);
    for (const std::string_view field : fields) {
        if (colon == pos_ + field.size() && s_.substr(pos_, field.size()) == field &&
            colon + 1 < s_.size() && !is_space(s_[colon + 1])) {
            lx.field = field;
            pos_ = colon + 1;
        }
    }
}

bool Lexer::read_phrase(Lexeme& lx) {
    const QuotePair* q = quote_at(s_.substr(pos_));
    if (q == nullptr) {
        return false;
    }
    pos_ += q->open.size();
    const std::size_t end = s_.find(q->close, pos_);
    const std::size_t stop = end == std::string_view::npos ? s_.size() : end;
    lx.kind = Lex::Phrase;
    lx.text = s_.substr(pos_, stop - pos_);
    lx.closed = end != std::string_view::npos;
    pos_ = end == std::string_view::npos ? s_.size() : stop + q->close.size();
    return true;
}

void Lexer::read_word(Lexeme& lx) {
    const std::size_t start = pos_;
    while (pos_ < s_.size() && !is_space(s_[pos_]) && s_[pos_] != '(' && s_[pos_] != ')' &&
           quote_at(s_.substr(pos_)) == nullptr) {
        ++pos_;
    }
    lx.text = s_.substr(start, pos_ - start);
    lx.kind = Lex::Word;
    if (lx.sign != 0 || !lx.field.empty()) {
        return;
    }
    if (lx.text == "AND") {
        lx.kind = Lex::And;
    } else if (lx.text == "OR") {
        lx.kind = Lex::Or;
    } else if (lx.text == "NOT") {
        lx.kind = Lex::Not;
    } else if (const std::uint32_t w = near_window(lx.text); w != 0) {
        lx.kind = Lex::Near;
        lx.window = w;
    }
}

}  // namespace seisaku::query::lexing
