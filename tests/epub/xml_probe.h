// Reading the EPUB's XML parts back in tests: libxml2 with no network and no
// entity loading, XPath with the EPUB namespaces registered under the
// prefixes h (XHTML), epub, opf, dc, ncx and c (container).
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <vector>

namespace galley::test {

class XmlProbe {
public:
    /// Parses `bytes`; `ok()` says whether it was well-formed.
    XmlProbe(const std::string& bytes, std::string name);
    ~XmlProbe();
    XmlProbe(const XmlProbe&) = delete;
    XmlProbe& operator=(const XmlProbe&) = delete;

    bool ok() const { return doc_ != nullptr; }
    const std::string& errors() const { return errors_; }
    const std::string& name() const { return name_; }
    xmlNode* root() const;

    /// Nodes matching `xpath` (elements or attributes), in document order.
    std::vector<xmlNode*> all(const std::string& xpath) const;
    /// The string value of `xpath` ("" when nothing matches).
    std::string value(const std::string& xpath) const;
    /// How many nodes match.
    std::size_t count(const std::string& xpath) const { return all(xpath).size(); }

private:
    xmlDoc* doc_ = nullptr;
    std::string name_;
    std::string errors_;
};

/// An attribute of `node` ("" when absent); `ns` is a namespace URI or null.
std::string attr(const xmlNode* node, const char* name, const char* ns = nullptr);
/// Whether `node` has the attribute.
bool has_attr(const xmlNode* node, const char* name, const char* ns = nullptr);
/// The text content of `node`.
std::string node_text(const xmlNode* node);
/// The words of the text under `node` in document order: block elements and
/// <br> separate words, inline elements (em, strong, a, span, sub, sup,
/// small, time) do not.
std::vector<std::string> words_of(const xmlNode* node);
/// Splits at ASCII white space and line feeds.
std::vector<std::string> split_words(const std::string& text);

inline constexpr const char* kXmlNs = "http://www.w3.org/XML/1998/namespace";
inline constexpr const char* kOpsNs = "http://www.idpf.org/2007/ops";

}  // namespace galley::test
