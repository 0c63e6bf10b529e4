// Mixed content (text, em, strong, a, br, span, sub, sup, person) -> Inlines,
// with XML white space collapsed the way a reader of the text expects: runs
// of spaces, tabs and newlines become one space, trimmed at the ends and
// around line breaks. Other characters are kept exactly.
#pragma once

#include <libxml/tree.h>

#include "model/inline.h"
#include "xml/document.h"

namespace galley::read {

/// Converts the children of `element`. Elements outside the inline
/// vocabulary are reported as E-XML-SCHEMA (the schema rejects them first).
model::Inlines read_inlines(const xml::Document& doc, const xmlNode* element, Diagnostics& diags);

/// Collapses white space in place (exposed for tests).
void collapse_whitespace(model::Inlines& content);

}  // namespace galley::read
