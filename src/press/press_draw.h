// Drawing the press pages with cairo: each page::Page through the shared
// render::draw_page, translated onto a press page of trim + bleed + mark
// area and clipped to the bleed box, plus the slug line. No structure tags
// (Ghostscript drops them) and no link annotations.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "page/page.h"
#include "press/geometry.h"

namespace galley::press {

struct SlugText {
    std::string job;   ///< the issue id (or what the caller names the job)
    std::string date;  ///< "2008-06-13"
    std::string profile;  ///< the output profile's name
};

/// The cairo PDF (RGB, as cairo writes it) of the press pages, or nothing
/// with E-PRESS-CAIRO / E-RENDER-... diagnostics. `pages[i]` places
/// `document.pages[i]`.
std::optional<std::string> draw_press_pages(const page::Document& document, const std::vector<PressPage>& pages,
                                            const MarkRequest& marks, const SlugText& slug, Diagnostics& diags);

/// The slug line of page `index`: "JOB  page LABEL (N of M)  DATE  PROFILE",
/// ASCII only.
std::string slug_line(const SlugText& slug, const page::Page& page, int index, int count);

}  // namespace galley::press
