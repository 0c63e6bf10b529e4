// The contents page in reading order after the cover: every section (linked
// to its index page) with its articles' kickers and headlines (linked to
// the articles). The nav document holds the machine-readable toc; this is
// the page people read.
#pragma once

#include <string>

#include "epub/book_plan.h"

namespace galley::epub {

std::string contents_page(const BookPlan& plan);

}  // namespace galley::epub
