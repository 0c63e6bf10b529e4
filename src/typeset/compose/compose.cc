#include "typeset/compose/compose.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <mutex>
#include <string>
#include <utility>
#include <variant>

#include "layout/value_text.h"
#include "typeset/compose/article_stream.h"
#include "typeset/compose/compose_context.h"
#include "typeset/compose/document_info.h"
#include "typeset/compose/furniture.h"
#include "typeset/compose/paginate.h"
#include "typeset/compose/prepare_pool.h"

namespace galley::typeset {

namespace {

std::filesystem::path absolute_root(const std::string& root) {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::absolute(root.empty() ? "." : root, ec);
    return ec ? std::filesystem::path(root) : p.lexically_normal();
}

/// A page's items in an order that keeps structure tags nested: the article
/// jumping in from the previous page first (it closes its tag), then the
/// furniture, the articles complete on the page, and last the one jumping
/// out (it opens its tag).
page::Page assemble(ComposeContext& ctx, PageDraft& draft, bool first, bool last) {
    page::Page page;
    page.width = ctx.layout.page.width.to_pt();
    page.height = ctx.layout.page.height.to_pt();
    page.label = std::to_string(draft.number);
    std::vector<page::Item> furniture = page_furniture(ctx, draft.number, draft.section);
    std::size_t count = furniture.size() + 2;
    for (const Chunk& c : draft.chunks) count += c.items.size();
    page.items.reserve(count);
    auto take = [&](Chunk& c) {
        for (page::Item& item : c.items) page.items.push_back(std::move(item));
        std::vector<page::Item>().swap(c.items);  // its storage goes now, not with the draft
    };
    if (first) page.items.emplace_back(tag(page::TagKind::document));
    for (Chunk& c : draft.chunks)
        if (c.continues) take(c);
    for (page::Item& item : furniture) page.items.push_back(std::move(item));
    for (Chunk& c : draft.chunks)
        if (!c.continues && !c.opens) take(c);
    for (Chunk& c : draft.chunks)
        if (!c.continues && c.opens) take(c);
    if (last) page.items.emplace_back(tag_end(page::TagKind::document));
    return page;
}

/// Warns of story text an article has on a page below the live area
/// (furniture aside): in the bottom margin, over the folio, or off the
/// page, where it will not print. It is what the paginator had to place
/// whole on a fresh page though the room there was too shallow for it (a
/// headline of hundreds of words at the deck's size, a figure under a tall
/// head, a caption of thousands of words).
void warn_below_live_area(const Chunk& chunk, const PageFrame& frame, double page_width, std::size_t number,
                          Diagnostics& diags) {
    std::size_t lines = 0, pictures = 0;
    std::string first, picture;
    int artifact = 0;  // open artifact tags: furniture lies in the margins by design
    for (const page::Item& item : chunk.items) {
        if (const auto* b = std::get_if<page::TagBegin>(&item)) {
            if (b->kind == page::TagKind::artifact) ++artifact;
        } else if (const auto* e = std::get_if<page::TagEnd>(&item)) {
            if (e->kind == page::TagKind::artifact) --artifact;
        } else if (artifact > 0) {
            continue;
        } else if (const auto* r = std::get_if<page::GlyphRun>(&item)) {
            // A baseline on the grid, or a caption's, lies above the bottom.
            const bool below = r->origin.y > frame.bottom + 0.5;
            const bool beside = r->origin.x >= page_width || r->origin.x + r->advance <= 0;
            if (!below && !beside) continue;
            if (lines++ == 0) first = r->text;
        } else if (const auto* i = std::get_if<page::Image>(&item)) {
            // What it shows, past the foot (a bleed runs off the sides only).
            const page::Rect shown = i->clip ? *i->clip : i->rect;
            if (shown.y + shown.height <= frame.bottom + 0.5) continue;
            if (pictures++ == 0) picture = std::filesystem::path(i->file).filename().string();
        }
    }
    if (lines == 0 && pictures == 0) return;
    if (first.size() > 60) first = first.substr(0, 57) + "...";
    std::string what;
    if (lines > 0) what = std::to_string(lines) + (lines == 1 ? " line" : " lines");
    if (pictures > 0)
        what += (what.empty() ? "" : " and ") + std::to_string(pictures) + (pictures == 1 ? " picture" : " pictures");
    diags.warning("W-LAYOUT-OFF-PAGE", chunk.article ? chunk.article->where : SourceLocation{},
                  what + (lines + pictures == 1 ? " lies" : " lie") + " below the text area of page " +
                      std::to_string(number) + ", in the margin or off the page, from " +
                      (lines > 0 ? "\"" + first + "\"" : "image '" + picture + "'") +
                      ": what the page had to take whole (a head with its deck, byline, dateline and first lines, a "
                      "picture or a caption) was deeper than the room it had");
}

// A grid cell holds a body line from `ascent` above its baseline: a layout
// whose grid.origin leaves less than the body type rises (its body made
// larger, the origin kept) had every line that follows a picture, a head
// or a box reach up into it. The first baseline is moved down so that the
// cells hold the ascenders, with a warning naming the origin to give.
void fit_grid_to_body(layout::Layout& layout, TextSetter& setter, const PageFrame& frame, Diagnostics& diags) {
    // Tenths of a point, rounded up: the origin given is enough.
    auto format_points = [](double v) {
        return layout::format_length(Length::pt(std::ceil(v * 10.0 - 1e-6) / 10.0), layout::LengthUnit::pt);
    };
    const double origin = layout.grid.origin.to_pt(), leading = layout.grid.leading.to_pt();
    const BaselineGrid grid(frame.top, origin, leading);
    const double rise = std::min(setter.ascender(layout::ParagraphStyleId::body), grid.leading());
    if (grid.ascent() + kEpsilon >= rise) return;
    const double fitted = origin + std::ceil((rise - grid.ascent()) * 10.0) / 10.0;
    if (fitted >= frame.height()) return;  // the layout check's to report
    layout.grid.origin = Length::pt(fitted);
    diags.warning("W-LAYOUT-GRID-ORIGIN", {layout.file.string(), 0, 0},
                  "body type rises " + format_points(rise) + " above its baseline, but grid.origin " +
                      format_points(origin) + " leaves its lines " + format_points(grid.ascent()) +
                      ": they would reach into what is above them, so the first baseline is set at " +
                      format_points(fitted) + " (give grid.origin=\"" + format_points(fitted) + "\")");
}

}  // namespace

page::Document compose_issue(const model::Issue& issue, const layout::Layout& layout, TextSetter& setter,
                             const ComposeOptions& options, Diagnostics& diags) {
    using Clock = std::chrono::steady_clock;
    auto seconds_since = [](Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); };
    // The binding edge, decided for this issue: everything composed below
    // (margins, furniture) reads it from this copy.
    layout::Layout bound = layout;
    if (bound.page.binding == layout::BindingEdge::automatic)
        bound.page.binding = model::right_to_left(issue.lang) ? layout::BindingEdge::right : layout::BindingEdge::left;
    PageFrame frame = page_frame(bound, 1);
    fit_grid_to_body(bound, setter, frame, diags);
    ComposeContext ctx{issue,
                       bound,
                       setter,
                       diags,
                       frame,
                       BaselineGrid(frame.top, bound.grid.origin.to_pt(), bound.grid.leading.to_pt()),
                       absolute_root(issue.root),
                       0};
    ComposeStats stats;

