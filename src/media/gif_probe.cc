// GIF: the logical screen size -> budget -> a walk over every block to the
// trailer (image descriptors with their colour tables and LZW sub-blocks,
// extensions), each frame's size checked against the budget too. The first
// image, the one printed, must lie on the screen, and its LZW data is
// decoded to a count of pixels (lengths only, no pixels kept): it must give
// them all. The other frames' data is not decoded.
#include "media/gif_first_frame.h"
#include "media/probe_detail.h"

#include <optional>

namespace galley::media_detail {
namespace {

constexpr ImageType gif = ImageType::gif;
constexpr std::size_t screen_descriptor_end = 13;

std::size_t colour_table_size(std::uint8_t flags) {
    return (flags & 0x80) != 0 ? 3 * (std::size_t{1} << ((flags & 7) + 1)) : 0;
}

// Skips a chain of data sub-blocks ending with a zero-length one.
bool skip_sub_blocks(Bytes b, std::size_t& pos) {
    for (;;) {
        if (pos >= b.size()) return false;
        const std::size_t n = b[pos++];
        if (n == 0) return true;
        if (b.size() - pos < n) return false;
        pos += n;
    }
}

// What an image's LZW data decodes to, counted rather than kept: the
// number of pixels it gives before its end code or the end of its data,
// or nothing when a code names a table entry that does not exist yet (the
// data is not LZW). `pos` is at the LZW code size, the sub-blocks follow.
std::optional<std::uint64_t> lzw_pixels(Bytes b, std::size_t pos, std::uint64_t wanted) {
    const int min_size = b[pos++];
    const int clear = 1 << min_size, end = clear + 1;
    std::uint16_t length[4096];  // of each table entry's string
    int size = min_size + 1, next = clear + 2, prev = -1;
    std::uint64_t pixels = 0;
    std::uint32_t bits = 0;
    int nbits = 0;
    for (;;) {
        const std::size_t n = pos < b.size() ? b[pos++] : 0;
        if (n == 0 || b.size() - pos < n) return pixels;  // the data ends (no end code: decoders accept it)
        for (std::size_t i = 0; i < n; ++i) {
            bits |= static_cast<std::uint32_t>(b[pos + i]) << nbits;
            nbits += 8;
            while (nbits >= size) {
                const int code = static_cast<int>(bits & ((1u << size) - 1));
                bits >>= size;
                nbits -= size;
                if (code == clear) {
                    size = min_size + 1;
                    next = clear + 2;
                    prev = -1;
                    continue;
                }
                if (code == end) return pixels;
                int len;
                if (code < clear) len = 1;
                else if (code < next && prev >= 0) len = length[code];
                else if (code == next && prev >= 0) len = (prev < clear ? 1 : length[prev]) + 1;
                else return std::nullopt;  // no such entry
                pixels += static_cast<std::uint64_t>(len);
                if (pixels >= wanted) return pixels;
                if (prev >= 0 && next < 4096) {
                    length[next] = static_cast<std::uint16_t>((prev < clear ? 1 : length[prev]) + 1);
                    ++next;
                    if (next == (1 << size) && size < 12) ++size;
                }
                prev = code;
            }
        }
        pos += n;
    }
}

}  // namespace

ProbeResult probe_gif(Bytes bytes, std::string_view name, const ImageLimits& limits) {
    if (bytes.size() < screen_descriptor_end) return truncated(name, gif, "inside its header");
    ImageInfo info;
    info.type = gif;
    info.width_px = le16(bytes, 6);
    info.height_px = le16(bytes, 8);
    if (auto problem = check_budget(name, gif, info.width_px, info.height_px, limits)) return *problem;

    std::size_t pos = screen_descriptor_end + colour_table_size(bytes[10]);
    if (pos > bytes.size()) return truncated(name, gif, "inside its colour table");
    int frames = 0;
    for (;;) {
        if (pos >= bytes.size()) return truncated(name, gif, "before its trailer");
        const std::size_t at = pos;
        const std::uint8_t block = bytes[pos++];
        if (block == 0x3B) break;  // trailer
        if (block == 0x21) {       // extension: label, then sub-blocks
            if (pos >= bytes.size()) return truncated(name, gif, "inside an extension");
            const std::uint8_t label = bytes[pos++];
            // Graphic control extension: 4 bytes, bit 0 of the first = transparency.
            if (label == 0xF9 && pos + 1 < bytes.size() && bytes[pos] >= 1 && (bytes[pos + 1] & 1) != 0)
                info.has_alpha = true;
            if (!skip_sub_blocks(bytes, pos)) return truncated(name, gif, "inside an extension");
        } else if (block == 0x2C) {  // image: descriptor, colour table, LZW code size, sub-blocks
            if (bytes.size() - pos < 9) return truncated(name, gif, "inside an image descriptor");
            const std::uint32_t w = le16(bytes, pos + 4), h = le16(bytes, pos + 6);
            if (auto problem = check_budget(name, gif, w, h, limits)) return *problem;
            // Its colours come from its own table or the file's; with
            // neither, decoders refuse it (gdk-pixbuf: "no global colormap").
            if ((bytes[pos + 8] & 0x80) == 0 && (bytes[10] & 0x80) == 0)
                return damaged(name, gif, "its image at byte " + std::to_string(at) + " has no colour table, and the file none");
            const std::uint32_t left = le16(bytes, pos), top = le16(bytes, pos + 2);
            pos += 9 + colour_table_size(bytes[pos + 8]);
            if (pos >= bytes.size()) return truncated(name, gif, "inside an image");
            const std::size_t code_at = pos;
            const std::uint8_t code_size = bytes[pos++];
            if (code_size < 2 || code_size > 8)
                return damaged(name, gif, "its image at byte " + std::to_string(at) + " has an invalid LZW code size");
            if (!skip_sub_blocks(bytes, pos)) return truncated(name, gif, "inside its image data");
            if (frames == 0) {
                // The first image is the picture printed: it must lie on
                // the screen, and its data must give all its pixels.
                const std::string image = "its first image (at byte " + std::to_string(at) + ")";
                if (w == 0 || h == 0 || left >= info.width_px || top >= info.height_px)
                    return damaged(name, gif, image + " lies outside its " + std::to_string(info.width_px) + "x" +
                                                  std::to_string(info.height_px) + " screen");
                const std::uint64_t wanted = std::uint64_t{w} * h;
                const std::optional<std::uint64_t> got = lzw_pixels(bytes, code_at, wanted);
                if (!got) return damaged(name, gif, image + " is not valid LZW data");
                if (*got < wanted)
                    return damaged(name, gif, image + " holds " + std::to_string(*got) + " of its " +
                                                  std::to_string(wanted) + " pixels");
            }
            ++frames;
        } else {
            return damaged(name, gif, "it has an unknown block at byte " + std::to_string(at));
        }
    }
    if (frames == 0) return damaged(name, gif, "it contains no image");
    return info;
}

}  // namespace galley::media_detail

