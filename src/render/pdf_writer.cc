#include "render/pdf_writer.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <memory>
#include <new>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "base/output_file.h"
#include "render/draw.h"
#include "render/number_format.h"
#include "render/pdf_date.h"
#include "render/pdf_finish.h"

namespace galley::render {
namespace {

// What PDF viewers accept (PDF 32000-1, annex C: 3 to 14400 units).
constexpr double kMinPageSide = 3;
constexpr double kMaxPageSide = 14400;

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    try {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    } catch (const std::bad_alloc&) {
        return CAIRO_STATUS_WRITE_ERROR;
    }
}

std::optional<std::int64_t> document_date(const page::Document& document, const PdfOptions& options,
                                          Diagnostics& diags) {
    std::optional<std::int64_t> date = options.date;
    if (!date && !document.meta.date.empty()) date = parse_iso_date(document.meta.date);
    // Years 1..9999: what a PDF date can say.
    if (date && (*date < -62135596800LL || *date > 253402300799LL)) {
        diags.warning("W-PDF-DATE", {}, "the date is outside the years 1 to 9999; the PDF has no dates");
        date.reset();
    }
    return date;
}

bool check_pages(const page::Document& document, Diagnostics& diags) {
    if (document.pages.empty()) {
        diags.error("E-PDF-NO-PAGES", {}, "the document has no pages");
        return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < document.pages.size(); ++i) {
        const page::Page& p = document.pages[i];
        if (!(p.width >= kMinPageSide && p.width <= kMaxPageSide && p.height >= kMinPageSide && p.height <= kMaxPageSide)) {
            diags.error("E-PDF-PAGE-SIZE", {},
                        "page " + std::to_string(i + 1) + " is " + fixed(p.width) + " x " + fixed(p.height) +
                            " pt; a PDF page is 3 to 14400 pt on a side");
            ok = false;
        }
    }
    return ok;
}

void set_metadata(cairo_surface_t* surface, const page::Metadata& meta, const std::optional<std::int64_t>& date) {
    auto set = [surface](cairo_pdf_metadata_t key, const std::string& value) {
        if (!value.empty()) cairo_pdf_surface_set_metadata(surface, key, value.c_str());
    };
    set(CAIRO_PDF_METADATA_TITLE, meta.title);
    set(CAIRO_PDF_METADATA_AUTHOR, meta.author);
    set(CAIRO_PDF_METADATA_SUBJECT, meta.subject);
    set(CAIRO_PDF_METADATA_KEYWORDS, meta.keywords);
    set(CAIRO_PDF_METADATA_CREATOR, meta.creator);
    // Without this cairo writes the clock; the finishing pass writes the
    // dates again in proper PDF form (cairo 1.16 leaves out the "D:").
    std::string iso = iso_utc(date.value_or(0));
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, iso.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, iso.c_str());
}

// Sections at level 1, articles at level 2 under the last section; an entry
// deeper than the one before hangs under it, never more than a level down.
void add_outline(cairo_surface_t* surface, const page::Document& document) {
    std::vector<int> parents{CAIRO_PDF_OUTLINE_ROOT};  // parents[d]: the id new level-(d+1) entries hang under
    for (const page::OutlineEntry& entry : document.outline) {
        if (entry.page < 0 || static_cast<std::size_t>(entry.page) >= document.pages.size()) continue;
        std::size_t level = entry.level < 1 ? 1 : static_cast<std::size_t>(entry.level);
        if (level > parents.size()) level = parents.size();
        parents.resize(level);
        std::string dest = "page=" + std::to_string(entry.page + 1) + " pos=[0 " + fixed(entry.y) + "]";
        // Sections open, so their articles show.
        int id = cairo_pdf_surface_add_outline(surface, parents.back(), entry.title.c_str(), dest.c_str(),
                                               level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0));
        parents.push_back(id);
    }
}

std::string cairo_error(cairo_status_t status) { return cairo_status_to_string(status); }

constexpr std::size_t kTrimEvery = 8;  // pages

void release_free_memory() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

/// `drain`: the same document's pages, emptied of their items as they are
/// drawn (null: left alone).
std::optional<std::string> render(const page::Document& document, std::vector<page::Page>* drain,
                                  const PdfOptions& options, Diagnostics& diags) {
    if (!check_pages(document, diags)) return std::nullopt;
    const std::size_t errors_before = diags.count(Severity::error);
    std::optional<std::int64_t> date = document_date(document, options, diags);

    std::string bytes;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_bytes, &bytes, document.pages[0].width,
                                                                   document.pages[0].height);
    set_metadata(surface, document.meta, date);
    cairo_t* cr = cairo_create(surface);
    auto ctx = std::make_unique<DrawContext>(document, DrawOptions{JpegHandling::embed, true}, diags);
    for (std::size_t i = 0; i < document.pages.size() && cairo_status(cr) == CAIRO_STATUS_SUCCESS; ++i) {
        const page::Page& p = document.pages[i];
        cairo_pdf_surface_set_size(surface, p.width, p.height);
        if (!p.label.empty()) cairo_pdf_surface_set_page_label(surface, p.label.c_str());
        draw_page(cr, p, static_cast<int>(i), *ctx);
        cairo_show_page(cr);
        if (drain) {
            std::vector<page::Item>().swap((*drain)[i].items);
            // Hand the freed pages back to the system now and then: glibc
            // keeps them otherwise, and the process's peak would be the
            // document plus everything made after it.
            if (i % kTrimEvery == kTrimEvery - 1) release_free_memory();
        }
    }
    add_outline(surface, document);
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    // What the finishing pass needs from drawing; the decoded images and
    // fonts go now (cairo, which used them, is gone).
    std::vector<StructureElement> elements = ctx->take_elements();
    std::vector<PlacedLink> links = ctx->take_links();
    std::vector<PngPassthrough> passthrough = ctx->take_passthrough();
    ctx.reset();
    if (drain) release_free_memory();
    if (status != CAIRO_STATUS_SUCCESS) {
        diags.error("E-PDF-CAIRO", {}, "cairo could not make the PDF: " + cairo_error(status));
        return std::nullopt;
    }
    if (diags.count(Severity::error) > errors_before) return std::nullopt;

    FinishInput input{&document, &elements, &links, &passthrough, date};
    return finish_pdf(bytes, input, diags);
}

}  // namespace

std::optional<std::string> render_pdf(const page::Document& document, const PdfOptions& options, Diagnostics& diags) {
    return render(document, nullptr, options, diags);
}

std::optional<std::string> render_pdf(page::Document&& document, const PdfOptions& options, Diagnostics& diags) {
    return render(document, &document.pages, options, diags);
}

bool write_pdf(const page::Document& document, const PdfOptions& options, const std::filesystem::path& target,
               Diagnostics& diags) {
    std::optional<std::string> bytes = render_pdf(document, options, diags);
    if (!bytes) return false;
    return write_file_atomically(target, *bytes, diags);
}

bool write_pdf(const page::Document& document, const PdfOptions& options, OutputFile& out, Diagnostics& diags) {
    std::optional<std::string> bytes = render_pdf(document, options, diags);
    if (!bytes) {
        // Nothing to commit: the destructor removes the temp file.
        OutputFile discard = std::move(out);
        return false;
    }
    out.write(*bytes);
    return out.commit(diags);
}

}  // namespace galley::render
