#include "xml/document.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <climits>

#include "xml/resources.h"

namespace galley::xml {
namespace {

// Collects libxml2's errors for one parse; reached through ctxt->_private.
struct ParseState {
    std::string file;
    Diagnostics* diags = nullptr;
    bool doctype_seen = false;  // a refused DOCTYPE
    bool failed = false;
    std::string allow_external_doctype_for;     // ParseOptions
    std::optional<IgnoredDoctype> accepted;      // a DOCTYPE let through
};

std::string str(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

std::string trim_message(const char* msg) {
    std::string m = msg ? msg : "malformed XML";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    // libxml2 breaks some messages in two ("... indicate encoding !\nBytes:
    // 0xE9 ..."): one line, as every diagnostic is.
    for (std::size_t at = m.find('\n'); at != std::string::npos; at = m.find('\n', at)) m.replace(at, 1, " ");
    return m;
}

void on_structured_error(void* user, xmlErrorPtr err) {
    auto* ctxt = static_cast<xmlParserCtxtPtr>(user);
    if (ctxt == nullptr || ctxt->_private == nullptr || err == nullptr) return;
    auto* st = static_cast<ParseState*>(ctxt->_private);
    // Once the DOCTYPE was refused, libxml2's follow-up errors are noise.
    if (st->doctype_seen) return;
    if (err->level == XML_ERR_WARNING) return;
    st->failed = true;
    st->diags->error("E-XML-MALFORMED", {st->file, err->line, err->int2}, trim_message(err->message));
}

// SAX hook: called when <!DOCTYPE name ExternalID> has been read, before
// any internal subset ('[' is then the next character).
void on_internal_subset(void* user, const xmlChar* root_name, const xmlChar* external_id,
                        const xmlChar* system_id) {
    auto* ctxt = static_cast<xmlParserCtxtPtr>(user);
    auto* st = static_cast<ParseState*>(ctxt->_private);
    int line = ctxt->input ? ctxt->input->line : 0;
    int column = ctxt->input ? ctxt->input->col : 0;
    std::string root = str(root_name);
    bool internal_subset = ctxt->input != nullptr && ctxt->input->cur != nullptr && *ctxt->input->cur == '[';
    bool allowed_name = !st->allow_external_doctype_for.empty() && root == st->allow_external_doctype_for;
    if (allowed_name && !internal_subset && !st->doctype_seen && !st->accepted) {
        // Accepted, never loaded: the externalSubset hook is unset, no
        // DTDLOAD/NOENT option is given and the entity loader refuses
        // everything not registered.
        st->accepted = IgnoredDoctype{root, str(external_id), str(system_id), {st->file, line, column}};
        return;
    }
    if (!st->doctype_seen) {
        st->doctype_seen = true;
        st->failed = true;
        if (allowed_name && internal_subset)
            st->diags->error("E-XML-DOCTYPE", {st->file, line, column},
                             "a DOCTYPE with an internal subset is not allowed (<!DOCTYPE " + root +
                                 " [...]>); galley accepts a " + root +
                                 " DOCTYPE with only an external identifier, and never loads it");
        else
            st->diags->error("E-XML-DOCTYPE", {st->file, line, column},
                             "a DOCTYPE declaration is not allowed (<!DOCTYPE " + root +
                                 " ...>); galley reads no DTDs and expands no entities");
    }
    xmlStopParser(ctxt);
}

}  // namespace

SourceLocation Document::where(const xmlNode* node) const { return {file_, line(node), 0}; }

std::optional<Document> parse(std::string_view bytes, const std::string& file, Diagnostics& diags) {
    return parse(bytes, file, diags, ParseOptions{});
}

std::optional<Document> parse(std::string_view bytes, const std::string& file, Diagnostics& diags,
                              const ParseOptions& parse_options) {
    initialise();
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        diags.error("E-FILE-TOO-LARGE", {file, 0, 0}, "file is too large to parse");
        return std::nullopt;
    }
    // libxml2 2.9.14 is quadratic in the attributes and namespace
    // declarations of one start tag, and cannot be stopped inside one.
    if (std::optional<PrescanProblem> p = prescan_xml(bytes, parse_options.markup)) {
        switch (p->kind) {
            case PrescanProblem::Kind::encoding:
                diags.error("E-XML-MALFORMED", {file, 1, 0}, p->message);
                break;
            case PrescanProblem::Kind::attributes:
                diags.error("E-XML-SCHEMA", {file, p->line, 0}, p->message);
                break;
            case PrescanProblem::Kind::namespaces:
                diags.error("E-XML-LIMIT", {file, p->line, 0}, p->message);
                break;
        }
        return std::nullopt;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt == nullptr) {
        diags.error("E-XML-MALFORMED", {file, 0, 0}, "cannot create an XML parser");
        return std::nullopt;
    }
    ParseState st{file, &diags, false, false, parse_options.allow_external_doctype_for, std::nullopt};
    ctxt->_private = &st;
    ctxt->sax->internalSubset = on_internal_subset;
    // Never load an external subset, whatever the DOCTYPE says.
    ctxt->sax->externalSubset = nullptr;
    ctxt->sax->serror = on_structured_error;
    ctxt->vctxt.error = nullptr;
    ctxt->vctxt.warning = nullptr;

