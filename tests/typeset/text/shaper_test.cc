// The Shaper's font metrics come from HarfBuzz, not from
// pango_font_get_metrics (which would open the face through cairo's
// FreeType backend, unsafe beside other threads): they must still be
// exactly Pango's, or every baseline would move.
#include "typeset/text/shaper.h"

#include <doctest/doctest.h>

#include <dlfcn.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <atomic>
#include <tuple>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/freetype_lock.h"
#include "typeset/text/set_text_checks.h"

// Counts the cairo scaled fonts made in this test program: this definition
// comes before cairo's for every caller (pangocairo's too) and hands on to
// cairo's own.
namespace {
std::atomic<int> g_scaled_fonts_made{0};
}  // namespace

extern "C" __attribute__((visibility("default"))) cairo_scaled_font_t* cairo_scaled_font_create(
    cairo_font_face_t* face, const cairo_matrix_t* font_matrix, const cairo_matrix_t* ctm,
    const cairo_font_options_t* options) {
    using Create = cairo_scaled_font_t* (*)(cairo_font_face_t*, const cairo_matrix_t*, const cairo_matrix_t*,
                                            const cairo_font_options_t*);
    static const auto real = reinterpret_cast<Create>(dlsym(RTLD_NEXT, "cairo_scaled_font_create"));
    ++g_scaled_fonts_made;
    return real(face, font_matrix, ctm, options);
}

namespace galley::test {
namespace {

using typeset::text::FontMetrics;
using typeset::text::FontSpec;
using typeset::text::Shaper;

/// Pango's own metrics for `spec`, from a font map set up as the Shaper's.
FontMetrics pango_metrics(const FontSpec& spec) {
    PangoFontMap* map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    REQUIRE(map != nullptr);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), font_library().config());
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), 72.0);
    PangoContext* context = pango_font_map_create_context(map);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_cairo_context_set_resolution(context, 72.0);
    PangoFontDescription* d = pango_font_description_new();
    pango_font_description_set_family(d, spec.families.c_str());
    pango_font_description_set_weight(d, static_cast<PangoWeight>(spec.weight));
    pango_font_description_set_style(d, spec.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(d, spec.size * PANGO_SCALE);
    PangoFont* font = pango_font_map_load_font(map, context, d);
    REQUIRE(font != nullptr);
    PangoFontMetrics* m = pango_font_get_metrics(font, nullptr);
    FontMetrics out;
    auto pt = [](int units) { return static_cast<double>(units) / PANGO_SCALE; };
    out.ascent = pt(pango_font_metrics_get_ascent(m));
    out.descent = pt(pango_font_metrics_get_descent(m));
    out.underline_position = -pt(pango_font_metrics_get_underline_position(m));
    out.underline_thickness = pt(pango_font_metrics_get_underline_thickness(m));
    pango_font_metrics_unref(m);
    g_object_unref(font);
    pango_font_description_free(d);
    g_object_unref(context);
    g_object_unref(map);
    return out;
}

/// Every face the bundled layouts use, at sizes from captions to headlines.
std::vector<FontSpec> bundled_faces() {
    std::vector<FontSpec> specs;
    const std::vector<std::pair<std::string, std::vector<std::pair<int, bool>>>> families{
        {"Charis SIL", {{400, false}, {400, true}, {700, false}, {700, true}}},
        {"Noto Serif Display", {{400, false}, {400, true}, {700, false}, {900, false}}},
        {"Lato", {{400, false}, {400, true}, {700, false}, {900, false}}},
        {"DejaVu Serif", {{400, false}, {700, false}}},
        {"DejaVu Sans", {{400, false}, {400, true}, {700, false}}},
        {"Noto Serif Khmer", {{400, false}, {700, false}}},
        {"Noto Sans Khmer", {{400, false}}},
    };
    for (const auto& [family, styles] : families)
        for (const auto& [weight, italic] : styles)
            for (double size : {6.5, 9.5, 10.5, 36.0, 54.0})
                specs.push_back(FontSpec{family, weight, italic, size, "en", false});
    return specs;
}

