#include "typeset/compose/body_flow.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "base/length.h"
#include "layout/label_text.h"
#include "model/direction.h"
#include "model/inline.h"
#include "typeset/compose/decoration.h"
#include "typeset/compose/emit.h"
#include "typeset/compose/figure.h"
#include "typeset/compose/stack.h"
#include "typeset/compose/table.h"

namespace galley::typeset {

namespace {

using layout::ParagraphStyleId;

model::Inlines text_inlines(const std::string& text) { return {model::Inline{model::Text{text}}}; }

/// How far the first line of a set label reaches.
double advance_of(const SetParagraph& p) {
    double advance = 0;
    if (!p.lines.empty())
        for (const page::GlyphRun& r : p.lines.front().runs) advance = std::max(advance, r.origin.x + r.advance);
    return advance;
}

/// Whether `content` is set in short lines of its own (model::in_own_lines):
/// none longer than three lines of `width` at an average half-em letter of
/// `size` (a name, a title, an address, a verse), not a paragraph of prose
/// broken by a <br/>.
bool short_lines(const model::Inlines& content, double size, double width) {
    return model::in_own_lines(content, 3 * width / (0.5 * size));
}

/// A paragraph of short lines of its own (short_lines) of at most this
/// many lines is never split between columns.
constexpr std::size_t kKeepOwnLines = 8;
/// The tallest a figure inside the columns may be, as a share of the live height.
constexpr double kFigureMaxHeight = 0.5;
/// The deepest a float (a spanning table, factbox, More stories box or
/// pull quote) may be to be placed whole, as a share of the live height (a
/// page with a jump line at its head still takes it).
constexpr double kFloatMaxHeight = 0.75;
/// Framed boxes up to this share of the live height are never split.
constexpr double kKeepWhole = 0.4;
/// One item of a "More stories" box no deeper than this share of the live
/// height is kept in one column.
constexpr double kKeepItem = 0.2;
/// A table whose rows at its span are deeper than this many times their
/// depth with every cell on one line is set over more columns, where more
/// columns bring it within that.
constexpr double kMostWrap = 1.5;
/// A table is legible where each of its columns has its longest word
/// whole; a word longer than this many ems of the cells' type (a URL, a
/// code) would be broken at any width a column has, and counts no more.
constexpr double kLongestCellWord = 10.0;

/// A depth or width for a message, in whole millimetres: rounded up for
/// what something needs, down for what it has, so the two never read alike.
std::string whole_mm(double pt, bool up) {
    const double v = Length::pt(pt).to_mm();
    return std::to_string(static_cast<long>(up ? std::ceil(v) : std::floor(v)));
}

}  // namespace

BodyFlow::BodyFlow(ComposeContext& ctx, const model::Article& article, StreamBuilder& out, int span,
                   LeadInText lead_in_text)
    : ctx_(ctx), article_(article), out_(&out), span_(std::max(span, 1)), lead_in_text_(lead_in_text) {
    int printed = 0;
    bool picture = false;
    for (const model::Block& b : article_.body) {
        if (!model::in_print(b.edition)) continue;
        ++printed;
        const auto* f = std::get_if<model::Figure>(&b.node);
        picture = f && f->placement == model::Placement::inline_;
    }
    sole_picture_ = printed == 1 && picture;
}

Measure BodyFlow::column() const { return Measure{ctx_.frame.column_width, 0, false}; }

int BodyFlow::columns_for(const layout::Span& s, const Measure& m) const {
    if (m.boxed) return 1;
    return std::min(s.resolve(ctx_.frame.columns, span_), span_);
}

void BodyFlow::block_at(Fragment f, double height, double x, bool deferrable) {
    if (x != 0) {
        Fragment moved;
        append_translated(moved.items, f.items, x, 0);
        f = std::move(moved);
    }
    out_->block(std::move(f), height, deferrable);
}

template <class Build>
bool BodyFlow::as_float(int span, Build build, bool narrow, double max_height) {
    const std::size_t reported = ctx_.diags.all().size();
    double margin = 0.5 * ctx_.grid.leading();
    auto set = [&](double width, double& height, Fragment& out) {
        Stream sub;
        StreamBuilder builder(sub);
        StreamBuilder* outer = out_;
        bool first = first_in_flow_;
        out_ = &builder;
        build(Measure{width, 0, false});
        builder.finish();
        out_ = outer;
        first_in_flow_ = first;
        double content_height = 0;
        Fragment content = flatten_stream(sub, width, content_height);
        height = content_height + 2 * margin;
        append_translated(out.items, content.items, 0, margin);
    };
    FloatBlock f;
    f.span = span;
    set(ctx_.frame.span_width(span), f.height, f.content);
    if (max_height > 0 && f.height > max_height) {
        ctx_.diags.retract_after(reported);  // the caller sets it again, in the column
        return false;
    }
    if (narrow) {
        f.narrow.emplace();
        const std::size_t narrow_from = ctx_.diags.all().size();
        set(ctx_.frame.span_width(1), f.narrow->height, f.narrow->content);
        f.narrow->notes.assign(ctx_.diags.all().begin() + static_cast<std::ptrdiff_t>(narrow_from),
                               ctx_.diags.all().end());
        ctx_.diags.retract_after(narrow_from);
    }
    out_->anchor(std::move(f));
    return true;
}

void BodyFlow::blocks(const std::vector<model::Block>& blocks, const Measure& m) {
    for (const model::Block& b : blocks) {
        if (!model::in_print(b.edition)) continue;
        block(b, m);
    }
}

void BodyFlow::block(const model::Block& b, const Measure& m) {
    std::visit(
        [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, model::Paragraph>) {
                paragraph(node.content, m, b.where);
            } else if constexpr (std::is_same_v<T, model::Subhead>) {
                subhead(node.content, m, b.where);
            } else if constexpr (std::is_same_v<T, model::Blockquote>) {
                quotation(node.quote, m, b.where);
            } else if constexpr (std::is_same_v<T, model::PullQuote>) {
                pullquote(node.quote, m, b.where);
            } else if constexpr (std::is_same_v<T, model::Figure>) {
                // Lead figures go with the headline block (head_block.h),
                // their captions too unless too deep for it; those after
                // such a caption come in the text, in reading order. On a
                // page too shallow for them in the head, all come in the
                // text whole, like inline figures.
                if (node.placement == model::Placement::lead && !m.boxed && !lead_caption_moved_ &&
                    lead_in_text_ != LeadInText::figures) {
                    if (lead_caption_in_text(ctx_, node, article_.lang, b.where,
                                             lead_in_text_ == LeadInText::captions)) {
                        caption_lines(node, m, b.where);
                        lead_caption_moved_ = true;
                    }
                    return;
                }
                figure(node, m, b.where);
            } else if constexpr (std::is_same_v<T, model::List>) {
                list(node, m, b.where);
            } else if constexpr (std::is_same_v<T, model::Aside>) {
                aside(node, m, b.where);
            } else if constexpr (std::is_same_v<T, model::Table>) {
                table(node, m, b.where);
            } else if constexpr (std::is_same_v<T, model::Separator>) {
                separator(m);
            }
        },
        b.node);
}

