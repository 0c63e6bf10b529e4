#include "media/image_fixtures.h"

#include <png.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <jpeglib.h>
#include <stdexcept>
#include <vector>

namespace galley::test {
namespace {

void append(png_structp p, png_bytep data, png_size_t length) {
    auto* out = static_cast<std::string*>(png_get_io_ptr(p));
    out->append(reinterpret_cast<const char*>(data), length);
}

void flush(png_structp) {}

}  // namespace

std::string make_png(const PngSpec& spec) {
    std::string out;
    png_structp p = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(p);
    if (setjmp(png_jmpbuf(p))) {
        png_destroy_write_struct(&p, &info);
        throw std::runtime_error("make_png failed");
    }
    png_set_write_fn(p, &out, append, flush);
    png_set_IHDR(p, info, spec.width, spec.height, spec.bit_depth, spec.colour_type,
                 spec.interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_color palette[2] = {{0, 0, 0}, {255, 255, 255}};
    png_byte alpha[1] = {0};
    if (spec.colour_type == PNG_COLOR_TYPE_PALETTE) png_set_PLTE(p, info, palette, 2);
    if (spec.transparent_colour) png_set_tRNS(p, info, alpha, 1, nullptr);
    if (spec.pixels_per_metre != 0)
        png_set_pHYs(p, info, spec.pixels_per_metre, spec.pixels_per_metre, PNG_RESOLUTION_METER);
    png_write_info(p, info);
    const int passes = png_set_interlace_handling(p);
    std::vector<png_byte> row(png_get_rowbytes(p, info));
    for (int pass = 0; pass < passes; ++pass)
        for (std::uint32_t y = 0; y < spec.height; ++y) {
            for (std::size_t x = 0; x < row.size(); ++x)
                row[x] = spec.blank                                   ? png_byte{0}
                         : spec.colour_type == PNG_COLOR_TYPE_PALETTE ? static_cast<png_byte>((x + y) % 2)
                                                                      : static_cast<png_byte>((x * 7 + y * 13) & 0xff);
            png_write_row(p, row.data());
        }
    png_write_end(p, nullptr);
    png_destroy_write_struct(&p, &info);
    return out;
}

std::string make_jpeg(const JpegSpec& spec) {
    jpeg_compress_struct cinfo;
    jpeg_error_mgr err;
    cinfo.err = jpeg_std_error(&err);
    jpeg_create_compress(&cinfo);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&cinfo, &buffer, &size);
    cinfo.image_width = spec.width;
    cinfo.image_height = spec.height;
    cinfo.input_components = spec.components;
    cinfo.in_color_space = spec.components == 1 ? JCS_GRAYSCALE : spec.components == 4 ? JCS_CMYK : JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, 90, TRUE);
    cinfo.write_JFIF_header = TRUE;
    cinfo.density_unit = static_cast<UINT8>(spec.density_unit);
    cinfo.X_density = spec.x_density;
    cinfo.Y_density = spec.y_density;
    if (spec.progressive) jpeg_simple_progression(&cinfo);
    jpeg_start_compress(&cinfo, TRUE);
    std::vector<JSAMPLE> row(std::size_t{spec.width} * static_cast<std::size_t>(spec.components));
    while (cinfo.next_scanline < cinfo.image_height) {
        for (std::size_t x = 0; x < row.size(); ++x)
            row[x] = static_cast<JSAMPLE>((x * 5 + cinfo.next_scanline * 11) & 0xff);
        JSAMPROW rows[1] = {row.data()};
        jpeg_write_scanlines(&cinfo, rows, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    std::string out(reinterpret_cast<const char*>(buffer), size);
    std::free(buffer);
    return out;
}

std::string tiny_gif() {
    static const unsigned char bytes[] = {
        'G',  'I',  'F',  '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0,  // screen 1x1, 2-colour global table
        0,    0,    0,    255, 255, 255,                          // the table
        0x21, 0xF9, 4,    1,   0,   0,   0, 0,                    // graphic control: transparent colour 0
        0x2C, 0,    0,    0,   0,   1,   0, 1, 0, 0,              // image descriptor 1x1
        2,    2,    0x44, 1,   0,                                 // LZW code size 2, one sub-block
        0x3B};                                                    // trailer
    return std::string(reinterpret_cast<const char*>(bytes), sizeof bytes);
}

std::uint32_t png_crc(std::string_view bytes) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (char ch : bytes) {
        c ^= static_cast<unsigned char>(ch);
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}

static std::uint32_t get_be32(const std::string& b, std::size_t at) {
    return (std::uint32_t{static_cast<unsigned char>(b[at])} << 24) |
           (std::uint32_t{static_cast<unsigned char>(b[at + 1])} << 16) |
           (std::uint32_t{static_cast<unsigned char>(b[at + 2])} << 8) |
           std::uint32_t{static_cast<unsigned char>(b[at + 3])};
}

void put_be32(std::string& bytes, std::size_t at, std::uint32_t value) {
    for (int i = 0; i < 4; ++i)
        bytes[at + static_cast<std::size_t>(i)] = static_cast<char>((value >> (24 - 8 * i)) & 0xff);
}

std::size_t find_chunk(const std::string& png, std::string_view type) {
    std::size_t pos = 8;
    while (pos + 12 <= png.size()) {
        if (png.compare(pos + 4, 4, type) == 0) return pos;
        pos += 12 + get_be32(png, pos);
    }
    return std::string::npos;
}

void fix_chunk_crc(std::string& png, std::size_t offset) {
    const std::uint32_t length = get_be32(png, offset);
    put_be32(png, offset + 8 + length, png_crc(std::string_view(png).substr(offset + 4, length + 4)));
}

std::string png_chunk(std::string_view type, std::string_view data) {
    std::string chunk(4, '\0');
    put_be32(chunk, 0, static_cast<std::uint32_t>(data.size()));
    chunk.append(type);
    chunk.append(data);
    chunk.append(4, '\0');
    fix_chunk_crc(chunk, 0);
    return chunk;
}

std::string png_claiming(std::uint32_t width, std::uint32_t height) {
    std::string png = make_png({.width = 8, .height = 8, .colour_type = 0, .bit_depth = 1});
    put_be32(png, 16, width);
    put_be32(png, 20, height);
    fix_chunk_crc(png, 8);
    return png;
}

std::size_t find_marker(const std::string& jpeg, std::uint8_t marker) {
    for (std::size_t i = 0; i + 1 < jpeg.size(); ++i)
        if (static_cast<unsigned char>(jpeg[i]) == 0xFF && static_cast<unsigned char>(jpeg[i + 1]) == marker) return i;
    return std::string::npos;
}

}  // namespace galley::test
