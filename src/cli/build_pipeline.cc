#include "cli/build_pipeline.h"

#include <cstdio>
#include <thread>

#include "base/data_dir.h"
#include "base/output_file.h"
#include "cli/layout_check.h"
#include "cli/version.h"
#include "epub/civil_time.h"
#include "epub/epub_writer.h"
#include "fonts/font_library.h"
#include "layout/loader.h"
#include "render/pdf_writer.h"
#include "render/png_writer.h"
#include "press/press.h"
#include "typeset/compose/compose.h"
#include "typeset/text/text_setter.h"

namespace galley::cli {
namespace {

// Resolution of the front page when it becomes the EPUB's cover: about
// 1500 px tall for a tabloid page, what e-book stores ask of a cover.
constexpr double kCoverDpi = 100;

std::string megabytes(std::uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return buf;
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

// Page one of the print edition as a PNG, for the EPUB cover.
std::optional<epub::SuppliedCover> front_page_of(const page::Document& document, const model::Issue& issue,
                                                 Diagnostics& diags) {
    if (document.pages.empty()) return std::nullopt;
    page::Document first;
    first.meta = document.meta;
    first.pages.push_back(document.pages.front());
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

}  // namespace

// What stays valid while the layout stays the same.
struct EditionBuilder::Impl {
    std::string layout_name;
    std::optional<layout::Layout> layout;
    std::unique_ptr<fonts::FontLibrary> library;
    std::unique_ptr<typeset::TextSetter> setter;

    // Loads the layout, fonts and setter unless they are loaded already.
    bool prepare(const std::string& name, Diagnostics& diags) {
        if (layout && name == layout_name) return true;
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
        setter = std::make_unique<typeset::TextSetter>(*layout, *library, data_dir() / "layouts" / "hyphenation");
        return true;
    }
};

EditionBuilder::EditionBuilder() : impl_(std::make_unique<Impl>()) {}
EditionBuilder::~EditionBuilder() = default;

BuildOutcome build_editions(const model::Issue& issue, const BuildRequest& request, Diagnostics& diags) {
    EditionBuilder builder;
    return builder.build(issue, request, diags);
}

BuildOutcome EditionBuilder::build(const model::Issue& issue, const BuildRequest& request, Diagnostics& diags) {
    BuildOutcome outcome;
    if (!impl_->prepare(layout_name_for(issue, request.layout), diags)) return outcome;
    const layout::Layout& layout = *impl_->layout;
    const fonts::FontLibrary* library = impl_->library.get();

    const bool want_epub = request.formats.count(Format::epub) != 0;
    const bool want_press = request.press || request.press_pages;
    const bool want_print = request.formats.count(Format::pdf) != 0 || request.formats.count(Format::png) != 0 || want_press;
    // Without a manifest cover the EPUB's cover is the print front page, so
    // the print edition is composed first; otherwise the EPUB is built on a
    // second thread while the pages are laid out.
    const bool cover_from_print = want_epub && !issue.cover;
    std::vector<Produced> produced;
    Diagnostics epub_diags;
    std::optional<Produced> epub_out;
    std::thread epub_thread;
    if (want_epub && !cover_from_print) {
        epub_thread = std::thread([&] { epub_out = make_epub(issue, layout, library, request, {}, epub_diags); });
    }

    if (want_print || cover_from_print) {
        typeset::ComposeOptions options;
        options.creator = std::string("galley ") + kVersion;
        if (request.source_date_epoch)
            options.date = epub::format_utc_timestamp(epub::civil_from_unix(*request.source_date_epoch));
        page::Document document = typeset::compose_issue(issue, layout, *impl_->setter, options, diags);
        if (want_print) outcome.pages = static_cast<int>(document.pages.size());
        if (cover_from_print)
            epub_out = make_epub(issue, layout, library, request, front_page_of(document, issue, diags), epub_diags);
        if (request.formats.count(Format::pdf)) {
            render::PdfOptions pdf;
            pdf.date = request.source_date_epoch;
            if (auto bytes = render::render_pdf(document, pdf, diags))
                produced.push_back({request.out_dir / (issue.id + ".pdf"), std::move(*bytes),
                                    std::to_string(document.pages.size()) + " pages"});
        }
        if (request.formats.count(Format::png)) {
            render::PngOptions png;
            png.dpi = request.dpi;
            if (auto pages = render::render_png_pages(document, png, diags))
                for (std::size_t i = 0; i < pages->size(); ++i)
                    produced.push_back({request.out_dir / render::png_page_name(issue.id, i), std::move((*pages)[i]), ""});
        }
        if (want_press) {
            press::PressOptions po;
            po.profile = request.press_profile;
            po.date = request.source_date_epoch;
            po.whole = request.press;
            po.pages = request.press_pages;
            press::PressResult pr = press::render_press(document, layout, po, issue.id, diags);
            // No Ghostscript, or it failed: exit status 4, and nothing is written.
            if (pr.status == press::PressStatus::tool_missing || pr.status == press::PressStatus::tool_failed)
                outcome.output_failed = true;
            for (press::PressFile& f : pr.files)
                produced.push_back({request.out_dir / f.name, std::move(f.bytes), "PDF/X-3, " + pr.profile_name});
        }
    }
    if (epub_thread.joinable()) epub_thread.join();
    diags.append(epub_diags);
    if (epub_out) produced.insert(produced.begin(), std::move(*epub_out));

    // All or nothing: any error above (or warning, with --strict) means no
    // file is touched.
    if (diags.has_errors() || (request.strict && diags.count(Severity::warning) > 0)) return outcome;
    sweep_stale_outputs(request.out_dir);
    OutputSet set;
    for (const Produced& p : produced)
        if (!set.add(p.target, p.bytes, diags)) break;
    if (!set.commit(diags)) {
        outcome.output_failed = true;
        return outcome;
    }
    for (const Produced& p : produced) outcome.written.push_back({p.target, p.bytes.size(), p.note});
    return outcome;
}

}  // namespace galley::cli
