// Dates for the PDF's /CreationDate and /ModDate, in UTC and never from the
// clock or the time zone: the caller passes seconds since the epoch
// (SOURCE_DATE_EPOCH or the issue date).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace galley::render {

/// "2008-06-13", "2008-06-13T09:30:00Z" or with an offset ("+02:00") ->
/// seconds since the epoch; nothing for anything else.
std::optional<std::int64_t> parse_iso_date(const std::string& text);

/// "2008-06-13T00:00:00Z" (what cairo's metadata call takes).
std::string iso_utc(std::int64_t seconds);

/// "D:20080613000000Z" (a PDF date string).
std::string pdf_date(std::int64_t seconds);

}  // namespace galley::render