void BodyFlow::styled(const model::Inlines& content, ParagraphStyleId style, const Measure& m,
                      const SourceLocation& where, page::TagBegin t, std::optional<layout::Alignment> align) {
    if (model::is_blank(content)) return;
    const layout::ParagraphStyle& st = ctx_.style(style);
    SetParagraph p = ctx_.set(content, style, m.width, article_.lang, where, true, align);
    page::TagKind kind = t.kind;
    out_->space(ctx_.space(st.space_before));
    out_->begin(std::move(t));
    out_->paragraph(std::move(p), ctx_.lines(style, m.x));
    out_->end(kind);
    out_->space(ctx_.space(st.space_after));
    if (st.keep_with_next) out_->keep_with_next();
}

void BodyFlow::paragraph(const model::Inlines& content, const Measure& m, const SourceLocation& where) {
    ParagraphStyleId style = m.boxed          ? ParagraphStyleId::aside_body
                             : first_in_flow_ ? ParagraphStyleId::body_first
                                              : ParagraphStyleId::body;
    const layout::ParagraphStyle& st = ctx_.style(style);
    ParagraphShape shape;
    shape.width = m.width;
    shape.lang = article_.lang;
    // A paragraph set in lines of its own (a letter's sign-off and address,
    // a verse) is ragged where the style justifies: one of its lines that
    // wraps in a narrow column is not stretched to the edge. Its first line
    // is not indented: its lines start together, as a desk sets a
    // sign-off or a verse.
    const bool own_lines = model::has_line_break(content);
    const bool short_own_lines = short_lines(content, st.size.to_pt(), m.width);
    if (short_own_lines && st.align == layout::Alignment::justify) shape.align = layout::Alignment::left;
    shape.own_lines = short_own_lines;
    // body-first carries its own first-line indent (none, unless a layout
    // gives one), as the EPUB's p.first does.
    shape.first_in_flow = first_in_flow_ && style != ParagraphStyleId::body_first;
    int keep_first = 0;
    if (!m.boxed && dropcap_pending_) {
        dropcap_pending_ = false;
        const layout::DropCap& dc = ctx_.layout.dropcap;
        if (dc.lines > 0 && article_.effective_priority() <= dc.max_priority) {
            shape.dropcap_lines = dc.lines;
            keep_first = dc.lines;
        }
        shape.lead_in_words = dc.lead_in_words;
    }
    SetParagraph p = ctx_.setter.set(content, style, shape, where, ctx_.diags);
    LineSpec spec = ctx_.lines(style, m.x);
    spec.keep_first = std::max(keep_first, p.dropcap_lines);
    // A few such lines (a stanza, an address) are read as one: they stay
    // in one column, never two lines of a four-line verse in each.
    const bool whole = short_own_lines && p.lines.size() <= kKeepOwnLines;
    out_->space(ctx_.space(st.space_before));
    out_->begin(tag(page::TagKind::paragraph));
    // A paragraph set in lines of its own (a letter's sign-off and address,
    // a verse) belongs to what it follows: no column break before it.
    if (!first_in_flow_ && own_lines) out_->keep_with_next();
    const std::size_t at = out_->mark();
    out_->paragraph(std::move(p), spec);
    if (whole) out_->keep_whole_since(at, std::numeric_limits<double>::infinity());
    out_->end(page::TagKind::paragraph);
    out_->space(ctx_.space(st.space_after));
    if (st.keep_with_next) out_->keep_with_next();
    first_in_flow_ = false;
}

