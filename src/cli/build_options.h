// The options galley build and galley watch share, and the summary line
// printed after each build.
#pragma once

#include <string>
#include <vector>

#include "cli/build_pipeline.h"
#include "cli/options.h"
#include "model/issue.h"

namespace galley::cli {

/// The options galley build and galley watch share, declared once: where the
/// editions go, which ones, the layout, threads, EPUB fonts, PNG resolution
/// and the press PDF.
std::vector<OptionSpec> edition_options();

/// Fills `req` from -o, -f, -j, --dpi, --epub-fonts, -l and the environment
/// (SOURCE_DATE_EPOCH); returns a usage error message or "".
std::string build_request_from(const ParsedArgs& args, BuildRequest& req);

/// Reads -j N into `jobs` (left as it is without -j); returns a usage
/// error message or "".
std::string jobs_from(const ParsedArgs& args, int& jobs);

/// "built ppp-2008-06-13: 7 pages, 9 articles -> out/x.epub (1.6 MB), out/x.pdf (1.3 MB) in 0.84 s"
std::string summary_line(const model::Issue& issue, std::size_t left_out, const BuildOutcome& outcome,
                         double seconds);

}  // namespace galley::cli
