#include "epub/nav_document.h"

#include "epub/inline_html.h"
#include "epub/labels.h"
#include "epub/xhtml_page.h"

namespace galley::epub {

std::vector<TocEntry> table_of_contents(const BookPlan& plan) {
    std::vector<TocEntry> toc;
    for (const SectionEntry& s : plan.sections()) {
        TocEntry section{s.section->title, s.href, "", {}};
        for (std::size_t index : s.articles) {
            const ArticleEntry& a = plan.articles()[index];
            std::string label = plain_label(a.article->head.headline);
            if (label.empty()) label = a.article->id;
            section.children.push_back({label, a.href, a.article->lang, {}});
        }
        toc.push_back(std::move(section));
    }
    return toc;
}

std::string nav_document(const BookPlan& plan) {
    const model::Issue& issue = plan.issue();
    std::string href(kNavHref);
    XmlWriter w;
    begin_xhtml(w, {href, plan.labels().contents, issue.lang, "nav-page"});
    XmlAttributes label_lang = label_lang_attributes(plan.labels(), issue.lang);

    w.newline();
    w.open("nav", {{"epub:type", "toc"}, {"role", "doc-toc"}, {"id", "toc"}, {"aria-labelledby", "toc-title"}});
    w.newline();
    XmlAttributes heading{{"id", "toc-title"}};
    heading.insert(heading.end(), label_lang.begin(), label_lang.end());
    w.element("h1", heading, plan.labels().contents);
    w.newline();
    w.open("ol");
    for (const TocEntry& section : table_of_contents(plan)) {
        w.newline();
        w.open("li");
        w.element("a", {{"href", section.href}}, section.label);
        w.newline();
        w.open("ol");
        for (const TocEntry& article : section.children) {
            w.newline();
            XmlAttributes attrs;
            if (article.lang != issue.lang)
                attrs = {{"lang", article.lang}, {"xml:lang", article.lang}, dir_attribute(article.lang, issue.lang)};
            w.open("li", attrs);
            w.element("a", {{"href", article.href}}, article.label);
            w.close();
        }
        w.close_line();
        w.close_line();
    }
    w.close_line();
    w.close_line();

    w.newline();
    w.open("nav", {{"epub:type", "landmarks"}, {"id", "landmarks"}, {"hidden", "hidden"},
                   {"aria-labelledby", "landmarks-title"}});
    w.newline();
    heading = {{"id", "landmarks-title"}};
    heading.insert(heading.end(), label_lang.begin(), label_lang.end());
    w.element("h2", heading, plan.labels().landmarks);
    w.newline();
    w.open("ol");
    auto landmark = [&](const char* type, std::string_view target, const std::string& label) {
        w.newline();
        w.open("li");
        XmlAttributes attrs{{"epub:type", type}, {"href", std::string(target)}};
        attrs.insert(attrs.end(), label_lang.begin(), label_lang.end());
        w.element("a", attrs, label);
        w.close();
    };
    landmark("cover", kCoverHref, plan.labels().cover);
    landmark("toc", kContentsHref, plan.labels().contents);
    landmark("bodymatter", plan.sections().front().href, plan.labels().start);
    w.close_line();
    w.close_line();
    return end_xhtml(w);
}

}  // namespace galley::epub
