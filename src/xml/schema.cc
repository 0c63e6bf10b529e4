#include "xml/schema.h"

#include <libxml/xmlschemas.h>

#include <stdexcept>

#include "xml/resources.h"

namespace galley::xml {

struct Schema::Impl {
    xmlSchemaPtr schema = nullptr;
};

namespace {

struct CompileErrors {
    std::string text;
};

void on_compile_error(void* user, xmlErrorPtr err) {
    auto* e = static_cast<CompileErrors*>(user);
    if (err && err->message) e->text += err->message;
}

struct ValidationState {
    const Document* doc;
    Diagnostics* diags;
};

std::string tidy(const char* message) {
    std::string m = message ? message : "invalid";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    return m;
}

void on_validation_error(void* user, xmlErrorPtr err) {
    auto* st = static_cast<ValidationState*>(user);
    if (err == nullptr) return;
    int line = err->line;
    if (line == 0 && err->node != nullptr) line = xml::line(static_cast<const xmlNode*>(err->node));
    Severity sev = err->level == XML_ERR_WARNING ? Severity::warning : Severity::error;
    st->diags->add({sev, "E-XML-SCHEMA", {st->doc->file(), line, 0}, tidy(err->message)});
}

}  // namespace

Schema::Schema(std::string_view xsd, const std::string& name) : impl_(std::make_unique<Impl>()) {
    initialise();
    xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewMemParserCtxt(xsd.data(), static_cast<int>(xsd.size()));
    if (pctxt == nullptr) throw std::runtime_error("cannot load schema " + name);
    CompileErrors errors;
    xmlSchemaSetParserStructuredErrors(pctxt, on_compile_error, &errors);
    impl_->schema = xmlSchemaParse(pctxt);
    xmlSchemaFreeParserCtxt(pctxt);
    if (impl_->schema == nullptr) throw std::runtime_error("schema " + name + " does not compile: " + errors.text);
}

Schema::~Schema() {
    if (impl_ && impl_->schema) xmlSchemaFree(impl_->schema);
}

bool Schema::validate(const Document& doc, Diagnostics& diags) const {
    xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(impl_->schema);
    if (vctxt == nullptr) throw std::runtime_error("cannot create a schema validation context");
    ValidationState st{&doc, &diags};
    xmlSchemaSetValidStructuredErrors(vctxt, on_validation_error, &st);
    int rc = xmlSchemaValidateDoc(vctxt, doc.get());
    xmlSchemaFreeValidCtxt(vctxt);
    return rc == 0;
}

}  // namespace galley::xml