    // NONET: never fetch. BIG_LINES: line numbers past 65535. Deliberately
    // absent: NOENT, DTDLOAD, DTDATTR, HUGE, XINCLUDE, RECOVER (NOTES.md).
    const int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING;
    xmlDocPtr raw = xmlCtxtReadMemory(ctxt, bytes.data(), static_cast<int>(bytes.size()), file.c_str(), nullptr,
                                      options);
    std::unique_ptr<xmlDoc, DocFree> doc(raw);
    bool well_formed = ctxt->wellFormed != 0;
    ctxt->_private = nullptr;
    xmlFreeParserCtxt(ctxt);

    // A stopped parser may still report well-formedness: trust our own flag.
    if (st.failed || !well_formed || doc == nullptr || xmlDocGetRootElement(doc.get()) == nullptr) {
        if (!st.failed) {
            diags.error("E-XML-MALFORMED", {file, 1, 0},
                        bytes.empty() ? "the file is empty" : "the file holds no XML element");
        }
        return std::nullopt;
    }
    if (st.accepted) {
        // The exception is for documents of that one kind: the root must be
        // the element the DOCTYPE names.
        const xmlNode* root = xmlDocGetRootElement(doc.get());
        std::string root_name = str(root->name);
        if (root_name != st.accepted->name) {
            diags.error("E-XML-DOCTYPE", st.accepted->where,
                        "a DOCTYPE declaration is not allowed (<!DOCTYPE " + st.accepted->name +
                            " ...> over a <" + root_name + "> element); galley reads no DTDs and expands no entities");
            return std::nullopt;
        }
    }
    Document out(std::move(doc), file);
    if (st.accepted) out.set_ignored_doctype(std::move(*st.accepted));
    return out;
}

std::string_view name(const xmlNode* node) {
    if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr) return {};
    return reinterpret_cast<const char*>(node->name);
}

bool is_element(const xmlNode* node, std::string_view wanted_name) { return name(node) == wanted_name; }

std::optional<std::string> attribute(const xmlNode* node, const char* attr_name, const char* ns) {
    if (node == nullptr || node->type != XML_ELEMENT_NODE) return std::nullopt;
    xmlChar* v = ns ? xmlGetNsProp(node, reinterpret_cast<const xmlChar*>(attr_name), reinterpret_cast<const xmlChar*>(ns))
                    : xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(attr_name));
    if (v == nullptr) return std::nullopt;
    std::string out(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return out;
}

std::string text(const xmlNode* node) {
    if (node == nullptr) return {};
    xmlChar* v = xmlNodeGetContent(node);
    if (v == nullptr) return {};
    std::string out(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return out;
}

std::vector<xmlNode*> children(const xmlNode* node) {
    std::vector<xmlNode*> out;
    if (node == nullptr) return out;
    for (xmlNode* c = node->children; c != nullptr; c = c->next)
        if (c->type == XML_ELEMENT_NODE) out.push_back(c);
    return out;
}

xmlNode* child(const xmlNode* node, std::string_view child_name) {
    if (node == nullptr) return nullptr;
    for (xmlNode* c = node->children; c != nullptr; c = c->next)
        if (is_element(c, child_name)) return c;
    return nullptr;
}

int line(const xmlNode* node) { return node ? static_cast<int>(xmlGetLineNo(node)) : 0; }

}  // namespace galley::xml
