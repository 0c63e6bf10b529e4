// The total ink limit, applied to Ghostscript's CMYK (libqpdf pass between
// Ghostscript and the final pass). Ghostscript separates through the
// output profile and knows nothing of the press's limit: its generic
// profile puts shadows near 300 % and the house red at 242 %, over what
// newsprint takes (240 %). Where C+M+Y+K goes over the limit, C, M and Y
// are taken down in proportion and K is kept (black stays black, the
// shadow loses a little depth); everything within the limit is left as it
// is, byte for byte. What it touches:
//
//   colours  `c m y k k` / `K` in page content, forms and tiling patterns
//            (and `sc`/`scn` after `/DeviceCMYK cs`)
//   images   8-bit DeviceCMYK image XObjects (DCT or Flate); only an image
//            with a pixel over the limit is re-encoded (JPEG at quality 92,
//            aimed 3 points under the limit for JPEG's ringing)
//   indexed  DeviceCMYK palettes of Indexed images
//
// Shadings (smooth gradients) are not limited; galley draws none.
#pragma once

#include <optional>
#include <string>

#include "base/diagnostic.h"

namespace galley::press {

struct InkLimitStats {
    int colours = 0;   ///< colour operators taken down
    int images = 0;    ///< images re-encoded
    int palettes = 0;  ///< Indexed palettes changed
    int shadings = 0;  ///< DeviceCMYK shadings left as they are
};

/// `pdf` with no colour over `limit_percent` (100 to 400); nothing with
/// E-PRESS-INK when libqpdf fails.
std::optional<std::string> limit_ink(const std::string& pdf, double limit_percent, Diagnostics& diags,
                                     InkLimitStats* stats = nullptr);

/// An ink limit as users write it: "300%", "250.5%" (never rounded, so a
/// report names the limit that was set).
std::string ink_limit_text(double limit_percent);

/// One colour (0..1 each) brought within `limit` (a fraction, 2.4 for
/// 240 %): C, M and Y scaled down together, K kept.
void limit_colour(double& c, double& m, double& y, double k, double limit);

}  // namespace galley::press
