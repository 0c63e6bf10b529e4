// The contract between paragraph setting and page composition.
//
// TextSetter turns model inlines in a layout paragraph style into lines:
// shaped with Pango/HarfBuzz at 72 dpi from the pinned fonts, hyphenated
// with libhyphen per language, broken with total-fit (Knuth-Plass) within
// the style's word- and letter-spacing limits, justified or aligned. The
// composer (typeset/compose) only stacks and places the lines it returns;
// it never shapes text itself. Pango types never leave typeset/text.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "layout/settings.h"
#include "model/inline.h"
#include "page/page.h"

namespace galley::fonts {
class FontLibrary;
}

namespace galley::typeset {

class HyphenatorCache;  // typeset/linebreak/hyphenator.h

/// One set line. Glyph runs and links have their origins relative to the
/// line: x = 0 is the line's left edge (the column's left edge plus any
/// indent already applied), y = 0 is the baseline. Runs follow each other
/// left to right; word spaces are space glyphs inside the runs, so the
/// text extracts with its spaces (a line's runs' texts, joined, are the
/// line as written, plus "-" where a hyphen was inserted; right-to-left
/// words come in visual order).
struct SetLine {
    std::vector<page::GlyphRun> runs;
    std::vector<page::Link> links;  ///< rects relative to the line, as runs
    std::vector<page::Rule> rules;  ///< underlines (character styles with underline), relative to the line
    double width = 0;        ///< the measure the line was set to
    double natural = 0;      ///< the width its content takes unstretched
    double ascent = 0;       ///< above the baseline (positive)
    double descent = 0;      ///< below the baseline (positive)
    double left = 0;         ///< where x = 0 sits from the column's left edge (indent)
    bool hyphenated = false; ///< ends with an inserted hyphen
    bool last = false;       ///< last line of its paragraph
    double ratio = 0;        ///< adjustment ratio (Knuth-Plass r); 0 when unjustified
    bool overfull = false;   ///< content could not be made to fit (reported)
    /// Word spaces as set, in units of the font's space (the unit of the
    /// style's word-space-min/natural/max); 0 when the line has none.
    double word_space = 0;
    bool loose = false;      ///< word spaces wider than the style's word-space-max
};

struct SetParagraph {
    std::vector<SetLine> lines;
    double leading = 0;  ///< baseline-to-baseline distance of the style
    /// The least leading its script allows (grid.stacked-line-height times
    /// the size, for a language such as Khmer); 0 for any. Whoever stacks
    /// the lines sets them at least this far apart.
    double min_leading = 0;
    /// Lines the drop cap reaches down through (0: none). The drop cap is the
    /// first run of line 0, at negative x, its baseline `(dropcap_lines - 1)
    /// * leading` below line 0's; lines [0, dropcap_lines) are indented past
    /// it. The paragraph has at least this many lines: one that would have
    /// fewer is set without a drop cap.
    int dropcap_lines = 0;
    /// Lines that end on a short function word ("of", "the") although the
    /// style carries such words over (layout style carry-short-words): the
    /// ones that could not be carried without a line more.
    int short_word_ends = 0;
};

/// What a paragraph is set to, beyond its style.
struct ParagraphShape {
    double width = 0;               ///< column (or span) width, pt
    std::string lang;               ///< BCP 47; chooses hyphenation patterns
    bool first_in_flow = false;     ///< no first-line indent (first paragraph after a heading)
    /// Set in lines of its own (a verse, a letter's sign-off: model::in_own_lines):
    /// no first-line indent, so that its lines start together (a turned-over
    /// line stands in by turnover-indent), and no word is hyphenated.
    bool own_lines = false;
    int dropcap_lines = 0;          ///< > 0: first character as a drop cap over this many lines, if it has them
    int lead_in_words = 0;          ///< words after the drop cap in the lead-in character style
    std::optional<layout::Alignment> align;  ///< overrides the style's alignment
    /// Extra indent per line (line index -> left indent, right indent), e.g.
    /// to run around an object. Applied on top of the style's indents.
    /// Asked for the first lines only (a few more than the paragraph is
    /// likely to need); lines after those keep the last answer.
    std::function<std::pair<double, double>(int line)> indents;
    std::optional<double> size;     ///< overrides the style's size, pt (headline tiers)
    std::optional<double> leading;  ///< overrides the style's leading, pt
    std::optional<int> weight;      ///< overrides the style's weight (CSS scale)
    /// The paragraph reads in its language's direction whatever its letters
    /// (model::paragraph_direction otherwise): a head piece sits on its
    /// article's starting side, as in the EPUB, so a kicker "UNESCO" over
    /// an Arabic story is set flush right. Needs `lang`.
    bool direction_of_lang = false;
};

/// Sets paragraphs for one layout with one font library. Not thread-safe:
/// use one TextSetter per thread (they share the read-only FontLibrary).
class TextSetter {
public:
    TextSetter(const layout::Layout& layout, const fonts::FontLibrary& fonts,
               const std::filesystem::path& hyphenation_dir);
    /// As above, sharing loaded hyphenation patterns with other setters (one
    /// per thread): HyphenatorCache is thread-safe, and English patterns take
    /// libhyphen some 20 ms to load, German several seconds.
    TextSetter(const layout::Layout& layout, const fonts::FontLibrary& fonts,
               std::shared_ptr<HyphenatorCache> hyphenation);
    ~TextSetter();
    TextSetter(const TextSetter&) = delete;
    TextSetter& operator=(const TextSetter&) = delete;

    /// Sets `content` in paragraph style `style`. Problems (missing glyphs,
    /// overfull lines, lines looser than the style allows) are reported at
    /// `where` (the block's source location). Never drops text: a word wider
    /// than the measure is broken by force with a warning.
    SetParagraph set(const model::Inlines& content, layout::ParagraphStyleId style, const ParagraphShape& shape,
                     const SourceLocation& where, Diagnostics& diags);

    /// Convenience for plain strings (folios, running heads, labels).
    SetParagraph set_text(const std::string& text, layout::ParagraphStyleId style, const ParagraphShape& shape,
                          const SourceLocation& where, Diagnostics& diags);

    /// Natural width of `text` on one line in `style` (for tables, labels).
    double measure(const std::string& text, layout::ParagraphStyleId style);

    /// How far ordinary text in `style` rises above its baseline (its
    /// font's ascenders at its size).
    double ascender(layout::ParagraphStyleId style);

private:
    /// `full` (the paragraph as set at the shape's width), or, where its
    /// style has even-lines and it is ranged left, right or centred (set
    /// left to right) over two lines or more, the paragraph set again at
    /// the narrowest width that keeps as many lines, no more ending on a
    /// short word and no warning, its lines placed in the full width as
    /// its alignment places them.
    SetParagraph even(const model::Inlines& content, layout::ParagraphStyleId style, const ParagraphShape& shape,
                      const SourceLocation& where, Diagnostics& diags, SetParagraph full);
    SetParagraph set_once(const model::Inlines& content, layout::ParagraphStyleId style, const ParagraphShape& shape,
                          const SourceLocation& where, Diagnostics& diags);

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace galley::typeset
