// Helpers for the render tests: glyph runs shaped by hand with FreeType
// (cmap lookup, advances, 1:1 clusters, ligatures from the presentation
// forms), small solid-colour images of every type, a sample document, and
// running the PDF inspection tools.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "page/page.h"

namespace galley::test {

/// A font file from the repository's fonts/ folder ("charis-sil/CharisSIL-Regular.ttf").
std::filesystem::path font_file(const std::string& relative);

/// Maps text to glyphs with a font's cmap, one glyph per character, except
/// "ffi", "ff", "fi" and "fl", which become the font's ligature glyph (one
/// glyph, one cluster of 2 or 3 bytes) when `ligatures` is set.
class HandShaper {
public:
    explicit HandShaper(const std::string& relative_font);
    ~HandShaper();
    HandShaper(const HandShaper&) = delete;
    HandShaper& operator=(const HandShaper&) = delete;

    page::GlyphRun run(const std::string& text, double size, double x, double y, bool ligatures = true) const;
    std::uint32_t glyph(char32_t c) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Solid-colour images, made at test time.
std::string solid_jpeg(int width, int height, std::uint8_t r, std::uint8_t g, std::uint8_t b);
/// CMYK (0..255 each) stored inverted under an Adobe APP14 marker, as
/// Photoshop writes it.
std::string solid_cmyk_jpeg(int width, int height, std::uint8_t c, std::uint8_t m, std::uint8_t y, std::uint8_t k);
std::string solid_png(int width, int height, std::uint8_t r, std::uint8_t g, std::uint8_t b);
std::string solid_gif(int width, int height, std::uint8_t r, std::uint8_t g, std::uint8_t b,
                      bool transparent = false);
std::string solid_svg(int width, int height, const std::string& fill);

/// Files a sample document refers to, written into `dir`.
struct SampleImages {
    std::filesystem::path jpeg, png, gif, svg;
};
SampleImages write_sample_images(const std::filesystem::path& dir);

/// A two-page document that uses every kind of item: Document -> Art
/// (headline, byline set directly in the Art, a paragraph with a link that
/// runs on to page 2, a figure with alt text and caption), a second, smaller
/// page with a table of images, an internal link back, an outline, labels.
page::Document sample_document(const SampleImages& images);

/// Runs a shell command, returns its standard output, and its exit status
/// in `status`.
std::string run_command(const std::string& command, int* status = nullptr);
/// Whether `tool` is on PATH.
bool have_tool(const std::string& tool);

}  // namespace galley::test
