// Unbreakable blocks built top-down: set paragraphs, images, rules and
// boxes piled at one width with spaces between them (a figure with its
// caption, a pull quote, the headline block, the masthead).
#pragma once

#include <vector>

#include "typeset/compose/fragment.h"
#include "typeset/compose/stream_builder.h"

namespace galley::typeset {

class Stack {
public:
    void space(double height) { y_ += height; }
    /// The lines of `p` below the current position, one leading apart,
    /// `spec.x` from the stack's left edge.
    void lines(const SetParagraph& p, const LineSpec& spec);
    /// Items positioned relative to the stack's origin.
    void add(page::Item item) { items_.push_back(std::move(item)); }
    void add(const std::vector<page::Item>& items, double dx, double dy) { append_translated(items_, items, dx, dy); }
    void begin(page::TagBegin t) { items_.emplace_back(std::move(t)); }
    void end(page::TagKind kind) { items_.emplace_back(tag_end(kind)); }

    double y() const { return y_; }
    void set_y(double y) { y_ = y; }
    std::vector<page::Item>& items() { return items_; }
    Fragment take() { return Fragment{std::move(items_)}; }

private:
    std::vector<page::Item> items_;
    double y_ = 0;
};

}  // namespace galley::typeset
