// Images are probed before anything uses them. probe_image() tells the type
// from the first bytes (never from the name), checks it against the file
// name's extension, reads the dimensions from the header, checks them against
// a pixel budget BEFORE decoding anything, and then makes sure the file
// decodes (PNG and JPEG fully, row by row into one reused row; GIF by a walk
// of its blocks and a count of its first image's pixels; SVG parsed without
// DTDs, entities or network). A file that
// passes can be handed to Cairo, libjpeg or an EPUB without surprises.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "base/xml_prescan.h"

namespace galley {

enum class ImageType { jpeg, png, gif, svg };

/// "JPEG", "PNG", "GIF", "SVG".
const char* image_type_name(ImageType type);
/// "image/jpeg", "image/png", "image/gif", "image/svg+xml".
const char* image_media_type(ImageType type);

struct ImageInfo {
    ImageType type = ImageType::png;
    /// For SVG: the intrinsic size in CSS px (96 per inch), rounded up; from
    /// width/height, else from the viewBox.
    std::uint32_t width_px = 0;
    std::uint32_t height_px = 0;
    /// Pixels per inch as the file states it (JFIF density, PNG pHYs); 0 when
    /// the file does not say.
    double dpi_x = 0;
    double dpi_y = 0;
    /// An alpha channel or a transparent colour (always true for SVG).
    bool has_alpha = false;
    /// A progressive JPEG (false for every other type).
    bool progressive = false;

    std::string media_type() const { return image_media_type(type); }
};

/// What a raster image may cost. The defaults hold any picture a newspaper
/// prints: a broadsheet page at 300 dpi is about 4500 x 6800 px (31
/// megapixels), a double-page spread about 61 megapixels.
struct ImageLimits {
    /// Decoded pixels (width x height). 60 million RGBA pixels are 240 MB
    /// once Cairo decodes them.
    std::uint64_t max_pixels = 60'000'000;
    /// Longest side. 20000 px is 1.7 m at 300 dpi, longer than any page or
    /// spread, and below Cairo/pixman's 32767 px surface limit; it also
    /// refuses slivers (1 x 50,000,000) that fit the pixel budget but not a
    /// page, and keeps one decoded row under 160 KB.
    std::uint32_t max_side = 20'000;
    /// Scans in a progressive JPEG. Encoders write about 10 (libjpeg's
    /// default script) and rarely more than 20; every scan is another pass
    /// over the whole image, so thousands of them are a denial of service.
    int max_jpeg_scans = 100;
    /// Memory libjpeg may use while decoding. A progressive JPEG keeps all
    /// its coefficients: 60 megapixels of 4:4:4 colour take 360 MB.
    long max_jpeg_memory = 512L * 1024 * 1024;
    /// Attributes and namespace declarations per element of an SVG,
    /// counted before libxml2 parses it (it is quadratic in them).
    MarkupLimits svg_markup;
    /// Elements an SVG draws once its <use> and url() references are
    /// followed: a kilobyte of nested <use> can stand for billions. A page
    /// of outlined type or a detailed map draws a few thousand.
    std::uint64_t max_svg_drawn = 50'000;
    /// Of them, elements drawn through a filter (a blur, a drop shadow):
    /// each is rendered to pixels at its full size, seconds for a few
    /// hundred page-sized ones.
    std::uint64_t max_svg_filtered = 100;
};

/// Why an image was refused. `code` is stable (E-IMAGE-...); `message` is
/// one short English sentence naming the file as given.
struct ImageProblem {
    std::string code;
    std::string message;
};

using ProbeResult = std::variant<ImageInfo, ImageProblem>;

/// Probes `bytes`, the whole content of the file called `file_name` (used
/// for its extension and in messages). Never throws for bad input, never
/// prints, never touches the file system or the network.
ProbeResult probe_image(std::span<const std::uint8_t> bytes, std::string_view file_name,
                        const ImageLimits& limits = {});

}  // namespace galley
