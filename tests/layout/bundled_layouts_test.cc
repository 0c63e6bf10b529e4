// The bundled layouts: each loads cleanly, peer-tabloid keeps the peers'
// exact geometry, and every resolved value matches its golden dump.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>

#include "layout/dump.h"
#include "layout/loader.h"
#include "layout_test_support.h"

using namespace galley;
using layout::ParagraphStyleId;

namespace {

const char* const kBundled[] = {"broadsheet", "magazine", "newsletter", "peer-tabloid", "tabloid"};

bool near_mm(Length l, double mm) { return std::abs(l.to_mm() - mm) < 1e-9; }
bool near_pt(Length l, double pt) { return std::abs(l.to_pt() - pt) < 1e-9; }

layout::Layout load_bundled(const std::string& name) {
    Diagnostics diags;
    std::optional<layout::Layout> l = layout::load_layout(name, test::bundled_layouts(), diags);
    INFO(test::describe(diags));
    REQUIRE(l.has_value());
    CHECK(diags.empty());
    return *l;
}

}  // namespace

TEST_CASE("every bundled layout loads with no diagnostics") {
    for (const char* name : kBundled) {
        CAPTURE(name);
        layout::Layout l = load_bundled(name);
        CHECK(l.name == name);
        CHECK(!l.description.empty());
        CHECK(l.chain == std::vector<std::string>{name, "base"});
    }
}

TEST_CASE("galley layouts lists the five bundled layouts by name, not the abstract base") {
    Diagnostics diags;
    std::vector<layout::LayoutSummary> list = layout::list_layouts(test::bundled_layouts(), diags);
    INFO(test::describe(diags));
    CHECK(diags.empty());
    REQUIRE(list.size() == 5);
    for (std::size_t i = 0; i < list.size(); ++i) CHECK(list[i].name == kBundled[i]);
    CHECK(list[3].columns == 5);
    CHECK(layout::format_summary_line(list[3]).rfind("peer-tabloid ", 0) == 0);
    CHECK(layout::format_summary_line(list[4]) ==
          "tabloid        289 x 380 mm, 5 columns      Five-column tabloid, 289 x 380 mm, Charis SIL 9.5/11.5 "
          "with Noto Serif Display headlines");
}

TEST_CASE("peer-tabloid has the peers' exact geometry: 289x380 mm, 15/12/18/12 mm, 5 x 49.8 mm") {
    layout::Layout l = load_bundled("peer-tabloid");
    CHECK(near_mm(l.page.width, 289));
    CHECK(near_mm(l.page.height, 380));
    CHECK(near_mm(l.page.margin_top, 15));
    CHECK(near_mm(l.page.margin_outer, 12));
    CHECK(near_mm(l.page.margin_bottom, 18));
    CHECK(near_mm(l.page.margin_inner, 12));
    CHECK(l.columns.count == 5);
    CHECK(near_mm(l.columns.gutter, 4));
    CHECK(near_mm(l.column_width(), (289.0 - 24.0 - 16.0) / 5.0));
    CHECK(near_mm(l.column_width(), 49.8));
    // Left margin is 12 mm on every page, left- or right-hand.
    CHECK(near_mm(l.left_margin(1), 12));
    CHECK(near_mm(l.left_margin(2), 12));
}

TEST_CASE("peer-tabloid sets body DejaVu Serif 9/11 justified and hyphenated, headlines DejaVu Sans Bold 36/40") {
    layout::Layout l = load_bundled("peer-tabloid");
    const layout::ParagraphStyle& body = l.style(ParagraphStyleId::body);
    CHECK(body.font.families.front() == "DejaVu Serif");
    CHECK(near_pt(body.size, 9));
    CHECK(near_pt(body.leading, 11));
    CHECK(body.align == layout::Alignment::justify);
    CHECK(body.hyphenate);
    CHECK(near_pt(l.grid.leading, 11));
    for (int p = 1; p <= layout::kTierCount; ++p) {
        CAPTURE(p);
        CHECK(near_pt(l.tier(p).size, 36));
        CHECK(near_pt(l.tier(p).leading, 40));
        CHECK(l.tier(p).weight == 700);
        CHECK(l.tier_columns(p) == 5);
    }
    CHECK(l.style(ParagraphStyleId::headline).font.families.front() == "DejaVu Sans");
    // Everything is DejaVu: the first family of every style is a DejaVu face.
    for (const layout::ParagraphStyle& s : l.paragraph_styles) CHECK(s.font.families.front().rfind("DejaVu ", 0) == 0);
}

TEST_CASE("newspaper and magazine body text is justified and hyphenated in every bundled layout") {
    for (const char* name : kBundled) {
        CAPTURE(name);
        layout::Layout l = load_bundled(name);
        const layout::ParagraphStyle& body = l.style(ParagraphStyleId::body);
        CHECK(body.align == layout::Alignment::justify);
        CHECK(body.hyphenate);
        CHECK(body.align_to_grid);
        CHECK(body.hyphen_max_consecutive <= 2);
        CHECK(body.leading == l.grid.leading);
        CHECK(l.style(ParagraphStyleId::body_first).first_line_indent == Length::pt(0));
    }
}

TEST_CASE("column counts and trim sizes of the bundled layouts") {
    CHECK(load_bundled("tabloid").columns.count == 5);
    CHECK(load_bundled("broadsheet").columns.count == 6);
    layout::Layout magazine = load_bundled("magazine");
    CHECK(magazine.columns.count == 3);
    CHECK(near_mm(magazine.page.width, 210));
    CHECK(near_mm(magazine.page.height, 297));
    CHECK(near_mm(magazine.page.bleed_top, 3));
    CHECK(near_mm(magazine.page.bleed_outer, 3));
    CHECK(magazine.press.crop_marks);
    layout::Layout newsletter = load_bundled("newsletter");
    CHECK(newsletter.columns.count == 2);
    CHECK(near_pt(newsletter.page.width, 8.5 * 72));
    CHECK(near_pt(newsletter.page.height, 11 * 72));
}

TEST_CASE("the tabloid's headline tiers run from 54/56 over all five columns to 18/20 over two") {
    layout::Layout l = load_bundled("tabloid");
    CHECK(near_pt(l.tier(1).size, 54));
    CHECK(near_pt(l.tier(1).leading, 56));
    CHECK(l.tier_columns(1) == 5);
    CHECK(near_pt(l.tier(5).size, 18));
    CHECK(near_pt(l.tier(5).leading, 20));
    CHECK(l.tier_columns(5) == 2);
    // Priorities outside 1..5 clamp.
    CHECK(&l.tier(0) == &l.tier(1));
    CHECK(&l.tier(9) == &l.tier(5));
}

TEST_CASE("golden dumps of the bundled layouts (GALLEY_UPDATE_GOLDEN=1 rewrites them)") {
    const char* update = std::getenv("GALLEY_UPDATE_GOLDEN");
    for (const char* name : kBundled) {
        CAPTURE(name);
        std::string dump = layout::dump_layout(load_bundled(name));
        std::filesystem::path golden = test::source_dir() / "tests" / "layout" / "golden" / (std::string(name) + ".txt");
        if (update != nullptr && std::string(update) == "1") {
            std::ofstream(golden, std::ios::binary) << dump;
        }
        std::string expected = test::read_file(golden);
        CHECK(dump == expected);
    }
}
