// Loading and resolving: inheritance along extends, based-on styles, font
// roles, grid lines, paths relative to the layout file.
#include <doctest/doctest.h>

#include <cmath>

#include "layout/dump.h"
#include "layout/loader.h"
#include "layout_test_support.h"

using namespace galley;
using layout::ParagraphStyleId;

namespace {

bool near_pt(Length l, double pt) { return std::abs(l.to_pt() - pt) < 1e-9; }

}  // namespace

TEST_CASE("an empty layout takes every registry default and is consistent") {
    test::LayoutDir dir;
    Diagnostics diags;
    std::optional<layout::Layout> l = dir.load("plain", "<layout/>", diags);
    INFO(test::describe(diags));
    REQUIRE(l.has_value());
    CHECK(diags.empty());
    CHECK(l->name == "plain");
    CHECK(l->chain == std::vector<std::string>{"plain"});
    CHECK(std::abs(l->page.width.to_mm() - 210) < 1e-9);
    CHECK(l->columns.count == 3);
    CHECK(l->style(ParagraphStyleId::body).font.families ==
          std::vector<std::string>{"Charis SIL", "Noto Serif Khmer", "Noto Serif Thai", "WenQuanYi Micro Hei"});
    CHECK(l->character_style(layout::CharacterStyleId::em).italic == std::optional<bool>(true));
    CHECK(l->character_style(layout::CharacterStyleId::em).weight == std::nullopt);
    CHECK(l->character_style(layout::CharacterStyleId::strong).weight == std::optional<int>(700));
}

TEST_CASE("the nearest layer wins - what it does not set comes from the layout it extends") {
    test::LayoutDir dir;
    dir.write("parent", R"(<layout abstract="true"><columns count="4" gutter="5mm"/><page width="300mm"/></layout>)");
    Diagnostics diags;
    std::optional<layout::Layout> l =
        dir.load("child", R"(<layout extends="parent" description="Child"><columns count="2"/></layout>)", diags);
    INFO(test::describe(diags));
    REQUIRE(l.has_value());
    CHECK(l->columns.count == 2);
    CHECK(std::abs(l->columns.gutter.to_mm() - 5) < 1e-9);
    CHECK(std::abs(l->page.width.to_mm() - 300) < 1e-9);
    CHECK(l->description == "Child");
    CHECK(l->chain == std::vector<std::string>{"child", "parent"});
}

TEST_CASE("spans inherited from a wider grid take the whole width of the narrower one") {
    // A pocket edition of the tabloid: two columns, and the tabloid's tiers
    // (4 and 3 columns), lead figure and tables written for five.
    test::TempDir elsewhere;
    std::filesystem::path file = elsewhere.write(
        "pocket.xml", R"(<layout extends="tabloid"><page width="105mm" height="148mm"/><columns count="2"/></layout>)");
    Diagnostics diags;
    std::optional<layout::Layout> l = layout::load_layout(file.string(), test::bundled_layouts(), diags);
    INFO(test::describe(diags));
    REQUIRE(l.has_value());
    CHECK(diags.empty());
    CHECK(l->columns.count == 2);
    const layout::Span all{layout::Span::Kind::all, 1};
    for (int t = 2; t <= 4; ++t) {
        INFO("tier " << t);
        CHECK(l->tier(t).span == all);
    }
    // Spans that fit the new grid stay as written: tier 5 spans 2, and
    // the lead figure follows the headline.
    CHECK(l->tier(5).span == layout::Span{layout::Span::Kind::columns, 2});
    CHECK(l->spans.lead_figure.kind == layout::Span::Kind::headline);
    // The dump says what the pages get.
    const std::string dump = layout::dump_layout(*l);
    CHECK(dump.find("\ntier.2.span = all\n") != std::string::npos);
    CHECK(dump.find("\ntier.5.span = 2\n") != std::string::npos);
}

