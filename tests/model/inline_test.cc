#include <doctest/doctest.h>

#include "model/inline.h"

using namespace galley::model;

TEST_CASE("plain text drops markup and keeps line breaks") {
    Inlines in;
    in.push_back({Text{"CO"}});
    in.push_back({Subscript{{Inline{Text{"2"}}}}});
    in.push_back({Text{" levels "}});
    in.push_back({Emphasis{{Inline{Strong{{Inline{Text{"rose"}}}}}}}});
    in.push_back({LineBreak{}});
    in.push_back({Link{"https://example.org", {Inline{Text{"sharply"}}}}});
    CHECK(plain_text(in) == "CO2 levels rose\nsharply");
    CHECK_FALSE(is_blank(in));
    CHECK(is_blank(Inlines{Inline{Text{" \n "}}}));
    CHECK(is_blank(Inlines{}));
}

TEST_CASE("a line break is found at any depth, and only a line break") {
    Inlines nested;
    nested.push_back({Text{"Chhay Vannak"}});
    nested.push_back({Emphasis{{Inline{Span{"km", {Inline{LineBreak{}}}}}}}});
    CHECK(has_line_break(nested));
    CHECK(has_line_break(Inlines{Inline{LineBreak{}}}));
    Inlines flat;
    flat.push_back({Text{"Street 182, Boeung Prolit"}});
    flat.push_back({Strong{{Inline{Text{"Phnom Penh"}}}}});
    CHECK_FALSE(has_line_break(flat));
    CHECK_FALSE(has_line_break(Inlines{}));
}

TEST_CASE("every person role has a name") {
    CHECK(std::string(role_name(PersonRole::author)) == "author");
    CHECK(std::string(role_name(PersonRole::photographer)) == "photographer");
    CHECK(std::string(role_name(PersonRole::contributor)) == "contributor");
    CHECK(std::string(role_name(PersonRole::editor)) == "editor");
}
