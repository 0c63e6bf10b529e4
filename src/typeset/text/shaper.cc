#include "typeset/text/shaper.h"

#include <cairo.h>
#include <hb-ot.h>
#include <hb.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangofc-font.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "base/freetype_lock.h"
#include "fonts/font_library.h"
#include "model/language.h"
#include "typeset/text/chars.h"

namespace galley::typeset::text {
namespace {

/// Texts longer than this are shaped in pieces (cut where no cluster is split).
constexpr std::size_t kMaxShapeBytes = 2048;
/// Texts up to this length are cached (words); longer ones are not.
constexpr std::size_t kMaxCachedBytes = 256;
/// The cache is cleared between paragraphs when it grows past this.
constexpr std::size_t kMaxCacheEntries = 40000;

double from_pango(int units) { return static_cast<double>(units) / PANGO_SCALE; }

/// Capitals for `text`, with the byte in `text` each display byte came from.
void to_upper(std::string_view text, std::string& display, std::vector<std::uint32_t>& source_of) {
    display.clear();
    source_of.clear();
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        const char32_t c = next_char(text, i);
        const std::size_t before = display.size();
        if (c == 0x00DF) {
            display += "SS";
        } else {
            append_utf8(display, static_cast<char32_t>(g_unichar_toupper(static_cast<gunichar>(c))));
        }
        source_of.insert(source_of.end(), display.size() - before, static_cast<std::uint32_t>(at));
    }
    source_of.push_back(static_cast<std::uint32_t>(text.size()));
}

/// A font's vertical metrics in points, read from the HarfBuzz font Pango
/// shapes with, by Pango 1.50's own rule (pangofc-font.c, get_face_metrics):
/// ascent and descent from the horizontal extents, the underline from the
/// OpenType post table, PANGO_SCALE where the font gives 0. The same
/// numbers as pango_font_get_metrics(), without what that call does on
/// the side: it makes a cairo scaled font, so cairo 1.16's FreeType backend
/// opens the face with FT_New_Face on its process-wide FT_Library, outside
/// its lock, which crashes when another thread (the PDF drawing, librsvg)
/// opens or closes a face at the same moment. Shaping threads never touch
/// cairo this way.
struct VerticalMetrics {
    double ascent = 0, descent = 0, underline_position = 0, underline_thickness = 0;
};

VerticalMetrics vertical_metrics(PangoFont* font) {
    VerticalMetrics m;
    hb_font_t* hb = pango_font_get_hb_font(font);
    if (hb == nullptr) return m;
    hb_font_extents_t extents{};
    hb_font_get_extents_for_direction(hb, HB_DIRECTION_LTR, &extents);
    m.ascent = from_pango(extents.ascender);
    m.descent = from_pango(-extents.descender);
    hb_position_t size = 0, offset = 0;
    const bool has_size = hb_ot_metrics_get_position(hb, HB_OT_METRICS_TAG_UNDERLINE_SIZE, &size) && size != 0;
    const bool has_offset = hb_ot_metrics_get_position(hb, HB_OT_METRICS_TAG_UNDERLINE_OFFSET, &offset) && offset != 0;
    m.underline_thickness = from_pango(has_size ? size : PANGO_SCALE);
    m.underline_position = -from_pango(has_offset ? offset : -PANGO_SCALE);
    return m;
}

/// Whether `font` (null: none found) lacks a character of `text` that is
/// shown (default ignorables are not).
bool lacks_a_character(PangoFont* font, std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = next_char(text, i);
        if (is_default_ignorable(c)) continue;
        if (font == nullptr || !pango_font_has_char(font, static_cast<gunichar>(c))) return true;
    }
    return false;
}

