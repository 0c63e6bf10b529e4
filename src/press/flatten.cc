#include "press/flatten.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>

#include "base/freetype_lock.h"
#include "media/gif_first_frame.h"
#include "render/image_cache.h"

namespace galley::press {
namespace {

// Raster size of a flattened SVG: 300 dpi at its largest placement, within
// these bounds.
constexpr double kSvgDpi = 300;
constexpr double kMaxSide = 8000;
constexpr double kMaxPixels = 40e6;

struct Reader {
    const std::string* bytes;
    std::size_t at = 0;
};

cairo_status_t read_bytes(void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<Reader*>(closure);
    if (r->bytes->size() - r->at < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, r->bytes->data() + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    try {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    } catch (...) {
        return CAIRO_STATUS_WRITE_ERROR;
    }
}

bool has_alpha(cairo_surface_t* s) {
    if (cairo_image_surface_get_format(s) != CAIRO_FORMAT_ARGB32) return false;
    cairo_surface_flush(s);
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    for (int y = 0; y < h; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < w; ++x)
            if ((row[x] >> 24) != 0xFF) return true;
    }
    return false;
}

// `s` painted over white, as an opaque PNG; empty on failure.
std::string png_on_white(cairo_surface_t* s) {
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    cairo_surface_t* flat = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t* cr = cairo_create(flat);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    std::string png;
    cairo_status_t st = cairo_surface_status(flat);
    if (st == CAIRO_STATUS_SUCCESS) st = cairo_surface_write_to_png_stream(flat, append_bytes, &png);
    cairo_surface_destroy(flat);
    return st == CAIRO_STATUS_SUCCESS ? png : std::string();
}

// GIF (first frame) with gdk-pixbuf, as a premultiplied ARGB32 surface.
cairo_surface_t* decode_gif(const std::string& whole, std::string& why) {
    const std::optional<std::string> first = gif_first_frame(whole);  // not the rest of an animation
    const std::string& bytes = first ? *first : whole;
    GError* error = nullptr;
    GdkPixbufLoader* loader = gdk_pixbuf_loader_new_with_type("gif", &error);
    if (!loader) {
        why = error ? error->message : "no GIF loader";
        if (error) g_error_free(error);
        return nullptr;
    }
    bool ok = gdk_pixbuf_loader_write(loader, reinterpret_cast<const guchar*>(bytes.data()), bytes.size(), &error);
    ok = gdk_pixbuf_loader_close(loader, ok ? &error : nullptr) && ok;
    cairo_surface_t* out = nullptr;
    GdkPixbuf* pb = ok ? gdk_pixbuf_loader_get_pixbuf(loader) : nullptr;
    if (!ok) {
        why = error ? error->message : "cannot decode it";
    } else if (!pb || gdk_pixbuf_get_bits_per_sample(pb) != 8 || gdk_pixbuf_get_n_channels(pb) < 3) {
        why = "unusable pixel format";
    } else {
        int w = gdk_pixbuf_get_width(pb), h = gdk_pixbuf_get_height(pb), n = gdk_pixbuf_get_n_channels(pb);
        bool alpha = gdk_pixbuf_get_has_alpha(pb);
        out = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
        if (cairo_surface_status(out) != CAIRO_STATUS_SUCCESS) {
            cairo_surface_destroy(out);
            out = nullptr;
            why = "out of memory";
        } else {
            cairo_surface_flush(out);
            const guchar* src = gdk_pixbuf_read_pixels(pb);
            int ss = gdk_pixbuf_get_rowstride(pb), ds = cairo_image_surface_get_stride(out);
            unsigned char* dst = cairo_image_surface_get_data(out);
            for (int y = 0; y < h; ++y) {
                const guchar* in = src + static_cast<std::ptrdiff_t>(y) * ss;
                auto* o = reinterpret_cast<std::uint32_t*>(dst + static_cast<std::ptrdiff_t>(y) * ds);
                for (int x = 0; x < w; ++x, in += n) {
                    std::uint32_t a = alpha ? in[3] : 255;
                    auto pre = [a](std::uint32_t c) { return (c * a + 127) / 255; };
                    o[x] = (a << 24) | (pre(in[0]) << 16) | (pre(in[1]) << 8) | pre(in[2]);
                }
            }
            cairo_surface_mark_dirty(out);
        }
    }
    if (error) g_error_free(error);
    g_object_unref(loader);
    return out;
}

// Whether any object of a PDF (a dictionary, or a stream's) passes `test`;
// true when the PDF cannot be read, so that it is flattened to be safe.
template <class Test>
bool any_object(const std::string& pdf_bytes, Test test) {
    try {
        QPDF q;
        q.setSuppressWarnings(true);
        q.processMemoryFile("svg", pdf_bytes.data(), pdf_bytes.size());
        for (QPDFObjectHandle h : q.getAllObjects()) {
            QPDFObjectHandle d = h.isStream() ? h.getDict() : h;
            if (d.isDictionary() && test(h, d)) return true;
        }
    } catch (const std::exception&) {
        return true;
    }
    return false;
}

// Transparency below page level: see pdf_uses_transparency.
bool uses_transparency(QPDFObjectHandle h, QPDFObjectHandle d) {
    QPDFObjectHandle smask = d.getKey("/SMask");
    if (smask.isDictionary() || smask.isStream()) return true;
    for (const char* key : {"/ca", "/CA"}) {
        QPDFObjectHandle a = d.getKey(key);
        if (a.isNumber() && a.getNumericValue() < 0.999) return true;
    }
    QPDFObjectHandle bm = d.getKey("/BM");
    if (bm.isName() && bm.getName() != "/Normal" && bm.getName() != "/Compatible") return true;
    if (bm.isArray()) return true;
    if (h.isStream() && d.getKey("/Subtype").isNameAndEquals("/Form")) {
        QPDFObjectHandle g = d.getKey("/Group");
        if (g.isDictionary() && g.getKey("/S").isNameAndEquals("/Transparency")) return true;
    }
    return false;
}

bool is_shading(QPDFObjectHandle, QPDFObjectHandle d) { return d.hasKey("/ShadingType"); }

// The SVG drawn by cairo into a one-page PDF, to see whether librsvg needed
// transparency or a gradient for it.
bool svg_needs_raster(RsvgHandle* svg, double w, double h) {
    std::string pdf;
    // Held to the end: finishing the PDF reads the SVG's fonts again.
    std::lock_guard<std::mutex> shared_freetype(cairo_freetype_mutex());
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_bytes, &pdf, w, h);
    cairo_t* cr = cairo_create(surface);
    RsvgRectangle viewport{0, 0, w, h};
    rsvg_handle_render_document(svg, cr, &viewport, nullptr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return any_object(pdf, [](QPDFObjectHandle object, QPDFObjectHandle dict) {
        return uses_transparency(object, dict) || is_shading(object, dict);
    });
}

std::string svg_on_white(RsvgHandle* svg, int pw, int ph) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pw, ph);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return "";
    }
    cairo_t* cr = cairo_create(s);
    RsvgRectangle viewport{0, 0, static_cast<double>(pw), static_cast<double>(ph)};
    bool ok = false;
    {
        std::lock_guard<std::mutex> shared_freetype(cairo_freetype_mutex());
        ok = rsvg_handle_render_document(svg, cr, &viewport, nullptr);
    }
    cairo_destroy(cr);
    std::string png = ok ? png_on_white(s) : "";
    cairo_surface_destroy(s);
    return png;
}

