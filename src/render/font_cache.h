// Font faces for drawing, loaded with FreeType from the pinned font files a
// glyph run names (path + face index), once per face, unhinted. Cairo
// subsets and embeds them in the PDF. Not thread-safe: one cache per render.
#pragma once

#include <map>

#include "base/diagnostic.h"
#include "page/page.h"

typedef struct _cairo_font_face cairo_font_face_t;
namespace galley::render {

struct SharedLibrary;  // a FreeType library shared with the faces (font_cache.cc)

class FontCache {
public:
    FontCache();
    ~FontCache();
    FontCache(const FontCache&) = delete;
    FontCache& operator=(const FontCache&) = delete;

    struct Face {
        cairo_font_face_t* cairo = nullptr;  ///< owned by the cache
        long glyph_count = 0;
    };

    /// The face, loaded on first use; nullptr when the file cannot be loaded
    /// (E-RENDER-FONT, reported once per face).
    const Face* get(const page::FontFace& face, Diagnostics& diags);

private:
    SharedLibrary* library_ = nullptr;
    std::map<page::FontFace, Face> faces_;  // a null cairo face marks a failed load
};

}  // namespace galley::render
