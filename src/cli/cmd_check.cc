// galley check: validate inputs and report every problem; write nothing.
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/issue_session.h"
#include "cli/options.h"

namespace galley::cli {
namespace {

CommandSpec check_spec() {
    return {"check",
            "galley check [OPTIONS] INPUT...",
            "Validate issue folders or article files and print every problem found.",
            "Each INPUT is an issue folder (with or without issue.xml) or one article\n"
            "file. Nothing is written. Exit status: 0 no errors, 1 errors (or warnings\n"
            "with --strict), 2 usage error.",
            {
                {'l', "layout", "NAME|PATH", "", "check against this layout instead of the one issue.xml names"},
                {0, "strict", "", "", "treat warnings as errors"},
                {'q', "quiet", "", "", "print diagnostics only, no summary line"},
                {'v', "verbose", "", "", "also list the articles left out"},
                {0, "diagnostics", "FORMAT", "text", "text, or json: one JSON document on stdout (docs/diagnostics.schema.json)"},
            },
            1};
}

}  // namespace

int run_check(const std::vector<std::string>& args, Streams& io) {
    CommandSpec spec = check_spec();
    std::string error;
    auto parsed = parse_args(spec, args, error);
    if (!parsed) {
        io.err << "galley check: " << error << "\n" << "Try 'galley check --help'.\n";
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
    if (std::string e = diagnostics_format(parsed->value("diagnostics"), opts); !e.empty()) {
        io.err << "galley check: " << e << "\nTry 'galley check --help'.\n";
        return kUsage;
    }
    auto issues = load_issues(parsed->operands, opts);
    return report(issues, opts, io);
}

}  // namespace galley::cli
