// Reading and writing the scalar text forms of a layout file: decimal numbers
// (always with '.', whatever the locale), lengths with their unit, and the
// stable number formatting the dumps use.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/length.h"

namespace galley::layout {

/// The length units a layout file may use.
enum class LengthUnit { mm, pt, in, cm, pc };

/// "mm", "pt", ...
std::string_view unit_name(LengthUnit u);
std::optional<LengthUnit> unit_from_name(std::string_view name);
Length make_length(double value, LengthUnit unit);
double length_in(Length l, LengthUnit unit);

/// A plain decimal: optional '-', digits, optional '.' and digits. No
/// exponent, no '+', no spaces, no thousands separators.
std::optional<double> parse_decimal(std::string_view text);

/// A length as written in a layout file: a decimal and a unit ("289mm",
/// "9.5pt"); a bare "0" is also accepted. On failure returns nothing and sets
/// `error` to the reason, phrased to follow "bad value '...' for KEY: ".
std::optional<Length> parse_length(std::string_view text, std::string& error);

/// The unit a length text is written in ("9pt" -> pt); mm when it has none.
LengthUnit unit_of(std::string_view length_text);

/// `v` with at most three decimals, trailing zeros dropped, classic locale
/// ("9.5", "49.8", "0", "-2").
std::string format_number(double v);

/// A Length in `unit` ("289mm", "11.5pt").
std::string format_length(Length l, LengthUnit unit);

}  // namespace galley::layout