TEST_CASE("a span the extending layout writes itself is held to its own grid") {
    test::LayoutDir dir;
    dir.write("wide", R"(<layout abstract="true"><columns count="6"/><tier priority="2" span="5"/></layout>)");
    Diagnostics diags;
    // The child narrows the grid and writes a span too wide for it: that is
    // a mistake in the child, not an inherited width.
    std::optional<layout::Layout> l = dir.load(
        "narrow", "<layout extends=\"wide\">\n  <columns count=\"2\"/><span pullquote=\"3\"/>\n</layout>\n", diags);
    CHECK(!l.has_value());
    test::expect_only_error(diags, "E-LAYOUT-INCONSISTENT", 2, 40, "span.pullquote 3 is more than the layout's 2 columns");
    // A grandchild that writes a span wider than the grid its parent set.
    Diagnostics d2;
    dir.write("mid", R"(<layout extends="wide" abstract="true"><columns count="2"/></layout>)");
    l = dir.load("leaf", "<layout extends=\"mid\">\n  <tier priority=\"3\" span=\"4\"/>\n</layout>\n", d2);
    CHECK(!l.has_value());
    test::expect_only_error(d2, "E-LAYOUT-INCONSISTENT", 2, 28, "tier.3.span 4 is more than the layout's 2 columns");
    // The parent's own tier 2 (5 of its 6 columns) passes to "mid"'s grid.
    Diagnostics d3;
    l = dir.load("plain-leaf", R"(<layout extends="mid"/>)", d3);
    INFO(test::describe(d3));
    REQUIRE(l.has_value());
    CHECK(l->tier(2).span == layout::Span{layout::Span::Kind::all, 1});
}

TEST_CASE("a layout file outside the bundled folder may extend a bundled layout by name") {
    test::TempDir elsewhere;
    std::filesystem::path file = elsewhere.write(
        "my-paper.xml", R"(<layout extends="tabloid" description="Ours"><style name="body" size="9pt"/></layout>)");
    Diagnostics diags;
    std::optional<layout::Layout> l = layout::load_layout(file.string(), test::bundled_layouts(), diags);
    INFO(test::describe(diags));
    REQUIRE(l.has_value());
    CHECK(l->name == "my-paper");
    CHECK(l->chain == std::vector<std::string>{"my-paper", "tabloid", "base"});
    CHECK(l->columns.count == 5);
    CHECK(near_pt(l->style(ParagraphStyleId::body).size, 9));
    // body-first is based on body, so it follows the new size.
    CHECK(near_pt(l->style(ParagraphStyleId::body_first).size, 9));
}

TEST_CASE("extends may name a file by path, relative to the extending file") {
    test::TempDir d;
    d.write("shared/house.xml", R"(<layout abstract="true"><columns count="4"/></layout>)");
    std::filesystem::path file = d.write("paper.xml", R"(<layout extends="shared/house.xml"/>)");
    Diagnostics diags;
    std::optional<layout::Layout> l = layout::load_layout_file(file, test::bundled_layouts(), diags);
    INFO(test::describe(diags));
    REQUIRE(l.has_value());
    CHECK(l->columns.count == 4);
    CHECK(l->chain == std::vector<std::string>{"paper", "house"});
}

TEST_CASE("a style inherits what it does not set from its based-on style, across layers") {
    test::LayoutDir dir;
    Diagnostics diags;
    std::optional<layout::Layout> l = dir.load("styles", R"(<layout>
  <style name="body" size="10pt" leading="11pt" align="justify" first-line-indent="4mm"/>
  <style name="body-first" first-line-indent="0mm"/>
  <style name="caption" based-on="body" align="left"/>
</layout>)",
                                               diags);
    INFO(test::describe(diags));
    REQUIRE(l.has_value());
    const layout::ParagraphStyle& first = l->style(ParagraphStyleId::body_first);
    CHECK(near_pt(first.size, 10));
    CHECK(first.align == layout::Alignment::justify);
    CHECK(first.first_line_indent == Length::pt(0));
    CHECK(first.based_on == "body");
    const layout::ParagraphStyle& caption = l->style(ParagraphStyleId::caption);
    CHECK(near_pt(caption.size, 10));
    CHECK(caption.align == layout::Alignment::left);
    CHECK(near_pt(caption.first_line_indent, Length::mm(4).to_pt()));
}

TEST_CASE("font roles resolve to the role's families - a child changing a role changes every style using it") {
    test::LayoutDir dir;
    dir.write("house", R"(<layout abstract="true"><style name="caption" font="sans"/></layout>)");
    Diagnostics diags;
    std::optional<layout::Layout> l =
        dir.load("paper", R"(<layout extends="house"><fonts sans="DejaVu Sans"/></layout>)", diags);
    INFO(test::describe(diags));
    REQUIRE(l.has_value());
    const layout::FontList& f = l->style(ParagraphStyleId::caption).font;
    CHECK(f.families == std::vector<std::string>{"DejaVu Sans"});
    CHECK(f.role == "sans");
    CHECK(f.joined() == "DejaVu Sans");
}

