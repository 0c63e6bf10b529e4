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
#include "base/xml_prescan.h"

namespace galley::xml {

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

/// A DOCTYPE that parse() accepted under ParseOptions::allow_external_doctype_for:
/// what it said and where. Nothing it names was loaded.
struct IgnoredDoctype {
    std::string name;       ///< the root element it names ("nitf")
    std::string public_id;  ///< PUBLIC "..." or empty
    std::string system_id;  ///< SYSTEM "..." (or PUBLIC's second literal) or empty
    SourceLocation where;
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

    /// The DOCTYPE accepted (and not loaded) under
    /// ParseOptions::allow_external_doctype_for; the caller reports it.
    const std::optional<IgnoredDoctype>& ignored_doctype() const { return ignored_doctype_; }
    void set_ignored_doctype(IgnoredDoctype d) { ignored_doctype_ = std::move(d); }

private:
    std::unique_ptr<xmlDoc, DocFree> doc_;
    std::string file_;
    std::optional<IgnoredDoctype> ignored_doctype_;
};

struct ParseOptions {
    ParseOptions() = default;
    ParseOptions(std::string allow_doctype_for, MarkupLimits limits = {})
        : allow_external_doctype_for(std::move(allow_doctype_for)), markup(limits) {}

    /// When not empty: a DOCTYPE naming this root element (for example
    /// "nitf") with at most an external identifier (SYSTEM "..." or
    /// PUBLIC "..." "...") and NO internal subset is accepted instead of
    /// refused. Nothing it names is loaded or fetched, no entity it would
    /// declare exists, and the document's root element must have that name
    /// (else E-XML-DOCTYPE). The document records it (ignored_doctype()) and
    /// the caller reports it. An internal subset is always refused.
    std::string allow_external_doctype_for;
    /// Attributes and namespace declarations per element, counted on the
    /// raw bytes before libxml2 sees them (see base/xml_prescan.h).
    MarkupLimits markup;
};

/// Parses `bytes` (the whole file, already read with a size cap) as XML.
/// First, without libxml2, every start tag is counted (prescan_xml()): an
/// element with more attributes than ParseOptions::markup allows is
/// E-XML-SCHEMA (no vocabulary galley reads has such an element), one with
/// more namespace declarations E-XML-LIMIT, an encoding galley does not
/// read E-XML-MALFORMED; libxml2 then never runs. Every well-formedness
/// error libxml2 reports is added to `diags` as E-XML-MALFORMED at its line
/// and column; a DOCTYPE is refused with E-XML-DOCTYPE (see ParseOptions
/// for the one exception). Returns nothing when any error was found.
std::optional<Document> parse(std::string_view bytes, const std::string& file, Diagnostics& diags);
std::optional<Document> parse(std::string_view bytes, const std::string& file, Diagnostics& diags,
                              const ParseOptions& options);

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
