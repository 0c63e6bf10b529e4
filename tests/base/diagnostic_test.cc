#include <doctest/doctest.h>

#include "base/diagnostic.h"
#include "base/length.h"

using galley::Diagnostics;
using galley::Length;
using galley::Severity;

TEST_CASE("diagnostics count by severity and find codes") {
    Diagnostics d;
    d.error("E-ONE", {"a.xml", 3, 1}, "first");
    d.warning("W-TWO", {"a.xml", 1, 0}, "second");
    d.note("N-THREE", {"b.xml", 2, 0}, "third");
    CHECK(d.count(Severity::error) == 1);
    CHECK(d.count(Severity::warning) == 1);
    CHECK(d.has_errors());
    CHECK(d.contains("W-TWO"));
    CHECK_FALSE(d.contains("E-NONE"));
}

TEST_CASE("sorting by location is stable for equal locations") {
    Diagnostics d;
    d.error("E-B", {"b.xml", 1, 0}, "b");
    d.error("E-A2", {"a.xml", 5, 0}, "a5 first");
    d.error("E-A1", {"a.xml", 2, 9}, "a2");
    d.error("E-A3", {"a.xml", 5, 0}, "a5 second");
    d.sort_by_location();
    REQUIRE(d.all().size() == 4);
    CHECK(d.all()[0].code == "E-A1");
    CHECK(d.all()[1].code == "E-A2");
    CHECK(d.all()[2].code == "E-A3");
    CHECK(d.all()[3].code == "E-B");
}

TEST_CASE("a diagnostic taken back removes its last report only") {
    Diagnostics d;
    d.warning("W-A", {"a.xml", 1, 2}, "same");
    d.warning("W-B", {"a.xml", 3, 0}, "other");
    d.warning("W-A", {"a.xml", 1, 2}, "same");
    CHECK(d.retract(galley::Diagnostic{Severity::warning, "W-A", {"a.xml", 1, 2}, "same"}));
    REQUIRE(d.all().size() == 2);
    CHECK(d.all()[0].code == "W-A");
    CHECK(d.all()[1].code == "W-B");
    // Equal means equal in every field.
    CHECK_FALSE(d.retract(galley::Diagnostic{Severity::warning, "W-A", {"a.xml", 1, 3}, "same"}));
    CHECK_FALSE(d.retract(galley::Diagnostic{Severity::error, "W-B", {"a.xml", 3, 0}, "other"}));
    CHECK(d.all().size() == 2);
}

TEST_CASE("what a trial reported after a point is taken back, what came before stays") {
    Diagnostics d;
    d.warning("W-A", {"a.xml", 1, 0}, "before");
    const std::size_t mark = d.all().size();
    d.warning("W-B", {"a.xml", 2, 0}, "trial");
    d.error("E-C", {"a.xml", 3, 0}, "trial");
    d.retract_after(mark);
    REQUIRE(d.all().size() == 1);
    CHECK(d.all().front().message == "before");
    CHECK_FALSE(d.has_errors());
    d.retract_after(5);  // past the end: nothing to take back
    CHECK(d.all().size() == 1);
}

TEST_CASE("a diagnostic equal to an earlier one is dropped, the order kept") {
    Diagnostics d;
    d.warning("W-A", {"a.xml", 4, 0}, "broken word");
    d.warning("W-B", {"a.xml", 4, 0}, "other");
    d.warning("W-A", {"a.xml", 4, 0}, "broken word");  // the same paragraph set at another width
    d.warning("W-A", {"a.xml", 5, 0}, "broken word");  // another line: kept
    d.error("W-A", {"a.xml", 4, 0}, "broken word");    // another severity: kept
    d.drop_repeats();
    REQUIRE(d.all().size() == 4);
    CHECK(d.all()[0].code == "W-A");
    CHECK(d.all()[1].code == "W-B");
    CHECK(d.all()[2].where.line == 5);
    CHECK(d.all()[3].severity == Severity::error);
}

TEST_CASE("a finding an earlier check made at the same place is dropped, others are kept") {
    Diagnostics earlier;
    earlier.warning("W-GLYPH", {"a.xml", 4, 0}, "no bundled font has U+13000");
    earlier.warning("W-OTHER", {"a.xml", 9, 0}, "something else");
    Diagnostics later;
    later.warning("W-GLYPH", {"a.xml", 4, 0}, "no glyph for U+13000 in Charis SIL");  // the same place: dropped
    later.warning("W-GLYPH", {"a.xml", 5, 0}, "no glyph for U+13001");                // another line: kept
    later.warning("W-GLYPH", {"b.xml", 4, 0}, "no glyph for U+13001");                // another file: kept
    later.warning("W-OTHER", {"a.xml", 4, 0}, "another code");                        // not the code asked: kept
    later.warning("W-OTHER", {"a.xml", 9, 0}, "something else");                      // not the code asked: kept
    later.drop_reported_in(earlier, "W-GLYPH");
    REQUIRE(later.all().size() == 4);
    CHECK(later.all()[0].where.line == 5);
    CHECK(later.all()[1].where.file == "b.xml");
    CHECK(later.all()[2].code == "W-OTHER");
    CHECK(later.all()[3].where.line == 9);
    Diagnostics none;
    later.drop_reported_in(none, "W-OTHER");
    CHECK(later.all().size() == 4);
}

TEST_CASE("lengths convert between units") {
    CHECK(Length::mm(25.4).to_pt() == doctest::Approx(72.0));
    CHECK(Length::in(1).to_pt() == doctest::Approx(72.0));
    CHECK(Length::pt(72).to_mm() == doctest::Approx(25.4));
    CHECK((Length::mm(10) + Length::mm(5)).to_mm() == doctest::Approx(15.0));
    CHECK(Length::pt(10) < Length::pt(11));
    CHECK(Length::pt(30) / Length::pt(10) == doctest::Approx(3.0));
}
