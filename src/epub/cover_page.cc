#include "epub/cover_page.h"

#include "base/civil_time.h"
#include "epub/labels.h"
#include "epub/xhtml_page.h"
#include "layout/label_text.h"

namespace galley::epub {

std::string cover_page(const BookPlan& plan) {
    const model::Issue& issue = plan.issue();
    XmlWriter w;
    std::string href(kCoverHref);
    begin_xhtml(w, {href, issue.publication, issue.lang, "cover-page"});

    w.newline();
    w.open("header", {{"class", "masthead"}});
    w.newline();
    w.open("h1", {{"class", "publication"}});
    if (const ImageResource* logo = plan.logo_image()) {
        std::string alt = issue.logo->alt && !issue.logo->alt->empty() ? *issue.logo->alt : issue.publication;
        w.empty("img", {{"class", "logo"}, {"src", relative_href(href, logo->href)}, {"alt", alt}});
    } else {
        w.text(issue.publication);
    }
    w.close();
    if (!issue.title.empty()) {
        w.newline();
        w.element("p", {{"class", "issue-title"}}, issue.title);
    }
    if (parse_date(issue.date)) {
        w.newline();
        w.open("p", {{"class", "issue-date"}});
        // As the print masthead has it: label.date, in the labels' language.
        XmlAttributes attrs{{"datetime", issue.date}};
        for (const XmlAttribute& a : label_lang_attributes(plan.labels(), issue.lang)) attrs.push_back(a);
        w.element("time", attrs, layout::long_date(issue.date, plan.labels()));
        w.close();
    }
    std::string volume = plan.labels().volume_and_number(issue.volume, issue.number);
    if (!volume.empty()) {
        w.newline();
        XmlAttributes attrs{{"class", "issue-number"}};
        for (const XmlAttribute& a : label_lang_attributes(plan.labels(), issue.lang)) attrs.push_back(a);
        w.element("p", attrs, volume);
    }
    w.close_line();  // header

    if (const ImageResource* cover = plan.cover_image()) {
        w.newline();
        w.open("figure", {{"class", "cover"}});
        w.newline();
        w.empty("img", {{"src", relative_href(href, cover->href)},
                        {"alt", plan.cover_source()->alt.value_or("")},
                        {"epub:type", "cover"},
                        {"role", "doc-cover"}});
        w.close_line();
    }
    return end_xhtml(w);
}

}  // namespace galley::epub
