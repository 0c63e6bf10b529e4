#include "cli/build_pipeline.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string_view>
#include <thread>

#include "base/data_dir.h"
#include "base/memory.h"
#include "base/output_file.h"
#include "cli/layout_check.h"
#include "cli/version.h"
#include "base/civil_time.h"
#include "epub/epub_writer.h"
#include "fonts/font_library.h"
#include "layout/loader.h"
#include "page/page_queue.h"
#include "render/pdf_writer.h"
#include "render/png_writer.h"
#include "render/text_dump.h"
#include "press/press.h"
#include "typeset/compose/compose.h"
#include "typeset/linebreak/hyphenator.h"
#include "typeset/text/text_setter.h"

namespace galley::cli {
namespace {

// Pages composed but not yet drawn, at most, when the PDF is drawn while
// composing: the composer waits beyond that, so memory stays flat.
constexpr std::size_t kPagesInFlight = 4;

// Resolution of the front page when it becomes the EPUB's cover: about
// 1500 px tall for a tabloid page, what e-book stores ask of a cover.
constexpr double kCoverDpi = 100;

std::string megabytes(std::uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return buf;
}

// The per-page files an earlier build of this issue left past this build's
// last page (a 13-page proof set, then a 1-page one: -p002.png to -p013.png),
// removed so the folder holds one build's pages. Only names galley makes:
// `name(i)` must give the file's name back exactly. Returns how many went.
std::size_t remove_pages_past(const std::filesystem::path& dir, const std::string& prefix, const std::string& suffix,
                              std::size_t pages, const std::function<std::string(std::size_t)>& name) {
    std::error_code ec;
    std::vector<std::filesystem::path> stale;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string file = it->path().filename().string();
        if (file.size() <= prefix.size() + suffix.size() || file.compare(0, prefix.size(), prefix) != 0 ||
            file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const std::string digits = file.substr(prefix.size(), file.size() - prefix.size() - suffix.size());
        if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
        const std::size_t number = std::stoul(digits);
        if (number > pages && number > 0 && name(number - 1) == file && it->is_regular_file(ec)) stale.push_back(it->path());
    }
    std::size_t removed = 0;
    for (const std::filesystem::path& p : stale) removed += std::filesystem::remove(p, ec) ? 1 : 0;
    return removed;
}

// One output, produced in memory, written with the others at the end.
struct Produced {
    std::filesystem::path target;
    std::string bytes;
    std::string note;
};

std::optional<Produced> make_epub(const model::Issue& issue, const layout::Layout& layout,
                                  const fonts::FontLibrary* library, const BuildRequest& request,
                                  std::optional<epub::SuppliedCover> front_page, Diagnostics& diags) {
    epub::EpubOptions options;
    options.fonts = request.epub_fonts;
    options.source_date_epoch = request.source_date_epoch;
    options.front_page = std::move(front_page);
    auto built = epub::build_epub(issue, layout, library, options, diags);
    if (!built) return std::nullopt;
    Produced p{request.out_dir / epub::epub_file_name(issue), std::move(built->bytes), ""};
    if (request.epub_fonts == epub::FontMode::subset && built->stats.fonts > 0)
        p.note = "fonts subset " + megabytes(built->stats.font_original_bytes) + " -> " +
                 megabytes(built->stats.font_embedded_bytes);
    return p;
}

// Page one of the print edition alone, for the EPUB cover: a copy, so the
// EPUB thread never reads the document the PDF is drawn from (and drops).
page::Document front_page(const page::Document& document) {
    page::Document first;
    first.meta = document.meta;
    if (!document.pages.empty()) first.pages.push_back(document.pages.front());
    return first;
}

// `first` (front_page) as a PNG, for the EPUB cover.
std::optional<epub::SuppliedCover> front_page_of(const page::Document& first, const model::Issue& issue,
                                                 Diagnostics& diags) {
    if (first.pages.empty()) return std::nullopt;
    render::PngOptions png;
    png.dpi = kCoverDpi;
    auto pages = render::render_png_pages(first, png, diags);
    if (!pages || pages->empty()) return std::nullopt;
    epub::SuppliedCover cover;
    cover.bytes = std::move(pages->front());
    cover.format = model::ImageFormat::png;
    cover.width_px = static_cast<std::uint32_t>(first.pages[0].width / 72.0 * kCoverDpi + 0.5);
    cover.height_px = static_cast<std::uint32_t>(first.pages[0].height / 72.0 * kCoverDpi + 0.5);
    cover.alt = "Front page of " + issue.publication + ", " + issue.date;
    return cover;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The progress line while pages are composed.
std::string compose_progress_text(const std::string& id, const typeset::ComposeProgress& p) {
    std::string text = id + ": ";
    if (p.sections_placed == 0)
        return text + "setting paragraphs: " + std::to_string(p.paragraphs) + ", " + std::to_string(p.articles_set) +
               "/" + std::to_string(p.articles) + " articles";
    text += "laying out pages: " + std::to_string(p.pages) + ", section " + std::to_string(p.sections_placed) + "/" +
            std::to_string(p.sections);
    if (p.articles_set < p.articles)
        text += " (" + std::to_string(p.articles_set) + "/" + std::to_string(p.articles) + " articles set)";
    return text;
}

// GALLEY_TEST_STOP_MID_WRITE=1 makes the process stop itself (SIGSTOP)
// once the first output's temp file is written and before the next is
// begun, so tests/cli/kill_test.sh can kill it mid-write for certain.
void stop_mid_write_for_tests(std::size_t staged, std::size_t total) {
    if (staged != 1 || total < 2) return;
    const char* v = std::getenv("GALLEY_TEST_STOP_MID_WRITE");
    if (v != nullptr && std::string_view(v) == "1") std::raise(SIGSTOP);
}

}  // namespace

int effective_jobs(int jobs) {
    if (jobs > 0) return jobs;
    const unsigned cores = std::thread::hardware_concurrency();
    return cores > 0 ? static_cast<int>(cores) : 1;
}

// What stays valid while the layout stays the same.
struct EditionBuilder::Impl {
    std::string layout_name;
    std::optional<layout::Layout> layout;
    std::unique_ptr<fonts::FontLibrary> library;
    std::shared_ptr<typeset::HyphenatorCache> hyphenation;
    std::unique_ptr<typeset::TextSetter> setter;
    /// One per extra thread; kept, with their shaping caches, between builds.
    std::vector<std::unique_ptr<typeset::TextSetter>> helpers;