void check_same(const FontMetrics& ours, const FontMetrics& pango) {
    CHECK(ours.ascent == pango.ascent);
    CHECK(ours.descent == pango.descent);
    CHECK(ours.underline_position == pango.underline_position);
    CHECK(ours.underline_thickness == pango.underline_thickness);
}

}  // namespace

TEST_CASE("the Shaper's ascent, descent and underline are Pango's own, for every bundled face") {
    Shaper shaper(font_library());
    for (const FontSpec& spec : bundled_faces()) {
        CAPTURE(spec.families);
        CAPTURE(spec.weight);
        CAPTURE(spec.italic);
        CAPTURE(spec.size);
        const FontMetrics& ours = shaper.metrics(shaper.intern(spec));
        check_same(ours, pango_metrics(spec));
        const typeset::text::FaceInfo& face = shaper.face(shaper.primary_face(shaper.intern(spec)));
        CHECK(face.ascent == ours.ascent);
        CHECK(face.descent == ours.descent);
    }
}

TEST_CASE("shaping makes no cairo scaled font (cairo would open the face on its shared FT_Library)") {
    // The check itself: Pango's metrics call does make one.
    const int before_pango = g_scaled_fonts_made.load();
    pango_metrics(FontSpec{"Charis SIL", 400, false, 9.5, "en", false});
    REQUIRE(g_scaled_fonts_made.load() > before_pango);

    const int before = g_scaled_fonts_made.load();
    Shaper shaper(font_library());
    for (const FontSpec& spec : bundled_faces()) {
        const int font = shaper.intern(spec);
        shaper.metrics(font);
        shaper.face(shaper.primary_face(font));
        shaper.shape(font, "Kratie ក្រចេះ office ﬃ 2008 \u00AD\u200B");
        shaper.end_paragraph();
    }
    // Chinese looks up the face of its letters for its punctuation.
    FontSpec zh = bundled_faces().front();
    zh.lang = "zh-Hans";
    shaper.shape(shaper.intern(zh), "\u4EBA\u201C\u4EBA\u201D\u2026");
    CHECK(g_scaled_fonts_made.load() == before);
}

TEST_CASE("text with a character no font has is shaped only under cairo_freetype_mutex()") {
    // Pango sizes the hex box for such a character with a cairo font.
    Shaper shaper(font_library());
    const int font = shaper.intern(FontSpec{"Charis SIL", 400, false, 9.5, "en", false});
    shaper.metrics(font);
    std::atomic<bool> done{false};
    bool missing = false;
    std::unique_lock<std::mutex> held(cairo_freetype_mutex());
    std::thread t([&] {
        missing = shaper.shape(font, "a \U0001F600 \u0378 b").missing;
        done = true;
    });
    // While this thread holds the lock the shaping cannot finish; had it
    // not waited for the lock, it would be over long before this.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK_FALSE(done.load());
    held.unlock();
    t.join();
    CHECK(done.load());
    CHECK(missing);
}

TEST_CASE("Shapers on four threads at once give the metrics one Shaper gives alone") {
    const std::vector<FontSpec> specs = bundled_faces();
    std::vector<FontMetrics> alone;
    {
        Shaper shaper(font_library());
        for (const FontSpec& spec : specs) alone.push_back(shaper.metrics(shaper.intern(spec)));
    }
    std::vector<std::vector<FontMetrics>> each(4);
    std::vector<std::thread> threads;
    for (auto& out : each)
        threads.emplace_back([&specs, &out] {
            Shaper shaper(font_library());
            for (const FontSpec& spec : specs) {
                out.push_back(shaper.metrics(shaper.intern(spec)));
                shaper.shape(shaper.intern(spec), "Kratie ក្រចេះ");
            }
        });
    for (std::thread& t : threads) t.join();
    for (const auto& out : each) {
        REQUIRE(out.size() == alone.size());
        for (std::size_t i = 0; i < out.size(); ++i) check_same(out[i], alone[i]);
    }
}

