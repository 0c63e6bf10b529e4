// Transparency out before Ghostscript: one image with alpha made Ghostscript
// 10 rasterise the whole page (../shared/NOTES.md), and PDF/X-3 has no
// transparency. Images that have any (PNG or GIF with alpha, SVG drawn with
// opacity, masks or groups) are composited onto white, as the paper is,
// into new PNG files in the press stage's private folder; everything else
// is left as it is (JPEGs have no alpha and stay passed through). An SVG
// with a gradient is drawn the same way, at 300 dpi: Ghostscript turns an
// RGB gradient it converts to CMYK into an image of its own, at 22-45 dpi,
// which preflight then reports as too coarse.
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

/// Whether a PDF has a shading (a smooth gradient, as a shading or a
/// shading pattern).
bool pdf_uses_shading(const std::string& pdf_bytes);

}  // namespace galley::press
