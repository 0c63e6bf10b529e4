#include "typeset/compose/head_block.h"

#include <algorithm>
#include <variant>

#include "model/inline.h"
#include "typeset/compose/figure.h"
#include "typeset/compose/stack.h"

namespace galley::typeset {

namespace {

using layout::ParagraphStyleId;

class HeadBuilder {
public:
    HeadBuilder(ComposeContext& ctx, const model::Article& a, int k, FigureFit fit)
        : ctx_(ctx), a_(a), k_(k), fit_(fit) {}

    HeadBlock text();
    HeadBlock figures();

private:
    /// A paragraph of `style` onto `stack` at `width`, with its spaces.
    void styled(Stack& stack, const model::Inlines& content, ParagraphStyleId style, double width, page::TagBegin t);
    int span_of(const layout::Span& s) const { return std::min(s.resolve(ctx_.frame.columns, k_), k_); }
    void piece(Stack& stack, int span, int first = 0);

    ComposeContext& ctx_;
    const model::Article& a_;
    int k_;
    FigureFit fit_;
    HeadBlock out_;
};

void HeadBuilder::styled(Stack& stack, const model::Inlines& content, ParagraphStyleId style, double width,
                         page::TagBegin t) {
    if (model::is_blank(content)) return;
    const layout::ParagraphStyle& st = ctx_.style(style);
    if (stack.y() > 0) stack.space(ctx_.space(st.space_before));
    SetParagraph p = ctx_.set(content, style, width, a_.lang, a_.where, true);
    page::TagKind kind = t.kind;
    stack.begin(std::move(t));
    stack.lines(p, ctx_.lines(style));
    stack.end(kind);
    stack.space(ctx_.space(st.space_after));
}

void HeadBuilder::piece(Stack& stack, int span, int first) {
    if (stack.items().empty()) return;
    HeadPiece p;
    p.height = stack.y();
    p.first = first;
    p.span = span;
    p.fragment = stack.take();
    out_.pieces.push_back(std::move(p));
}

HeadBlock HeadBuilder::text() {
    const model::Head& head = a_.head;
    double width = ctx_.frame.span_width(k_);
    {
        Stack stack;
        styled(stack, head.kicker, ParagraphStyleId::kicker, width, tag(page::TagKind::paragraph));
        if (!model::is_blank(head.headline)) {
            const layout::ParagraphStyle& st = ctx_.style(ParagraphStyleId::headline);
            const layout::HeadlineTier& tier = ctx_.layout.tier(a_.effective_priority());
            ParagraphShape shape;
            shape.width = width;
            shape.lang = a_.lang;
            shape.first_in_flow = true;
            shape.size = tier.size.to_pt();
            shape.leading = tier.leading.to_pt();
            shape.weight = tier.weight;
            SetParagraph p = ctx_.setter.set(head.headline, ParagraphStyleId::headline, shape, a_.where, ctx_.diags);
            LineSpec spec;
            spec.leading = tier.leading.to_pt();
            spec.size = tier.size.to_pt();
            stack.begin(heading_tag(1));
            stack.lines(p, spec);
            stack.end(page::TagKind::heading);
            stack.space(ctx_.space(st.space_after));
        }
        piece(stack, k_);
    }
    {
        int span = span_of(ctx_.layout.spans.deck);
        Stack stack;
        styled(stack, head.deck, ParagraphStyleId::deck, ctx_.frame.span_width(span), tag(page::TagKind::paragraph));
        piece(stack, span);
    }
    {
        int span = span_of(ctx_.layout.spans.byline);
        double w = ctx_.frame.span_width(span);
        Stack stack;
        for (const model::Inlines& byline : head.bylines)
            styled(stack, byline, ParagraphStyleId::byline, w, tag(page::TagKind::paragraph));
        styled(stack, head.dateline, ParagraphStyleId::dateline, w, tag(page::TagKind::paragraph));
        piece(stack, span);
    }
    return std::move(out_);
}

HeadBlock HeadBuilder::figures() {
    int span = span_of(ctx_.layout.spans.lead_figure);
    if (fit_.columns > 0) span = std::min(span, fit_.columns);
    int first = k_ - span;  // narrower than the article: at its right, text starting beside it
    double max_h = fit_.max_share * ctx_.frame.height();
    for (const model::Block& b : a_.body) {
        const auto* fig = std::get_if<model::Figure>(&b.node);
        if (!fig || fig->placement != model::Placement::lead || !model::in_print(b.edition)) continue;
        // A caption too deep for the head opens the text (body_flow.h), and
        // any later lead figure goes there after it, in reading order.
        model::Figure shown = *fig;
        const bool moved = lead_caption_in_text(ctx_, *fig, a_.lang, b.where, fit_.captions_in_text);
        if (moved) {
            shown.caption.clear();
            shown.credit.clear();
        }
        FigureLayout f = layout_figure(ctx_, shown, ctx_.frame.span_width(span), max_h, a_.lang, b.where,
                                       fit_.fill_share * ctx_.frame.height());
        Stack stack;
        stack.add(f.fragment.items, 0, 0);
        stack.set_y(f.height + 0.5 * ctx_.grid.leading());
        piece(stack, span, first);
        out_.pieces.back().notes = std::move(f.notes);
        out_.pieces.back().lead_figure = true;
        if (moved) break;
    }
    return std::move(out_);
}

}  // namespace

HeadBlock build_head_text(ComposeContext& ctx, const model::Article& article, int k) {
    HeadBuilder builder(ctx, article, std::max(k, 1), FigureFit{});
    return builder.text();
}

HeadBlock build_head_figures(ComposeContext& ctx, const model::Article& article, int k, FigureFit fit) {
    HeadBuilder builder(ctx, article, std::max(k, 1), fit);
    return builder.figures();
}

bool has_lead_figure(const model::Article& article) {
    for (const model::Block& b : article.body) {
        const auto* fig = std::get_if<model::Figure>(&b.node);
        if (fig && fig->placement == model::Placement::lead && model::in_print(b.edition)) return true;
    }
    return false;
}

bool has_lead_caption(const model::Article& article) {
    for (const model::Block& b : article.body) {
        const auto* fig = std::get_if<model::Figure>(&b.node);
        if (fig && fig->placement == model::Placement::lead && model::in_print(b.edition) &&
            (!model::is_blank(fig->caption) || !model::is_blank(fig->credit)))
            return true;
    }
    return false;
}

std::string headline_text(const model::Article& article) {
    const model::Inlines& source =
        !model::is_blank(article.head.headline) ? article.head.headline : article.head.kicker;
    std::string text = model::plain_text(source);
    for (char& c : text)
        if (c == '\n') c = ' ';
    return model::is_blank(source) ? article.id : text;
}

}  // namespace galley::typeset
