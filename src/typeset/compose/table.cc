#include "typeset/compose/table.h"

#include <algorithm>
#include <numeric>
#include <sstream>

#include "model/inline.h"
#include "typeset/compose/decoration.h"
#include "typeset/compose/stack.h"

namespace galley::typeset {

namespace {

using layout::ParagraphStyleId;

constexpr double kRowPadding = 2.0;  // above and below each row's text, pt

layout::Alignment cell_alignment(model::Align a) {
    switch (a) {
        case model::Align::start:
        case model::Align::left:
            return layout::Alignment::left;
        case model::Align::right:
            return layout::Alignment::right;
        case model::Align::center:
            return layout::Alignment::center;
    }
    return layout::Alignment::left;
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
        for (std::size_t j = 0; j < n; ++j)
            out[j] = sum_least > 0 ? least[j] * width / sum_least : width / static_cast<double>(n);
    }
    return out;
}

double TableNeeds::least_width() const {
    double w = 0;
    for (double l : least) w += l;
    return w + gap * static_cast<double>(least.empty() ? 0 : least.size() - 1);
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
                         const std::string& lang, const SourceLocation& where) {
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
        Stack stack;
        stack.begin(tag(page::TagKind::table_row));
        double x = 0;
        double tallest = 0;
        for (std::size_t j = 0; j < ncols; ++j) {
            stack.begin(tag(cell_kind));
            if (j < rows[r]->cells.size()) {
                const model::Cell& cell = rows[r]->cells[j];
                SetParagraph p = ctx.set(cell.content, style, widths[j], lang, where, true, cell_alignment(cell.align));
                stack.set_y(kRowPadding);
                LineSpec spec = ctx.lines(style, rtl ? width - x - widths[j] : x);
                stack.lines(p, spec);
                tallest = std::max(tallest, stack.y() - kRowPadding);
            }
            stack.end(cell_kind);
            x += widths[j] + gap;
        }
        stack.end(page::TagKind::table_row);
        double height = tallest + 2 * kRowPadding;
        bool last = r + 1 == rows.size();
        if (head) {
            stack.add(horizontal_rule(0, width, height - 0.25, 0.5, page::Colour{0, 0, 0}), 0, 0);
        } else if (!last) {
            stack.add(horizontal_rule(0, width, height - 0.125, 0.25, page::Colour{0.6, 0.6, 0.6}), 0, 0);
        }
        TableRowLayout row;
        row.height = height;
        row.head = head;
        row.fragment = stack.take();
        out.rows.push_back(std::move(row));
    }
    return out;
}

}  // namespace galley::typeset
