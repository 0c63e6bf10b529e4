// Tables: column widths from the content (each column's natural width,
// never below its longest word while the words fit, fitted to the span),
// every cell set once at its column's width and alignment, head cells bold,
// one fragment per row so a table may break between rows, and a row too
// deep for a column cut between lines into several.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/block.h"
#include "typeset/compose/compose_context.h"

namespace galley::typeset {

struct TableRowLayout {
    Fragment fragment;  ///< relative to the row's top-left; holds its TR tags
    double height = 0;
    bool head = false;
};

struct TableLayout {
    std::optional<TableRowLayout> caption;  ///< tagged Caption
    std::vector<TableRowLayout> rows;       ///< the head row first, if any
};

/// Column widths for natural widths `natural` and narrowest widths `least`
/// (the longest word) in `width` less gaps: natural widths grown in
/// proportion when they fit, else each column's least width plus a share of
/// the rest in proportion to what it lacks, else the columns whose longest
/// word fits an even share get it and the others (whose words will break)
/// share the rest evenly.
std::vector<double> fit_columns(const std::vector<double>& natural, const std::vector<double>& least, double width);

/// What a table's columns need: natural and least widths, and the gap
/// between columns.
struct TableNeeds {
    std::vector<double> natural;
    std::vector<double> least;
    double gap = 0;
    /// The narrowest width that keeps every word whole.
    double least_width() const;
    /// The width that sets every cell on one line.
    double natural_width() const;
};

TableNeeds measure_table(ComposeContext& ctx, const model::Table& table);

/// Where a table too deep to stand whole is cut into parts, for rows of
/// depths `rows`: the end (one past the last row) of each part. A part
/// holds rows at most `room` deep (the first, `first_room`; a row deeper
/// than that goes alone); there are as few parts as that allows, as near
/// one another's depth as steps of `step` make them.
std::vector<std::size_t> part_ends(const std::vector<double>& rows, double room, double first_room, double step);

/// The table set at `width`. A row deeper than `max_row_height` (when
/// above 0) is cut between lines into several rows, each with the next two
/// lines of every cell (the last, two or three), so that it starts in what
/// a column has left and goes on in the next.
TableLayout layout_table(ComposeContext& ctx, const model::Table& table, const TableNeeds& needs, double width,
                         const std::string& lang, const SourceLocation& where, double max_row_height = 0);

}  // namespace galley::typeset
