// The one way EPUB parts are written: a small XML writer that escapes every
// text and attribute value, emits only the predefined entities (&amp; &lt;
// &gt; &quot;) and never a named HTML entity, and closes what it opens.
// Text passes through unchanged otherwise: no character is added or removed
// except those XML 1.0 cannot hold at all (C0 controls other than tab, line
// feed and carriage return, which the reader never lets through).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace galley::epub {

struct XmlAttribute {
    std::string name;
    std::string value;
};
using XmlAttributes = std::vector<XmlAttribute>;

class XmlWriter {
public:
    /// `<?xml version="1.0" encoding="UTF-8"?>` and a line feed.
    void declaration();
    /// A raw line such as `<!DOCTYPE html>`; the caller guarantees it is markup.
    void raw_line(std::string_view markup);

    /// Opens an element. Attributes with an empty name are skipped, which
    /// lets callers write optional attributes inline.
    void open(std::string_view name, const XmlAttributes& attributes = {});
    /// Closes the innermost open element.
    void close();
    /// A line feed, indentation for the enclosing depth, then close(): the
    /// end of a block whose children were each put on their own line.
    void close_line();
    /// `<name .../>`.
    void empty(std::string_view name, const XmlAttributes& attributes = {});
    /// Escaped character data.
    void text(std::string_view text);
    /// open + text + close.
    void element(std::string_view name, const XmlAttributes& attributes, std::string_view text);
    void element(std::string_view name, std::string_view text) { element(name, {}, text); }

    /// A line feed and indentation for the current depth. Use it only
    /// between block-level elements, where white space does not matter.
    void newline();

    std::size_t depth() const { return open_.size(); }
    /// The document so far; every element must be closed.
    std::string finish();

private:
    void start_tag(std::string_view name, const XmlAttributes& attributes);

    std::string out_;
    std::vector<std::string> open_;
};

/// `s` escaped for character data (& < >).
std::string escape_text(std::string_view s);
/// `s` escaped for a double-quoted attribute value (& < > ").
std::string escape_attribute(std::string_view s);

}  // namespace galley::epub
