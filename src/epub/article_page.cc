#include "epub/article_page.h"

#include <algorithm>
#include <variant>

#include "epub/block_html.h"
#include "epub/inline_html.h"
#include "epub/labels.h"
#include "epub/xhtml_page.h"

namespace galley::epub {
namespace {

bool is_lead_figure(const model::Block* b) {
    const auto* f = std::get_if<model::Figure>(&b->node);
    return f && f->placement == model::Placement::lead;
}

void write_paragraph(XmlWriter& w, const char* cls, const model::Inlines& content, XmlAttributes extra = {}) {
    if (model::is_blank(content)) return;
    w.newline();
    XmlAttributes attrs{{"class", cls}};
    attrs.insert(attrs.end(), extra.begin(), extra.end());
    w.open("p", attrs);
    write_inlines(w, content);
    w.close();
}

void write_header(XmlWriter& w, const model::Article& a) {
    w.newline();
    w.open("header", {{"class", "article-head"}});
    write_paragraph(w, "kicker", a.head.kicker);
    w.newline();
    w.open("h1", {{"class", "headline tier-" + std::to_string(std::clamp(a.effective_priority(), 1, 5))}});
    write_inlines(w, a.head.headline);
    w.close();
    write_paragraph(w, "deck", a.head.deck, {{"epub:type", "subtitle"}, {"role", "doc-subtitle"}});
    for (const model::Inlines& byline : a.head.bylines) write_paragraph(w, "byline", byline);
    w.close_line();
}

void write_related(XmlWriter& w, const BookPlan& plan, const ArticleEntry& entry, IdSet& ids) {
    const model::Article& a = *entry.article;
    std::string heading_id = ids.make("related");
    w.newline();
    w.open("section", {{"class", "related"}, {"aria-labelledby", heading_id}});
    w.newline();
    XmlAttributes heading{{"id", heading_id}};
    for (const XmlAttribute& attr : label_lang_attributes(plan.labels(), a.lang)) heading.push_back(attr);
    w.element("h2", heading, plan.labels().related);
    w.newline();
    w.open("ul");
    for (const model::RelatedItem& item : a.end.related) {
        w.newline();
        w.open("li");
        std::string href;
        if (const ArticleEntry* target = item.ref.empty() ? nullptr : plan.find_article(item.ref))
            href = relative_href(entry.href, target->href);
        else if (!item.href.empty())
            href = item.href;
        InlineOptions inner;
        inner.live_links = href.empty();
        if (!href.empty()) w.open("a", {{"href", href}});
        if (!model::is_blank(item.kicker)) {
            w.open("span", {{"class", "related-kicker"}});
            write_inlines(w, item.kicker, inner);
            w.close();
            w.text(" ");
        }
        w.open("span", {{"class", "related-title"}});
        write_inlines(w, item.title, inner);
        w.close();
        if (!href.empty()) w.close();
        if (!model::is_blank(item.teaser)) {
            w.text(" ");
            w.open("span", {{"class", "related-teaser"}});
            write_inlines(w, item.teaser);
            w.close();
        }
        w.close();
    }
    w.close_line();
    w.close_line();
}

void write_footer(XmlWriter& w, const BookPlan& plan, const ArticleEntry& entry, IdSet& ids) {
    const model::Article& a = *entry.article;
    bool corrections = false;
    for (const model::Inlines& c : a.end.corrections) corrections = corrections || !model::is_blank(c);
    if (model::is_blank(a.end.tagline) && !corrections && a.end.related.empty() && model::is_blank(a.meta.rights))
        return;
    // The tagline, corrections and rights read the way their text does,
    // as in print (the head keeps its article's direction).
    const std::string& lang = a.lang.empty() ? plan.issue().lang : a.lang;
    w.newline();
    w.open("footer", {{"class", "article-end"}});
    write_paragraph(w, "tagline", a.end.tagline, {text_dir_attribute(a.end.tagline, lang)});
    if (corrections) {
        std::string heading_id = ids.make("corrections");
        w.newline();
        w.open("section", {{"class", "corrections"}, {"epub:type", "errata"}, {"role", "doc-errata"},
                           {"aria-labelledby", heading_id}});
        w.newline();
        XmlAttributes heading{{"id", heading_id}};
        for (const XmlAttribute& attr : label_lang_attributes(plan.labels(), a.lang)) heading.push_back(attr);
        std::size_t count = 0;
        for (const model::Inlines& c : a.end.corrections) count += model::is_blank(c) ? 0 : 1;
        w.element("h2", heading, count == 1 ? plan.labels().correction : plan.labels().corrections);
        for (const model::Inlines& c : a.end.corrections)
            write_paragraph(w, "correction", c, {text_dir_attribute(c, lang)});
        w.close_line();
    }
    if (!a.end.related.empty()) write_related(w, plan, entry, ids);
    if (!model::is_blank(a.meta.rights)) {
        w.newline();
        w.open("p", {{"class", "rights"}, text_dir_attribute(a.meta.rights, lang)});
        w.open("small");
        write_inlines(w, a.meta.rights);
        w.close();
        w.close();
    }
    w.close_line();
}

}  // namespace

std::string article_page(const BookPlan& plan, const ArticleEntry& entry) {
    const model::Article& a = *entry.article;
    XmlWriter w;
    std::string title = plain_label(a.head.headline);
    const std::string& lang = a.lang.empty() ? plan.issue().lang : a.lang;
    begin_xhtml(w, {entry.href, title.empty() ? a.id : title, lang, "article-page"});
    IdSet ids;
    w.newline();
    w.open("article", {{"class", "article"}, {"id", ids.make("article")}});
    write_header(w, a);

    std::vector<const model::Block*> blocks = digital_blocks(a.body);
    BlockContext ctx{plan, entry.href, lang, ids, 2};
    for (const model::Block* b : blocks) {
        if (!is_lead_figure(b)) continue;
        w.newline();
        write_figure(w, std::get<model::Figure>(b->node), ctx);
    }
    write_paragraph(w, "dateline", a.head.dateline);
    std::vector<const model::Block*> flow;
    for (const model::Block* b : blocks)
        if (!is_lead_figure(b)) flow.push_back(b);
    write_blocks(w, flow, ctx);

    write_footer(w, plan, entry, ids);
    w.close_line();  // article
    return end_xhtml(w);
}

}  // namespace galley::epub
