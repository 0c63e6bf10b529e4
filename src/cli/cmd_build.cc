// galley build: the editions. The options are declared and checked now; the
// EPUB and print backends arrive with their own modules.
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/issue_session.h"
#include "cli/options.h"

namespace galley::cli {
namespace {

CommandSpec build_spec() {
    return {"build",
            "galley build [OPTIONS] INPUT...",
            "Build the editions of each issue folder or article file.",
            "Writes DIR/<issue-id>.epub and DIR/<issue-id>.pdf (and PNG proofs with\n"
            "-f png). Nothing is written when any article has an error, unless\n"
            "--keep-going. Exit status: 0 success, 1 errors in the input, 2 usage\n"
            "error, 3 built with some articles left out, 4 could not write the\n"
            "output or run a needed tool.\n"
            "\n"
            "Not built yet: the EPUB and print backends. This version reads and\n"
            "checks the inputs, then stops with exit status 4 and writes nothing.",
            {
                {'o', "output", "DIR", "out", "folder to write the editions to (created when missing)"},
                {'f', "format", "LIST", "epub,pdf", "comma-separated formats: epub, pdf, png"},
                {'l', "layout", "NAME|PATH", "", "layout to use instead of the one issue.xml names"},
                {'j', "jobs", "N", "number of cores", "how many articles to work on in parallel"},
                {0, "keep-going", "", "", "build without the articles that have errors (exit status 3)"},
                {0, "strict", "", "", "treat warnings as errors"},
                {'q', "quiet", "", "", "print diagnostics only"},
                {'v', "verbose", "", "", "print per-article details"},
            },
            1};
}

// Checks -f and -j; returns an error message or "".
std::string validate(const ParsedArgs& args) {
    if (auto f = args.value("format")) {
        static const std::set<std::string> known = {"epub", "pdf", "png"};
        std::stringstream ss(*f);
        std::string item;
        bool any = false;
        while (std::getline(ss, item, ',')) {
            if (known.count(item) == 0) return "unknown format '" + item + "'; formats are epub, pdf, png";
            any = true;
        }
        if (!any) return "option '--format' needs at least one format";
    }
    if (auto j = args.value("jobs")) {
        bool digits = !j->empty() && j->size() <= 4 && j->find_first_not_of("0123456789") == std::string::npos;
        if (!digits || std::stoi(*j) < 1) return "option '--jobs' takes a whole number from 1 to 9999, not '" + *j + "'";
    }
    return "";
}

}  // namespace

int run_build(const std::vector<std::string>& args, Streams& io) {
    CommandSpec spec = build_spec();
    std::string error;
    auto parsed = parse_args(spec, args, error);
    if (parsed && !parsed->help) error = validate(*parsed);
    if (!parsed || !error.empty()) {
        io.err << "galley build: " << error << "\n" << "Try 'galley build --help'.\n";
        return kUsage;
    }
    if (parsed->help) {
        io.out << help_text(spec);
        return kSuccess;
    }
    SessionOptions opts;
    opts.layout = parsed->value("layout");
    opts.strict = parsed->flag("strict");
    opts.quiet = parsed->flag("quiet");
    opts.verbose = parsed->flag("verbose");
    auto issues = load_issues(parsed->operands, opts);
    int rc = report(issues, opts, io);
    if (rc != kSuccess) return rc;
    io.err << "galley build: the EPUB and print backends are not built yet; nothing was written\n";
    return kOutputFailure;
}

}  // namespace galley::cli
