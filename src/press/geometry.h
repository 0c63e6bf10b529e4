// The press page: the trimmed page (what page::Page describes), the bleed
// around it (per side; inner and outer follow the binding on facing
// pages), and the mark area around that when the layout asks for crop or
// registration marks or a slug line. Also art that should bleed, extended
// into the bleed.
#pragma once

#include <string>

#include "layout/settings.h"
#include "page/page.h"

namespace galley::press {

/// A rectangle in PDF user space: origin bottom-left, y up, points.
struct PdfBox {
    double llx = 0, lly = 0, urx = 0, ury = 0;
    double width() const { return urx - llx; }
    double height() const { return ury - lly; }
    /// Whether this box lies inside `outer` (with `tolerance` pt to spare).
    bool inside(const PdfBox& outer, double tolerance = 0.01) const;
    /// "[0.00 0.00 595.28 841.89]"
    std::string text() const;
};

struct Sides {
    double left = 0, right = 0, top = 0, bottom = 0;
};

/// Where everything lies on one press page.
struct PressPage {
    double media_width = 0;   ///< the whole press page (MediaBox), pt
    double media_height = 0;
    double trim_x = 0;        ///< the trim's top-left corner from the media's top-left corner (y down)
    double trim_y = 0;
    double trim_width = 0;
    double trim_height = 0;
    Sides bleed;              ///< beyond the trim, per side of this page
    PdfBox media, bleed_box, trim_box;  ///< PDF user space
};

/// What the layout asks for around the trim.
struct MarkRequest {
    bool crop = false;
    bool registration = false;
    bool slug = false;
    double offset = 0;  ///< pt, from the trim edge to where marks start
    double length = 0;  ///< pt
};

MarkRequest mark_request(const layout::PressSettings& press);

/// The bleed of page `index` (0-based): top and bottom as set; inner and
/// outer on the left or right as the binding falls (page 1 is a right-hand
/// page when the layout has facing pages bound on the left, a left-hand one
/// when bound on the right; without facing pages inner is the left).
Sides page_bleed(const layout::PageGeometry& geometry, int index);

/// The press page around a trimmed page of `width` x `height` pt.
PressPage press_page(double width, double height, const Sides& bleed, const MarkRequest& marks);

/// The page with its bleeding art extended into the bleed: a filled Box or
/// an Image that reaches a trim edge (or carries `bleed = true`, once
/// page::Image and page::Box have that field) is made to reach the bleed
/// edge on that side. An image whose rect does not cover the bigger area is
/// scaled up (aspect kept) from its non-bleeding edges, and clipped to it.
page::Page extend_bleed(const page::Page& page, const Sides& bleed);

/// Content-stream operators (PDF user space of the press page) drawing the
/// crop and registration marks in registration colour (all four inks,
/// DeviceCMYK), outside the trim and the bleed. Empty when none are asked.
std::string mark_operators(const PressPage& page, const MarkRequest& marks);

/// Where the slug line's baseline starts (top-left media coordinates, y
/// down) and how wide it may run; width 0 when no slug is asked.
struct SlugPlace {
    double x = 0, y = 0, max_width = 0, size = 6;
};
SlugPlace slug_place(const PressPage& page, const MarkRequest& marks);

}  // namespace galley::press
