// probe_image(): empty? -> sniff the type from the first bytes -> compare with
// the extension -> hand over to the format's probe (png_probe.cc,
// jpeg_probe.cc, gif_probe.cc, svg_probe.cc), which reads the header, checks
// the budget, then verifies the rest.
#include "media/image_probe.h"

#include "base/content_root.h"
#include "base/xml_space.h"
#include "media/probe_detail.h"

#include <algorithm>
#include <new>
#include <optional>

namespace galley {
namespace {

using media_detail::Bytes;

bool starts_with(Bytes b, std::string_view magic, std::size_t at = 0) {
    if (b.size() < at + magic.size()) return false;
    for (std::size_t i = 0; i < magic.size(); ++i)
        if (b[at + i] != static_cast<std::uint8_t>(magic[i])) return false;
    return true;
}

// Skips to just after `end`, or returns false when it never comes.
bool skip_past(Bytes b, std::size_t& pos, std::string_view end) {
    for (; pos + end.size() <= b.size(); ++pos) {
        if (starts_with(b, end, pos)) {
            pos += end.size();
            return true;
        }
    }
    return false;
}

// An SVG document: an optional BOM, XML declaration, comments, processing
// instructions and whitespace, then `<svg` (or a DOCTYPE naming svg, which the
// SVG probe refuses with a clear message).
bool looks_like_svg(Bytes b) {
    std::size_t pos = starts_with(b, "\xEF\xBB\xBF") ? 3 : 0;
    for (;;) {
        while (pos < b.size() && is_xml_space(b[pos])) ++pos;
        if (starts_with(b, "<?", pos)) {
            if (!skip_past(b, pos, "?>")) return false;
        } else if (starts_with(b, "<!--", pos)) {
            if (!skip_past(b, pos, "-->")) return false;
        } else if (starts_with(b, "<!DOCTYPE", pos)) {
            pos += 9;
            while (pos < b.size() && is_xml_space(b[pos])) ++pos;
            return starts_with(b, "svg", pos) && pos + 3 < b.size() &&
                   (is_xml_space(b[pos + 3]) || b[pos + 3] == '[' || b[pos + 3] == '>');
        } else {
            return starts_with(b, "<svg", pos) && pos + 4 < b.size() &&
                   (is_xml_space(b[pos + 4]) || b[pos + 4] == '>' || b[pos + 4] == '/');
        }
    }
}

std::optional<ImageType> sniff(Bytes b) {
    if (starts_with(b, "\x89PNG\r\n\x1a\n")) return ImageType::png;
    if (starts_with(b, "\xFF\xD8\xFF")) return ImageType::jpeg;
    if (starts_with(b, "GIF87a") || starts_with(b, "GIF89a")) return ImageType::gif;
    if (looks_like_svg(b)) return ImageType::svg;
    return std::nullopt;
}

// Formats people send by mistake, named so the message can say what it is.
const char* other_format(Bytes b) {
    if (starts_with(b, "RIFF") && starts_with(b, "WEBP", 8)) return "WebP";
    if (starts_with(b, "II*") || starts_with(b, std::string_view("MM\0*", 4))) return "TIFF";
    if (starts_with(b, "ftypavif", 4) || starts_with(b, "ftypavis", 4)) return "AVIF";
    if (starts_with(b, "ftypheic", 4) || starts_with(b, "ftypheix", 4) || starts_with(b, "ftypmif1", 4)) return "HEIF";
    if (starts_with(b, std::string_view("\0\0\0\x0cjP  ", 10)) || starts_with(b, "\xFF\x4F\xFF\x51"))
        return "JPEG 2000";
    if (starts_with(b, "BM") && b.size() >= 26) {
        std::uint32_t info_size = media_detail::le16(b, 14) | (media_detail::le16(b, 16) << 16);
        if (info_size == 12 || info_size == 40 || info_size == 52 || info_size == 56 || info_size == 108 ||
            info_size == 124)
            return "BMP";
    }
    if (starts_with(b, "8BPS")) return "Photoshop";
    if (starts_with(b, "%PDF-")) return "PDF";
    if (starts_with(b, "%!PS")) return "PostScript";
    if (starts_with(b, "PK\x03\x04")) return "ZIP";
    if (starts_with(b, "\x1f\x8b")) return "gzip";
    return nullptr;
}

bool starts_with_text(Bytes b) {
    std::size_t n = std::min<std::size_t>(b.size(), 512);
    for (std::size_t i = 0; i < n; ++i) {
        std::uint8_t c = b[i];
        if (c == 0x7f || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')) return false;
    }
    return true;
}

std::optional<ImageType> type_from_extension(std::string_view name) {
    std::size_t slash = name.find_last_of('/');
    std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
    std::size_t dot = base.find_last_of('.');
    if (dot == std::string_view::npos) return std::nullopt;
    std::string ext(base.substr(dot + 1));
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (ext == "jpg" || ext == "jpeg") return ImageType::jpeg;
    if (ext == "png") return ImageType::png;
    if (ext == "gif") return ImageType::gif;
    if (ext == "svg") return ImageType::svg;
    return std::nullopt;
}

const char* extensions_of(ImageType type) {
    switch (type) {
        case ImageType::jpeg: return ".jpg or .jpeg";
        case ImageType::png: return ".png";
        case ImageType::gif: return ".gif";
        case ImageType::svg: return ".svg";
    }
    return "";
}

// "60.0" for 60,000,000; rounded up or down so that a value just over a
// budget never prints the same as the budget.
std::string megapixels(std::uint64_t pixels, bool round_up) {
    std::uint64_t tenths = pixels / 100'000;
    if (round_up && pixels % 100'000 != 0) ++tenths;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

ProbeResult dispatch(Bytes bytes, std::string_view name, ImageType type, const ImageLimits& limits) {
    switch (type) {
        case ImageType::png: return media_detail::probe_png(bytes, name, limits);
        case ImageType::jpeg: return media_detail::probe_jpeg(bytes, name, limits);
        case ImageType::gif: return media_detail::probe_gif(bytes, name, limits);
        case ImageType::svg: return media_detail::probe_svg(bytes, name, limits);
    }
    return media_detail::unsupported(name, "is of an unknown type");
}

}  // namespace

const char* image_type_name(ImageType type) {
    switch (type) {
        case ImageType::jpeg: return "JPEG";
        case ImageType::png: return "PNG";
        case ImageType::gif: return "GIF";
        case ImageType::svg: return "SVG";
    }
    return "?";
}

const char* image_media_type(ImageType type) {
    switch (type) {
        case ImageType::jpeg: return "image/jpeg";
        case ImageType::png: return "image/png";
        case ImageType::gif: return "image/gif";
        case ImageType::svg: return "image/svg+xml";
    }
    return "application/octet-stream";
}

ProbeResult probe_image(std::span<const std::uint8_t> bytes, std::string_view file_name, const ImageLimits& limits) {
    const std::string who = quote_path(file_name);
    if (bytes.empty()) return ImageProblem{"E-IMAGE-EMPTY", who + " is empty (0 bytes)"};

    std::optional<ImageType> type = sniff(bytes);
    if (!type) {
        if (const char* other = other_format(bytes))
            return ImageProblem{"E-IMAGE-UNSUPPORTED",
                                who + " is a " + other + " file; images must be JPEG, PNG, GIF or SVG"};
        if (starts_with_text(bytes))
            return ImageProblem{"E-IMAGE-NOT-IMAGE", who + " is not an image (it starts with text)"};
        return ImageProblem{"E-IMAGE-NOT-IMAGE",
                            who + " is not an image (it does not start like a JPEG, PNG, GIF or SVG file)"};
    }
    std::optional<ImageType> named = type_from_extension(file_name);
    if (!named)
        return ImageProblem{
            "E-IMAGE-TYPE-MISMATCH",
            who + " is a " + image_type_name(*type) + " image, but its name does not end in " + extensions_of(*type)};
    if (*named != *type)
        return ImageProblem{"E-IMAGE-TYPE-MISMATCH",
                            who + " is a " + image_type_name(*type) + " image, not " + image_type_name(*named)};
    try {
        return dispatch(bytes, file_name, *type, limits);
    } catch (const std::bad_alloc&) {
        return ImageProblem{"E-IMAGE-TOO-LARGE", who + " needs more memory to check than is available"};
    }
}

namespace media_detail {

ImageProblem damaged(std::string_view name, ImageType type, std::string_view detail) {
    return ImageProblem{"E-IMAGE-CORRUPT",
                        quote_path(name) + " is a damaged " + image_type_name(type) + " image: " + std::string(detail)};
}

ImageProblem truncated(std::string_view name, ImageType type, std::string_view where) {
    return damaged(name, type, "it is truncated (the file ends " + std::string(where) + ")");
}

ImageProblem unsupported(std::string_view name, std::string_view detail) {
    return ImageProblem{"E-IMAGE-UNSUPPORTED", quote_path(name) + " " + std::string(detail)};
}

std::optional<ImageProblem> check_budget(std::string_view name, ImageType type, std::uint64_t width,
                                         std::uint64_t height, const ImageLimits& limits) {
    const std::string size = std::to_string(width) + "x" + std::to_string(height) + " pixels";
    if (width == 0 || height == 0) return damaged(name, type, "its header gives a size of " + size);
    const std::uint64_t pixels = width * height;  // both < 2^32: no overflow
    if (pixels > limits.max_pixels)
        return ImageProblem{"E-IMAGE-TOO-LARGE", quote_path(name) + " is " + size + " (" + megapixels(pixels, true) +
                                                     " megapixels), over the budget of " +
                                                     megapixels(limits.max_pixels, false) + " megapixels"};
    if (width > limits.max_side || height > limits.max_side)
        return ImageProblem{"E-IMAGE-TOO-LARGE", quote_path(name) + " is " + size + ", longer than the limit of " +
                                                     std::to_string(limits.max_side) + " pixels on a side"};
    return std::nullopt;
}

std::string lower_first(std::string s) {
    if (s.size() > 1 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
        s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

}  // namespace media_detail
}  // namespace galley
