// The structure tags of a document, planned before anything is drawn.
//
// Cairo 1.16 marks content only in leaf structure elements: text drawn
// directly inside an element that also has child elements (an Art holding a
// byline beside its paragraphs) would not belong to any element. The plan
// records, for every element in begin order, whether it has children, so
// drawing can give such text a Span of its own. It also checks the nesting
// (every TagEnd matches the innermost open TagBegin, nothing left open), and
// whether the document needs a Document element around everything (cairo
// marks a PDF tagged only when its first element is Document, Part, Art,
// Sect or Div).
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "page/page.h"

namespace galley::render {

/// The PDF standard structure type of a tag: "Document", "Art", "Sect",
/// "H1".."H6" ("H" for another level), "P", "Figure", "Caption", "Table", "TR", "TH", "TD", "L",
/// "LI", "BlockQuote", "Note"; "Artifact" for artifacts, which are not
/// structure elements and are never handed to cairo.
std::string tag_name(page::TagKind kind, int level);

struct StructurePlan {
    /// Properly nested. When false, E-RENDER-TAGS was reported; drawing
    /// goes on without tags (to find any other problems), nothing is written.
    bool valid = true;
    /// The first element is not a Document: drawing opens one before the
    /// first item of the first page and closes it after the last page.
    bool add_document = false;
    /// For each TagBegin that becomes an element (artifacts and everything
    /// inside them excluded), in document order: whether it contains other
    /// elements.
    std::vector<bool> has_children;
};

StructurePlan plan_structure(const page::Document& document, Diagnostics& diags);

}  // namespace galley::render
