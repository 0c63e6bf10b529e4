// galley check: everything galley build does short of drawing and writing:
// read and validate every input, check its layout and fonts, then (when
// nothing so far stops a build) compose its print pages, so missing glyphs,
// loose and overfull lines and low-resolution images are reported as build
// reports them. Writes nothing.
#include <chrono>

#include "cli/build_options.h"
#include "cli/build_pipeline.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/issue_session.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "press/press.h"

namespace galley::cli {
namespace {

CommandSpec check_spec() {
    return {"check",
            "galley check [OPTIONS] INPUT...",
            "Validate issue folders or article files, lay them out, and print every problem found.",
            "Each INPUT is an issue folder (with or without issue.xml) or one article\n"
            "file. Articles are validated; when that finds no errors the print pages\n"
            "are composed as galley build would (nothing is drawn or written), so\n"
            "missing glyphs, loose, overfull and cut lines and low-resolution images\n"
            "are reported too.\n"
            "\n"
            "Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage error.",
            {
                {'l', "layout", "NAME|PATH", "", "check against this layout instead of the one issue.xml names"},
                {'j', "jobs", "N", "number of cores", "threads to set articles on"},
                {0, "strict", "", "", "treat warnings as errors"},
                {'q', "quiet", "", "", "print diagnostics only, no progress line or summary"},
                {'v', "verbose", "", "", "also list the articles left out"},
                {0, "diagnostics", "FORMAT", "text", "text, or json: one JSON document on stdout (docs/diagnostics.schema.json)"},
            },
            1};
}

// Whether galley build would go on to lay the issue out: it was read, has
// articles, and nothing stops the build (an error, or a warning with
// --strict; a layout or fonts that failed to load are errors too).
bool would_lay_out(const LoadedIssue& li, bool strict) {
    if (!li.read.issue || li.read.issue->article_count() == 0) return false;
    return !li.diags.has_errors() && !(strict && li.diags.count(Severity::warning) > 0);
}

}  // namespace

int run_check(const std::vector<std::string>& args, Streams& io) {
    CommandSpec spec = check_spec();
    std::string error;
    auto parsed = parse_args(spec, args, error);
    BuildRequest request;
    if (parsed && !parsed->help) error = jobs_from(*parsed, request.jobs);
    if (!parsed || !error.empty()) {
        io.err << "galley check: " << error << "\n" << "Try 'galley check --help'.\n";
        return kUsage;
    }
    if (parsed->help) {
        io.out << help_text(spec);
        return kSuccess;
    }
    SessionOptions opts;
    opts.layout = parsed->value("layout");
    opts.jobs = request.jobs;
    opts.strict = parsed->flag("strict");
    opts.quiet = parsed->flag("quiet");
    opts.verbose = parsed->flag("verbose");
    if (std::string e = diagnostics_format(parsed->value("diagnostics"), opts); !e.empty()) {
        io.err << "galley check: " << e << "\nTry 'galley check --help'.\n";
        return kUsage;
    }
    request.layout = opts.layout;
    ProgressLine progress(io.err, ProgressLine::wanted(io, opts.quiet));
    std::vector<LoadedIssue> issues;
    EditionBuilder builder;  // the layout, fonts and setters carry over between issues
    for (const std::string& input : parsed->operands) {
        progress.show("reading " + input, true);
        for (LoadedIssue& li : load_issues({input}, opts, builder)) issues.push_back(std::move(li));
        LoadedIssue& li = issues.back();
        // A printer's profile the layout names is checked as --press would.
        if (li.layout_ready) press::check_layout_profile(*builder.layout(), li.diags);
        if (!would_lay_out(li, opts.strict)) continue;
        Diagnostics layout_diags;
        builder.typeset_only(*li.read.issue, request, layout_diags,
                             [&](const std::string& text, bool stage) { progress.show(text, stage); });
        layout_diags.drop_reported_in(li.diags, "W-GLYPH-MISSING");  // the issue-wide check found it first
        li.diags.append(layout_diags);
        li.diags.sort_by_location();
        li.diags.drop_repeats();
    }
    progress.clear();
    return report(issues, opts, io);
}

}  // namespace galley::cli