TEST_CASE("a full stop after an Arabic word stands on the side the paragraph's direction puts it") {
    // Charis SIL has no Arabic: the word comes from a fallback face, the
    // stop from Charis, two Pango items laid out in visual order.
    using typeset::text::BaseDirection;
    Shaper shaper(font_library());
    const int font = shaper.intern(FontSpec{"Charis SIL", 400, false, 9.5, "ar", false});
    const std::string word = "\u0627\u0644\u0639\u0627\u0644\u0645";  // "the world"
    const std::string text = word + ".";
    auto stop_and_letters = [&](BaseDirection dir) {
        const typeset::text::Shaped& s = shaper.shape(font, text, dir);
        double stop = -1, left = 1e9, right = -1e9;
        for (const auto& g : s.glyphs) {
            if (g.cluster == word.size()) {
                stop = g.x;
            } else {
                left = std::min(left, g.x);
                right = std::max(right, g.x + g.advance);
            }
        }
        REQUIRE(stop >= 0);
        CHECK(s.width == doctest::Approx(right - left + shaper.shape(font, ".").width));
        return std::tuple{stop, left, right};
    };
    const auto [rtl_stop, rtl_left, rtl_right] = stop_and_letters(BaseDirection::right_to_left);
    CHECK(rtl_stop < rtl_left);  // read right to left, the stop comes after the word
    const auto [ltr_stop, ltr_left, ltr_right] = stop_and_letters(BaseDirection::left_to_right);
    CHECK(ltr_stop >= ltr_right - 1e-6);  // an Arabic word quoted at the end of an English sentence
    // The same text in two directions is cached apart.
    CHECK(&shaper.shape(font, text, BaseDirection::right_to_left) != &shaper.shape(font, text, BaseDirection::left_to_right));
}

/// The folder of a font installed on the system (a Debian test package),
/// found through the system's fontconfig.
std::filesystem::path system_font_folder(const char* family, const char* package) {
    FcConfig* system = FcInitLoadConfigAndFonts();
    REQUIRE(system != nullptr);
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(family));
    FcObjectSet* file = FcObjectSetBuild(FC_FILE, FC_FAMILY, nullptr);
    FcFontSet* found = FcFontList(system, pattern, file);
    std::filesystem::path folder;
    if (found != nullptr && found->nfont > 0) {
        FcChar8* f = nullptr;
        if (FcPatternGetString(found->fonts[0], FC_FILE, 0, &f) == FcResultMatch)
            folder = std::filesystem::path(reinterpret_cast<const char*>(f)).parent_path();
    }
    if (found != nullptr) FcFontSetDestroy(found);
    FcObjectSetDestroy(file);
    FcPatternDestroy(pattern);
    FcConfigDestroy(system);
    INFO(family << " is not installed: apt-get install " << package << " (.ci/debian-packages-test.txt)");
    REQUIRE(!folder.empty());
    return folder;
}

