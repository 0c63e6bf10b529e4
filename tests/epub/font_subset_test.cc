// Font subsets keep what a shaper draws for the text: shaped with HarfBuzz,
// the subset of a face gives no missing glyph where the whole face gives
// none.
#include "epub/font_subset.h"

#include <doctest/doctest.h>
#include <hb.h>

#include <set>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "support/test_support.h"

namespace galley::test {
namespace {

std::set<char32_t> utf8_codepoints(const std::string& s) {
    std::set<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const utf8::Decoded d = utf8::decode(s, i);
        REQUIRE(d.length > 0);
        out.insert(d.code_point);
        i += d.length;
    }
    return out;
}

/// Glyph ids HarfBuzz shapes `text` into with the font file `font`.
std::vector<hb_codepoint_t> shaped_glyphs(const std::string& font, const std::string& text) {
    hb_blob_t* blob = hb_blob_create(font.data(), static_cast<unsigned>(font.size()), HB_MEMORY_MODE_READONLY,
                                     nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_t* hb = hb_font_create(face);
    hb_buffer_t* buf = hb_buffer_create();
    hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()), 0, -1);
    hb_buffer_guess_segment_properties(buf);
    hb_shape(hb, buf, nullptr, 0);
    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
    std::vector<hb_codepoint_t> out;
    for (unsigned i = 0; i < n; ++i) out.push_back(info[i].codepoint);
    hb_buffer_destroy(buf);
    hb_font_destroy(hb);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return out;
}

void check_subset_draws(const std::string& file, const std::string& text) {
    CAPTURE(file);
    CAPTURE(text);
    const std::string whole = read_file(source_dir() / "fonts" / file);
    const std::optional<std::string> subset = epub::subset_font(whole, 0, utf8_codepoints(text));
    REQUIRE(subset.has_value());
    CHECK(subset->size() < whole.size() / 4);
    for (hb_codepoint_t g : shaped_glyphs(whole, text)) REQUIRE(g != 0);  // the face draws it
    for (hb_codepoint_t g : shaped_glyphs(*subset, text)) CHECK(g != 0);
}

}  // namespace

TEST_CASE("font subset: Thai SARA AM and Lao AM keep the two glyphs a shaper splits them into") {
    // UDHR in Thai, preamble: "ประจำตัว"; HarfBuzz draws SARA AM as NIKHAHIT
    // and SARA AA, which the text may not hold on their own.
    check_subset_draws("noto-thai/NotoSerifThai-Regular.ttf", "ประจำตัว");
    check_subset_draws("noto-thai/NotoSansThai-Bold.ttf", "สำคัญ");
}

TEST_CASE("font subset: a Khmer split vowel keeps its pre-base part") {
    // "កើត" holds U+17BE, drawn as U+17C1 before the consonant and the rest
    // after it, with no U+17C1 of its own in the text.
    check_subset_draws("noto-khmer/NotoSerifKhmer-Regular.ttf", "កើត");
    check_subset_draws("noto-khmer/NotoSansKhmer-Regular.ttf", "ចៅ ព្រឿង");
}

TEST_CASE("font subset: the characters a shaper may draw instead are kept beside the text's own") {
    const std::string whole = read_file(source_dir() / "fonts" / "dejavu" / "DejaVuSerif.ttf");
    // A bracket's mirror image (right-to-left text draws it), a composed
    // letter's parts, the hyphen for a non-breaking hyphen.
    const std::optional<std::string> subset = epub::subset_font(whole, 0, {U'(', U'\u00E9', U'\u2011'});
    REQUIRE(subset.has_value());
    hb_blob_t* blob = hb_blob_create(subset->data(), static_cast<unsigned>(subset->size()), HB_MEMORY_MODE_READONLY,
                                     nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_set_t* set = hb_set_create();
    hb_face_collect_unicodes(face, set);
    for (hb_codepoint_t cp : {0x28u, 0x29u, 0xE9u, 0x65u, 0x301u, 0x2011u, 0x2010u, 0x2Du}) {
        CAPTURE(cp);
        CHECK(hb_set_has(set, cp));
    }
    CHECK(hb_set_get_population(set) <= 12);
    hb_set_destroy(set);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
}

}  // namespace galley::test
