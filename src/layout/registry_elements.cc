// Element spans, article flow, drop caps, figures, lists, separators, boxes.
#include "layout/registry_build.h"

namespace galley::layout::detail {
namespace {

using T = ValueType;

void add_span_specs(std::vector<SettingSpec>& out) {
    const std::vector<std::string> kw = {"all", "headline"};
    auto def = [&](std::string_view field, std::string d, std::string_view help) {
        return Def("span", field, T::span, std::move(d), help).choices(kw);
    };
    out.push_back(def("deck", "headline", "Columns the deck spans; headline means as many as the headline.")
                      .to([](auto& l) -> auto& { return l.spans.deck; }).take());
    out.push_back(def("byline", "headline", "Columns the bylines and dateline span.")
                      .to([](auto& l) -> auto& { return l.spans.byline; }).take());
    out.push_back(def("lead-figure", "headline", "Columns a lead figure (placement=\"lead\") spans.")
                      .to([](auto& l) -> auto& { return l.spans.lead_figure; }).take());
    out.push_back(def("inline-figure", "1", "Columns an inline figure spans.")
                      .to([](auto& l) -> auto& { return l.spans.inline_figure; }).take());
    out.push_back(def("pullquote", "2", "Columns a pull quote spans; text flows around it.")
                      .to([](auto& l) -> auto& { return l.spans.pullquote; }).take());
    out.push_back(def("table", "1", "Columns a table spans.")
                      .to([](auto& l) -> auto& { return l.spans.table; }).take());
    out.push_back(def("aside", "1", "Columns an aside (factbox) spans.")
                      .to([](auto& l) -> auto& { return l.spans.aside; }).take());
    out.push_back(def("related", "1",
                          "Columns the related-stories box at an article's end spans; where that many columns "
                          "have no room left, it is set in one.")
                      .to([](auto& l) -> auto& { return l.spans.related; }).take());
}

void add_flow_specs(std::vector<SettingSpec>& out) {
    const std::vector<std::string> starts = enum_names<ArticleStart>();
    out.push_back(Def("article", "start", T::choice, "continue",
                      "Where an article starts: on a new page, or continuing on the page below the previous one.")
                      .choices(starts).to([](auto& l) -> auto& { return l.flow.article_start; }).take());
    out.push_back(Def("article", "section-start", T::choice, "new-page",
                      "Where the first article of a section starts.")
                      .choices(starts).to([](auto& l) -> auto& { return l.flow.section_start; }).take());
    out.push_back(Def("article", "brief-priority", T::integer, "6",
                      "With start=\"new-page\": an article of this priority or a less important one (a brief) "
                      "does not open a page of its own when it fits whole below what is on the page when the "
                      "section's next article opens one (it may come before articles listed ahead of it, as "
                      "in hole filling). 6: every article opens a page.")
                      .range("1", "6").to([](auto& l) -> auto& { return l.flow.brief_priority; }).take());
    out.push_back(Def("article", "space-between", T::space, "2lines", "Space between two articles on one page.")
                      .range("0mm", "200mm").to([](auto& l) -> auto& { return l.flow.space_between; }).take());
    out.push_back(Def("article", "rule-width", T::length, "0.5pt",
                      "Rule between two articles on one page; 0 for none.")
                      .range("0pt", "5mm").to([](auto& l) -> auto& { return l.flow.rule_width; }).take());
    out.push_back(Def("article", "head-max-share", T::number, "0.5",
                      "Deepest an article's head text (kicker, headline, deck, bylines and dateline) may be, as a "
                      "share of the live height. A headline that would make it deeper is set in the next smaller "
                      "tiers, then smaller still down to the deck's size, with a warning "
                      "(W-TEXT-HEADLINE-SHRUNK); if the head is still deeper, the deck is set smaller too, down "
                      "to a tenth over the body size, and the headline with it (W-TEXT-DECK-SHRUNK).")
                      .range("0.2", "1").to([](auto& l) -> auto& { return l.flow.head_max_share; }).take());

    out.push_back(Def("dropcap", "lines", T::integer, "0",
                      "Lines a drop cap on an article's first paragraph drops through; 0 for none.")
                      .range("0", "10").to([](auto& l) -> auto& { return l.dropcap.lines; }).take());
    out.push_back(Def("dropcap", "gap", T::length, "1mm", "Space between the drop cap and the text beside it.")
                      .range("0mm", "20mm").to([](auto& l) -> auto& { return l.dropcap.gap; }).take());
    out.push_back(Def("dropcap", "max-priority", T::integer, "5",
                      "Only articles of this priority or a more important one get a drop cap (1 = lead only).")
                      .range("1", "5").to([](auto& l) -> auto& { return l.dropcap.max_priority; }).take());
    out.push_back(Def("dropcap", "lead-in-words", T::integer, "0",
                      "Words opening an article's text set in the lead-in character style; 0 for none.")
                      .range("0", "20").to([](auto& l) -> auto& { return l.dropcap.lead_in_words; }).take());

    out.push_back(Def("figure", "caption-gap", T::space, "2mm", "Space between an image and its caption.")
                      .range("0mm", "50mm").to([](auto& l) -> auto& { return l.figures.caption_gap; }).take());
    out.push_back(Def("figure", "min-dpi", T::integer, "150",
                      "Images printed at a lower resolution than this get a warning.")
                      .range("1", "2400").to([](auto& l) -> auto& { return l.figures.min_dpi; }).take());
    out.push_back(Def("figure", "narrow-dpi", T::integer, "100",
                      "A raster picture that would print below this resolution over the columns its placement "
                      "gives it (a head shot made a lead picture) is set over fewer columns, the most at which "
                      "it reaches this resolution, and at least one; the columns it leaves take text. 0 never "
                      "narrows.")
                      .range("0", "2400").to([](auto& l) -> auto& { return l.figures.narrow_dpi; }).take());
    out.push_back(Def("figure", "lead-bleed", T::choice, "none",
                      "A lead picture across all of a page's columns: kept inside the margins (none), or widened "
                      "to the trim on both sides and on through the bleed in the press PDF (sides), cropped top "
                      "and bottom so its height stays.")
                      .choices(enum_names<LeadBleed>())
                      .to([](auto& l) -> auto& { return l.figures.lead_bleed; }).take());
    out.push_back(Def("figure", "lead-fill", T::number, "0.6",
                      "An article that ends its page with room to spare below it gets its lead photograph made "
                      "taller, up to this share of the page's live height, until its text reaches the foot: "
                      "cropped at the sides, never by more than a third of the picture's width nor below figure.min-dpi. "
                      "0 never does.")
                      .range("0", "0.9").to([](auto& l) -> auto& { return l.figures.lead_fill; }).take());

    out.push_back(Def("house-ad", "min-hole", T::number, "0.12",
                      "A page left with at least this share of its live height empty at the foot of some of its "
                      "columns gets one of the issue's house ads there, scaled to the hole (never below figure.min-dpi); "
                      "the room left above an ad is a hole too. Every ad runs once before any runs twice (unless "
                      "the one left would leave a band of white that one run before fills), and never twice on a "
                      "page. 0 never places them.")
                      .range("0", "1").to([](auto& l) -> auto& { return l.house_ads.min_hole; }).take());

    out.push_back(Def("list", "bullet", T::text, "\u2022", "Label of the items of a bullet list.")
                      .to([](auto& l) -> auto& { return l.lists.bullet; }).take());
    out.push_back(Def("list", "label-width", T::length, "4mm", "Room for an item's label before its text.")
                      .range("0mm", "50mm").to([](auto& l) -> auto& { return l.lists.label_width; }).take());

    out.push_back(Def("separator", "kind", T::choice, "rule", "How a separator block is drawn.")
                      .choices(enum_names<SeparatorKind>())
                      .to([](auto& l) -> auto& { return l.separator.kind; }).take());
    out.push_back(Def("separator", "space", T::space, "1line", "Space above and below a separator.")
                      .range("0mm", "100mm").to([](auto& l) -> auto& { return l.separator.space; }).take());
    out.push_back(Def("separator", "rule-width", T::length, "0.5pt", "Width of a separator rule.")
                      .range("0pt", "5mm").to([](auto& l) -> auto& { return l.separator.rule_width; }).take());
}

void add_box_specs(std::vector<SettingSpec>& out) {
    auto def = [](std::string_view field, ValueType type, std::string d, std::string_view help) {
        return Def("box", field, type, std::move(d), help);
    };
    out.push_back(def("frame", T::choice, "none", "Which sides get a rule.")
                      .choices(enum_names<BoxFrame>()).per("aside", "box").per("pullquote", "top-bottom")
                      .per("related", "top").to(&Box::frame).take());
    out.push_back(def("rule-width", T::length, "0.5pt", "Width of the frame's rules.")
                      .range("0pt", "10mm").to(&Box::rule_width).take());
    out.push_back(def("rule-colour", T::colour, "#000000", "Colour of the frame's rules.").to(&Box::rule_colour).take());
    out.push_back(def("background", T::colour_or_none, "none", "Fill colour, or none.").to(&Box::background).take());
    out.push_back(def("padding", T::length, "0mm", "Space between the frame and the content.")
                      .range("0mm", "50mm").per("aside", "2mm").per("correction", "2mm")
                      .to(&Box::padding).take());
}

}  // namespace

void add_element_specs(std::vector<SettingSpec>& out) {
    add_span_specs(out);
    add_flow_specs(out);
    add_box_specs(out);
}

}  // namespace galley::layout::detail
