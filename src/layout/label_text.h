// The words and numbers galley adds to both editions, in the language the
// layout's label settings give them: the issue date (masthead, running heads,
// EPUB cover), the title both editions carry in their metadata, numbers in
// the labels' digits (folios, jump pages, the masthead's year), jump lines.
#pragma once

#include <string>

#include "layout/settings.h"

namespace galley::layout {

/// `number`'s digits in the layout's digits (label.digits).
std::string local_number(long number, const Labels& labels);

/// `label` with its "{page}" replaced by the page number.
std::string with_page(std::string label, int page, const Labels& labels);

/// The issue date as label.date shows it ("Friday 13 June 2008" for
/// "2008-06-13" by default); text that is not a date as it is.
std::string long_date(const std::string& iso_date, const Labels& labels);

/// The title in the metadata of both editions (PDF /Title, EPUB
/// dc:title): "The Phnom Penh Post, Friday 13 June 2008 — June 13–26,
/// 2008": the publication, the date as long_date writes it and the
/// issue's own title, each left out when empty.
std::string edition_title(const std::string& publication, const std::string& iso_date, const std::string& title,
                          const Labels& labels);

}  // namespace galley::layout
