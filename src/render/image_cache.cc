#include "render/image_cache.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>
#include <variant>
#include <vector>

#include "base/content_root.h"
#include "base/file_read.h"
#include "base/freetype_lock.h"
#include "media/gif_first_frame.h"
#include "render/png_passthrough.h"

namespace galley::render {
namespace {

// Above the reader's 64 MB image cap: anything it accepted fits.
constexpr std::uint64_t kMaxImageBytes = 128u * 1024u * 1024u;

// Decoded pixels from which an image is decoded by one thread at a time
// (32 megapixels; a news photograph is about 24).
constexpr std::size_t kLargeDecodeBytes = std::size_t{128} * 1024 * 1024;

std::mutex& large_decode_mutex() {
    static std::mutex m;
    return m;
}

struct Size {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
};

std::uint32_t be16(const std::string& b, std::size_t at) {
    return (std::uint32_t(std::uint8_t(b[at])) << 8) | std::uint8_t(b[at + 1]);
}
std::uint32_t be32(const std::string& b, std::size_t at) { return (be16(b, at) << 16) | be16(b, at + 2); }
std::uint32_t le16(const std::string& b, std::size_t at) {
    return std::uint8_t(b[at]) | (std::uint32_t(std::uint8_t(b[at + 1])) << 8);
}

// The frame size from the first SOFn segment, walking marker segments.
std::optional<Size> jpeg_size(const std::string& b) {
    std::size_t pos = 2;
    if (b.size() < 4 || std::uint8_t(b[0]) != 0xFF || std::uint8_t(b[1]) != 0xD8) return std::nullopt;
    while (pos + 4 <= b.size()) {
        if (std::uint8_t(b[pos]) != 0xFF) return std::nullopt;
        std::uint8_t marker = std::uint8_t(b[pos + 1]);
        if (marker == 0xFF) {
            ++pos;  // fill byte
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            pos += 2;
            continue;
        }
        std::uint32_t length = be16(b, pos + 2);
        bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            if (pos + 9 > b.size() || length < 7) return std::nullopt;
            return Size{be16(b, pos + 7), be16(b, pos + 5)};
        }
        if (marker == 0xDA || marker == 0xD9 || length < 2) return std::nullopt;  // no frame header before the scan
        pos += 2 + length;
    }
    return std::nullopt;
}

std::optional<Size> header_size(const std::string& b, page::ImageFormat format) {
    switch (format) {
        case page::ImageFormat::jpeg: return jpeg_size(b);
        case page::ImageFormat::png:
            if (b.size() < 24 || b.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0 || b.compare(12, 4, "IHDR") != 0)
                return std::nullopt;
            return Size{be32(b, 16), be32(b, 20)};
        case page::ImageFormat::gif:
            if (b.size() < 10 || (b.compare(0, 6, "GIF87a") != 0 && b.compare(0, 6, "GIF89a") != 0))
                return std::nullopt;
            return Size{le16(b, 6), le16(b, 8)};
        case page::ImageFormat::svg: return Size{};
    }
    return std::nullopt;
}

const char* format_name(page::ImageFormat format) {
    switch (format) {
        case page::ImageFormat::jpeg: return "JPEG";
        case page::ImageFormat::png: return "PNG";
        case page::ImageFormat::gif: return "GIF";
        case page::ImageFormat::svg: return "SVG";
    }
    return "image";
}

struct PngReader {
    const std::string* bytes;
    std::size_t at = 0;
};

bool has_unique_id(cairo_surface_t* s) {
    const unsigned char* data = nullptr;
    unsigned long length = 0;
    cairo_surface_get_mime_data(s, CAIRO_MIME_TYPE_UNIQUE_ID, &data, &length);
    return data != nullptr;
}

bool tag_unique_id(cairo_surface_t* s, const std::string& file) {
    auto* id = static_cast<unsigned char*>(std::malloc(file.size() + 1));
    if (!id) return false;
    std::memcpy(id, file.data(), file.size());
    if (cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_UNIQUE_ID, id, file.size(), std::free, id) !=
        CAIRO_STATUS_SUCCESS) {
        std::free(id);
        return false;
    }
    return true;
}

