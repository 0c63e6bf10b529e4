#include "typeset/compose/decoration.h"

#include <utility>

#include "typeset/compose/fragment.h"

namespace galley::typeset {

namespace {

bool has_top(layout::BoxFrame f) {
    return f == layout::BoxFrame::box || f == layout::BoxFrame::top || f == layout::BoxFrame::top_bottom;
}
bool has_bottom(layout::BoxFrame f) {
    return f == layout::BoxFrame::box || f == layout::BoxFrame::bottom || f == layout::BoxFrame::top_bottom;
}
bool has_left(layout::BoxFrame f) { return f == layout::BoxFrame::box || f == layout::BoxFrame::left; }
bool has_right(layout::BoxFrame f) { return f == layout::BoxFrame::box; }

}  // namespace

Insets box_insets(const layout::Box& style) {
    double rule = style.rule_width.to_pt();
    double pad = style.padding.to_pt();
    bool filled = style.background.has_value();
    Insets in;
    in.top = (has_top(style.frame) ? rule : 0) + pad;
    in.bottom = (has_bottom(style.frame) ? rule : 0) + pad;
    bool sides = filled || has_left(style.frame) || has_right(style.frame);
    in.left = (has_left(style.frame) ? rule : 0) + (sides ? pad : 0);
    in.right = (has_right(style.frame) ? rule : 0) + (sides && style.frame != layout::BoxFrame::left ? pad : 0);
    return in;
}

std::vector<page::Item> box_decoration(const layout::Box& style, const page::Rect& r) {
    std::vector<page::Item> out;
    append_artifact(out, box_decoration_items(style, r));
    return out;
}

std::vector<page::Item> box_decoration_items(const layout::Box& style, const page::Rect& r) {
    std::vector<page::Item> items;
    page::Colour colour = page_colour(style.rule_colour);
    double w = style.rule_width.to_pt();
    if (style.background) {
        page::Box fill;
        fill.rect = r;
        fill.fill = page_colour(*style.background);
        items.emplace_back(fill);
    }
    if (w > 0) {
        auto rule = [&](double x0, double y0, double x1, double y1) {
            page::Rule line;
            line.from = {x0, y0};
            line.to = {x1, y1};
            line.width = w;
            line.colour = colour;
            items.emplace_back(line);
        };
        double h = w / 2;
        if (style.frame == layout::BoxFrame::box) {
            page::Box frame;
            frame.rect = {r.x + h, r.y + h, r.width - w, r.height - w};
            frame.stroke = colour;
            frame.stroke_width = w;
            items.emplace_back(frame);
        } else {
            if (has_top(style.frame)) rule(r.x, r.y + h, r.x + r.width, r.y + h);
            if (has_bottom(style.frame)) rule(r.x, r.y + r.height - h, r.x + r.width, r.y + r.height - h);
            if (has_left(style.frame)) rule(r.x + h, r.y, r.x + h, r.y + r.height);
        }
    }
    return items;
}

std::vector<page::Item> box_edge(const layout::Box& style, double width, bool top) {
    if (!(top ? has_top(style.frame) : has_bottom(style.frame))) return {};
    const double w = style.rule_width.to_pt();
    const double y = top ? w / 2 : box_insets(style).bottom - w / 2;
    return horizontal_rule(0, width, y, w, page_colour(style.rule_colour));
}

page::Rule rule_item(double x0, double x1, double y, double width, page::Colour colour) {
    page::Rule line;
    line.from = {x0, y};
    line.to = {x1, y};
    line.width = width;
    line.colour = colour;
    return line;
}

std::vector<page::Item> horizontal_rule(double x0, double x1, double y, double width, page::Colour colour) {
    std::vector<page::Item> out;
    if (width <= 0) return out;
    append_artifact(out, {rule_item(x0, x1, y, width, colour)});
    return out;
}

}  // namespace galley::typeset
