#include "epub/contents_page.h"

#include "epub/inline_html.h"
#include "epub/labels.h"
#include "epub/xhtml_page.h"

namespace galley::epub {

std::string contents_page(const BookPlan& plan) {
    const model::Issue& issue = plan.issue();
    std::string href(kContentsHref);
    XmlWriter w;
    begin_xhtml(w, {href, plan.labels().contents, issue.lang, "contents-page"});
    IdSet ids;
    std::string title_id = ids.make("contents-title");
    w.newline();
    w.open("nav", {{"class", "contents"}, {"epub:type", "toc"}, {"role", "doc-toc"}, {"aria-labelledby", title_id}});
    w.newline();
    XmlAttributes heading{{"id", title_id}};
    for (const XmlAttribute& a : label_lang_attributes(plan.labels(), issue.lang)) heading.push_back(a);
    w.element("h1", heading, plan.labels().contents);
    InlineOptions in_link;
    in_link.live_links = false;
    for (const SectionEntry& section : plan.sections()) {
        w.newline();
        w.open("h2", {{"class", "contents-section"}});
        w.element("a", {{"href", relative_href(href, section.href)}}, section.section->title);
        w.close();
        w.newline();
        w.open("ol", {{"class", "contents-articles"}});
        for (std::size_t index : section.articles) {
            const ArticleEntry& entry = plan.articles()[index];
            const model::Article& a = *entry.article;
            w.newline();
            w.open("li", {{"lang", a.lang}, {"xml:lang", a.lang}, dir_attribute(a.lang, issue.lang)});
            w.open("a", {{"href", relative_href(href, entry.href)}});
            if (!model::is_blank(a.head.kicker)) {
                w.open("span", {{"class", "kicker"}});
                write_inlines(w, a.head.kicker, in_link);
                w.close();
                w.text(" ");
            }
            w.open("span", {{"class", "contents-headline"}});
            write_inlines(w, a.head.headline, in_link);
            w.close();
            w.close();
            w.close();
        }
        w.close_line();
    }
    w.close_line();
    return end_xhtml(w);
}

}  // namespace galley::epub
