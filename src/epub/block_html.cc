#include "epub/block_html.h"

#include <algorithm>
#include <string_view>
#include <type_traits>
#include <variant>

#include "epub/inline_html.h"

namespace galley::epub {
namespace {

std::string heading_tag(int level) { return "h" + std::to_string(std::clamp(level, 1, 6)); }

const char* align_class(model::Align a) {
    switch (a) {
        case model::Align::start: return "";
        case model::Align::left: return "align-left";
        case model::Align::right: return "align-right";
        case model::Align::center: return "align-center";
    }
    return "";
}

XmlAttributes class_attr(const std::string& cls) {
    if (cls.empty()) return {};
    return {{"class", cls}};
}

/// About three lines of a newspaper column, as print counts them: a
/// paragraph whose lines between its <br/>s are no longer is set in lines
/// of its own (model::in_own_lines).
constexpr double kOwnLineChars = 90;

/// The classes of a paragraph of `content`: `first` (the first of its
/// run), and `lines` for one set in lines of its own (a verse, a sign-off),
/// which the stylesheet sets without a first-line indent, its wrapped
/// lines turned over.
std::string paragraph_class(const model::Inlines& content, bool first) {
    std::string cls = first ? "first" : "";
    if (model::in_own_lines(content, kOwnLineChars)) cls += cls.empty() ? "lines" : " lines";
    return cls;
}

// A blockquote's verse is marked class lines, as the body's is; a pull
// quote's is not: display type has no first-line indent to take off, and
// print turns none of its lines over.
void write_quote_paragraphs(XmlWriter& w, const model::Quotation& q, std::string_view lang,
                            const InlineOptions& options, bool mark_lines) {
    for (const model::Paragraph& p : q.paragraphs) {
        w.newline();
        XmlAttributes attrs = class_attr(mark_lines ? paragraph_class(p.content, false) : "");
        attrs.push_back(text_dir_attribute(p.content, lang));
        w.open("p", attrs);
        write_inlines(w, p.content, options);
        w.close();
    }
}

void write_blockquote(XmlWriter& w, const model::Blockquote& b, std::string_view lang) {
    bool attributed = !model::is_blank(b.quote.attribution);
    if (attributed) {
        w.open("figure", {{"class", "quotation"}});
        w.newline();
    }
    w.open("blockquote");
    write_quote_paragraphs(w, b.quote, lang, {}, true);
    w.close_line();
    if (attributed) {
        w.newline();
        w.open("figcaption", {{"class", "attribution"}, text_dir_attribute(b.quote.attribution, lang)});
        write_inlines(w, b.quote.attribution);
        w.close();
        w.close_line();
    }
}

void write_pullquote(XmlWriter& w, const model::PullQuote& q, std::string_view lang) {
    // The text repeats the body: hidden from assistive technology, so no
    // live links (nothing focusable may hide under aria-hidden).
    InlineOptions hidden;
    hidden.live_links = false;
    w.open("aside", {{"class", "pullquote"}, {"epub:type", "pullquote"}, {"role", "doc-pullquote"},
                     {"aria-hidden", "true"}});
    write_quote_paragraphs(w, q.quote, lang, hidden, false);
    if (!model::is_blank(q.quote.attribution)) {
        w.newline();
        w.open("p", {{"class", "attribution"}, text_dir_attribute(q.quote.attribution, lang)});
        write_inlines(w, q.quote.attribution, hidden);
        w.close();
    }
    w.close_line();
}

// A list item keeps the list's direction: its label's room is on the
// list's side (the stylesheet mirrors it for a right-to-left document), and
// an item turned the other way would hang its label outside that room. Its
// text, when it reads the other way, goes in a span that says so (isolated:
// "First item." keeps its stop at the end).
void write_list(XmlWriter& w, const model::List& list, std::string_view lang) {
    const char* tag = list.type == model::ListType::number ? "ol" : "ul";
    w.open(tag);
    for (const model::Inlines& item : list.items) {
        w.newline();
        w.open("li");
        const XmlAttribute dir = text_dir_attribute(item, lang);
        if (!dir.name.empty()) w.open("span", {dir});
        write_inlines(w, item);
        if (!dir.name.empty()) w.close();
        w.close();
    }
    w.close_line();
}

void write_table(XmlWriter& w, const model::Table& t, std::string_view lang) {
    w.open("table");
    if (!model::is_blank(t.caption)) {
        w.newline();
        w.open("caption", {text_dir_attribute(t.caption, lang)});
        write_inlines(w, t.caption);
        w.close();
    }
    if (t.head) {
        w.newline();
        w.open("thead");
        w.newline();
        w.open("tr");
        for (const model::Cell& c : t.head->cells) {
            XmlAttributes attrs{{"scope", "col"}};
            if (*align_class(c.align)) attrs.push_back({"class", align_class(c.align)});
            attrs.push_back(text_dir_attribute(c.content, lang));
            w.newline();
            w.open("th", attrs);
            write_inlines(w, c.content);
            w.close();
        }
        w.close_line();
        w.close_line();
    }
    w.newline();
    w.open("tbody");
    for (const model::Row& r : t.rows) {
        w.newline();
        w.open("tr");
        for (const model::Cell& c : r.cells) {
            w.newline();
            XmlAttributes attrs = class_attr(align_class(c.align));
            attrs.push_back(text_dir_attribute(c.content, lang));
            w.open("td", attrs);
            write_inlines(w, c.content);
            w.close();
        }
        w.close_line();
    }
    w.close_line();
    w.close_line();
}

void write_aside(XmlWriter& w, const model::Aside& a, BlockContext& ctx) {
    XmlAttributes attrs{{"class", "factbox"}};
    std::string heading_id;
    if (!model::is_blank(a.title)) {
        heading_id = ctx.ids.make("factbox");
        attrs.push_back({"aria-labelledby", heading_id});
    }
    w.open("aside", attrs);
    if (!heading_id.empty()) {
        w.newline();
        w.open(heading_tag(ctx.heading_level),
               {{"id", heading_id}, {"class", "factbox-title"}, text_dir_attribute(a.title, ctx.doc_lang)});
        write_inlines(w, a.title);
        w.close();
    }
    BlockContext inner{ctx.plan, ctx.doc_href, ctx.doc_lang, ctx.ids,
                       heading_id.empty() ? ctx.heading_level : ctx.heading_level + 1};
    write_blocks(w, digital_blocks(a.blocks), inner);
    w.close_line();
}

}  // namespace

void write_figure(XmlWriter& w, const model::Figure& f, const BlockContext& ctx) {
    const ImageResource* res = ctx.plan.image(f.image);
    bool lead = f.placement == model::Placement::lead;
    w.open("figure", {{"class", lead ? "figure lead" : "figure"}});
    w.newline();
    w.empty("img", {{"src", res ? relative_href(ctx.doc_href, res->href) : ""}, {"alt", f.image.alt.value_or("")}});
    bool caption = !model::is_blank(f.caption);
    bool credit = !model::is_blank(f.credit);
    if (caption || credit) {
        w.newline();
        w.open("figcaption");
        if (caption) {
            w.newline();
            w.open("p", {{"class", "caption"}, text_dir_attribute(f.caption, ctx.doc_lang)});
            write_inlines(w, f.caption);
            w.close();
        }
        if (credit) {
            w.newline();
            w.open("p", {{"class", "credit"}, text_dir_attribute(f.credit, ctx.doc_lang)});
            write_inlines(w, f.credit);
            w.close();
        }
        w.close_line();
    }
    w.close_line();
}

void write_blocks(XmlWriter& w, const std::vector<const model::Block*>& blocks, BlockContext& ctx) {
    bool after_paragraph = false;
    for (const model::Block* b : blocks) {
        w.newline();
        bool paragraph = false;
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, model::Paragraph>) {
                    XmlAttributes attrs = class_attr(paragraph_class(n.content, !after_paragraph));
                    attrs.push_back(text_dir_attribute(n.content, ctx.doc_lang));
                    w.open("p", attrs);
                    write_inlines(w, n.content);
                    w.close();
                    paragraph = true;
                } else if constexpr (std::is_same_v<T, model::Subhead>) {
                    w.open(heading_tag(ctx.heading_level),
                           {{"class", "subhead"}, text_dir_attribute(n.content, ctx.doc_lang)});
                    write_inlines(w, n.content);
                    w.close();
                } else if constexpr (std::is_same_v<T, model::Blockquote>) {
                    write_blockquote(w, n, ctx.doc_lang);
                } else if constexpr (std::is_same_v<T, model::PullQuote>) {
                    write_pullquote(w, n, ctx.doc_lang);
                    paragraph = after_paragraph;  // a pull quote does not interrupt the text's flow
                } else if constexpr (std::is_same_v<T, model::Figure>) {
                    write_figure(w, n, ctx);
                    paragraph = after_paragraph;  // nor does a figure
                } else if constexpr (std::is_same_v<T, model::List>) {
                    write_list(w, n, ctx.doc_lang);
                } else if constexpr (std::is_same_v<T, model::Aside>) {
                    write_aside(w, n, ctx);
                } else if constexpr (std::is_same_v<T, model::Table>) {
                    write_table(w, n, ctx.doc_lang);
                } else {
                    static_assert(std::is_same_v<T, model::Separator>);
                    w.empty("hr", {{"class", "separator"}});
                }
            },
            b->node);
        after_paragraph = paragraph;
    }
}

}  // namespace galley::epub
