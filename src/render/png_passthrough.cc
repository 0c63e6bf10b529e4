#include "render/png_passthrough.h"

#include <zlib.h>

namespace galley::render {
namespace {

std::uint32_t be32(const std::string& b, std::size_t at) {
    return (std::uint32_t(std::uint8_t(b[at])) << 24) | (std::uint32_t(std::uint8_t(b[at + 1])) << 16) |
           (std::uint32_t(std::uint8_t(b[at + 2])) << 8) | std::uint8_t(b[at + 3]);
}

// The chunk's CRC (over its type and data) as stored.
bool crc_right(const std::string& file, std::size_t at, std::uint32_t length) {
    const auto* p = reinterpret_cast<const Bytef*>(file.data() + at + 4);
    uLong crc = crc32_z(crc32_z(0L, Z_NULL, 0), p, length + 4);
    return crc == be32(file, at + 8 + length);
}

constexpr char kMarkerComment[] = "galley png ";

}  // namespace

std::string passthrough_marker(const PngPassthrough& image, std::size_t index) {
    std::string comment = kMarkerComment + std::to_string(index);
    std::string m = "\xFF\xD8";  // SOI
    m += "\xFF\xFE";             // COM
    const std::size_t length = comment.size() + 2;
    m += static_cast<char>(length >> 8);
    m += static_cast<char>(length & 0xFF);
    m += comment;
    // SOF0: length, precision, height, width, components, then per component id, sampling, table.
    const int components = image.indexed ? 1 : image.colours;
    const std::size_t sof_length = 8 + 3 * static_cast<std::size_t>(components);
    m += "\xFF\xC0";
    m += static_cast<char>(sof_length >> 8);
    m += static_cast<char>(sof_length & 0xFF);
    m += static_cast<char>(8);
    m += static_cast<char>((image.height >> 8) & 0xFF);
    m += static_cast<char>(image.height & 0xFF);
    m += static_cast<char>((image.width >> 8) & 0xFF);
    m += static_cast<char>(image.width & 0xFF);
    m += static_cast<char>(components);
    for (int c = 0; c < components; ++c) {
        m += static_cast<char>(c + 1);
        m += static_cast<char>(0x11);
        m += static_cast<char>(0);
    }
    m += "\xFF\xD9";  // EOI
    return m;
}

std::optional<std::size_t> passthrough_index(const std::string& data) {
    const std::string head = std::string("\xFF\xD8\xFF\xFE", 4);
    const std::size_t prefix = sizeof kMarkerComment - 1;
    if (data.size() < 6 + prefix || data.compare(0, 4, head) != 0) return std::nullopt;
    const std::size_t length = (std::size_t(std::uint8_t(data[4])) << 8) | std::uint8_t(data[5]);
    if (length < 2 + prefix + 1 || 4 + length > data.size() || data.compare(6, prefix, kMarkerComment) != 0)
        return std::nullopt;
    std::size_t index = 0;
    for (std::size_t i = 6 + prefix; i < 4 + length; ++i) {
        if (data[i] < '0' || data[i] > '9' || index > 100000000) return std::nullopt;
        index = index * 10 + static_cast<std::size_t>(data[i] - '0');
    }
    return index;
}

std::optional<PngPassthrough> png_passthrough(const std::string& file) {
    static const char signature[] = "\x89PNG\r\n\x1a\n";
    if (file.size() < 8 + 25 || file.compare(0, 8, signature, 8) != 0) return std::nullopt;
    PngPassthrough out;
    bool header = false, in_idat = false, idat_done = false, end = false;
    int colour_type = -1;
    std::size_t at = 8;
    while (!end) {
        if (file.size() - at < 12) return std::nullopt;
        const std::uint32_t length = be32(file, at);
        if (length > 0x7FFFFFFFu || file.size() - at - 12 < length) return std::nullopt;
        const std::string type = file.substr(at + 4, 4);
        if (!crc_right(file, at, length)) return std::nullopt;
        const std::size_t data = at + 8;
        if (!header) {
            if (type != "IHDR" || length != 13) return std::nullopt;
            out.width = be32(file, data);
            out.height = be32(file, data + 4);
            const int depth = std::uint8_t(file[data + 8]);
            colour_type = std::uint8_t(file[data + 9]);
            const int compression = std::uint8_t(file[data + 10]);
            const int filter = std::uint8_t(file[data + 11]);
            const int interlace = std::uint8_t(file[data + 12]);
            // The stand-in's JPEG frame header holds 16 bits a side.
            if (out.width == 0 || out.height == 0 || out.width > 0xFFFF || out.height > 0xFFFF || compression != 0 ||
                filter != 0 || interlace != 0)
                return std::nullopt;
            switch (colour_type) {
                case 0:  // greyscale
                    if (depth != 1 && depth != 2 && depth != 4 && depth != 8) return std::nullopt;
                    break;
                case 2:  // RGB
                    if (depth != 8) return std::nullopt;
                    out.colours = 3;
                    break;
                case 3:  // palette
                    if (depth != 1 && depth != 2 && depth != 4 && depth != 8) return std::nullopt;
                    out.indexed = true;
                    break;
                default: return std::nullopt;  // with an alpha channel
            }
            out.bits = depth;
            header = true;
        } else if (type == "IDAT") {
            if (idat_done) return std::nullopt;
            in_idat = true;
            out.data.append(file, data, length);
        } else {
            if (in_idat) idat_done = true;
            in_idat = false;
            if (type == "tRNS") return std::nullopt;  // transparency: cairo makes it alpha
            if (type == "PLTE") {
                if (length == 0 || length % 3 != 0 || length / 3 > 256 || !out.palette.empty() || idat_done)
                    return std::nullopt;
                out.palette = file.substr(data, length);
            } else if (type == "IEND") {
                end = true;
            } else if (!(std::uint8_t(type[0]) & 0x20)) {
                return std::nullopt;  // a critical chunk galley does not know
            }
        }
        at = data + length + 4;
    }
    if (!idat_done || out.data.empty()) return std::nullopt;
    if (out.indexed) {
        // An index past the palette's end comes out black from libpng (its
        // palette is 256 entries, zeroed); the PDF's lookup table gets
        // every index the bit depth can hold, the missing ones black too.
        if (out.palette.empty()) return std::nullopt;
        out.palette.resize((std::size_t(1) << out.bits) * 3, '\0');
    } else {
        out.palette.clear();  // a suggested palette for a true-colour image: not used
    }
    return out;
}

}  // namespace galley::render
