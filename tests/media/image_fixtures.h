// Small images made at test time with libpng and libjpeg, plus helpers to
// damage them in controlled ways. Nothing is read from disk.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace galley::test {

struct PngSpec {
    std::uint32_t width = 4;
    std::uint32_t height = 3;
    int colour_type = 2;  // PNG_COLOR_TYPE_RGB
    int bit_depth = 8;
    bool interlaced = false;
    std::uint32_t pixels_per_metre = 0;  // writes pHYs when not 0
    bool transparent_colour = false;     // writes tRNS (palette images)
    bool blank = false;                  // all rows zero: compresses to almost nothing
};

/// A valid PNG. Rows are a simple gradient, so IDAT is not trivially small.
std::string make_png(const PngSpec& spec);

struct JpegSpec {
    std::uint32_t width = 16;
    std::uint32_t height = 8;
    int components = 3;  // 1 grey, 3 YCbCr, 4 CMYK
    bool progressive = false;
    int density_unit = 0;  // JFIF: 0 none, 1 per inch, 2 per cm
    std::uint16_t x_density = 1;
    std::uint16_t y_density = 1;
};

/// A valid JPEG with a JFIF header.
std::string make_jpeg(const JpegSpec& spec);

/// The 1x1 GIF89a with a transparent colour (a graphic control extension).
std::string tiny_gif();

/// CRC-32 as PNG uses it.
std::uint32_t png_crc(std::string_view bytes);
/// Offset of the first chunk of that type (its length field), or npos.
std::size_t find_chunk(const std::string& png, std::string_view type);
/// Recomputes the CRC of the chunk at `offset`, after a deliberate edit.
void fix_chunk_crc(std::string& png, std::size_t offset);
/// A whole chunk: length, type, data, CRC.
std::string png_chunk(std::string_view type, std::string_view data);
/// Sets a 32-bit big-endian value.
void put_be32(std::string& bytes, std::size_t at, std::uint32_t value);
/// A PNG whose IHDR claims width x height (grey, 1 bit) followed by a small
/// IDAT: the budget must refuse it before anything is inflated.
std::string png_claiming(std::uint32_t width, std::uint32_t height);

/// Offset of the first marker `marker` (the 0xFF byte) in a JPEG, or npos.
std::size_t find_marker(const std::string& jpeg, std::uint8_t marker);

}  // namespace galley::test
