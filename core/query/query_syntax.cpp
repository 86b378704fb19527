// SPDX-License-Identifier: MIT
#include "query/query_syntax.hpp"

#include "error.hpp"

namespace seisaku::query {
namespace {

enum class Lex { Word, Phrase, Open, Close, And, Or, Not, End };

struct Lexeme {
    Lex kind = Lex::End;
    std::string text;
    std::string field;
    char sign = 0;  ///< '+' or '-' in front, or 0
    std::size_t offset = 0;
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

constexpr std::string_view open_bracket = "\xE3\x80\x8C";   // 「 U+300C LEFT CORNER BRACKET
constexpr std::string_view close_bracket = "\xE3\x80\x8D";  // 」 U+300D RIGHT CORNER BRACKET

class Lexer {
  public:
    explicit Lexer(std::string_view s) : s_(s) {}

    Lexeme next() {
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
        if ((s_[pos_] == '+' || s_[pos_] == '-') && pos_ + 1 < s_.size() &&
            !is_space(s_[pos_ + 1])) {
            lx.sign = s_[pos_++];
        }
        // field:
        const std::size_t colon = s_.find(':', pos_);
        for (const std::string_view field : {"title", "lang", "date"}) {
            if (colon == pos_ + field.size() && s_.substr(pos_, field.size()) == field &&
                colon + 1 < s_.size() && !is_space(s_[colon + 1])) {
                lx.field = field;
                pos_ = colon + 1;
            }
        }
        if (s_[pos_] == '"' || s_.substr(pos_).starts_with(open_bracket)) {
            const bool bracket = s_[pos_] != '"';
            pos_ += bracket ? open_bracket.size() : 1;
            const std::size_t end = bracket ? s_.find(close_bracket, pos_) : s_.find('"', pos_);
            const std::size_t stop = end == std::string_view::npos ? s_.size() : end;
            lx.kind = Lex::Phrase;
            lx.text = s_.substr(pos_, stop - pos_);
            pos_ = end == std::string_view::npos ? s_.size()
                                                 : stop + (bracket ? close_bracket.size() : 1);
            return lx;
        }
        if (s_[pos_] == '(') {
            lx.kind = Lex::Open;  // field:( ... ) or +( ... )
            ++pos_;
            return lx;
        }
        const std::size_t start = pos_;
        while (pos_ < s_.size() && !is_space(s_[pos_]) && s_[pos_] != '(' && s_[pos_] != ')' &&
               s_[pos_] != '"' && !s_.substr(pos_).starts_with(open_bracket)) {
            ++pos_;
        }
        lx.text = s_.substr(start, pos_ - start);
        lx.kind = Lex::Word;
        if (lx.sign == 0 && lx.field.empty()) {
            if (lx.text == "AND") {
                lx.kind = Lex::And;
            } else if (lx.text == "OR") {
                lx.kind = Lex::Or;
            } else if (lx.text == "NOT") {
                lx.kind = Lex::Not;
            }
        }
        return lx;
    }

  private:
    std::string_view s_;
    std::size_t pos_ = 0;
};

class Parser {
  public:
    explicit Parser(std::string_view s) : lexer_(s) { advance(); }

    QueryNode parse() {
        QueryNode root = parse_or();
        while (current_.kind != Lex::End) {  // stray ')' at top level: skip and go on
            advance();
            QueryNode more = parse_or();
            if (!more.children.empty()) {
                root.children.push_back(std::move(more));
            }
        }
        return root;
    }

  private:
    void advance() { current_ = lexer_.next(); }

    QueryNode parse_or() {
        QueryNode left = parse_and();
        if (current_.kind != Lex::Or) {
            return left;
        }
        QueryNode node;
        node.kind = NodeKind::Or;
        if (!left.children.empty()) {
            node.children.push_back(std::move(left));
        }
        while (current_.kind == Lex::Or) {
            advance();
            QueryNode right = parse_and();
            if (!right.children.empty()) {
                node.children.push_back(std::move(right));
            }
        }
        if (node.children.size() == 1) {
            return std::move(node.children.front());
        }
        QueryNode group;
        if (!node.children.empty()) {
            group.children.push_back(std::move(node));
        }
        return group;
    }

