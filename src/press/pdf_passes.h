// The two libqpdf passes around Ghostscript.
//
//   before  pure RGB black (cairo's `0 0 0 rg` / `0 0 0 RG`) becomes K only
//           (`0 0 0 1 k` / `K`), with overprint switched on for it and off
//           for every other colour (ExtGStates /OP /op /OPM 1); other
//           neutral greys (`v v v rg`) become K only too (`0 0 0 1-v k`),
//           knocking out, so grey text prints on one plate; the pages'
//           transparency groups (cairo puts a DeviceRGB one on every page)
//           go; TrimBox and BleedBox. Ghostscript left alone would make
//           `0 0 0 rg` four-colour rich black.
//   after   deterministic /ID, fixed dates, /GTS_PDFXVersion (PDF/X-3:2002),
//           /Trapped /False, title, XMP rewritten without Ghostscript's
//           clock and random ids, boxes set again and checked (TrimBox
//           inside BleedBox inside MediaBox); the crop and registration
//           marks (added here so neither Ghostscript nor the ink limit
//           touches their registration colour); one page only for the
//           per-page files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "press/geometry.h"

namespace galley::press {

struct PrepareStats {
    int black_fills = 0;    ///< `0 0 0 rg` rewritten
    int black_strokes = 0;  ///< `0 0 0 RG` rewritten
    int greys = 0;          ///< other neutral RGB colours (r = g = b) made K only
};

std::optional<std::string> prepare_for_ghostscript(const std::string& cairo_pdf, const std::vector<PressPage>& pages,
                                                   bool black_overprint, Diagnostics& diags,
                                                   PrepareStats* stats = nullptr);

/// The content-stream rewrite alone (for tests): `content` with pure RGB
/// black and neutral greys made K only, and the overprint ExtGStates `/GalleyOP<stroke><fill>`
/// (e.g. /GalleyOP01: fill overprints) switched as colours change.
std::string rewrite_black(const std::string& content, bool black_overprint, PrepareStats* stats = nullptr);

struct FinishSpec {
    std::vector<PressPage> pages;
    MarkRequest marks;
    std::int64_t date = 0;         ///< seconds since the epoch, UTC
    std::string title;
    std::string author;
    std::string subject;
    std::string creator;           ///< "galley 0.1.0"
    std::string seed;              ///< what the XMP document id is derived from (content hash input)
};

/// The final pass over Ghostscript's PDF; `only_page` (0-based) keeps one
/// page. Nothing, with E-PRESS-FINISH / E-PRESS-BOXES / E-PRESS-PDFX, when
/// Ghostscript's output is not what it should be.
std::optional<std::string> finish_press_pdf(const std::string& gs_pdf, const FinishSpec& spec,
                                            std::optional<int> only_page, Diagnostics& diags);

/// The PDF/X version written: "PDF/X-3:2002".
inline constexpr const char* kPdfxVersion = "PDF/X-3:2002";

}  // namespace galley::press
