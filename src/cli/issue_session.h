// What check and build share: read every INPUT into the model, check its
// layout and fonts, print the diagnostics (sorted by file and line) and
// decide the exit status.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "cli/build_pipeline.h"
#include "cli/commands.h"
#include "model/issue.h"
#include "read/issue_reader.h"

namespace galley::cli {

struct SessionOptions {
    std::optional<std::string> layout;  ///< -l NAME|PATH overrides the manifest
    bool strict = false;                ///< warnings count as errors
    bool quiet = false;
    bool verbose = false;
    bool json = false;                  ///< --diagnostics=json: one JSON document on stdout
    int jobs = 0;                       ///< -j: threads to read articles on (0: one per core)
};

/// Reads --diagnostics=FORMAT into opts; returns a usage error or "".
std::string diagnostics_format(const std::optional<std::string>& value, SessionOptions& opts);

struct LoadedIssue {
    std::string input;
    read::IssueReadResult read;
    Diagnostics diags;
    bool layout_ready = false;  ///< its layout and fonts loaded (the builder holds them)
};

/// Reads and checks every input. Diagnostics stay in each LoadedIssue.
/// Reads each input and checks it against its layout and fonts, which
/// `builder` loads (and keeps for the build).
std::vector<LoadedIssue> load_issues(const std::vector<std::string>& inputs, const SessionOptions& opts,
                                     EditionBuilder& builder);

/// "2 errors, 1 warning" over all the issues.
std::string summary_of_all(const std::vector<LoadedIssue>& issues);

/// Prints each issue's diagnostics and, unless quiet, a one-line summary per
/// input on `io.out`. Returns kSuccess or kInputErrors.
int report(std::vector<LoadedIssue>& issues, const SessionOptions& opts, Streams& io);

}  // namespace galley::cli
