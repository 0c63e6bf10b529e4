// The date forms found in NITF files, normalised to xs:date / xs:dateTime.
#include <doctest/doctest.h>

#include "read/nitf_dates.h"

using galley::read::normalise_nitf_date;

namespace {
std::string iso(const std::string& s) {
    auto d = normalise_nitf_date(s);
    if (!d) return "(none)";
    return d->value + (d->iso ? "" : " (lenient)");
}
}  // namespace

TEST_CASE("ISO 8601 basic and extended forms, as NITF's norm attributes hold them") {
    CHECK(iso("20080613T120000+0700") == "2008-06-13T12:00:00+07:00");
    CHECK(iso("20080613T120000-0330") == "2008-06-13T12:00:00-03:30");
    CHECK(iso("20080613T120000Z") == "2008-06-13T12:00:00Z");
    CHECK(iso("20080613T1200+07") == "2008-06-13T12:00:00+07:00");
    CHECK(iso("20080613T12") == "2008-06-13T12:00:00");
    CHECK(iso("20080613T120000") == "2008-06-13T12:00:00");
    CHECK(iso("20080613T120000.250+0700") == "2008-06-13T12:00:00+07:00");
    CHECK(iso("20080613") == "2008-06-13");
    CHECK(iso("2008-06-13") == "2008-06-13");
    CHECK(iso("2008-06-13T12:00:00+07:00") == "2008-06-13T12:00:00+07:00");
    CHECK(iso("2008-06-13T12:00+07:00") == "2008-06-13T12:00:00+07:00");
    CHECK(iso("2008-06-13T12:00:00.5Z") == "2008-06-13T12:00:00Z");
    CHECK(iso("  20080613T120000+0700\n") == "2008-06-13T12:00:00+07:00");
    CHECK(iso("2008-06-13T120000+0700") == "2008-06-13T12:00:00+07:00");
}

TEST_CASE("other forms are read leniently and marked as such") {
    CHECK(iso("2008-06-13 12:00:00") == "2008-06-13T12:00:00 (lenient)");
    CHECK(iso("Fri, 13 Jun 2008 12:00:00 +0700") == "2008-06-13T12:00:00+07:00 (lenient)");
    CHECK(iso("Fri, 13 Jun 2008 05:00:00 GMT") == "2008-06-13T05:00:00Z (lenient)");
    CHECK(iso("13 Jun 2008 05:00 UTC") == "2008-06-13T05:00:00Z (lenient)");
    CHECK(iso("June 13, 2008") == "2008-06-13 (lenient)");
    CHECK(iso("Friday, June 13, 2008") == "2008-06-13 (lenient)");
    CHECK(iso("13 June 2008") == "2008-06-13 (lenient)");
    CHECK(iso("Sept 9, 2008") == "2008-09-09 (lenient)");
    CHECK(iso("13 Jun. 2008") == "2008-06-13 (lenient)");
}

TEST_CASE("what is not a real date is refused") {
    for (const char* bad : {"", "soon", "20080230", "2008-02-30", "2007-02-29", "20081301", "20080613T250000",
                            "20080613T126000", "20080613T120060", "20080613T120000+1500", "13/06/2008", "06/13/2008",
                            "2008-6-13", "200806", "20080613X", "June 31, 2008", "Smarch 13, 2008", "13 June 08",
                            "2008-06-13T12:00:00+07:00 extra", "0999-01-01"})
        CHECK_MESSAGE(iso(bad) == "(none)", bad);
    CHECK(iso("2008-02-29") == "2008-02-29");
    CHECK(iso("2000-02-29") == "2000-02-29");
    CHECK(iso("1900-02-29") == "(none)");
}
