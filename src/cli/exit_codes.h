// galley's exit statuses, for every subcommand. Scripts depend on them:
// change them only with a reason in the commit and in docs/cli.md.
#pragma once

namespace galley::cli {

enum ExitCode : int {
    kSuccess = 0,          ///< done; warnings may have been printed
    kInputErrors = 1,      ///< errors in the input (or warnings with --strict)
    kUsage = 2,            ///< the command line is wrong
    kPartial = 3,          ///< built with some articles left out (--keep-going)
    kOutputFailure = 4,    ///< could not write the output or run a needed tool
};

}  // namespace galley::cli
