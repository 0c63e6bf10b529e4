#include "typeset/compose/table.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>
#include <sstream>

#include "model/inline.h"
#include "typeset/compose/decoration.h"
#include "typeset/compose/stack.h"
#include "typeset/text/direction.h"

namespace galley::typeset {

namespace {

using layout::ParagraphStyleId;

constexpr double kRowPadding = 2.0;  // above and below each row's text, pt
/// Lines of every cell in each part of a row cut between lines (a row too
/// deep for a column): two, so that no column holds a row's lone line.
constexpr std::size_t kDeepRowLines = 2;

/// What to ask the text setter for so that a cell stands as `a` says on
/// the page. Left and right are the page's sides; a cell's start is its
/// table's, the side its first column is on, whatever the cell's own text
/// (a Latin name in an Arabic table starts at the right). The setter
/// takes left and right as the start and end of the cell's own direction.
layout::Alignment cell_alignment(model::Align a, bool table_rtl, bool cell_rtl) {
    layout::Alignment on_page = layout::Alignment::left;
    switch (a) {
        case model::Align::start:
            on_page = table_rtl ? layout::Alignment::right : layout::Alignment::left;
            break;
        case model::Align::left:
            on_page = layout::Alignment::left;
            break;
        case model::Align::right:
            on_page = layout::Alignment::right;
            break;
        case model::Align::center:
            return layout::Alignment::center;
    }
    if (!cell_rtl) return on_page;
    return on_page == layout::Alignment::left ? layout::Alignment::right : layout::Alignment::left;
}

double longest_word(ComposeContext& ctx, const std::string& text, ParagraphStyleId style) {
    std::istringstream in(text);
    std::string word;
    double widest = 0;
    while (in >> word) widest = std::max(widest, ctx.setter.measure(word, style));
    return widest;
}

}  // namespace

std::vector<double> fit_columns(const std::vector<double>& natural, const std::vector<double>& least, double width) {
    std::size_t n = natural.size();
    std::vector<double> out(n, 0.0);
    if (n == 0) return out;
    double sum_natural = std::accumulate(natural.begin(), natural.end(), 0.0);
    double sum_least = std::accumulate(least.begin(), least.end(), 0.0);
    if (sum_natural <= width) {
        for (std::size_t j = 0; j < n; ++j)
            out[j] = sum_natural > 0 ? natural[j] * width / sum_natural : width / static_cast<double>(n);
    } else if (sum_least <= width) {
        double lack = sum_natural - sum_least;
        for (std::size_t j = 0; j < n; ++j)
            out[j] = least[j] + (lack > 0 ? (width - sum_least) * (natural[j] - least[j]) / lack : 0.0);
    } else {
        // Some word must break. The columns whose longest word fits an even
        // share keep it whole; the others share what is left evenly, so one
        // long word (a URL, a code) never squeezes the rest to a letter a line.
        std::vector<bool> whole(n, false);
        double left = width;
        std::size_t open = n;
        for (bool changed = true; changed && open > 0;) {
            changed = false;
            const double share = left / static_cast<double>(open);
            for (std::size_t j = 0; j < n; ++j)
                if (!whole[j] && least[j] <= share) {
                    whole[j] = true;
                    out[j] = least[j];
                    left -= least[j];
                    --open;
                    changed = true;
                }
        }
        for (std::size_t j = 0; j < n; ++j)
            if (!whole[j]) out[j] = std::max(0.0, left) / static_cast<double>(open);
    }
    return out;
}

double TableNeeds::least_width() const {
    double w = 0;
    for (double l : least) w += l;
    return w + gap * static_cast<double>(least.empty() ? 0 : least.size() - 1);
}

double TableNeeds::natural_width() const {
    double w = 0;
    for (double n : natural) w += n;
    return w + gap * static_cast<double>(natural.empty() ? 0 : natural.size() - 1);
}

namespace {

std::vector<const model::Row*> table_rows(const model::Table& table) {
    std::vector<const model::Row*> rows;
    if (table.head) rows.push_back(&*table.head);
    for (const model::Row& r : table.rows) rows.push_back(&r);
    return rows;
}

}  // namespace

TableNeeds measure_table(ComposeContext& ctx, const model::Table& table) {
    std::vector<const model::Row*> rows = table_rows(table);
    std::size_t ncols = 0;
    for (const model::Row* r : rows) ncols = std::max(ncols, r->cells.size());
    TableNeeds needs;
    needs.gap = 0.6 * ctx.style(ParagraphStyleId::table_cell).size.to_pt();
    needs.natural.assign(ncols, 0.0);
    needs.least.assign(ncols, 0.0);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        ParagraphStyleId style = r == 0 && table.head ? ParagraphStyleId::table_head : ParagraphStyleId::table_cell;
        for (std::size_t j = 0; j < rows[r]->cells.size(); ++j) {
            std::string text = model::plain_text(rows[r]->cells[j].content);
            needs.natural[j] = std::max(needs.natural[j], ctx.setter.measure(text, style) + 1.0);
            needs.least[j] = std::max(needs.least[j], longest_word(ctx, text, style) + 1.0);
        }
    }
    return needs;
}

