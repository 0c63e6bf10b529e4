// Calendar arithmetic in UTC without the C library's time zone machinery, so
// no output ever depends on TZ: the EPUB's dcterms:modified and the ZIP entry
// times come from SOURCE_DATE_EPOCH (or the issue date) through here.
// Algorithms: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace galley::epub {

struct CivilTime {
    int year = 1970;
    int month = 1;  ///< 1..12
    int day = 1;    ///< 1..31
    int hour = 0;
    int minute = 0;
    int second = 0;
};

/// The UTC calendar time of `unix_seconds`.
CivilTime civil_from_unix(std::int64_t unix_seconds);
/// Seconds since the epoch of a UTC calendar time.
std::int64_t unix_from_civil(const CivilTime& t);

/// A "YYYY-MM-DD" date (a real one: no 2008-02-30), as midnight UTC.
std::optional<CivilTime> parse_date(std::string_view text);

/// A SOURCE_DATE_EPOCH value: decimal digits only, no sign, fits 64 bits.
std::optional<std::int64_t> parse_source_date_epoch(std::string_view text);

/// "YYYY-MM-DDThh:mm:ssZ", the form dcterms:modified requires.
std::string format_utc_timestamp(const CivilTime& t);

/// The date for people to read: "13 June 2008" for English (the language of
/// galley's furniture), "2008-06-13" otherwise.
std::string format_display_date(const CivilTime& t, std::string_view lang);

}  // namespace galley::epub
