#include <doctest/doctest.h>

#include "model/issue.h"

using namespace galley::model;

TEST_CASE("an issue counts and finds its articles across sections") {
    Issue issue;
    Article a;
    a.id = "first";
    Article b;
    b.id = "second";
    b.meta.priority = 1;
    issue.sections.push_back({"National", {a}});
    issue.sections.push_back({"Business", {b}});
    CHECK(issue.article_count() == 2);
    REQUIRE(issue.find_article("second") != nullptr);
    CHECK(issue.find_article("second")->effective_priority() == 1);
    CHECK(issue.find_article("first")->effective_priority() == 3);
    CHECK(issue.find_article("third") == nullptr);
}

TEST_CASE("edition markings select blocks per edition") {
    CHECK(in_print(Edition::both));
    CHECK(in_print(Edition::print));
    CHECK_FALSE(in_print(Edition::digital));
    CHECK(in_digital(Edition::digital));
    CHECK_FALSE(in_digital(Edition::print));
    CHECK(std::string(media_type(ImageFormat::svg)) == "image/svg+xml");
}
