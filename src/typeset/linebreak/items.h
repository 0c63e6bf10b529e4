// The item list a paragraph is broken over: boxes, glue and penalties, the
// vocabulary of Knuth & Plass, "Breaking Paragraphs into Lines" (1981),
// extended with letter-spacing capacity on boxes and fill glue.
#pragma once

#include <vector>

namespace galley::typeset {

/// A penalty at or above this is never a break; at or below its negation a
/// break is forced there.
inline constexpr double kInfinitePenalty = 10000.0;
inline constexpr double kForcedBreak = -kInfinitePenalty;

enum class ItemKind : unsigned char { box, glue, penalty };

/// One element of a paragraph. Widths are in points. Which fields mean
/// something depends on the kind; the others stay 0.
///  - box: `width`; `stretch`/`shrink` are its letter-spacing capacity, the
///    most the whole box may widen / narrow by tracking (for example the
///    number of gaps between its glyphs x the layout's maximum letter-space).
///    0 for scripts that must not be tracked (Khmer, Arabic).
///  - glue: a space: `width`, `stretch`, `shrink`, and `fill`, stretch of
///    infinite order (the last line's parfillskip, a centring fill). A line
///    may break at glue that follows a box; the glue then disappears.
///    `flagged` glue is a gap between two words of a script written without
///    spaces (Khmer, Thai): zero-width, its stretch is spent after the word
///    spaces', with the letter-spacing (line_fit.h).
///  - penalty: a possible break costing `penalty` (>= kInfinitePenalty: never,
///    <= kForcedBreak: forced); `width` is added to the line only when it ends
///    there (the hyphen of a hyphenation point), and so are `stretch` and
///    `shrink`, to its letter-spacing capacity (negative: the gap after the
///    box before a break inside a word, which a line ending there does not
///    set). `flagged` marks hyphen breaks, which count towards the
///    consecutive-hyphen cap.
struct Item {
    ItemKind kind = ItemKind::box;
    bool flagged = false;
    double width = 0.0;
    double stretch = 0.0;
    double shrink = 0.0;
    double fill = 0.0;
    double penalty = 0.0;

    static Item box(double width, double letter_stretch = 0.0, double letter_shrink = 0.0) {
        return {ItemKind::box, false, width, letter_stretch, letter_shrink, 0.0, 0.0};
    }
    static Item glue(double width, double stretch, double shrink, double fill = 0.0) {
        return {ItemKind::glue, false, width, stretch, shrink, fill, 0.0};
    }
    /// A gap between words of a script written without spaces.
    static Item word_gap(double stretch) { return {ItemKind::glue, true, 0.0, stretch, 0.0, 0.0, 0.0}; }
    static Item penalty_item(double width, double penalty, bool flagged = false, double letter_stretch = 0.0,
                             double letter_shrink = 0.0) {
        return {ItemKind::penalty, flagged, width, letter_stretch, letter_shrink, 0.0, penalty};
    }

    bool is_forced_break() const { return kind == ItemKind::penalty && penalty <= kForcedBreak; }
};

/// Appends the usual end of a paragraph: no break before the fill, a fill
/// glue (so the last line is set at its natural width) and a forced break.
inline void finish_paragraph(std::vector<Item>& items) {
    items.push_back(Item::penalty_item(0.0, kInfinitePenalty));
    items.push_back(Item::glue(0.0, 0.0, 0.0, 1.0));
    items.push_back(Item::penalty_item(0.0, kForcedBreak));
}

}  // namespace galley::typeset