TableLayout layout_table(ComposeContext& ctx, const model::Table& table, const TableNeeds& needs, double width,
                         const std::string& lang, const SourceLocation& where, double max_row_height) {
    TableLayout out;
    std::vector<const model::Row*> rows = table_rows(table);
    std::size_t ncols = needs.natural.size();
    double gap = needs.gap;
    double avail = width - gap * static_cast<double>(ncols > 0 ? ncols - 1 : 0);
    std::vector<double> widths = fit_columns(needs.natural, needs.least, avail);

    if (!model::is_blank(table.caption)) {
        Stack stack;
        SetParagraph p = ctx.set(table.caption, ParagraphStyleId::caption, width, lang, where, true);
        stack.begin(tag(page::TagKind::caption));
        stack.lines(p, ctx.lines(ParagraphStyleId::caption));
        stack.end(page::TagKind::caption);
        stack.space(ctx.space(ctx.style(ParagraphStyleId::caption).space_after) + kRowPadding);
        TableRowLayout cap;
        cap.height = stack.y();
        cap.fragment = stack.take();
        out.caption = std::move(cap);
    }

    // A table in a language read right to left has its first column at the right.
    const bool rtl = ctx.right_to_left(lang);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        bool head = r == 0 && table.head.has_value();
        ParagraphStyleId style = head ? ParagraphStyleId::table_head : ParagraphStyleId::table_cell;
        page::TagKind cell_kind = head ? page::TagKind::table_header_cell : page::TagKind::table_cell;
        std::vector<std::optional<SetParagraph>> cells(ncols);
        std::size_t most_lines = 0;
        double leading = ctx.style(style).leading.to_pt();
        for (std::size_t j = 0; j < ncols && j < rows[r]->cells.size(); ++j) {
            const model::Cell& cell = rows[r]->cells[j];
            const bool cell_rtl = text::sets_right_to_left(model::plain_text(cell.content), lang, false);
            cells[j] = ctx.set(cell.content, style, widths[j], lang, where, true,
                               cell_alignment(cell.align, rtl, cell_rtl));
            most_lines = std::max(most_lines, cells[j]->lines.size());
            if (cells[j]->leading > 0) leading = std::max(cells[j]->leading, cells[j]->min_leading);
        }
        // A row deeper than `max_row_height` is cut between lines into rows
        // of its own, each holding the next kDeepRowLines lines of every
        // cell (the last two or three), so it can start in what is left of
        // a column and go on in the next column or page. The padding goes
        // above the first part and below the last: the parts in one column
        // read as one row.
        std::size_t per_part = most_lines;
        if (max_row_height > 0 && leading > 0 &&
            static_cast<double>(most_lines) * leading + 2 * kRowPadding > max_row_height)
            per_part = kDeepRowLines;
        const std::size_t parts = std::max<std::size_t>(1, most_lines / std::max<std::size_t>(per_part, 1));
        for (std::size_t part = 0; part < parts; ++part) {
            const double pad_top = part == 0 ? kRowPadding : 0.0;
            const double pad_bottom = part + 1 == parts ? kRowPadding : 0.0;
            Stack stack;
            stack.begin(tag(page::TagKind::table_row));
            double x = 0;
            double tallest = 0;
            for (std::size_t j = 0; j < ncols; ++j) {
                stack.begin(tag(cell_kind));
                if (cells[j]) {
                    SetParagraph p;
                    p.leading = cells[j]->leading;
                    p.min_leading = cells[j]->min_leading;
                    const std::size_t first = std::min(part * per_part, cells[j]->lines.size());
                    const std::size_t end = part + 1 == parts ? cells[j]->lines.size()
                                                              : std::min(first + per_part, cells[j]->lines.size());
                    p.lines.assign(cells[j]->lines.begin() + static_cast<std::ptrdiff_t>(first),
                                   cells[j]->lines.begin() + static_cast<std::ptrdiff_t>(end));
                    stack.set_y(pad_top);
                    LineSpec spec = ctx.lines(style, rtl ? width - x - widths[j] : x);
                    stack.lines(p, spec);
                    tallest = std::max(tallest, stack.y() - pad_top);
                }
                stack.end(cell_kind);
                x += widths[j] + gap;
            }
            stack.end(page::TagKind::table_row);
            double height = tallest + pad_top + pad_bottom;
            bool last = r + 1 == rows.size() && part + 1 == parts;
            if (part + 1 < parts) {
                // the row goes on: no rule
            } else if (head) {
                stack.add(horizontal_rule(0, width, height - 0.25, 0.5, page::Colour{0, 0, 0}), 0, 0);
            } else if (!last) {
                stack.add(horizontal_rule(0, width, height - 0.125, 0.25, page::Colour{0.6, 0.6, 0.6}), 0, 0);
            }
            TableRowLayout row;
            row.height = height;
            row.head = head && part == 0;
            row.fragment = stack.take();
            out.rows.push_back(std::move(row));
        }
    }
    return out;
}

std::vector<std::size_t> part_ends(const std::vector<double>& rows, double room, double first_room, double step) {
    // Each part filled up to `target`, within its room.
    auto cut = [&](double target) {
        std::vector<std::size_t> ends;
        double depth = 0;
        for (std::size_t k = 0; k < rows.size(); ++k) {
            const double limit = std::min(target, ends.empty() ? first_room : room);
            if (depth > 0 && depth + rows[k] > limit + kEpsilon) {
                ends.push_back(k);
                depth = 0;
            }
            depth += rows[k];
        }
        ends.push_back(rows.size());
        return ends;
    };
    std::vector<std::size_t> fewest = cut(std::numeric_limits<double>::infinity());
    if (fewest.size() < 2 || step <= 0) return fewest;
    double total = 0;
    for (double r : rows) total += r;
    for (double target = total / static_cast<double>(fewest.size()); target < room; target += step)
        if (std::vector<std::size_t> even = cut(target); even.size() <= fewest.size()) return even;
    return fewest;
}

}  // namespace galley::typeset
