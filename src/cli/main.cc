// galley's executable: a thin wrapper over the cli library.
#include <clocale>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/diagnostic_printer.h"

int main(int argc, char** argv) {
    // Output never depends on the user's locale: numbers and sorting stay
    // classic whatever LANG says.
    std::setlocale(LC_ALL, "C");
    std::vector<std::string> args(argv + 1, argv + argc);
    galley::cli::Streams io{std::cout, std::cerr, galley::cli::stderr_wants_colour()};
    int rc = galley::cli::run_galley(args, io);
    std::cout.flush();
    return rc;
}