struct Replacement {
    std::filesystem::path file;
    page::ImageFormat format = page::ImageFormat::png;
    std::uint32_t width = 0, height = 0;
};

}  // namespace

bool pdf_uses_shading(const std::string& pdf_bytes) { return any_object(pdf_bytes, is_shading); }

bool pdf_uses_transparency(const std::string& pdf_bytes) { return any_object(pdf_bytes, uses_transparency); }

std::optional<page::Document> flatten_transparency(const page::Document& document, const std::filesystem::path& work_dir,
                                                   Diagnostics& diags, FlattenStats* stats) {
    // The largest placement of each SVG decides its raster size.
    std::map<std::string, page::Rect> largest;
    for (const page::Page& p : document.pages)
        for (const page::Item& item : p.items)
            if (const auto* img = std::get_if<page::Image>(&item); img && img->format == page::ImageFormat::svg) {
                page::Rect& r = largest[img->file];
                if (img->rect.width * img->rect.height > r.width * r.height) r = img->rect;
            }

    std::map<std::string, std::optional<Replacement>> done;  // by file; nullopt: keep as it is
    bool failed = false;
    int counter = 0;
    auto fail = [&](const std::string& file, const std::string& why) {
        diags.error("E-PRESS-IMAGE", {file, 0, 0}, "cannot flatten the image for the press: " + why);
        failed = true;
    };
    auto replacement_for = [&](const page::Image& img) -> std::optional<Replacement> {
        if (auto it = done.find(img.file); it != done.end()) return it->second;
        std::optional<Replacement>& slot = done[img.file];
        if (img.format == page::ImageFormat::jpeg) return slot;
        std::string unread;
        auto bytes = render::read_image_file(img, unread);
        if (!bytes) {
            fail(img.file, unread);
            return slot;
        }
        std::string png;
        Replacement rep;
        if (img.format == page::ImageFormat::png || img.format == page::ImageFormat::gif) {
            cairo_surface_t* s = nullptr;
            std::string why = "cannot decode it";
            if (img.format == page::ImageFormat::png) {
                Reader reader{&*bytes};
                s = cairo_image_surface_create_from_png_stream(read_bytes, &reader);
                if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
                    cairo_surface_destroy(s);
                    s = nullptr;
                }
            } else {
                s = decode_gif(*bytes, why);
            }
            if (!s) {
                fail(img.file, why);
                return slot;
            }
            // An opaque PNG stays as it is; a GIF always becomes a PNG (the
            // same pixels), so no palette transparency is left for cairo to
            // turn into a mask.
            bool alpha = has_alpha(s);
            if (alpha || img.format == page::ImageFormat::gif) png = png_on_white(s);
            rep.width = static_cast<std::uint32_t>(cairo_image_surface_get_width(s));
            rep.height = static_cast<std::uint32_t>(cairo_image_surface_get_height(s));
            cairo_surface_destroy(s);
            if (!alpha && img.format == page::ImageFormat::png) return slot;
        } else {  // SVG
            GError* error = nullptr;
            RsvgHandle* svg = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes->data()), bytes->size(),
                                                        &error);
            if (!svg) {
                fail(img.file, error ? error->message : "cannot parse it");
                if (error) g_error_free(error);
                return slot;
            }
            page::Rect r = largest[img.file];
            double w = r.width > 0 ? r.width : 100, h = r.height > 0 ? r.height : 100;
            if (!svg_needs_raster(svg, w, h)) {
                g_object_unref(svg);
                return slot;
            }
            double scale = kSvgDpi / 72.0;
            scale = std::min({scale, kMaxSide / w, kMaxSide / h, std::sqrt(kMaxPixels / (w * h))});
            int pw = std::max(1, static_cast<int>(std::ceil(w * scale)));
            int ph = std::max(1, static_cast<int>(std::ceil(h * scale)));
            png = svg_on_white(svg, pw, ph);
            g_object_unref(svg);
            rep.width = static_cast<std::uint32_t>(pw);
            rep.height = static_cast<std::uint32_t>(ph);
        }
        if (png.empty()) {
            fail(img.file, "cannot composite it onto white");
            return slot;
        }
        rep.file = work_dir / ("flat-" + std::to_string(++counter) + ".png");
        {
            FILE* f = std::fopen(rep.file.c_str(), "wb");
            bool ok = f && std::fwrite(png.data(), 1, png.size(), f) == png.size();
            if (f) ok = (std::fclose(f) == 0) && ok;
            if (!ok) {
                fail(img.file, "cannot write the flattened copy into " + work_dir.string());
                return slot;
            }
        }
        if (stats) ++stats->images_flattened;
        slot = rep;
        return slot;
    };

    page::Document out = document;
    for (page::Page& p : out.pages)
        for (page::Item& item : p.items)
            if (auto* img = std::get_if<page::Image>(&item)) {
                if (auto rep = replacement_for(*img)) {
                    img->file = rep->file.string();
                    img->root.clear();  // galley's own copy, in its private folder
                    img->format = page::ImageFormat::png;
                    img->width_px = rep->width;
                    img->height_px = rep->height;
                }
            }
    if (failed) return std::nullopt;
    return out;
}

}  // namespace galley::press
