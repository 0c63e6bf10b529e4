#include "typeset/compose/page_frame.h"

#include <algorithm>
#include <cmath>

namespace galley::typeset {

PageFrame page_frame(const layout::Layout& layout, int page_number) {
    PageFrame f;
    f.page_width = layout.page.width.to_pt();
    f.page_height = layout.page.height.to_pt();
    f.left = layout.left_margin(page_number).to_pt();
    f.right = f.left + layout.live_width().to_pt();
    f.top = layout.page.margin_top.to_pt();
    f.bottom = f.top + layout.live_height().to_pt();
    f.columns = std::max(layout.columns.count, 1);
    f.column_width = layout.column_width().to_pt();
    f.gutter = layout.columns.gutter.to_pt();
    return f;
}

BaselineGrid::BaselineGrid(double live_top, double origin, double leading) : leading_(std::max(leading, 0.5)) {
    // The cell ascent is the first baseline's distance from the top of the
    // live area reduced by whole lines, so a cell starts at the live top.
    ascent_ = origin - leading_ * std::floor(origin / leading_);
    if (ascent_ < kEpsilon) ascent_ = leading_;
    top0_ = live_top + origin - ascent_;
}

double BaselineGrid::cell_top_from(double y) const {
    double n = std::ceil((y - top0_) / leading_ - kEpsilon / leading_);
    return top0_ + n * leading_;
}

double BaselineGrid::boundary_at_or_above(double y) const {
    double n = std::floor((y - top0_) / leading_ + kEpsilon / leading_);
    return top0_ + n * leading_;
}

bool BaselineGrid::on_grid(double baseline) const {
    double n = (baseline - top0_ - ascent_) / leading_;
    return std::abs(n - std::round(n)) * leading_ < kEpsilon * 5;
}

}  // namespace galley::typeset