    QueryNode parse_and() {
        QueryNode group;
        bool and_pending = false;
        while (current_.kind != Lex::End && current_.kind != Lex::Or &&
               current_.kind != Lex::Close) {
            if (current_.kind == Lex::And) {
                and_pending = !group.children.empty();
                advance();
                continue;
            }
            QueryNode clause = parse_unary();
            if (clause.kind == NodeKind::Group && clause.children.empty()) {
                continue;
            }
            if (and_pending) {
                if (group.children.back().occur == Occur::Should) {
                    group.children.back().occur = Occur::Must;
                }
                if (clause.occur == Occur::Should) {
                    clause.occur = Occur::Must;
                }
                and_pending = false;
            }
            group.children.push_back(std::move(clause));
        }
        return group;
    }

    QueryNode parse_unary() {
        if (current_.kind == Lex::Not) {
            advance();
            if (current_.kind == Lex::End || current_.kind == Lex::Or ||
                current_.kind == Lex::Close || current_.kind == Lex::And) {
                return {};  // a NOT with nothing after it is dropped
            }
            QueryNode n = parse_unary();
            n.occur = Occur::MustNot;
            return n;
        }
        return parse_primary();
    }

    QueryNode parse_primary() {
        const Lexeme lx = current_;
        Occur occur = Occur::Should;
        if (lx.sign == '+') {
            occur = Occur::Must;
        } else if (lx.sign == '-') {
            occur = Occur::MustNot;
        }
        if (lx.kind == Lex::Open) {
            advance();
            QueryNode inner;
            if (depth_ < max_nesting) {
                ++depth_;
                inner = parse_or();
                --depth_;
            } else {
                inner = parse_and();  // too deep: flatten
            }
            if (current_.kind == Lex::Close) {
                advance();
            }
            inner.occur = occur;
            set_field(inner, lx.field);
            return inner;
        }
        advance();
        QueryNode n;
        n.kind = lx.kind == Lex::Phrase ? NodeKind::Phrase : NodeKind::Word;
        n.text = lx.text;
        n.field = lx.field;
        n.offset = lx.offset;
        n.occur = occur;
        if (n.text.empty()) {
            return {};
        }
        return n;
    }

    static void set_field(QueryNode& n, const std::string& field) {
        if (field.empty()) {
            return;
        }
        if (n.kind == NodeKind::Word || n.kind == NodeKind::Phrase) {
            if (n.field.empty()) {
                n.field = field;
            }
            return;
        }
        for (QueryNode& c : n.children) {
            set_field(c, field);
        }
    }

    Lexer lexer_;
    Lexeme current_;
    std::size_t depth_ = 0;
};

bool has_terms(const QueryNode& n) {
    if (n.kind == NodeKind::Word || n.kind == NodeKind::Phrase) {
        return true;
    }
    for (const QueryNode& c : n.children) {
        if (has_terms(c)) {
            return true;
        }
    }
    return false;
}

}  // namespace

QueryNode parse_query(std::string_view query) {
    // The builder checks what was typed against max_query_bytes; NFKC can grow text
    // (one ﷺ becomes 33 bytes), so the normalized form gets room to grow.
    if (query.size() > 4 * max_query_bytes) {
        throw QueryError("query too long after normalization (" + std::to_string(query.size()) +
                         " bytes, max " + std::to_string(4 * max_query_bytes) + ")");
    }
    QueryNode root = Parser(query).parse();
    if (!has_terms(root)) {
        throw QueryError("query has nothing to search for");
    }
    return root;
}

std::string describe(const QueryNode& node) {
    std::string out;
    if (node.occur == Occur::Must) {
        out += '+';
    } else if (node.occur == Occur::MustNot) {
        out += '-';
    }
    if (!node.field.empty()) {
        out += node.field + ":";
    }
    switch (node.kind) {
        case NodeKind::Word:
            out += node.text;
            break;
        case NodeKind::Phrase:
            out += "\"" + node.text + "\"";
            break;
        case NodeKind::Group:
        case NodeKind::Or: {
            out += '(';
            for (std::size_t i = 0; i < node.children.size(); ++i) {
                if (i > 0) {
                    out += node.kind == NodeKind::Or ? " OR " : " ";
                }
                out += describe(node.children[i]);
            }
            out += ')';
            break;
        }
    }
    return out;
}

}  // namespace seisaku::query
