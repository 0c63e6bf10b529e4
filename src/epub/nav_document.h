// The EPUB navigation document (nav.xhtml, manifest property "nav", not in
// the spine): the toc (sections -> articles) and the landmarks (cover, toc,
// bodymatter). The NCX mirrors the toc for EPUB 2 reading systems.
#pragma once

#include <string>
#include <vector>

#include "epub/book_plan.h"

namespace galley::epub {

/// One toc entry: label and target; sections carry their articles.
struct TocEntry {
    std::string label;
    std::string href;
    std::string lang;
    std::vector<TocEntry> children;
};

/// The toc both navigation documents are written from.
std::vector<TocEntry> table_of_contents(const BookPlan& plan);

std::string nav_document(const BookPlan& plan);

}  // namespace galley::epub
