#include "typeset/compose/compose_context.h"

#include <algorithm>

namespace galley::typeset {

double ComposeContext::space(const layout::Space& s) const {
    if (s.grid_lines) return *s.grid_lines * grid.leading();
    return s.length.to_pt();
}

SetParagraph ComposeContext::set(const model::Inlines& content, layout::ParagraphStyleId style_id, double width,
                                 const std::string& lang, const SourceLocation& where, bool first_in_flow,
                                 std::optional<layout::Alignment> align, bool own_lines) {
    ParagraphShape shape;
    shape.width = width;
    shape.lang = lang;
    shape.first_in_flow = first_in_flow;
    shape.own_lines = own_lines;
    shape.align = align;
    ++paragraphs;
    return setter.set(content, style_id, shape, where, diags);
}

SetParagraph ComposeContext::set_text(const std::string& text, layout::ParagraphStyleId style_id, double width,
                                      std::optional<layout::Alignment> align) {
    ParagraphShape shape;
    shape.width = width;
    shape.lang = issue.lang;
    shape.first_in_flow = true;
    shape.align = align;
    ++paragraphs;
    return setter.set_text(text, style_id, shape, SourceLocation{}, diags);
}

LineSpec ComposeContext::lines(layout::ParagraphStyleId style_id, double x) const {
    const layout::ParagraphStyle& st = style(style_id);
    LineSpec spec;
    spec.grid = st.align_to_grid;
    spec.leading = st.leading.to_pt();
    spec.size = st.size.to_pt();
    spec.x = x;
    spec.orphans = std::max(st.orphans, 1);
    spec.widows = std::max(st.widows, 1);
    return spec;
}

std::string ComposeContext::image_file(const std::string& relative) const {
    return (root / relative).lexically_normal().string();
}

}  // namespace galley::typeset
