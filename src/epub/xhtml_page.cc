#include "epub/xhtml_page.h"

#include "epub/book_plan.h"
#include "model/direction.h"
#include "model/language.h"

namespace galley::epub {

void begin_xhtml(XmlWriter& w, const PageSpec& spec) {
    w.declaration();
    w.raw_line("<!DOCTYPE html>");
    w.open("html", {{"xmlns", kXhtmlNs},
                    {"xmlns:epub", kEpubNs},
                    {"lang", spec.lang},
                    {"xml:lang", spec.lang},
                    {model::right_to_left(spec.lang) ? "dir" : "", "rtl"}});
    w.newline();
    w.open("head");
    w.newline();
    w.empty("meta", {{"charset", "UTF-8"}});
    w.newline();
    w.element("title", spec.title);
    w.newline();
    w.empty("link", {{"rel", "stylesheet"}, {"type", "text/css"},
                     {"href", relative_href(spec.href, kStylesheetHref)}});
    w.close_line();  // head
    w.newline();
    w.open("body", {{spec.body_class.empty() ? "" : "class", spec.body_class}});
}

XmlAttribute dir_attribute(std::string_view lang, std::string_view around) {
    const bool rtl = model::right_to_left(lang);
    if (lang.empty() || rtl == model::right_to_left(around)) return {"", ""};
    return {"dir", rtl ? "rtl" : "ltr"};
}

XmlAttribute text_dir_attribute(const model::Inlines& content, std::string_view lang) {
    const int direction = model::paragraph_direction(model::plain_text(content), lang);
    if (direction == 0 || (direction < 0) == model::right_to_left(lang)) return {"", ""};
    return {"dir", direction < 0 ? "rtl" : "ltr"};
}

std::string end_xhtml(XmlWriter& w) {
    w.close_line();  // body
    w.close_line();  // html
    return w.finish();
}

std::string IdSet::make(const std::string& base) {
    int n = ++used_[base];
    return n == 1 ? base : base + "-" + std::to_string(n);
}

}  // namespace galley::epub