void BodyFlow::subhead(const model::Inlines& content, const Measure& m, const SourceLocation& where) {
    styled(content, ParagraphStyleId::subhead, m, where, heading_tag(m.boxed ? 3 : 2));
    out_->keep_with_next();
    first_in_flow_ = true;
}

void BodyFlow::quotation(const model::Quotation& q, const Measure& m, const SourceLocation& where) {
    const layout::ParagraphStyle& st = ctx_.style(ParagraphStyleId::blockquote);
    out_->space(ctx_.space(st.space_before));
    out_->begin(tag(page::TagKind::block_quote));
    bool first = true;
    for (const model::Paragraph& para : q.paragraphs) {
        // A quoted verse or address, as in paragraph(): ragged, its lines
        // starting together.
        const bool own = short_lines(para.content, st.size.to_pt(), m.width);
        std::optional<layout::Alignment> align;
        if (own && st.align == layout::Alignment::justify) align = layout::Alignment::left;
        SetParagraph p =
            ctx_.set(para.content, ParagraphStyleId::blockquote, m.width, article_.lang, where, first, align, own);
        out_->begin(tag(page::TagKind::paragraph));
        out_->paragraph(std::move(p), ctx_.lines(ParagraphStyleId::blockquote, m.x));
        out_->end(page::TagKind::paragraph);
        first = false;
    }
    if (!model::is_blank(q.attribution)) {
        // The source goes with the quotation's last lines, never alone at
        // the head of the next column.
        if (!q.paragraphs.empty()) out_->keep_with_next();
        styled(q.attribution, ParagraphStyleId::attribution, m, where, tag(page::TagKind::paragraph));
    }
    out_->end(page::TagKind::block_quote);
    out_->space(ctx_.space(st.space_after));
    first_in_flow_ = false;
}

void BodyFlow::pullquote(const model::Quotation& q, const Measure& m, const SourceLocation& where) {
    int span = columns_for(ctx_.layout.spans.pullquote, m);
    double width = span >= 2 ? ctx_.frame.span_width(span) : m.width;
    const layout::Box& box = ctx_.layout.box(layout::BoxId::pullquote);
    Insets in = box_insets(box);
    double inner = width - in.left - in.right;
    // Decorative (it repeats the body): one artifact, frame and text.
    Stack stack;
    stack.space(in.top);
    for (const model::Paragraph& para : q.paragraphs) {
        SetParagraph p = ctx_.set(para.content, ParagraphStyleId::pullquote, inner, article_.lang, where, true);
        stack.lines(p, ctx_.lines(ParagraphStyleId::pullquote, in.left));
    }
    if (!model::is_blank(q.attribution)) {
        const layout::ParagraphStyle& st = ctx_.style(ParagraphStyleId::pullquote_attribution);
        stack.space(std::max(ctx_.space(st.space_before), 0.25 * ctx_.grid.leading()));
        SetParagraph p =
            ctx_.set(q.attribution, ParagraphStyleId::pullquote_attribution, inner, article_.lang, where, true);
        stack.lines(p, ctx_.lines(ParagraphStyleId::pullquote_attribution, in.left));
    }
    stack.space(in.bottom);
    double height = stack.y();
    double margin = 0.5 * ctx_.grid.leading();
    // A pull quote repeats the story in display type: one too deep to be
    // placed whole (a paragraph of the body marked by mistake) is left out
    // of the page, where it could only push the story off it.
    const double deepest = (span >= 2 ? kFloatMaxHeight : kFigureMaxHeight) * ctx_.frame.height();
    // The quote's own depth against what it may have without the space
    // around it (the message read "117 mm is more than 121 mm").
    const double most = deepest - 2 * margin;
    if (height > most) {
        ctx_.diags.warning("W-PULLQUOTE-TOO-DEEP", where,
                           "a pull quote " + whole_mm(height, true) +
                               " mm deep is more than the page can take whole (" + whole_mm(most, false) +
                               " mm); left out of the print edition");
        return;
    }
    std::vector<page::Item> items = box_decoration_items(box, page::Rect{0, 0, width, height});
    for (page::Item& item : stack.items()) items.push_back(std::move(item));
    Fragment f;
    append_artifact(f.items, std::move(items));

    if (span >= 2) {
        FloatBlock fb;
        fb.span = span;
        fb.height = height + 2 * margin;
        fb.amid_text = true;
        append_translated(fb.content.items, f.items, 0, margin);
        out_->anchor(std::move(fb));
        return;
    }
    out_->space(margin);
    block_at(std::move(f), height, m.x);
    out_->space(margin);
}

