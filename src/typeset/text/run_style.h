// The formatting of a run of paragraph text, resolved from a paragraph
// style and the character styles around the run. FontSpec holds what
// changes glyphs (the shaper's cache key); RunStyle adds what does not.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "layout/styles.h"
#include "page/page.h"

namespace galley::typeset::text {

struct FontSpec {
    std::string families;  ///< fallback list, "Charis SIL, Noto Serif Khmer"
    int weight = 400;      ///< CSS scale
    bool italic = false;
    double size = 10.0;    ///< pt
    std::string lang;      ///< BCP 47; "" for none
    bool uppercase = false;
    bool operator==(const FontSpec&) const = default;
};

struct RunStyle {
    FontSpec font;
    double tracking = 0.0;        ///< thousandths of an em
    page::Colour colour;
    double baseline_shift = 0.0;  ///< pt, positive raises
    bool underline = false;
    bool operator==(const RunStyle&) const = default;
};

page::Colour to_page_colour(const layout::Colour& c);

/// The style of plain text in paragraph style `p`, in language `lang`.
RunStyle paragraph_run_style(const layout::ParagraphStyle& p, const std::string& lang);

/// `base` changed by character style `c`. Sizes and baseline shifts
/// compound with the enclosing run's; `paragraph_size` is the em of
/// baseline shifts. `em` toggles italic (emphasis inside italic is roman).
RunStyle apply_character_style(const RunStyle& base, const layout::CharacterStyle& c, double paragraph_size,
                               bool toggles_italic);

/// Interns styles so runs refer to them by a small number. Ids stay valid
/// for the table's lifetime.
class StyleTable {
public:
    int intern(const RunStyle& style);
    const RunStyle& operator[](int id) const { return styles_[static_cast<std::size_t>(id)]; }
    std::size_t size() const { return styles_.size(); }

private:
    std::vector<RunStyle> styles_;
};

}  // namespace galley::typeset::text
