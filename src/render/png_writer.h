// PNG proofs: each page drawn by the same draw_page as the PDF onto a white
// raster at a given resolution, written as <stem>-p001.png, <stem>-p002.png,
// ... (three digits at least) through the output writer. The encoding is
// deterministic (cairo's PNG writer stores no time or text chunks).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "page/page.h"

namespace galley::render {

struct PngOptions {
    double dpi = 100;  ///< 10 to 1200
};

/// "<stem>-p001.png" for page index 0.
std::string png_page_name(const std::string& stem, std::size_t index);

/// One PNG file's bytes per page, or nothing when an error was reported
/// (E-PNG-..., E-RENDER-...).
std::optional<std::vector<std::string>> render_png_pages(const page::Document& document, const PngOptions& options,
                                                         Diagnostics& diags);

/// Renders every page and writes them into `dir` as png_page_name(stem, i).
/// Nothing is written unless every page rendered; each file is replaced only
/// by a complete one. Returns the paths written.
std::optional<std::vector<std::filesystem::path>> write_png_pages(const page::Document& document,
                                                                  const PngOptions& options,
                                                                  const std::filesystem::path& dir,
                                                                  const std::string& stem, Diagnostics& diags);

}  // namespace galley::render