void BodyFlow::figure(const model::Figure& fig, const Measure& m, const SourceLocation& where) {
    int span = columns_for(ctx_.layout.spans.inline_figure, m);
    // A picture that is the whole story (a cartoon) is not set in one
    // column beside empty ones: it takes the article's width, fewer columns
    // only while it would be deeper than half the page.
    if (sole_picture_ && !m.boxed && fig.image.width_px > 0 && fig.image.height_px > 0) {
        const double ratio = static_cast<double>(fig.image.height_px) / fig.image.width_px;
        int widest = span_;
        while (widest > span && ctx_.frame.span_width(widest) * ratio > kFigureMaxHeight * ctx_.frame.height())
            --widest;
        span = widest;
    }
    if (!m.boxed) span = figure_span(ctx_, fig.image, span, span_);
    double max_h = kFigureMaxHeight * ctx_.frame.height();
    double margin = 0.5 * ctx_.grid.leading();
    // Placed whole (a float, or a block in the column) while no deeper than
    // this; a figure with a caption of hundreds of words is set in the
    // column, its caption free to go on in the next one.
    const double deepest = kFloatMaxHeight * ctx_.frame.height();
    // What setting the caption reported (a word broken to fit) is taken
    // back when that layout is not the one used.
    const std::size_t reported = ctx_.diags.all().size();
    if (span >= 2) {
        FigureLayout f = layout_figure(ctx_, fig, ctx_.frame.span_width(span), max_h, article_.lang, where);
        if (f.height + 2 * margin <= deepest) {
            for (const Diagnostic& d : f.notes) ctx_.diags.add(d);
            FloatBlock fb;
            fb.span = span;
            fb.height = f.height + 2 * margin;
            append_translated(fb.content.items, f.fragment.items, 0, margin);
            out_->anchor(std::move(fb));
            return;
        }
    }
    ctx_.diags.retract_after(reported);  // the float's layout is not used
    FigureLayout f = layout_figure(ctx_, fig, m.width, max_h, article_.lang, where);
    if (f.height + 2 * margin > deepest) {
        ctx_.diags.retract_after(reported);
        deep_figure(fig, m, where);
        return;
    }
    for (const Diagnostic& d : f.notes) ctx_.diags.add(d);
    out_->space(margin);
    block_at(std::move(f.fragment), f.height, m.x, !m.boxed);
    out_->space(margin);
}

void BodyFlow::deep_figure(const model::Figure& fig, const Measure& m, const SourceLocation& where) {
    // The picture alone as a block, kept with the first lines of its
    // caption; caption and credit as lines that may break between columns.
    model::Figure picture = fig;
    picture.caption.clear();
    picture.credit.clear();
    FigureLayout f = layout_figure(ctx_, picture, m.width, kFigureMaxHeight * ctx_.frame.height(), article_.lang, where);
    for (const Diagnostic& d : f.notes) ctx_.diags.add(d);
    const double margin = 0.5 * ctx_.grid.leading();
    out_->space(margin);
    block_at(std::move(f.fragment), f.height, m.x);  // not deferred: its caption follows it
    out_->keep_with_next();
    out_->space(ctx_.space(ctx_.layout.figures.caption_gap));
    caption_lines(fig, m, where);
    out_->space(margin);
}

void BodyFlow::caption_lines(const model::Figure& fig, const Measure& m, const SourceLocation& where) {
    out_->begin(tag(page::TagKind::caption));
    styled(fig.caption, ParagraphStyleId::caption, m, where, tag(page::TagKind::paragraph));
    styled(fig.credit, ParagraphStyleId::credit, m, where, tag(page::TagKind::paragraph));
    out_->end(page::TagKind::caption);
}

