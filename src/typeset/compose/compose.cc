#include "typeset/compose/compose.h"

#include <filesystem>
#include <utility>

#include "typeset/compose/article_stream.h"
#include "typeset/compose/compose_context.h"
#include "typeset/compose/document_info.h"
#include "typeset/compose/furniture.h"
#include "typeset/compose/paginate.h"

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
    auto take = [&](Chunk& c) {
        for (page::Item& item : c.items) page.items.push_back(std::move(item));
        c.items.clear();
    };
    if (first) page.items.emplace_back(tag(page::TagKind::document));
    for (Chunk& c : draft.chunks)
        if (c.continues) take(c);
    std::vector<page::Item> furniture = page_furniture(ctx, draft.number, draft.section);
    for (page::Item& item : furniture) page.items.push_back(std::move(item));
    for (Chunk& c : draft.chunks)
        if (!c.continues && !c.opens) take(c);
    for (Chunk& c : draft.chunks)
        if (!c.continues && c.opens) take(c);
    if (last) page.items.emplace_back(tag_end(page::TagKind::document));
    return page;
}

}  // namespace

page::Document compose_issue(const model::Issue& issue, const layout::Layout& layout, TextSetter& setter,
                             const ComposeOptions& options, Diagnostics& diags) {
    PageFrame frame = page_frame(layout, 1);
    ComposeContext ctx{issue,
                       layout,
                       setter,
                       diags,
                       frame,
                       BaselineGrid(frame.top, layout.grid.origin.to_pt(), layout.grid.leading.to_pt()),
                       absolute_root(issue.root)};

    // Prepare: every article's flow, set once.
    std::vector<std::vector<PreparedArticle>> sections;
    for (std::size_t s = 0; s < issue.sections.size(); ++s) {
        sections.emplace_back();
        for (const model::Article& a : issue.sections[s].articles)
            sections.back().push_back(prepare_article(ctx, a, static_cast<int>(s)));
    }

    // Paginate: sections in order, articles onto pages.
    Paginator paginator(ctx);
    for (std::vector<PreparedArticle>& section : sections) paginator.place_section(section);
    std::vector<PageDraft> drafts = paginator.finish();

    // Furnish and assemble.
    page::Document doc;
    for (std::size_t i = 0; i < drafts.size(); ++i)
        doc.pages.push_back(assemble(ctx, drafts[i], i == 0, i + 1 == drafts.size()));

    // Describe.
    doc.meta = document_metadata(issue, options);
    doc.outline = document_outline(issue, paginator.starts());
    resolve_article_links(doc, issue, paginator.starts());
    return doc;
}

}  // namespace galley::typeset
