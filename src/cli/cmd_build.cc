// galley build: read every INPUT once, check it, then write its editions.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "cli/build_options.h"
#include "cli/build_pipeline.h"
#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#include "cli/diagnostics_json.h"
#include "cli/exit_codes.h"
#include "cli/issue_session.h"
#include "cli/options.h"
#include "cli/progress.h"

namespace galley::cli {
namespace {

CommandSpec build_spec() {
    CommandSpec spec{"build",
        "galley build [OPTIONS] INPUT...",
        "Build the editions of each issue folder or article file.",
        "Writes DIR/<issue-id>.epub and DIR/<issue-id>.pdf (PNG proofs\n"
        "DIR/<issue-id>-p001.png... with -f png). Nothing is written when any\n"
        "article has an error, unless --keep-going. SOURCE_DATE_EPOCH, when set,\n"
        "fixes every timestamp in the outputs; otherwise the issue date is used,\n"
        "so the same input always gives the same files.\n"
        "\n"
        "On a terminal a progress line shows each stage as it runs (not with\n"
        "-q, nor when CI is set in the environment).\n"
        "\n"
        "Exit status: 0 success, 1 errors in the input, 2 usage error, 3 built\n"
        "with some articles left out (--keep-going), 4 could not write the\n"
        "output or run a needed tool.",
        {
            {0, "keep-going", "", "", "build without the articles that have errors (exit status 3)"},
            {0, "strict", "", "", "treat warnings as errors"},
            {'q', "quiet", "", "", "print diagnostics only (no progress line, no summary)"},
            {'v', "verbose", "", "", "also print each stage's time, CPU time and peak memory, and each article's time"},
            {0, "diagnostics", "FORMAT", "text", "text, or json: one JSON document on stdout (docs/diagnostics.schema.json); summaries go to stderr"},
        },
        1};
    // The options shared with galley watch come first.
    const std::vector<OptionSpec> shared = edition_options();
    spec.options.insert(spec.options.begin(), shared.begin(), shared.end());
    return spec;
}

// -v: how long each stage and each article took.
// Each stage: wall time, the process's CPU time over it (all threads; stages
// that overlap share theirs) and its peak memory so far (cli/stage_clock.h).
std::string timings_text(const StageTiming& read, const BuildOutcome& outcome) {
    std::ostringstream out;
    char buf[96];
    auto stage = [&](const StageTiming& s) {
        std::snprintf(buf, sizeof buf, "%.3f s, CPU %.3f s, peak %.0f MB", s.seconds, s.cpu_seconds, s.peak_mb);
        out << "  " << s.name << ": " << buf;
        if (!s.note.empty()) out << " (" << s.note << ")";
        out << "\n";
    };
    stage(read);
    for (const StageTiming& s : outcome.stages) stage(s);
    // What the main thread used bounds the wall time on idle cores.
    std::snprintf(buf, sizeof buf, "%.3f s main thread, %.3f s", thread_cpu_seconds(), process_cpu_seconds());
    out << "  cpu so far: " << buf << " all threads\n";
    for (const typeset::ArticleTiming& a : outcome.articles) {
        std::snprintf(buf, sizeof buf, "%.1f ms", a.seconds * 1e3);
        out << "  article " << a.id << ": " << buf << ", " << a.paragraphs
            << (a.paragraphs == 1 ? " paragraph" : " paragraphs") << "\n";
    }
    return out.str();
}

}  // namespace

int run_build(const std::vector<std::string>& args, Streams& io) {
    CommandSpec spec = build_spec();
    std::string error;
    BuildRequest request;
    auto parsed = parse_args(spec, args, error);
    if (parsed && !parsed->help) error = build_request_from(*parsed, request);
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
    opts.jobs = request.jobs;
    opts.strict = parsed->flag("strict");
    opts.quiet = parsed->flag("quiet");
    opts.verbose = parsed->flag("verbose");
    bool keep_going = parsed->flag("keep-going");

    request.strict = opts.strict;
    if (std::string e = diagnostics_format(parsed->value("diagnostics"), opts); !e.empty()) {
        io.err << "galley build: " << e << "\nTry 'galley build --help'.\n";
        return kUsage;
    }
    // With JSON on stdout, the human summaries go to stderr.
    std::ostream& human = opts.json ? io.err : io.out;
    const auto command_started = std::chrono::steady_clock::now();
    ProgressLine progress(io.err, ProgressLine::wanted(io, opts.quiet));
    EditionBuilder builder;  // the layout, fonts and setters carry over between issues
    std::vector<LoadedIssue> issues;
    std::vector<StageTiming> reading;
    for (const std::string& input : parsed->operands) {
        progress.show("reading " + input, true);
        const StageClock clock;
        for (LoadedIssue& li : load_issues({input}, opts, builder)) issues.push_back(std::move(li));
        const auto& loaded = issues.back().read;
        reading.push_back(
            clock.done("read", std::to_string(loaded.issue ? loaded.issue->article_count() : 0) + " articles"));
        if (const auto& read = issues.back().read; read.issue)
            progress.show(input + ": " + std::to_string(read.issue->article_count()) + " articles read", true);
    }
    progress.clear();
    // Every problem of every input first; by default any error stops here.
    PrintOptions print{io.colour, {}};
    bool input_errors = false, left_out = false, output_failed = false, written_any = false;
    for (LoadedIssue& li : issues) {
        if (!opts.json) print_diagnostics(io.err, li.diags, print);
        bool errors = li.diags.has_errors() || (opts.strict && li.diags.count(Severity::warning) > 0);
        input_errors = input_errors || errors || !li.read.issue;
    }
    auto print_json = [&] {
        std::vector<JsonInput> inputs;
        for (const LoadedIssue& li : issues) inputs.push_back({li.input, li.read.issue ? li.read.issue->id : "", &li.diags});
        io.out << diagnostics_json(inputs);
    };
    if (input_errors && !keep_going) {
        if (opts.json) print_json();
        if (!opts.quiet) human << "nothing written: " << summary_of_all(issues) << "\n";
        return kInputErrors;
    }
    for (std::size_t k = 0; k < issues.size(); ++k) {
        LoadedIssue& li = issues[k];
        if (!li.read.issue || li.read.issue->article_count() == 0) continue;
        Diagnostics build_diags;
        BuildOutcome outcome = builder.build(*li.read.issue, request, build_diags,
                                             [&](const std::string& text, bool stage) { progress.show(text, stage); });
        progress.clear();
        build_diags.sort_by_location();
        build_diags.drop_repeats();
        build_diags.drop_reported_in(li.diags, "W-GLYPH-MISSING");  // the issue-wide check found it first
        if (!opts.json) print_diagnostics(io.err, build_diags, print);
        li.diags.append(build_diags);
        output_failed = output_failed || outcome.output_failed;
        written_any = written_any || !outcome.written.empty();
        bool build_errors = build_diags.has_errors() || (opts.strict && build_diags.count(Severity::warning) > 0);
        if (build_errors && !outcome.output_failed) input_errors = true;
        left_out = left_out || !li.read.failed_articles.empty();
        if (opts.quiet) continue;
        if (outcome.written.empty()) {
            human << "not built " << li.read.issue->id << ": " << summary(build_diags) << "; nothing written\n";
            continue;
        }
        human << summary_line(*li.read.issue, li.read.failed_articles.size(), outcome,
                               std::chrono::duration<double>(std::chrono::steady_clock::now() - command_started).count())
               << "\n";
        if (outcome.stale_removed > 0)
            human << "  removed " << outcome.stale_removed
                  << (outcome.stale_removed == 1 ? " page file" : " page files")
                  << " an earlier build left past the last page\n";
        if (opts.verbose)
            for (const WrittenFile& f : outcome.written)
                if (!f.note.empty()) human << "  " << f.path.filename().string() << ": " << f.note << "\n";
        if (opts.verbose)
            for (const std::string& f : li.read.failed_articles) human << "  left out: " << printable(f) << "\n";
        if (opts.verbose) human << timings_text(reading[k], outcome);
    }
    if (opts.json) print_json();
    if (output_failed) return kOutputFailure;
    if (input_errors && !keep_going) return kInputErrors;
    // --keep-going: 3 says something was built; with errors and nothing
    // written at all, the build failed as it would have without it.
    if (input_errors && !written_any) return kInputErrors;
    if (left_out || input_errors) return kPartial;
    return kSuccess;
}

}  // namespace galley::cli
