// The dates NITF files carry (docdata/date.issue/@norm and friends) ->
// xs:date or xs:dateTime, the form model::Meta::published holds.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace galley::read {

struct NitfDate {
    /// "2008-06-13" or "2008-06-13T12:00:00+07:00" (seconds always given,
    /// fractions dropped, "Z" kept, offsets written +hh:mm).
    std::string value;
    /// Whether the input was ISO 8601 (basic "20080613T120000+0700" as NITF
    /// specifies, or extended "2008-06-13T12:00:00+07:00"); false for the
    /// other forms read leniently ("Fri, 13 Jun 2008 12:00:00 +0700",
    /// "June 13, 2008", "13 June 2008", "2008-06-13 12:00").
    bool iso = true;
};

/// Nothing when `text` is not a date galley understands or names a day that
/// does not exist (2008-02-30).
std::optional<NitfDate> normalise_nitf_date(std::string_view text);

}  // namespace galley::read
