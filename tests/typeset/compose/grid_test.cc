// The baseline grid: cells, snapping, and page frames.
#include <doctest/doctest.h>

#include "compose_fixture.h"
#include "typeset/compose/page_frame.h"

namespace galley::typeset {

TEST_CASE("grid cells start at the live top when the first baseline is less than a line down") {
    BaselineGrid g(40, 8, 11.5);
    CHECK(g.ascent() == doctest::Approx(8));
    CHECK(g.cell_top_from(40) == doctest::Approx(40));
    CHECK(g.cell_top_from(40.001) == doctest::Approx(40));  // within tolerance
    CHECK(g.cell_top_from(41) == doctest::Approx(51.5));
    CHECK(g.cell_top_from(51.5) == doctest::Approx(51.5));
    CHECK(g.boundary_at_or_above(60) == doctest::Approx(51.5));
    CHECK(g.boundary_at_or_above(63) == doctest::Approx(63));
    CHECK(g.on_grid(48));
    CHECK(g.on_grid(48 + 11.5 * 40));
    CHECK_FALSE(g.on_grid(49));
}

TEST_CASE("a first baseline lower than a line keeps its remainder as the cell ascent") {
    BaselineGrid g(0, 20, 11.5);
    CHECK(g.ascent() == doctest::Approx(8.5));
    CHECK(g.on_grid(20));
    CHECK(g.on_grid(8.5));
    CHECK(g.cell_top_from(0) == doctest::Approx(0));
    BaselineGrid zero(0, 0, 12);
    CHECK(zero.ascent() == doctest::Approx(12));
    CHECK(zero.cell_top_from(0) == doctest::Approx(0));
    CHECK(zero.on_grid(12));
}

TEST_CASE("facing pages swap the inner and outer margins") {
    layout::Layout l = test::bundled_layout("magazine");
    PageFrame right = page_frame(l, 1);
    PageFrame left = page_frame(l, 2);
    CHECK(right.left == doctest::Approx(l.page.margin_inner.to_pt()));
    CHECK(left.left == doctest::Approx(l.page.margin_outer.to_pt()));
    CHECK(right.width() == doctest::Approx(left.width()));
    CHECK(right.column_x(2) + right.column_width == doctest::Approx(right.right));
    layout::Layout n = test::bundled_layout("newsletter");
    CHECK(page_frame(n, 2).left == doctest::Approx(n.page.margin_inner.to_pt()));
}

}  // namespace galley::typeset
