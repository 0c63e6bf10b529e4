// The EPUB stylesheet, generated from the same layout the print edition
// uses: its font families, weights, italics, relative sizes, letter
// spacing, capitals, accent colours and box rules, so both editions share one
// typographic identity. Made for reading systems, not paper:
//   - sizes are em ratios to the body size (display sizes compressed so a
//     48 pt headline over 9.5 pt text does not fill a phone screen), and the
//     body gets no font-size at all: the reader's setting rules;
//   - no columns, no positioning, no absolute lengths for text;
//   - no background colours and no text colour for black or grey text, so
//     night and sepia modes work; an accent colour is kept (darkened if
//     needed to reach WCAG AA contrast on white).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "layout/settings.h"

namespace galley::epub {

/// A font a rule asks for: what the embedder resolves to files.
struct FontUse {
    std::vector<std::string> families;  ///< The layout's fallback list.
    std::string generic;                ///< "serif" or "sans-serif".
    int weight = 400;
    bool italic = false;
    bool operator==(const FontUse&) const = default;
};

struct CssRule {
    std::string selector;
    std::optional<FontUse> font;
    std::vector<std::pair<std::string, std::string>> declarations;
};

/// An embedded font file, as @font-face declares it.
struct FontFace {
    std::string family;  ///< The name the rules use.
    int weight = 400;
    bool italic = false;
    std::string href;    ///< Relative to the package folder ("fonts/...").
};

/// What the book's languages ask of the stylesheet beyond the layout.
struct BookScripts {
    /// The book has documents or parts in a right-to-left language.
    bool right_to_left = false;
    /// Language tags of text indented by characters (Chinese, Japanese).
    std::vector<std::string> character_indents;
    /// Language tags of text whose script stacks marks above and below its
    /// letters (Khmer, Burmese, Tibetan).
    std::vector<std::string> stacked_marks;
    /// Language tags of text written without spaces between words (Thai,
    /// Lao, Khmer, Burmese), which justified lines space letter by letter.
    std::vector<std::string> letter_justified;
};

/// Every rule, in order, from the layout; with `scripts.right_to_left`, then
/// the rules that set something on one side again, mirrored, for
/// [dir="rtl"]; then, for each language in `scripts.character_indents`, the
/// rules with a first-line indent again under :lang(TAG), indented by two
/// characters (2em), as print does; then, for each language in
/// `scripts.stacked_marks`, the rules with a line-height again for elements
/// in that language (`SELECTOR:lang(TAG)`), at least the layout's
/// grid.stacked-line-height, so that marks below one line clear those above
/// the next, as print does; then, for each language in
/// `scripts.letter_justified`, the justified rules again with
/// `text-justify: inter-character`: a reading system that justifies only at
/// spaces opens the few spaces of a Khmer or Thai line into holes, as print
/// would without spacing the syllables.
std::vector<CssRule> stylesheet_rules(const layout::Layout& layout, const BookScripts& scripts = {});

/// Each font use of `rules` and the variants inline markup can ask for
/// (italic for em, bold for strong), without duplicates, in order.
std::vector<FontUse> font_uses(const std::vector<CssRule>& rules, const layout::Layout& layout);

/// The CSS text: @font-face rules for `faces` (sorted), then `rules`.
std::string stylesheet_css(const std::vector<CssRule>& rules, const std::vector<FontFace>& faces);

/// Text the stylesheet itself shows (generated content), for the font subsets.
std::string stylesheet_generated_text(const layout::Layout& layout);

/// `v` with at most three decimals and no trailing zeros, independent of the
/// locale ("1.25", "0.8", "2").
std::string css_number(double v);

/// `c` if it is a colour worth keeping on a reading system (not black, not a
/// grey), darkened until it has 4.5:1 contrast on white; else nothing.
std::optional<layout::Colour> accent_colour(const layout::Colour& c);

/// WCAG 2 contrast ratio of `c` on white.
double contrast_on_white(const layout::Colour& c);

}  // namespace galley::epub
