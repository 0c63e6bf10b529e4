// The subcommands. Each takes its arguments (after the subcommand name) and
// the streams to write to, and returns an exit status (exit_codes.h).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace galley::cli {

struct Streams {
    std::ostream& out;
    std::ostream& err;
    bool colour = false;  ///< colour diagnostics on err
};

int run_check(const std::vector<std::string>& args, Streams& io);
int run_build(const std::vector<std::string>& args, Streams& io);
int run_layouts(const std::vector<std::string>& args, Streams& io);
int run_preflight(const std::vector<std::string>& args, Streams& io);
int run_watch(const std::vector<std::string>& args, Streams& io);

/// `galley ARGS...` as a whole: dispatches on the subcommand.
int run_galley(const std::vector<std::string>& args, Streams& io);

}  // namespace galley::cli
