#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/version.h"  // generated

namespace galley::cli {
namespace {

constexpr const char* kTopHelp =
    "Usage: galley COMMAND [OPTIONS] INPUT...\n"
    "\n"
    "galley compiles a folder of article XML into a newspaper's editions:\n"
    "an EPUB 3 e-book and print-ready multi-column PDF pages.\n"
    "\n"
    "Commands:\n"
    "  check     validate issue folders or article files and report problems\n"
    "  build     build the editions of one or more issues\n"
    "  watch     build an issue, then rebuild it whenever a file in it changes\n"
    "  layouts   list the bundled layouts (and, with --settings, every setting)\n"
    "  preflight check a PDF for the press (PDF/X, CMYK, boxes, fonts, ink) or the screen\n"
    "\n"
    "Options:\n"
    "  -h, --help     show this help ('galley COMMAND --help' for a command)\n"
    "  --version      print galley's version\n"
    "\n"
    "Exit status: 0 success, 1 errors in the input, 2 usage error,\n"
    "3 built with some articles left out (--keep-going), 4 could not write\n"
    "the output or run a needed tool.\n";

}  // namespace

int run_galley(const std::vector<std::string>& args, Streams& io) {
    if (args.empty()) {
        io.err << kTopHelp;
        return kUsage;
    }
    const std::string& cmd = args[0];
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (cmd == "-h" || cmd == "--help" || cmd == "help") {
        io.out << kTopHelp;
        return kSuccess;
    }
    if (cmd == "--version" || cmd == "-V") {
        io.out << "galley " << kVersion << "\n";
        return kSuccess;
    }
    if (cmd == "check") return run_check(rest, io);
    if (cmd == "build") return run_build(rest, io);
    if (cmd == "layouts") return run_layouts(rest, io);
    if (cmd == "preflight") return run_preflight(rest, io);
    if (cmd == "watch") return run_watch(rest, io);
    io.err << "galley: unknown command '" << cmd << "'; commands are check, build, watch, layouts, preflight (see 'galley --help')\n";
    return kUsage;
}

}  // namespace galley::cli
