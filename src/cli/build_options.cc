#include "cli/build_options.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "base/civil_time.h"

namespace galley::cli {
namespace {

bool whole_number(const std::string& s, int lo, int hi, int& out) {
    if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) return false;
    out = std::stoi(s);
    return out >= lo && out <= hi;
}

}  // namespace

std::vector<OptionSpec> edition_options() {
    return {
        {'o', "output", "DIR", "out", "folder to write the editions to (created when missing)"},
        {'f', "format", "LIST", "epub,pdf", "comma-separated formats: epub, pdf, png, dump (the laid-out pages as text)"},
        {'l', "layout", "NAME|PATH", "", "layout to use instead of the one issue.xml names"},
        {'j', "jobs", "N", "number of cores", "threads to work on; the output is the same whatever N is"},
        {0, "epub-fonts", "MODE", "subset", "fonts in the EPUB: subset, full or none"},
        {0, "dpi", "N", "100", "resolution of PNG proofs"},
        {0, "press", "", "", "also write DIR/<issue-id>.press.pdf for the printer: PDF/X-3, CMYK (docs/press.md)"},
        {0, "press-pages", "", "", "also write one press PDF per page: DIR/<issue-id>.press-p001.pdf..."},
        {0, "profile", "ICC", "",
         "the printer's CMYK output profile for the press PDF (else the layout's press.colour-profile, else "
         "Ghostscript's default_cmyk.icc)"},
    };
}

std::string jobs_from(const ParsedArgs& args, int& jobs) {
    auto j = args.value("jobs");
    if (!j) return "";
    int n = 0;
    if (!whole_number(*j, 1, 9999, n)) return "option '--jobs' takes a whole number from 1 to 9999, not '" + *j + "'";
    jobs = n;
    return "";
}

std::string build_request_from(const ParsedArgs& args, BuildRequest& req) {
    if (auto o = args.value("output")) {
        if (o->empty()) return "option '--output' needs a folder";
        req.out_dir = *o;
    }
    if (auto f = args.value("format")) {
        req.formats.clear();
        std::stringstream ss(*f);
        std::string item;
        while (std::getline(ss, item, ',')) {
            if (item == "epub") req.formats.insert(Format::epub);
            else if (item == "pdf") req.formats.insert(Format::pdf);
            else if (item == "png") req.formats.insert(Format::png);
            else if (item == "dump") req.formats.insert(Format::dump);
            else return "unknown format '" + item + "'; formats are epub, pdf, png, dump";
        }
        if (req.formats.empty()) return "option '--format' needs at least one format";
    }
    int n = 0;
    if (std::string e = jobs_from(args, req.jobs); !e.empty()) return e;
    if (auto d = args.value("dpi")) {
        if (!whole_number(*d, 10, 1200, n)) return "option '--dpi' takes a whole number from 10 to 1200, not '" + *d + "'";
        req.dpi = n;
    }
    if (auto m = args.value("epub-fonts")) {
        auto mode = epub::font_mode_from_name(*m);
        if (!mode) return "option '--epub-fonts' takes subset, full or none, not '" + *m + "'";
        req.epub_fonts = *mode;
    }
    req.layout = args.value("layout");
    if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde != nullptr && *sde != '\0') {
        req.source_date_epoch = parse_source_date_epoch(sde);
        if (!req.source_date_epoch)
            return std::string("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '") + sde + "'";
    }
    req.press = args.flag("press");
    req.press_pages = args.flag("press-pages");
    if (auto p = args.value("profile")) {
        if (p->empty()) return "option '--profile' needs an ICC profile file";
        if (!req.press && !req.press_pages) return "option '--profile' is for the press PDF: add --press or --press-pages";
        req.press_profile = *p;
    }
    return "";
}

namespace {

std::string size_text(std::uint64_t bytes) {
    char buf[32];
    if (bytes >= 1000000) std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    else std::snprintf(buf, sizeof buf, "%.0f KB", static_cast<double>(bytes) / 1e3);
    return buf;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

// "built ppp-2008-06-13: 7 pages, 9 articles -> out/x.pdf (1.3 MB), out/x.epub (1.6 MB) in 0.84 s"
std::string summary_line(const model::Issue& issue, std::size_t left_out, const BuildOutcome& outcome,
                         double seconds) {
    std::string line = "built " + issue.id + ": ";
    if (outcome.pages > 0) line += plural(static_cast<std::size_t>(outcome.pages), "page", "pages") + ", ";
    line += plural(issue.article_count(), "article", "articles");
    if (left_out > 0) line += " (" + std::to_string(left_out) + " left out)";
    const char* sep = " -> ";
    std::size_t png_count = 0;
    std::uint64_t png_bytes = 0;
    std::string png_dir;
    for (const WrittenFile& f : outcome.written) {
        if (f.path.extension() == ".png") {
            ++png_count;
            png_bytes += f.bytes;
            png_dir = f.path.parent_path().string();
            continue;
        }
        line += sep + f.path.string() + " (" + size_text(f.bytes) + ")";
        sep = ", ";
    }
    if (png_count > 0)
        line += sep + plural(png_count, "PNG proof", "PNG proofs") + " in " + (png_dir.empty() ? "." : png_dir) +
                " (" + size_text(png_bytes) + ")";
    char buf[32];
    std::snprintf(buf, sizeof buf, " in %.2f s", seconds);
    return line + buf;
}


}  // namespace galley::cli
