// Page furniture (masthead, running heads, folios), the press settings and
// the words composition adds to the page.
#include "layout/registry_build.h"

namespace galley::layout::detail {

void add_furniture_specs(std::vector<SettingSpec>& out) {
    using T = ValueType;

    out.push_back(Def("masthead", "height", T::length, "40mm",
                      "Height of the masthead band at the top of page one's live area; 0 for no masthead.")
                      .range("0mm", "300mm").to([](auto& l) -> auto& { return l.furniture.masthead.height; }).take());
    out.push_back(Def("masthead", "logo-height", T::length, "20mm",
                      "Height the manifest's logo is scaled to in the masthead.")
                      .range("0mm", "300mm")
                      .to([](auto& l) -> auto& { return l.furniture.masthead.logo_height; }).take());
    out.push_back(Def("masthead", "rule-width", T::length, "1pt", "Rule under the masthead; 0 for none.")
                      .range("0pt", "10mm")
                      .to([](auto& l) -> auto& { return l.furniture.masthead.rule_width; }).take());
    out.push_back(Def("masthead", "space-after", T::space, "1line",
                      "Space between the masthead band and the first article.")
                      .range("0mm", "100mm")
                      .to([](auto& l) -> auto& { return l.furniture.masthead.space_after; }).take());

    out.push_back(Def("running-head", "enabled", T::boolean, "true",
                      "Running heads (publication, date, section) on every page but the first.")
                      .to([](auto& l) -> auto& { return l.furniture.running_head.enabled; }).take());
    out.push_back(Def("running-head", "offset", T::length, "6mm",
                      "From the top of the live area up to the running head's baseline.")
                      .range("0mm", "100mm")
                      .to([](auto& l) -> auto& { return l.furniture.running_head.offset; }).take());
    out.push_back(Def("running-head", "rule-width", T::length, "0.5pt",
                      "Rule between the running head and the live area; 0 for none.")
                      .range("0pt", "5mm")
                      .to([](auto& l) -> auto& { return l.furniture.running_head.rule_width; }).take());

    out.push_back(Def("folio", "position", T::choice, "bottom-outer", "Where the page number goes.")
                      .choices(enum_names<FolioPosition>())
                      .to([](auto& l) -> auto& { return l.furniture.folio.position; }).take());
    out.push_back(Def("folio", "offset", T::length, "8mm",
                      "From the live area to the folio's baseline, out into the margin.")
                      .range("0mm", "100mm").to([](auto& l) -> auto& { return l.furniture.folio.offset; }).take());

    out.push_back(Def("press", "crop-marks", T::boolean, "false", "Crop marks at the trim corners of press PDF pages.")
                      .to([](auto& l) -> auto& { return l.press.crop_marks; }).take());
    out.push_back(Def("press", "registration-marks", T::boolean, "false",
                      "Registration targets outside the trim of press PDF pages.")
                      .to([](auto& l) -> auto& { return l.press.registration_marks; }).take());
    out.push_back(Def("press", "mark-offset", T::length, "3mm",
                      "From the trim edge to where marks start; at least the bleed when crop marks are on.")
                      .range("0mm", "30mm").to([](auto& l) -> auto& { return l.press.mark_offset; }).take());
    out.push_back(Def("press", "mark-length", T::length, "5mm", "Length of a crop mark.")
                      .above("0mm", "30mm").to([](auto& l) -> auto& { return l.press.mark_length; }).take());
    out.push_back(Def("press", "slug", T::boolean, "false",
                      "A slug line (job, page, date) outside the trim of press PDF pages.")
                      .to([](auto& l) -> auto& { return l.press.slug; }).take());
    out.push_back(Def("press", "colour-profile", T::path, "",
                      "Output ICC profile for the press PDF, relative to the layout file; empty for Ghostscript's "
                      "default CMYK profile.")
                      .to([](auto& l) -> auto& { return l.press.colour_profile; }).take());
    out.push_back(Def("press", "ink-limit", T::number, "300",
                      "Total ink limit in percent (newsprint about 240, coated stock about 300-330).")
                      .range("100", "400").to([](auto& l) -> auto& { return l.press.ink_limit; }).take());
    out.push_back(Def("press", "black-overprint", T::boolean, "true",
                      "Black text and rules print in pure K and overprint.")
                      .to([](auto& l) -> auto& { return l.press.black_overprint; }).take());

    out.push_back(Def("label", "continued-on", T::text, "Continued on page {page}",
                      "The jump line at the foot of an article's last column on a page; {page} is the number of "
                      "the page it goes on to.")
                      .to([](auto& l) -> auto& { return l.labels.continued_on; }).take());
    out.push_back(Def("label", "continued-from", T::text, "Continued from page {page}",
                      "The jump line above the rest of an article; {page} is the number of the page it came from.")
                      .to([](auto& l) -> auto& { return l.labels.continued_from; }).take());
    out.push_back(Def("label", "more-stories", T::text, "More stories",
                      "The heading of the box of related stories at an article's end; empty for none.")
                      .to([](auto& l) -> auto& { return l.labels.more_stories; }).take());
    out.push_back(Def("label", "date", T::text, "{weekday} {day} {month} {year}",
                      "The issue date in the masthead, the running heads and the PDF's title: {weekday}, {day}, "
                      "{month} and {year} stand for its parts.")
                      .to([](auto& l) -> auto& { return l.labels.date; }).take());
    out.push_back(Def("label", "months", T::text,
                      "January, February, March, April, May, June, July, August, September, October, November, "
                      "December",
                      "The twelve month names, separated by commas.")
                      .to([](auto& l) -> auto& { return l.labels.months; }).take());
    out.push_back(Def("label", "weekdays", T::text, "Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday",
                      "The seven day names from Monday, separated by commas.")
                      .to([](auto& l) -> auto& { return l.labels.weekdays; }).take());
    out.push_back(Def("label", "digits", T::text, "0123456789",
                      "The digits 0 to 9 as the issue writes them (Khmer, Arabic-Indic, ...): for the date's day "
                      "and year, folios, the pages in jump lines, and numbered lists in articles in label.lang.")
                      .to([](auto& l) -> auto& { return l.labels.digits; }).take());
    out.push_back(Def("label", "volume", T::text, "Vol. {volume}",
                      "The issue's volume in the masthead's date line; {volume} is issue.xml's volume as written.")
                      .to([](auto& l) -> auto& { return l.labels.volume; }).take());
    out.push_back(Def("label", "number", T::text, "No. {number}",
                      "The issue's number in the masthead's date line; {number} is issue.xml's number as written.")
                      .to([](auto& l) -> auto& { return l.labels.number; }).take());
    out.push_back(Def("label", "lang", T::text, "en",
                      "The language the labels are written in (a BCP 47 tag): the More stories heading of an "
                      "article in another language is tagged with it in the PDF, so a screen reader voices it "
                      "right.")
                      .to([](auto& l) -> auto& { return l.labels.lang; }).take());
    out.push_back(Def("label", "contents", T::text, "Contents", "EPUB: the heading of the contents and navigation pages.")
                      .to([](auto& l) -> auto& { return l.labels.contents; }).take());
    out.push_back(Def("label", "cover", T::text, "Cover", "EPUB: the name of the cover in the navigation's landmarks.")
                      .to([](auto& l) -> auto& { return l.labels.cover; }).take());
    out.push_back(Def("label", "start-of-content", T::text, "Start of content", "EPUB: the name of the first section in the navigation's landmarks.")
                      .to([](auto& l) -> auto& { return l.labels.start; }).take());
    out.push_back(Def("label", "landmarks", T::text, "Landmarks", "EPUB: the heading of the navigation's landmarks.")
                      .to([](auto& l) -> auto& { return l.labels.landmarks; }).take());
    out.push_back(Def("label", "related", T::text, "Related articles", "EPUB: the heading of an article's related items (print: label.more-stories).")
                      .to([](auto& l) -> auto& { return l.labels.related; }).take());
    out.push_back(Def("label", "correction", T::text, "Correction", "EPUB: the heading of an article's correction.")
                      .to([](auto& l) -> auto& { return l.labels.correction; }).take());
    out.push_back(Def("label", "corrections", T::text, "Corrections", "EPUB: the heading of an article's corrections, when it has more than one.")
                      .to([](auto& l) -> auto& { return l.labels.corrections; }).take());
}

}  // namespace galley::layout::detail
