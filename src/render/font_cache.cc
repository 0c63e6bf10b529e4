#include "render/font_cache.h"

#include <cairo-ft.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <atomic>

namespace galley::render {

// Cairo may keep a font face alive (in its font caches) after the cache is
// gone, so the FreeType library lives as long as the last face from it:
// the cache and every face hold a reference. (FT_Reference_Library cannot
// do this alone: only FT_Done_FreeType frees what FT_Init_FreeType made.)
struct SharedLibrary {
    FT_Library library = nullptr;
    std::atomic<int> references{1};
};

namespace {

void release_library(SharedLibrary* shared) {
    if (shared->references.fetch_sub(1) == 1) {
        FT_Done_FreeType(shared->library);
        delete shared;
    }
}

struct FaceOwner {
    SharedLibrary* shared;
    FT_Face face;
};

const cairo_user_data_key_t kOwnerKey{};

void release_face(void* data) {
    auto* owner = static_cast<FaceOwner*>(data);
    FT_Done_Face(owner->face);
    release_library(owner->shared);
    delete owner;
}

std::string ft_error_text(FT_Error error) {
    const char* text = FT_Error_String(error);
    return text ? text : "FreeType error " + std::to_string(error);
}

}  // namespace

FontCache::FontCache() {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) return;
    library_ = new SharedLibrary;
    library_->library = library;
}

FontCache::~FontCache() {
    for (auto& [key, face] : faces_)
        if (face.cairo) cairo_font_face_destroy(face.cairo);
    if (library_) release_library(library_);
}

const FontCache::Face* FontCache::get(const page::FontFace& key, Diagnostics& diags) {
    auto found = faces_.find(key);
    if (found != faces_.end()) return found->second.cairo ? &found->second : nullptr;
    Face& entry = faces_[key];
    auto fail = [&](const std::string& why) -> const Face* {
        diags.error("E-RENDER-FONT", {key.file, 0, 0},
                    "cannot load the font (face " + std::to_string(key.index) + "): " + why);
        return nullptr;
    };
    if (!library_) return fail("FreeType could not be initialised");
    FT_Face ft = nullptr;
    FT_Error error = FT_New_Face(library_->library, key.file.c_str(), key.index, &ft);
    if (error != 0) return fail(ft_error_text(error));
    library_->references.fetch_add(1);
    auto* owner = new FaceOwner{library_, ft};
    cairo_font_face_t* face = cairo_ft_font_face_create_for_ft_face(ft, FT_LOAD_NO_HINTING);
    if (key.synthetic_bold) cairo_ft_font_face_set_synthesize(face, CAIRO_FT_SYNTHESIZE_BOLD);
    if (cairo_font_face_set_user_data(face, &kOwnerKey, owner, release_face) != CAIRO_STATUS_SUCCESS) {
        cairo_font_face_destroy(face);
        release_face(owner);
        return fail("out of memory");
    }
    if (cairo_font_face_status(face) != CAIRO_STATUS_SUCCESS) {
        std::string why = cairo_status_to_string(cairo_font_face_status(face));
        cairo_font_face_destroy(face);
        return fail(why);
    }
    entry.cairo = face;
    entry.glyph_count = ft->num_glyphs;
    return &entry;
}

}  // namespace galley::render
