// A section's index page: the section title, then each article's kicker,
// headline (linked to the article), deck and bylines.
#pragma once

#include <string>

#include "epub/book_plan.h"

namespace galley::epub {

std::string section_page(const BookPlan& plan, const SectionEntry& section);

}  // namespace galley::epub
