// PNG: IHDR (with its CRC) -> budget -> a walk over every chunk checking
// lengths and CRCs (picking up pHYs and tRNS; APNG frames must lie inside
// the image, so each is within the budget) -> a full decode with
// libpng, one reused row buffer, every chunk CRC an error. The decode is
// bounded by the budget already checked: height x passes rows of at most
// max_side pixels.
#include "media/probe_detail.h"

#include <png.h>

#include <array>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

namespace galley::media_detail {
namespace {

constexpr ImageType png = ImageType::png;
constexpr std::size_t signature_size = 8;
// Ancillary chunks libpng inflates (iCCP, zTXt, iTXt) may not grow past this:
// a compressed text chunk is a decompression bomb of its own.
constexpr png_alloc_size_t max_chunk_bytes = 8'000'000;

// CRC-32 as PNG defines it (ISO 3309, reflected polynomial 0xEDB88320).
std::uint32_t chunk_crc(Bytes data) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::uint8_t b : data) c = table[(c ^ b) & 0xff] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::string chunk_name(Bytes b, std::size_t at) {
    std::string s;
    for (std::size_t i = 0; i < 4; ++i) {
        char c = static_cast<char>(b[at + i]);
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter) return "";
        s += c;
    }
    return s;
}

bool valid_depth(unsigned colour, unsigned depth) {
    switch (colour) {
        case 0: return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
        case 3: return depth == 1 || depth == 2 || depth == 4 || depth == 8;
        case 2:
        case 4:
        case 6: return depth == 8 || depth == 16;
        default: return false;
    }
}

// What libpng needs to read from memory and report errors. Lives in the
// caller's frame; decode() below only longjmps within its own frame.
struct Decoder {
    Bytes bytes;
    std::size_t pos = 0;
    std::uint32_t max_side = 0;
    char error[200] = {};
    std::vector<png_byte> row;
};

void on_error(png_structp p, png_const_charp message) {
    auto* d = static_cast<Decoder*>(png_get_error_ptr(p));
    std::snprintf(d->error, sizeof d->error, "%s", message != nullptr ? message : "unknown error");
    png_longjmp(p, 1);
}

void on_warning(png_structp, png_const_charp) {}

void on_read(png_structp p, png_bytep out, png_size_t length) {
    auto* d = static_cast<Decoder*>(png_get_io_ptr(p));
    if (length > d->bytes.size() - d->pos) png_error(p, "unexpected end of file");
    std::memcpy(out, d->bytes.data() + d->pos, length);
    d->pos += length;
}

// Runs libpng over the whole file. No object with a destructor lives in this
// frame, so the longjmp from on_error skips nothing.
bool decode(png_structp p, png_infop info, Decoder& d) {
    if (setjmp(png_jmpbuf(p))) return false;
    png_set_user_limits(p, d.max_side, d.max_side);
    png_set_chunk_malloc_max(p, max_chunk_bytes);
    png_set_chunk_cache_max(p, 1000);
    png_set_crc_action(p, PNG_CRC_ERROR_QUIT, PNG_CRC_ERROR_QUIT);
    png_set_read_fn(p, &d, on_read);
    png_read_info(p, info);
    const int passes = png_set_interlace_handling(p);
    png_read_update_info(p, info);
    d.row.resize(png_get_rowbytes(p, info));
    const png_uint_32 height = png_get_image_height(p, info);
    for (int pass = 0; pass < passes; ++pass)
        for (png_uint_32 y = 0; y < height; ++y) png_read_row(p, d.row.data(), nullptr);
    png_read_end(p, nullptr);
    return true;
}

}  // namespace