/// Punctuation that East Asian Width calls ambiguous, and the two- and
/// three-em dashes (U+2E3A, U+2E3B: neutral there, but the long dash of
/// Chinese text): full width in Chinese and Japanese text, proportional in
/// Latin and Korean. A text face
/// that has them (Charis SIL) is first in the list, so Pango would take
/// them from it in a Chinese paragraph too.
bool is_east_asian_ambiguous_punctuation(char32_t c) {
    switch (c) {
    case 0x00B7: case 0x2014: case 0x2015: case 0x2018: case 0x2019:
    case 0x201C: case 0x201D: case 0x2025: case 0x2026: case 0x2E3A: case 0x2E3B:
        return true;
    default:
        return false;
    }
}

/// Where a Latin glyph of such punctuation stands in its full-width box,
/// as the share of the room left before it: an opening quotation mark at
/// the box's right, a closing one at its left, the rest in the middle.
double full_width_lead(char32_t c) {
    if (c == 0x2018 || c == 0x201C) return 1.0;
    if (c == 0x2019 || c == 0x201D) return 0.0;
    return 0.5;
}

/// Punctuation of Chinese and Japanese text whose box may give up half an
/// em beside another such mark: stops, commas, colons, brackets and
/// quotation marks. Whether it does depends on where its ink is
/// (compress_punctuation).
bool is_compressible_punctuation(char32_t c) {
    return c == 0x3001 || c == 0x3002 || (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301B) ||
           (c >= 0x301D && c <= 0x301F) || c == 0xFF01 || c == 0xFF08 || c == 0xFF09 || c == 0xFF0C ||
           c == 0xFF0E || c == 0xFF1A || c == 0xFF1B || c == 0xFF1F || c == 0xFF3B || c == 0xFF3D ||
           c == 0xFF5B || c == 0xFF5D || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D;
}

bool only_east_asian_ambiguous_punctuation(std::string_view text) {
    if (text.empty()) return false;
    for (std::size_t i = 0; i < text.size();)
        if (!is_east_asian_ambiguous_punctuation(next_char(text, i))) return false;
    return true;
}

}  // namespace

std::pair<std::size_t, std::size_t> Shaped::cluster_range(std::size_t begin, std::size_t end) const {
    auto lo = std::lower_bound(clusters.begin(), clusters.end(), begin,
                               [](const ShapedCluster& c, std::size_t b) { return c.byte_start < b; });
    auto hi = std::lower_bound(lo, clusters.end(), end,
                               [](const ShapedCluster& c, std::size_t b) { return c.byte_start < b; });
    return {static_cast<std::size_t>(lo - clusters.begin()), static_cast<std::size_t>(hi - clusters.begin())};
}

double Shaped::width_of(std::size_t first, std::size_t last) const {
    if (first == 0 && last == clusters.size()) return width;
    double w = 0.0;
    for (std::size_t i = first; i < last; ++i) w += clusters[i].advance;
    return w;
}

