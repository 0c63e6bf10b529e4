// Paragraph styles, character styles and headline tiers.
#include "layout/registry_build.h"

#include <array>
#include <string_view>

namespace galley::layout::detail {
namespace {

using T = ValueType;
using P = ParagraphStyle;
using C = CharacterStyle;
using H = HeadlineTier;

std::vector<std::string> based_on_choices() {
    std::vector<std::string> out = {"none"};
    for (const std::string& n : enum_names<ParagraphStyleId>()) out.push_back(n);
    return out;
}

/// The styles set as heads: ragged display lines that a desk breaks by
/// sense (carry-short-words, even-lines), never turned over.
constexpr std::array<std::string_view, 7> kHeadStyles = {"kicker",    "headline",    "deck",         "subhead",
                                                         "pullquote", "aside-title", "related-title"};

void add_paragraph_specs(std::vector<SettingSpec>& out) {
    auto def = [](std::string_view field, ValueType type, std::string d, std::string_view help) {
        return Def("style", field, type, std::move(d), help);
    };
    out.push_back(def("based-on", T::choice, "none",
                      "The style this one starts from: settings it does not give come from that style.")
                      .choices(based_on_choices())
                      .per("body-first", "body").per("blockquote", "body").per("list", "body")
                      .per("correction", "body").per("tagline", "body").per("table-head", "table-cell")
                      .per("pullquote-attribution", "attribution").per("related-teaser", "body")
                      .to(&P::based_on).take());
    out.push_back(def("font", T::font_list, "text", "Font families (a fallback list), or a font role: text, display, sans.")
                      .choices({"text", "display", "sans"}).to(&P::font).take());
    out.push_back(def("weight", T::weight, "400",
                      "100..900 in steps of 100, or thin, light, regular, medium, semibold, bold, black.")
                      .to(&P::weight).take());
    out.push_back(def("italic", T::boolean, "false", "Set in the italic face.").to(&P::italic).take());
    out.push_back(def("size", T::length, "9pt", "Font size.").above("0pt", "400pt").to(&P::size).take());
    out.push_back(def("leading", T::length, "11pt", "Distance from baseline to baseline.")
                      .above("0pt", "480pt").to(&P::leading).take());
    out.push_back(def("tracking", T::number, "0", "Extra letter spacing, in thousandths of an em.")
                      .range("-200", "1000").to(&P::tracking).take());
    out.push_back(def("colour", T::colour, "#000000", "Text colour; #000000 prints as pure K black on press.")
                      .to(&P::colour).take());
    out.push_back(def("align", T::choice, "left", "Alignment; justify sets the last line flush left.")
                      .choices(enum_names<Alignment>()).to(&P::align).take());
    out.push_back(def("first-line-indent", T::length, "0pt",
                      "Indent of the first line, added to left-indent; negative values hang.")
                      .range("-100mm", "100mm").to(&P::first_line_indent).take());
    out.push_back(def("left-indent", T::length, "0pt", "Indent of every line from the left edge of the column.")
                      .range("0mm", "100mm").to(&P::left_indent).take());
    out.push_back(def("right-indent", T::length, "0pt", "Indent of every line from the right edge of the column.")
                      .range("0mm", "100mm").to(&P::right_indent).take());
    out.push_back(def("space-before", T::space, "0pt", "Space above the paragraph: a length, or grid lines (1line).")
                      .range("0mm", "200mm").to(&P::space_before).take());
    out.push_back(def("space-after", T::space, "0pt", "Space below the paragraph: a length, or grid lines (1line).")
                      .range("0mm", "200mm").to(&P::space_after).take());
    out.push_back(def("align-to-grid", T::boolean, "false", "Baselines sit on the layout's baseline grid.")
                      .to(&P::align_to_grid).take());
    out.push_back(def("hyphenate", T::boolean, "false",
                      "Hyphenate words, with the patterns in layouts/hyphenation/ for the text's language.")
                      .to(&P::hyphenate).take());
    out.push_back(def("hyphen-min-word", T::integer, "5", "Shortest word that may be hyphenated, in characters.")
                      .range("2", "40").to(&P::hyphen_min_word).take());
    out.push_back(def("hyphen-min-left", T::integer, "2", "Fewest characters before a hyphen.")
                      .range("1", "10").to(&P::hyphen_min_left).take());
    out.push_back(def("hyphen-min-right", T::integer, "3", "Fewest characters after a hyphen.")
                      .range("1", "10").to(&P::hyphen_min_right).take());
    out.push_back(def("hyphen-max-consecutive", T::integer, "2",
                      "Most lines in a row that may end with a hyphen; 0 for no limit.")
                      .range("0", "10").to(&P::hyphen_max_consecutive).take());
    out.push_back(def("avoid-runts", T::boolean, "true",
                      "Prefer breaks that leave more than one word on a paragraph's last line (a word alone "
                      "there is a runt), as long as no line gets looser than the other settings allow.")
                      .to(&P::avoid_runts).take());
    out.push_back(def("carry-short-words", T::boolean, "false",
                      "In lines that are not justified, carry a short article, preposition or conjunction of the "
                      "text's language (of, the, by, and; de, la; der, und; ...) from a line's end over to the next "
                      "line, as headline desks do, wherever that keeps the paragraph's number of lines.")
                      .per_each(kHeadStyles, "true")
                      .to(&P::carry_short_words).take());
    out.push_back(def("even-lines", T::boolean, "false",
                      "Set a paragraph that is not justified and takes two lines or more at the narrowest measure "
                      "that keeps it to as many lines (and no more lines ending on a short word), so that its lines "
                      "are of even length, as a desk breaks a head (\"A price that / almost doubled\", not \"A price "
                      "that almost / doubled\"). Its lines sit where its alignment puts them in the column; only "
                      "where they break changes. Text set right to left is left as it is.")
                      .per_each(kHeadStyles, "true")
                      .per("credit", "true")
                      .to(&P::even_lines).take());
    out.push_back(def("turnover-indent", T::number, "2",
                      "In a paragraph ranged left with line breaks of its own (a verse, an address), how far a line "
                      "that wraps stands in from the lines that start after a break, in ems of the paragraph's size "
                      "(deeper than a first-line indent), so that a turned-over line does not read as a line of its "
                      "own. 0 for none.")
                      .range("0", "10")
                      .per_each(kHeadStyles, "0")
                      .per("related-heading", "0").per("related-kicker", "0").per("masthead", "0")
                      .per("masthead-line", "0").per("running-head", "0").per("folio", "0")
                      .to(&P::turnover_indent).take());
    out.push_back(def("word-space-min", T::number, "0.8", "Narrowest word space, as a fraction of the font's space.")
                      .range("0", "1").to(&P::word_space_min).take());
    out.push_back(def("word-space-natural", T::number, "1", "Preferred word space, as a fraction of the font's space.")
                      .above("0", "3").to(&P::word_space_natural).take());
    out.push_back(def("word-space-max", T::number, "1.33",
                      "Widest word space justification aims to stay within, as a fraction of the font's space.")
                      .range("1", "10").to(&P::word_space_max).take());
    out.push_back(def("letter-space-min", T::number, "0",
                      "Tightest letter spacing justification may use, in thousandths of an em.")
                      .range("-100", "0").to(&P::letter_space_min).take());
    out.push_back(def("letter-space-max", T::number, "0",
                      "Loosest letter spacing justification may use, in thousandths of an em.")
                      .range("0", "200").to(&P::letter_space_max).take());
    out.push_back(def("kashida-max", T::number, "0",
                      "How much justification may lengthen a word of Arabic script with a kashida (a tatweel "
                      "between two joined letters, one place per word) instead of letter spacing, which Arabic "
                      "type never takes, in thousandths of an em.")
                      .range("0", "1000").to(&P::kashida_max).take());
    out.push_back(def("keep-with-next", T::boolean, "false",
                      "Keep the paragraph in the same column as the first lines of the next one.")
                      .to(&P::keep_with_next).take());
    out.push_back(def("widows", T::integer, "2", "Fewest lines of a paragraph carried to the top of a column.")
                      .range("1", "10").to(&P::widows).take());
    out.push_back(def("orphans", T::integer, "2", "Fewest lines of a paragraph left at the foot of a column.")
                      .range("1", "10").to(&P::orphans).take());
    out.push_back(def("uppercase", T::boolean, "false", "Set in capitals (the text itself is unchanged).")
                      .to(&P::uppercase).take());
}

void add_character_specs(std::vector<SettingSpec>& out) {
    auto def = [](std::string_view field, ValueType type, std::string d, std::string_view help) {
        return Def("char", field, type, std::move(d), help);
    };
    out.push_back(def("font", T::font_list, "inherit", "Font families or a font role; inherit keeps the paragraph's.")
                      .choices({"text", "display", "sans"}).inheritable().to(&C::font).take());
    out.push_back(def("weight", T::weight, "inherit", "Weight, or inherit.")
                      .inheritable().per("strong", "bold").to(&C::weight).take());
    out.push_back(def("italic", T::boolean, "inherit", "Italic, or inherit.")
                      .inheritable().per("em", "true").to(&C::italic).take());
    out.push_back(def("colour", T::colour, "inherit", "Text colour, or inherit.").inheritable().to(&C::colour).take());
    out.push_back(def("uppercase", T::boolean, "inherit", "Capitals, or inherit.")
                      .inheritable().to(&C::uppercase).take());
    out.push_back(def("size-scale", T::number, "1", "Font size relative to the paragraph's.")
                      .above("0", "10").per("sub", "0.65").per("sup", "0.65").to(&C::size_scale).take());
    out.push_back(def("baseline-shift", T::number, "0", "Raise (positive) or lower the baseline, in ems.")
                      .range("-1", "1").per("sub", "-0.15").per("sup", "0.35").to(&C::baseline_shift).take());
    out.push_back(def("tracking", T::number, "0", "Letter spacing added to the paragraph's, in thousandths of an em.")
                      .range("-200", "1000").to(&C::tracking).take());
    out.push_back(def("underline", T::boolean, "false", "Underline the run.").to(&C::underline).take());
}

void add_tier_specs(std::vector<SettingSpec>& out) {
    auto def = [](std::string_view field, ValueType type, std::string d, std::string_view help) {
        return Def("tier", field, type, std::move(d), help);
    };
    out.push_back(def("size", T::length, "36pt", "Headline size for articles of this priority.")
                      .above("0pt", "400pt").per("1", "48pt").per("3", "28pt")
                      .per("4", "22pt").per("5", "18pt").to(&H::size).take());
    out.push_back(def("leading", T::length, "38pt", "Headline leading for articles of this priority.")
                      .above("0pt", "480pt").per("1", "50pt").per("3", "30pt")
                      .per("4", "24pt").per("5", "20pt").to(&H::leading).take());
    out.push_back(def("weight", T::weight, "bold", "Headline weight for articles of this priority.")
                      .to(&H::weight).take());
    out.push_back(def("span", T::span, "all", "Columns the headline block (kicker to dateline) spans.")
                      .choices({"all"}).per("3", "2").per("4", "2").per("5", "1").to(&H::span).take());
}

}  // namespace

void add_style_specs(std::vector<SettingSpec>& out) {
    add_paragraph_specs(out);
    add_character_specs(out);
    add_tier_specs(out);
}

}  // namespace galley::layout::detail
