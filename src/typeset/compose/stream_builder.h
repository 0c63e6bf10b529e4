// Appends to a Stream while an article is prepared, and owns the break
// rules so the block builders need not: widows and orphans inside
// paragraphs, keep-with-next from one item to the next, and structure tags
// opened before the first fragment they enclose and closed after the last.
#pragma once

#include <cstddef>
#include <vector>

#include "typeset/compose/flow.h"

namespace galley::typeset {

/// How a set paragraph's lines go into the flow.
struct LineSpec {
    bool grid = false;   ///< baselines on the baseline grid
    double leading = 0;  ///< line pitch off the grid
    double size = 0;     ///< font size, for the baseline position off the grid
    double x = 0;        ///< from the column's left edge to the lines' x = 0 (a box inset)
    int orphans = 1;     ///< fewest lines left at a column foot
    int widows = 1;      ///< fewest lines carried to the next column
    int keep_first = 0;  ///< the first lines stay together (a drop cap's depth)
};

/// The baseline of a line off the grid, from the top of its slot: the em box
/// (0.8 above, 0.2 below the baseline) centred in the leading.
double baseline_in_slot(double leading, double size);

class StreamBuilder {
public:
    explicit StreamBuilder(Stream& out) : out_(out) {}

    /// Vertical space; dropped at the top of a column.
    void space(double height);
    /// The lines of a paragraph. `extra` items are drawn with the first line
    /// (a list label), relative to its baseline at the column's left edge.
    void paragraph(SetParagraph p, const LineSpec& spec, std::vector<page::Item> extra = {});
    /// An unbreakable block of `height`; `f` is relative to its top-left.
    void block(Fragment f, double height, bool deferrable = false);
    /// An ornament between items (a separator), `height` deep: a column
    /// may end before it, and it is dropped where a column starts or ends
    /// at it (FlowItem::ornament). `f` holds artifacts only.
    void ornament(Fragment f, double height);
    /// A float spanning columns, anchored here in reading order.
    void anchor(FloatBlock f);
    /// The floats anchored so far, for marking them after the fact.
    std::vector<FloatBlock>& floats() { return out_.floats; }
    /// A framed box around the items up to close_box(); the insets are the
    /// frame rules plus padding above and below the content (fragments
    /// carry the horizontal insets themselves). A `deferrable` box kept
    /// whole may wait for the next column's top while text fills this one.
    void open_box(const layout::Box& style, double inset_top, double inset_bottom, bool deferrable = false);
    /// Closes the box; one no taller than `keep_whole` is never split.
    void close_box(double keep_whole = 0);
    /// Item `head` (a table's head row, drawn by `content`, `height` deep)
    /// is drawn again, as an artifact, at the top of every column that the
    /// items after it, up to the last one added, go on in.
    void repeat_head(std::size_t head, const Fragment& content, double height);
    /// The next item may not start a column (keeps this one with it).
    void keep_with_next() { keep_ = true; }
    /// Where the next item goes, for keep_whole_since().
    std::size_t mark() const { return out_.items.size(); }
    /// The items added since `mark` stay in one column when together they
    /// are no taller than `limit` (a framed box, an item of a "More
    /// stories" box, a stanza).
    void keep_whole_since(std::size_t mark, double limit);
    /// The items from here on are the article's end matter (FlowItem::end_matter).
    void begin_end_matter() { end_matter_ = true; }
    /// Structure: a tag opened before the next fragment...
    void begin(page::TagBegin t);
    /// ...and one closed after the last fragment so far.
    void end(page::TagKind kind);
    /// Flushes tags still waiting for a fragment and computes the heights.
    void finish();

private:
    int add_fragment(std::vector<page::Item> items);
    void push(FlowItem item);

    Stream& out_;
    std::vector<page::Item> pending_;  ///< tags waiting for the next fragment
    bool keep_ = false;
    bool end_matter_ = false;
    int box_ = -1;
    int group_ = 0;
    std::size_t box_start_ = 0;  ///< index of the open box's first item
};

}  // namespace galley::typeset
