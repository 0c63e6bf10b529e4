// toc.ncx: the EPUB 2 table of contents, for older reading systems. It
// mirrors the nav document's toc; its dtb:uid is the package identifier.
#pragma once

#include <string>

#include "epub/book_plan.h"

namespace galley::epub {

std::string ncx_document(const BookPlan& plan, const std::string& identifier, const std::string& title);

}  // namespace galley::epub
