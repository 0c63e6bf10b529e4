#include "epub/section_page.h"

#include "epub/inline_html.h"
#include "epub/xhtml_page.h"

namespace galley::epub {

std::string section_page(const BookPlan& plan, const SectionEntry& section) {
    const model::Issue& issue = plan.issue();
    XmlWriter w;
    begin_xhtml(w, {section.href, section.section->title, issue.lang, "section-page"});
    IdSet ids;
    std::string title_id = ids.make("section-title");
    w.newline();
    w.open("section", {{"class", "section"}, {"aria-labelledby", title_id}});
    w.newline();
    w.element("h1", {{"id", title_id}, {"class", "section-title"}}, section.section->title);
    InlineOptions in_link;
    in_link.live_links = false;
    for (std::size_t index : section.articles) {
        const ArticleEntry& entry = plan.articles()[index];
        const model::Article& a = *entry.article;
        w.newline();
        w.open("article", {{"class", "teaser"}, {"lang", a.lang}, {"xml:lang", a.lang}});
        if (!model::is_blank(a.head.kicker)) {
            w.newline();
            w.open("p", {{"class", "kicker"}});
            write_inlines(w, a.head.kicker);
            w.close();
        }
        w.newline();
        w.open("h2", {{"class", "teaser-headline"}});
        w.open("a", {{"href", relative_href(section.href, entry.href)}});
        write_inlines(w, a.head.headline, in_link);
        w.close();
        w.close();
        if (!model::is_blank(a.head.deck)) {
            w.newline();
            w.open("p", {{"class", "deck"}});
            write_inlines(w, a.head.deck);
            w.close();
        }
        for (const model::Inlines& byline : a.head.bylines) {
            if (model::is_blank(byline)) continue;
            w.newline();
            w.open("p", {{"class", "byline"}});
            write_inlines(w, byline);
            w.close();
        }
        w.close_line();
    }
    w.close_line();
    return end_xhtml(w);
}

}  // namespace galley::epub