cairo_status_t read_png_bytes(void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<PngReader*>(closure);
    if (r->bytes->size() - r->at < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, r->bytes->data() + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}

// One RGB(A) pixel (`rgb` its first three bytes) as cairo's native-endian
// ARGB32, premultiplied by `a`.
std::uint32_t premultiplied_argb(const guchar* rgb, std::uint32_t a) {
    auto pre = [a](std::uint32_t c) { return (c * a + 127) / 255; };
    return (a << 24) | (pre(rgb[0]) << 16) | (pre(rgb[1]) << 8) | pre(rgb[2]);
}

// Whether an RGBA pixbuf's rows are laid out as cairo's ARGB32 rows are
// (both 4 bytes a pixel), so its pixels can become the surface's.
bool fits_argb32(GdkPixbuf* pixbuf) {
    return gdk_pixbuf_get_bits_per_sample(pixbuf) == 8 && gdk_pixbuf_get_n_channels(pixbuf) == 4 &&
           gdk_pixbuf_get_has_alpha(pixbuf) &&
           gdk_pixbuf_get_rowstride(pixbuf) == cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, gdk_pixbuf_get_width(pixbuf));
}

// The pixbuf's own pixels turned into premultiplied native-endian ARGB32 in
// place, wrapped in a surface that holds the pixbuf: a 56-megapixel GIF is
// then 224 MB once, not twice. Only for fits_argb32(); null when cairo is
// out of memory (the pixels are converted by then: no fallback).
cairo_surface_t* surface_over_pixbuf(GdkPixbuf* pixbuf) {
    const int w = gdk_pixbuf_get_width(pixbuf), h = gdk_pixbuf_get_height(pixbuf);
    const int stride = gdk_pixbuf_get_rowstride(pixbuf);
    guint length = 0;
    guchar* pixels = gdk_pixbuf_get_pixels_with_length(pixbuf, &length);
    if (!pixels || w <= 0 || h <= 0 ||
        length < static_cast<guint>(stride) * static_cast<guint>(h - 1) + static_cast<guint>(w) * 4u)
        return nullptr;
    for (int y = 0; y < h; ++y) {
        guchar* row = pixels + static_cast<std::ptrdiff_t>(y) * stride;
        for (int x = 0; x < w; ++x) {
            guchar* in = row + static_cast<std::ptrdiff_t>(x) * 4;
            const std::uint32_t argb = premultiplied_argb(in, in[3]);
            std::memcpy(in, &argb, 4);
        }
    }
    cairo_surface_t* s = cairo_image_surface_create_for_data(pixels, CAIRO_FORMAT_ARGB32, w, h, stride);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return nullptr;
    }
    static const cairo_user_data_key_t kPixbufKey{};
    g_object_ref(pixbuf);
    if (cairo_surface_set_user_data(s, &kPixbufKey, pixbuf, g_object_unref) != CAIRO_STATUS_SUCCESS) {
        g_object_unref(pixbuf);
        cairo_surface_destroy(s);
        return nullptr;
    }
    return s;
}

// RGB(A) pixbuf -> premultiplied native-endian ARGB32 (or RGB24) surface.
cairo_surface_t* surface_from_pixbuf(GdkPixbuf* pixbuf) {
    if (fits_argb32(pixbuf)) return surface_over_pixbuf(pixbuf);
    int w = gdk_pixbuf_get_width(pixbuf), h = gdk_pixbuf_get_height(pixbuf);
    int channels = gdk_pixbuf_get_n_channels(pixbuf);
    bool alpha = gdk_pixbuf_get_has_alpha(pixbuf);
    if (gdk_pixbuf_get_bits_per_sample(pixbuf) != 8 || channels < 3) return nullptr;
    cairo_surface_t* s = cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, w, h);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return nullptr;
    }
    cairo_surface_flush(s);
    const guchar* src = gdk_pixbuf_read_pixels(pixbuf);
    int src_stride = gdk_pixbuf_get_rowstride(pixbuf);
    unsigned char* dst = cairo_image_surface_get_data(s);
    int dst_stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < h; ++y) {
        const guchar* in = src + static_cast<std::ptrdiff_t>(y) * src_stride;
        auto* out = reinterpret_cast<std::uint32_t*>(dst + static_cast<std::ptrdiff_t>(y) * dst_stride);
        for (int x = 0; x < w; ++x, in += channels) {
            out[x] = premultiplied_argb(in, alpha ? in[3] : 255);
        }
    }
    cairo_surface_mark_dirty(s);
    return s;
}

