// The column flow: an article's body as one vertical list of items (lines,
// unbreakable blocks, spaces, the edges of framed boxes, and anchors of
// floats that span several columns), each carrying the rule that says
// whether a column may end just before it. A stream is built once per
// article (article_stream.h), every paragraph set once at its width; column
// filling and balancing then only walk the heights, many times, cheaply.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "base/diagnostic.h"
#include "layout/styles.h"
#include "typeset/compose/fragment.h"

namespace galley::typeset {

enum class FlowKind : unsigned char {
    line,       ///< one set line; its fragment's origin is the baseline at the column's left edge
    block,      ///< unbreakable (a figure, a table row); fragment origin at its top-left
    space,      ///< vertical space, dropped at the top of a column
    box_start,  ///< top edge of a framed box (frame rule + padding)
    box_end,    ///< bottom edge of a framed box
    anchor,     ///< where a float (an element spanning columns) sits in reading order
};

struct FlowItem {
    FlowKind kind = FlowKind::line;
    bool grid = false;         ///< line: its baseline sits on the baseline grid
    bool tall = false;         ///< line: of a grid style, set off the grid at the taller leading its script needs
    bool break_before = true;  ///< a column may end just before this item
    bool deferrable = false;   ///< block, or box start of a box kept whole: may wait for the next column while text fills this one
    bool hyphenated = false;   ///< line: ends with an inserted hyphen
    double height = 0;         ///< vertical extent (a line: its leading)
    double baseline = 0;       ///< line off the grid: from the top of its slot to its baseline
    int group = -1;            ///< line: the paragraph it belongs to (lines of one share it)
    int together = 1;          ///< line: fewest lines of its paragraph a column may hold
    int box = -1;              ///< the framed box holding this item, or -1
    int fragment = -1;         ///< what to draw (Stream::fragments); -1: nothing
    int float_index = -1;      ///< anchor: the float (Stream::floats)
    bool end_matter = false;   ///< tagline, corrections, related stories, rights (after the body)
    /// block: an ornament between items (a separator's rule or asterism),
    /// dropped where a column starts or ends at it: the column break
    /// parts the items already.
    bool ornament = false;

    /// A line of body text: of a grid style (on the grid, or off it for
    /// its script), outside framed boxes.
    bool body_line() const { return kind == FlowKind::line && (grid || tall) && box < 0; }
};

/// A framed box (factbox, correction, table, related stories) that may be
/// split across columns; each piece gets its own frame.
struct FrameBox {
    layout::Box style;
    double inset_top = 0;     ///< from the top edge of the frame to the content
    double inset_bottom = 0;  ///< from the content to the bottom edge
};

/// An element spanning several columns, laid out in advance at its width.
/// Text flows above and below it in every column it covers.
struct FloatBlock {
    int span = 2;
    double height = 0;
    /// Set among the text (a pull quote): never after the last of the text
    /// that follows its anchor, where a picture or a box may end an article.
    bool amid_text = false;
    /// One of the parts of a table set in several (BodyFlow::table):
    /// whether a part comes before this one (the float before it in the
    /// stream), and whether one comes after.
    bool follows_part = false;
    bool precedes_part = false;
    Fragment content;  ///< relative to the float's top-left corner
    /// The same content set one column wide, for where `span` columns find
    /// no room (a "More stories" box after an article's last line), or
    /// fewer than `span` columns are the article's; absent when the float
    /// has no narrow form.
    struct Narrow {
        double height = 0;
        Fragment content;
        /// What setting it reported (a word cut to fit, a loose line):
        /// reported where this form is placed, and only there.
        std::vector<Diagnostic> notes;
    };
    std::optional<Narrow> narrow;
};

/// A table's head row, drawn again at the top of every column the table
/// goes on in after a break (an artifact: the structure has it once).
struct RepeatedHead {
    std::size_t head = 0;  ///< the head row's item
    std::size_t last = 0;  ///< the table's last row's item
    double height = 0;
    Fragment content;  ///< relative to its top-left at the column's left edge
};

struct Stream {
    std::vector<FlowItem> items;
    std::vector<Fragment> fragments;
    std::vector<FrameBox> boxes;
    std::vector<FloatBlock> floats;
    std::vector<RepeatedHead> heads;

    /// The head repeated above item `i` where the item opens a column (a
    /// row of a table after its head), or null.
    const RepeatedHead* head_above(std::size_t i) const;

    /// Computes the running heights used by remaining(); call once built.
    void finish();
    /// Total height of the items from `from` to the end (spaces included).
    double remaining(std::size_t from) const;
    std::size_t size() const { return items.size(); }

private:
    std::vector<double> height_after_;
};

}  // namespace galley::typeset
