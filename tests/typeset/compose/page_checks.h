// What the composition tests check on laid-out pages, and a compact text
// dump of them for golden files.
//
// Invariants (each returns the problems found, empty when none):
//   overlaps      no two glyph runs, images or rules overlap (boxes are
//                 frames and backgrounds behind their own content)
//   columns       every line starts inside a column, ends inside the live
//                 area, and a body-size line stays within one column
//   grid          every baseline of body text (body size, outside artifacts,
//                 factboxes, tables, figures and notes) is on the grid,
//                 but for text in a language whose script leaves it (Khmer)
//   live area     nothing but artifacts (furniture) outside the live area
//   tags          structure tags nest and close, across pages
//   completeness  every word of every article, digital-only blocks aside,
//                 appears in its article's text in reading order
#pragma once

#include <string>
#include <vector>

#include "layout/settings.h"
#include "model/issue.h"
#include "page/page.h"

namespace galley::test {

/// One line per item, coordinates in points with two decimals; font files
/// relative to fonts/, images relative to the repository.
std::string dump_pages(const page::Document& doc);

std::vector<std::string> check_overlaps(const page::Document& doc);
std::vector<std::string> check_columns(const page::Document& doc, const layout::Layout& layout);
std::vector<std::string> check_grid(const page::Document& doc, const layout::Layout& layout);
std::vector<std::string> check_live_area(const page::Document& doc, const layout::Layout& layout);
std::vector<std::string> check_tags(const page::Document& doc);
std::vector<std::string> check_completeness(const page::Document& doc, const model::Issue& issue);

/// All of the above.
std::vector<std::string> check_all(const page::Document& doc, const layout::Layout& layout, const model::Issue& issue);

/// The words of an article as print shows them, in reading order, but for
/// the blocks in its text that may float (pictures, tables, factboxes,
/// pull quotes), which may stand after the text that follows them.
std::vector<std::string> article_words(const model::Article& article);
/// The words of each block in an article's text that may float.
std::vector<std::vector<std::string>> float_words(const model::Article& article);

}  // namespace galley::test
