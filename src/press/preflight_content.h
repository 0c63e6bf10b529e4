// Preflight's content-stream walk (internal): one page's content and the
// form XObjects and tiling patterns it paints, interpreted far enough to
// know the colour spaces and colours used, the text drawn and in what
// colour and overprint, the fonts selected, and where each image lands
// (its placed size from the CTM at the Do operator).
#pragma once

#include <qpdf/QPDFPageObjectHelper.hh>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "press/geometry.h"

namespace galley::press::detail {

struct ImagePlacement {
    std::string name;        ///< "/Im3", or "inline image"
    long width_px = 0, height_px = 0;
    bool one_bit = false;    ///< image mask or 1 bit per component: line art, not held to the contone bounds
    std::string space;       ///< described colour space
    double width_pt = 0, height_pt = 0;  ///< placed size
    double dpi = 0;          ///< effective resolution, the lower of the two directions
    double coverage = 0;     ///< share of the reference box (TrimBox, else MediaBox) it covers
};

struct PageScan {
    int text_shows = 0;              ///< visible text-showing operators
    /// Device-dependent colour (RGB of any kind), by what it is -> how often.
    std::map<std::string, int> rgb;
    /// Black text drawn in four colours, by the colour ("C72 M68 Y67 K88") -> text runs.
    std::map<std::string, int> rich_black_text;
    int k_black_text = 0;            ///< text runs in K-only black
    int k_black_text_knockout = 0;   ///< of those, not set to overprint
    std::vector<ImagePlacement> images;
    std::set<std::string> transparency;
    /// Fonts selected with Tf that are not embedded: name -> font type.
    std::map<std::string, std::string> fonts_not_embedded;
    std::set<std::string> fonts;     ///< every font selected
    std::set<std::string> unchecked; ///< things seen but not judged ("a JPX image's colour space")
    std::vector<std::string> problems;  ///< content that could not be read
};

/// Walks `page`. `reference` is the box image coverage is measured against.
PageScan scan_page(QPDFPageObjectHelper& page, const PdfBox& reference);

/// Whether a font dictionary's font program is in the file; `type` gets
/// its subtype ("TrueType", "Type1", "Type0/CIDFontType2", ...).
bool font_embedded(QPDFObjectHandle font, std::string& type);

}  // namespace galley::press::detail
