// The stylesheet's rules, group by group, from the layout's styles and
// boxes. docs/epub.md lists what maps to what; stylesheet.h says why sizes,
// colours and spacing are translated the way they are.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include "epub/stylesheet.h"

namespace galley::epub {
namespace {

using layout::Alignment;
using layout::BoxFrame;
using layout::BoxId;
using layout::CharacterStyleId;
using layout::Layout;
using layout::ParagraphStyle;
using layout::ParagraphStyleId;
using Decls = std::vector<std::pair<std::string, std::string>>;

double body_size_pt(const Layout& l) {
    double s = l.style(ParagraphStyleId::body).size.to_pt();
    return s > 0 ? s : 9.0;
}

/// A print size ratio made fit for a screen: sizes up to the body's are
/// kept (at least 0.75, so small print stays readable); larger ones grow
/// logarithmically, 1 + 0.9 ln r, so a 48 pt headline over 9.5 pt text
/// becomes about 2.5em and the tiers stay in order; at most 2.6.
double screen_ratio(double ratio) {
    if (ratio > 1.0) ratio = 1.0 + 0.9 * std::log(ratio);
    return std::clamp(ratio, 0.75, 2.6);
}

std::string em(double v) {
    std::string n = css_number(v);
    return n == "0" ? n : n + "em";
}

std::string generic_for(const layout::FontList& font) {
    if (font.role == "sans") return "sans-serif";
    if (font.role == "text" || font.role == "display") return "serif";
    for (const std::string& f : font.families)
        if (f.find("Sans") != std::string::npos || f.find("sans") != std::string::npos) return "sans-serif";
    return "serif";
}

FontUse font_of(const layout::FontList& font, int weight, bool italic) {
    return FontUse{font.families, generic_for(font), weight > 0 ? weight : 400, italic};
}

struct StyleOptions {
    bool size = true;          ///< font-size as a ratio to the body size
    bool spacing = true;       ///< margins from space before/after
    bool indent = false;       ///< text-indent and left margin
    bool align = true;
    bool display = false;      ///< tighter line-height range
};

/// Declarations for a paragraph style at screen size `ratio` (relative to
/// the body), with the style's own size as the em for its margins.
Decls style_declarations(const ParagraphStyle& s, double body_pt, const StyleOptions& o,
                         std::optional<double> size_override_pt = std::nullopt) {
    Decls d;
    double size_pt = size_override_pt.value_or(s.size.to_pt());
    if (size_pt <= 0) size_pt = body_pt;
    double ratio = screen_ratio(size_pt / body_pt);
    // Always given: headings and captions have user-agent sizes of their own.
    if (o.size) d.push_back({"font-size", em(ratio)});
    double leading = s.leading.to_pt() / size_pt;
    if (s.leading.to_pt() > 0) {
        double lh = o.display ? std::clamp(leading, 1.1, 1.4) : std::clamp(leading, 1.3, 1.8);
        d.push_back({"line-height", css_number(lh)});
    }
    if (std::abs(s.tracking) > 0.5) d.push_back({"letter-spacing", em(s.tracking / 1000.0)});
    if (s.uppercase) d.push_back({"text-transform", "uppercase"});
    if (auto c = accent_colour(s.colour)) d.push_back({"color", c->hex()});
    if (o.align) {
        switch (s.align) {
            case Alignment::left: break;
            case Alignment::right: d.push_back({"text-align", "right"}); break;
            case Alignment::center: d.push_back({"text-align", "center"}); break;
            case Alignment::justify: d.push_back({"text-align", "justify"}); break;
        }
    }
    // even-lines: a reading system that balances lines (CSS Text 4) breaks
    // a head or a credit as the print edition does; others ignore it.
    if (s.even_lines && s.align != Alignment::justify) d.push_back({"text-wrap", "balance"});
    if (s.hyphenate) {
        d.push_back({"-webkit-hyphens", "auto"});
        d.push_back({"hyphens", "auto"});
    } else if (o.display) {
        d.push_back({"-webkit-hyphens", "manual"});
        d.push_back({"hyphens", "manual"});
    }
    if (o.spacing) {
        // Margins in ems of the element's own (screen) size, from print space
        // relative to the print size.
        double before = s.space_before.length.to_pt() / size_pt;
        double after = s.space_after.length.to_pt() / size_pt;
        d.push_back({"margin-top", em(std::min(before, 2.0))});
        d.push_back({"margin-bottom", em(std::min(after, 2.0))});
    }
    if (o.indent) {
        d.push_back({"text-indent", em(s.first_line_indent.to_pt() / size_pt)});
        if (s.left_indent.to_pt() > 0) d.push_back({"margin-left", em(s.left_indent.to_pt() / size_pt)});
        if (s.right_indent.to_pt() > 0) d.push_back({"margin-right", em(s.right_indent.to_pt() / size_pt)});
    }
    return d;
}

std::string border_width(double pt) {
    if (pt <= 0.75) return "thin";
    if (pt <= 2.0) return "medium";
    return "thick";
}

Decls box_declarations(const layout::Box& b, double body_pt) {
    Decls d;
    if (b.frame != BoxFrame::none && b.rule_width.to_pt() > 0) {
        auto colour = accent_colour(b.rule_colour);
        std::string line = border_width(b.rule_width.to_pt()) + " solid" + (colour ? " " + colour->hex() : "");
        switch (b.frame) {
            case BoxFrame::none: break;
            case BoxFrame::box: d.push_back({"border", line}); break;
            case BoxFrame::top: d.push_back({"border-top", line}); break;
            case BoxFrame::bottom: d.push_back({"border-bottom", line}); break;
            case BoxFrame::top_bottom:
                d.push_back({"border-top", line});
                d.push_back({"border-bottom", line});
                break;
            case BoxFrame::left: d.push_back({"border-left", line}); break;
        }
    }
    double pad = b.padding.to_pt() / body_pt;
    if (pad > 0) {
        bool sides = b.frame == BoxFrame::box || b.frame == BoxFrame::left;
        d.push_back({"padding", em(std::min(pad, 2.0)) + (sides ? "" : " 0")});
    }
    return d;
}

void add(std::vector<CssRule>& rules, std::string selector, std::optional<FontUse> font, Decls d) {
    rules.push_back({std::move(selector), std::move(font), std::move(d)});
}

void add_style(std::vector<CssRule>& rules, const Layout& l, std::string selector, ParagraphStyleId id,
               const StyleOptions& o = {}, std::optional<double> size_pt = std::nullopt) {
    const ParagraphStyle& s = l.style(id);
    add(rules, std::move(selector), font_of(s.font, s.weight, s.italic),
        style_declarations(s, body_size_pt(l), o, size_pt));
}

/// What every group of rules needs: the layout, the body size and the
/// option sets for the kinds of text.
struct Ctx {
    const Layout& l;
    double body_pt;
    StyleOptions text;         // size, spacing, alignment
    StyleOptions flow;         // ... and indents: running text
    StyleOptions display;      // tighter leading, no hyphenation
    StyleOptions family_only;  // the font only: runs inside other text
};

/// A framed block: the layout's box frame plus a vertical margin.
Decls framed(const Ctx& c, BoxId id, Decls first) {
    Decls d = box_declarations(c.l.box(id), c.body_pt);
    d.insert(d.begin(), first.begin(), first.end());
    return d;
}

/// The page: the text face and its leading; the size is the reader's.
void page_rules(const Ctx& c, std::vector<CssRule>& r) {
    const ParagraphStyle& b = c.l.style(ParagraphStyleId::body);
    Decls d;
    if (b.leading.to_pt() > 0)
        d.push_back({"line-height", css_number(std::clamp(b.leading.to_pt() / c.body_pt, 1.3, 1.8))});
    add(r, "body", font_of(b.font, b.weight, b.italic), d);
    add(r, "img", std::nullopt, {{"max-width", "100%"}, {"height", "auto"}});
    add(r, "h1, h2, h3, h4, h5, h6", std::nullopt,
        {{"page-break-after", "avoid"}, {"break-after", "avoid"}, {"-webkit-hyphens", "manual"}, {"hyphens", "manual"}});
}

/// The article head: kicker, headline (with a size per priority tier), deck,
/// bylines, dateline.
void head_rules(const Ctx& c, std::vector<CssRule>& r) {
    using P = ParagraphStyleId;
    const Layout& l = c.l;
    add(r, ".article-head", std::nullopt, {{"margin-bottom", "1em"}});
    add_style(r, l, ".kicker", P::kicker, c.text);
    add_style(r, l, ".headline", P::headline, c.display);
    const ParagraphStyle& h = l.style(P::headline);
    for (int tier = 1; tier <= layout::kTierCount; ++tier) {
        const layout::HeadlineTier& t = l.tier(tier);
        double size = t.size.to_pt() > 0 ? t.size.to_pt() : h.size.to_pt();
        Decls d{{"font-size", em(screen_ratio(size / c.body_pt))}};
        if (t.leading.to_pt() > 0)
            d.push_back({"line-height", css_number(std::clamp(t.leading.to_pt() / size, 1.1, 1.4))});
        add(r, ".headline.tier-" + std::to_string(tier), font_of(h.font, t.weight > 0 ? t.weight : h.weight, h.italic),
            d);
    }
    add_style(r, l, ".deck", P::deck, c.display);
    add_style(r, l, ".byline", P::byline, c.text);
    add_style(r, l, ".article > p.dateline", P::dateline, c.flow);
}

/// Body text: paragraphs, subheads, quotations, lists.
void body_text_rules(const Ctx& c, std::vector<CssRule>& r) {
    using P = ParagraphStyleId;
    const Layout& l = c.l;
    add_style(r, l, ".article > p, .factbox > p", P::body, c.flow);
    add_style(r, l, ".article > p.first, .factbox > p.first", P::body_first, c.flow);
    add_style(r, l, ".subhead", P::subhead, c.text);
    add_style(r, l, "blockquote", P::blockquote, c.flow);
    add(r, "blockquote p", std::nullopt, {{"margin", "0"}});
    add(r, "figure.quotation", std::nullopt, {{"margin", "1em 0"}});
    add(r, "figure.quotation blockquote", std::nullopt, {{"margin-bottom", "0.25em"}});
    // A paragraph set in lines of its own (a verse, a letter's sign-off):
    // no first-line indent, as in print; where the reading system can (CSS
    // Text 3, `each-line hanging`), a line that wraps is turned over by the
    // body's turnover-indent, as in print. Others keep the 0 before it.
    const double turnover = l.style(P::body).turnover_indent;
    Decls own_lines{{"text-indent", "0"}};
    if (turnover > 0) own_lines.push_back({"text-indent", em(turnover) + " hanging each-line"});
    add(r, ".article > p.lines, .factbox > p.lines, blockquote p.lines", std::nullopt, own_lines);
    add_style(r, l, ".attribution", P::attribution, c.text);
    add_style(r, l, ".article > ul > li, .article > ol > li, .factbox li", P::list, c.text);
    add(r, ".article > ul, .article > ol, .factbox ul, .factbox ol", std::nullopt,
        {{"margin", "0.5em 0"}, {"padding-left", em(std::clamp(l.lists.label_width.to_pt() / c.body_pt, 1.2, 2.5))}});
}

/// Figures and captions.
void figure_rules(const Ctx& c, std::vector<CssRule>& r) {
    add(r, "figure", std::nullopt, {{"margin", "1em 0"}});
    add(r, "figure img", std::nullopt, {{"display", "block"}, {"margin", "0 auto"}});
    add(r, "figcaption", std::nullopt,
        {{"margin-top", em(std::clamp(c.l.figures.caption_gap.length.to_pt() / c.body_pt, 0.2, 1.0))}});
    add_style(r, c.l, "figcaption .caption", ParagraphStyleId::caption, c.text);
    add_style(r, c.l, "figcaption .credit", ParagraphStyleId::credit, c.text);
}

/// Pull quotes, factboxes and tables, framed as the layout's boxes.
void box_rules(const Ctx& c, std::vector<CssRule>& r) {
    using P = ParagraphStyleId;
    const Layout& l = c.l;
    add(r, ".pullquote", std::nullopt, framed(c, BoxId::pullquote, {{"margin", "1.25em 0"}}));
    add_style(r, l, ".pullquote p", P::pullquote, c.display);
    add_style(r, l, ".pullquote .attribution", P::pullquote_attribution, c.text);
    add(r, ".factbox", std::nullopt, framed(c, BoxId::aside, {{"margin", "1.25em 0"}}));
    add_style(r, l, ".factbox-title", P::aside_title, c.text);
    add_style(r, l, ".factbox > p, .factbox li", P::aside_body, c.flow);
    add(r, "table", std::nullopt,
        framed(c, BoxId::table, {{"border-collapse", "collapse"}, {"width", "100%"}, {"margin", "1em 0"}}));
    add_style(r, l, "caption", P::caption, c.text);
    add(r, "caption", std::nullopt, {{"caption-side", "top"}, {"text-align", "left"}});
    add_style(r, l, "td", P::table_cell, c.family_only);
    add_style(r, l, "th", P::table_head, c.family_only);
    double cell = screen_ratio(l.style(P::table_cell).size.to_pt() / c.body_pt);
    add(r, "th, td", std::nullopt,
        {{"font-size", em(cell)}, {"padding", "0.25em 0.4em"}, {"vertical-align", "top"}, {"text-align", "left"},
         {"border-bottom", "thin solid"}});
    add(r, ".align-left", std::nullopt, {{"text-align", "left"}});
    add(r, ".align-right", std::nullopt, {{"text-align", "right"}});
    add(r, ".align-center", std::nullopt, {{"text-align", "center"}});
}

/// Separators, as the layout draws them (in the text colour, not grey).
void separator_rules(const Ctx& c, std::vector<CssRule>& r) {
    switch (c.l.separator.kind) {
        case layout::SeparatorKind::rule:
            add(r, "hr.separator", std::nullopt,
                {{"border", "0"},
                 {"color", "inherit"},
                 {"border-top", border_width(c.l.separator.rule_width.to_pt()) + " solid"},
                 {"width", "25%"},
                 {"margin", "1.5em auto"}});
            break;
        case layout::SeparatorKind::asterism:
            add(r, "hr.separator", std::nullopt,
                {{"border", "0"}, {"color", "inherit"}, {"text-align", "center"}, {"margin", "1.5em 0"},
                 {"overflow", "visible"}});
            add(r, "hr.separator::after", std::nullopt, {{"content", "\"\\2042\""}});
            break;
        case layout::SeparatorKind::space:
            add(r, "hr.separator", std::nullopt, {{"border", "0"}, {"margin", "1.5em 0"}});
            break;
    }
}

/// End matter: tagline, corrections, related articles, rights.
void end_matter_rules(const Ctx& c, std::vector<CssRule>& r) {
    using P = ParagraphStyleId;
    const Layout& l = c.l;
    add(r, ".article-end", std::nullopt, {{"margin-top", "1.5em"}});
    add_style(r, l, ".tagline", P::tagline, c.text);
    add(r, ".corrections", std::nullopt, framed(c, BoxId::correction, {{"margin", "1em 0"}}));
    add_style(r, l, ".corrections h2, .related h2", P::related_heading, c.text);
    add_style(r, l, ".correction", P::correction, c.text);
    add(r, ".related", std::nullopt, framed(c, BoxId::related, {{"margin", "1em 0"}}));
    add(r, ".related ul", std::nullopt, {{"list-style", "none"}, {"margin", "0"}, {"padding", "0"}});
    add(r, ".related li", std::nullopt, {{"margin", "0.5em 0"}});
    add(r, ".related a", std::nullopt, {{"color", "inherit"}, {"text-decoration", "none"}});
    add(r, ".related a .related-title", std::nullopt, {{"text-decoration", "underline"}});
    add_style(r, l, ".related-kicker", P::related_kicker, c.family_only);
    add_style(r, l, ".related-title", P::related_title, c.family_only);
    add_style(r, l, ".related-teaser", P::related_teaser, c.family_only);
    add(r, ".related-kicker", std::nullopt, {{"display", "block"}});
    add_style(r, l, ".rights", P::rights, c.text);
    add(r, ".rights small", std::nullopt, {{"font-size", "1em"}});
}

/// Inline markup: em, strong, links, sub and sup, from the character styles.
void inline_rules(const Ctx& c, std::vector<CssRule>& r) {
    const layout::CharacterStyle& em_style = c.l.character_style(CharacterStyleId::em);
    add(r, "em", std::nullopt, {{"font-style", em_style.italic.value_or(true) ? "italic" : "normal"}});
    const layout::CharacterStyle& strong = c.l.character_style(CharacterStyleId::strong);
    add(r, "strong", std::nullopt, {{"font-weight", std::to_string(strong.weight.value_or(700))}});
    const layout::CharacterStyle& link = c.l.character_style(CharacterStyleId::link);
    Decls d{{"text-decoration", "underline"}};
    if (link.colour)
        if (auto colour = accent_colour(*link.colour)) d.push_back({"color", colour->hex()});
    add(r, "a", std::nullopt, d);
    add(r, "sub, sup", std::nullopt, {{"font-size", "0.7em"}, {"line-height", "0"}});
}

/// The cover page's masthead, the section pages and the contents page.
void page_furniture_rules(const Ctx& c, std::vector<CssRule>& r) {
    using P = ParagraphStyleId;
    const Layout& l = c.l;
    add_style(r, l, ".masthead .publication", P::masthead, c.display);
    add(r, ".masthead", std::nullopt, {{"text-align", "center"}, {"margin", "1em 0"}});
    add(r, ".masthead img.logo", std::nullopt, {{"display", "block"}, {"margin", "0 auto"}, {"width", "100%"}});
    add_style(r, l, ".issue-title, .issue-date, .issue-number", P::masthead_line, c.text);
    add(r, "figure.cover img", std::nullopt, {{"display", "block"}, {"margin", "0 auto"}, {"max-height", "60vh"}});
    add_style(r, l, ".section-title, .contents h1", P::headline, c.display, l.tier(2).size.to_pt());
    add(r, ".section-title", std::nullopt, {{"padding-bottom", "0.2em"}, {"border-bottom", "thin solid"}});
    add_style(r, l, ".teaser-headline", P::headline, c.display, l.style(P::deck).size.to_pt());
    add(r, ".teaser", std::nullopt, {{"margin", "1.5em 0"}});
    add_style(r, l, ".teaser .deck", P::related_teaser, c.text);
    add(r, ".teaser-headline a, .contents a", std::nullopt, {{"color", "inherit"}, {"text-decoration", "none"}});
    add_style(r, l, ".contents-section", P::related_heading, c.text);
    add(r, ".contents-section", std::nullopt,
        {{"margin-top", "1.5em"}, {"padding-top", "0.3em"}, {"border-top", "thin solid"}});
    add(r, ".contents ol", std::nullopt, {{"list-style", "none"}, {"margin", "0"}, {"padding", "0"}});
    add(r, ".contents li", std::nullopt, {{"margin", "0.5em 0"}});
    add_style(r, l, ".contents-headline", P::related_title, c.family_only);
    add(r, ".contents .kicker", std::nullopt, {{"display", "block"}, {"margin", "0"}});
}

/// The side a declaration's property is set on, and the property for the
/// other side ("margin-left" -> "margin-right"); empty when it has none.
std::string other_side(const std::string& property) {
    for (auto [from, to] : {std::pair{"-left", "-right"}, std::pair{"-right", "-left"}}) {
        std::size_t at = property.find(from);
        if (at != std::string::npos) return property.substr(0, at) + to + property.substr(at + std::strlen(from));
    }
    return {};
}

/// Appends to `out` (a selector list) each selector of the list `selectors`
/// inside `scope`: "a, b" in "[dir=rtl]" adds "[dir=rtl] a, [dir=rtl] b".
void add_scoped(std::string& out, const std::string& scope, const std::string& selectors) {
    std::size_t start = 0;
    while (start <= selectors.size()) {
        std::size_t comma = selectors.find(',', start);
        std::string part = selectors.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        while (!part.empty() && part.front() == ' ') part.erase(part.begin());
        out += (out.empty() ? "" : ", ") + scope + " " + part;
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
}

/// For documents read right to left: each rule that sets something on one
/// side (an indent, a list's label room, a frame's rule, an alignment) again
/// under [dir="rtl"], set on the other side and cleared on the first. The
/// .align-left and .align-right classes say where the author wants a
/// table column, and stay.
std::vector<CssRule> mirrored_for_rtl(const std::vector<CssRule>& rules) {
    std::vector<CssRule> out;
    for (const CssRule& rule : rules) {
        if (rule.selector == ".align-left" || rule.selector == ".align-right") continue;
        Decls d;
        auto value_of = [&](const std::string& property) -> std::optional<std::string> {
            for (const auto& [name, value] : rule.declarations)
                if (name == property) return value;
            return std::nullopt;
        };
        for (const auto& [name, value] : rule.declarations) {
            if (name == "text-align" && (value == "left" || value == "right")) {
                d.push_back({name, value == "left" ? "right" : "left"});
                continue;
            }
            std::string other = other_side(name);
            if (other.empty()) continue;
            d.push_back({other, value});
            // Cleared unless the rule sets the other side too (then its
            // own mirrored declaration sets this one).
            if (!value_of(other)) d.push_back({name, name.rfind("border", 0) == 0 ? "none" : "0"});
        }
        if (d.empty()) continue;
        std::string selector;
        add_scoped(selector, "[dir=\"rtl\"]", rule.selector);
        out.push_back({selector, std::nullopt, std::move(d)});
    }
    return out;
}

/// Whether `tag` holds only what a language tag can hold, and so may go
/// into a selector.
bool css_language_tag(const std::string& tag) {
    return !tag.empty() &&
           tag.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == std::string::npos;
}

/// For text indented by characters: each rule that sets a first-line
/// indent again under :lang(TAG) for each tag, a positive indent as two
/// characters, any other as it was (so that a later rule that takes the
/// indent off, as for an article's first paragraph, still does).
std::vector<CssRule> character_indented(const std::vector<CssRule>& rules, const std::vector<std::string>& tags) {
    std::vector<CssRule> out;
    for (const CssRule& rule : rules) {
        std::optional<std::string> indent;
        for (const auto& [name, value] : rule.declarations)
            if (name == "text-indent" && value.find("hanging") == std::string::npos) {
                const bool positive =
                    !value.empty() && value.front() != '-' && value.find_first_of("123456789") != std::string::npos;
                indent = positive ? "2em" : value;
            }
        if (!indent) continue;
        std::string selector;
        for (const std::string& tag : tags) {
            if (!css_language_tag(tag)) continue;
            add_scoped(selector, ":lang(" + tag + ")", rule.selector);
        }
        if (!selector.empty()) out.push_back({selector, std::nullopt, Decls{{"text-indent", *indent}}});
    }
    return out;
}

/// A selector list with `pseudo` added to the last compound of each of its
/// selectors (before a pseudo-element): "a, b::after" with ":lang(km)" gives
/// "a:lang(km), b:lang(km)::after".
std::string with_pseudo_class(const std::string& selectors, const std::string& pseudo) {
    std::string out;
    std::size_t start = 0;
    while (start <= selectors.size()) {
        std::size_t comma = selectors.find(',', start);
        std::string part = selectors.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        while (!part.empty() && part.front() == ' ') part.erase(part.begin());
        std::size_t element = part.find("::");
        if (element == std::string::npos) element = part.size();
        out += (out.empty() ? "" : ", ") + part.substr(0, element) + pseudo + part.substr(element);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

/// For text whose script stacks marks: each rule that sets a line-height
/// again for elements in each of `tags`, at least `least` (a ratio to the
/// font size), as print sets such text at grid.stacked-line-height. A
/// line-height of 0 (sub, sup: no effect on the line) stays.
std::vector<CssRule> stacked_line_heights(const std::vector<CssRule>& rules, const std::vector<std::string>& tags,
                                          double least) {
    std::vector<CssRule> out;
    for (const CssRule& rule : rules) {
        std::optional<std::string> height;
        for (const auto& [name, value] : rule.declarations)
            if (name == "line-height") {
                char* end = nullptr;
                const double v = std::strtod(value.c_str(), &end);
                if (end != value.c_str() && *end == '\0' && v > 0 && v < least) height = css_number(least);
            }
        if (!height) continue;
        std::string selector;
        for (const std::string& tag : tags) {
            if (!css_language_tag(tag)) continue;
            selector += (selector.empty() ? "" : ", ") + with_pseudo_class(rule.selector, ":lang(" + tag + ")");
        }
        if (!selector.empty()) out.push_back({selector, std::nullopt, Decls{{"line-height", *height}}});
    }
    return out;
}

/// For text written without spaces between words: each justified rule
/// again for elements in each of `tags`, justified between letters.
std::vector<CssRule> letter_justified(const std::vector<CssRule>& rules, const std::vector<std::string>& tags) {
    std::vector<CssRule> out;
    for (const CssRule& rule : rules) {
        const bool justified = std::any_of(rule.declarations.begin(), rule.declarations.end(), [](const auto& d) {
            return d.first == "text-align" && d.second == "justify";
        });
        if (!justified) continue;
        std::string selector;
        for (const std::string& tag : tags) {
            if (!css_language_tag(tag)) continue;
            selector += (selector.empty() ? "" : ", ") + with_pseudo_class(rule.selector, ":lang(" + tag + ")");
        }
        if (!selector.empty()) out.push_back({selector, std::nullopt, Decls{{"text-justify", "inter-character"}}});
    }
    return out;
}

}  // namespace

std::vector<CssRule> stylesheet_rules(const Layout& l, const BookScripts& scripts) {
    Ctx c{l, body_size_pt(l), {}, {}, {}, {}};
    c.flow.indent = true;
    c.display.display = true;
    c.family_only.size = false;
    c.family_only.spacing = false;
    c.family_only.align = false;
    std::vector<CssRule> r;
    for (auto group : {page_rules, head_rules, body_text_rules, figure_rules, box_rules, separator_rules,
                       end_matter_rules, inline_rules, page_furniture_rules})
        group(c, r);
    if (scripts.right_to_left) {
        std::vector<CssRule> mirrored = mirrored_for_rtl(r);
        r.insert(r.end(), mirrored.begin(), mirrored.end());
    }
    if (!scripts.character_indents.empty()) {
        std::vector<CssRule> indented = character_indented(r, scripts.character_indents);
        r.insert(r.end(), indented.begin(), indented.end());
    }
    if (!scripts.stacked_marks.empty()) {
        std::vector<CssRule> taller = stacked_line_heights(r, scripts.stacked_marks, l.grid.stacked_line_height);
        r.insert(r.end(), taller.begin(), taller.end());
    }
    if (!scripts.letter_justified.empty()) {
        std::vector<CssRule> spaced = letter_justified(r, scripts.letter_justified);
        r.insert(r.end(), spaced.begin(), spaced.end());
    }
    return r;
}

}  // namespace galley::epub