// Decodes with the one gdk-pixbuf loader for `type` ("jpeg", "gif"), never
// by sniffing; for an animation, its first frame.
cairo_surface_t* decode_with_pixbuf(const std::string& bytes, const char* type, std::string& why) {
    GError* error = nullptr;
    GdkPixbufLoader* loader = gdk_pixbuf_loader_new_with_type(type, &error);
    if (!loader) {
        why = error ? error->message : "no image loader";
        if (error) g_error_free(error);
        return nullptr;
    }
    bool ok = gdk_pixbuf_loader_write(loader, reinterpret_cast<const guchar*>(bytes.data()), bytes.size(), &error);
    ok = gdk_pixbuf_loader_close(loader, ok ? &error : nullptr) && ok;
    cairo_surface_t* surface = nullptr;
    if (!ok) {
        why = error ? error->message : "cannot decode";
    } else if (GdkPixbuf* pixbuf = gdk_pixbuf_loader_get_pixbuf(loader)) {
        surface = surface_from_pixbuf(pixbuf);
        if (!surface) why = "unusable pixel format";
    } else {
        why = "no image in the file";
    }
    if (error) g_error_free(error);
    g_object_unref(loader);
    return surface;
}

// A 1 x 1 blank stand-in carrying `jpeg` as its JPEG data: cairo's PDF
// surface writes those bytes as the image (with the dimensions in their
// frame header), and nothing as large as the decoded image is ever
// allocated or copied (cairo snapshots the pixels of every surface it
// records). Null when out of memory.
cairo_surface_t* stand_in(const std::string& jpeg, const std::string& file) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
    auto* data = static_cast<unsigned char*>(std::malloc(jpeg.size()));
    if (!data || cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        std::free(data);
        cairo_surface_destroy(s);
        return nullptr;
    }
    std::memcpy(data, jpeg.data(), jpeg.size());
    if (cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, data, jpeg.size(), std::free, data) !=
        CAIRO_STATUS_SUCCESS) {
        std::free(data);
        cairo_surface_destroy(s);
        return nullptr;
    }
    if (!tag_unique_id(s, file)) {
        cairo_surface_destroy(s);
        return nullptr;
    }
    return s;
}

}  // namespace

// The image's bytes: through its issue folder when it has one (resolved and
// opened the way the reader did, so a link swapped in since it was probed
// cannot lead out of the folder), else from the file as named.
std::optional<std::string> read_image_file(const page::Image& image, std::string& why) {
    if (image.root.empty()) {
        Diagnostics read_diags;
        std::optional<std::string> bytes = read_trusted_file(image.file, image.file, kMaxImageBytes, read_diags);
        if (!bytes) why = read_diags.empty() ? "cannot read it" : read_diags.all().front().message;
        return bytes;
    }
    const std::filesystem::path relative =
        std::filesystem::path(image.file).lexically_normal().lexically_relative(
            std::filesystem::path(image.root).lexically_normal());
    if (relative.empty() || *relative.begin() == "..") {
        why = "it is not inside the issue folder it was read from";
        return std::nullopt;
    }
    ContentRoot root(image.root);
    PathResult resolved = root.resolve(relative.generic_string(), {}, "image path");
    if (auto* refusal = std::get_if<PathRefusal>(&resolved)) {
        why = refusal->message;
        return std::nullopt;
    }
    ReadResult read = root.read(std::get<ResolvedPath>(resolved), kMaxImageBytes);
    if (auto* refusal = std::get_if<PathRefusal>(&read)) {
        why = refusal->message;
        return std::nullopt;
    }
    const auto& data = std::get<std::vector<std::uint8_t>>(read);
    return std::string(data.begin(), data.end());
}

class ImageCache::Source {
public:
    ~Source() {
        if (surface) cairo_surface_destroy(surface);
        if (svg) g_object_unref(svg);
    }
    cairo_surface_t* surface = nullptr;  // raster images
    RsvgHandle* svg = nullptr;           // SVG
    std::size_t decoded = 0;             // bytes of pixels in `surface` (0 for a stand-in)
    bool resampled = false;              // `surface` is the file drawn smaller, at `size`
    std::pair<int, int> size{0, 0};
    std::uint64_t last_use = 0;
};

