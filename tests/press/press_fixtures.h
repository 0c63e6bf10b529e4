// Helpers for the press tests: the sample issue composed in a bundled
// layout (once per layout for the run), hand-made documents and PDFs, and
// running the tools printers' staff check PDFs with.
#pragma once

#include <filesystem>
#include <string>

#include "base/diagnostic.h"
#include "layout/settings.h"
#include "page/page.h"

namespace galley::test {

/// The sample issue (samples/ppp-2008-06-13) in a bundled layout, composed
/// as src/cli/build_pipeline.cc does it.
struct Sample {
    std::string id;  ///< the issue id ("ppp-2008-06-13")
    layout::Layout layout;
    page::Document doc;
};
const Sample& sample(const std::string& layout_name);

/// A bundled layout by name, or a layout file.
layout::Layout load_layout_or_fail(const std::string& name_or_path);

/// The bundled layouts.
inline const char* const kPressLayouts[] = {"tabloid", "broadsheet", "magazine", "newsletter", "peer-tabloid"};

/// 2008-06-13T00:00:00Z, what every test dates its PDFs with.
inline constexpr std::int64_t kIssueDate = 1213315200;

/// Runs an argument vector (no shell), returns stdout and stderr together
/// and the exit status.
std::string run_tool(const std::vector<std::string>& argv, int* status);
bool have_tool(const std::string& name);
/// Fails the test (naming the Debian package) when `tool` is missing.
void require_tool(const std::string& tool, const std::string& package);

/// All diagnostics, one a line, for failure messages.
std::string diag_text(const Diagnostics& diags);

/// A PDF that fails press preflight on purpose: page 1 has text in
/// Helvetica (a Type 1 font, not embedded), a DeviceRGB image, and no
/// TrimBox or BleedBox; it has no output intent or PDF/X keys.
std::string bad_press_pdf();

/// A one-page PDF whose content is `content` with the given resources
/// (a PDF dictionary, e.g. "<< /XObject << /Im1 5 0 R >> >>"), extra
/// indirect objects numbered from 5, and TrimBox/BleedBox when `boxes`.
std::string hand_pdf(const std::string& content, const std::string& resources,
                     const std::vector<std::string>& objects, bool boxes);

}  // namespace galley::test
