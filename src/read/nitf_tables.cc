// NITF (HTML-like) tables -> model::Table: caption, thead/tbody/tfoot or
// bare rows, th/td cells with align. galley has no merged cells: colspan
// is padded with empty cells, rowspan reported.
#include "read/nitf_context.h"

namespace galley::read::nitf {
namespace {

using namespace galley::model;

Align align_of(const xmlNode* n) {
    std::string a = squash(xml::attribute(n, "align").value_or(""));
    if (a == "left") return Align::left;
    if (a == "right") return Align::right;
    if (a == "center" || a == "centre") return Align::center;
    return Align::start;
}

int span_of(const xmlNode* n, const char* attr) {
    auto v = xml::attribute(n, attr);
    if (!v) return 1;
    std::string s = squash(*v);
    int k = 0;
    for (char ch : s) {
        if (ch < '0' || ch > '9') return 1;
        k = k * 10 + (ch - '0');
        if (k > 100) return 100;
    }
    return k < 1 ? 1 : k;
}

struct RowRead {
    Row row;
    bool all_th = true;
};

RowRead read_row(Context& c, const xmlNode* tr) {
    RowRead r;
    for (xmlNode* cell : xml::children(tr)) {
        std::string n = shown_name(cell);
        if (!in_nitf(c, cell) || (n != "td" && n != "th")) {
            c.report.warn("W-NITF-UNMAPPED", "in row " + n, c.where(cell),
                          tag(cell) + " in a table row is not a cell: its text is kept as a cell");
            r.all_th = false;
            r.row.cells.push_back({Align::start, read_text(c, cell)});
            continue;
        }
        if (n == "td") r.all_th = false;
        r.row.cells.push_back({align_of(cell), read_text(c, cell)});
        int cols = span_of(cell, "colspan");
        if (cols > 1) {
            c.report.warn("W-NITF-TABLE", "colspan", c.where(cell),
                          "a table cell spans " + std::to_string(cols) +
                              " columns: galley has no merged cells, so empty cells follow it");
            for (int k = 1; k < cols; ++k) r.row.cells.push_back({Align::start, {}});
        }
        if (span_of(cell, "rowspan") > 1)
            c.report.warn("W-NITF-TABLE", "rowspan", c.where(cell),
                          "a table cell spans rows: galley has no merged cells, so the cell stands in its first "
                          "row only");
    }
    return r;
}

}  // namespace

void read_table(Context& c, const xmlNode* table, std::vector<Block>& out) {
    Table t;
    std::vector<RowRead> head_rows, body_rows, foot_rows;
    auto rows_of = [&](const xmlNode* group, std::vector<RowRead>& into) {
        for (xmlNode* tr : xml::children(group)) {
            if (in_nitf(c, tr) && xml::name(tr) == "tr")
                into.push_back(read_row(c, tr));
            else
                c.report.warn("W-NITF-UNMAPPED", "in table group " + shown_name(tr), c.where(tr),
                              tag(tr) + " in a table is not a row: left out");
        }
    };
    for (xmlNode* ch : xml::children(table)) {
        std::string n = shown_name(ch);
        if (!in_nitf(c, ch)) {
            c.report.warn("W-NITF-UNMAPPED", "in table " + n, c.where(ch), tag(ch) + " in a table: left out");
        } else if (n == "caption") {
            t.caption = read_text(c, ch);
        } else if (n == "thead") {
            rows_of(ch, head_rows);
        } else if (n == "tbody") {
            rows_of(ch, body_rows);
        } else if (n == "tfoot") {
            rows_of(ch, foot_rows);
        } else if (n == "tr") {
            body_rows.push_back(read_row(c, ch));
        } else if (n == "col" || n == "colgroup") {
            // Column widths and styles: presentation only, nothing to keep.
        } else {
            c.report.warn("W-NITF-UNMAPPED", "in table " + n, c.where(ch), tag(ch) + " in a table: left out");
        }
    }
    // A header: the first <thead> row, or a first row of <th> cells only.
    if (!head_rows.empty()) {
        t.head = std::move(head_rows.front().row);
        if (head_rows.size() > 1) {
            c.report.warn("W-NITF-TABLE", "header rows", c.where(table),
                          "a table has " + std::to_string(head_rows.size()) +
                              " header rows: galley has one, the others are read as body rows");
            body_rows.insert(body_rows.begin(), head_rows.begin() + 1, head_rows.end());
        }
    } else if (body_rows.size() > 1 && body_rows.front().all_th && !body_rows.front().row.cells.empty()) {
        t.head = std::move(body_rows.front().row);
        body_rows.erase(body_rows.begin());
    }
    for (auto* group : {&body_rows, &foot_rows})
        for (RowRead& r : *group)
            if (!r.row.cells.empty()) t.rows.push_back(std::move(r.row));
    if (t.rows.empty() && t.head) {
        t.rows.push_back(std::move(*t.head));
        t.head.reset();
    }
    if (t.rows.empty()) {
        c.report.warn("W-NITF-TABLE", "empty", c.where(table), "a table without rows: left out");
        return;
    }
    Block b;
    b.where = c.where(table);
    b.node = std::move(t);
    out.push_back(std::move(b));
}

}  // namespace galley::read::nitf
