// The press stage: page::Document -> a print-ready PDF/X-3 in CMYK for the
// printer, beside (never instead of) the tagged RGB screen PDF.
//
//   the pages again, with cairo through render::draw_page, at trim + bleed
//   + mark area, art that should bleed extended into the bleed, images with
//   transparency composited onto white first
//   -> libqpdf: pure RGB black -> K only with overprint, TrimBox/BleedBox,
//      crop and registration marks (press_draw.h, pdf_passes.h)
//   -> Ghostscript, a separate -dSAFER process in a private temp folder:
//      pdfwrite -dPDFX, everything else to CMYK through the output profile
//   -> libqpdf: the total ink limit (ink_limit.h)
//   -> libqpdf: deterministic /ID, fixed dates, PDF/X keys, boxes checked
//   -> DIR/<stem>.press.pdf and/or DIR/<stem>.press-p001.pdf ...
//
// The screen PDF is not read, written or changed. docs/press.md is the
// guide for production staff.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "layout/settings.h"
#include "page/page.h"

namespace galley::press {

/// Ghostscript's time limit grows with the issue: this many seconds a page.
inline constexpr int kGhostscriptSecondsPerPage = 5;

struct PressOptions {
    /// An output ICC profile (CMYK) given on the command line (--profile);
    /// overrides the layout's press.colour-profile. Neither: Ghostscript's
    /// default_cmyk.icc, named so in the output intent.
    std::optional<std::filesystem::path> profile;
    /// Seconds since the epoch for the PDF dates: SOURCE_DATE_EPOCH when the
    /// caller has it; otherwise the document's date (the issue date).
    std::optional<std::int64_t> date;
    bool whole = true;   ///< DIR/<stem>.press.pdf
    bool pages = false;  ///< DIR/<stem>.press-p001.pdf, one per page
    std::string job;     ///< the slug's job name; empty: the stem
    /// The Ghostscript program: a name looked up on PATH, or a path.
    std::string ghostscript = "gs";
    /// Where the private temp folder goes; empty: the system temp folder.
    /// Take C, M and Y down where the total ink goes over the layout's
    /// press.ink-limit (ink_limit.h). Off: Ghostscript's separation as it is.
    bool limit_ink = true;
    std::filesystem::path temp_parent;
    /// For the Ghostscript run: at least this, and kGhostscriptSecondsPerPage
    /// a page (a 695-page issue needed more than 900 s).
    int timeout_seconds = 900;
};

/// One press file, not yet written.
struct PressFile {
    std::string name;  ///< "<stem>.press.pdf", "<stem>.press-p001.pdf"
    std::string bytes;
};

enum class PressStatus {
    ok,
    failed,        ///< errors in `diags` (an image, a profile, a damaged result)
    tool_missing,  ///< Ghostscript is not installed (E-PRESS-NO-GHOSTSCRIPT; galley exits 4)
    tool_failed,   ///< Ghostscript ran and failed or timed out (E-PRESS-GHOSTSCRIPT; exit 4)
};

struct PressResult {
    PressStatus status = PressStatus::failed;
    std::vector<PressFile> files;  ///< only when ok
    std::string profile_name;      ///< the output condition named in the PDF
    int black_operators = 0;       ///< pure black fills and strokes made K only
    int grey_operators = 0;        ///< other neutral greys made K only
    int images_flattened = 0;      ///< images composited onto white
    int ink_limited = 0;           ///< colours, images and palettes taken down to the ink limit
};

/// Makes the press PDF(s) in memory. Nothing is written; on any error no
/// file is returned (never an RGB file under the press name).
PressResult render_press(const page::Document& document, const layout::Layout& layout, const PressOptions& options,
                         const std::string& stem, Diagnostics& diags);

/// render_press, then every file through the output writer (all or none:
/// base/output_file's OutputSet). Returns the status (`failed` also when
/// writing failed: E-OUTPUT-WRITE); `written` gets the paths.
PressStatus write_press(const page::Document& document, const layout::Layout& layout, const PressOptions& options,
                        const std::filesystem::path& out_dir, const std::string& stem, Diagnostics& diags,
                        std::vector<std::filesystem::path>* written = nullptr);

/// For `galley check`: the output profile the layout names
/// (press.colour-profile) read and checked as the press stage would, with
/// the same E-PRESS-PROFILE / W-PRESS-PROFILE; nothing when it names none.
void check_layout_profile(const layout::Layout& layout, Diagnostics& diags);

/// "<stem>.press.pdf" and "<stem>.press-p001.pdf" (page counts from 0).
std::string press_file_name(const std::string& stem);
std::string press_page_file_name(const std::string& stem, std::size_t index);

}  // namespace galley::press