    // Progress comes from the workers (articles set) and from here (pages).
    std::mutex progress_mutex;
    ComposeProgress progress;
    progress.articles = issue.article_count();
    progress.sections = issue.sections.size();
    auto report = [&](auto&& update) {
        if (!options.progress) return;
        std::lock_guard<std::mutex> lock(progress_mutex);
        update(progress);
        options.progress(progress);
    };

    // Prepare (on the workers, ahead) and paginate, section by section.
    ArticlePreparer preparer(ctx, options.helpers, [&](std::size_t done, std::size_t, std::size_t paragraphs) {
        report([&](ComposeProgress& p) {
            p.articles_set = done;
            p.paragraphs = paragraphs;
        });
    });
    Paginator paginator(ctx);
    page::Document doc;
    std::size_t assembled = 0;  // pages assembled so far
    // Furnishes and assembles finished drafts, and hands them over or keeps them.
    auto assemble_drafts = [&](std::vector<PageDraft>& drafts, bool last) {
        for (std::size_t i = 0; i < drafts.size(); ++i) {
            const std::size_t number = assembled + 1;
            const PageFrame live = page_frame(layout, static_cast<int>(number));
            for (const Chunk& c : drafts[i].chunks)
                warn_below_live_area(c, live, layout.page.width.to_pt(), number, diags);
            page::Page page = assemble(ctx, drafts[i], assembled == 0, last && i + 1 == drafts.size());
            ++assembled;
            if (options.page_sink) options.page_sink(std::move(page));
            else doc.pages.push_back(std::move(page));
        }
        std::vector<PageDraft>().swap(drafts);
    };
    if (options.page_sink)
        paginator.hand_over([&](PageDraft&& draft) {
            const auto furnishing = Clock::now();
            std::vector<PageDraft> one;
            one.push_back(std::move(draft));
            assemble_drafts(one, false);
            stats.finishing += seconds_since(furnishing);
        });
    for (std::size_t s = 0; s < issue.sections.size(); ++s) {
        const auto placing = Clock::now();
        ArticlePreparer::Section section = preparer.take(s);
        paginator.place_section(section);
        section.close();
        stats.preparing += section.seconds();
        stats.paginating += seconds_since(placing) - section.seconds();
        int pages = 0;
        for (const auto& [article, start] : paginator.starts()) pages = std::max(pages, start.page + 1);
        report([&](ComposeProgress& p) {
            p.sections_placed = s + 1;
            p.pages = pages;
        });
    }
    const auto finishing = Clock::now();
    std::vector<PageDraft> drafts = paginator.finish();
    stats.paginating += seconds_since(finishing);
    report([&](ComposeProgress& p) { p.pages = static_cast<int>(assembled + drafts.size()); });

    // Furnish and assemble the rest.
    const auto furnishing = Clock::now();
    assemble_drafts(drafts, true);

    // Describe.
    doc.meta = document_metadata(issue, layout.labels, options);
    doc.meta.bound_right = bound.page.binding == layout::BindingEdge::right;
    doc.outline = document_outline(issue, paginator.starts());
    if (options.page_sink) {
        if (options.link_resolver)
            *options.link_resolver = [&issue, starts = paginator.starts()](page::Link& link) {
                return resolve_article_link(link, issue, starts);
            };
    } else {
        resolve_article_links(doc, issue, paginator.starts());
    }
    stats.finishing += seconds_since(furnishing);
    if (options.stats != nullptr) {
        stats.articles = preparer.timings();
        for (const ArticleTiming& a : stats.articles) stats.paragraphs += a.paragraphs;
        stats.paragraphs += ctx.paragraphs;
        *options.stats = std::move(stats);
    }
    return doc;
}

}  // namespace galley::typeset
