#include "layout/tag_positions.h"

namespace galley::layout {
namespace {

// A cursor over the text that keeps line and column.
class Cursor {
public:
    explicit Cursor(std::string_view text) : text_(text) {}

    bool done() const { return pos_ >= text_.size(); }
    char peek(std::size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
    bool starts_with(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }
    int line() const { return line_; }
    int column() const { return column_; }

    void advance(std::size_t n = 1) {
        for (std::size_t i = 0; i < n && pos_ < text_.size(); ++i, ++pos_) {
            if (text_[pos_] == '\n') {
                ++line_;
                column_ = 1;
            } else if ((static_cast<unsigned char>(text_[pos_]) & 0xC0) != 0x80) {
                ++column_;  // count characters, not UTF-8 continuation bytes
            }
        }
    }
    /// Moves just past the next occurrence of `end` (or to the end of text).
    void skip_past(std::string_view end) {
        while (!done() && !starts_with(end)) advance();
        advance(end.size());
    }
    void skip_blanks() {
        while (!done() && is_blank(peek())) advance();
    }
    std::string read_name() {
        std::string out;
        while (!done() && !is_blank(peek()) && peek() != '=' && peek() != '>' && peek() != '/') {
            out += peek();
            advance();
        }
        return out;
    }

    static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    int line_ = 1;
    int column_ = 1;
};

TagPosition read_start_tag(Cursor& c) {
    TagPosition tag;
    tag.line = c.line();
    tag.column = c.column();
    c.advance();  // '<'
    tag.name = c.read_name();
    while (!c.done()) {
        c.skip_blanks();
        if (c.peek() == '>') {
            c.advance();
            break;
        }
        if (c.starts_with("/>")) {
            c.advance(2);
            break;
        }
        AttributePosition attr;
        attr.line = c.line();
        attr.column = c.column();
        attr.name = c.read_name();
        if (attr.name.empty()) {  // not well-formed: give up on this tag
            c.advance();
            continue;
        }
        c.skip_blanks();
        if (c.peek() == '=') c.advance();
        c.skip_blanks();
        char quote = c.peek();
        if (quote == '"' || quote == '\'') {
            c.advance();
            attr.value_line = c.line();
            attr.value_column = c.column();
            while (!c.done() && c.peek() != quote) c.advance();
            c.advance();
        } else {
            attr.value_line = c.line();
            attr.value_column = c.column();
        }
        tag.attributes.push_back(std::move(attr));
    }
    return tag;
}

}  // namespace

const AttributePosition* TagPosition::attribute(std::string_view attr_name) const {
    for (const AttributePosition& a : attributes)
        if (a.name == attr_name) return &a;
    return nullptr;
}

std::vector<TagPosition> scan_start_tags(std::string_view xml) {
    std::vector<TagPosition> tags;
    Cursor c(xml);
    while (!c.done()) {
        if (c.peek() != '<') {
            c.advance();
        } else if (c.starts_with("<!--")) {
            c.skip_past("-->");
        } else if (c.starts_with("<![CDATA[")) {
            c.skip_past("]]>");
        } else if (c.starts_with("<?")) {
            c.skip_past("?>");
        } else if (c.starts_with("<!") || c.starts_with("</")) {
            c.skip_past(">");
        } else {
            tags.push_back(read_start_tag(c));
        }
    }
    return tags;
}

}  // namespace galley::layout
