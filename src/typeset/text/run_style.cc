#include "typeset/text/run_style.h"

#include <algorithm>

namespace galley::typeset::text {

page::Colour to_page_colour(const layout::Colour& c) {
    return page::Colour{c.r / 255.0, c.g / 255.0, c.b / 255.0};
}

RunStyle paragraph_run_style(const layout::ParagraphStyle& p, const std::string& lang) {
    RunStyle s;
    s.font.families = p.font.joined();
    s.font.weight = p.weight > 0 ? p.weight : 400;
    s.font.italic = p.italic;
    s.font.size = p.size.to_pt() > 0 ? p.size.to_pt() : 10.0;
    s.font.lang = lang;
    s.font.uppercase = p.uppercase;
    s.tracking = p.tracking;
    s.colour = to_page_colour(p.colour);
    return s;
}

RunStyle apply_character_style(const RunStyle& base, const layout::CharacterStyle& c, double paragraph_size,
                               bool toggles_italic) {
    RunStyle s = base;
    if (c.font && !c.font->families.empty()) s.font.families = c.font->joined();
    if (c.weight) s.font.weight = *c.weight;
    if (c.italic) s.font.italic = toggles_italic && *c.italic && base.font.italic ? false : *c.italic;
    if (c.colour) s.colour = to_page_colour(*c.colour);
    if (c.uppercase) s.font.uppercase = *c.uppercase;
    if (c.size_scale > 0 && c.size_scale != 1.0) s.font.size = base.font.size * c.size_scale;
    s.baseline_shift += c.baseline_shift * paragraph_size;
    s.tracking += c.tracking;
    if (c.underline) s.underline = true;
    return s;
}

int StyleTable::intern(const RunStyle& style) {
    // Paragraphs use a handful of styles: a linear search beats hashing.
    for (std::size_t i = styles_.size(); i-- > 0;)
        if (styles_[i] == style) return static_cast<int>(i);
    styles_.push_back(style);
    return static_cast<int>(styles_.size() - 1);
}

}  // namespace galley::typeset::text
