// The page, column, grid and font-role settings.
#include "layout/registry_build.h"

namespace galley::layout::detail {

void add_page_specs(std::vector<SettingSpec>& out) {
    using T = ValueType;

    // page
    out.push_back(Def("page", "width", T::length, "210mm", "Trim width: the width of the finished page.")
                      .above("0mm", "2000mm").to([](auto& l) -> auto& { return l.page.width; }).take());
    out.push_back(Def("page", "height", T::length, "297mm", "Trim height: the height of the finished page.")
                      .above("0mm", "2000mm").to([](auto& l) -> auto& { return l.page.height; }).take());
    out.push_back(Def("page", "margin-top", T::length, "15mm", "From the top trim edge to the live area.")
                      .range("0mm", "500mm").to([](auto& l) -> auto& { return l.page.margin_top; }).take());
    out.push_back(Def("page", "margin-inner", T::length, "15mm",
                      "From the binding-side trim edge to the live area (the left one when pages are not facing).")
                      .range("0mm", "500mm").to([](auto& l) -> auto& { return l.page.margin_inner; }).take());
    out.push_back(Def("page", "margin-bottom", T::length, "15mm", "From the live area to the bottom trim edge.")
                      .range("0mm", "500mm").to([](auto& l) -> auto& { return l.page.margin_bottom; }).take());
    out.push_back(Def("page", "margin-outer", T::length, "15mm",
                      "From the live area to the trim edge away from the binding (the right one when not facing).")
                      .range("0mm", "500mm").to([](auto& l) -> auto& { return l.page.margin_outer; }).take());
    out.push_back(Def("page", "bleed-top", T::length, "0mm", "How far bleeding art extends beyond the top trim edge.")
                      .range("0mm", "30mm").to([](auto& l) -> auto& { return l.page.bleed_top; }).take());
    out.push_back(Def("page", "bleed-inner", T::length, "0mm", "Bleed beyond the binding-side trim edge.")
                      .range("0mm", "30mm").to([](auto& l) -> auto& { return l.page.bleed_inner; }).take());
    out.push_back(Def("page", "bleed-bottom", T::length, "0mm", "Bleed beyond the bottom trim edge.")
                      .range("0mm", "30mm").to([](auto& l) -> auto& { return l.page.bleed_bottom; }).take());
    out.push_back(Def("page", "bleed-outer", T::length, "0mm", "Bleed beyond the trim edge away from the binding.")
                      .range("0mm", "30mm").to([](auto& l) -> auto& { return l.page.bleed_outer; }).take());
    out.push_back(Def("page", "facing", T::boolean, "true",
                      "Pages form spreads: inner and outer margins swap sides on left-hand pages (see page.binding).")
                      .to([](auto& l) -> auto& { return l.page.facing; }).take());
    out.push_back(Def("page", "binding", T::choice, "auto",
                      "The edge the pages are bound on: left, as for text read left to right (odd pages on the "
                      "right of a spread); right, as for Arabic or Hebrew (page 1 and every odd page on the left, "
                      "their inner margin on their right, and the PDF viewed right to left); auto: right when the "
                      "issue's language is written right to left, else left.")
                      .choices(enum_names<BindingEdge>()).to([](auto& l) -> auto& { return l.page.binding; }).take());

    // columns
    out.push_back(Def("columns", "count", T::integer, "3", "Number of columns in the live area.")
                      .range("1", "20").to([](auto& l) -> auto& { return l.columns.count; }).take());
    out.push_back(Def("columns", "gutter", T::length, "4mm", "Space between two columns.")
                      .range("0mm", "100mm").to([](auto& l) -> auto& { return l.columns.gutter; }).take());
    out.push_back(Def("columns", "rule-width", T::length, "0pt",
                      "Width of a vertical rule centred in each gutter; 0 for none.")
                      .range("0pt", "5mm").to([](auto& l) -> auto& { return l.columns.rule_width; }).take());
    out.push_back(Def("columns", "rule-colour", T::colour, "#000000", "Colour of the gutter rules.")
                      .to([](auto& l) -> auto& { return l.columns.rule_colour; }).take());
    out.push_back(Def("columns", "balance", T::boolean, "true",
                      "Balance the last columns of an article so they end level.")
                      .to([](auto& l) -> auto& { return l.columns.balance; }).take());
    out.push_back(Def("columns", "min-leg", T::integer, "6",
                      "Shallowest leg of text, in lines, that balancing may leave in a column beside deeper ones "
                      "(two lines under a picture); the lines go to the other columns instead. 0 for no limit.")
                      .range("0", "60").to([](auto& l) -> auto& { return l.columns.min_leg; }).take());

    // grid
    out.push_back(Def("grid", "leading", T::length, "11pt",
                      "Distance between baseline grid lines; body text leading must equal it.")
                      .above("0pt", "72pt").to([](auto& l) -> auto& { return l.grid.leading; }).take());
    out.push_back(Def("grid", "origin", T::length, "9pt",
                      "From the top of the live area down to the first baseline of the grid. Where that leaves a "
                      "line less room above its baseline than the body type's ascenders rise, print moves the "
                      "first baseline down to give it that room (W-LAYOUT-GRID-ORIGIN).")
                      .range("0pt", "200mm").to([](auto& l) -> auto& { return l.grid.origin; }).take());
    out.push_back(Def("grid", "stacked-line-height", T::number, "1.6",
                      "Least leading of a paragraph in a language whose script stacks marks above and below its "
                      "letters (Khmer, Burmese, Tibetan), as a multiple of its size. Where that exceeds the style's "
                      "leading the paragraph's lines take it, and body text leaves the grid for that paragraph: it "
                      "starts at the top of a grid cell and the text after it returns to the grid. The EPUB stylesheet gives "
                      "such text at least this line-height too.")
                      .range("1", "3").to([](auto& l) -> auto& { return l.grid.stacked_line_height; }).take());

    // fonts
    out.push_back(Def("fonts", "text", T::font_list,
                      "Charis SIL, Noto Serif Khmer, Noto Serif Thai, WenQuanYi Micro Hei",
                      "Families of the text role (body copy): the first one wanted, the rest as fallbacks.")
                      .to([](auto& l) -> auto& { return l.fonts.text; }).take());
    out.push_back(Def("fonts", "display", T::font_list,
                      "Noto Serif Display, Noto Serif Khmer, Noto Serif Thai, WenQuanYi Micro Hei",
                      "Families of the display role (headlines, decks).")
                      .to([](auto& l) -> auto& { return l.fonts.display; }).take());
    out.push_back(Def("fonts", "sans", T::font_list, "Lato, Noto Sans Khmer, Noto Sans Thai, WenQuanYi Micro Hei",
                      "Families of the sans role (kickers, captions, page furniture).")
                      .to([](auto& l) -> auto& { return l.fonts.sans; }).take());
    out.push_back(Def("fonts", "directories", T::path_list, "",
                      "Extra font folders, comma-separated, relative to the layout file; searched after fonts/.")
                      .to([](auto& l) -> auto& { return l.fonts.directories; }).take());
}

}  // namespace galley::layout::detail
