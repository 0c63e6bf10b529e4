#include "render/png_writer.h"

#include <cairo.h>

#include <cmath>
#include <cstdio>
#include <new>

#include "base/output_file.h"
#include "render/draw.h"
#include "render/number_format.h"
#include "render/string_sink.h"

namespace galley::render {
namespace {

constexpr double kMinDpi = 10, kMaxDpi = 1200;
// Below pixman's 32767 limit, and a page of at most 400 MB of pixels.
constexpr double kMaxSide = 32000;
constexpr double kMaxPixels = 100'000'000;

}  // namespace

std::string png_page_name(const std::string& stem, std::size_t index) {
    char number[24];
    std::snprintf(number, sizeof number, "%03zu", index + 1);
    return stem + "-p" + number + ".png";
}

std::optional<std::vector<std::string>> render_png_pages(const page::Document& document, const PngOptions& options,
                                                         Diagnostics& diags) {
    if (!(options.dpi >= kMinDpi && options.dpi <= kMaxDpi)) {
        diags.error("E-PNG-DPI", {}, "the resolution " + fixed(options.dpi) + " dpi is outside 10 to 1200");
        return std::nullopt;
    }
    if (document.pages.empty()) {
        diags.error("E-PNG-NO-PAGES", {}, "the document has no pages");
        return std::nullopt;
    }
    const double scale = options.dpi / 72.0;
    const std::size_t errors_before = diags.count(Severity::error);
    DrawContext ctx(document, DrawOptions{JpegHandling::decode, false}, diags);
    std::vector<std::string> files;
    for (std::size_t i = 0; i < document.pages.size(); ++i) {
        const page::Page& p = document.pages[i];
        double w = std::ceil(p.width * scale), h = std::ceil(p.height * scale);
        if (!(w >= 1 && h >= 1 && w <= kMaxSide && h <= kMaxSide && w * h <= kMaxPixels)) {
            diags.error("E-PNG-SIZE", {},
                        "page " + std::to_string(i + 1) + " would be " + fixed(w, 0) + " x " + fixed(h, 0) +
                            " px at " + fixed(options.dpi, 0) + " dpi; at most 32000 px a side and 100 megapixels");
            return std::nullopt;
        }
        cairo_surface_t* surface =
            cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(w), static_cast<int>(h));
        cairo_t* cr = cairo_create(surface);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_scale(cr, scale, scale);
        draw_page(cr, p, static_cast<int>(i), ctx);
        cairo_status_t status = cairo_status(cr);
        cairo_destroy(cr);
        std::string png;
        if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_write_to_png_stream(surface, append_to_string, &png);
        cairo_surface_destroy(surface);
        if (status != CAIRO_STATUS_SUCCESS) {
            diags.error("E-PNG-CAIRO", {},
                        "cairo could not draw page " + std::to_string(i + 1) + ": " + cairo_status_to_string(status));
            return std::nullopt;
        }
        files.push_back(std::move(png));
    }
    if (diags.count(Severity::error) > errors_before) return std::nullopt;
    return files;
}

std::optional<std::vector<std::filesystem::path>> write_png_pages(const page::Document& document,
                                                                  const PngOptions& options,
                                                                  const std::filesystem::path& dir,
                                                                  const std::string& stem, Diagnostics& diags) {
    std::optional<std::vector<std::string>> files = render_png_pages(document, options, diags);
    if (!files) return std::nullopt;
    std::vector<std::filesystem::path> written;
    for (std::size_t i = 0; i < files->size(); ++i) {
        std::filesystem::path target = dir / png_page_name(stem, i);
        if (!write_file_atomically(target, (*files)[i], diags)) return std::nullopt;
        written.push_back(target);
    }
    return written;
}

}  // namespace galley::render
