// A compiled XSD that validates parsed documents and reports every schema
// error as a Diagnostic (libxml2 gives the line of the offending node but no
// column, so these print as file:line:).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "xml/document.h"

namespace galley::xml {

class Schema {
public:
    /// Compiles `xsd` (imports must be registered with register_resource).
    /// Throws std::runtime_error when the schema itself does not compile: a
    /// bundled schema that does not compile is a bug, not an input error.
    Schema(std::string_view xsd, const std::string& name);
    ~Schema();
    Schema(const Schema&) = delete;
    Schema& operator=(const Schema&) = delete;

    /// Validates `doc`; adds one E-XML-SCHEMA error per problem. Returns
    /// whether the document is valid. Thread-safe (one validation context
    /// per call).
    bool validate(const Document& doc, Diagnostics& diags) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace galley::xml
