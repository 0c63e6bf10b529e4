// Page geometry in points, as composition uses it: the live area of a page
// (which side the binding margin is on depends on the page number), its
// columns, and the baseline grid every body line sits on.
#pragma once

#include "layout/settings.h"

namespace galley::typeset {

/// The shallowest a picture or a house ad is printed, as a share of a
/// column's width: a panorama or a banner one column wide would be a strip
/// a few millimetres deep, its type unreadable.
inline constexpr double kLeastPictureDepth = 0.5;

/// The live area of one page and its column grid, in page coordinates
/// (origin at the trimmed page's top-left corner, y down).
struct PageFrame {
    double page_width = 0;
    double page_height = 0;
    double left = 0;
    double top = 0;
    double right = 0;
    double bottom = 0;
    int columns = 1;
    double column_width = 0;
    double gutter = 0;

    double width() const { return right - left; }
    double height() const { return bottom - top; }
    /// Left edge of column `c` (0-based).
    double column_x(int c) const { return left + c * (column_width + gutter); }
    /// Width of `n` adjacent columns with the gutters between them.
    double span_width(int n) const { return n * column_width + (n - 1) * gutter; }
};

/// The frame of page `page_number` (1-based; odd pages are right-hand pages).
PageFrame page_frame(const layout::Layout& layout, int page_number);

/// The baseline grid: baselines at `top + origin + n * leading` for every
/// integer n. A grid line occupies one cell, from `ascent` above its baseline
/// to `leading - ascent` below it, so the cells tile a column exactly.
class BaselineGrid {
public:
    BaselineGrid() = default;
    BaselineGrid(double live_top, double origin, double leading);

    double leading() const { return leading_; }
    /// From the top of a cell to its baseline.
    double ascent() const { return ascent_; }
    /// The top of the first cell that starts at or below `y`.
    double cell_top_from(double y) const;
    /// The last cell boundary at or above `y` (a column foot on the grid).
    double boundary_at_or_above(double y) const;
    /// Whether `baseline` is one of the grid's baselines.
    bool on_grid(double baseline) const;

private:
    double top0_ = 0;  ///< the top of cell 0
    double leading_ = 1;
    double ascent_ = 0;
};

/// Tolerance for comparing positions, in points.
inline constexpr double kEpsilon = 0.01;

}  // namespace galley::typeset
