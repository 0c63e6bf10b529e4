// The baseline grid: cells, snapping, and page frames.
#include <doctest/doctest.h>

#include <string>

#include "compose_fixture.h"
#include "page_checks.h"
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

TEST_CASE("a grid origin lower than the body type rises is moved down, so lines never reach into what is above") {
    // Tabloid with its body at 18/21 on a 21 pt grid, the origin kept at
    // 8 pt: an 18 pt ascender rises some 13 pt, and every line after a
    // picture's credit or a head ran into it.
    layout::Layout l = test::bundled_layout("tabloid");
    l.grid.leading = Length::pt(21);
    l.style(layout::ParagraphStyleId::body).size = Length::pt(18);
    l.style(layout::ParagraphStyleId::body).leading = Length::pt(21);
    model::Article a;
    a.id = "big";
    a.lang = "en";
    a.meta.priority = 3;
    a.head.headline = test::text("Large type");
    a.head.dateline = test::text("PHNOM PENH");
    std::string words;
    for (int i = 0; i < 120; ++i) words += (i ? " word" : "word") + std::to_string(i);
    for (int i = 0; i < 4; ++i) {
        model::Block p;
        p.node = model::Paragraph{test::text(words)};
        a.body.push_back(p);
        if (i == 1)
            a.body.push_back(test::figure_block(model::Placement::inline_, "img/kratie-dolphin-surfacing.jpg", 1600, 1067, "alt",
                                                "A caption under the picture."));
    }
    auto c = test::compose(test::issue_of({a}), l);
    CHECK(c->diags.contains("W-LAYOUT-GRID-ORIGIN"));
    for (const auto& p : test::check_overlaps(c->doc)) FAIL_CHECK(p);
    // The lines keep to a grid: the layout's, its first baseline moved.
    layout::Layout fitted = l;
    for (const Diagnostic& d : c->diags.all())
        if (d.code == "W-LAYOUT-GRID-ORIGIN") {
            const std::size_t at = d.message.rfind("grid.origin=\"") + 13;
            fitted.grid.origin = Length::pt(std::stod(d.message.substr(at)));
        }
    CHECK(fitted.grid.origin.to_pt() > 13);
    for (const auto& p : test::check_grid(c->doc, fitted)) FAIL_CHECK(p);
}

}  // namespace galley::typeset
