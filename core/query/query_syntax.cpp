// SPDX-License-Identifier: MIT
#include "query/query_syntax.hpp"

#include <algorithm>

#include "error.hpp"
#include "query/query_lexer.hpp"

namespace seisaku::query {
namespace {

using lexing::Lex;
using lexing::Lexeme;

class Parser {
  public:
    Parser(std::string_view s, std::vector<QueryNote>& notes) : lexer_(s), notes_(notes) {
        advance();
    }

    QueryNode parse() {
        QueryNode root = parse_or();
        while (current_.kind != Lex::End) {  // stray ')' at top level: skip and go on
            note(current_.offset, "a ) without its ( was ignored");
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

    void note(std::size_t offset, std::string message) {
        if (notes_.size() < max_notes) {
            notes_.push_back({offset, std::move(message)});
        }
    }
    static constexpr std::size_t max_notes = 8;

    QueryNode parse_or() {
        QueryNode left = parse_and();
        if (current_.kind != Lex::Or) {
            return left;
        }
        QueryNode node;
        node.kind = NodeKind::Or;
        if (!left.children.empty()) {
            node.children.push_back(std::move(left));
        } else {
            note(current_.offset, "OR with nothing before it was ignored");
        }
        while (current_.kind == Lex::Or) {
            const std::size_t at = current_.offset;
            advance();
            QueryNode right = parse_and();
            if (!right.children.empty()) {
                node.children.push_back(std::move(right));
            } else {
                note(at, "OR with nothing after it was ignored");
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
               (current_.kind != Lex::Close || flat_opens_ > 0)) {
            if (current_.kind == Lex::Close) {  // closes an ignored (
                --flat_opens_;
                advance();
                continue;
            }
            if (current_.kind == Lex::And) {
                if (group.children.empty()) {
                    note(current_.offset, "AND with nothing before it was ignored");
                }
                and_pending = !group.children.empty();
                advance();
                continue;
            }
            if (current_.kind == Lex::Near) {
                note(current_.offset, "NEAR with nothing before it was ignored");
                advance();
                continue;
            }
            QueryNode clause = parse_near();
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

    /// a NEAR b NEAR/3 c: the words and phrases around NEAR operators, one Near node.
    QueryNode parse_near() {
        QueryNode left = parse_unary();
        if (current_.kind != Lex::Near) {
            return left;
        }
        const auto plain = [](const QueryNode& n) {
            return (n.kind == NodeKind::Word || n.kind == NodeKind::Phrase) && n.field.empty() &&
                   n.occur == Occur::Should && !n.wildcard;
        };
        QueryNode near;
        near.kind = NodeKind::Near;
        near.offset = current_.offset;
        std::vector<QueryNode> loose;  // clauses NEAR cannot take: searched as they are
        (plain(left) ? near.children : loose).push_back(std::move(left));
        while (current_.kind == Lex::Near) {
            const Lexeme op = current_;
            if (op.window > max_near_window) {
                note(op.offset, "NEAR/n takes n up to " + std::to_string(max_near_window) + "; " +
                                    std::to_string(max_near_window) + " was used");
            }
            near.window = std::max(near.window, std::min(op.window, max_near_window));
            advance();
            if (current_.kind == Lex::End || current_.kind == Lex::Or ||
                current_.kind == Lex::Close || current_.kind == Lex::And ||
                current_.kind == Lex::Near) {
                note(op.offset, "NEAR with nothing after it was ignored");
                break;
            }
            QueryNode right = parse_unary();
            (plain(right) ? near.children : loose).push_back(std::move(right));
        }
        if (!loose.empty()) {
            note(near.offset,
                 "NEAR joins plain words and phrases only; the rest was searched "
                 "as usual");
        }
        if (near.children.size() < 2) {
            for (QueryNode& n : near.children) {
                loose.push_back(std::move(n));
            }
            near.children.clear();
        }
        if (loose.empty()) {
            return near;
        }
        QueryNode group;
        if (!near.children.empty()) {
            group.children.push_back(std::move(near));
        }
        for (QueryNode& n : loose) {
            if (!(n.kind == NodeKind::Group && n.children.empty())) {
                group.children.push_back(std::move(n));
            }
        }
        return group;
    }

    QueryNode parse_unary() {
        if (current_.kind == Lex::Not) {
            const std::size_t at = current_.offset;
            advance();
            if (current_.kind == Lex::End || current_.kind == Lex::Or ||
                current_.kind == Lex::Close || current_.kind == Lex::And ||
                current_.kind == Lex::Near) {
                note(at, "NOT with nothing after it was ignored");
                return {};
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
            if (depth_ >= max_nesting) {
                // Too deep: this ( is ignored, and so is the ) that closes it, so the
                // parser's depth stays bounded whatever is typed.
                if (!flatten_noted_) {
                    note(lx.offset, "parentheses nested deeper than " +
                                        std::to_string(max_nesting) + " were flattened");
                    flatten_noted_ = true;
                }
                ++flat_opens_;
                return {};
            }
            ++depth_;
            QueryNode inner = parse_or();
            --depth_;
            if (current_.kind == Lex::Close) {
                advance();
            } else {
                note(lx.offset, "a ( was not closed; it closes at the end");
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
        if (lx.kind == Lex::Phrase && !lx.closed) {
            note(lx.offset, "a quote was not closed; the phrase runs to the end");
        }
        if (n.kind == NodeKind::Word && n.text.find('*') != std::string::npos) {
            wildcard(n);
        }
        if (n.text.empty()) {
            return {};
        }
        return n;
    }

    /// A trailing * makes a word a wildcard (polic* finds policy, policies); a * anywhere
    /// else is dropped, as is a lone *: bounded work whatever is typed.
    void wildcard(QueryNode& n) {
        const bool trailing = n.text.back() == '*';
        std::erase(n.text, '*');
        if (n.text.empty()) {
            note(n.offset, "a lone * matches nothing; it was ignored");
            return;
        }
        if (!trailing || n.text.find('*') != std::string::npos) {
            note(n.offset, "only a trailing * is a wildcard; the others were ignored");
        }
        if (trailing && !n.field.empty()) {
            note(n.offset, "a wildcard searches words of the text, not " + n.field +
                               ":; the word was searched as typed");
            return;
        }
        n.wildcard = trailing;
    }

    void set_field(QueryNode& n, const std::string& field) {
        if (field.empty()) {
            return;
        }
        if (n.kind == NodeKind::Word || n.kind == NodeKind::Phrase) {
            if (n.field.empty()) {
                n.field = field;
                if (n.wildcard) {  // title:(polic*): the field wins, the * goes
                    n.wildcard = false;
                    note(n.offset, "a wildcard searches words of the text, not " + field +
                                       ":; the word was searched as typed");
                }
            }
            return;
        }
        for (QueryNode& c : n.children) {
            set_field(c, field);
        }
    }

    lexing::Lexer lexer_;
    Lexeme current_;
    std::vector<QueryNote>& notes_;
    std::size_t depth_ = 0;
    std::size_t flat_opens_ = 0;  ///< ( ignored past max_nesting, whose ) are ignored too
    bool flatten_noted_ = false;
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

QueryNode parse_query(std::string_view query, std::vector<QueryNote>* notes) {
    // The builder checks what was typed against max_query_bytes; NFKC can grow text
    // (one ﷺ becomes 33 bytes), so the normalized form gets room to grow.
    if (query.size() > 4 * max_query_bytes) {
        throw QueryError("query too long after normalization (" + std::to_string(query.size()) +
                         " bytes, max " + std::to_string(4 * max_query_bytes) + ")");
    }
    std::vector<QueryNote> ignored;
    QueryNode root = Parser(query, notes != nullptr ? *notes : ignored).parse();
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
            out += node.text + (node.wildcard ? "*" : "");
            break;
        case NodeKind::Near: {
            out += '(';
            for (std::size_t i = 0; i < node.children.size(); ++i) {
                out += (i > 0 ? " NEAR/" + std::to_string(node.window) + " " : "") +
                       describe(node.children[i]);
            }
            out += ')';
            break;
        }
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
