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

}  // namespace

std::optional<std::string> subset_font(std::string_view data, unsigned index, const std::set<char32_t>& codepoints) {
    if (data.size() > 0x7fffffffu) return std::nullopt;
    std::unique_ptr<hb_blob_t, BlobFree> blob(hb_blob_create_or_fail(
        data.data(), static_cast<unsigned>(data.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    if (!blob) return std::nullopt;
    std::unique_ptr<hb_face_t, FaceFree> face(hb_face_create(blob.get(), index));
    if (!face || hb_face_get_glyph_count(face.get()) == 0) return std::nullopt;
    std::unique_ptr<hb_subset_input_t, InputFree> input(hb_subset_input_create_or_fail());
    if (!input) return std::nullopt;
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (char32_t cp : codepoints) hb_set_add(unicodes, static_cast<hb_codepoint_t>(cp));
    std::unique_ptr<hb_face_t, FaceFree> result(hb_subset_or_fail(face.get(), input.get()));
    if (!result) return std::nullopt;
    std::unique_ptr<hb_blob_t, BlobFree> out(hb_face_reference_blob(result.get()));
    unsigned length = 0;
    const char* bytes = hb_blob_get_data(out.get(), &length);
    if (!bytes || length == 0) return std::nullopt;
    return std::string(bytes, length);
}

}  // namespace galley::epub