TEST_CASE("space in grid lines becomes a length on the layout's grid") {
    test::LayoutDir dir;
    Diagnostics diags;
    std::optional<layout::Layout> l = dir.load("grid", R"(<layout>
  <grid leading="12pt"/>
  <style name="body" leading="12pt"/>
  <style name="subhead" space-before="1.5lines" space-after="3pt"/>
</layout>)",
                                               diags);
    INFO(test::describe(diags));
    REQUIRE(l.has_value());
    const layout::ParagraphStyle& s = l->style(ParagraphStyleId::subhead);
    CHECK(near_pt(s.space_before.length, 18));
    CHECK(s.space_before.grid_lines == std::optional<double>(1.5));
    CHECK(near_pt(s.space_after.length, 3));
    CHECK(!s.space_after.grid_lines);
}

TEST_CASE("paths in a layout resolve against the layout file's folder") {
    test::LayoutDir dir;
    Diagnostics diags;
    std::optional<layout::Layout> l = dir.load(
        "paths",
        R"(<layout><fonts directories="fonts, /opt/fonts"/><press colour-profile="icc/news.icc"/></layout>)", diags);
    INFO(test::describe(diags));
    REQUIRE(l.has_value());
    CHECK(l->fonts.directories ==
          std::vector<std::filesystem::path>{dir.path() / "fonts", std::filesystem::path("/opt/fonts")});
    CHECK(l->press.colour_profile == dir.path() / "icc" / "news.icc");
}

TEST_CASE("facing pages swap inner and outer margins on left-hand pages") {
    test::LayoutDir dir;
    Diagnostics diags;
    std::optional<layout::Layout> l =
        dir.load("spread", R"(<layout><page margin-inner="20mm" margin-outer="10mm"/></layout>)", diags);
    REQUIRE(l.has_value());
    CHECK(std::abs(l->left_margin(1).to_mm() - 20) < 1e-9);
    CHECK(std::abs(l->left_margin(2).to_mm() - 10) < 1e-9);
    // Bound on the right, the odd pages are the left-hand ones.
    CHECK(l->page.binding == layout::BindingEdge::automatic);
    std::optional<layout::Layout> r = dir.load(
        "spread-rtl", R"(<layout><page margin-inner="20mm" margin-outer="10mm" binding="right"/></layout>)", diags);
    REQUIRE(r.has_value());
    CHECK(r->page.left_hand(1));
    CHECK_FALSE(r->page.left_hand(2));
    CHECK(std::abs(r->left_margin(1).to_mm() - 10) < 1e-9);
    CHECK(std::abs(r->left_margin(2).to_mm() - 20) < 1e-9);
}

TEST_CASE("geometry helpers: live area, spans and column edges") {
    Diagnostics diags;
    std::optional<layout::Layout> l = layout::load_layout("tabloid", test::bundled_layouts(), diags);
    REQUIRE(l.has_value());
    CHECK(std::abs(l->live_width().to_mm() - 265) < 1e-9);
    CHECK(std::abs(l->live_height().to_mm() - 347) < 1e-9);
    CHECK(std::abs(l->span_width(5).to_mm() - 265) < 1e-9);
    CHECK(std::abs(l->span_width(2).to_mm() - (2 * 49.8 + 4)) < 1e-9);
    CHECK(std::abs(l->column_left(1).to_mm() - 53.8) < 1e-9);
    layout::Span headline_span{layout::Span::Kind::headline, 0};
    CHECK(headline_span.resolve(5, 3) == 3);
    CHECK(layout::Span{layout::Span::Kind::all, 0}.resolve(5, 3) == 5);
    CHECK(layout::Span{layout::Span::Kind::columns, 9}.resolve(5, 3) == 5);
}

TEST_CASE("a name is a bundled layout - anything with a slash or .xml is a path") {
    CHECK(layout::is_layout_name("tabloid"));
    CHECK(layout::is_layout_name("peer-tabloid"));
    CHECK(!layout::is_layout_name("tabloid.xml"));
    CHECK(!layout::is_layout_name("./tabloid"));
    CHECK(!layout::is_layout_name("/etc/layouts/x"));
}

TEST_CASE("a multi-line element points each diagnostic at its own attribute") {
    test::LayoutDir dir;
    Diagnostics diags;
    std::optional<layout::Layout> l = dir.load("lines", "<layout>\n  <style name=\"body\"\n         size=\"9pt\"\n"
                                                        "         align=\"ragged\"\n         sise=\"9pt\"/>\n</layout>\n",
                                               diags);
    CHECK(!l.has_value());
    INFO(test::describe(diags));
    REQUIRE(diags.all().size() == 2);
    CHECK(diags.all()[0].where.line == 4);
    CHECK(diags.all()[0].where.column == 17);
    CHECK(diags.all()[1].where.line == 5);
    CHECK(diags.all()[1].where.column == 10);
}
