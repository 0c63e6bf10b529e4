#include <cstdio>
#include <map>
#include <sstream>

#include "press/ink_limit.h"
#include "press/preflight.h"

namespace galley::press {
namespace {

std::string ranges(const std::vector<int>& pages) {
    std::string out;
    for (std::size_t i = 0; i < pages.size();) {
        std::size_t j = i;
        while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
        if (!out.empty()) out += ", ";
        out += std::to_string(pages[i]);
        if (j > i) out += "-" + std::to_string(pages[j]);
        i = j + 1;
    }
    return out;
}

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

}  // namespace

std::string format_report(const PreflightReport& r) {
    std::ostringstream out;
    const PreflightOptions& o = r.options;
    out << "preflight " << r.file.string() << " (" << profile_name(r.profile) << " profile";
    if (r.profile == PreflightProfile::press) {
        char dpi[32];
        std::snprintf(dpi, sizeof dpi, "%.0f", o.min_dpi);
        out << ": ink limit " << ink_limit_text(o.ink_limit) << ", images from " << dpi << " dpi";
    }
    out << ")\n";
    int fails = r.count(Level::fail), warns = r.count(Level::warn);
    std::vector<int> failed_pages;
    bool document_fails = false;
    for (const Finding& f : r.findings) {
        if (f.level != Level::fail) continue;
        if (f.page == 0) document_fails = true;
        else if (failed_pages.empty() || failed_pages.back() != f.page) failed_pages.push_back(f.page);
    }
    if (r.passed()) {
        out << "PASS: " << plural(r.pages, "page", "pages") << ", no failures, " << plural(warns, "warning", "warnings")
            << "\n";
    } else {
        std::string where;
        if (document_fails) where = "the document as a whole";
        if (!failed_pages.empty())
            where += (where.empty() ? "" : " and ") + std::string(failed_pages.size() == 1 ? "page " : "pages ") +
                     ranges(failed_pages);
        out << "FAIL: " << plural(fails, "failure", "failures") << (where.empty() ? "" : " (" + where + ")") << ", "
            << plural(warns, "warning", "warnings") << "; " << plural(r.pages, "page", "pages") << "\n";
    }
    for (const std::string& t : r.tools_missing) out << "NOT RUN: " << t << "\n";

    // Document-level findings, then page by page.
    std::map<int, std::vector<const Finding*>> by_page;
    for (const Finding& f : r.findings) by_page[f.page].push_back(&f);
    auto print = [&](const std::vector<const Finding*>& list) {
        for (Level level : {Level::fail, Level::warn, Level::info})
            for (const Finding* f : list)
                if (f->level == level) out << "  " << level_name(level) << " " << f->check << ": " << f->message << "\n";
    };
    if (by_page.count(0)) {
        out << "\ndocument\n";
        print(by_page[0]);
    }
    std::vector<int> clean;
    for (int p = 1; p <= r.pages; ++p) {
        auto it = by_page.find(p);
        bool problems = false;
        if (it != by_page.end())
            for (const Finding* f : it->second) problems = problems || f->level != Level::info;
        if (!problems) clean.push_back(p);
        out << "\npage " << p << (problems ? "" : ": ok") << "\n";
        if (it != by_page.end()) print(it->second);
    }
    if (!clean.empty() && clean.size() != static_cast<std::size_t>(r.pages))
        out << "\npages without failures or warnings: " << ranges(clean) << "\n";

    out << "\nchecked\n";
    for (const std::string& c : r.checked) out << "  - " << c << "\n";
    out << "not checked\n";
    for (const std::string& c : r.not_checked) out << "  - " << c << "\n";
    return out.str();
}

}  // namespace galley::press
