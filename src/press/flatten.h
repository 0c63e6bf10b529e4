// Transparency out before Ghostscript: one image with alpha made Ghostscript
// 10 rasterise the whole page (../shared/NOTES.md), and PDF/X-3 has no
// transparency. Images that have any (PNG or GIF with alpha, SVG drawn with
// opacity, masks or groups) are composited onto white, as the paper is,
// into new PNG files in the press stage's private folder; everything else
// is left as it is (JPEGs have no alpha and stay passed through).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "page/page.h"

namespace galley::press {

struct FlattenStats {
    int images_flattened = 0;  ///< distinct files composited onto white
};

/// A copy of `document` whose images have no transparency, the flattened
/// ones written into `work_dir`. Nothing (with E-PRESS-IMAGE) when an image
/// cannot be read.
std::optional<page::Document> flatten_transparency(const page::Document& document, const std::filesystem::path& work_dir,
                                                   Diagnostics& diags, FlattenStats* stats = nullptr);

/// Whether a PDF (cairo's drawing of one SVG, or any PDF) uses transparency
/// below page level: soft masks, constant alpha below 1, a blend mode other
/// than Normal, transparency groups on form XObjects, images with /SMask.
bool pdf_uses_transparency(const std::string& pdf_bytes);

}  // namespace galley::press
