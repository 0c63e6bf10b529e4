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

#include <cstddef>
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

/// The plan built page by page, for pages that arrive one at a time (the
/// PDF drawn while later pages are still being composed). What it says of
/// an element is final once the element has a child or has ended; until
/// then, whether text directly inside it needs a Span is not known, so a
/// page may be drawn only once every element begun on it is decided.
class StructurePlanner {
public:
    explicit StructurePlanner(Diagnostics& diags) : diags_(diags) {}
    /// A planner for drawing without tags (PNG proofs, the press): its plan
    /// is never valid, and it checks nothing.
    static StructurePlanner without_tags(Diagnostics& diags) {
        StructurePlanner p(diags);
        p.plan_.valid = false;
        p.first_element_ = false;
        return p;
    }

    /// Scans the next page's tags; returns how many elements have begun
    /// up to the end of it.
    std::size_t add_page(const page::Page& page);
    /// No more pages: anything still open is an error, and a document
    /// without elements gets its Document.
    void finish();

    const StructurePlan& plan() const { return plan_; }
    /// The elements [0, decided()) are final in plan().has_children.
    std::size_t decided() const;
    /// Whether plan().add_document is final (the first element has begun,
    /// or the pages are over).
    bool document_decided() const { return !first_element_ || finished_; }
    bool finished() const { return finished_; }

private:
    struct Open {
        page::TagKind kind;
        int element;  // index into has_children, -1 for artifacts and their contents
    };
    Diagnostics& diags_;
    StructurePlan plan_;
    std::vector<Open> open_;
    int artifact_depth_ = 0;
    bool first_element_ = true;
    bool finished_ = false;
    std::size_t pages_ = 0;
};

StructurePlan plan_structure(const page::Document& document, Diagnostics& diags);

}  // namespace galley::render