void BodyFlow::list(const model::List& l, const Measure& m, const SourceLocation& where) {
    ParagraphStyleId style = m.boxed ? ParagraphStyleId::aside_body : ParagraphStyleId::list;
    const layout::ParagraphStyle& st = ctx_.style(style);
    const double label_width = ctx_.layout.lists.label_width.to_pt();
    const double gap = 0.3 * st.size.to_pt();
    // Every label first: they end a gap before the item text, so "9." and
    // "10." end together, and the items are indented further when the
    // widest label ("10.", "100.") needs more room than the layout gives.
    std::vector<SetParagraph> labels;
    double widest = 0;
    // An article in the labels' language counts in their digits (Khmer
    // digits in a Khmer layout's Khmer article), others in ASCII ones.
    const layout::Labels& words = ctx_.layout.labels;
    const std::string& lang = article_.lang.empty() ? ctx_.issue.lang : article_.lang;
    const bool local_digits = model::same_language(lang, words.lang);
    for (std::size_t n = 1; n <= l.items.size(); ++n) {
        std::string text = l.type == model::ListType::bullet ? ctx_.layout.lists.bullet
                           : local_digits ? layout::local_number(static_cast<long>(n), words) + "."
                                          : std::to_string(n) + ".";
        labels.push_back(ctx_.set_text(text, style, label_width * 4, layout::Alignment::left));
        widest = std::max(widest, advance_of(labels.back()));
    }
    const double room = st.left_indent.to_pt() + st.first_line_indent.to_pt() + (m.boxed ? label_width : 0.0);
    const double indent = (m.boxed ? label_width : 0.0) + std::max(0.0, widest + gap - room);
    out_->space(ctx_.space(st.space_before));
    out_->begin(tag(page::TagKind::list));
    for (std::size_t n = 0; n < l.items.size(); ++n) {
        // An item read right to left has its label and hanging indent on
        // the right. The rule is the text setter's, which mirrors the
        // style's indents by the item's direction (model::paragraph_direction),
        // so the label and the indents always stand on the same side.
        const bool rtl = model::paragraph_direction(model::plain_text(l.items[n]), article_.lang) < 0;
        ParagraphShape shape;
        shape.width = m.width;
        shape.lang = article_.lang;
        shape.first_in_flow = true;
        if (indent > 0)
            shape.indents = [indent, rtl](int) {
                return rtl ? std::pair<double, double>(0.0, indent) : std::pair<double, double>(indent, 0.0);
            };
        SetParagraph p = ctx_.setter.set(l.items[n], style, shape, where, ctx_.diags);
        std::vector<page::Item> extra;
        if (!labels[n].lines.empty() && !p.lines.empty()) {
            const SetLine& first = p.lines.front();
            const double label = advance_of(labels[n]);
            const double x = rtl ? std::min(m.x + first.left + first.width + gap, m.x + m.width - label)
                                 : std::max(m.x + first.left - gap - label, m.x);
            append_line(extra, labels[n].lines.front(), x, 0.0);
        }
        out_->begin(tag(page::TagKind::list_item));
        out_->paragraph(std::move(p), ctx_.lines(style, m.x), std::move(extra));
        out_->end(page::TagKind::list_item);
    }
    out_->end(page::TagKind::list);
    out_->space(ctx_.space(st.space_after));
    first_in_flow_ = false;
}

void BodyFlow::aside(const model::Aside& a, const Measure& m, const SourceLocation& where) {
    auto build = [&](const Measure& outer) {
        const layout::Box& box = ctx_.layout.box(layout::BoxId::aside);
        Insets in = box_insets(box);
        Measure inner{outer.width - in.left - in.right, outer.x + in.left, true};
        out_->open_box(box, in.top, in.bottom, true);
        out_->begin(tag(page::TagKind::section));
        styled(a.title, ParagraphStyleId::aside_title, inner, where, heading_tag(3));
        bool first = first_in_flow_;
        first_in_flow_ = true;
        blocks(a.blocks, inner);
        first_in_flow_ = first;
        out_->end(page::TagKind::section);
        out_->close_box(kKeepWhole * ctx_.frame.height());
    };
    if (m.boxed) {  // an aside inside an aside: its blocks, in place
        styled(a.title, ParagraphStyleId::aside_title, m, where, heading_tag(3));
        blocks(a.blocks, m);
        return;
    }
    int span = columns_for(ctx_.layout.spans.aside, m);
    // A float is placed whole: a box too deep for that flows in the column
    // instead, where it may break between columns.
    if (span >= 2 && as_float(span, build, false, kFloatMaxHeight * ctx_.frame.height())) return;
    double margin = 0.5 * ctx_.grid.leading();
    out_->space(margin);
    build(m);
    out_->space(margin);
}

