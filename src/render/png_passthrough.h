// PNG image data as a PDF image takes it, without decoding.
//
// A PDF image with /FlateDecode and the PNG predictors (/Predictor 15)
// reads the zlib stream of a PNG's IDAT chunks as it is, so an opaque,
// non-interlaced PNG goes into the PDF unchanged: no decode, no second
// deflate, and the file keeps the PNG's own compression (pdfTeX embeds PNGs
// the same way). Cairo 1.16 decodes every PNG and deflates the pixels again,
// which was most of the time the PDF took on an issue with two charts.
//
// Taken: greyscale at 1, 2, 4 or 8 bits, RGB at 8 bits, palette images at
// 1, 2, 4 or 8 bits, interlace none, every chunk's CRC right, the IDAT
// chunks one run. Anything else (an alpha channel, tRNS transparency,
// 16 bits, Adam7 interlacing) is decoded by cairo as before. Cairo ignores
// gAMA, cHRM, sRGB and iCCP when it decodes, so the pixels are the same
// either way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace galley::render {

struct PngPassthrough {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    int bits = 8;            ///< per component (per index for a palette image)
    int colours = 1;         ///< components per pixel: 1 (grey, palette index) or 3 (RGB)
    bool indexed = false;    ///< a palette image
    std::string palette;     ///< indexed: RGB triplets, one per entry
    std::string data;        ///< the IDAT chunks' zlib stream, joined
};

/// The image data of a PNG file the PDF can take as it is, or nothing.
std::optional<PngPassthrough> png_passthrough(const std::string& file);

/// How image `index` of the render's pass-through PNGs travels through
/// cairo: as the JPEG data of a stand-in surface (cairo writes JPEG data
/// into the PDF as it is), a JPEG frame header with the image's dimensions
/// and components and a comment naming it, no scan. The finishing pass
/// (pdf_finish.h) puts the PNG data in its place.
std::string passthrough_marker(const PngPassthrough& image, std::size_t index);

/// The index a marker names; nothing for any other data (a real JPEG).
std::optional<std::size_t> passthrough_index(const std::string& data);

}  // namespace galley::render
