// Total-fit line breaking: Knuth & Plass, "Breaking Paragraphs into Lines"
// (Software: Practice and Experience 11, 1981). Pure: no Pango, no fonts; the
// caller measures the text into an Item list and places glyphs from the
// result. knuth_plass.cc sketches the algorithm.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "typeset/linebreak/items.h"
#include "typeset/linebreak/line_fit.h"

namespace galley::typeset {

struct BreakSettings {
    /// Measure of each line: line i (from 0) is `line_widths[min(i, size-1)]`,
    /// so the last entry repeats. A first-line indent, a drop cap's indented
    /// lines or a pull quote's run-around are leading entries. Empty: 0 pt.
    std::vector<double> line_widths{0.0};
    /// Taken off the measure of every line that follows a break that is not
    /// forced: in a paragraph of lines of its own (a verse, an address), a
    /// line that wraps is turned over, set in from the lines that start
    /// after a forced break so it does not read as one of them. 0: none.
    double turnover_indent = 0.0;
    /// Pass 1 (hyphenation breaks ignored) accepts lines with badness up to
    /// this; negative skips the pass. In both passes a tolerance of
    /// kInfiniteBadness (10000) or more accepts any line that is not overfull.
    double pretolerance = 100.0;
    /// Pass 2 (hyphenation breaks allowed) accepts badness up to this.
    double tolerance = 800.0;
    /// Pass 3 runs when pass 2 finds nothing: any badness, and where even
    /// that is impossible (a box wider than the line) an overfull line,
    /// flagged. It always returns lines. Off: the result may be empty.
    bool emergency_pass = true;
    /// Demerits of a line: (line_penalty + badness)^2 + penalty^2 + ...
    double line_penalty = 10.0;
    /// Added when two consecutive lines end with a hyphen.
    double double_hyphen_demerits = 10000.0;
    /// Added when the next-to-last line of the paragraph (or of a block
    /// ended by a forced break) ends with a hyphen.
    double final_hyphen_demerits = 5000.0;
    /// Added when the paragraph's last line (after at least one other) is a
    /// single word: a "runt", a short word alone under a full line.
    double runt_demerits = 0.0;
    /// Added when adjacent lines' fitness classes differ by more than one.
    double adjacent_fitness_demerits = 10000.0;
    /// Most consecutive lines that may end with a hyphen (flagged penalty);
    /// a hard limit, not a cost. 0: no limit.
    unsigned max_consecutive_hyphens = 2;
    /// Bound on the active list. Past it the algorithm keeps the best node
    /// of each break position, then drops the oldest positions; the result
    /// may then miss the optimum, never the end. Keeps work per breakpoint
    /// bounded for any input.
    std::size_t max_active_nodes = 256;
};

/// One line of the result.
struct BrokenLine {
    /// The line holds items [start, end): leading glue and penalties after a
    /// break are discarded, so `start` is a box or a forced break (or ==
    /// end for an empty line between two forced breaks).
    std::size_t start = 0;
    /// The break: a glue (dropped), a penalty (its width, a hyphen, ends the
    /// line), or items.size() for a paragraph without a final forced break.
    std::size_t end = 0;
    double width = 0.0;    ///< the measure the line is set to (less `turnover`)
    double turnover = 0.0;  ///< BreakSettings::turnover_indent where it follows a break not forced; else 0
    double natural = 0.0;  ///< natural width of its content, ending penalty included
    LineFit fit;           ///< how glue and letter-spacing are set (set_width)
    bool hyphenated = false;  ///< ends at a flagged penalty: draw the hyphen
    bool forced = false;      ///< ends at a forced break or the paragraph end
    bool overfull = false;    ///< wider than `width` even fully shrunk (pass 3 only)
    double demerits = 0.0;
};

/// Work done, for tests and benchmarks (counts, never time).
struct BreakStats {
    std::size_t items = 0;
    std::size_t breakpoints = 0;   ///< legal breakpoints visited, all passes
    std::size_t evaluations = 0;   ///< (active node, breakpoint) pairs tried, all passes
    std::size_t nodes = 0;         ///< break nodes created, all passes
    std::size_t max_active = 0;    ///< largest active list seen
    std::size_t pruned = 0;        ///< active nodes dropped by max_active_nodes
};

struct BreakResult {
    std::vector<BrokenLine> lines;
    int pass = 0;  ///< 1, 2 or 3 (emergency); 0: no lines (no boxes, or every allowed pass failed)
    double total_demerits = 0.0;
    BreakStats stats;
    std::size_t overfull_count() const;
};

/// Breaks `items` into lines, minimising total demerits (looseness 0). The
/// end of `items` is a forced break when it is not one already; anything
/// after the last box but a forced break is ignored. A paragraph without
/// boxes has no lines. Never fails with the emergency pass on: impossible
/// lines come back `overfull` (the caller may split the offending box, e.g.
/// a URL at its characters, and break again).
BreakResult break_paragraph(std::span<const Item> items, const BreakSettings& settings);

}  // namespace galley::typeset