void BodyFlow::table(const model::Table& t, const Measure& m, const SourceLocation& where) {
    const layout::Box& box = ctx_.layout.box(layout::BoxId::table);
    Insets in = box_insets(box);
    TableNeeds needs = measure_table(ctx_, t);
    // A table whose columns cannot each have their longest word, gaps
    // between, cannot be set legibly: "2,100" would be printed "2,1" over
    // "00", or its cells cut letter by letter.
    const double em = ctx_.style(ParagraphStyleId::table_cell).size.to_pt();
    const std::size_t table_columns = needs.least.size();
    double needed = needs.gap * static_cast<double>(table_columns > 0 ? table_columns - 1 : 0);
    for (double least : needs.least) needed += std::min(least, kLongestCellWord * em);
    auto legible_at = [&](double width) { return table_columns <= 1 || needed <= width + kEpsilon; };
    auto inner = [&](int s) { return ctx_.frame.span_width(s) - in.left - in.right; };
    auto legible = [&](int s) { return legible_at(inner(s)); };
    auto mm = [](double pt, bool up = false) { return whole_mm(pt, up); };
    const std::string refused_table = "a table of " + std::to_string(table_columns) + " columns";
    const std::string its_need = "its columns need " + mm(needed, true) + " mm side by side to keep their words whole";
    const std::string split = "; split it, or mark it edition=\"digital\" for the EPUB alone";
    // No row deeper than a figure may be: a deeper one goes on in the next
    // column or page, cut between lines.
    const double max_row = kFigureMaxHeight * ctx_.frame.height();
    // Body rows [from, to) of `tl`, the table laid out at `outer`'s width
    // (taken from it): the caption over the first part only, the head row
    // over every part, drawn again (untagged) over the parts after the first.
    auto build_part = [&](const Measure& outer, TableLayout& tl, std::size_t from, std::size_t to) {
        const bool first = from == 0;
        out_->begin(tag(page::TagKind::table));
        if (tl.caption && first) {
            block_at(std::move(tl.caption->fragment), tl.caption->height, outer.x);
            out_->keep_with_next();
        }
        // Frames do not nest: in a factbox, whose frame is open, the
        // table's top and bottom edges are bands of their own (rules on
        // the factbox's tint), kept whole as its frame would be.
        const std::size_t start = out_->mark();
        if (outer.boxed) {
            block_at(Fragment{box_edge(box, outer.width, true)}, in.top, outer.x);
            out_->keep_with_next();
        } else {
            out_->open_box(box, in.top, in.bottom);
        }
        // The head row goes again at the top of each column the table
        // goes on in.
        std::optional<std::size_t> head_item;
        Fragment head_copy;
        double head_height = 0;
        std::size_t body = 0;  // body rows passed
        bool first_row = true;
        for (TableRowLayout& row : tl.rows) {
            const bool head = row.head;
            if (!head && (body++ < from || body > to)) continue;
            if (head && !head_item) {
                head_item = out_->mark();
                append_translated(head_copy.items, row.fragment.items, outer.x + in.left, 0);
                head_height = row.height;
            }
            // The head row serves every part: copied, not taken.
            Fragment f;
            if (!head) f = std::move(row.fragment);
            else if (first) f = row.fragment;
            else f.items = drawn_again(row.fragment.items);
            block_at(std::move(f), row.height, outer.x + in.left);
            if (head || first_row) out_->keep_with_next();
            first_row = false;
        }
        if (head_item) out_->repeat_head(*head_item, head_copy, head_height);
        if (outer.boxed) {
            out_->keep_with_next();  // the bottom edge never starts a column
            block_at(Fragment{box_edge(box, outer.width, false)}, in.bottom, outer.x);
            out_->keep_whole_since(start, kKeepWhole * ctx_.frame.height());
        } else {
            out_->close_box(kKeepWhole * ctx_.frame.height());
        }
        out_->end(page::TagKind::table);
    };
    auto build = [&](const Measure& outer) {
        TableLayout tl = layout_table(ctx_, t, needs, outer.width - in.left - in.right, article_.lang, where, max_row);
        build_part(outer, tl, 0, std::numeric_limits<std::size_t>::max());
    };
    int span = columns_for(ctx_.layout.spans.table, m);
    // Wider than the layout says when its words would not fit otherwise.
    while (!m.boxed && span < span_ && ctx_.frame.span_width(span) - in.left - in.right < needs.least_width()) ++span;
    // Wider still where its cells would wrap so much that its rows are
    // half as deep again as with every cell on one line (a forecast's six
    // columns in one would wrap "SW 25" and "07:11 / 19:34" in every row):
    // over the fewest columns, up to the article's, that set it about flat.
    // A table of long texts, wrapped at any width, keeps its span.
    std::optional<double> flat;  // its depth with every cell on one line
    // Per span: whether it sets the table about flat (each span is laid
    // out once, though both checks below may ask about the article's).
    std::vector<std::optional<bool>> flat_spans(static_cast<std::size_t>(std::max(ctx_.frame.columns, span_)) + 1);
    auto flat_at = [&](int s) {
        if (inner(s) >= needs.natural_width()) return true;
        if (inner(s) < needs.least_width()) return false;  // words cut between characters
        std::optional<bool>& known = flat_spans.at(static_cast<std::size_t>(s));
        if (known) return *known;
        const std::size_t reported = ctx_.diags.all().size();
        auto depth = [&](double width) {
            double d = 0;
            for (const TableRowLayout& r : layout_table(ctx_, t, needs, width, article_.lang, where, 0).rows)
                d += r.height;
            return d;
        };
        if (!flat) flat = depth(needs.natural_width());
        known = depth(inner(s)) <= kMostWrap * *flat;
        ctx_.diags.retract_after(reported);  // only measures: reported where it is set
        return *known;
    };
    if (!m.boxed && span < span_ && !flat_at(span))
        for (int wider = span + 1; wider <= span_; ++wider)
            if (flat_at(wider)) {
                span = wider;
                break;
            }
    // Wider than the article, where even its columns would cut the table's
    // words between characters (a price table of five columns in one
    // narrow column: "107.50" as "107" over ".50") or wrap it that much: a
    // float over the fewest of the page's columns that set it about flat,
    // else over the fewest that cut no word. The article then asks for a
    // run that wide (PreparedArticle::span), so it has those columns on
    // every page it runs on.
    const double max_float = kFloatMaxHeight * ctx_.frame.height();
    int wide = 0;  // the page's columns it was tried across, when more than the article's
    if (!m.boxed && span == span_ && span_ < ctx_.frame.columns && !flat_at(span_)) {
        for (int wider = span_ + 1; wider <= ctx_.frame.columns && !wide; ++wider)
            if (flat_at(wider)) wide = wider;
        if (!wide && inner(span_) < needs.least_width())
            for (int wider = span_ + 1; wider <= ctx_.frame.columns && !wide; ++wider)
                if (inner(wider) >= needs.least_width()) wide = wider;
        // Else the fewest where its words longer than any column cut anyway
        // (URLs, codes) are the only ones cut.
        if (!wide && !legible(span_))
            for (int wider = span_ + 1; wider <= ctx_.frame.columns && !wide; ++wider)
                if (legible(wider)) wide = wider;
        if (wide && legible(wide) && as_float(wide, build, false, max_float)) return;
        if (wide && !legible(wide)) wide = 0;  // not tried: too narrow still
    }
    // Not legible across the article's columns, nor across the page's: an
    // error, at the table, rather than a page no one can read. It names
    // the widest it was tried across.
    if (!m.boxed && !legible(span_) && !wide) {  // in a factbox: below
        const int widest = std::max(span_, ctx_.frame.columns);
        ctx_.diags.error("E-TABLE-TOO-WIDE", where,
                         refused_table + " cannot be set across " +
                             (widest > span_ ? "the page's " : "this article's ") + std::to_string(widest) +
                             (widest == 1 ? " column" : " columns") + ", " + mm(inner(widest)) + " mm: " + its_need +
                             split);
        return;
    }
    // A float is placed whole: a table too deep for that flows in the
    // column instead, where it breaks between rows...
    if (span >= 2 && legible(span) && as_float(span, build, false, max_float)) return;
    // ...and where its columns must still keep their words whole. One
    // that needs the page's columns side by side and is too deep to stand
    // whole across them (a stock listing of hundreds of rows) is set
    // across them in parts, each a float, the head row over each.
    const double here = m.width - in.left - in.right;
    if (const int across = std::max(span, wide); !m.boxed && !legible_at(here) && across >= 2 && legible(across)) {
        // Laid out once, at the width each part is set at (as_float's).
        TableLayout tl = layout_table(ctx_, t, needs, inner(across), article_.lang, where, max_row);
        // What each part holds besides its rows: the float's margins
        // (as_float), the frame's insets and the head row; the first, the
        // caption too.
        double fixed = ctx_.grid.leading() + in.top + in.bottom;
        std::vector<double> rows;
        for (const TableRowLayout& r : tl.rows) {
            if (r.head) fixed += r.height;
            else rows.push_back(r.height);
        }
        const double caption = tl.caption ? tl.caption->height : 0.0;
        std::size_t from = 0;
        const std::size_t first_part = out_->floats().size();
        for (std::size_t to : part_ends(rows, max_float - fixed, max_float - fixed - caption, ctx_.grid.leading())) {
            as_float(across, [&](const Measure& outer) { build_part(outer, tl, from, to); });
            from = to;
        }
        std::vector<FloatBlock>& parts = out_->floats();
        for (std::size_t p = first_part; p < parts.size(); ++p) {
            parts[p].follows_part = p > first_part;
            parts[p].precedes_part = p + 1 < parts.size();
        }
        return;
    }
    // One wider than its factbox, or than its column where it cannot
    // stand across columns, is an error, not cells a point wide.
    if (!legible_at(here)) {
        const int across = std::max(span, wide);
        std::string why;
        if (m.boxed) why = refused_table + " cannot be set in a factbox " + mm(here) + " mm wide: " + its_need;
        else if (across < 2) why = refused_table + " cannot be set in one column, " + mm(here) + " mm: " + its_need;
        else
            why = refused_table + " cannot be set across " + std::to_string(across) + " columns, " +
                  mm(inner(across)) + " mm: " + its_need;
        ctx_.diags.error("E-TABLE-TOO-WIDE", where, why + split);
        return;
    }
    double margin = 0.5 * ctx_.grid.leading();
    out_->space(margin);
    build(m);
    out_->space(margin);
}