struct Shaper::Impl {
    explicit Impl(const fonts::FontLibrary& library) {
        map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
        if (map == nullptr || !PANGO_IS_FC_FONT_MAP(map)) throw std::runtime_error("Pango has no FreeType font map");
        pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), library.config());
        pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), 72.0);
        context = pango_font_map_create_context(map);
        cairo_font_options_t* options = cairo_font_options_create();
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
        pango_cairo_context_set_font_options(context, options);
        cairo_font_options_destroy(options);
        pango_cairo_context_set_resolution(context, 72.0);
        pango_context_set_round_glyph_positions(context, FALSE);
        glyphs = pango_glyph_string_new();
    }

    ~Impl() {
        for (PangoFont* f : face_fonts) g_object_unref(f);
        for (PangoAttrList* a : attrs) pango_attr_list_unref(a);
        for (PangoFontDescription* d : descriptions) pango_font_description_free(d);
        pango_glyph_string_free(glyphs);
        g_object_unref(context);
        g_object_unref(map);
    }

    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    std::uint16_t face_index(PangoFont* font) {
        if (auto it = face_of.find(font); it != face_of.end()) return it->second;
        FaceInfo info;
        if (font != nullptr && PANGO_IS_FC_FONT(font)) {
            FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
            FcChar8* file = nullptr;
            int index = 0;
            if (FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch)
                info.face.file = reinterpret_cast<const char*>(file);
            if (FcPatternGetInteger(pattern, FC_INDEX, 0, &index) == FcResultMatch) info.face.index = index & 0xFFFF;
            FcBool embolden = FcFalse;
            if (FcPatternGetBool(pattern, FC_EMBOLDEN, 0, &embolden) == FcResultMatch)
                info.face.synthetic_bold = embolden == FcTrue;
            FcChar8* family = nullptr;
            if (FcPatternGetString(pattern, FC_FAMILY, 0, &family) == FcResultMatch)
                info.family = reinterpret_cast<const char*>(family);
        }
        if (font != nullptr) {
            PangoFontDescription* d = pango_font_describe_with_absolute_size(font);
            info.size = from_pango(pango_font_description_get_size(d));
            pango_font_description_free(d);
            const VerticalMetrics m = vertical_metrics(font);
            info.ascent = m.ascent;
            info.descent = m.descent;
            g_object_ref(font);
            face_fonts.push_back(font);
        }
        faces.push_back(std::move(info));
        faces_font.push_back(font);
        const auto index = static_cast<std::uint16_t>(faces.size() - 1);
        face_of.emplace(font, index);
        return index;
    }

    /// Shapes `text` (the display text) into `out`, cluster offsets mapped
    /// through `source_of` when given.
    void shape_into(int font, std::string_view text, const std::vector<std::uint32_t>* source_of, Shaped& out) {
        pango_context_set_base_dir(context, direction == BaseDirection::right_to_left  ? PANGO_DIRECTION_RTL
                                            : direction == BaseDirection::left_to_right ? PANGO_DIRECTION_LTR
                                                                                        : PANGO_DIRECTION_WEAK_LTR);
        bool any_rtl = false;
        double pen = 0.0;
        for (std::size_t start = 0; start < text.size();) {
            std::size_t cut = text.size() - start <= kMaxShapeBytes ? text.size() - start
                                                                     : safe_cut(text.substr(start), kMaxShapeBytes);
            if (cut == 0) cut = std::min(text.size() - start, kMaxShapeBytes);  // no safe place: cut anyway
            while (start + cut < text.size() && (static_cast<unsigned char>(text[start + cut]) & 0xC0) == 0x80) ++cut;
            pen = shape_piece(font, text.substr(start, cut), start, source_of, pen, any_rtl, out);
            start += cut;
        }
        out.width = pen;
        if (any_rtl)
            std::stable_sort(out.glyphs.begin(), out.glyphs.end(),
                             [](const ShapedGlyph& a, const ShapedGlyph& b) { return a.cluster < b.cluster; });
    }

    double shape_piece(int font, std::string_view piece, std::size_t offset,
                       const std::vector<std::uint32_t>* source_of, double pen, bool& any_rtl, Shaped& out) {
        GList* logical = pango_itemize(context, piece.data(), 0, static_cast<int>(piece.size()),
                                       attrs[static_cast<std::size_t>(font)], nullptr);
        // Pens advance in visual order: items of a right-to-left level
        // (an Arabic word and the full stop after it, in two faces) come
        // right to left.
        GList* items = pango_reorder_items(logical);
        g_list_free(logical);
        for (GList* l = items; l != nullptr; l = l->next) {
            auto* item = static_cast<PangoItem*>(l->data);
            const std::string_view run = piece.substr(static_cast<std::size_t>(item->offset),
                                                      static_cast<std::size_t>(item->length));
            // East Asian punctuation: from the language's own face where
            // it has the character, else the Latin glyph in a full-width box.
            bool full_width_box = false;
            if (full_width[static_cast<std::size_t>(font)] && only_east_asian_ambiguous_punctuation(run)) {
                PangoFont* wide = east_asian_font(font);
                if (wide != nullptr && !lacks_a_character(wide, run)) {
                    if (item->analysis.font != wide) {
                        if (item->analysis.font != nullptr) g_object_unref(item->analysis.font);
                        item->analysis.font = PANGO_FONT(g_object_ref(wide));
                    }
                } else {
                    full_width_box = true;
                }
            }
            // Pango sizes the hex box it shows for a character the font
            // lacks with a cairo font, opened on cairo's shared FreeType
            // library: only under its lock (base/freetype_lock.h).
            std::unique_lock<std::mutex> shared_freetype(cairo_freetype_mutex(), std::defer_lock);
            if (lacks_a_character(item->analysis.font, run)) shared_freetype.lock();
            pango_shape_with_flags(run.data(), item->length, piece.data(), static_cast<int>(piece.size()),
                                   &item->analysis, glyphs, PANGO_SHAPE_NONE);
            if (shared_freetype.owns_lock()) shared_freetype.unlock();
            PangoFont* f = item->analysis.font != nullptr ? item->analysis.font : primary(font);
            const std::uint16_t face = face_index(f);
            if ((item->analysis.level & 1) != 0) any_rtl = true;
            for (int i = 0; i < glyphs->num_glyphs; ++i) {
                const PangoGlyphInfo& g = glyphs->glyphs[i];
                const double advance = from_pango(g.geometry.width);
                std::size_t cluster = offset + static_cast<std::size_t>(item->offset + glyphs->log_clusters[i]);
                if (source_of != nullptr) cluster = (*source_of)[cluster];
                if (g.glyph == PANGO_GLYPH_EMPTY || g.glyph == PANGO_GLYPH_INVALID_INPUT) {
                    pen += advance;
                    continue;
                }
                ShapedGlyph sg;
                sg.x = pen;
                sg.advance = static_cast<float>(advance);
                sg.dx = static_cast<float>(from_pango(g.geometry.x_offset));
                if (full_width_box) {
                    std::size_t at = static_cast<std::size_t>(item->offset + glyphs->log_clusters[i]);
                    const double em = specs[static_cast<std::size_t>(font)].size;
                    const double pad = std::max(0.0, em - advance);
                    sg.dx += static_cast<float>(full_width_lead(next_char(piece, at)) * pad);
                    sg.advance = static_cast<float>(advance + pad);
                    pen += pad;
                }
                sg.dy = static_cast<float>(from_pango(g.geometry.y_offset));
                sg.cluster = static_cast<std::uint32_t>(cluster);
                sg.face = face;
                if ((g.glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0) {
                    sg.missing = true;
                    sg.id = 0;
                    out.missing = true;
                } else {
                    sg.id = g.glyph;
                }
                out.glyphs.push_back(sg);
                pen += advance;
            }
        }
        g_list_free_full(items, reinterpret_cast<GDestroyNotify>(pango_item_free));
        return pen;
    }

    // Clusters from the glyphs' cluster values. One that would begin with a
    // combining mark, a joiner or a variation selector (HarfBuzz gives
    // marks the font has no precomposed form for clusters of their own)
    // goes with the cluster before it: tracking and letter-spacing open
    // between clusters, and pulled a headline's letters back over "é"
    // by a tracking step for each mark stacked on it.
    static void build_clusters(std::string_view text, Shaped& out) {
        const std::size_t text_size = text.size();
        out.clusters.clear();
        const auto n = static_cast<std::uint32_t>(out.glyphs.size());
        for (std::uint32_t i = 0; i < n;) {
            std::uint32_t j = i;
            double advance = 0.0;
            while (j < n && out.glyphs[j].cluster == out.glyphs[i].cluster) advance += out.glyphs[j++].advance;
            if (!out.clusters.empty() && out.glyphs[i].cluster < text_size) {
                std::size_t at = out.glyphs[i].cluster;
                if (is_continuation(next_char(text, at))) {
                    out.clusters.back().glyph_end = j;
                    out.clusters.back().advance += advance;
                    i = j;
                    continue;
                }
            }
            ShapedCluster c;
            c.byte_start = out.clusters.empty() ? 0 : out.glyphs[i].cluster;
            c.glyph_start = i;
            c.glyph_end = j;
            c.advance = advance;
            if (!out.clusters.empty()) out.clusters.back().byte_end = c.byte_start;
            out.clusters.push_back(c);
            i = j;
        }
        if (out.clusters.empty() && text_size > 0) out.clusters.push_back(ShapedCluster{0, 0, 0, 0, 0.0});
        if (!out.clusters.empty()) out.clusters.back().byte_end = static_cast<std::uint32_t>(text_size);
    }

    void shape(int font, std::string_view text, BaseDirection dir, Shaped& out) {
        direction = dir;
        if (specs[static_cast<std::size_t>(font)].uppercase) {
            to_upper(text, display, upper_map);
            shape_into(font, display, &upper_map, out);
        } else {
            shape_into(font, text, nullptr, out);
        }
        if (full_width[static_cast<std::size_t>(font)] && dir != BaseDirection::right_to_left)
            compress_punctuation(font, text, out);
        build_clusters(text, out);
    }

    /// Where the ink of `g` lies, from its pen position; nothing when the
    /// face cannot say.
    std::optional<std::pair<double, double>> ink_of(const ShapedGlyph& g) const {
        PangoFont* f = faces_font[g.face];
        hb_font_t* hb = f != nullptr && !g.missing ? pango_font_get_hb_font(f) : nullptr;
        hb_glyph_extents_t e{};
        if (hb == nullptr || !hb_font_get_glyph_extents(hb, g.id, &e)) return std::nullopt;
        const double left = g.dx + from_pango(e.x_bearing);
        return std::pair{left, left + from_pango(e.width)};
    }

    /// Two full-width marks side by side in Chinese or Japanese text ("”，",
    /// "。」", "》《") share half an em less: the first gives up the blank
    /// half after its ink when its ink is in its left half (a closing mark,
    /// a comma), else the second the blank half before its ink when that is
    /// in its right half (an opening mark). A mark set in the middle of its
    /// box (！, and brackets in some faces) keeps it whole.
    void compress_punctuation(int font, std::string_view text, Shaped& out) const {
        const double em = specs[static_cast<std::size_t>(font)].size;
        const double half = em / 2;
        constexpr double kSlack = 0.02;  // of an em
        auto mark = [&](const ShapedGlyph& g) {
            if (g.cluster >= text.size() || std::abs(g.advance - em) > 0.05 * em) return false;
            std::size_t at = g.cluster;
            return is_compressible_punctuation(next_char(text, at));
        };
        double shift = 0.0;
        bool lead = false;  // this glyph gives up its leading half
        const std::size_t n = out.glyphs.size();
        for (std::size_t i = 0; i < n; ++i) {
            ShapedGlyph& g = out.glyphs[i];
            g.x -= shift;
            if (lead) {
                g.dx -= static_cast<float>(half);
                g.advance -= static_cast<float>(half);
                shift += half;
                lead = false;
                continue;
            }
            if (i + 1 >= n || !mark(g)) continue;
            const ShapedGlyph& next = out.glyphs[i + 1];
            if (next.cluster == g.cluster || !mark(next)) continue;
            if (auto ink = ink_of(g); ink && ink->second <= half + kSlack * em) {
                g.advance -= static_cast<float>(half);
                shift += half;
            } else if (auto ink2 = ink_of(next); ink2 && ink2->first >= half - kSlack * em) {
                lead = true;
            }
        }
        out.width -= shift;
    }

    PangoFont* primary(int font) {
        auto& p = primaries[static_cast<std::size_t>(font)];
        if (p == nullptr) {
            p = pango_font_map_load_font(map, context, descriptions[static_cast<std::size_t>(font)]);
            if (p != nullptr) face_fonts.push_back(p);  // owned there
        }
        return p;
    }

    /// For a spec in Chinese or Japanese: the face of its family
    /// list that the language's letters come from, which also sets the
    /// language's ambiguous-width punctuation (full width). Null otherwise.
    PangoFont* east_asian_font(int font) {
        auto& slot = east_asian[static_cast<std::size_t>(font)];
        if (slot) return *slot;
        slot = nullptr;
        const FontSpec& spec = specs[static_cast<std::size_t>(font)];
        if (full_width[static_cast<std::size_t>(font)]) {
            constexpr gunichar kHan = 0x4E00;  // a letter of the language, to find its face
            PangoFontset* set = pango_font_map_load_fontset(map, context, descriptions[static_cast<std::size_t>(font)],
                                                            pango_language_from_string(spec.lang.c_str()));
            if (set != nullptr) {
                PangoFont* f = pango_fontset_get_font(set, kHan);
                if (f != nullptr && pango_font_has_char(f, kHan)) {
                    face_fonts.push_back(f);  // owned there
                    *slot = f;
                } else if (f != nullptr) {
                    g_object_unref(f);
                }
                g_object_unref(set);
            }
        }
        return *slot;
    }

    PangoFontMap* map = nullptr;
    PangoContext* context = nullptr;
    BaseDirection direction = BaseDirection::automatic;  ///< of the text being shaped
    PangoGlyphString* glyphs = nullptr;

    std::vector<FontSpec> specs;
    std::vector<PangoFontDescription*> descriptions;
    std::vector<PangoAttrList*> attrs;
    std::vector<PangoFont*> primaries;
    std::vector<bool> full_width;  // model::full_width_punctuation(spec.lang)
    std::vector<std::optional<PangoFont*>> east_asian;  // east_asian_font(), once looked up
    std::vector<std::optional<FontMetrics>> metrics;
    std::vector<const Shaped*> spaces;  // into the cache; reset when it is cleared

    std::vector<FaceInfo> faces;
    std::vector<PangoFont*> faces_font;  // the font of each face (a reference in face_fonts)
    std::unordered_map<PangoFont*, std::uint16_t> face_of;
    std::vector<PangoFont*> face_fonts;  // references held

    std::unordered_map<std::string, Shaped> cache;
    std::deque<Shaped> scratch;
    std::string key;
    std::string display;
    std::vector<std::uint32_t> upper_map;
    std::size_t hits = 0;
    std::size_t misses = 0;
};