namespace {

/// `full` drawn at `size` (smaller), smoothly; null when cairo cannot.
cairo_surface_t* resampled(cairo_surface_t* full, std::pair<int, int> size) {
    cairo_surface_t* out = cairo_image_surface_create(cairo_image_surface_get_format(full), size.first, size.second);
    if (cairo_surface_status(out) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(out);
        return nullptr;
    }
    cairo_t* cr = cairo_create(out);
    cairo_scale(cr, static_cast<double>(size.first) / cairo_image_surface_get_width(full),
                static_cast<double>(size.second) / cairo_image_surface_get_height(full));
    cairo_set_source_surface(cr, full, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_paint(cr);
    const bool ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(cr);
    if (!ok) {
        cairo_surface_destroy(out);
        return nullptr;
    }
    return out;
}

}  // namespace

ImageCache::ImageCache(JpegHandling jpeg, bool png_passthrough) : jpeg_(jpeg), png_passthrough_(png_passthrough) {}
ImageCache::~ImageCache() = default;

const ImageCache::Source* ImageCache::load(const page::Image& image, std::pair<int, int> target,
                                           Diagnostics& diags) {
    ++uses_;
    auto found = sources_.find(image.file);
    if (found != sources_.end()) {
        Source* s = found->second.get();
        const bool full = target == std::pair<int, int>(static_cast<int>(image.width_px), static_cast<int>(image.height_px));
        if (!s || s->decoded == 0 || (s->resampled ? s->size == target : full)) {
            if (s) s->last_use = uses_;
            return s;
        }
        decoded_bytes_ -= s->decoded;  // decoded at another size: again, at this one
        sources_.erase(found);
    }
    std::unique_ptr<Source>& slot = sources_[image.file];
    auto fail = [&](const std::string& why) -> const Source* {
        diags.error("E-RENDER-IMAGE", {image.file, 0, 0}, std::string("cannot draw the ") + format_name(image.format) +
                                                                 " image: " + why);
        return nullptr;
    };

    std::string why_unread;
    std::optional<std::string> bytes = read_image_file(image, why_unread);
    if (!bytes) return fail(why_unread);

    std::optional<Size> size = header_size(*bytes, image.format);
    if (!size) return fail("the file is no longer a valid " + std::string(format_name(image.format)));
    if (image.format != page::ImageFormat::svg && (size->width != image.width_px || size->height != image.height_px))
        return fail("the file changed since it was read (" + std::to_string(size->width) + "x" +
                    std::to_string(size->height) + " px, was " + std::to_string(image.width_px) + "x" +
                    std::to_string(image.height_px) + ")");

    auto source = std::make_unique<Source>();
    std::string why;
    // Room for the pixels about to be decoded, before they are.
    const bool decodes =
        image.format != page::ImageFormat::svg && (image.format != page::ImageFormat::jpeg || jpeg_ == JpegHandling::decode);
    const std::size_t decoded_size = std::size_t{4} * image.width_px * image.height_px;
    if (decodes) make_room(decoded_size, image.file);
    // One very large decode at a time in the whole process: the PDF, the
    // EPUB's cover page and the PNG proofs each draw with a cache of their
    // own, on their own threads, and two 56-megapixel GIFs decoded side by
    // side took 1 GB. Held until the pixels are resampled to their size.
    std::unique_lock<std::mutex> one_large_decode;
    if (decodes && decoded_size >= kLargeDecodeBytes) one_large_decode = std::unique_lock<std::mutex>(large_decode_mutex());
    switch (image.format) {
        case page::ImageFormat::jpeg:
            if (jpeg_ == JpegHandling::embed) {
                source->surface = stand_in(*bytes, image.file);
                if (!source->surface) return fail("out of memory");
            } else {
                source->surface = decode_with_pixbuf(*bytes, "jpeg", why);
            }
            break;
        case page::ImageFormat::png: {
            if (jpeg_ == JpegHandling::embed && png_passthrough_) {
                if (std::optional<PngPassthrough> passed = png_passthrough(*bytes)) {
                    source->surface = stand_in(passthrough_marker(*passed, passthrough_.size()), image.file);
                    if (!source->surface) return fail("out of memory");
                    passthrough_.push_back(std::move(*passed));
                    break;
                }
            }
            PngReader reader{&*bytes};
            cairo_surface_t* s = cairo_image_surface_create_from_png_stream(read_png_bytes, &reader);
            if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
                why = "cannot decode it";  // cairo reports every libpng failure as "out of memory"
                cairo_surface_destroy(s);
            } else {
                source->surface = s;
            }
            break;
        }
        case page::ImageFormat::gif: {
            // The frame print shows, without the rest of an animation.
            const std::optional<std::string> first = gif_first_frame(*bytes);
            source->surface = decode_with_pixbuf(first ? *first : *bytes, "gif", why);
            break;
        }
        case page::ImageFormat::svg: {
            GError* error = nullptr;
            source->svg = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes->data()), bytes->size(),
                                                    &error);
            if (!source->svg) why = error ? error->message : "cannot parse it";
            if (error) g_error_free(error);
            break;
        }
    }
    if (!source->surface && !source->svg) return fail(why);
    // One id per file: cairo's PDF surface then embeds the image once, however
    // many pages show it (the JPEG stand-in has its id already).
    const bool decoded = source->surface && !has_unique_id(source->surface);  // stand-ins have their id
    std::string id = image.file;
    if (decoded) {
        source->size = {cairo_image_surface_get_width(source->surface), cairo_image_surface_get_height(source->surface)};
        if (target.first > 0 && target.first < source->size.first && target.second < source->size.second) {
            cairo_surface_t* smaller = resampled(source->surface, target);
            if (!smaller) return fail("out of memory");
            cairo_surface_destroy(source->surface);
            source->surface = smaller;
            source->size = target;
            source->resampled = true;
            // Its own id: the same file shown at another size is another image.
            id += "@" + std::to_string(target.first) + "x" + std::to_string(target.second);
        }
        source->decoded = static_cast<std::size_t>(cairo_image_surface_get_stride(source->surface)) *
                          static_cast<std::size_t>(source->size.second);
        decoded_bytes_ += source->decoded;
    }
    if (source->surface && !has_unique_id(source->surface) && !tag_unique_id(source->surface, id))
        return fail("out of memory");
    source->last_use = uses_;
    slot = std::move(source);  // make_room erased other entries only: `slot` still refers to this one
    return slot.get();
}

