// The small pieces: dates, numbers, tag names, the structure plan.
#include <doctest/doctest.h>

#include "render/number_format.h"
#include "render/pdf_date.h"
#include "render/structure.h"

namespace galley::render {

TEST_CASE("dates: ISO 8601 in, PDF and ISO UTC out, no time zone involved") {
    CHECK(parse_iso_date("2008-06-13") == 1213315200);
    CHECK(parse_iso_date("2008-06-13T01:02:03Z") == 1213315200 + 3723);
    CHECK(parse_iso_date("2008-06-13T02:00:00+02:00") == 1213315200);
    CHECK(parse_iso_date("1969-12-31T23:59:59Z") == -1);
    CHECK_FALSE(parse_iso_date("2008-02-30"));
    CHECK_FALSE(parse_iso_date("13 June 2008"));
    CHECK_FALSE(parse_iso_date("2008-06-13T25:00:00Z"));
    CHECK(pdf_date(1213315200 + 3723) == "D:20080613010203Z");
    CHECK(iso_utc(0) == "1970-01-01T00:00:00Z");
    CHECK(iso_utc(-1) == "1969-12-31T23:59:59Z");
}

TEST_CASE("fixed: two decimals, a point, never minus zero") {
    CHECK(fixed(12.345) == "12.35");  // nearest representable is above .345
    CHECK(fixed(-0.001) == "0.00");
    CHECK(fixed(-1.5, 1) == "-1.5");
    CHECK(fixed(3, 0) == "3");
}

TEST_CASE("tag names are PDF's standard structure types") {
    CHECK(tag_name(page::TagKind::heading, 3) == "H3");
    CHECK(tag_name(page::TagKind::heading, 9) == "H");
    CHECK(tag_name(page::TagKind::article, 0) == "Art");
    CHECK(tag_name(page::TagKind::table_header_cell, 0) == "TH");
    CHECK(tag_name(page::TagKind::block_quote, 0) == "BlockQuote");
}

TEST_CASE("the structure plan: children, artifacts left out, the Document added when missing") {
    page::Document doc;
    page::Page one{100, 100, "", {}};
    one.items.push_back(page::TagBegin{page::TagKind::article, 0, "", "", ""});
    one.items.push_back(page::TagBegin{page::TagKind::artifact, 0, "", "", ""});
    one.items.push_back(page::TagBegin{page::TagKind::paragraph, 0, "", "", ""});  // inside the artifact
    one.items.push_back(page::TagEnd{page::TagKind::paragraph});
    one.items.push_back(page::TagEnd{page::TagKind::artifact});
    one.items.push_back(page::TagBegin{page::TagKind::paragraph, 0, "", "", ""});
    page::Page two{100, 100, "", {}};
    two.items.push_back(page::TagEnd{page::TagKind::paragraph});
    two.items.push_back(page::TagEnd{page::TagKind::article});
    doc.pages = {one, two};
    Diagnostics diags;
    StructurePlan plan = plan_structure(doc, diags);
    CHECK(diags.empty());
    CHECK(plan.valid);
    CHECK(plan.add_document);
    CHECK(plan.has_children == std::vector<bool>{true, false});

    doc.pages[1].items.pop_back();
    doc.pages[1].items.push_back(page::TagEnd{page::TagKind::table});
    Diagnostics bad;
    CHECK_FALSE(plan_structure(doc, bad).valid);
    REQUIRE(bad.contains("E-RENDER-TAGS"));
    CHECK(bad.all()[0].message ==
          "structure tags are not properly nested (page 2, item 2): end of Table inside Art");
}

}  // namespace galley::render
