// The words and numbers composition adds to the page, in the issue's
// language as the layout's label settings give them: jump lines, dates,
// volume and number, folios.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout/settings.h"

namespace galley::typeset {

/// `number`'s digits in the layout's digits (label.digits).
std::string local_number(long number, const layout::Labels& labels);

/// `label` with its "{page}" replaced by the page number.
std::string with_page(std::string label, int page, const layout::Labels& labels);

/// The issue date as label.date shows it ("Friday 13 June 2008" for
/// "2008-06-13" by default); text that is not a date as it is.
std::string long_date(const std::string& iso_date, const layout::Labels& labels);

}  // namespace galley::typeset
