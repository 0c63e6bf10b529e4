// Every way a layout can be wrong, each asserting the exact diagnostic: code,
// line, column and message.
#include <doctest/doctest.h>

#include <algorithm>

#include "layout/loader.h"
#include "layout_test_support.h"

using namespace galley;

namespace {

// Loads a layout whose second line is `line2` and returns its diagnostics.
Diagnostics load_line(const std::string& line2, const std::string& name = "broken") {
    test::LayoutDir dir;
    Diagnostics diags;
    std::optional<layout::Layout> l = dir.load(name, "<layout>\n" + line2 + "\n</layout>\n", diags);
    CHECK(!l.has_value());
    return diags;
}

}  // namespace

TEST_CASE("unknown setting: a misspelt attribute gets the closest key") {
    Diagnostics d = load_line(R"(  <style name="body" sise="9pt"/>)");
    test::expect_only_error(d, "E-LAYOUT-UNKNOWN-SETTING", 2, 22,
                            "unknown setting 'style.body.sise'; did you mean 'style.body.size'?");
}

TEST_CASE("unknown setting: CSS names point to galley's (margin-left is the inner margin)") {
    Diagnostics d = load_line(R"(  <page margin-left="12mm"/>)");
    test::expect_only_error(d, "E-LAYOUT-UNKNOWN-SETTING", 2, 9,
                            "unknown setting 'page.margin-left'; did you mean 'page.margin-inner'?");
}

TEST_CASE("unknown setting: the right field in the wrong element") {
    Diagnostics d = load_line(R"(  <page gutter="4mm"/>)");
    test::expect_only_error(d, "E-LAYOUT-UNKNOWN-SETTING", 2, 9,
                            "unknown setting 'page.gutter'; did you mean 'columns.gutter'?");
}

