#include "epub/font_subset.h"

#include <hb-subset.h>
#include <hb.h>

#include <memory>
#include <vector>

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

/// Adds to `unicodes` the characters a shaper may draw in place of, or
/// beside, those it holds, so that their glyphs stay in the subset (hb-subset
/// follows the font's layout tables, not the shaper's own rewriting):
///  - canonical decompositions, all the way down (a reading system's
///    shaper decomposes a character the font draws only in parts, such as
///    split vowel signs);
///  - HarfBuzz's own decompositions: Thai SARA AM and Lao AM into NIKHAHIT
///    (NIGGAHITA) and SARA AA (AA), Khmer split vowels into their pre-base
///    part, the non-breaking hyphen into the hyphen;
///  - bidi mirror images, which right-to-left text draws for brackets.
/// Without the Thai ones, "ประจำตัว" showed in a reading system with a hole
/// where "จำ" was.
void add_shaping_closure(hb_set_t* unicodes) {
    hb_unicode_funcs_t* ufuncs = hb_unicode_funcs_get_default();
    std::vector<hb_codepoint_t> work;
    for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(unicodes, &cp);) work.push_back(cp);
    auto add = [&](hb_codepoint_t cp) {
        if (cp == 0 || hb_set_has(unicodes, cp)) return;
        hb_set_add(unicodes, cp);
        work.push_back(cp);
    };
    while (!work.empty()) {
        const hb_codepoint_t cp = work.back();
        work.pop_back();
        hb_codepoint_t a = 0, b = 0;
        if (hb_unicode_decompose(ufuncs, cp, &a, &b)) {
            add(a);
            add(b);
        }
        add(hb_unicode_mirroring(ufuncs, cp));
        switch (cp) {
        case 0x0E33: add(0x0E4D); add(0x0E32); break;  // Thai SARA AM
        case 0x0EB3: add(0x0ECD); add(0x0EB2); break;  // Lao AM
        case 0x17BE: case 0x17BF: case 0x17C0: case 0x17C4: case 0x17C5: add(0x17C1); break;  // Khmer split vowels
        case 0x2011: add(0x2010); add(0x002D); break;  // non-breaking hyphen
        default: break;
        }
    }
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
        add_shaping_closure(unicodes);
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
