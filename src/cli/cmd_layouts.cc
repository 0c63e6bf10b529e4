// galley layouts: the bundled layouts, one line each starting with the name;
// with --settings, every setting a layout file may use.
#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#include "cli/exit_codes.h"
#include "cli/options.h"
#include "layout/dump.h"
#include "layout/loader.h"

namespace galley::cli {
namespace {

CommandSpec layouts_spec() {
    return {"layouts",
            "galley layouts [OPTIONS]",
            "List the bundled layouts, one line each: name, trim size, columns, description.",
            "Pass a layout's name to 'galley build -l NAME', or a path to a layout file of\n"
            "your own (docs/layouts.md describes the format).",
            {
                {0, "settings", "", "", "print every setting a layout file may use, with its type, default and help"},
                {0, "dump", "NAME|PATH", "", "print every resolved value of one layout"},
            },
            0};
}

}  // namespace

int run_layouts(const std::vector<std::string>& args, Streams& io) {
    CommandSpec spec = layouts_spec();
    std::string error;
    auto parsed = parse_args(spec, args, error);
    if (parsed && !parsed->help && !parsed->operands.empty())
        error = "'galley layouts' takes no INPUT; did you mean 'galley layouts --dump " + parsed->operands[0] + "'?";
    if (!parsed || !error.empty()) {
        io.err << "galley layouts: " << error << "\nTry 'galley layouts --help'.\n";
        return kUsage;
    }
    if (parsed->help) {
        io.out << help_text(spec);
        return kSuccess;
    }
    if (parsed->flag("settings")) {
        io.out << layout::describe_settings();
        return kSuccess;
    }
    Diagnostics diags;
    if (auto name = parsed->value("dump")) {
        auto layout = layout::load_layout(*name, layout::bundled_layouts_dir(), diags);
        print_diagnostics(io.err, diags, {io.colour, {}});
        if (!layout) return kInputErrors;
        io.out << layout::dump_layout(*layout);
        return kSuccess;
    }
    auto layouts = layout::list_layouts(layout::bundled_layouts_dir(), diags);
    print_diagnostics(io.err, diags, {io.colour, {}});
    for (const auto& summary : layouts) io.out << layout::format_summary_line(summary) << "\n";
    return diags.has_errors() ? kInputErrors : kSuccess;
}

}  // namespace galley::cli
