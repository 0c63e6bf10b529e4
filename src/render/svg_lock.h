// One SVG drawn at a time in the whole process.
//
// librsvg sets an SVG's text with Pango through cairo's FreeType backend,
// which opens every face on one process-wide FT_Library. Cairo 1.16 calls
// FT_New_Face and FT_Done_Face outside its own lock (and closes faces to
// stay under ten open), while FreeType allows one thread at a time to make
// or free faces on a library: two SVGs drawn at once on two threads (the
// PDF on the main thread, the EPUB cover or the PNG proofs beside it) can
// fail with a FreeType error or crash. Every rsvg_handle_render_document
// call in galley holds this lock. (Shaping never opens faces through cairo:
// typeset/text/shaper reads its metrics from HarfBuzz.)
#pragma once

#include <mutex>

namespace galley::render {

std::mutex& svg_render_mutex();

}  // namespace galley::render
