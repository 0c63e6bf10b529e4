// From placed flow items to page items: each fragment moved to its column
// and slot, floats drawn at their rectangles when reading reaches their
// anchors, and the frame and background of every piece of a framed box
// drawn first, behind its content.
#pragma once

#include <vector>

#include "typeset/compose/area_fill.h"

namespace galley::typeset {

/// The page items of a filled area, in reading order (decorations first).
/// The placed items' fragments are moved out of `stream`: each item is
/// drawn once, when its area is final.
std::vector<page::Item> emit_area(Stream& stream, const AreaResult& area, const std::vector<ColumnSpace>& columns,
                                  const BaselineGrid& grid);

/// Vertical rules of `width` centred in the gutters between an area's
/// columns, from the higher of the two column tops to the area's foot,
/// interrupted by floats that span the gutter; an artifact.
std::vector<page::Item> gutter_rules(const AreaResult& area, const std::vector<ColumnSpace>& columns, double width,
                                     page::Colour colour);

/// A whole stream laid out as one unbreakable block of `width` (a float:
/// an aside or table spanning columns): items stacked without breaks, off
/// the grid. Sets `height`.
Fragment flatten_stream(const Stream& stream, double width, double& height);

}  // namespace galley::typeset
