// The cover page, first in reading order: the masthead (the logo, else the
// publication's name, as the page's h1), the issue title, date, volume and
// number, and the cover picture marked as the book's cover.
#pragma once

#include <string>

#include "epub/book_plan.h"

namespace galley::epub {

std::string cover_page(const BookPlan& plan);

}  // namespace galley::epub