TEST_CASE("the CJK face's own quotation marks, dashes and ellipses set Chinese text, though a Latin face comes first") {
    // The bundled WenQuanYi Micro Hei draws them full width. Latin and
    // Korean text keep Charis SIL's, proportional.
    Shaper shaper(font_library());
    const std::string families = "Charis SIL, WenQuanYi Micro Hei";
    const double size = 10.0;
    const int en = shaper.intern(FontSpec{families, 400, false, size, "en", false});
    const std::string text = "\u201C\u7B2C\u4E00\u201D\u2014\u2026";  // "first"
    for (const char* lang : {"zh-Hans", "zh-Hant", "ja"}) {
        CAPTURE(lang);
        const int zh = shaper.intern(FontSpec{families, 400, false, size, lang, false});
        const typeset::text::Shaped& s = shaper.shape(zh, text);
        REQUIRE(s.glyphs.size() == 6);
        for (const auto& g : s.glyphs) {
            CHECK(shaper.face(g.face).family == "WenQuanYi Micro Hei");
            CHECK(g.advance == doctest::Approx(size));
            CHECK(g.dx == doctest::Approx(0.0));
        }
        // A Latin word with its apostrophe keeps it proportional.
        CHECK(shaper.shape(zh, "Penh\u2019s").width == doctest::Approx(shaper.shape(en, "Penh\u2019s").width));
    }
    const typeset::text::Shaped& e = shaper.shape(en, "\u201Cfirst\u201D");
    CHECK(shaper.face(e.glyphs.front().face).family == "Charis SIL");
    CHECK(shaper.face(e.glyphs.back().face).family == "Charis SIL");
    const int ko = shaper.intern(FontSpec{families, 400, false, size, "ko", false});
    const typeset::text::Shaped& k = shaper.shape(ko, "\u201C\uC778\uAD8C\u201D");  // "human rights"
    CHECK(shaper.face(k.glyphs.front().face).family == "Charis SIL");
    CHECK(shaper.face(k.glyphs[1].face).family == "WenQuanYi Micro Hei");  // Hangul
    CHECK(!k.missing);
}

TEST_CASE("bold Chinese is drawn emboldened from the regular CJK face, Latin bold from its bold face") {
    // WenQuanYi Micro Hei has no bold: a bold headline's ideographs come
    // from its one face, marked for synthetic bold, with its advances.
    Shaper shaper(font_library());
    const std::string families = "Noto Serif Display, WenQuanYi Micro Hei";
    const int bold = shaper.intern(FontSpec{families, 700, false, 20.0, "zh-Hans", false});
    const int regular = shaper.intern(FontSpec{families, 400, false, 20.0, "zh-Hans", false});
    const std::string text = "\u4E16\u754C\u4EBA\u6743";  // "world human rights"
    const typeset::text::Shaped& b = shaper.shape(bold, text);
    const typeset::text::Shaped& r = shaper.shape(regular, text);
    REQUIRE(b.glyphs.size() == 4);
    REQUIRE(r.glyphs.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(shaper.face(b.glyphs[i].face).family == "WenQuanYi Micro Hei");
        CHECK(shaper.face(b.glyphs[i].face).face.synthetic_bold);
        CHECK_FALSE(shaper.face(r.glyphs[i].face).face.synthetic_bold);
        CHECK(shaper.face(b.glyphs[i].face).face.file == shaper.face(r.glyphs[i].face).face.file);
        CHECK(b.glyphs[i].id == r.glyphs[i].id);
        CHECK(b.glyphs[i].advance == doctest::Approx(r.glyphs[i].advance));
    }
    const typeset::text::Shaped& latin = shaper.shape(bold, "Rights");
    CHECK(shaper.face(latin.glyphs.front().face).face.file.find("NotoSerifDisplay-Bold") != std::string::npos);
    CHECK_FALSE(shaper.face(latin.glyphs.front().face).face.synthetic_bold);
}

