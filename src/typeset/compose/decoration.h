// Frames, backgrounds and rules: how a layout::Box is drawn around content,
// and how much room it takes on each side. All of it is decoration, drawn
// as artifacts in the structure tree.
#pragma once

#include <vector>

#include "layout/styles.h"
#include "page/page.h"

namespace galley::typeset {

/// Room between a box's outer edge and its content, per side.
struct Insets {
    double top = 0;
    double right = 0;
    double bottom = 0;
    double left = 0;
};

/// Frame rules plus padding. Sides without a rule keep the padding only
/// when the box has a frame on the facing side or a background, so a box
/// ruled only above and below keeps its text flush with the column.
Insets box_insets(const layout::Box& style);

/// The background and frame of a box occupying `rect`, wrapped as an artifact.
std::vector<page::Item> box_decoration(const layout::Box& style, const page::Rect& rect);
/// The same items, not wrapped (for content that is an artifact as a whole).
std::vector<page::Item> box_decoration_items(const layout::Box& style, const page::Rect& rect);

/// The top or bottom edge of a box `width` wide set inside another box's
/// frame (frames do not nest): its rule, if the frame has that edge, in a
/// band as deep as the edge's inset, as an artifact. Sides and fill are
/// left to the enclosing box.
std::vector<page::Item> box_edge(const layout::Box& style, double width, bool top);

/// A horizontal rule from x0 to x1 centred on y.
page::Rule rule_item(double x0, double x1, double y, double width, page::Colour colour);
/// The same rule as an artifact (nothing when `width` is 0).
std::vector<page::Item> horizontal_rule(double x0, double x1, double y, double width, page::Colour colour);

}  // namespace galley::typeset
