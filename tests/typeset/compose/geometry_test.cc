// The sample issue in every bundled layout moved to other page sizes and
// column counts (a desk's A4 or Letter edition, a pocket A5 or A6): the
// pages keep the invariants the bundled geometries are held to, and
// nothing lies off a page (W-LAYOUT-OFF-PAGE).
//
// Margins, columns and gutter change; type, masthead and spans stay the
// layout's, as in a layout file that extends a bundled one and sets only
// its page and columns. The broadsheet's display sizes (a 58 mm masthead,
// an 18 pt deck over every column) make the lead story's head deeper than
// a pocket page holds under the masthead: the deck is set smaller, and the
// head kept clear of three lines of text and the jump line
// (head_block_test.cc).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "compose_fixture.h"
#include "page_checks.h"
#include "read/issue_reader.h"
#include "support/test_support.h"

namespace galley::test {

namespace {

struct Geometry {
    const char* name;
    double width_mm, height_mm, margin_mm;
    int columns;
};

const Geometry kGeometries[] = {
    {"A4", 210, 297, 12, 4},
    {"Letter", 215.9, 279.4, 12, 4},
    {"A5", 148, 210, 10, 3},
    {"A6", 105, 148, 8, 2},
    {"A4 landscape", 297, 210, 12, 6},
    {"Berliner", 315, 470, 14, 6},
    {"narrow", 120, 400, 10, 2},
    {"one column", 110, 180, 10, 1},
};

void check_geometry(const std::string& layout_name, const Geometry& g) {
    layout::Layout layout = bundled_layout(layout_name);
    layout.page.width = Length::mm(g.width_mm);
    layout.page.height = Length::mm(g.height_mm);
    layout.page.margin_inner = layout.page.margin_outer = Length::mm(g.margin_mm);
    layout.page.margin_bottom = Length::mm(g.margin_mm + 2);
    layout.page.margin_top = Length::mm(std::max(g.margin_mm, 12.0));
    layout.columns.count = g.columns;
    layout.columns.gutter = Length::mm(3.5);
    Diagnostics diags;
    auto read = read::read_issue(source_dir() / "samples" / "ppp-2008-06-13", {}, diags);
    REQUIRE(read.issue.has_value());
    auto c = compose(*read.issue, layout);
    auto problems = check_all(c->doc, *c->layout, c->issue);
    for (std::size_t i = 0; i < problems.size() && i < 25; ++i)
        FAIL_CHECK(layout_name << " at " << std::string(g.name) << ": " << problems[i]);
    CHECK_MESSAGE(problems.empty(), problems.size() << " problems");
    // A table cut between characters (a price table's "107.50" in one
    // narrow column) is set across more columns instead (BodyFlow::table).
    for (const Diagnostic& d : c->diags.all())
        CHECK_MESSAGE(d.code != "W-TEXT-FORCED-BREAK", layout_name << " at " << std::string(g.name) << ": " << d.message);
    for (const Diagnostic& d : c->diags.all())
        CHECK_MESSAGE(d.code != "W-LAYOUT-OFF-PAGE", layout_name << " at " << std::string(g.name) << ": " << d.message);
}

}  // namespace

TEST_CASE("the sample issue keeps the page invariants at other page sizes and column counts") {
    for (const char* layout : kLayouts)
        for (const Geometry& g : kGeometries) {
            check_geometry(layout, g);
        }
}

}  // namespace galley::test
