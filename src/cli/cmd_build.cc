// galley build: read every INPUT once, check it, then write its editions.
#include <cstdlib>
#include <sstream>

#include "cli/build_pipeline.h"
#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#include "cli/exit_codes.h"
#include "cli/issue_session.h"
#include "cli/options.h"
#include "epub/civil_time.h"

namespace galley::cli {
namespace {

CommandSpec build_spec() {
    return {"build",
            "galley build [OPTIONS] INPUT...",
            "Build the editions of each issue folder or article file.",
            "Writes DIR/<issue-id>.epub and DIR/<issue-id>.pdf (PNG proofs\n"
            "DIR/<issue-id>-p001.png... with -f png). Nothing is written when any\n"
            "article has an error, unless --keep-going. SOURCE_DATE_EPOCH, when set,\n"
            "fixes every timestamp in the outputs; otherwise the issue date is used,\n"
            "so the same input always gives the same files.\n"
            "\n"
            "Exit status: 0 success, 1 errors in the input, 2 usage error, 3 built\n"
            "with some articles left out (--keep-going), 4 could not write the\n"
            "output or run a needed tool.",
            {
                {'o', "output", "DIR", "out", "folder to write the editions to (created when missing)"},
                {'f', "format", "LIST", "epub,pdf", "comma-separated formats: epub, pdf, png"},
                {'l', "layout", "NAME|PATH", "", "layout to use instead of the one issue.xml names"},
                {'j', "jobs", "N", "number of cores", "how many articles to work on in parallel"},
                {0, "epub-fonts", "MODE", "subset", "fonts in the EPUB: subset, full or none"},
                {0, "dpi", "N", "100", "resolution of PNG proofs"},
                {0, "keep-going", "", "", "build without the articles that have errors (exit status 3)"},
                {0, "strict", "", "", "treat warnings as errors"},
                {'q', "quiet", "", "", "print diagnostics only"},
                {'v', "verbose", "", "", "print per-article details"},
            },
            1};
}

bool whole_number(const std::string& s, int lo, int hi, int& out) {
    if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) return false;
    out = std::stoi(s);
    return out >= lo && out <= hi;
}

// Fills `req` from the options; returns a usage error message or "".
std::string to_request(const ParsedArgs& args, BuildRequest& req) {
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
            else return "unknown format '" + item + "'; formats are epub, pdf, png";
        }
        if (req.formats.empty()) return "option '--format' needs at least one format";
    }
    int n = 0;
    if (auto j = args.value("jobs"); j && !whole_number(*j, 1, 9999, n))
        return "option '--jobs' takes a whole number from 1 to 9999, not '" + *j + "'";
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
        req.source_date_epoch = epub::parse_source_date_epoch(sde);
        if (!req.source_date_epoch)
            return std::string("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '") + sde + "'";
    }
    return "";
}

std::string size_text(std::uint64_t bytes) {
    char buf[32];
    if (bytes >= 1000000) std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    else std::snprintf(buf, sizeof buf, "%.0f KB", static_cast<double>(bytes) / 1e3);
    return buf;
}

}  // namespace

int run_build(const std::vector<std::string>& args, Streams& io) {
    CommandSpec spec = build_spec();
    std::string error;
    BuildRequest request;
    auto parsed = parse_args(spec, args, error);
    if (parsed && !parsed->help) error = to_request(*parsed, request);
    if (!parsed || !error.empty()) {
        io.err << "galley build: " << error << "\n" << "Try 'galley build --help'.\n";
        return kUsage;
    }
    if (parsed->help) {
        io.out << help_text(spec);
        return kSuccess;
    }
    SessionOptions opts;
    opts.layout = request.layout;
    opts.strict = parsed->flag("strict");
    opts.quiet = parsed->flag("quiet");
    opts.verbose = parsed->flag("verbose");
    bool keep_going = parsed->flag("keep-going");

    auto issues = load_issues(parsed->operands, opts);
    // Every problem of every input first; by default any error stops here.
    PrintOptions print{io.colour, {}};
    bool input_errors = false, left_out = false, output_failed = false;
    for (LoadedIssue& li : issues) {
        print_diagnostics(io.err, li.diags, print);
        bool errors = li.diags.has_errors() || (opts.strict && li.diags.count(Severity::warning) > 0);
        input_errors = input_errors || errors || !li.read.issue;
    }
    if (input_errors && !keep_going) {
        if (!opts.quiet) io.out << "nothing written: " << summary_of_all(issues) << "\n";
        return kInputErrors;
    }
    for (LoadedIssue& li : issues) {
        if (!li.read.issue || li.read.issue->article_count() == 0) continue;
        Diagnostics build_diags;
        BuildOutcome outcome = build_editions(*li.read.issue, request, build_diags);
        build_diags.sort_by_location();
        print_diagnostics(io.err, build_diags, print);
        output_failed = output_failed || outcome.output_failed;
        if (build_diags.has_errors() && !outcome.output_failed) input_errors = true;
        left_out = left_out || !li.read.failed_articles.empty();
        if (opts.quiet) continue;
        std::size_t n = li.read.issue->article_count();
        io.out << "built " << li.read.issue->id << ": " << n << (n == 1 ? " article" : " articles");
        if (!li.read.failed_articles.empty())
            io.out << " (" << li.read.failed_articles.size() << " left out)";
        const char* sep = " -> ";
        for (const WrittenFile& f : outcome.written) {
            io.out << sep << f.path.string() << " (" << size_text(f.bytes) << ")";
            sep = ", ";
        }
        io.out << "\n";
        for (const WrittenFile& f : outcome.written)
            if (!f.note.empty() && opts.verbose) io.out << "  " << f.path.filename().string() << ": " << f.note << "\n";
        if (opts.verbose)
            for (const std::string& f : li.read.failed_articles) io.out << "  left out: " << f << "\n";
    }
    if (output_failed) return kOutputFailure;
    if (input_errors && !keep_going) return kInputErrors;
    if (left_out || input_errors) return kPartial;
    return kSuccess;
}

}  // namespace galley::cli
