#include "epub/font_subset.h"

#include <hb-subset.h>
#include <hb.h>

#include <memory>

namespace galley::epub {
namespace {

struct BlobFree {
    void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct FaceFree {
    void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct InputFree {
    void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};

/// Face `index` of `data` through hb-subset, with `fill` choosing what is kept.
template <typename Fill>
std::optional<std::string> run_subset(std::string_view data, unsigned index, Fill fill) {
    if (data.size() > 0x7fffffffu) return std::nullopt;
    std::unique_ptr<hb_blob_t, BlobFree> blob(hb_blob_create_or_fail(
        data.data(), static_cast<unsigned>(data.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    if (!blob) return std::nullopt;
    std::unique_ptr<hb_face_t, FaceFree> face(hb_face_create(blob.get(), index));
    if (!face || hb_face_get_glyph_count(face.get()) == 0) return std::nullopt;
    std::unique_ptr<hb_subset_input_t, InputFree> input(hb_subset_input_create_or_fail());
    if (!input) return std::nullopt;
    fill(face.get(), input.get());
    std::unique_ptr<hb_face_t, FaceFree> result(hb_subset_or_fail(face.get(), input.get()));
    if (!result) return std::nullopt;
    std::unique_ptr<hb_blob_t, BlobFree> out(hb_face_reference_blob(result.get()));
    unsigned length = 0;
    const char* bytes = hb_blob_get_data(out.get(), &length);
    if (!bytes || length == 0) return std::nullopt;
    return std::string(bytes, length);
}

/// Makes `set` hold everything.
void all(hb_set_t* set) {
    hb_set_clear(set);
    hb_set_invert(set);
}

}  // namespace

std::optional<std::string> subset_font(std::string_view data, unsigned index, const std::set<char32_t>& codepoints) {
    return run_subset(data, index, [&](hb_face_t*, hb_subset_input_t* input) {
        hb_set_t* unicodes = hb_subset_input_unicode_set(input);
        for (char32_t cp : codepoints) hb_set_add(unicodes, static_cast<hb_codepoint_t>(cp));
    });
}

std::optional<std::string> whole_face(std::string_view data, unsigned index) {
    return run_subset(data, index, [](hb_face_t* face, hb_subset_input_t* input) {
        hb_face_collect_unicodes(face, hb_subset_input_unicode_set(input));
        hb_set_add_range(hb_subset_input_glyph_set(input), 0, hb_face_get_glyph_count(face) - 1);
        all(hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
        all(hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_SCRIPT_TAG));
        all(hb_subset_input_set(input, HB_SUBSET_SETS_NAME_ID));
        all(hb_subset_input_set(input, HB_SUBSET_SETS_NAME_LANG_ID));
    });
}

}  // namespace galley::epub
