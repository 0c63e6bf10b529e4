// Consistency checks on a resolved layout: rules that involve more than one
// setting, so the registry's per-setting ranges cannot express them.
#pragma once

#include "base/diagnostic.h"
#include "base/length.h"
#include "layout/resolve.h"
#include "layout/settings.h"

namespace galley::layout {

/// The narrowest column a layout may have.
inline constexpr Length kMinColumnWidth = Length::mm(15);
/// Lines of body text the live area must hold at least, first baseline at
/// grid.origin.
inline constexpr int kMinBodyLines = 3;

/// Adds E-LAYOUT-INCONSISTENT errors (and W-LAYOUT-TIER-ORDER warnings), each
/// located at the setting most likely to be wrong. Returns whether there
/// were no errors. The rules:
/// - the live area has a positive width and height; columns are at least
///   kMinColumnWidth wide;
/// - leading is at least the size (at least 0.8 x the size for headline
///   tiers and the headline and masthead styles, which may be set tight);
/// - body leading equals the baseline grid; the grid origin and masthead fit
///   in the live area;
/// - word spacing min <= natural <= max; hyphenation limits leave room for a
///   hyphen; indents leave room for text and never start left of the column;
/// - every span names at most the layout's column count (spans inherited
///   across a narrower grid were fitted before: fit_inherited_spans);
/// - crop marks start outside the bleed.
bool check_layout(const Layout& layout, const Origins& origins, Diagnostics& diags);

}  // namespace galley::layout
