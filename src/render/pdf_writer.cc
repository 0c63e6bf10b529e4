#include "render/pdf_writer.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <new>

#include "base/freetype_lock.h"
#include "base/memory.h"
#include "base/output_file.h"
#include "render/deflate_level.h"
#include "render/draw.h"
#include "render/number_format.h"
#include "render/pdf_date.h"
#include "render/pdf_finish.h"
#include "render/string_sink.h"

namespace galley::render {
namespace {

// What PDF viewers accept (PDF 32000-1, annex C: 3 to 14400 units).
constexpr double kMinPageSide = 3;
constexpr double kMaxPageSide = 14400;

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

bool page_size_ok(const page::Page& p) {
    return p.width >= kMinPageSide && p.width <= kMaxPageSide && p.height >= kMinPageSide && p.height <= kMaxPageSide;
}

void bad_page_size(const page::Page& p, std::size_t index, Diagnostics& diags) {
    diags.error("E-PDF-PAGE-SIZE", {},
                "page " + std::to_string(index + 1) + " is " + fixed(p.width) + " x " + fixed(p.height) +
                    " pt; a PDF page is 3 to 14400 pt on a side");
}

void no_pages(Diagnostics& diags) { diags.error("E-PDF-NO-PAGES", {}, "the document has no pages"); }

bool check_pages(const page::Document& document, Diagnostics& diags) {
    if (document.pages.empty()) {
        no_pages(diags);
        return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < document.pages.size(); ++i) {
        if (!page_size_ok(document.pages[i])) {
            bad_page_size(document.pages[i], i, diags);
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

// Cairo's PDF surface, fed one page at a time. A page is drawn once its
// structure is decided (StructurePlanner) and the page after it has come,
// or the pages are over (the last page closes the Document element).
class Drawing {
public:
    explicit Drawing(Diagnostics& diags)
        : deflate_(kPdfDeflateLevel), diags_(diags), ctx_(std::make_unique<DrawContext>(DrawOptions{JpegHandling::embed, true}, diags)) {
        // Each page sets its own size before it is drawn.
        surface_ = cairo_pdf_surface_create_for_stream(append_to_string, &bytes_, 612, 792);
        cr_ = cairo_create(surface_);
    }
    ~Drawing() {
        if (cr_) cairo_destroy(cr_);
        if (surface_) cairo_surface_destroy(surface_);
    }
    Drawing(const Drawing&) = delete;
    Drawing& operator=(const Drawing&) = delete;

    /// The next page. `drain`: the same page, to empty of its items once
    /// drawn (null: left alone). `page` must stay put until it is drawn.
    void add(const page::Page& page, page::Page* drain) {
        waiting_.push_back({&page, drain, ctx_->planner().add_page(page)});
        draw_ready();
    }
    /// The same for a page the drawing keeps until it is drawn.
    void add(page::Page&& page) {
        streamed_ = true;
        owned_.push_back(std::move(page));
        add(owned_.back(), &owned_.back());
    }
    /// No more pages: draws the rest.
    void end() {
        ctx_->planner().finish();
        ended_ = true;
        ctx_->set_page_count(drawn_ + waiting_.size());
        draw_ready();
    }

    /// The finished PDF, with `meta` and `outline`; `resolve_link` (when
    /// set) points every link first, and drops those it returns false for.
    std::optional<std::string> finish(const page::Metadata& meta, std::vector<page::OutlineEntry> outline,
                                      const std::function<bool(page::Link&)>& resolve_link,
                                      const PdfOptions& options, std::size_t errors_before) {
        page::Document shell;  // sizes and labels: what the finishing pass needs of the pages
        shell.meta = meta;
        shell.pages = std::move(shells_);
        shell.outline = std::move(outline);
        if (shell.pages.empty()) {
            no_pages(diags_);
            return std::nullopt;
        }
        std::optional<std::int64_t> date = document_date(shell, options, diags_);
        set_metadata(surface_, shell.meta, date);
        add_outline(surface_, shell);
        cairo_status_t status = cairo_status(cr_);
        cairo_destroy(cr_);
        cr_ = nullptr;
        {
            // Subsetting reads the faces of any SVG text again.
            std::unique_lock<std::mutex> shared_freetype(cairo_freetype_mutex(), std::defer_lock);
            if (ctx_->drew_svg()) shared_freetype.lock();
            cairo_surface_finish(surface_);
        }
        if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface_);
        cairo_surface_destroy(surface_);
        surface_ = nullptr;
        // What the finishing pass needs from drawing; the decoded images and
        // fonts go now (cairo, which used them, is gone).
        const bool tags_valid = ctx_->planner().plan().valid;
        std::vector<StructureElement> elements = ctx_->take_elements();
        std::vector<PlacedLink> links = ctx_->take_links();
        std::vector<PngPassthrough> passthrough = ctx_->take_passthrough();
        ctx_.reset();
        if (drained_) release_free_memory();
        if (diags_.count(Severity::error) > errors_before) return std::nullopt;
        if (status != CAIRO_STATUS_SUCCESS) {
            // Tags found badly nested once drawing had begun leave cairo's
            // open; that was reported as E-RENDER-TAGS already.
            if (tags_valid) diags_.error("E-PDF-CAIRO", {}, "cairo could not make the PDF: " + cairo_error(status));
            return std::nullopt;
        }
        if (resolve_link) {
            std::vector<PlacedLink> kept;
            for (PlacedLink& l : links)
                if (resolve_link(l.link)) kept.push_back(std::move(l));
            links = std::move(kept);
        }
        FinishInput input{&shell, &elements, &links, &passthrough, date, options.threads};
        return finish_pdf(bytes_, input, diags_);
    }

private:
    struct Waiting {
        const page::Page* page;
        page::Page* drain;
        std::size_t elements_end;  ///< elements begun up to the end of the page
    };

    bool ready(const Waiting& w) const {
        if (ended_) return true;
        if (waiting_.size() < 2) return false;  // is it the last page?
        const StructurePlanner& planner = ctx_->planner();
        if (!planner.plan().valid) return true;
        if (drawn_ == 0 && !planner.document_decided()) return false;
        return planner.decided() >= w.elements_end;
    }

    void draw_ready() {
        while (!waiting_.empty() && ready(waiting_.front())) {
            Waiting w = waiting_.front();
            waiting_.pop_front();
            draw(*w.page, w.drain);
        }
    }

    void draw(const page::Page& p, page::Page* drain) {
        const std::size_t index = drawn_++;
        shells_.push_back(page::Page{p.width, p.height, p.label, {}});
        if (!page_size_ok(p)) {
            bad_page_size(p, index, diags_);
        } else if (cairo_status(cr_) == CAIRO_STATUS_SUCCESS) {
            cairo_pdf_surface_set_size(surface_, p.width, p.height);
            if (!p.label.empty()) cairo_pdf_surface_set_page_label(surface_, p.label.c_str());
            draw_page(cr_, p, static_cast<int>(index), *ctx_);
            // Cairo writes the page now, reading the faces of any SVG text.
            std::unique_lock<std::mutex> shared_freetype(cairo_freetype_mutex(), std::defer_lock);
            if (ctx_->drew_svg()) shared_freetype.lock();
            cairo_show_page(cr_);
        }
        if (drain) {
            std::vector<page::Item>().swap(drain->items);
            drained_ = true;
            // Hand the freed pages back to the system now and then: glibc
            // keeps them otherwise, and the process's peak would be the
            // document plus everything made after it. Not for pages that
            // arrive one by one: the composer's next pages reuse the memory.
            if (!streamed_ && index % kTrimEvery == kTrimEvery - 1) release_free_memory();
        }
        if (!owned_.empty() && &owned_.front() == &p) owned_.pop_front();
    }

    DeflateLevel deflate_;  ///< first in, last out: for every stream cairo writes
    Diagnostics& diags_;
    std::unique_ptr<DrawContext> ctx_;
    std::string bytes_;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
    std::deque<Waiting> waiting_;
    std::deque<page::Page> owned_;  ///< pages added by value, until drawn
    std::vector<page::Page> shells_;
    std::size_t drawn_ = 0;
    bool ended_ = false;
    bool drained_ = false;
    bool streamed_ = false;  ///< pages added by value, as they are composed
};

/// `drain`: the same document's pages, emptied of their items as they are
/// drawn (null: left alone).
std::optional<std::string> render(const page::Document& document, std::vector<page::Page>* drain,
                                  const PdfOptions& options, Diagnostics& diags) {
    if (!check_pages(document, diags)) return std::nullopt;
    const std::size_t errors_before = diags.count(Severity::error);
    Drawing drawing(diags);
    for (std::size_t i = 0; i < document.pages.size(); ++i)
        drawing.add(document.pages[i], drain ? &(*drain)[i] : nullptr);
    drawing.end();
    return drawing.finish(document.meta, document.outline, nullptr, options, errors_before);
}

}  // namespace

std::optional<std::string> render_pdf(const page::Document& document, const PdfOptions& options, Diagnostics& diags) {
    return render(document, nullptr, options, diags);
}

std::optional<std::string> render_pdf(page::Document&& document, const PdfOptions& options, Diagnostics& diags) {
    return render(document, &document.pages, options, diags);
}

std::optional<std::string> render_pdf(page::PageQueue& pages, const std::function<DocumentTail()>& tail,
                                      const PdfOptions& options, Diagnostics& diags) {
    const std::size_t errors_before = diags.count(Severity::error);
    Drawing drawing(diags);
    while (std::optional<page::Page> page = pages.pop()) drawing.add(std::move(*page));
    drawing.end();
    DocumentTail rest = tail();
    return drawing.finish(rest.meta, std::move(rest.outline), rest.resolve_link, options, errors_before);
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
