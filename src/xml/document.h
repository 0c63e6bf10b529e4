// Safe XML loading for untrusted input (articles, manifests) and trusted
// configuration (layouts) alike: parse from memory with no network, no
// entity expansion, no DTD loading, no XInclude, no gzip, and refuse any
// DOCTYPE. Problems become Diagnostics with file, line and column.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace galley::xml {

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

/// A parsed document. `file` is the name diagnostics use for it.
class Document {
public:
    Document(std::unique_ptr<xmlDoc, DocFree> doc, std::string file)
        : doc_(std::move(doc)), file_(std::move(file)) {}

    xmlDoc* get() const { return doc_.get(); }
    xmlNode* root() const { return xmlDocGetRootElement(doc_.get()); }
    const std::string& file() const { return file_; }

    /// A SourceLocation for `node` in this document (line known, column 0).
    SourceLocation where(const xmlNode* node) const;

private:
    std::unique_ptr<xmlDoc, DocFree> doc_;
    std::string file_;
};

/// Parses `bytes` (the whole file, already read with a size cap) as XML.
/// Every well-formedness error libxml2 reports is added to `diags` as
/// E-XML-MALFORMED at its line and column; a DOCTYPE is refused with
/// E-XML-DOCTYPE. Returns nothing when any error was found.
std::optional<Document> parse(std::string_view bytes, const std::string& file, Diagnostics& diags);

// Small accessors so callers never touch xmlChar*.

/// The element's local name ("" for non-elements).
std::string_view name(const xmlNode* node);
bool is_element(const xmlNode* node, std::string_view wanted_name);
/// The attribute's value, if present. `ns` selects a namespaced attribute
/// (use kXmlNamespace for xml:lang).
std::optional<std::string> attribute(const xmlNode* node, const char* attr_name, const char* ns = nullptr);
/// The concatenated text of the node and its descendants.
std::string text(const xmlNode* node);
/// The element children of `node`, in document order.
std::vector<xmlNode*> children(const xmlNode* node);
/// The first child element named `child_name`, or null.
xmlNode* child(const xmlNode* node, std::string_view child_name);
int line(const xmlNode* node);

inline constexpr const char* kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

}  // namespace galley::xml
