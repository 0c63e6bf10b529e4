// Filling an area (the columns an article occupies on one page) with its
// floats and, for an article's last part, balanced:
//
//   fill(bottom):
//     fill the columns; for the first float whose anchor was passed but
//     which has no place yet, put it across `span` columns starting at the
//     anchor's column (moved left to fit the area), at the grid cell where
//     the anchor fell (moved down past other floats, or up to end above the
//     bottom); refill; repeat. A float that finds no room (or whose anchor
//     its own place pushes on to the next area) is tried in its one-column
//     form where it has one; otherwise, in an area that may carry, it is
//     handed on to the next area (FillRequest::hand_on), the text after
//     its anchor filling this one, or else it ends the area just before
//     its anchor (but with `must_progress`, a float that opens the area stands
//     at the top of its columns, however deep: a fresh page must take
//     something). A pull quote (FloatBlock::amid_text) left with a runt leg
//     of the story under it (fewer than `min_leg` lines, in a column it
//     spans), or opening the area with all of the story after it (a page
//     the story jumps to), goes down onto the foot instead, as low as it
//     fits, where that mends it. A pull quote that would end the
//     stream with none of the story's text following it (only the
//     tagline and rights below it) is raised above its anchor a grid line
//     at a time, to the first place where text follows it soundly (no
//     white above it, no lone line above or below it, the tagline whole);
//     with none, it stays, and balancing takes that bottom as not fitting.
//     A table, picture, box or pull quote (not end matter) under a runt
//     leg at the top of its columns goes up to that top, the leg under it,
//     or else (not a pull quote) stands there alone (FloatRect::closes),
//     the story beside it, when either leaves no runt leg or white under
//     it and no more runt legs elsewhere.
//   balanced:
//     fill(area bottom); if everything fits (or all but a float handed
//     on, which still goes on), search the grid lines between
//     the even share of the content and that fill's lowest foot for the
//     smallest bottom at which everything still fits, filling in `fair`
//     mode (columns differ by at most a line) or else greedily, never
//     one that leaves a column with room white ahead of one holding
//     something (a box deferred past it) or a pull quote after the
//     story's last line. Then,
//     where the content has pictures or boxes kept whole, search lower
//     with those standing at a column's top allowed to hang below the
//     bottom (ColumnSpace::hang_bottom): the smallest bottom whose area
//     ends no lower wins, the text legs level beside a deeper box.
//     A column left with a runt leg (fewer than `min_leg` lines of text
//     under a picture, a box or a float, or above one at the column's
//     top: two lines under a photograph)
//     is taken lower, a grid line at a time, until the other columns hold
//     those lines too, if no more columns are left empty (every column
//     holds the picture or box that made the leg short). At each of those
//     bottoms, and first at the one found, a column that opens with a
//     runt leg over a box or float (a story's last lines over its More
//     stories box) may instead get its lines from the column before,
//     which ends higher a line at a time and keeps `min_leg` lines at its
//     foot: the lowest bottom either way wins. When no bottom (down to
//     the area's own) gives that leg `min_leg` lines, it gets the most the
//     column before can give, if that makes it at least `min_leg` - 2
//     lines and leaves no other runt leg. Failing all that, a
//     leg under a picture at a column's top is lengthened from the column
//     before, which ends higher a line at a time (floats kept in place),
//     when that leaves fewer runt legs.
//     Where no `fair` fill held everything at the bottom chosen (the
//     widow and orphan rules leave no split near the even share) and the
//     greedy fill taken instead ends its columns more than a line apart
//     (legs of 9, 9, 9 and 4), and no runt leg was mended: some columns
//     end higher, a line at a time, in a bounded search for the evenest
//     fill at that bottom (its shortest column longest; 9, 7, 7 and 8),
//     one that ends no lower and leaves no more runt legs, empty columns
//     or white under a float.
#pragma once

#include <algorithm>
#include <cstddef>
#include <limits>
#include <vector>

#include "typeset/compose/column_fill.h"

namespace galley::typeset {

struct AreaRequest {
    const Stream* stream = nullptr;
    std::size_t from = 0;
    std::vector<ColumnSpace> columns;  ///< tops and the lowest each may reach
    const BaselineGrid* grid = nullptr;
    bool balance = false;
    bool must_progress = false;
    int min_leg = 0;  ///< columns.min-leg: the shallowest leg balancing may leave; 0 = any
    std::size_t carry = kNoItem;  ///< a figure or float handed on by the previous area (FillRequest::carry)
    bool may_carry = false;       ///< a figure, or a float with no room, may be handed on (FillRequest::may_carry, hand_on)
    /// Items from here on are left for the next area (FillRequest::stop);
    /// the area is filled, and balanced, as if the stream ended there.
    std::size_t stop = std::numeric_limits<std::size_t>::max();
    /// The end of the items this area may take.
    std::size_t end() const { return std::min(stop, stream->size()); }
};

struct AreaResult {
    FillResult fill;
    std::vector<FloatRect> floats;
    bool complete = false;  ///< every item from `from` (to `stop`) was placed, and none is carried on
    /// Lowest content in the area (the highest column top when empty).
    double foot() const;
};

AreaResult fill_area(const AreaRequest& request);

/// Whether a column of `r` ends with a runt leg under a picture, box or
/// float, or starts with one above any of them (column_fill.h).
bool has_runt_leg(const Stream& stream, const AreaResult& r, double leading, int min_leg);

}  // namespace galley::typeset
