// The page vocabulary: what layout produces and every renderer consumes.
// Pages of positioned items in PostScript points, origin at the top-left
// corner of the trimmed page, y growing downwards. Renderers (PDF, PNG, the
// text dump) walk these items with one exhaustive visit and make no layout
// decisions; nothing here refers to Pango, Cairo or the layout format.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace galley::page {

struct Point {
    double x = 0;
    double y = 0;
};

struct Rect {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
};

/// sRGB, each component 0..1.
struct Colour {
    double r = 0;
    double g = 0;
    double b = 0;
    bool operator==(const Colour&) const = default;
};

/// A font file from the pinned font set (absolute path) and the face in it.
struct FontFace {
    std::string file;
    int index = 0;
    /// Drawn with its outlines thickened: bold asked of a face that has no
    /// bold (fonts/font_library.h), advances as the regular face's.
    bool synthetic_bold = false;
    bool operator==(const FontFace&) const = default;
    auto operator<=>(const FontFace&) const = default;
};

/// One shaped glyph; x and y are offsets from the run's origin (y down).
/// Single precision (a millionth of a point within a line) keeps an issue's
/// million glyphs at 12 bytes each.
struct Glyph {
    std::uint32_t id = 0;
    float x = 0;
    float y = 0;

    Glyph() = default;
    Glyph(std::uint32_t glyph, double dx, double dy)
        : id(glyph), x(static_cast<float>(dx)), y(static_cast<float>(dy)) {}
};

/// How `text` maps to `glyphs`, in order (as cairo_text_cluster_t): each
/// cluster covers `bytes` bytes of text and `glyphs` glyphs.
struct Cluster {
    int bytes = 0;
    int glyphs = 0;
};

/// A run of glyphs in one face, size and colour, on one baseline. `text` is
/// what the glyphs spell (including an inserted hyphen), so PDF text
/// extracts and searches as written.
struct GlyphRun {
    FontFace face;
    double size = 0;  ///< em size in pt
    Colour colour;
    Point origin;     ///< the baseline start: where its leftmost glyph's pen stands
    /// Relative to `origin`; a mark hung left of its letter (the fathatan
    /// over a final alef) may stand at a negative x, over the space before.
    std::vector<Glyph> glyphs;
    std::string text;
    std::vector<Cluster> clusters;
    double advance = 0;  ///< width from origin to the pen position after the last glyph
};

/// A straight line.
struct Rule {
    Point from;
    Point to;
    double width = 0;
    Colour colour;
};

/// A rectangle, filled and/or stroked.
struct Box {
    Rect rect;
    std::optional<Colour> fill;
    std::optional<Colour> stroke;
    double stroke_width = 0;
};

enum class ImageFormat { jpeg, png, gif, svg };

/// An image file placed into `rect` (scaled to fill it exactly; the
/// composer keeps the aspect ratio). `clip`, when set, is the visible part.
struct Image {
    Rect rect;
    std::optional<Rect> clip;
    std::string file;  ///< absolute path, already probed by the reader
    ImageFormat format = ImageFormat::jpeg;
    std::uint32_t width_px = 0;
    std::uint32_t height_px = 0;
    /// Bleed art: it reaches the trim edge on purpose, and the press PDF
    /// runs it on into the bleed on the sides where it touches the trim.
    bool bleed = false;
    /// The issue folder `file` was read from (absolute). The renderers
    /// open the file again only through it, as the reader did (base/
    /// content_root: no link may lead out of it, even one swapped in since).
    /// Empty: `file` is trusted as it is (documents built by hand).
    std::string root{};
};

/// A clickable area: an external URI, or a place in this document.
struct Link {
    Rect rect;
    std::string uri;          ///< external; empty for an internal link
    int target_page = -1;     ///< internal: 0-based page index
    double target_y = 0;
};

/// Structure (for tagged PDF): begin/end pairs, properly nested, possibly
/// across pages (an article that jumps). Kinds follow PDF's standard
/// structure types.
enum class TagKind { document, article, section, heading, paragraph, figure, caption, table, table_row,
                     table_header_cell, table_cell, list, list_item, block_quote, note, artifact };

struct TagBegin {
    TagKind kind = TagKind::paragraph;
    int level = 0;        ///< heading level (1..6)
    std::string alt;      ///< figures: alternative text
    std::string lang;     ///< BCP 47 when it differs from the document
    std::string title;    ///< articles: the headline, for the structure tree
};

struct TagEnd {
    TagKind kind = TagKind::paragraph;
};

using Item = std::variant<GlyphRun, Rule, Box, Image, Link, TagBegin, TagEnd>;

struct Page {
    double width = 0;   ///< trim size, pt
    double height = 0;
    std::string label;  ///< page label ("1", "2", ...)
    std::vector<Item> items;
};

/// Bookmarks: sections at level 1, articles at level 2.
struct OutlineEntry {
    std::string title;
    int level = 1;
    int page = 0;      ///< 0-based
    double y = 0;
};

struct Metadata {
    std::string title;
    std::string author;    ///< all bylines' people, joined with ", "
    std::string subject;
    std::string keywords;  ///< joined with ", "
    std::string creator;   ///< "galley 0.1.0"
    std::string date;      ///< ISO 8601, from SOURCE_DATE_EPOCH or the issue date
    std::string lang;      ///< BCP 47 of the document
    bool bound_right = false;  ///< bound on the right edge: page 1 a left-hand page, read right to left
};

struct Document {
    Metadata meta;
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
};

}  // namespace galley::page
