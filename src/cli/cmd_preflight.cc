// galley preflight: check any PDF for the press or for the screen, page by
// page (press/preflight.h does the checking; docs/press.md explains the
// report).
#include <cstdlib>

#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#include "cli/exit_codes.h"
#include "cli/options.h"
#include "layout/loader.h"
#include "press/preflight.h"

namespace galley::cli {
namespace {

CommandSpec preflight_spec() {
    return {"preflight",
            "galley preflight [OPTIONS] FILE.pdf...",
            "Check PDFs for the press (PDF/X, CMYK, boxes, fonts, ink) or the screen.",
            "Checks any PDF - galley's press PDF or an advertiser's file - and prints\n"
            "what fails, page by page, then what was checked and what was not.\n"
            "\n"
            "press (the default): every font embedded; TrimBox and BleedBox on every\n"
            "page, TrimBox inside BleedBox inside MediaBox; no RGB colour; black text\n"
            "K only; a PDF/X output intent and version; no transparency; no page that\n"
            "is one rasterised image; images at their placed size from --min-dpi (a\n"
            "warning); total ink within the limit (Ghostscript measures it).\n"
            "screen: fonts embedded, tagged, a document language, page sizes.\n"
            "\n"
            "Exit status: 0 every file passes (warnings allowed), 1 something fails\n"
            "(or warns, with --strict), 2 usage error, 4 a needed tool (Ghostscript,\n"
            "for ink) is missing and nothing else failed.",
            {
                {0, "profile", "press|screen", "press", "what the PDF is for"},
                {0, "ink-limit", "PERCENT", "300", "highest total of C+M+Y+K (newsprint about 240, coated about 300-330)"},
                {'l', "layout", "NAME|PATH", "", "take the ink limit from this layout's press.ink-limit"},
                {0, "min-dpi", "N", "170", "images below this at their placed size get a warning"},
                {0, "no-ink", "", "", "do not run Ghostscript to measure ink"},
                {0, "strict", "", "", "treat warnings as failures"},
                {'q', "quiet", "", "", "print only the result line and the failures"},
            },
            1,
            "a PDF file"};
}

bool number_in(const std::string& s, double lo, double hi, double& out) {
    if (s.empty() || s.size() > 8 || s.find_first_not_of("0123456789.") != std::string::npos) return false;
    try {
        out = std::stod(s);
    } catch (...) {
        return false;
    }
    return out >= lo && out <= hi;
}

std::string quiet_report(const press::PreflightReport& r) {
    std::string full = press::format_report(r);
    std::string out;
    std::size_t at = 0;
    int line = 0;
    int page = 0;
    while (at < full.size()) {
        std::size_t end = full.find('\n', at);
        if (end == std::string::npos) end = full.size();
        std::string l = full.substr(at, end - at);
        at = end + 1;
        ++line;
        if (l.rfind("page ", 0) == 0) page = std::atoi(l.c_str() + 5);
        if (l == "document") page = 0;
        if (line <= 2 || l.rfind("NOT RUN", 0) == 0) out += l + "\n";
        else if (l.rfind("  FAIL ", 0) == 0) out += (page > 0 ? "page " + std::to_string(page) + ": " : std::string("document: ")) + l.substr(2) + "\n";
        if (l == "checked") break;
    }
    return out;
}

}  // namespace

int run_preflight(const std::vector<std::string>& args, Streams& io) {
    CommandSpec spec = preflight_spec();
    std::string error;
    auto parsed = parse_args(spec, args, error);
    press::PreflightOptions options;
    bool ink_given = false;
    if (parsed && !parsed->help) {
        if (auto p = parsed->value("profile")) {
            if (*p == "press") options.profile = press::PreflightProfile::press;
            else if (*p == "screen") options.profile = press::PreflightProfile::screen;
            else error = "option '--profile' takes press or screen, not '" + *p + "'";
        }
        if (auto v = parsed->value("ink-limit")) {
            ink_given = true;
            if (!number_in(*v, 100, 400, options.ink_limit))
                error = "option '--ink-limit' takes a percentage from 100 to 400, not '" + *v + "'";
        }
        if (auto v = parsed->value("min-dpi"); v && !number_in(*v, 1, 4800, options.min_dpi))
            error = "option '--min-dpi' takes a number from 1 to 4800, not '" + *v + "'";
        options.check_ink = !parsed->flag("no-ink");
    }
    if (!parsed || !error.empty()) {
        io.err << "galley preflight: " << error << "\nTry 'galley preflight --help'.\n";
        return kUsage;
    }
    if (parsed->help) {
        io.out << help_text(spec);
        return kSuccess;
    }
    if (auto name = parsed->value("layout"); name && !ink_given) {
        Diagnostics diags;
        auto layout = layout::load_layout(*name, layout::bundled_layouts_dir(), diags);
        print_diagnostics(io.err, diags, {io.colour, {}});
        if (!layout) return kInputErrors;
        options.ink_limit = layout->press.ink_limit;
    }
    const bool strict = parsed->flag("strict"), quiet = parsed->flag("quiet");
    int status = kSuccess;
    bool first = true;
    for (const std::string& file : parsed->operands) {
        press::PreflightReport report = press::preflight_pdf(file, options);
        if (!first) io.out << "\n";
        first = false;
        io.out << (quiet ? quiet_report(report) : press::format_report(report));
        int s = press::preflight_exit_status(report, strict);
        // A failure outranks a missing tool: the file will not do either way.
        if (s == 1 || (s == 4 && status == kSuccess)) status = s;
    }
    return status == 1 ? kInputErrors : status == 4 ? kOutputFailure : kSuccess;
}

}  // namespace galley::cli
