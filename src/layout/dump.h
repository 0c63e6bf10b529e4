// Text forms of the registry and of resolved layouts: the settings reference
// (`galley layouts --settings`, docs/layouts.md), the full dump of a resolved
// layout (golden tests, debugging) and the one-line summary `galley layouts`
// prints. All stable: registry order, classic-locale numbers.
#pragma once

#include <string>

#include "layout/loader.h"
#include "layout/settings.h"

namespace galley::layout {

/// Every setting: key, type, default, help, accepted range or words, and the
/// defaults that differ per style, tier or box.
std::string describe_settings();

/// Every resolved value of `layout`, one "key = value" line each, in registry
/// order, followed by derived geometry (live area, column width and edges).
std::string dump_layout(const Layout& layout);

/// "tabloid       289 x 380 mm, 5 columns  Five-column tabloid ..." (name first).
std::string format_summary_line(const LayoutSummary& summary);

}  // namespace galley::layout
