// Where a shaped Arabic word takes its kashida (typeset/text/kashida.h),
// on real shaping: the bundled text face has no Arabic, so the words come
// from the fallback face, as they do in the editions.
#include "typeset/text/kashida.h"

#include <doctest/doctest.h>

#include <limits>
#include <string>

#include "typeset/text/set_text_checks.h"

namespace galley::test {
namespace {

using typeset::text::BaseDirection;
using typeset::text::FontSpec;
using typeset::text::kashida_place;
using typeset::text::kTatweelText;
using typeset::text::Shaped;
using typeset::text::Shaper;

/// The left and right edges of cluster `c`'s letters (glyphs that advance).
std::pair<double, double> cluster_edges(const Shaped& s, std::size_t c) {
    double left = std::numeric_limits<double>::infinity(), right = -left;
    for (std::uint32_t g = s.clusters[c].glyph_start; g < s.clusters[c].glyph_end; ++g) {
        if (!(s.glyphs[g].advance > 0.0f)) continue;
        left = std::min(left, s.glyphs[g].x);
        right = std::max(right, s.glyphs[g].x + static_cast<double>(s.glyphs[g].advance));
    }
    return {left, right};
}

TEST_CASE("a shaped Arabic word takes its kashida where its two letters meet") {
    Shaper shaper(font_library());
    const int font = shaper.intern(FontSpec{"Charis SIL", 400, false, 9.5, "ar", false});
    const Shaped& tatweel = shaper.shape(font, kTatweelText);
    REQUIRE(tatweel.glyphs.size() == 1);
    CHECK(!tatweel.missing);

    SUBCASE("before the last letter: between jeem and beh of \"by virtue of\"") {
        const std::string word = "بموجب";
        const Shaped& s = shaper.shape(font, word, BaseDirection::right_to_left);
        REQUIRE(s.clusters.size() == 5);
        const auto place = kashida_place(word, s, tatweel);
        REQUIRE(place.has_value());
        CHECK(place->cluster == 4);
        // Read right to left, the last letter is the leftmost: the kashida
        // goes at its right edge, the left edge of the jeem.
        CHECK(place->x == doctest::Approx(cluster_edges(s, 4).second));
        CHECK(place->x == doctest::Approx(cluster_edges(s, 3).first));
    }
    SUBCASE("a full stop after the word stays at its left, outside the kashida") {
        const std::string word = "الحرية.";
        const Shaped& s = shaper.shape(font, word, BaseDirection::right_to_left);
        const auto place = kashida_place(word, s, tatweel);
        REQUIRE(place.has_value());
        CHECK(s.clusters[place->cluster].byte_start == 10);  // the teh marbuta
        CHECK(place->x == doctest::Approx(cluster_edges(s, place->cluster).second));
        CHECK(place->x > cluster_edges(s, place->cluster + 1).second - 1e-6);  // the stop, further left
    }
    SUBCASE("no place in lam-alef, nor in letters that join only to the right") {
        for (const std::string word : {"لا", "دار", "و"}) {
            CAPTURE(word);
            CHECK(!kashida_place(word, shaper.shape(font, word, BaseDirection::right_to_left), tatweel));
        }
    }
    SUBCASE("none when the tatweel comes from another face, or the letters leave the baseline") {
        const std::string word = "بموجب";
        const Shaped& s = shaper.shape(font, word, BaseDirection::right_to_left);
        Shaped elsewhere = tatweel;
        elsewhere.glyphs.front().face = static_cast<std::uint16_t>(elsewhere.glyphs.front().face + 1);
        CHECK(!kashida_place(word, s, elsewhere));
        Shaped raised = s;
        for (std::uint32_t g = raised.clusters[3].glyph_start; g < raised.clusters[3].glyph_end; ++g)
            raised.glyphs[g].dy = -1.0f;
        CHECK(!kashida_place(word, raised, tatweel));
        Shaped missing = tatweel;
        missing.missing = true;
        CHECK(!kashida_place(word, s, missing));
    }
}

}  // namespace
}  // namespace galley::test
