#include "typeset/compose/article_stream.h"

#include <algorithm>

#include "typeset/compose/body_flow.h"
#include "typeset/compose/head_block.h"

namespace galley::typeset {

PreparedArticle prepare_article(ComposeContext& ctx, const model::Article& article, int section,
                                LeadInText lead_in_text) {
    PreparedArticle out;
    out.article = &article;
    out.section = section;
    out.span = article_span(ctx.layout, article);
    out.rtl = ctx.right_to_left(article.lang);
    out.title = headline_text(article);
    out.lead_in_text = lead_in_text;
    StreamBuilder builder(out.body);
    BodyFlow flow(ctx, article, builder, out.span, lead_in_text);
    flow.blocks(article.body, flow.column());
    flow.end_matter(flow.column());
    builder.finish();
    // A table set wider than the headline tier's columns asks for a run
    // that wide (where the page has one; else it takes its narrow form).
    for (const FloatBlock& f : out.body.floats) out.span = std::max(out.span, f.span);
    return out;
}

int article_span(const layout::Layout& layout, const model::Article& article) {
    return layout.tier_columns(article.effective_priority());
}

}  // namespace galley::typeset