Shaper::Shaper(const fonts::FontLibrary& fonts) : impl_(std::make_unique<Impl>(fonts)) {}
Shaper::~Shaper() = default;

int Shaper::intern(const FontSpec& spec) {
    for (std::size_t i = impl_->specs.size(); i-- > 0;)
        if (impl_->specs[i] == spec) return static_cast<int>(i);
    PangoFontDescription* d = pango_font_description_new();
    pango_font_description_set_family(d, spec.families.c_str());
    pango_font_description_set_weight(d, static_cast<PangoWeight>(std::clamp(spec.weight, 100, 1000)));
    pango_font_description_set_style(d, spec.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(d, spec.size * PANGO_SCALE);
    PangoAttrList* a = pango_attr_list_new();
    pango_attr_list_insert(a, pango_attr_font_desc_new(d));
    if (!spec.lang.empty()) pango_attr_list_insert(a, pango_attr_language_new(pango_language_from_string(spec.lang.c_str())));
    impl_->specs.push_back(spec);
    impl_->descriptions.push_back(d);
    impl_->attrs.push_back(a);
    impl_->primaries.push_back(nullptr);
    impl_->full_width.push_back(model::full_width_punctuation(spec.lang));
    impl_->east_asian.emplace_back();
    impl_->metrics.emplace_back();
    impl_->spaces.push_back(nullptr);
    return static_cast<int>(impl_->specs.size() - 1);
}

const FontSpec& Shaper::spec(int font) const { return impl_->specs[static_cast<std::size_t>(font)]; }

const Shaped& Shaper::shape(int font, std::string_view text, BaseDirection dir) {
    Impl& m = *impl_;
    if (text.size() <= kMaxCachedBytes) {
        m.key.assign(reinterpret_cast<const char*>(&font), sizeof font);
        m.key.push_back(static_cast<char>(dir));
        m.key.append(text);
        if (auto it = m.cache.find(m.key); it != m.cache.end()) {
            ++m.hits;
            return it->second;
        }
        ++m.misses;
        Shaped& out = m.cache[m.key];
        m.shape(font, text, dir, out);
        return out;
    }
    ++m.misses;
    Shaped& out = m.scratch.emplace_back();
    m.shape(font, text, dir, out);
    return out;
}

const Shaped& Shaper::space(int font) {
    auto& slot = impl_->spaces[static_cast<std::size_t>(font)];
    if (slot == nullptr) slot = &shape(font, " ");  // cached entries live until the cache is cleared
    return *slot;
}

Shaped Shaper::shape_once(int font, std::string_view text, BaseDirection dir) {
    ++impl_->misses;
    Shaped out;
    impl_->shape(font, text, dir, out);
    return out;
}

const FaceInfo& Shaper::face(std::uint16_t index) const { return impl_->faces[index]; }

std::uint16_t Shaper::primary_face(int font) { return impl_->face_index(impl_->primary(font)); }

void Shaper::drop_scratch() { impl_->scratch.clear(); }

const FontMetrics& Shaper::metrics(int font) {
    auto& slot = impl_->metrics[static_cast<std::size_t>(font)];
    if (slot) return *slot;
    FontMetrics fm;
    const FontSpec& spec = impl_->specs[static_cast<std::size_t>(font)];
    if (PangoFont* f = impl_->primary(font)) {
        const VerticalMetrics vm = vertical_metrics(f);
        fm.ascent = vm.ascent;
        fm.descent = vm.descent;
        fm.underline_position = vm.underline_position;
        fm.underline_thickness = vm.underline_thickness;
        hb_font_t* hb = pango_font_get_hb_font(f);
        hb_face_t* face = hb != nullptr ? hb_font_get_face(hb) : nullptr;
        if (face != nullptr) {
            hb_font_t* unscaled = hb_font_create(face);  // scale = units per em
            hb_position_t cap = 0;
            const unsigned upem = hb_face_get_upem(face);
            if (hb_ot_metrics_get_position(unscaled, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap) && cap > 0 && upem > 0)
                fm.cap_height = spec.size * static_cast<double>(cap) / upem;
            hb_position_t tallest = 0;
            for (hb_codepoint_t letter : {'b', 'd', 'f', 'h', 'k', 'l'}) {
                hb_codepoint_t glyph = 0;
                hb_glyph_extents_t extents{};
                if (hb_font_get_nominal_glyph(unscaled, letter, &glyph) &&
                    hb_font_get_glyph_extents(unscaled, glyph, &extents))
                    tallest = std::max(tallest, extents.y_bearing);
            }
            if (tallest > 0 && upem > 0) fm.ascender = spec.size * static_cast<double>(tallest) / upem;
            hb_font_destroy(unscaled);
        }
    }
    if (fm.cap_height <= 0.0) fm.cap_height = 0.7 * spec.size;
    if (fm.ascender <= 0.0) fm.ascender = fm.cap_height;
    if (fm.ascent <= 0.0) fm.ascent = 0.8 * spec.size;
    if (fm.descent <= 0.0) fm.descent = 0.2 * spec.size;
    if (fm.underline_thickness <= 0.0) fm.underline_thickness = 0.05 * spec.size;
    if (fm.underline_position <= 0.0) fm.underline_position = 0.1 * spec.size;
    fm.space = shape(font, " ").width;
    if (fm.space <= 0.0) fm.space = 0.25 * spec.size;
    slot = fm;
    return *slot;
}

void Shaper::end_paragraph() {
    impl_->scratch.clear();
    if (impl_->cache.size() > kMaxCacheEntries) {
        impl_->cache.clear();
        std::fill(impl_->spaces.begin(), impl_->spaces.end(), nullptr);
    }
}

std::size_t Shaper::cache_hits() const { return impl_->hits; }
std::size_t Shaper::cache_misses() const { return impl_->misses; }

}  // namespace galley::typeset::text
