#include <doctest/doctest.h>

#include "model/inline.h"
#include "read/inline_reader.h"
#include "xml/document.h"

using galley::Diagnostics;
namespace model = galley::model;
namespace xml = galley::xml;

namespace {
model::Inlines inlines_of(const std::string& text) {
    Diagnostics d;
    auto doc = xml::parse(text, "t.xml", d);
    REQUIRE(doc);
    auto out = galley::read::read_inlines(*doc, doc->root(), d);
    CHECK(d.empty());
    return out;
}
}  // namespace

TEST_CASE("white space collapses like HTML and is trimmed at the ends") {
    auto in = inlines_of("<p>\n   The  quick\n\tbrown   <em>fox</em>  jumps \n</p>");
    CHECK(model::plain_text(in) == "The quick brown fox jumps");
    REQUIRE(in.size() == 3);
    CHECK(std::get<model::Text>(in[0].node).text == "The quick brown ");
    // The space between "fox" and "jumps" stays in the run before it.
    CHECK(model::plain_text(std::get<model::Emphasis>(in[1].node).content) == "fox ");
    CHECK(std::get<model::Text>(in[2].node).text == "jumps");
}

TEST_CASE("a space before markup stays in the run before it") {
    auto in = inlines_of("<p>a\n<strong>b</strong></p>");
    REQUIRE(in.size() == 2);
    CHECK(std::get<model::Text>(in[0].node).text == "a ");
    CHECK(model::plain_text(in) == "a b");
}

TEST_CASE("line breaks drop the spaces around them") {
    auto in = inlines_of("<p>12 Street  <br/>\n   Phnom Penh</p>");
    CHECK(model::plain_text(in) == "12 Street\nPhnom Penh");
}

TEST_CASE("non-breaking and other Unicode spaces are kept exactly") {
    auto in = inlines_of("<p>10\xC2\xA0km \xE2\x80\x93 far</p>");
    CHECK(model::plain_text(in) == "10\xC2\xA0km \xE2\x80\x93 far");
}

TEST_CASE("every inline kind is read with its attributes") {
    auto in = inlines_of(
        "<p><a href=\"https://x.org/\">link</a><span xml:lang=\"km\">ខ្មែរ</span><sub>2</sub><sup>nd</sup>"
        "<person role=\"photographer\">Ann</person></p>");
    REQUIRE(in.size() == 5);
    CHECK(std::get<model::Link>(in[0].node).href == "https://x.org/");
    CHECK(std::get<model::Span>(in[1].node).lang == "km");
    CHECK(std::holds_alternative<model::Subscript>(in[2].node));
    CHECK(std::holds_alternative<model::Superscript>(in[3].node));
    CHECK(std::get<model::Person>(in[4].node).role == model::PersonRole::photographer);
}
