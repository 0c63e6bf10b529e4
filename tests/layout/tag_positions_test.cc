// Locating start tags and attributes in the text, for precise diagnostics.
#include <doctest/doctest.h>

#include "layout/tag_positions.h"

using namespace galley::layout;

TEST_CASE("start tags and attributes are found in document order with line and column") {
    std::string xml =
        "<?xml version=\"1.0\"?>\n"
        "<!-- <page width=\"1mm\"/> in a comment -->\n"
        "<layout name='x'>\n"
        "  <style name=\"body\"\n"
        "         size = \"9pt\"/>\n"
        "  <![CDATA[<page/>]]>\n"
        "  <page width=\"1>2\"></page>\n"
        "</layout>\n";
    std::vector<TagPosition> tags = scan_start_tags(xml);
    REQUIRE(tags.size() == 3);
    CHECK(tags[0].name == "layout");
    CHECK(tags[0].line == 3);
    CHECK(tags[0].column == 1);
    CHECK(tags[0].attribute("name")->value_column == 15);
    CHECK(tags[1].name == "style");
    CHECK(tags[1].line == 4);
    CHECK(tags[1].column == 3);
    const AttributePosition* size = tags[1].attribute("size");
    REQUIRE(size != nullptr);
    CHECK(size->line == 5);
    CHECK(size->column == 10);
    CHECK(size->value_line == 5);
    CHECK(size->value_column == 18);
    CHECK(tags[2].name == "page");
    CHECK(tags[2].line == 7);
    CHECK(tags[2].attribute("width")->value_column == 16);
    CHECK(tags[1].attribute("missing") == nullptr);
}

TEST_CASE("columns count characters, not bytes") {
    std::vector<TagPosition> tags = scan_start_tags("<layout description=\"Zeitung für\" name=\"x\"/>");
    REQUIRE(tags.size() == 1);
    CHECK(tags[0].attribute("name")->column == 35);
}
