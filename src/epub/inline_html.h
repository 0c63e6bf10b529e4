// Inline content as XHTML phrasing content: em, strong, a, span with lang,
// sub, sup, br, and person names as spans. The text itself is written as it
// is in the model (escaped, nothing inserted).
#pragma once

#include <string>

#include "epub/xml_writer.h"
#include "model/inline.h"

namespace galley::epub {

struct InlineOptions {
    /// false inside another link (contents entries) and inside content
    /// hidden from assistive technology (pull quotes): the link's text is
    /// kept, the link is not.
    bool live_links = true;
    /// false where a line break makes no sense (navigation labels): it
    /// becomes a space.
    bool line_breaks = true;
};

void write_inlines(XmlWriter& w, const model::Inlines& content, const InlineOptions& options = {});

/// Plain text for a title or label: markup dropped, line breaks as spaces,
/// runs of white space collapsed, trimmed.
std::string plain_label(const model::Inlines& content);

}  // namespace galley::epub