namespace galley {

std::optional<std::string> gif_first_frame(std::string_view gif) {
    using media_detail::colour_table_size;
    using media_detail::skip_sub_blocks;
    const media_detail::Bytes bytes(reinterpret_cast<const std::uint8_t*>(gif.data()), gif.size());
    if (bytes.size() < media_detail::screen_descriptor_end) return std::nullopt;
    std::size_t pos = media_detail::screen_descriptor_end + colour_table_size(bytes[10]);
    while (pos < bytes.size()) {
        const std::uint8_t block = bytes[pos++];
        if (block == 0x21) {
            if (pos >= bytes.size()) return std::nullopt;
            ++pos;  // the label
            if (!skip_sub_blocks(bytes, pos)) return std::nullopt;
        } else if (block == 0x2C) {
            if (bytes.size() - pos < 9) return std::nullopt;
            pos += 9 + colour_table_size(bytes[pos + 8]);
            if (pos >= bytes.size()) return std::nullopt;
            ++pos;  // the LZW code size
            if (!skip_sub_blocks(bytes, pos)) return std::nullopt;
            std::string out(gif.substr(0, pos));
            out += '\x3B';  // the trailer
            return out;
        } else {
            return std::nullopt;  // the trailer before any image, or an unknown block
        }
    }
    return std::nullopt;
}

}  // namespace galley