    // Loads the layout, fonts and setter unless they are loaded already.
    bool prepare(const std::string& name, Diagnostics& diags) {
        if (layout && name == layout_name) return true;
        helpers.clear();
        setter.reset();
        library.reset();
        layout = layout::load_layout(name, layout::bundled_layouts_dir(), diags);
        layout_name = name;
        if (!layout) return false;
        std::vector<std::filesystem::path> dirs{data_dir() / "fonts"};
        dirs.insert(dirs.end(), layout->fonts.directories.begin(), layout->fonts.directories.end());
        library = fonts::FontLibrary::open(dirs, diags);
        if (!library) {
            layout.reset();
            return false;
        }
        hyphenation = std::make_shared<typeset::HyphenatorCache>(data_dir() / "layouts" / "hyphenation");
        setter = std::make_unique<typeset::TextSetter>(*layout, *library, hyphenation);
        return true;
    }

    // Setters for `threads` - 1 workers (never more than there are articles to share).
    std::vector<typeset::TextSetter*> helpers_for(int threads, const model::Issue& issue) {
        const std::size_t wanted = std::min(static_cast<std::size_t>(std::max(threads, 1)), issue.article_count());
        const std::size_t n = wanted > 1 ? wanted - 1 : 0;
        while (helpers.size() < n)
            helpers.push_back(std::make_unique<typeset::TextSetter>(*layout, *library, hyphenation));
        std::vector<typeset::TextSetter*> out;
        for (std::size_t i = 0; i < n; ++i) out.push_back(helpers[i].get());
        return out;
    }

