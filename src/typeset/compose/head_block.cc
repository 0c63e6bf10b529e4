#include "typeset/compose/head_block.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <variant>

#include "model/inline.h"
#include "typeset/compose/figure.h"
#include "typeset/compose/stack.h"

namespace galley::typeset {

namespace {

using layout::ParagraphStyleId;

/// The smallest a deck is set to keep a head within its room, as a
/// multiple of the body size.
constexpr double kDeckOverBody = 1.1;

/// "18 pt": a size or depth in a message.
std::string pt_text(double v) { return std::to_string(std::lround(v)) + " pt"; }

/// The sizes below `from` in 15% steps, and `floor` last (the smallest
/// a head's headline or deck is tried at); none when `floor` is not below
/// `from`.
std::vector<double> steps_down(double from, double floor) {
    std::vector<double> out;
    for (double size = from * 0.85; size > floor + kEpsilon; size *= 0.85) out.push_back(size);
    if (floor < from - kEpsilon) out.push_back(floor);
    return out;
}

class HeadBuilder {
public:
    HeadBuilder(ComposeContext& ctx, const model::Article& a, int k, FigureFit fit, double max_depth = 0)
        : ctx_(ctx), a_(a), k_(k), fit_(fit), max_depth_(max_depth) {}

    HeadBlock text();
    HeadBlock figures();

private:
    /// A paragraph of `style` onto `stack` at `width`, with its spaces;
    /// at `size` (the leading in the style's proportion) when it is given.
    /// `at` is where the element is written (Article::located).
    void styled(Stack& stack, const model::Inlines& content, ParagraphStyleId style, double width, page::TagBegin t,
                const SourceLocation& at, double size = 0);
    /// The kicker, headline, deck, bylines and dateline, the deck at
    /// `deck_size_`, as pieces in out_.
    void set_text();
    /// The sizes to try for the deck: its style's, then 15% steps down to
    /// a tenth over the body size (the last tried).
    std::vector<double> deck_sizes() const;
    void report_deck_shrunk(double used, double depth);
    int span_of(const layout::Span& s) const { return std::min(s.resolve(ctx_.frame.columns, k_), k_); }
    void piece(Stack& stack, int span, int first = 0);
    struct HeadlineSize {
        double size = 0;
        double leading = 0;
        int weight = 0;
        int tier = 0;  ///< the tier it comes from; 0: a step below the smallest
    };
    /// The sizes to try for the headline, its tier's first.
    std::vector<HeadlineSize> headline_sizes() const;
    /// The headline onto `stack`, in the largest size that keeps the head
    /// within article.head-max-share with `below` (deck, bylines) under it;
    /// in the smallest when none does.
    void headline(Stack& stack, double width, double below);
    void report_shrunk(const HeadlineSize& used, const HeadlineSize& tier, double depth, bool still_deep);
    ComposeContext& ctx_;
    const model::Article& a_;
    int k_;
    FigureFit fit_;
    HeadBlock out_;
    double deck_size_ = 0;  ///< the deck's size in this try; the headline goes no smaller
    double max_depth_ = 0;  ///< build_head_text's cap; 0: none

