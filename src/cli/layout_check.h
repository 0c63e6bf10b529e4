// The part of `galley check` that looks past the articles: the layout the
// issue is set in loads, every font it names is bundled, and every character
// of the issue has a glyph in the bundled fonts.
#pragma once

#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "model/issue.h"

namespace galley::cli {

/// The layout an issue is set in: the override (-l) when given, else the
/// manifest's <layout>, else "tabloid".
std::string layout_name_for(const model::Issue& issue, const std::optional<std::string>& override_layout);

/// Loads that layout and the pinned fonts and reports E-LAYOUT-*,
/// E-FONT-NOT-FOUND, W-FONT-STYLE-MISSING and W-GLYPH-MISSING (one per
/// article, listing the characters no bundled font can draw).
void check_layout_and_fonts(const model::Issue& issue, const std::optional<std::string>& override_layout,
                            Diagnostics& diags);

}  // namespace galley::cli
