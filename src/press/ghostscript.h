// Ghostscript as a separate process: pdfwrite to PDF/X-3 in CMYK for the
// press stage, and the inkcov device and a CMYK raster for preflight. Every
// run is -dSAFER, reads only files in the private folder it is given (and
// Ghostscript's own resources), and gets an argument vector, never a shell.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "press/process.h"

namespace galley::press {

/// The Debian package that provides `gs`.
inline constexpr const char* kGhostscriptPackage = "ghostscript";

/// A PostScript string literal "(...)" with \ ( ) and non-printable bytes escaped.
std::string ps_string(const std::string& s);

/// PDFX_def.ps: the PDF/X-3 output intent (the profile at `profile_path`,
/// `components` channels, named `condition`), /GTS_PDFXVersion and
/// /Trapped. Ghostscript reads the profile with `file`, so the path must be
/// one it may read (--permit-file-read).
std::string pdfx_def(const std::filesystem::path& profile_path, int components, const std::string& condition);

/// The argument vector (without the program) for pdfwrite -dPDFX: in.pdf in
/// `dir`, the profile `profile`, PDFX_def.ps in `dir`, out.pdf in `dir`.
std::vector<std::string> pdfwrite_args(const std::filesystem::path& dir, const std::filesystem::path& profile);

/// Per-page ink coverage from Ghostscript's inkcov device: the fraction of
/// the page area each ink covers, averaged over the page (0..1 each).
struct InkCoverage {
    double c = 0, m = 0, y = 0, k = 0;
    double total() const { return c + m + y + k; }
};

/// Parses inkcov's output ("0.01234  0.02345  0.03456  0.04567 CMYK OK" per page).
std::vector<InkCoverage> parse_inkcov(const std::string& output);

/// Total area coverage of a CMYK raster: the highest per-pixel sum of the
/// four inks (percent), and the share of pixels above `limit` percent.
struct TacResult {
    double max_percent = 0;
    double share_above = 0;  ///< 0..1 of the pixels
    int width = 0, height = 0;
};

/// Reads a PAM (P7, TUPLTYPE CMYK, MAXVAL 255) image as Ghostscript's
/// pamcmyk32 device writes it, possibly several pages one after another.
std::vector<TacResult> tac_from_pam(const std::string& pam, double limit_percent);

}  // namespace galley::press
