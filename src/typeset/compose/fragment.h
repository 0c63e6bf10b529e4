// Fragments: page items positioned relative to a local origin, ready to be
// moved onto a page once composition decides where they go. Paragraph lines,
// figures, table rows and pull quotes are all built as fragments first; the
// page composer only translates them.
#pragma once

#include <string>
#include <vector>

#include "page/page.h"
#include "typeset/text/text_setter.h"

namespace galley::typeset {

/// Items relative to the fragment's origin (its top-left corner, y down).
struct Fragment {
    std::vector<page::Item> items;
};

/// Appends `items` to `out`, each moved by (dx, dy). Tags are copied as they are.
void append_translated(std::vector<page::Item>& out, const std::vector<page::Item>& items, double dx, double dy);
/// The same, taking the items out of `items` (left empty).
void move_translated(std::vector<page::Item>& out, std::vector<page::Item>& items, double dx, double dy);

/// Appends the runs, underlines and links of `line`; (x, baseline) is where the line's
/// x = 0, y = 0 lands, so callers pass the column edge plus `line.left`.
void append_line(std::vector<page::Item>& out, const SetLine& line, double x, double baseline);
/// The same, taking the runs out of `line`.
void append_line(std::vector<page::Item>& out, SetLine&& line, double x, double baseline);

/// Decorations (rules, frames, backgrounds) are artifacts in the structure
/// tree: `items` wrapped in an artifact tag pair, appended to `out`.
void append_artifact(std::vector<page::Item>& out, std::vector<page::Item> items);

/// What `items` draw, without their tags and links, as one artifact: a
/// table's head row drawn again where the table goes on.
std::vector<page::Item> drawn_again(const std::vector<page::Item>& items);

/// Structure tags.
page::TagBegin tag(page::TagKind kind);
page::TagBegin heading_tag(int level);
page::TagEnd tag_end(page::TagKind kind);

/// A layout colour as a page colour.
page::Colour page_colour(const layout::Colour& c);

}  // namespace galley::typeset
