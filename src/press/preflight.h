// Preflight: checks any PDF (an advertiser's file as much as galley's own)
// against what a printer or a screen edition needs, page by page, and says
// what it does not check. libqpdf walks the file; Ghostscript (a separate
// -dSAFER process on a private copy) measures ink.
//
//   press   every font embedded; TrimBox and BleedBox in every page
//           dictionary, TrimBox inside BleedBox inside MediaBox; no RGB or
//           other device-dependent colour (colour operators, image and
//           shading colour spaces, ICC profiles with three components,
//           alternates of spot colours); black text K only; a PDF/X output
//           intent and version keys; no transparency (PDF/X-3); no page
//           rasterised whole; image resolution at its placed size; total
//           ink (page averages and a 72 dpi raster of the trim)
//   screen  fonts embedded; tagged; /Lang; page sizes
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace galley::press {

enum class PreflightProfile { press, screen };

struct PreflightOptions {
    PreflightProfile profile = PreflightProfile::press;
    double ink_limit = 300;  ///< total ink, percent (newsprint about 240, coated 300-330)
    double min_dpi = 170;    ///< colour and grey images below this at their placed size: warning
    double tac_dpi = 72;     ///< resolution of the raster the maximum total ink is measured on
    bool check_ink = true;   ///< press: run Ghostscript for ink
    std::string ghostscript = "gs";
    std::filesystem::path temp_parent;  ///< empty: the system temp folder
    int timeout_seconds = 300;
};

enum class Level { fail, warn, info };

struct Finding {
    Level level = Level::fail;
    int page = 0;           ///< 1-based; 0 for the whole document
    std::string check;      ///< "fonts", "boxes", "colour", "black-text", "pdfx", "transparency", "raster",
                            ///< "resolution", "ink", "tagged", "lang", "page-size", "file"
    std::string message;
};

struct PreflightReport {
    std::filesystem::path file;
    PreflightProfile profile = PreflightProfile::press;
    PreflightOptions options;
    int pages = 0;
    bool readable = false;               ///< libqpdf could open it
    std::vector<Finding> findings;       ///< in page order, document-level first
    std::vector<std::string> checked;    ///< what was checked, one line each
    std::vector<std::string> not_checked;
    std::vector<std::string> tools_missing;  ///< "gs (Debian package ghostscript)"

    int count(Level level) const;
    bool passed() const { return readable && count(Level::fail) == 0; }
};

/// Checks `file`. Never throws; an unreadable or damaged file is a failure
/// in the report.
PreflightReport preflight_pdf(const std::filesystem::path& file, const PreflightOptions& options);

/// The report as people read it: a summary line, then the findings page by
/// page, what was checked and what was not.
std::string format_report(const PreflightReport& report);

/// 0 passed, 1 failed (or warnings with `strict`), 4 a needed tool was
/// missing (and nothing failed).
int preflight_exit_status(const PreflightReport& report, bool strict);

const char* level_name(Level level);
const char* profile_name(PreflightProfile profile);

}  // namespace galley::press