void BodyFlow::separator(const Measure& m) {
    const layout::SeparatorSettings& sep = ctx_.layout.separator;
    double space = ctx_.space(sep.space);
    out_->space(space);
    double leading = ctx_.grid.leading();
    std::vector<page::Item> items;
    switch (sep.kind) {
        case layout::SeparatorKind::rule: {
            double w = m.width / 3;
            items = horizontal_rule(m.x + w, m.x + 2 * w, leading / 2, sep.rule_width.to_pt(), page::Colour{0, 0, 0});
            break;
        }
        case layout::SeparatorKind::asterism: {
            SetParagraph p =
                ctx_.set_text("*\u2002*\u2002*", ParagraphStyleId::body_first, m.width, layout::Alignment::center);
            std::vector<page::Item> drawn;
            if (!p.lines.empty())
                append_line(drawn, p.lines.front(), m.x + p.lines.front().left,
                            baseline_in_slot(leading, ctx_.style(ParagraphStyleId::body).size.to_pt()));
            append_artifact(items, std::move(drawn));
            break;
        }
        case layout::SeparatorKind::space:
            break;
    }
    // Where a column starts or ends at it, it is dropped: the column
    // break parts the items.
    if (!items.empty()) out_->ornament(Fragment{std::move(items)}, leading);
    out_->space(space);
    first_in_flow_ = true;
}

