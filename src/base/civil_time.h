// Calendar arithmetic in UTC without the C library's time zone machinery, so
// no output ever depends on TZ: the PDF's and the EPUB's dates, the ZIP entry
// times, the masthead's weekday and the dates read from NITF all count days
// here, from SOURCE_DATE_EPOCH or the issue date.
// Algorithms: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace galley {

struct CivilTime {
    int year = 1970;
    int month = 1;  ///< 1..12
    int day = 1;    ///< 1..31
    int hour = 0;
    int minute = 0;
    int second = 0;
};

/// Whether `year` of the proleptic Gregorian calendar has a 29 February.
bool is_leap_year(int year);
/// The days of `month` (1..12) in `year`.
int days_in_month(int year, int month);

/// Days since 1970-01-01 of a proleptic Gregorian date (negative before).
std::int64_t days_from_civil(std::int64_t year, int month, int day);
/// The day of the week of a date: 0 for Monday to 6 for Sunday.
int weekday_from_monday(std::int64_t year, int month, int day);

/// The UTC calendar time of `unix_seconds`.
CivilTime civil_from_unix(std::int64_t unix_seconds);
/// Seconds since the epoch of a UTC calendar time.
std::int64_t unix_from_civil(const CivilTime& t);

/// A "YYYY-MM-DD" date (a real one: no 2008-02-30), as midnight UTC.
std::optional<CivilTime> parse_date(std::string_view text);

/// A SOURCE_DATE_EPOCH value: decimal digits only, no sign, fits 64 bits.
std::optional<std::int64_t> parse_source_date_epoch(std::string_view text);

/// "YYYY-MM-DDThh:mm:ssZ", the form dcterms:modified and XMP dates take.
std::string format_utc_timestamp(const CivilTime& t);

}  // namespace galley
