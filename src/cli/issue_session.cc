#include "cli/issue_session.h"

#include <thread>

#include "cli/diagnostic_printer.h"
#include "cli/diagnostics_json.h"
#include "cli/exit_codes.h"
#include "cli/layout_check.h"

namespace galley::cli {
namespace {

std::size_t image_count(const model::Issue& issue) {
    std::size_t n = (issue.logo ? 1 : 0) + (issue.cover ? 1 : 0) + issue.house_ads.size();
    for (const model::Section& s : issue.sections)
        for (const model::Article& a : s.articles)
            for (const model::Block& b : a.body)
                if (std::holds_alternative<model::Figure>(b.node)) ++n;
    return n;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::vector<LoadedIssue> load_issues(const std::vector<std::string>& inputs, const SessionOptions& opts,
                                     EditionBuilder& builder) {
    std::vector<LoadedIssue> out;
    for (const std::string& input : inputs) {
        LoadedIssue li;
        li.input = input;
        read::ReadOptions read_options;
        read_options.threads = effective_jobs(opts.jobs);
        // The layout, fonts and setter load beside the articles as soon as
        // the manifest names the layout (with threads to spare).
        std::thread preparing;
        std::string early_name;
        bool early_ok = false;
        Diagnostics prepare_diags;
        if (read_options.threads > 1)
            read_options.on_manifest = [&](const model::Issue& header) {
                early_name = layout_name_for(header, opts.layout);
                preparing = std::thread([&] { early_ok = builder.prepare(early_name, prepare_diags); });
            };
        li.read = read::read_issue(input, read_options, li.diags);
        if (preparing.joinable()) preparing.join();
        if (li.read.issue) {
            const std::string name = layout_name_for(*li.read.issue, opts.layout);
            const bool ok = !early_name.empty() && name == early_name ? early_ok : builder.prepare(name, prepare_diags);
            li.diags.append(prepare_diags);
            li.layout_ready = ok;
            if (ok) check_layout_and_fonts(*li.read.issue, *builder.layout(), *builder.font_library(), li.diags);
        }
        li.diags.sort_by_location();
        li.diags.drop_repeats();
        out.push_back(std::move(li));
    }
    return out;
}

std::string summary_of_all(const std::vector<LoadedIssue>& issues) {
    Diagnostics all;
    for (const LoadedIssue& li : issues) all.append(li.diags);
    return summary(all);
}

std::string diagnostics_format(const std::optional<std::string>& value, SessionOptions& opts) {
    if (!value || *value == "text") return "";
    if (*value == "json") {
        opts.json = true;
        return "";
    }
    return "option '--diagnostics' takes text or json, not '" + *value + "'";
}

int report(std::vector<LoadedIssue>& issues, const SessionOptions& opts, Streams& io) {
    bool failed = false;
    if (opts.json) {
        std::vector<JsonInput> inputs;
        for (const LoadedIssue& li : issues) {
            inputs.push_back({li.input, li.read.issue ? li.read.issue->id : "", &li.diags});
            bool errors = li.diags.has_errors() || (opts.strict && li.diags.count(Severity::warning) > 0);
            failed = failed || errors || !li.read.issue;
        }
        io.out << diagnostics_json(inputs);
        return failed ? kInputErrors : kSuccess;
    }
    PrintOptions print{io.colour, {}};
    if (opts.verbose) print.max_per_file = 0;
    for (LoadedIssue& li : issues) {
        print_diagnostics(io.err, li.diags, print);
        bool errors = li.diags.has_errors() || (opts.strict && li.diags.count(Severity::warning) > 0);
        failed = failed || errors || !li.read.issue;
        if (opts.quiet) continue;
        if (li.read.issue) {
            const model::Issue& issue = *li.read.issue;
            // INPUT is as given: a folder name may hold control characters.
            io.out << printable(li.input) << ": issue " << printable(issue.id) << ", "
                   << plural(issue.article_count(), "article", "articles") << " in "
                   << plural(issue.sections.size(), "section", "sections") << ", "
                   << plural(image_count(issue), "image", "images") << ": " << summary(li.diags) << "\n";
        } else {
            io.out << printable(li.input) << ": not readable: " << summary(li.diags) << "\n";
        }
        if (!li.read.failed_articles.empty() && opts.verbose) {
            for (const std::string& f : li.read.failed_articles) io.out << "  left out: " << printable(f) << "\n";
        }
    }
    return failed ? kInputErrors : kSuccess;
}

}  // namespace galley::cli