    // The print edition's pages; its timings go into `outcome`.
    /// `sink`: hands each page over as it is finished (the returned
    /// document keeps none; `resolve_link` is set to what points the links
    /// between articles), see typeset::ComposeOptions::page_sink.
    page::Document compose(const model::Issue& issue, const BuildRequest& request, int threads,
                           const ProgressFn& progress, Diagnostics& diags, BuildOutcome& outcome,
                           std::function<void(page::Page&&)> sink = nullptr,
                           std::function<bool(page::Link&)>* resolve_link = nullptr) {
        const StageClock clock;
        typeset::ComposeOptions options;
        options.creator = std::string("galley ") + kVersion;
        if (request.source_date_epoch)
            options.date = format_utc_timestamp(civil_from_unix(*request.source_date_epoch));
        options.helpers = helpers_for(threads, issue);
        if (progress)
            options.progress = [&](const typeset::ComposeProgress& p) {
                progress(compose_progress_text(issue.id, p), false);
            };
        typeset::ComposeStats stats;
        options.stats = &stats;
        options.page_sink = std::move(sink);
        options.link_resolver = resolve_link;
        std::size_t handed_over = 0;
        if (options.page_sink)
            options.page_sink = [&handed_over, sink = std::move(options.page_sink)](page::Page&& page) {
                ++handed_over;
                sink(std::move(page));
            };
        page::Document document = typeset::compose_issue(issue, *layout, *setter, options, diags);
        const std::size_t used = options.helpers.size() + 1;
        const std::size_t pages = options.page_sink ? handed_over : document.pages.size();
        outcome.stages.push_back(clock.done("compose", plural(issue.article_count(), "article", "articles") + ", " +
                                                           plural(stats.paragraphs, "paragraph", "paragraphs") + ", " +
                                                           plural(pages, "page", "pages") + " on " +
                                                           plural(used, "thread", "threads")));
        char detail[160];
        std::snprintf(detail, sizeof detail, "setting (or waiting) %.3f s, paginating %.3f s, finishing %.3f s",
                      stats.preparing, stats.paginating, stats.finishing);
        outcome.stages.back().note += "; " + std::string(detail);
        outcome.articles = std::move(stats.articles);
        return document;
    }
};

EditionBuilder::EditionBuilder() : impl_(std::make_unique<Impl>()) {}
EditionBuilder::~EditionBuilder() = default;

bool EditionBuilder::prepare(const std::string& layout_name, Diagnostics& diags) {
    return impl_->prepare(layout_name, diags);
}
const layout::Layout* EditionBuilder::layout() const { return impl_->layout ? &*impl_->layout : nullptr; }
const fonts::FontLibrary* EditionBuilder::font_library() const { return impl_->library.get(); }

BuildOutcome build_editions(const model::Issue& issue, const BuildRequest& request, Diagnostics& diags) {
    EditionBuilder builder;
    return builder.build(issue, request, diags);
}

BuildOutcome EditionBuilder::typeset_only(const model::Issue& issue, const BuildRequest& request, Diagnostics& diags,
                                          const ProgressFn& progress) {
    BuildOutcome outcome;
    if (!impl_->prepare(layout_name_for(issue, request.layout), diags)) return outcome;
    page::Document document = impl_->compose(issue, request, effective_jobs(request.jobs), progress, diags, outcome);
    outcome.pages = static_cast<int>(document.pages.size());
    return outcome;
}

BuildOutcome EditionBuilder::build(const model::Issue& issue, const BuildRequest& request, Diagnostics& diags,
                                   const ProgressFn& progress) {
    BuildOutcome outcome;
    if (!impl_->prepare(layout_name_for(issue, request.layout), diags)) return outcome;
    const layout::Layout& layout = *impl_->layout;
    const fonts::FontLibrary* library = impl_->library.get();
    const int threads = effective_jobs(request.jobs);
    const bool parallel = threads > 1;
    auto say = [&](const std::string& text) {
        if (progress) progress(issue.id + ": " + text, true);
    };

    const bool want_epub = request.formats.count(Format::epub) != 0;
    const bool want_press = request.press || request.press_pages;
    const bool want_dump = request.formats.count(Format::dump) != 0;
    const bool want_print = request.formats.count(Format::pdf) != 0 || request.formats.count(Format::png) != 0 ||
                            want_dump || want_press;
    // The EPUB (with -j > 1, on a thread of its own): when the PDF is drawn
    // page by page, it starts as soon as it can, while the memory in use is
    // still small: at once with a manifest cover, else when the print front
    // page (its cover) is composed. Begun once the composer was done, it
    // was made beside libqpdf's objects in the PDF's finishing pass: 147 MB
    // at the peak of a 500-article build, against 132 MB for the PDF alone.
    // Otherwise it starts once the pages are composed. Its diagnostics, the
    // front page's included, are kept apart and appended last whatever -j
    // is, so their order never depends on threads.
    const bool cover_from_print = want_epub && !issue.cover;
    std::vector<Produced> produced;
    std::optional<std::size_t> png_page_count, press_page_count;  // per-page files written
    Diagnostics epub_diags;
    std::optional<Produced> epub_out;
    StageTiming epub_timing{"epub", 0, ""};
    auto build_epub_edition = [&](const std::optional<page::Document>& first) {
        const StageClock clock;
        std::optional<epub::SuppliedCover> cover;
        if (first) cover = front_page_of(*first, issue, epub_diags);
        epub_out = make_epub(issue, layout, library, request, std::move(cover), epub_diags);
        epub_timing = clock.done("epub", parallel ? "on its own thread" : "");
        // What the EPUB's thread freed would stay with it otherwise.
        if (parallel) release_free_memory();
    };
    std::thread epub_thread;
    auto start_epub = [&](std::optional<page::Document> first) {
        if (parallel) epub_thread = std::thread([&, first = std::move(first)] { build_epub_edition(first); });
        else build_epub_edition(first);
    };
    const bool compose_first = want_print || cover_from_print;
    if (want_epub && !compose_first) start_epub(std::nullopt);

    // The PDF alone (no PNG proofs, no press PDF, which need the whole
    // document) with threads to spare: drawn page by page on this thread
    // while the composer, on its own, lays out the pages after them.
    const bool stream_pdf = parallel && request.formats.count(Format::pdf) != 0 &&
                            request.formats.count(Format::png) == 0 && !want_dump && !want_press;
    std::optional<page::Document> document;
    if (stream_pdf) {
        say("setting paragraphs");
        page::PageQueue queue(kPagesInFlight);
        Diagnostics compose_diags, pdf_diags;
        page::Document rest;  // metadata and outline
        std::function<bool(page::Link&)> resolve_link;
        std::size_t pages = 0;
        if (want_epub && !cover_from_print) start_epub(std::nullopt);
        std::thread composer([&] {
            rest = impl_->compose(
                issue, request, threads, progress, compose_diags, outcome,
                [&](page::Page&& page) {
                    if (pages++ == 0 && want_epub && cover_from_print) {
                        page::Document front;
                        front.pages.push_back(page);
                        start_epub(std::move(front));
                    }
                    queue.push(std::move(page));
                },
                &resolve_link);
            queue.close();
            if (pages == 0 && want_epub && cover_from_print) start_epub(std::nullopt);  // no front page
        });
        const StageClock clock;
        render::PdfOptions pdf;
        pdf.date = request.source_date_epoch;
        pdf.threads = threads;
        std::optional<std::string> bytes = render::render_pdf(
            queue,
            [&] {
                // The queue is closed: compose_issue has returned.
                return render::DocumentTail{rest.meta, std::move(rest.outline), resolve_link};
            },
            pdf, pdf_diags);
        StageTiming drawing = clock.done("pdf", "drawn while the pages were composed");
        composer.join();
        if (want_print) outcome.pages = static_cast<int>(pages);
        diags.append(compose_diags);
        diags.append(pdf_diags);
        if (bytes)
            produced.push_back({request.out_dir / (issue.id + ".pdf"), std::move(*bytes),
                                std::to_string(pages) + " pages"});
        outcome.stages.push_back(std::move(drawing));
    } else if (compose_first) {
        say("setting paragraphs");
        document = impl_->compose(issue, request, threads, progress, diags, outcome);
        if (want_print) outcome.pages = static_cast<int>(document->pages.size());
        // Set paragraphs, streams and page drafts are gone: give their memory
        // back before the backends allocate theirs.
        release_free_memory();
        // With threads the EPUB is made beside the print backends; on one
        // thread after them, once the PDF has let go of the pages.
        // The page dump first: the PDF may drop the pages as it draws them.
        if (want_dump)
            produced.push_back({request.out_dir / (issue.id + ".dump.txt"), render::dump_document(*document),
                                "the laid-out pages as text"});
        std::optional<page::Document> epub_front;
        if (want_epub && cover_from_print) epub_front = front_page(*document);
        if (want_epub && parallel) start_epub(std::move(epub_front));
        // PNG proofs on a thread of their own beside the PDF.
        Diagnostics png_diags;
        std::optional<std::vector<std::string>> png_pages;
        StageTiming png_timing{"png", 0, ""};
        std::thread png_thread;
        if (request.formats.count(Format::png)) {
            auto draw_pngs = [&] {
                const StageClock clock;
                render::PngOptions png;
                png.dpi = request.dpi;
                png_pages = render::render_png_pages(*document, png, png_diags);
                png_timing = clock.done("png", parallel ? "on its own thread" : "");
            };
            if (parallel) png_thread = std::thread(draw_pngs);
            else draw_pngs();
        }
        std::vector<Produced> press_files;  // listed after the PDF and the proofs
        if (want_press) {
            say("making the press PDF");
            const StageClock clock;
            press::PressOptions po;
            po.profile = request.press_profile;
            po.date = request.source_date_epoch;
            po.whole = request.press;
            po.pages = request.press_pages;
            if (po.pages) press_page_count = document->pages.size();
            press::PressResult pr = press::render_press(*document, layout, po, issue.id, diags);
            // No Ghostscript, or it failed: exit status 4, and nothing is written.
            if (pr.status == press::PressStatus::tool_missing || pr.status == press::PressStatus::tool_failed)
                outcome.output_failed = true;
            for (press::PressFile& f : pr.files)
                press_files.push_back({request.out_dir / f.name, std::move(f.bytes), "PDF/X-3, " + pr.profile_name});
            outcome.stages.push_back(clock.done("press"));
        }
        // The screen PDF last: when no PNG thread is reading the pages, it
        // drops each page once drawn, so the laid-out issue never sits in
        // memory beside cairo's output and the finishing pass.
        if (request.formats.count(Format::pdf)) {
            const std::size_t pages = document->pages.size();
            say("drawing " + plural(pages, "page", "pages") + " into the PDF");
            const StageClock clock;
            render::PdfOptions pdf;
            pdf.date = request.source_date_epoch;
            pdf.threads = threads;
            std::optional<std::string> bytes = request.formats.count(Format::png)
                                                   ? render::render_pdf(*document, pdf, diags)
                                                   : render::render_pdf(std::move(*document), pdf, diags);
            if (bytes)
                produced.push_back({request.out_dir / (issue.id + ".pdf"), std::move(*bytes),
                                    std::to_string(pages) + " pages"});
            outcome.stages.push_back(clock.done("pdf"));
        }
        if (png_thread.joinable()) {
            say("drawing PNG proofs");
            png_thread.join();
        }
        if (request.formats.count(Format::png)) {
            diags.append(png_diags);
            if (png_pages) png_page_count = png_pages->size();
            if (png_pages)
                for (std::size_t i = 0; i < png_pages->size(); ++i)
                    produced.push_back({request.out_dir / render::png_page_name(issue.id, i), std::move((*png_pages)[i]), ""});
            outcome.stages.push_back(png_timing);
        }
        for (Produced& p : press_files) produced.push_back(std::move(p));
        document.reset();
        if (want_epub && !parallel) start_epub(std::move(epub_front));
    }
    if (epub_thread.joinable()) {
        say("finishing the EPUB");
        epub_thread.join();
    }
    if (want_epub) outcome.stages.push_back(epub_timing);
    diags.append(epub_diags);
    if (epub_out) produced.insert(produced.begin(), std::move(*epub_out));

    // All or nothing: any error above (or warning, with --strict) means no
    // file is touched.
    if (diags.has_errors() || (request.strict && diags.count(Severity::warning) > 0)) return outcome;
    const StageClock writing;
    sweep_stale_outputs(request.out_dir);
    OutputSet set;
    std::size_t staged = 0;
    for (const Produced& p : produced) {
        say("writing files: " + std::to_string(staged) + "/" + std::to_string(produced.size()));
        if (!set.add(p.target, p.bytes, diags)) break;
        stop_mid_write_for_tests(++staged, produced.size());
    }
    say("writing files: " + std::to_string(staged) + "/" + std::to_string(produced.size()));
    if (!set.commit(diags)) {
        outcome.output_failed = true;
        return outcome;
    }
    for (const Produced& p : produced) outcome.written.push_back({p.target, p.bytes.size(), p.note});
    if (png_page_count)
        outcome.stale_removed += remove_pages_past(request.out_dir, issue.id + "-p", ".png", *png_page_count,
                                                   [&](std::size_t i) { return render::png_page_name(issue.id, i); });
    if (press_page_count)
        outcome.stale_removed +=
            remove_pages_past(request.out_dir, issue.id + ".press-p", ".pdf", *press_page_count,
                              [&](std::size_t i) { return press::press_page_file_name(issue.id, i); });
    outcome.stages.push_back(writing.done("write", plural(produced.size(), "file", "files")));
    return outcome;
}

}  // namespace galley::cli
