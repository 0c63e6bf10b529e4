// UTC calendar arithmetic: the one place galley counts days, checked against
// known dates on both sides of the epoch, leap years and weekdays.
#include <doctest/doctest.h>

#include "base/civil_time.h"

namespace galley::test {

TEST_CASE("civil time: UTC dates without the time zone, either side of the epoch") {
    CivilTime t = civil_from_unix(1213315199);
    CHECK(format_utc_timestamp(t) == "2008-06-12T23:59:59Z");
    CHECK(format_utc_timestamp(civil_from_unix(0)) == "1970-01-01T00:00:00Z");
    CHECK(format_utc_timestamp(civil_from_unix(951782400)) == "2000-02-29T00:00:00Z");
    CHECK(format_utc_timestamp(civil_from_unix(-86400)) == "1969-12-31T00:00:00Z");
    CHECK(format_utc_timestamp(civil_from_unix(-1)) == "1969-12-31T23:59:59Z");
    CHECK(format_utc_timestamp(civil_from_unix(253402300799)) == "9999-12-31T23:59:59Z");
    for (std::int64_t s : {std::int64_t{-1}, std::int64_t{0}, std::int64_t{1213315199}, std::int64_t{4102444800}})
        CHECK(unix_from_civil(civil_from_unix(s)) == s);
}

TEST_CASE("civil time: dates as written, real ones only") {
    auto d = parse_date("2024-02-29");
    REQUIRE(d);
    CHECK(unix_from_civil(*d) == 1709164800);
    CHECK_FALSE(parse_date("2023-02-29"));
    CHECK_FALSE(parse_date("2024-13-01"));
    CHECK_FALSE(parse_date("2024-04-31"));
    CHECK_FALSE(parse_date("24-01-01"));
    CHECK_FALSE(parse_date("2024-1-01"));
    CHECK_FALSE(parse_date("-024-01-01"));
    CHECK_FALSE(parse_date("2024-+1-01"));
}

TEST_CASE("civil time: leap years, month lengths, days and weekdays") {
    CHECK(is_leap_year(2000));
    CHECK(is_leap_year(2008));
    CHECK_FALSE(is_leap_year(1900));
    CHECK_FALSE(is_leap_year(2023));
    CHECK(days_in_month(2008, 2) == 29);
    CHECK(days_in_month(2100, 2) == 28);
    CHECK(days_in_month(2008, 6) == 30);
    CHECK(days_in_month(2008, 12) == 31);
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(1969, 12, 31) == -1);
    CHECK(days_from_civil(2008, 6, 13) == 14043);
    CHECK(weekday_from_monday(1970, 1, 1) == 3);     // a Thursday
    CHECK(weekday_from_monday(2008, 6, 13) == 4);    // the sample issue's Friday
    CHECK(weekday_from_monday(1969, 12, 29) == 0);   // a Monday before the epoch
    CHECK(weekday_from_monday(2024, 2, 29) == 3);    // a Thursday
}

TEST_CASE("civil time: SOURCE_DATE_EPOCH values are plain decimal seconds") {
    CHECK(parse_source_date_epoch("1213315199") == 1213315199);
    CHECK(parse_source_date_epoch("0") == 0);
    CHECK_FALSE(parse_source_date_epoch(""));
    CHECK_FALSE(parse_source_date_epoch("-1"));
    CHECK_FALSE(parse_source_date_epoch("12a"));
    CHECK_FALSE(parse_source_date_epoch(" 1"));
    CHECK_FALSE(parse_source_date_epoch("99999999999999999999"));
    CHECK_FALSE(parse_source_date_epoch("253402300800"));  // past 9999-12-31
}

}  // namespace galley::test
