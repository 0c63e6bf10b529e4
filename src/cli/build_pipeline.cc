#include "cli/build_pipeline.h"

#include "base/data_dir.h"
#include "base/output_file.h"
#include "cli/layout_check.h"
#include "epub/epub_writer.h"
#include "fonts/font_library.h"
#include "layout/loader.h"
#include "render/pdf_writer.h"
#include "render/png_writer.h"
#include "typeset/compose/compose.h"
#include "typeset/text/text_setter.h"
#include "cli/version.h"

namespace galley::cli {
namespace {

std::string megabytes(std::uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return buf;
}

void build_epub(const model::Issue& issue, const layout::Layout& layout, const fonts::FontLibrary* library,
                const BuildRequest& request, BuildOutcome& outcome, Diagnostics& diags) {
    epub::EpubOptions options;
    options.fonts = request.epub_fonts;
    options.source_date_epoch = request.source_date_epoch;
    epub::EpubStats stats;
    std::filesystem::path target = request.out_dir / epub::epub_file_name(issue);
    std::size_t errors_before = diags.count(Severity::error);
    if (epub::write_epub(issue, layout, library, options, target, diags, &stats)) {
        WrittenFile f{target, stats.bytes, ""};
        if (request.epub_fonts == epub::FontMode::subset && stats.fonts > 0)
            f.note = "fonts subset " + megabytes(stats.font_original_bytes) + " -> " +
                     megabytes(stats.font_embedded_bytes) + ", " + megabytes(stats.font_bytes_saved()) + " saved";
        outcome.written.push_back(f);
    } else if (diags.count(Severity::error) > errors_before && diags.contains("E-OUTPUT-WRITE")) {
        outcome.output_failed = true;
    }
}

std::uint64_t size_on_disk(const std::filesystem::path& p) {
    std::error_code ec;
    auto n = std::filesystem::file_size(p, ec);
    return ec ? 0 : static_cast<std::uint64_t>(n);
}

// The print edition: set, compose, then render to PDF and/or PNG proofs.
void build_print(const model::Issue& issue, const layout::Layout& layout, const fonts::FontLibrary& library,
                 const BuildRequest& request, BuildOutcome& outcome, Diagnostics& diags) {
    typeset::TextSetter setter(layout, library, data_dir() / "layouts" / "hyphenation");
    typeset::ComposeOptions options;
    options.creator = std::string("galley ") + kVersion;
    page::Document document = typeset::compose_issue(issue, layout, setter, options, diags);
    outcome.pages = static_cast<int>(document.pages.size());
    if (diags.has_errors()) return;
    if (request.formats.count(Format::pdf)) {
        render::PdfOptions pdf;
        pdf.date = request.source_date_epoch;
        std::filesystem::path target = request.out_dir / (issue.id + ".pdf");
        if (render::write_pdf(document, pdf, target, diags))
            outcome.written.push_back({target, size_on_disk(target), std::to_string(outcome.pages) + " pages"});
        else
            outcome.output_failed = outcome.output_failed || diags.contains("E-OUTPUT-WRITE");
    }
    if (request.formats.count(Format::png)) {
        render::PngOptions png;
        png.dpi = request.dpi;
        auto files = render::write_png_pages(document, png, request.out_dir, issue.id, diags);
        if (files) {
            std::uint64_t total = 0;
            for (const auto& f : *files) total += size_on_disk(f);
            if (!files->empty())
                outcome.written.push_back({files->front().parent_path() / (issue.id + "-p*.png"), total,
                                           std::to_string(files->size()) + " PNG proofs"});
        } else {
            outcome.output_failed = outcome.output_failed || diags.contains("E-OUTPUT-WRITE");
        }
    }
}

}  // namespace

BuildOutcome build_editions(const model::Issue& issue, const BuildRequest& request, Diagnostics& diags) {
    BuildOutcome outcome;
    auto layout = layout::load_layout(layout_name_for(issue, request.layout), layout::bundled_layouts_dir(), diags);
    if (!layout) return outcome;
    std::vector<std::filesystem::path> dirs{data_dir() / "fonts"};
    dirs.insert(dirs.end(), layout->fonts.directories.begin(), layout->fonts.directories.end());
    auto library = fonts::FontLibrary::open(dirs, diags);
    if (!library) return outcome;
    sweep_stale_outputs(request.out_dir);
    if (request.formats.count(Format::epub)) build_epub(issue, *layout, library.get(), request, outcome, diags);
    if (request.formats.count(Format::pdf) || request.formats.count(Format::png))
        build_print(issue, *layout, *library, request, outcome, diags);
    return outcome;
}

}  // namespace galley::cli
