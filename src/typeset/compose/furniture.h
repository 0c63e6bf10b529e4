// Page furniture: the masthead on page one (publication or logo, a date
// line with volume and number, a rule), running heads on later pages
// (publication, date, section, a rule) and folios, all artifacts.
#pragma once

#include <string>
#include <vector>

#include "typeset/compose/compose_context.h"

namespace galley::typeset {

/// The height page one's masthead takes from the top of the live area,
/// the space after it included; 0 without a masthead.
double masthead_band(const ComposeContext& ctx);

/// The furniture of page `number` (1-based), as artifact items.
std::vector<page::Item> page_furniture(ComposeContext& ctx, int number, const std::string& section);

}  // namespace galley::typeset