void BodyFlow::end_matter(const Measure& m) {
    const model::End& end = article_.end;
    out_->begin_end_matter();
    styled(end.tagline, ParagraphStyleId::tagline, m, article_.located(end.tagline_at), tag(page::TagKind::paragraph));
    if (!end.corrections.empty()) {
        const layout::Box& box = ctx_.layout.box(layout::BoxId::correction);
        Insets in = box_insets(box);
        Measure inner{m.width - in.left - in.right, m.x + in.left, true};
        double margin = 0.5 * ctx_.grid.leading();
        out_->space(margin);
        out_->open_box(box, in.top, in.bottom);
        out_->begin(tag(page::TagKind::note));
        for (std::size_t i = 0; i < end.corrections.size(); ++i)
            styled(end.corrections[i], ParagraphStyleId::correction, inner, article_.located(end.corrections_at, i),
                   tag(page::TagKind::paragraph));
        out_->end(page::TagKind::note);
        out_->close_box(kKeepWhole * ctx_.frame.height());
        out_->space(margin);
    }
    if (!end.related.empty()) related(m);
    styled(article_.meta.rights, ParagraphStyleId::rights, m, article_.located(article_.meta.rights_at),
           tag(page::TagKind::paragraph));
}

void BodyFlow::related(const Measure& m) {
    auto build = [&](const Measure& outer) {
        const layout::Box& box = ctx_.layout.box(layout::BoxId::related);
        Insets in = box_insets(box);
        Measure inner{outer.width - in.left - in.right, outer.x + in.left, true};
        out_->open_box(box, in.top, in.bottom);
        out_->begin(tag(page::TagKind::section));
        const layout::Labels& labels = ctx_.layout.labels;
        if (!labels.more_stories.empty()) {
            // In the labels' language, tagged so where the article is in another.
            page::TagBegin heading = heading_tag(3);
            const std::string& lang = article_.lang.empty() ? ctx_.issue.lang : article_.lang;
            if (!model::same_language(lang, labels.lang)) heading.lang = labels.lang;
            styled(text_inlines(labels.more_stories), ParagraphStyleId::related_heading, inner, article_.where,
                   std::move(heading));
        }
        // Items are apart by a teaser's space after it, also where one has
        // no teaser (two titles would read as one).
        const double gap = ctx_.space(ctx_.style(ParagraphStyleId::related_teaser).space_after);
        bool spaced = true;
        for (const model::RelatedItem& item : article_.end.related) {
            if (!spaced) out_->space(gap);
            spaced = !model::is_blank(item.teaser);
            // An item split across columns reads as two: its teaser's last
            // lines at the head of the next column look like another item.
            const std::size_t at = out_->mark();
            styled(item.kicker, ParagraphStyleId::related_kicker, inner, item.where, tag(page::TagKind::paragraph));
            model::Inlines title = item.title;
            std::string href = !item.href.empty() ? item.href : !item.ref.empty() ? "galley-article:" + item.ref : "";
            if (!href.empty()) title = {model::Inline{model::Link{href, item.title}}};
            styled(title, ParagraphStyleId::related_title, inner, item.where, tag(page::TagKind::paragraph));
            styled(item.teaser, ParagraphStyleId::related_teaser, inner, item.where, tag(page::TagKind::paragraph));
            out_->keep_whole_since(at, kKeepItem * ctx_.frame.height());
        }
        out_->end(page::TagKind::section);
        out_->close_box(kKeepWhole * ctx_.frame.height());
    };
    int span = columns_for(ctx_.layout.spans.related, m);
    // At the article's end, a box too wide for the room left is set in one
    // column rather than jumping to another page on its own; one too deep to
    // be placed whole flows in the column.
    if (span >= 2 && as_float(span, build, true, kFloatMaxHeight * ctx_.frame.height())) return;
    double margin = 0.5 * ctx_.grid.leading();
    out_->space(margin);
    build(m);
    out_->space(margin);
}

}  // namespace galley::typeset