ProbeResult probe_png(Bytes bytes, std::string_view name, const ImageLimits& limits) {
    // Signature, then IHDR: length 13, type, 13 bytes, CRC.
    constexpr std::size_t ihdr_end = signature_size + 8 + 13 + 4;
    if (bytes.size() < ihdr_end) return truncated(name, png, "inside its IHDR header");
    if (be32(bytes, 8) != 13 || chunk_name(bytes, 12) != "IHDR")
        return damaged(name, png, "it does not begin with an IHDR header");
    if (chunk_crc(bytes.subspan(12, 17)) != be32(bytes, 29))
        return damaged(name, png, "its IHDR chunk at byte 8 fails its CRC check");

    ImageInfo info;
    info.type = png;
    info.width_px = be32(bytes, 16);
    info.height_px = be32(bytes, 20);
    const unsigned depth = bytes[24], colour = bytes[25];
    if (info.width_px > 0x7fffffffu || info.height_px > 0x7fffffffu)
        return damaged(name, png, "its IHDR header gives an impossible size");
    if (auto problem = check_budget(name, png, info.width_px, info.height_px, limits)) return *problem;
    if (!valid_depth(colour, depth) || bytes[26] != 0 || bytes[27] != 0 || bytes[28] > 1)
        return damaged(name, png, "its IHDR header is invalid");
    info.has_alpha = colour == 4 || colour == 6;

    // Every chunk: length in bounds, a name of four letters, a good CRC.
    std::size_t pos = signature_size;
    bool seen_idat = false, seen_iend = false;
    while (!seen_iend) {
        if (pos == bytes.size()) return truncated(name, png, "before its IEND chunk");
        if (bytes.size() - pos < 12)
            return truncated(name, png, "inside a chunk header at byte " + std::to_string(pos));
        const std::uint32_t length = be32(bytes, pos);
        const std::string type = chunk_name(bytes, pos + 4);
        const std::string at = " at byte " + std::to_string(pos);
        if (type.empty() || length > 0x7fffffffu) return damaged(name, png, "it has a damaged chunk" + at);
        if (bytes.size() - pos - 12 < length) return truncated(name, png, "inside its " + type + " chunk" + at);
        Bytes data = bytes.subspan(pos + 8, length);
        if (chunk_crc(bytes.subspan(pos + 4, length + 4)) != be32(bytes, pos + 8 + length))
            return damaged(name, png, "its " + type + " chunk" + at + " fails its CRC check");
        if (type == "IDAT") seen_idat = true;
        if (type == "IEND") seen_iend = true;
        if (type == "tRNS") info.has_alpha = true;
        if (type == "fcTL" && length == 26) {  // an APNG frame must lie inside the image
            const std::uint64_t right = std::uint64_t{be32(data, 12)} + be32(data, 4);
            const std::uint64_t bottom = std::uint64_t{be32(data, 16)} + be32(data, 8);
            if (right > info.width_px || bottom > info.height_px)
                return damaged(name, png, "its animation frame" + at + " is larger than the image");
        }
        if (type == "pHYs" && length == 9 && data[8] == 1) {  // unit 1: pixels per metre
            info.dpi_x = be32(data, 0) * 0.0254;
            info.dpi_y = be32(data, 4) * 0.0254;
        }
        pos += 12 + length;
    }
    if (!seen_idat) return damaged(name, png, "it has no image data (no IDAT chunk)");

    // Decode every row.
    Decoder d;
    d.bytes = bytes;
    d.max_side = limits.max_side;
    d.row.reserve(std::size_t{info.width_px} * 8);  // 16-bit RGBA: the widest row there is
    png_structp p = png_create_read_struct(PNG_LIBPNG_VER_STRING, &d, on_error, on_warning);
    if (p == nullptr) return damaged(name, png, "libpng could not start");
    png_infop pinfo = png_create_info_struct(p);
    bool ok = pinfo != nullptr && decode(p, pinfo, d);
    png_destroy_read_struct(&p, pinfo != nullptr ? &pinfo : nullptr, nullptr);
    if (!ok) {
        if (std::strcmp(d.error, "unexpected end of file") == 0)
            return truncated(name, png, "before its image data does");
        return damaged(name, png, std::string("its image data cannot be decoded (") + d.error + ")");
    }
    return info;
}

}  // namespace galley::media_detail
