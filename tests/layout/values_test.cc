// Value texts: numbers, lengths and units, colours, weights, spans, spaces,
// and the typo suggestions.
#include <doctest/doctest.h>

#include <clocale>
#include <cmath>

#include "layout/registry.h"
#include "layout/suggest.h"
#include "layout/value_parse.h"
#include "layout/value_text.h"

using namespace galley;
using namespace galley::layout;

namespace {

std::optional<Value> parse(const std::string& key, const std::string& text, std::string& error) {
    const Setting* s = find_setting(key);
    REQUIRE(s != nullptr);
    return parse_value(*s->spec, text, "/layouts", error);
}

}  // namespace

TEST_CASE("every unit converts to points") {
    std::string e;
    CHECK(std::abs(parse_length("289mm", e)->to_pt() - 289 * 72 / 25.4) < 1e-9);
    CHECK(std::abs(parse_length("9.5pt", e)->to_pt() - 9.5) < 1e-9);
    CHECK(std::abs(parse_length("8.5in", e)->to_pt() - 612) < 1e-9);
    CHECK(std::abs(parse_length("2.54cm", e)->to_pt() - 72) < 1e-9);
    CHECK(std::abs(parse_length("1pc", e)->to_pt() - 12) < 1e-9);
    CHECK(parse_length("0", e)->to_pt() == 0);
    CHECK(std::abs(parse_length("-.5mm", e)->to_mm() + 0.5) < 1e-9);
}

TEST_CASE("decimals are plain: no exponent, no comma, no plus, no spaces inside") {
    CHECK(parse_decimal("1.25") == 1.25);
    CHECK(parse_decimal("-3") == -3.0);
    CHECK(!parse_decimal("1e3"));
    CHECK(!parse_decimal("1,5"));
    CHECK(!parse_decimal("+1"));
    CHECK(!parse_decimal("inf"));
    CHECK(!parse_decimal("nan"));
    CHECK(!parse_decimal(""));
    CHECK(!parse_decimal("."));
    CHECK(!parse_decimal("1 "));
}

TEST_CASE("numbers format with the classic locale, whatever the process locale") {
    const char* old = std::setlocale(LC_NUMERIC, nullptr);
    std::string saved = old ? old : "C";
    std::setlocale(LC_NUMERIC, "de_DE.UTF-8");  // may not exist; then this is the C locale anyway
    CHECK(format_number(9.5) == "9.5");
    CHECK(format_number(49.8000000001) == "49.8");
    CHECK(format_number(-0.0001) == "0");
    CHECK(format_number(1234) == "1234");
    CHECK(format_length(Length::mm(289), LengthUnit::mm) == "289mm");
    CHECK(format_length(Length::in(8.5), LengthUnit::mm) == "215.9mm");
    std::setlocale(LC_NUMERIC, saved.c_str());
}

TEST_CASE("values around a setting's text are trimmed") {
    std::string e;
    std::optional<Value> v = parse("page.width", "  289mm ", e);
    REQUIRE(v);
    CHECK(std::abs(std::get<Length>(*v).to_mm() - 289) < 1e-9);
}

TEST_CASE("colours are #rrggbb and come back lowercase") {
    std::string e;
    std::optional<Value> v = parse("style.body.colour", "#A3141D", e);
    REQUIRE(v);
    CHECK(std::get<Colour>(*v) == Colour{0xa3, 0x14, 0x1d});
    CHECK(std::get<Colour>(*v).hex() == "#a3141d");
    CHECK(!parse("style.body.colour", "#abc", e));
    CHECK(!parse("style.body.colour", "#gg0000", e));
    CHECK(std::holds_alternative<Unset>(*parse("box.aside.background", "none", e)));
    CHECK(std::holds_alternative<Unset>(*parse("char.em.colour", "inherit", e)));
}

TEST_CASE("weights are numbers in steps of 100 or names") {
    std::string e;
    CHECK(std::get<int>(*parse("style.body.weight", "bold", e)) == 700);
    CHECK(std::get<int>(*parse("style.body.weight", "black", e)) == 900);
    CHECK(std::get<int>(*parse("style.body.weight", "300", e)) == 300);
    CHECK(!parse("style.body.weight", "1000", e));
    CHECK(!parse("style.body.weight", "inherit", e));
    CHECK(std::holds_alternative<Unset>(*parse("char.strong.weight", "inherit", e)));
}

TEST_CASE("spans are a column count, all, or (for elements) headline") {
    std::string e;
    CHECK(std::get<Span>(*parse("span.deck", "headline", e)).kind == Span::Kind::headline);
    CHECK(std::get<Span>(*parse("span.deck", "all", e)).kind == Span::Kind::all);
    CHECK(std::get<Span>(*parse("span.deck", "3", e)).columns == 3);
    CHECK(!parse("span.deck", "0", e));
    CHECK(!parse("tier.1.span", "headline", e));
}

TEST_CASE("space is a length or grid lines") {
    std::string e;
    Space one = std::get<Space>(*parse("style.body.space-before", "1line", e));
    CHECK(one.grid_lines == std::optional<double>(1.0));
    Space half = std::get<Space>(*parse("style.body.space-before", "0.5lines", e));
    CHECK(half.grid_lines == std::optional<double>(0.5));
    Space len = std::get<Space>(*parse("style.body.space-before", "6pt", e));
    CHECK(!len.grid_lines);
    CHECK(len.length == Length::pt(6));
    CHECK(!parse("style.body.space-before", "1 line", e));
}

TEST_CASE("font lists split on commas, trim names and drop quotes - a role stays a role") {
    std::string e;
    FontList f = std::get<FontList>(*parse("style.body.font", " 'Charis SIL' , Noto Serif Khmer ", e));
    CHECK(f.families == std::vector<std::string>{"Charis SIL", "Noto Serif Khmer"});
    CHECK(f.role.empty());
    FontList r = std::get<FontList>(*parse("style.body.font", "display", e));
    CHECK(r.role == "display");
    CHECK(r.families.empty());
}

TEST_CASE("paths resolve against the layout's folder") {
    std::string e;
    CHECK(std::get<std::filesystem::path>(*parse("press.colour-profile", "icc/../news.icc", e)) ==
          std::filesystem::path("/layouts/news.icc"));
    CHECK(std::get<std::filesystem::path>(*parse("press.colour-profile", "", e)).empty());
}

TEST_CASE("edit distance counts swaps as one edit") {
    CHECK(edit_distance("size", "sise") == 1);
    CHECK(edit_distance("page", "pgae") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("columns", "columns") == 0);
    CHECK(closest_match("colums", {"columns", "colour"}) == std::optional<std::string>("columns"));
    CHECK(!closest_match("zzzzzz", {"columns", "colour"}));
}
