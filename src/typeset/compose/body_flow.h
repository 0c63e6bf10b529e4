// Body blocks and end matter into a column flow. Each block kind has one
// method; each paragraph is set once, at the measure it will be printed in:
//
//   paragraph   body (body-first after a heading), drop cap and lead-in on
//               the article's first one; P
//   subhead     kept with the next paragraph; H2
//   blockquote  indented paragraphs and attribution; BlockQuote
//   pullquote   large, framed, spanning columns as a float; an artifact
//   figure      image at column width with caption and credit; a figure
//               that spans columns becomes a float
//   list        items with bullet or number labels; L > LI
//   aside       a framed factbox (title and its own blocks); spanning
//               columns: a float
//   table       caption, rows (head row bold); Table > TR > TH/TD
//   separator   rule, asterism or space; an artifact
//   end matter  tagline, corrections (framed), "More stories" (framed,
//               related items), rights
#pragma once

#include <string>
#include <vector>

#include "model/article.h"
#include "typeset/compose/compose_context.h"
#include "typeset/compose/figure.h"

namespace galley::typeset {

/// Where blocks are set: the measure, its offset from the column edge, and
/// whether it is inside a framed box (text in aside-body, no floats).
struct Measure {
    double width = 0;
    double x = 0;
    bool boxed = false;
};

class BodyFlow {
public:
    /// `span`: the columns the article occupies, the widest a float may be.
    /// `lead_in_text`: what of the lead figures opens the text
    /// (PreparedArticle::lead_in_text).
    BodyFlow(ComposeContext& ctx, const model::Article& article, StreamBuilder& out, int span,
             LeadInText lead_in_text = LeadInText::none);

    /// The top-level measure: one column.
    Measure column() const;
    void blocks(const std::vector<model::Block>& blocks, const Measure& m);
    void end_matter(const Measure& m);

private:
    void block(const model::Block& b, const Measure& m);
    void paragraph(const model::Inlines& content, const Measure& m, const SourceLocation& where);
    void subhead(const model::Inlines& content, const Measure& m, const SourceLocation& where);
    void quotation(const model::Quotation& q, const Measure& m, const SourceLocation& where);
    void pullquote(const model::Quotation& q, const Measure& m, const SourceLocation& where);
    void figure(const model::Figure& f, const Measure& m, const SourceLocation& where);
    /// A figure too deep to place whole: its caption breaks like text.
    void deep_figure(const model::Figure& f, const Measure& m, const SourceLocation& where);
    /// A figure's caption and credit as lines of text, in one Caption tag.
    void caption_lines(const model::Figure& f, const Measure& m, const SourceLocation& where);
    void list(const model::List& l, const Measure& m, const SourceLocation& where);
    void aside(const model::Aside& a, const Measure& m, const SourceLocation& where);
    void table(const model::Table& t, const Measure& m, const SourceLocation& where);
    void separator(const Measure& m);
    void related(const Measure& m);

    /// A styled paragraph: space before, tags, lines, space after, keep.
    void styled(const model::Inlines& content, layout::ParagraphStyleId style, const Measure& m,
                const SourceLocation& where, page::TagBegin tag, std::optional<layout::Alignment> align = {});
    /// Columns an element of span `s` takes here (1 inside boxes).
    int columns_for(const layout::Span& s, const Measure& m) const;
    /// Runs `build` into a separate stream at `width` and anchors the result
    /// as a float over `span` columns; with `narrow`, also at one column's
    /// width, the form used where the span finds no room. False, with
    /// nothing anchored, when the float would be deeper than `max_height`
    /// (when above 0): the caller then sets it in the column.
    template <class Build>
    bool as_float(int span, Build build, bool narrow = false, double max_height = 0);
    /// A block fragment moved `x` from the column edge.
    void block_at(Fragment f, double height, double x, bool deferrable = false);

    ComposeContext& ctx_;
    const model::Article& article_;
    StreamBuilder* out_;
    int span_;
    bool first_in_flow_ = true;
    bool dropcap_pending_ = true;
    /// A lead figure's caption opened the text: later lead figures are set
    /// in the text too, each caption after its picture (head_block.h).
    bool lead_caption_moved_ = false;
    LeadInText lead_in_text_ = LeadInText::none;
    /// The body is one inline figure and nothing else in print (a
    /// cartoon, a photograph on its own): it may take the article's width.
    bool sole_picture_ = false;
};

}  // namespace galley::typeset