TEST_CASE("unknown setting with nothing close lists what the element takes") {
    Diagnostics d = load_line(R"(  <grid colour="#000000"/>)");
    test::expect_only_error(d, "E-LAYOUT-UNKNOWN-SETTING", 2, 9,
                            "unknown setting 'grid.colour'; <grid> takes leading, origin, stacked-line-height");
}

TEST_CASE("unknown element gets the closest element name") {
    Diagnostics d = load_line(R"(  <pgae width="289mm"/>)");
    test::expect_only_error(d, "E-LAYOUT-UNKNOWN-SETTING", 2, 3, "unknown element <pgae>; did you mean <page>?");
}

TEST_CASE("unknown paragraph style name") {
    Diagnostics d = load_line(R"(  <style name="bdy" size="9pt"/>)");
    test::expect_only_error(d, "E-LAYOUT-UNKNOWN-SETTING", 2, 16, "unknown paragraph style 'bdy'; did you mean 'body'?");
}

TEST_CASE("unknown headline tier") {
    Diagnostics d = load_line(R"(  <tier priority="6" size="9pt"/>)");
    test::expect_only_error(d, "E-LAYOUT-UNKNOWN-SETTING", 2, 19,
                            "unknown headline tier '6'; expected one of 1, 2, 3, 4, 5");
}

TEST_CASE("a named group without its name") {
    Diagnostics d = load_line(R"(  <style size="9pt"/>)");
    test::expect_only_error(d, "E-LAYOUT-MISSING-NAME", 2, 3,
                            "<style> needs a name attribute naming the paragraph style it sets, for example "
                            "name=\"body\"");
}

TEST_CASE("bad unit") {
    Diagnostics d = load_line(R"(  <page width="289px"/>)");
    test::expect_only_error(d, "E-LAYOUT-BAD-VALUE", 2, 16,
                            "bad value '289px' for page.width: unknown unit 'px' (use mm, pt, in, cm or pc)");
}

TEST_CASE("a length without a unit") {
    Diagnostics d = load_line(R"(  <page width="289"/>)");
    test::expect_only_error(d, "E-LAYOUT-BAD-VALUE", 2, 16,
                            "bad value '289' for page.width: a length needs a unit (mm, pt, in, cm or pc), "
                            "for example 289mm");
}

TEST_CASE("not a length at all") {
    Diagnostics d = load_line(R"(  <page width="wide"/>)");
    test::expect_only_error(d, "E-LAYOUT-BAD-VALUE", 2, 16,
                            "bad value 'wide' for page.width: expected a length such as 9.5pt or 12mm");
}

TEST_CASE("negative size") {
    Diagnostics d = load_line(R"(  <style name="body" size="-9pt"/>)");
    test::expect_only_error(d, "E-LAYOUT-BAD-VALUE", 2, 28,
                            "bad value '-9pt' for style.body.size: must be greater than 0pt");
}

TEST_CASE("zero columns") {
    Diagnostics d = load_line(R"(  <columns count="0"/>)");
    test::expect_only_error(d, "E-LAYOUT-BAD-VALUE", 2, 19, "bad value '0' for columns.count: must be at least 1");
}

TEST_CASE("too many columns") {
    Diagnostics d = load_line(R"(  <columns count="21"/>)");
    test::expect_only_error(d, "E-LAYOUT-BAD-VALUE", 2, 19, "bad value '21' for columns.count: must be at most 20");
}

TEST_CASE("a fractional column count") {
    Diagnostics d = load_line(R"(  <columns count="2.5"/>)");
    test::expect_only_error(d, "E-LAYOUT-BAD-VALUE", 2, 19,
                            "bad value '2.5' for columns.count: expected a whole number such as 3");
}

TEST_CASE("enum value not allowed") {
    Diagnostics d = load_line(R"(  <style name="body" align="ragged"/>)");
    test::expect_only_error(d, "E-LAYOUT-BAD-VALUE", 2, 29,
                            "bad value 'ragged' for style.body.align: expected one of left, right, center, justify");
}

TEST_CASE("enum value misspelt gets a suggestion") {
    Diagnostics d = load_line(R"(  <style name="body" align="justfy"/>)");
    test::expect_only_error(d, "E-LAYOUT-BAD-VALUE", 2, 29,
                            "bad value 'justfy' for style.body.align: expected one of left, right, center, justify; "
                            "did you mean 'justify'?");
}

TEST_CASE("bad boolean, colour, weight and span") {
    CHECK(load_line(R"(  <style name="body" hyphenate="yes"/>)").all().front().message ==
          "bad value 'yes' for style.body.hyphenate: expected true or false");
    CHECK(load_line(R"(  <style name="body" colour="red"/>)").all().front().message ==
          "bad value 'red' for style.body.colour: expected a colour as #rrggbb, for example #1a1a1a");
    CHECK(load_line(R"(  <style name="body" weight="450"/>)").all().front().message ==
          "bad value '450' for style.body.weight: expected a weight from 100 to 900 in steps of 100, or thin, "
          "light, regular, medium, semibold, bold, black");
    CHECK(load_line(R"(  <span deck="wide"/>)").all().front().message ==
          "bad value 'wide' for span.deck: expected a number of columns from 1 to 20, or all or headline");
    CHECK(load_line(R"(  <tier priority="1" span="headline"/>)").all().front().message ==
          "bad value 'headline' for tier.1.span: expected a number of columns from 1 to 20, or all");
    CHECK(load_line(R"(  <char name="em" italic="maybe"/>)").all().front().message ==
          "bad value 'maybe' for char.em.italic: expected true, false or inherit");
    CHECK(load_line(R"(  <style name="body" space-before="-1line"/>)").all().front().message ==
          "bad value '-1line' for style.body.space-before: must be from 0 to 50 lines");
    CHECK(load_line(R"(  <fonts text="sans"/>)").all().front().message ==
          "bad value 'sans' for fonts.text: 'sans' is a font role; name the families of a role here");
    CHECK(load_line(R"(  <style name="body" font="Charis SIL,,Lato"/>)").all().front().message ==
          "bad value 'Charis SIL,,Lato' for style.body.font: expected font family names separated by commas, "
          "or a font role (text, display or sans)");
}

TEST_CASE("the same setting twice in one file") {
    Diagnostics d = load_line("  <page width=\"289mm\"/>\n  <page width=\"290mm\"/>");
    test::expect_only_error(d, "E-LAYOUT-DUPLICATE-SETTING", 3, 16,
                            "'page.width' is set twice in this file (first on line 2)");
}

TEST_CASE("text inside an element") {
    Diagnostics d = load_line("  <page>289mm</page>");
    test::expect_only_error(d, "E-LAYOUT-BAD-VALUE", 2, 0, "unexpected text inside <page>; settings are attributes");
}

TEST_CASE("a child element inside a settings element") {
    Diagnostics d = load_line("  <page><width/></page>");
    test::expect_only_error(d, "E-LAYOUT-UNKNOWN-SETTING", 2, 9,
                            "unexpected element <width> inside <page>; settings are attributes");
}

TEST_CASE("every error in a file is reported, not just the first") {
    Diagnostics d = load_line("  <page width=\"289px\" height=\"-1mm\"/>\n  <columns count=\"0\"/>\n  <pgae/>");
    INFO(test::describe(d));
    REQUIRE(d.all().size() == 4);
    CHECK(d.all()[0].where.line == 2);
    CHECK(d.all()[1].where.line == 2);
    CHECK(d.all()[2].where.line == 3);
    CHECK(d.all()[3].where.line == 4);
}

TEST_CASE("unknown attribute on <layout>") {
    test::LayoutDir dir;
    Diagnostics d;
    CHECK(!dir.load("x", R"(<layout extend="base"/>)", d));
    test::expect_only_error(d, "E-LAYOUT-UNKNOWN-SETTING", 1, 9,
                            "unknown attribute 'extend' on <layout>; did you mean 'extends'?");
}

TEST_CASE("a layout's name must be its file name") {
    test::LayoutDir dir;
    Diagnostics d;
    CHECK(!dir.load("tabloid2", R"(<layout name="tabloid"/>)", d));
    test::expect_only_error(d, "E-LAYOUT-NAME-MISMATCH", 1, 15,
                            "the layout is named 'tabloid' but its file is 'tabloid2.xml'; a layout's name is its "
                            "file name without .xml");
}

TEST_CASE("a root element other than <layout>") {
    test::LayoutDir dir;
    Diagnostics d;
    CHECK(!dir.load("x", "<article/>", d));
    test::expect_only_error(d, "E-LAYOUT-NOT-A-LAYOUT", 1, 1,
                            "the root element is <article>; a layout file's root element is <layout>");
}

TEST_CASE("missing bundled layout suggests the closest name") {
    Diagnostics d;
    CHECK(!layout::load_layout("tabliod", test::bundled_layouts(), d));
    test::expect_only_error(d, "E-LAYOUT-NOT-FOUND", 0, 0, "no bundled layout named 'tabliod'; did you mean 'tabloid'?",
                            test::bundled_layouts().string());
}

TEST_CASE("missing bundled layout with nothing close lists the bundled ones") {
    Diagnostics d;
    CHECK(!layout::load_layout("gazette", test::bundled_layouts(), d));
    test::expect_only_error(d, "E-LAYOUT-NOT-FOUND", 0, 0,
                            "no bundled layout named 'gazette'; the bundled layouts are broadsheet, magazine, "
                            "newsletter, peer-tabloid, tabloid");
}

TEST_CASE("missing layout file") {
    test::TempDir t;
    std::string path = (t.path() / "none.xml").string();
    Diagnostics d;
    CHECK(!layout::load_layout(path, test::bundled_layouts(), d));
    test::expect_only_error(d, "E-LAYOUT-NOT-FOUND", 0, 0, "no layout file at '" + path + "'", path);
}

TEST_CASE("a layout path that is a folder or a device is said to be one") {
    test::TempDir t;
    std::filesystem::create_directory(t.path() / "folder.xml");
    for (std::string path : {(t.path() / "folder.xml").string(), std::string("/dev/null")}) {
        CAPTURE(path);
        Diagnostics d;
        CHECK(!layout::load_layout(path, test::bundled_layouts(), d));
        test::expect_only_error(d, "E-LAYOUT-NOT-FOUND", 0, 0,
                                "'" + path + "' is not a layout file (a folder, a device or a pipe)", path);
    }
}

TEST_CASE("extending a bundled layout that does not exist") {
    test::LayoutDir dir;
    Diagnostics d;
    dir.write("base", "<layout abstract=\"true\"/>");
    CHECK(!dir.load("paper", R"(<layout extends="bsae"/>)", d));
    test::expect_only_error(d, "E-LAYOUT-NOT-FOUND", 1, 18,
                            "layout 'paper' extends 'bsae', which is not a bundled layout; did you mean 'base'?");
}

TEST_CASE("extending a file that does not exist") {
    test::LayoutDir dir;
    Diagnostics d;
    CHECK(!dir.load("paper", R"(<layout extends="shared/house.xml"/>)", d));
    test::expect_only_error(d, "E-LAYOUT-NOT-FOUND", 1, 18,
                            "layout 'paper' extends 'shared/house.xml', but there is no layout file " +
                                (dir.path() / "shared" / "house.xml").string());
}

TEST_CASE("extends cycle") {
    test::LayoutDir dir;
    dir.write("b", "<layout\n    extends=\"a\"/>");
    Diagnostics d;
    CHECK(!dir.load("a", R"(<layout extends="b"/>)", d));
    test::expect_only_error(d, "E-LAYOUT-EXTENDS-CYCLE", 2, 14, "layout 'a' extends itself: a -> b -> a",
                            (dir.path() / "b.xml").string());
}

TEST_CASE("a layout extending itself") {
    test::LayoutDir dir;
    Diagnostics d;
    CHECK(!dir.load("a", R"(<layout extends="a"/>)", d));
    test::expect_only_error(d, "E-LAYOUT-EXTENDS-CYCLE", 1, 18, "layout 'a' extends itself: a -> a");
}

TEST_CASE("based-on cycle between paragraph styles") {
    Diagnostics d = load_line(R"(  <style name="body" based-on="list"/>)");
    test::expect_only_error(d, "E-LAYOUT-STYLE-CYCLE", 2, 32,
                            "paragraph style 'body' is based on itself: body -> list -> body");
}

TEST_CASE("an abstract layout cannot be used itself") {
    // Located at base.xml's <layout> element, wherever its comment ends.
    std::string text = test::read_file(test::bundled_layouts() / "base.xml");
    std::string before = text.substr(0, text.find("<layout "));
    int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    Diagnostics d;
    CHECK(!layout::load_layout("base", test::bundled_layouts(), d));
    test::expect_only_error(d, "E-LAYOUT-ABSTRACT", line, 1,
                            "layout 'base' is abstract: it holds shared settings for other layouts to extend and "
                            "cannot be used itself");
}

TEST_CASE("malformed XML is reported at its line and column by the XML module") {
    Diagnostics d = load_line("  <page width=\"289mm\">\n  <columns/>");
    INFO(test::describe(d));
    REQUIRE(!d.empty());
    CHECK(d.all().front().code == "E-XML-MALFORMED");
    CHECK(d.all().front().where.line == 4);
    CHECK(d.all().front().where.column == 10);
    CHECK(d.all().front().message == "Opening and ending tag mismatch: page line 2 and layout");
}

TEST_CASE("an empty layout file") {
    test::LayoutDir dir;
    Diagnostics d;
    CHECK(!dir.load("empty", "", d));
    test::expect_only_error(d, "E-XML-MALFORMED", 1, 1, "Document is empty");
}

TEST_CASE("a DOCTYPE is refused, even in trusted configuration") {
    test::LayoutDir dir;
    Diagnostics d;
    CHECK(!dir.load("x",
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE layout [<!ENTITY w \"289mm\">]>\n"
                    "<layout><page width=\"&w;\"/></layout>\n",
                    d));
    test::expect_only_error(d, "E-XML-DOCTYPE", 2, 18,
                            "a DOCTYPE declaration is not allowed (<!DOCTYPE layout ...>); galley reads no DTDs and "
                            "expands no entities");
}

TEST_CASE("consistency: gutters wider than the page") {
    Diagnostics d = load_line(R"(  <columns count="5" gutter="60mm"/>)");
    test::expect_only_error(d, "E-LAYOUT-INCONSISTENT", 2, 30,
                            "columns would be -12mm wide (5 columns, columns.gutter 60mm, live area 180mm wide); "
                            "the narrowest allowed is 15mm");
}

TEST_CASE("consistency: too many columns for the page") {
    Diagnostics d = load_line(R"(  <columns count="12"/>)");
    test::expect_only_error(d, "E-LAYOUT-INCONSISTENT", 2, 19,
                            "columns would be 11.333mm wide (12 columns, columns.gutter 4mm, live area 180mm wide); "
                            "the narrowest allowed is 15mm");
}

TEST_CASE("consistency: margins leave no live area") {
    Diagnostics d = load_line(R"(  <page width="100mm" margin-inner="60mm" margin-outer="50mm"/>)");
    test::expect_only_error(d, "E-LAYOUT-INCONSISTENT", 2, 57,
                            "the margins leave no live area across the page: page.width 100mm minus "
                            "page.margin-inner 60mm and page.margin-outer 50mm is -10mm");
}

TEST_CASE("consistency: margins that add up to the page leave no live area") {
    Diagnostics d = load_line(R"(  <page width="100mm" margin-inner="50mm" margin-outer="50mm"/>)");
    test::expect_only_error(d, "E-LAYOUT-INCONSISTENT", 2, 57,
                            "the margins leave no live area across the page: page.width 100mm minus "
                            "page.margin-inner 50mm and page.margin-outer 50mm is 0mm");
}

TEST_CASE("consistency: a page too shallow for three lines of body text") {
    Diagnostics d = load_line(R"(  <page height="30mm" margin-top="10mm" margin-bottom="12mm"/><masthead height="0mm"/>)");
    test::expect_only_error(d, "E-LAYOUT-INCONSISTENT", 2, 17,
                            "the live area (8mm high, page.height 30mm) holds fewer than 3 lines of body text "
                            "(grid.origin 9pt, grid.leading 11pt)");
}

TEST_CASE("consistency: box padding that leaves no room for the text") {
    Diagnostics d = load_line(R"(  <box name="aside" padding="30mm"/>)");
    test::expect_only_error(d, "E-LAYOUT-INCONSISTENT", 2, 30,
                            "box.aside.padding 30mm on both sides of a 57.333mm aside leaves 0mm for its text; the "
                            "narrowest allowed is 10mm");
}

TEST_CASE("consistency: running heads and folios stay on the page, reported where the layout set its margins") {
    Diagnostics top = load_line(R"(  <page margin-top="4mm"/>)");
    test::expect_only_error(top, "E-LAYOUT-INCONSISTENT", 2, 21,
                            "running-head.offset 6mm sets the running head's 9pt type above the page "
                            "(page.margin-top is 4mm)");
    Diagnostics bottom = load_line(R"(  <page margin-bottom="5mm"/>)");
    test::expect_only_error(bottom, "E-LAYOUT-INCONSISTENT", 2, 24,
                            "folio.offset 8mm sets the folio below the page (page.margin-bottom is 5mm)");
    Diagnostics folio_top = load_line(R"(  <folio position="top-outer" offset="20mm"/>)");
    test::expect_only_error(folio_top, "E-LAYOUT-INCONSISTENT", 2, 39,
                            "folio.offset 20mm sets the folio's 9pt type above the page (page.margin-top is 15mm)");
}

TEST_CASE("consistency: a masthead that leaves page one less than a third of the live area") {
    Diagnostics d = load_line(R"(  <page height="300mm"/><masthead height="200mm"/>)");
    test::expect_only_error(d, "E-LAYOUT-INCONSISTENT", 2, 43,
                            "masthead.height 200mm leaves 70mm of the 270mm live area for the articles on page one; "
                            "it must leave at least a third");
}

TEST_CASE("consistency: leading less than the size") {
    Diagnostics d = load_line(R"(  <style name="caption" size="8pt" leading="7pt"/>)");
    test::expect_only_error(d, "E-LAYOUT-INCONSISTENT", 2, 45,
                            "style.caption.leading 7pt is less than style.caption.size 8pt; lines would collide");
}

TEST_CASE("consistency: body leading off the baseline grid") {
    Diagnostics d = load_line(R"(  <style name="body" leading="12pt"/>)");
    test::expect_only_error(d, "E-LAYOUT-INCONSISTENT", 2, 31,
                            "style.body.leading 12pt differs from grid.leading 11pt; body text sits on the baseline "
                            "grid");
}

TEST_CASE("consistency: a span wider than the page's columns") {
    Diagnostics d = load_line(R"(  <span pullquote="4"/>)");
    test::expect_only_error(d, "E-LAYOUT-INCONSISTENT", 2, 20, "span.pullquote 4 is more than the layout's 3 columns");
}

TEST_CASE("consistency: word spacing and hyphenation limits") {
    Diagnostics d = load_line(R"(  <style name="kicker" word-space-min="1" word-space-natural="0.9" hyphen-min-left="3"/>)");
    INFO(test::describe(d));
    REQUIRE(d.all().size() == 2);
    CHECK(d.all()[0].message == "style.kicker.word-space-min 1 is more than style.kicker.word-space-natural 0.9");
    CHECK(d.all()[0].where.line == 2);
    CHECK(d.all()[1].message ==
          "style.kicker.hyphen-min-left 3 plus hyphen-min-right 3 is more than hyphen-min-word 5; no word could be "
          "hyphenated");
}

TEST_CASE("consistency: natural word space wider than the maximum") {
    Diagnostics d = load_line(R"(  <style name="kicker" word-space-natural="1.5" word-space-max="1.2"/>)");
    test::expect_only_error(d, "E-LAYOUT-INCONSISTENT", 2, 65,
                            "style.kicker.word-space-max 1.2 is less than style.kicker.word-space-natural 1.5");
}

TEST_CASE("consistency: crop marks inside the bleed") {
    Diagnostics d = load_line(R"(  <page bleed-top="5mm"/><press crop-marks="true" mark-offset="3mm"/>)");
    test::expect_only_error(d, "E-LAYOUT-INCONSISTENT", 2, 64,
                            "press.mark-offset 3mm is inside the 5mm bleed; crop marks would print over bleeding art");
}

TEST_CASE("consistency: a jump line label must name its page once") {
    Diagnostics d = load_line(R"(  <label continued-on="Suite page"/>)");
    test::expect_only_error(d, "E-LAYOUT-INCONSISTENT", 2, 24,
                            "label.continued-on \"Suite page\" must name the page once, as {page}");
    Diagnostics twice = load_line(R"(  <label continued-from="{page} / {page}"/>)");
    test::expect_only_error(twice, "E-LAYOUT-INCONSISTENT", 2, 26,
                            "label.continued-from \"{page} / {page}\" must name the page once, as {page}");
}

TEST_CASE("consistency: month and day names and digits come in full sets") {
    Diagnostics months = load_line(R"(  <label months="Jan, Feb"/>)");
    test::expect_only_error(months, "E-LAYOUT-INCONSISTENT", 2, 18,
                            "label.months has 2 names; it takes 12, separated by commas");
    Diagnostics days = load_line(R"(  <label weekdays="Mo, Tu, We, Th, Fr, Sa, "/>)");
    test::expect_only_error(days, "E-LAYOUT-INCONSISTENT", 2, 20,
                            "label.weekdays has an empty name; it takes 7, separated by commas");
    Diagnostics digits = load_line(R"(  <label digits="012345678"/>)");
    test::expect_only_error(digits, "E-LAYOUT-INCONSISTENT", 2, 18,
                            "label.digits \"012345678\" has 9 characters; it takes the ten digits 0 to 9");
}

TEST_CASE("consistency: the labels' language is a language tag") {
    Diagnostics d = load_line(R"(  <label lang="en GB"/>)");
    test::expect_only_error(d, "E-LAYOUT-INCONSISTENT", 2, 16,
                            "label.lang \"en GB\" is not a language tag (en, km, ar-EG, ...)");
}

TEST_CASE("a consistency error located at a default points at the layout element") {
    Diagnostics d = load_line(R"(  <grid leading="12pt"/>)");
    test::expect_only_error(d, "E-LAYOUT-INCONSISTENT", 1, 1,
                            "style.body.leading 11pt differs from grid.leading 12pt; body text sits on the baseline "
                            "grid");
}

TEST_CASE("headline tiers growing with priority number are a warning, not an error") {
    test::LayoutDir dir;
    Diagnostics d;
    std::optional<layout::Layout> l = dir.load("tiers", R"(<layout><tier priority="3" size="40pt" leading="42pt"/></layout>)", d);
    CHECK(l.has_value());
    INFO(test::describe(d));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].severity == Severity::warning);
    CHECK(d.all()[0].code == "W-LAYOUT-TIER-ORDER");
    CHECK(d.all()[0].message ==
          "tier.3.size 40pt is larger than tier.2.size 36pt; less important articles usually get smaller headlines");
}
