// Step 4 of setting a paragraph: each broken line turned into positioned
// glyph runs. The line's pieces are shaped again where a break cut a word
// (the part before a hyphenation point is shaped with its hyphen, so
// ligatures and kerning are right and the run's text reads "traf-"), the
// line is measured from those actual glyphs, and its adjustment is
// recomputed with line_fit: word spaces first, then letter-spacing within
// the style's limits (spread evenly over the gaps between letters), so a
// justified line fills its measure exactly. Ragged and last lines are set
// at their natural width and aligned. A line that still does not fit (only
// possible when a single cluster is wider than the measure) is marked
// overfull.
//
// Bidirectional text, simplified from UAX #9 to the word level: each span
// is right-to-left or left-to-right by its first strong character (its
// glyphs come from the shaper in visual order already); spaces and neutral
// spans between two spans of one direction take it; runs against the
// paragraph's direction are reversed, and a right-to-left paragraph's line
// is laid out from the right. Numbers inside right-to-left text and nested
// embeddings are not treated specially.
#pragma once

#include <cstddef>
#include <deque>
#include <set>
#include <vector>

#include "layout/values.h"
#include "typeset/linebreak/knuth_plass.h"
#include "typeset/text/collect.h"
#include "typeset/text/items_builder.h"
#include "typeset/text/shaper.h"
#include "typeset/text/text_setter.h"

namespace galley::typeset::text {

struct LineOptions {
    layout::Alignment align = layout::Alignment::left;
    bool rtl = false;  ///< the paragraph's base direction is right-to-left
    BuildOptions build;
    int paragraph_font = 0;  ///< for the metrics of an empty line
};

/// Sets the lines of one paragraph.
class LineBuilder {
public:
    LineBuilder(Shaper& shaper, StyleTable& styles, ItemBuilder& builder, const CollectedText& text,
                const Prepared& prepared, const LineOptions& options);
    ~LineBuilder();
    LineBuilder(const LineBuilder&) = delete;
    LineBuilder& operator=(const LineBuilder&) = delete;

    /// Line `line` [start, end) of the items, `width` wide. A glyph placed
    /// left of the line's start (the tanween that Arabic fonts hang left of
    /// a final alef, in the line's last word) is brought inside: the line
    /// is set again that much narrower and moved right by it.
    SetLine build(const BrokenLine& line, double width, bool last);

    /// Characters that printed without a glyph.
    const std::set<char32_t>& missing() const { return missing_; }
    std::size_t overfull() const { return overfull_; }

private:
    SetLine build_once(const BrokenLine& line, double width, bool last);
    /// Where a line set at its natural width sits: the style's alignment,
    /// justified text flush with the start, mirrored in a right-to-left
    /// paragraph.
    layout::Alignment unstretched_alignment() const;

    Shaper& shaper_;
    StyleTable& styles_;
    ItemBuilder& builder_;
    const CollectedText& text_;
    const Prepared& prepared_;
    const LineOptions& options_;
    std::set<char32_t> missing_;
    std::size_t overfull_ = 0;
    struct Elem;
    /// In a right-to-left paragraph: the full stop, comma or colon that
    /// ends a word in Latin letters, where right-to-left text or the
    /// paragraph's end comes next, split off as an element of its own.
    void detach_closing_punctuation(std::vector<Elem>& elems) const;
    /// Elements from logical to visual order (bidirectional text).
    void reorder(std::vector<Elem>& elems) const;
    std::vector<Elem> elems_;         // reused from line to line
    std::deque<Shaped> owned_;        // pieces of very long words, per line
};

}  // namespace galley::typeset::text
