// Filling columns: "fill these columns from item `from`, and say where to
// resume" (the shape of WeasyPrint's pagination, one level down). One pass
// walks the stream once, placing items top-down in each column of an area
// in turn:
//
//   for each column:
//     start at its top (inside a framed box split from the previous column:
//     below a fresh inset); place a block deferred from the previous column
//     first; a picture or a box kept whole standing at the top may reach
//     down to the column's hang line (below a balancing limit)
//     for each item: spaces are dropped at a column top; grid lines snap to
//       the next grid cell; anything that meets a float moves below it
//       if it fits above the column's limit: place it (a picture under
//         fewer than `min_leg` lines of body text at the column's top goes
//         to the top, those lines under it; after a float's anchor, the
//         cursor goes below a float standing at the next grid line)
//       else if it is a figure that may wait and more columns follow:
//         defer it to the next column's top and keep filling with text
//       else if it is a figure in the last column of an area that may
//         carry one (an article jumping on), or one the next column has
//         no room for under the figure already waiting there: hand it to
//         the next area, whose first column it opens, and keep filling
//         with text
//       else: end the column at the last legal break at or before it
//         (widows, orphans, keep-with-next), taking back what follows;
//         when that break is a factbox kept whole and more columns follow,
//         defer the whole box instead and keep filling with text
//     in `fair` mode, a column (not the last) that would end with a runt
//       leg, fewer than `min_leg` lines under a picture, box or float, ends
//       above it instead
//   stop when the items or the columns run out
//
// The limit of a column is the area's bottom, or in `fair` mode (balancing)
// the lowest bottom at which the remaining columns could hold the
// remaining items evenly, so balanced columns differ by at most a line.
#pragma once

#include <cstddef>
#include <limits>
#include <span>
#include <vector>

#include "typeset/compose/flow.h"
#include "typeset/compose/page_frame.h"

namespace galley::typeset {

/// No item of a stream.
inline constexpr std::size_t kNoItem = std::numeric_limits<std::size_t>::max();

/// One column of an area, in page coordinates.
struct ColumnSpace {
    double x = 0;
    double width = 0;
    double top = 0;     ///< where content may start
    double bottom = 0;  ///< how low content may reach
    /// How low a picture or a factbox kept whole may reach when it stands
    /// at the column's top (nothing above it), where that is lower than
    /// `bottom`: balancing lowers `bottom` to the line the text legs end
    /// on, and a box taller than the legs hangs below them rather than
    /// setting their depth. 0: `bottom`.
    double hang_bottom = 0;
    double hang() const { return hang_bottom > bottom ? hang_bottom : bottom; }
};

/// Where a float sits in an area: columns [first, first + span) of the
/// area, from `top` to `bottom` (page coordinates).
struct FloatRect {
    int float_index = -1;
    int first = 0;
    int span = 1;
    double top = 0;
    double bottom = 0;
    bool narrow = false;  ///< set in the float's one-column form (FloatBlock::narrow)
    /// Its columns hold nothing under it in this area: a table at the top
    /// of its columns with the story set beside it, not a runt leg under it.
    bool closes = false;
    /// How far down it keeps the text out of its columns.
    double blocks_to() const { return closes ? std::numeric_limits<double>::infinity() : bottom; }
};

enum class FillMode { greedy, fair };

struct FillRequest {
    const Stream* stream = nullptr;
    std::size_t from = 0;
    /// Items from here on are left for the next area (a float that found no room).
    std::size_t stop = std::numeric_limits<std::size_t>::max();
    std::vector<ColumnSpace> columns;
    std::vector<FloatRect> floats;
    FillMode mode = FillMode::greedy;
    const BaselineGrid* grid = nullptr;
    /// Place the first item even where it does not fit (a fresh page must
    /// take something, or composition would never end).
    bool must_progress = false;
    /// columns.min-leg: in `fair` mode, fewer lines than this under a
    /// picture, a box or a float at a column's foot go on to the next column.
    int min_leg = 0;
    /// A figure, or a float's anchor, handed on by the previous area (an
    /// item before `from`): placed first, at the top of the first column.
    /// kNoItem: none.
    std::size_t carry = kNoItem;
    /// In the last column, a figure that does not fit where it falls may be
    /// handed on to the next area (FillResult::carry) while the text after
    /// it fills this column: for an article that jumps to another page.
    bool may_carry = false;
    /// The anchor of a float that found no room in this area (an area that
    /// may carry, AreaRequest::may_carry): handed on to the next area
    /// (FillResult::carry), whose first columns the float opens, while the
    /// text after it fills this one. kNoItem: none.
    std::size_t hand_on = kNoItem;
};

/// An item placed in column `column`, its slot from `top` to `bottom`.
struct Placed {
    std::size_t item = 0;
    int column = 0;
    double top = 0;
    double bottom = 0;
};

/// A float's anchor passed while filling: the cursor was at `y` in `column`.
struct AnchorHit {
    std::size_t item = 0;
    int float_index = -1;
    int column = 0;
    double y = 0;
};

struct FillResult {
    /// In stream order; a figure carried in from the previous area comes
    /// after the lines that end the paragraph this area resumes, so that
    /// structure tags stay nested and it reads between paragraphs.
    std::vector<Placed> placed;
    std::vector<AnchorHit> anchors;
    std::size_t next = 0;                ///< the first item not placed
    std::vector<double> column_bottoms;  ///< lowest content per column (its top when empty)
    bool forced = false;                 ///< something was placed against a break rule or below the limit
    /// A figure, or a float's anchor (FillRequest::hand_on), before `next`,
    /// handed on to the next area; kNoItem: none.
    std::size_t carry = kNoItem;
};

/// One pass over the stream; see the sketch at the top of this file.
FillResult fill_columns(const FillRequest& request);

/// Whether a column may end just before `item` (widows, orphans and
/// keep-with-next are in its `break_before`).
bool breakable(const FlowItem& item);

/// A runt leg at the foot of a column: fewer than `min_leg` lines of body
/// text (on the grid, outside boxes) under a picture, a framed box or a
/// float. `column_items`
/// are the items placed in column `column`, top-down. Returns the index in
/// `column_items` of the leg's first line, or column_items.size() if the
/// column ends with no runt leg.
std::size_t runt_leg(const Stream& stream, std::span<const Placed> column_items,
                     const std::vector<FloatRect>& floats, int column, double leading, int min_leg);
/// Whether a column starts with a runt leg: fewer than `min_leg` lines of
/// body text at its top, then a picture, a framed box or a float.
bool runt_leg_on_top(const Stream& stream, std::span<const Placed> column_items,
                     const std::vector<FloatRect>& floats, int column, double leading, int min_leg);

}  // namespace galley::typeset
