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

TEST_CASE("every person role has a name") {
    CHECK(std::string(role_name(PersonRole::author)) == "author");
    CHECK(std::string(role_name(PersonRole::photographer)) == "photographer");
    CHECK(std::string(role_name(PersonRole::contributor)) == "contributor");
    CHECK(std::string(role_name(PersonRole::editor)) == "editor");
}
