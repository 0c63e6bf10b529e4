#include "epub/ncx.h"

#include "epub/nav_document.h"
#include "epub/xml_writer.h"

namespace galley::epub {
namespace {

int depth_of(const std::vector<TocEntry>& entries) {
    int deepest = 0;
    for (const TocEntry& e : entries) deepest = std::max(deepest, 1 + depth_of(e.children));
    return deepest;
}

void write_points(XmlWriter& w, const std::vector<TocEntry>& entries, int& order) {
    for (const TocEntry& e : entries) {
        ++order;
        w.newline();
        w.open("navPoint", {{"id", "nav-" + std::to_string(order)}, {"playOrder", std::to_string(order)}});
        w.newline();
        w.open("navLabel");
        w.element("text", e.label);
        w.close();
        w.newline();
        w.empty("content", {{"src", e.href}});
        write_points(w, e.children, order);
        w.close_line();
    }
}

}  // namespace

std::string ncx_document(const BookPlan& plan, const std::string& identifier, const std::string& title) {
    std::vector<TocEntry> toc = table_of_contents(plan);
    XmlWriter w;
    w.declaration();
    w.open("ncx", {{"xmlns", "http://www.daisy.org/z3986/2005/ncx/"}, {"version", "2005-1"},
                   {"xml:lang", plan.issue().lang}});
    w.newline();
    w.open("head");
    auto meta = [&](const char* name, const std::string& content) {
        w.newline();
        w.empty("meta", {{"name", name}, {"content", content}});
    };
    meta("dtb:uid", identifier);
    meta("dtb:depth", std::to_string(depth_of(toc)));
    meta("dtb:totalPageCount", "0");
    meta("dtb:maxPageNumber", "0");
    w.close_line();
    w.newline();
    w.open("docTitle");
    w.element("text", title);
    w.close();
    w.newline();
    w.open("navMap");
    int order = 0;
    write_points(w, toc, order);
    w.close_line();
    w.close_line();
    return w.finish();
}

}  // namespace galley::epub
