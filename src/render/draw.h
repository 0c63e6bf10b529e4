// The one drawing routine every Cairo backend shares: a page's items, in
// order, onto a cairo context whose user space is the page in points
// (origin top-left, y down). One exhaustive visit over page::Item; no layout
// decisions. What the PDF needs beyond cairo's reach (the structure elements
// as cairo saw them, and the links) is recorded in the DrawContext for the
// finishing pass (pdf_finish.h).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "page/page.h"
#include "render/font_cache.h"
#include "render/image_cache.h"
#include "render/structure.h"

typedef struct _cairo cairo_t;

namespace galley::render {

/// A structure element handed to cairo, in begin order (= the pre-order of
/// the structure tree cairo writes), with what cairo cannot write itself.
struct StructureElement {
    std::string name;   ///< "Document", "Art", "P", "Span" (text given its own element), ...
    std::string alt;    ///< Figure: alternative text
    std::string lang;   ///< BCP 47, when it differs from the document
    std::string title;  ///< Art: the headline
};

/// A link as placed on a page, for the finishing pass to turn into an
/// annotation (cairo 1.16 cannot link forward to a page it has not seen,
/// and its Link elements would take the marked text away from paragraphs).
struct PlacedLink {
    int page = 0;  ///< 0-based
    page::Link link;
    int parent = -1;  ///< the enclosing StructureElement, -1 for none
};

struct DrawOptions {
    JpegHandling jpeg = JpegHandling::embed;
    /// Draw structure tags (PDF). Without, tags are skipped and never checked.
    bool structure = true;
    /// With jpeg == embed: PNGs whose data PDF can take as it is go in as
    /// stand-ins for pdf_finish to fill (png_passthrough.h). Off for a PDF
    /// that no finishing pass reads (the press stage's, for Ghostscript):
    /// such PNGs are decoded and embedded by cairo.
    bool png_passthrough = true;
};

/// Caches and state that last across the pages of one document. One per
/// render; not thread-safe.
class DrawContext {
public:
    /// For drawing the whole of `document`: its structure is planned first.
    DrawContext(const page::Document& document, const DrawOptions& options, Diagnostics& diags);
    /// For pages that arrive one at a time: each goes through planner()
    /// before it is drawn, and set_page_count() says how many there are
    /// before the last is drawn (it closes the Document element).
    DrawContext(const DrawOptions& options, Diagnostics& diags);

    StructurePlanner& planner() { return planner_; }
    void set_page_count(std::size_t pages) { page_count_ = pages; }

    const std::vector<StructureElement>& elements() const { return elements_; }
    const std::vector<PlacedLink>& links() const { return links_; }
    /// The same, taken out once drawing is over.
    std::vector<StructureElement> take_elements() { return std::move(elements_); }
    std::vector<PlacedLink> take_links() { return std::move(links_); }
    std::vector<PngPassthrough> take_passthrough() { return images_.take_passthrough(); }
    /// Whether an SVG has been drawn (ImageCache::drew_svg).
    bool drew_svg() const { return images_.drew_svg(); }
    Diagnostics& diags() { return diags_; }

private:
    friend class ItemDrawer;
    friend void draw_page(cairo_t* cr, const page::Page& page, int index, DrawContext& ctx);

    struct OpenTag {
        page::TagKind kind;
        int element;  ///< index into elements_, -1 when not handed to cairo
        std::string name;
    };

    std::size_t page_count_ = static_cast<std::size_t>(-1);  ///< not known yet
    DrawOptions options_;
    Diagnostics& diags_;
    FontCache fonts_;
    ImageCache images_;
    StructurePlanner planner_;
    std::size_t next_planned_ = 0;  ///< the next entry of plan_.has_children
    std::vector<bool> element_has_children_;
    std::vector<OpenTag> open_;
    int artifact_depth_ = 0;
    std::vector<StructureElement> elements_;
    std::vector<PlacedLink> links_;
    std::set<page::FontFace> bad_glyph_faces_;  ///< E-RENDER-GLYPH reported
};

/// Draws page `index` (0-based) of the context's document. The only drawing
/// code: the PDF and the PNG proofs both go through it. Cairo errors stay
/// in `cr` for the caller to check.
void draw_page(cairo_t* cr, const page::Page& page, int index, DrawContext& ctx);

}  // namespace galley::render