    /// The deepest the head's text may be: article.head-max-share of the
    /// text area, or less where the caller caps it.
    double room() const {
        const double share = ctx_.layout.flow.head_max_share * ctx_.frame.height();
        return max_depth_ > 0 ? std::min(share, max_depth_) : share;
    }
    /// What room() is, for the messages.
    std::string room_text() const {
        if (room() < ctx_.layout.flow.head_max_share * ctx_.frame.height())
            return "more than the " + pt_text(max_depth_) +
                   " a fresh page leaves it above three lines of text and a jump line";
        return "more than " + std::to_string(std::lround(ctx_.layout.flow.head_max_share * 100)) + "% of the page's " +
               pt_text(ctx_.frame.height()) + " text area (article.head-max-share)";
    }
};

void HeadBuilder::styled(Stack& stack, const model::Inlines& content, ParagraphStyleId style, double width,
                         page::TagBegin t, const SourceLocation& at, double size) {
    if (model::is_blank(content)) return;
    const layout::ParagraphStyle& st = ctx_.style(style);
    if (stack.y() > 0) stack.space(ctx_.space(st.space_before));
    ++ctx_.paragraphs;
    ParagraphShape shape;
    shape.lang = a_.lang;
    shape.direction_of_lang = true;
    shape.first_in_flow = true;
    LineSpec spec = ctx_.lines(style);
    if (size > 0 && std::abs(size - spec.size) > kEpsilon) {
        spec.leading *= size / spec.size;
        spec.size = size;
        shape.size = spec.size;
        shape.leading = spec.leading;
    }
    shape.width = width;
    SetParagraph p = ctx_.setter.set(content, style, shape, at, ctx_.diags);
    page::TagKind kind = t.kind;
    stack.begin(std::move(t));
    stack.lines(p, spec);
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
    // A head deeper than its room (article.head-max-share, or the cap)
    // even with the headline at the deck's size (a pocket page under a
    // broadsheet's 18 pt deck) is set again with the deck smaller, in 15%
    // steps down to a tenth over the body size, the first size that keeps
    // it within.
    const std::vector<double> decks = deck_sizes();
    const double room = this->room();
    const std::size_t reported = ctx_.diags.all().size();
    const auto paragraphs = ctx_.paragraphs;
    double first_depth = 0;
    auto set_with_deck = [&](std::size_t i) {
        if (!out_.pieces.empty()) {
            ctx_.diags.retract_after(reported);  // the other deck size's warnings: it is not used
            ctx_.paragraphs = paragraphs;
            out_.pieces.clear();
        }
        deck_size_ = decks[i];
        set_text();
        double depth = 0;
        for (const HeadPiece& p : out_.pieces) depth += p.height;
        return depth;
    };
    for (std::size_t i = 0; i < decks.size(); ++i) {
        const double depth = set_with_deck(i);
        if (i == 0) first_depth = depth;
        if (depth <= room + kEpsilon) {
            if (i > 0) report_deck_shrunk(decks[i], first_depth);
            return std::move(out_);
        }
    }
    // No deck size keeps the head within its room (a headline of hundreds
    // of words): the smallest, which comes closest, stands.
    if (decks.size() > 1) report_deck_shrunk(decks.back(), first_depth);
    return std::move(out_);
}

std::vector<double> HeadBuilder::deck_sizes() const {
    const double size = ctx_.style(ParagraphStyleId::deck).size.to_pt();
    std::vector<double> out{size};
    if (model::is_blank(a_.head.deck)) return out;
    // A tenth larger than the body text: a deck set as small as the text it
    // opens would read as its first paragraph.
    for (double s : steps_down(size, kDeckOverBody * ctx_.style(ParagraphStyleId::body).size.to_pt()))
        out.push_back(s);
    return out;
}

void HeadBuilder::report_deck_shrunk(double used, double depth) {
    const double style = ctx_.style(ParagraphStyleId::deck).size.to_pt();
    std::string msg = "deck set at " + pt_text(used) + ", not its style's " + pt_text(style) +
                      ": with the headline at the deck's size the head's text would be " + pt_text(depth) + " deep, " +
                      room_text();
    ctx_.diags.warning("W-TEXT-DECK-SHRUNK", a_.located(a_.head.deck_at), msg);
}

void HeadBuilder::set_text() {
    const model::Head& head = a_.head;
    const double width = ctx_.frame.span_width(k_);
    // The deck and the bylines first: the headline may only take the room
    // they leave (article.head-max-share). The kicker and headline piece
    // is put back in front of them afterwards.
    {
        int span = span_of(ctx_.layout.spans.deck);
        Stack stack;
        styled(stack, head.deck, ParagraphStyleId::deck, ctx_.frame.span_width(span), tag(page::TagKind::paragraph),
               a_.located(head.deck_at), deck_size_);
        piece(stack, span);
    }
    {
        int span = span_of(ctx_.layout.spans.byline);
        double w = ctx_.frame.span_width(span);
        Stack stack;
        for (std::size_t i = 0; i < head.bylines.size(); ++i)
            styled(stack, head.bylines[i], ParagraphStyleId::byline, w, tag(page::TagKind::paragraph),
                   a_.located(head.bylines_at, i));
        styled(stack, head.dateline, ParagraphStyleId::dateline, w, tag(page::TagKind::paragraph),
               a_.located(head.dateline_at));
        piece(stack, span);
    }
    double below = 0;
    for (const HeadPiece& p : out_.pieces) below += p.height;
    const std::size_t after_deck = out_.pieces.size();
    {
        Stack stack;
        styled(stack, head.kicker, ParagraphStyleId::kicker, width, tag(page::TagKind::paragraph),
               a_.located(head.kicker_at));
        headline(stack, width, below);
        piece(stack, k_);
    }
    if (out_.pieces.size() > after_deck)
        std::rotate(out_.pieces.begin(), out_.pieces.begin() + static_cast<std::ptrdiff_t>(after_deck),
                    out_.pieces.end());
}

std::vector<HeadBuilder::HeadlineSize> HeadBuilder::headline_sizes() const {
    // The article's tier, then each smaller tier, then smaller steps down
    // to the deck's size, the leading kept in the last tier's proportion.
    std::vector<HeadlineSize> out;
    const int priority = std::clamp(a_.effective_priority(), 1, layout::kTierCount);
    for (int t = priority; t <= layout::kTierCount; ++t) {
        const layout::HeadlineTier& tier = ctx_.layout.tier(t);
        const double size = tier.size.to_pt();
        if (!out.empty() && size >= out.back().size - kEpsilon) continue;
        out.push_back({size, tier.leading.to_pt(), tier.weight, t});
    }
    const HeadlineSize last = out.back();
    for (double size : steps_down(last.size, deck_size_))
        out.push_back({size, last.leading * size / last.size, last.weight, 0});
    return out;
}

void HeadBuilder::headline(Stack& stack, double width, double below) {
    const model::Inlines& text = a_.head.headline;
    if (model::is_blank(text)) return;
    const double room = this->room() - below;
    const layout::ParagraphStyle& st = ctx_.style(ParagraphStyleId::headline);
    const std::vector<HeadlineSize> sizes = headline_sizes();
    double first_depth = 0;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const HeadlineSize& hs = sizes[i];
        const std::size_t reported = ctx_.diags.all().size();
        ParagraphShape shape;
        shape.width = width;
        shape.lang = a_.lang;
        shape.direction_of_lang = true;
        shape.first_in_flow = true;
        shape.size = hs.size;
        shape.leading = hs.leading;
        shape.weight = hs.weight;
        SetParagraph p =
            ctx_.setter.set(text, ParagraphStyleId::headline, shape, a_.located(a_.head.headline_at), ctx_.diags);
        LineSpec spec;
        spec.leading = hs.leading;
        spec.size = hs.size;
        Stack trial = stack;
        trial.begin(heading_tag(1));
        trial.lines(p, spec);
        trial.end(page::TagKind::heading);
        trial.space(ctx_.space(st.space_after));
        if (i == 0) first_depth = trial.y() + below;
        const bool last = i + 1 == sizes.size();
        if (trial.y() > room + kEpsilon && !last) {
            ctx_.diags.retract_after(reported);  // that size's warnings: it is not used
            continue;
        }
        stack = std::move(trial);
        if (i > 0) report_shrunk(hs, sizes.front(), first_depth, stack.y() > room + kEpsilon);
        return;
    }
}

void HeadBuilder::report_shrunk(const HeadlineSize& used, const HeadlineSize& tier, double depth, bool still_deep) {
    const std::string at = used.tier > 0 ? "tier " + std::to_string(used.tier) + "'s " + pt_text(used.size) : pt_text(used.size);
    std::string msg = "headline set at " + at + ", not tier " + std::to_string(tier.tier) + "'s " + pt_text(tier.size) +
                      ": at that size the head's text would be " + pt_text(depth) + " deep, " + room_text();
    if (still_deep) msg += "; even at the deck's size it is deeper than that";
    ctx_.diags.warning("W-TEXT-HEADLINE-SHRUNK", a_.located(a_.head.headline_at), msg);
}

HeadBlock HeadBuilder::figures() {
    if (fit_.in_text == LeadInText::figures) return std::move(out_);
    int fit_span = span_of(ctx_.layout.spans.lead_figure);
    if (fit_.columns > 0) fit_span = std::min(fit_span, fit_.columns);
    double max_h = fit_.max_share * ctx_.frame.height();
    for (const model::Block& b : a_.body) {
        const auto* fig = std::get_if<model::Figure>(&b.node);
        if (!fig || fig->placement != model::Placement::lead || !model::in_print(b.edition)) continue;
        // A caption too deep for the head opens the text (body_flow.h), and
        // any later lead figure goes there after it, in reading order.
        model::Figure shown = *fig;
        // A head shot over fewer columns than the layout gives lead
        // pictures; narrower than the article, a picture stands at its
        // right, text starting beside it.
        const int span = figure_span(ctx_, fig->image, fit_span, fit_span);
        const int first = k_ - span;
        const bool moved = lead_caption_in_text(ctx_, *fig, a_.lang, b.where, fit_.in_text == LeadInText::captions);
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

HeadBlock build_head_text(ComposeContext& ctx, const model::Article& article, int k, double max_depth) {
    HeadBuilder builder(ctx, article, std::max(k, 1), FigureFit{}, max_depth);
    const std::size_t before = ctx.diags.all().size();
    HeadBlock block = builder.text();
    // What setting it found is reported when the head is placed: the
    // paginator sets heads it does not use (another span, a smaller room).
    if (!block.pieces.empty() && ctx.diags.all().size() > before) {
        const auto& all = ctx.diags.all();
        std::vector<Diagnostic>& notes = block.pieces.front().notes;
        notes.insert(notes.begin(), all.begin() + static_cast<std::ptrdiff_t>(before), all.end());
        ctx.diags.retract_after(before);
    }
    return block;
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
