// galley's executable: a thin wrapper over the cli library.
#include <clocale>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#ifdef GALLEY_USE_TCMALLOC
#include "cli/huge_pages.h"
#endif

int main(int argc, char** argv) {
#ifdef GALLEY_USE_TCMALLOC
    galley::cli::back_heap_with_huge_pages();
#endif
    // Output never depends on the user's locale: numbers and sorting stay
    // classic whatever LANG says.
    std::setlocale(LC_ALL, "C");
    std::vector<std::string> args(argv + 1, argv + argc);
    galley::cli::Streams io{std::cout, std::cerr, galley::cli::stderr_wants_colour()};
    int rc = galley::cli::run_galley(args, io);
    std::cout.flush();
    return rc;
}