void ImageCache::make_room(std::size_t incoming, const std::string& keep) {
    while (decoded_bytes_ > 0 && decoded_bytes_ + incoming > kDecodedBudget) {
        auto oldest = sources_.end();
        for (auto it = sources_.begin(); it != sources_.end(); ++it)
            if (it->first != keep && it->second && it->second->decoded > 0 &&
                (oldest == sources_.end() || it->second->last_use < oldest->second->last_use))
                oldest = it;
        if (oldest == sources_.end()) return;
        // cairo keeps its own reference while a page still needs the pixels.
        decoded_bytes_ -= oldest->second->decoded;
        sources_.erase(oldest);
    }
}

bool ImageCache::paint(cairo_t* cr, const page::Image& image, Diagnostics& diags) {
    // The pixels to keep: all of them, but for the PDF no more than
    // kResampleToPpi at the printed size once the file is finer than
    // kResampleAbovePpi.
    std::pair<int, int> target{static_cast<int>(image.width_px), static_cast<int>(image.height_px)};
    if (jpeg_ == JpegHandling::embed && image.width_px > 0 && image.height_px > 0 && image.rect.width > 0 &&
        image.rect.height > 0) {
        const double ppi = std::max(image.width_px / (image.rect.width / 72.0), image.height_px / (image.rect.height / 72.0));
        if (ppi > kResampleAbovePpi) {
            const double scale = kResampleToPpi / ppi;
            target = {std::max(1, static_cast<int>(std::ceil(image.width_px * scale))),
                      std::max(1, static_cast<int>(std::ceil(image.height_px * scale)))};
        }
    }
    const Source* source = load(image, target, diags);
    if (!source) return false;
    const page::Rect& r = image.rect;
    if (!(r.width > 0 && r.height > 0)) return true;  // nothing to show
    cairo_save(cr);
    if (image.clip) {
        cairo_rectangle(cr, image.clip->x, image.clip->y, image.clip->width, image.clip->height);
        cairo_clip(cr);
    }
    if (source->surface) {
        int w = cairo_image_surface_get_width(source->surface);
        int h = cairo_image_surface_get_height(source->surface);
        cairo_rectangle(cr, r.x, r.y, r.width, r.height);
        cairo_clip(cr);
        cairo_translate(cr, r.x, r.y);
        cairo_scale(cr, r.width / w, r.height / h);
        cairo_set_source_surface(cr, source->surface, 0, 0);
        // Pixels (PNG proofs): padded, so scaled up the edges stay sharp
        // instead of fading into the page. PDF: no extend. cairo 1.16 writes
        // a padded pattern as a new image every time it is painted, while an
        // unextended one becomes a single image XObject shared by every use
        // (the viewer scales it; there is no edge to fade).
        cairo_pattern_set_extend(cairo_get_source(cr),
                                 jpeg_ == JpegHandling::embed ? CAIRO_EXTEND_NONE : CAIRO_EXTEND_PAD);
        cairo_paint(cr);
    } else {
        RsvgRectangle viewport{r.x, r.y, r.width, r.height};
        GError* error = nullptr;
        bool drawn = false;
        {
            std::lock_guard<std::mutex> shared_freetype(cairo_freetype_mutex());
            drew_svg_ = true;
            drawn = rsvg_handle_render_document(source->svg, cr, &viewport, &error);
        }
        if (!drawn) {
            diags.error("E-RENDER-IMAGE", {image.file, 0, 0},
                        std::string("cannot draw the SVG image: ") + (error ? error->message : "librsvg failed"));
            if (error) g_error_free(error);
            cairo_restore(cr);
            return false;
        }
    }
    cairo_restore(cr);
    return true;
}

}  // namespace galley::render
