// One lock for cairo's shared FreeType library.
//
// Cairo 1.16's FreeType backend opens the faces of every font it gets by
// fontconfig pattern (Pango's fonts, and so librsvg's SVG text) on one
// process-wide FT_Library, and calls FT_New_Face and FT_Done_Face outside
// its own lock (closing faces to keep ten open), while FreeType allows one
// thread at a time to make or free faces on a library. Two threads doing
// so at once can fail with a FreeType error or crash.
//
// galley keeps such faces off its hot paths (the drawing has faces of its
// own, render/font_cache; the shaper reads metrics from HarfBuzz), and
// holds this lock wherever cairo may still open or read one:
//   - librsvg drawing an SVG (render/image_cache, press/flatten);
//   - cairo replaying and subsetting a PDF that has SVG text in it
//     (show_page and finish of a PDF surface an SVG was drawn on);
//   - Pango shaping a text run with characters its font lacks (Pango
//     measures the hex box it shows for them with a cairo font).
// Only the C++ library here: the lock means nothing to base itself.
#pragma once

#include <mutex>

namespace galley {

std::mutex& cairo_freetype_mutex();

}  // namespace galley
