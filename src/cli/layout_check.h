// The part of `galley check` that looks past the articles: the layout the
// issue is set in loads, every font it names is bundled, every character
// of the issue has a glyph in the bundled fonts, and none carries more marks
// than can print.
#pragma once

#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "fonts/font_library.h"
#include "layout/settings.h"
#include "model/issue.h"

namespace galley::cli {

/// The layout an issue is set in: the override (-l) when given, else the
/// manifest's <layout>, else "tabloid".
std::string layout_name_for(const model::Issue& issue, const std::optional<std::string>& override_layout);

/// Reports E-FONT-NOT-FOUND and W-FONT-STYLE-MISSING for the fonts
/// `layout` names, and W-GLYPH-MISSING (one per element that holds
/// characters no font of `library` can draw, at the element's line: the
/// location the print setter reports them at, so the CLI can drop its
/// repeat with Diagnostics::drop_reported_in), and W-TEXT-MARKS-STACKED
/// (an element where a character carries more than 30 combining marks). The layout and the fonts are
/// loaded by the caller (EditionBuilder::prepare, which reports E-LAYOUT-*).
void check_layout_and_fonts(const model::Issue& issue, const layout::Layout& layout,
                            const fonts::FontLibrary& library, Diagnostics& diags);

}  // namespace galley::cli
