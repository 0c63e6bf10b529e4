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

TEST_CASE("a paragraph is set in lines of its own where it has line breaks and no line longer than asked") {
    Inlines address;
    address.push_back({Text{"Chhay Vannak"}});
    address.push_back({LineBreak{}});
    address.push_back({Emphasis{{Inline{Text{"Street 182, Boeung Prolit"}}}}});
    CHECK(in_own_lines(address, 30));
    CHECK(in_own_lines(address, 25));
    CHECK_FALSE(in_own_lines(address, 24));  // "Street 182, Boeung Prolit" is 25 characters
    // Characters, not bytes: "ឃ្លាំង" is 6 code points in 18 bytes.
    Inlines khmer;
    khmer.push_back({Text{"ឃ្លាំង"}});
    khmer.push_back({LineBreak{}});
    khmer.push_back({Text{"ab"}});
    CHECK(in_own_lines(khmer, 6));
    CHECK_FALSE(in_own_lines(khmer, 5));
    // No line break, no lines of its own, however short.
    CHECK_FALSE(in_own_lines(Inlines{Inline{Text{"Phnom Penh"}}}, 100));
}

TEST_CASE("every person role has a name") {
    CHECK(std::string(role_name(PersonRole::author)) == "author");
    CHECK(std::string(role_name(PersonRole::photographer)) == "photographer");
    CHECK(std::string(role_name(PersonRole::contributor)) == "contributor");
    CHECK(std::string(role_name(PersonRole::editor)) == "editor");
}