TEST_CASE("two full-width marks side by side share half an em less, by where their ink is") {
    Shaper shaper(font_library());
    const double em = 10.0;
    const std::string families = "Charis SIL, WenQuanYi Micro Hei";
    for (const char* lang : {"zh-Hans", "ja"}) {
        CAPTURE(lang);
        const int zh = shaper.intern(FontSpec{families, 400, false, em, lang, false});
        auto width = [&](const std::string& t) { return shaper.shape(zh, t).width; };
        // A closing mark before a comma gives up the blank after its ink.
        const typeset::text::Shaped& s = shaper.shape(zh, "\u5FC3\u201D\uFF0C\u5E76");  // 心”，并
        REQUIRE(s.glyphs.size() == 4);
        CHECK(s.glyphs[1].advance == doctest::Approx(em / 2));
        CHECK(s.glyphs[2].x == doctest::Approx(1.5 * em));
        CHECK(s.glyphs[2].advance == doctest::Approx(em));
        CHECK(s.glyphs[3].x == doctest::Approx(2.5 * em));
        CHECK(s.width == doctest::Approx(3.5 * em));
        CHECK(s.clusters[1].advance == doctest::Approx(em / 2));
        CHECK(width("\u3002\u300A") == doctest::Approx(1.5 * em));  // 。《
        // Two opening marks: the second gives up the blank before its ink.
        const typeset::text::Shaped& o = shaper.shape(zh, "\u201C\u300A\u4E00");  // “《一
        REQUIRE(o.glyphs.size() == 3);
        CHECK(o.glyphs[0].advance == doctest::Approx(em));
        CHECK(o.glyphs[1].dx == doctest::Approx(-em / 2));
        CHECK(o.glyphs[2].x == doctest::Approx(1.5 * em));
        // Marks inked across the middle of their box keep it whole.
        CHECK(width("\uFF1F\uFF01") == doctest::Approx(2 * em));  // ？！
        // A mark beside a letter, and a lone mark, keep theirs.
        CHECK(width("\u4E00\uFF0C\u4E00") == doctest::Approx(3 * em));
    }
    const int en = shaper.intern(FontSpec{families, 400, false, em, "en", false});
    const typeset::text::Shaped& e = shaper.shape(en, "\u201Cfirst.\u201D");
    CHECK(e.glyphs.back().dx == doctest::Approx(0.0));
}

TEST_CASE("a CJK face without those marks: the Latin face's stand in full-width boxes in Chinese text") {
    // Droid Sans Fallback (Debian fonts-droid-fallback, a test package)
    // has the ideographs but none of these marks, as a publisher's own
    // CJK face may lack them. Each comes from Charis SIL in a box one em
    // wide: an opening mark at the box's right, a closing one at its left,
    // the others in the middle.
    Diagnostics diags;
    auto library = fonts::FontLibrary::open(
        {data_dir() / "fonts" / "charis-sil", system_font_folder("Droid Sans Fallback", "fonts-droid-fallback")},
        diags);
    REQUIRE(library != nullptr);
    Shaper shaper(*library);
    const std::string families = "Charis SIL, Droid Sans Fallback";
    const double size = 10.0;
    const int latin = shaper.intern(FontSpec{families, 400, false, size, "en", false});
    const std::string open = "\u201C", close = "\u201D", han = "\u7B2C\u4E00";  // "first"
    const double natural = shaper.shape(latin, open).width;
    REQUIRE(natural > 0.5);
    REQUIRE(natural < 0.6 * size);
    for (const char* lang : {"zh-Hans", "ja"}) {
        CAPTURE(lang);
        const int font = shaper.intern(FontSpec{families, 400, false, size, lang, false});
        const typeset::text::Shaped& s = shaper.shape(font, open + han + close);
        REQUIRE(s.glyphs.size() == 4);
        const auto& o = s.glyphs.front();
        const auto& c = s.glyphs.back();
        CHECK(shaper.face(o.face).family == "Charis SIL");
        CHECK(shaper.face(s.glyphs[1].face).family == "Droid Sans Fallback");
        CHECK(o.advance == doctest::Approx(size));
        CHECK(c.advance == doctest::Approx(size));
        CHECK(o.dx == doctest::Approx(size - natural).epsilon(1e-4));  // the mark at the box's right
        CHECK(c.dx == doctest::Approx(0.0));
        CHECK(s.glyphs[1].x == doctest::Approx(size));
        CHECK(s.width == doctest::Approx(4 * size));
        CHECK(s.clusters.size() == 4);
        // Two em dashes and two ellipses: at least an em each.
        CHECK(shaper.shape(font, "\u2014\u2014\u2026\u2026").width >= 4 * size - 1e-6);
    }
    const typeset::text::Shaped& en = shaper.shape(latin, open + "first" + close);
    CHECK(en.glyphs.front().advance == doctest::Approx(natural));
    CHECK(en.glyphs.front().dx == doctest::Approx(0.0));
}

}  // namespace galley::test
