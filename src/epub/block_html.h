// Body blocks as XHTML: p, h2.., blockquote, pull quotes (aside marked
// doc-pullquote and hidden from assistive technology, since they repeat the
// body), figures with caption and credit, lists, asides, tables with header
// cells, separators. Print-only blocks never reach here (digital_blocks).
#pragma once

#include <string>
#include <vector>

#include "epub/book_plan.h"
#include "epub/xhtml_page.h"
#include "epub/xml_writer.h"
#include "model/block.h"

namespace galley::epub {

struct BlockContext {
    const BookPlan& plan;
    std::string doc_href;   ///< The document being written (for relative links).
    std::string doc_lang;
    IdSet& ids;
    int heading_level = 2;  ///< Level of a subhead here (asides nest one deeper).
};

void write_blocks(XmlWriter& w, const std::vector<const model::Block*>& blocks, BlockContext& ctx);

/// A figure: the image (with its alt text), then caption and credit in a
/// figcaption. `role` is "lead" or "inline" (a class for the stylesheet).
void write_figure(XmlWriter& w, const model::Figure& figure, const BlockContext& ctx);

}  // namespace galley::epub
