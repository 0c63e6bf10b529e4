// Shaping: the only place Pango, HarfBuzz and Cairo font types appear.
//
// A Shaper turns a short text in one FontSpec into positioned glyphs with
// their cluster mapping, at 72 dpi (1 unit = 1 pt) with hinting and metric
// hinting off and unrounded positions, so results are the same everywhere.
// Fonts come only from the pinned FontLibrary; Pango picks fallback faces
// for characters the first family lacks (Khmer in a Latin face). In
// Chinese and Japanese text, quotation marks, dashes, the ellipsis
// and the middle dot come from the face that sets the language's letters
// (full width), not from a Latin face earlier in the list.
//
//   shape(font, text)
//     uppercase styles: text mapped to capitals, clusters mapped back, so
//       glyph runs still carry the text as written
//     long texts cut at cluster-safe points (kMaxShapeBytes) and shaped in
//       pieces (bounded cost for pathological input)
//     pango_itemize in the paragraph's base direction -> items in visual
//       order (pango_reorder_items) -> per item pango_shape_with_flags (no
//       rounding), so a full stop after an Arabic word in an Arabic
//       paragraph stands at its left even in another face
//     glyphs in logical order, each with its pen position; clusters
//   results cached per (font, direction, text) for short texts (words)
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "page/page.h"
#include "typeset/text/run_style.h"

namespace galley::fonts {
class FontLibrary;
}

namespace galley::typeset::text {

struct ShapedGlyph {
    double x = 0.0;            ///< pen position from the start of the text
    float advance = 0.0f;
    float dx = 0.0f;           ///< offset from the pen position
    float dy = 0.0f;           ///< (y down)
    std::uint32_t id = 0;      ///< glyph index in its face; 0 (.notdef) when missing
    std::uint32_t cluster = 0; ///< byte offset of its cluster in the shaped text
    std::uint16_t face = 0;    ///< Shaper::face()
    bool missing = false;      ///< the face has no glyph for the character
};

/// Characters [byte_start, byte_end) drawn by glyphs [glyph_start, glyph_end)
/// (possibly none, for default-ignorable characters).
struct ShapedCluster {
    std::uint32_t byte_start = 0;
    std::uint32_t byte_end = 0;
    std::uint32_t glyph_start = 0;
    std::uint32_t glyph_end = 0;
    double advance = 0.0;
};

struct Shaped {
    std::vector<ShapedGlyph> glyphs;     ///< logical order
    std::vector<ShapedCluster> clusters; ///< logical order, covering the text
    double width = 0.0;
    bool missing = false;

    /// Clusters whose first byte lies in [begin, end): [first, last).
    std::pair<std::size_t, std::size_t> cluster_range(std::size_t begin, std::size_t end) const;
    /// Width of clusters [first, last).
    double width_of(std::size_t first, std::size_t last) const;
};

/// A face at a size, as glyphs refer to it.
struct FaceInfo {
    page::FontFace face;
    double size = 0.0;
    double ascent = 0.0;   ///< positive
    double descent = 0.0;  ///< positive
    std::string family;
};

/// Metrics of a FontSpec's first face.
struct FontMetrics {
    double ascent = 0.0;
    double descent = 0.0;
    double cap_height = 0.0;
    /// How far the tallest of b, d, f, h, k, l rises above the baseline: the
    /// ink of a line of ordinary text, where `ascent` leaves room for
    /// accented capitals.
    double ascender = 0.0;
    double space = 0.0;  ///< advance of U+0020
    double underline_position = 0.0;  ///< below the baseline (positive down)
    double underline_thickness = 0.0;
};

/// The direction of the paragraph a text is shaped for: it decides the
/// side of the neutral characters (punctuation, spaces) next to a word
/// written against it. `automatic`: from the text's first strong letter.
enum class BaseDirection : unsigned char { automatic, left_to_right, right_to_left };

class Shaper {
public:
    explicit Shaper(const fonts::FontLibrary& fonts);
    ~Shaper();
    Shaper(const Shaper&) = delete;
    Shaper& operator=(const Shaper&) = delete;

    /// A small number for `spec`, stable for the shaper's lifetime.
    int intern(const FontSpec& spec);
    const FontSpec& spec(int font) const;

    /// `text` (well-formed UTF-8) shaped in `font`. The reference stays
    /// valid until end_paragraph().
    const Shaped& shape(int font, std::string_view text, BaseDirection dir = BaseDirection::automatic);

    /// A space (U+0020) in `font`.
    const Shaped& space(int font);

    /// Like shape(), never cached: for one-off pieces of very long words.
    Shaped shape_once(int font, std::string_view text, BaseDirection dir = BaseDirection::automatic);

    const FaceInfo& face(std::uint16_t index) const;
    /// The face of the spec's first family (for text without glyphs).
    std::uint16_t primary_face(int font);
    const FontMetrics& metrics(int font);

    /// Frees uncached results of long texts (invalidates their references).
    void drop_scratch();
    /// Frees per-paragraph results and trims the cache.
    void end_paragraph();

    std::size_t cache_hits() const;
    std::size_t cache_misses() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace galley::typeset::text
