// Images for drawing, loaded once per file and painted into their rect.
//
// The files were probed by the reader (type, header dimensions within the
// pixel budget, a checked decode). They are opened again through the issue
// folder they were read from (page::Image::root, base/content_root), so a
// link swapped in since cannot lead out of it; and before decoding anything
// the header dimensions are read again and must equal the probed ones, so a
// file swapped since the probe is refused instead of decoded.
//
//   JPEG  PDF: passed through unchanged (cairo mime data -> DCTDecode);
//         cairo is handed a 1 x 1 blank stand-in, so a large photo costs
//         its file size, not its decoded size.
//         PNG proofs: decoded with gdk-pixbuf.
//   PNG   PDF: opaque non-interlaced PNGs of 8 bits or fewer passed through
//         (png_passthrough.h: the IDAT data under the PNG predictors, the
//         same 1 x 1 stand-in meanwhile); the rest, and PNG proofs,
//         cairo's PNG reader, from memory.
//   GIF   the first frame, decoded with gdk-pixbuf.
//   SVG   librsvg, drawn as vectors (no external resources).
//
// Decoded pixels are kept within a budget (kDecodedBudget): a file not
// painted lately is dropped, and decoded again if a later page shows it.
// Each surface carries its file as cairo's unique id, so the PDF still
// embeds the image once. For the PDF, a decoded image printed at more than
// kResampleAbovePpi is resampled to kResampleToPpi at its printed size (as
// a press-quality PDF export does) and its full pixels let go at once: the
// PDF surface keeps every image of a page until the page is written, and
// eight 60-megapixel PNGs on one page took 1.9 GB. Passed-through JPEGs and
// PNGs are never resampled.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "page/page.h"
#include "render/png_passthrough.h"

typedef struct _cairo cairo_t;

namespace galley::render {

enum class JpegHandling {
    embed,   ///< keep the JPEG bytes for the PDF, never decode
    decode,  ///< decode to pixels (PNG proofs)
};

/// An image file's bytes as the renderers read them: through page::Image::
/// root when set (base/content_root: resolved and opened as the reader did,
/// no link out of the folder), else from `file` as named; nothing, with the
/// reason in `why`, when it cannot be read.
std::optional<std::string> read_image_file(const page::Image& image, std::string& why);

class ImageCache {
public:
    /// `png_passthrough`: see DrawOptions::png_passthrough.
    explicit ImageCache(JpegHandling jpeg, bool png_passthrough = true);
    ~ImageCache();
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;

    /// Paints `image` scaled to fill its rect, inside its clip rect when it
    /// has one. Returns false when the file cannot be used (E-RENDER-IMAGE,
    /// reported once per file); nothing is drawn then.
    bool paint(cairo_t* cr, const page::Image& image, Diagnostics& diags);

    /// The PNGs passed through so far, in the order their markers number
    /// them (passthrough_marker), taken out for the finishing pass.
    std::vector<PngPassthrough> take_passthrough() { return std::move(passthrough_); }

    /// Whether an SVG has been drawn: its text uses cairo's shared FreeType
    /// faces, so the surface's page output and finish then hold
    /// cairo_freetype_mutex() (base/freetype_lock.h).
    bool drew_svg() const { return drew_svg_; }

    class Source;  // a loaded image (image_cache.cc)

    /// Bytes of decoded pixels kept for files painted before (the one being
    /// painted is always kept, however large: 60 megapixels are 240 MB).
    static constexpr std::size_t kDecodedBudget = std::size_t{160} << 20;
    /// PDF: decoded images printed finer than this are resampled ...
    static constexpr double kResampleAbovePpi = 450;
    /// ... to this, pixels per inch of the printed size.
    static constexpr double kResampleToPpi = 300;

    /// Bytes of decoded pixels held now.
    std::size_t decoded_bytes() const { return decoded_bytes_; }

private:
    /// `target`: the pixel size to keep a decoded raster image at (the
    /// file's own size, or smaller for the PDF); a file cached at another
    /// size is decoded again.
    const Source* load(const page::Image& image, std::pair<int, int> target, Diagnostics& diags);
    /// Drops the decoded files painted longest ago, but not `keep`, until
    /// `incoming` more bytes fit the budget.
    void make_room(std::size_t incoming, const std::string& keep);

    JpegHandling jpeg_;
    bool png_passthrough_ = true;
    std::map<std::string, std::unique_ptr<Source>> sources_;  // by file; null after a failure
    std::size_t decoded_bytes_ = 0;
    std::uint64_t uses_ = 0;  // a clock for "painted lately"
    std::vector<PngPassthrough> passthrough_;
    bool drew_svg_ = false;
};

}  // namespace galley::render
