#include "press/press_draw.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <mutex>
#include <new>

#include "base/data_dir.h"
#include "base/freetype_lock.h"
#include "render/draw.h"
#include "render/font_cache.h"
#include "render/string_sink.h"

namespace galley::press {
namespace {

constexpr double kSlugMinSize = 4;

std::string ascii(const std::string& s) {
    std::string out;
    bool skipping = false;
    for (char c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7F) {
            out += c;
            skipping = false;
        } else if (u >= 0xC0 || u < 0x80) {  // start of a non-ASCII character, or a control character
            if (!skipping) out += '?';
            skipping = u >= 0xC0;
        }
    }
    return out;
}

// The slug's face: the pinned sans (Lato), else DejaVu Sans, else the face
// of the document's first glyph run. Never a system font.
const render::FontCache::Face* slug_face(render::FontCache& fonts, const page::Document& document) {
    Diagnostics scratch;
    for (const char* rel : {"fonts/lato/Lato-Regular.ttf", "fonts/dejavu/DejaVuSans.ttf"}) {
        std::filesystem::path p = data_dir() / rel;
        std::error_code ec;
        if (std::filesystem::is_regular_file(p, ec))
            if (const auto* f = fonts.get(page::FontFace{p.string(), 0}, scratch)) return f;
    }
    for (const page::Page& p : document.pages)
        for (const page::Item& item : p.items)
            if (const auto* run = std::get_if<page::GlyphRun>(&item))
                if (const auto* f = fonts.get(run->face, scratch)) return f;
    return nullptr;
}

}  // namespace

std::string slug_line(const SlugText& slug, const page::Page& page, int index, int count) {
    std::string label = page.label.empty() ? std::to_string(index + 1) : page.label;
    std::string s = slug.job + "   page " + label + " (" + std::to_string(index + 1) + " of " + std::to_string(count) +
                    ")";
    if (!slug.date.empty()) s += "   " + slug.date;
    if (!slug.profile.empty()) s += "   " + slug.profile;
    return ascii(s);
}

std::optional<std::string> draw_press_pages(const page::Document& document, const std::vector<PressPage>& pages,
                                            const MarkRequest& marks, const SlugText& slug, Diagnostics& diags) {
    if (document.pages.empty() || pages.size() != document.pages.size()) {
        diags.error("E-PRESS-NO-PAGES", {}, "the document has no pages");
        return std::nullopt;
    }
    const std::size_t errors_before = diags.count(Severity::error);
    std::string bytes;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(render::append_to_string, &bytes, pages[0].media_width,
                                                                   pages[0].media_height);
    // Never the clock: the final pass writes the real dates.
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z");
    cairo_t* cr = cairo_create(surface);
    render::DrawContext ctx(document, render::DrawOptions{render::JpegHandling::embed, false, false}, diags);
    render::FontCache fonts;
    const render::FontCache::Face* face = marks.slug ? slug_face(fonts, document) : nullptr;
    if (marks.slug && !face)
        diags.warning("W-PRESS-SLUG", {}, "no font for the slug line (fonts/lato/Lato-Regular.ttf is missing): left out");

    const int count = static_cast<int>(document.pages.size());
    for (int i = 0; i < count && cairo_status(cr) == CAIRO_STATUS_SUCCESS; ++i) {
        const page::Page& p = document.pages[static_cast<std::size_t>(i)];
        const PressPage& g = pages[static_cast<std::size_t>(i)];
        cairo_pdf_surface_set_size(surface, g.media_width, g.media_height);
        if (!p.label.empty()) cairo_pdf_surface_set_page_label(surface, p.label.c_str());

        cairo_save(cr);
        // Nothing of the page reaches past the bleed into the mark area.
        cairo_rectangle(cr, g.trim_x - g.bleed.left, g.trim_y - g.bleed.top, g.trim_width + g.bleed.left + g.bleed.right,
                        g.trim_height + g.bleed.top + g.bleed.bottom);
        cairo_clip(cr);
        cairo_translate(cr, g.trim_x, g.trim_y);
        render::draw_page(cr, p, i, ctx);
        cairo_restore(cr);

        if (face) {
            SlugPlace place = slug_place(g, marks);
            std::string text = slug_line(slug, p, i, count);
            cairo_save(cr);
            cairo_set_font_face(cr, face->cairo);
            double size = place.size;
            cairo_set_font_size(cr, size);
            cairo_text_extents_t ext;
            cairo_text_extents(cr, text.c_str(), &ext);
            if (ext.x_advance > place.max_width && ext.x_advance > 0) {
                size = std::max(kSlugMinSize, size * place.max_width / ext.x_advance);
                cairo_set_font_size(cr, size);
            }
            cairo_set_source_rgb(cr, 0, 0, 0);  // becomes K only, like all black
            cairo_move_to(cr, place.x, place.y);
            cairo_show_text(cr, text.c_str());
            cairo_restore(cr);
        }
        // SVG text on the page: its faces are cairo's shared ones (base/freetype_lock.h).
        std::unique_lock<std::mutex> shared_freetype(cairo_freetype_mutex(), std::defer_lock);
        if (ctx.drew_svg()) shared_freetype.lock();
        cairo_show_page(cr);
    }
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    {
        std::unique_lock<std::mutex> shared_freetype(cairo_freetype_mutex(), std::defer_lock);
        if (ctx.drew_svg()) shared_freetype.lock();
        cairo_surface_finish(surface);
    }
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        diags.error("E-PRESS-CAIRO", {}, std::string("cairo could not draw the press pages: ") +
                                             cairo_status_to_string(status));
        return std::nullopt;
    }
    if (diags.count(Severity::error) > errors_before) return std::nullopt;
    return bytes;
}

}  // namespace galley::press
