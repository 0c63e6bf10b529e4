// PNG proofs: one file per page, at the asked resolution, drawn by the same
// code as the PDF, the same bytes every time.
#include <doctest/doctest.h>

#include <cairo.h>

#include <array>
#include <cstdlib>
#include <cstring>

#include "render/pdf_writer.h"
#include "render/png_writer.h"
#include "render_fixtures.h"
#include "support/test_support.h"

namespace galley::render {
namespace {

struct Pixels {
    cairo_surface_t* surface = nullptr;
    explicit Pixels(const std::filesystem::path& png) : surface(cairo_image_surface_create_from_png(png.c_str())) {}
    ~Pixels() { cairo_surface_destroy(surface); }
    Pixels(const Pixels&) = delete;
    Pixels& operator=(const Pixels&) = delete;
    int width() const { return cairo_image_surface_get_width(surface); }
    int height() const { return cairo_image_surface_get_height(surface); }
    // (r, g, b) at a point given in pt at `dpi`.
    std::array<int, 3> at(double x_pt, double y_pt, double dpi) const {
        int x = static_cast<int>(x_pt * dpi / 72), y = static_cast<int>(y_pt * dpi / 72);
        const unsigned char* row = cairo_image_surface_get_data(surface) + y * cairo_image_surface_get_stride(surface);
        std::uint32_t px;
        std::memcpy(&px, row + 4 * x, 4);
        return {static_cast<int>((px >> 16) & 0xFF), static_cast<int>((px >> 8) & 0xFF), static_cast<int>(px & 0xFF)};
    }
};

bool near(const std::array<int, 3>& got, int r, int g, int b, int tolerance = 12) {
    return std::abs(got[0] - r) <= tolerance && std::abs(got[1] - g) <= tolerance && std::abs(got[2] - b) <= tolerance;
}

}  // namespace

TEST_CASE("one PNG per page, named <stem>-p001.png, sized by the dpi") {
    test::TempDir dir;
    page::Document doc = test::sample_document(test::write_sample_images(dir.path()));
    Diagnostics diags;
    auto written = write_png_pages(doc, PngOptions{}, dir.path() / "out", "ppp-2008-06-13", diags);
    REQUIRE(written);
    CHECK(diags.empty());
    REQUIRE(written->size() == 2);
    CHECK((*written)[0] == dir.path() / "out" / "ppp-2008-06-13-p001.png");
    CHECK((*written)[1] == dir.path() / "out" / "ppp-2008-06-13-p002.png");
    Pixels one((*written)[0]), two((*written)[1]);
    CHECK(one.width() == 827);  // ceil(595.28 / 72 * 100)
    CHECK(one.height() == 1170);
    CHECK(two.width() == 556);
    CHECK(two.height() == 834);

    auto at150 = write_png_pages(doc, PngOptions{150}, dir.path() / "out150", "x", diags);
    REQUIRE(at150);
    CHECK(Pixels((*at150)[1]).width() == 834);
}

TEST_CASE("PNG proofs show every image type, the boxes and the white page") {
    test::TempDir dir;
    page::Document doc = test::sample_document(test::write_sample_images(dir.path()));
    Diagnostics diags;
    auto written = write_png_pages(doc, PngOptions{100}, dir.path(), "p", diags);
    REQUIRE(written);
    Pixels one((*written)[0]), two((*written)[1]);
    CHECK(near(one.at(5, 5, 100), 255, 255, 255, 0));    // paper
    CHECK(near(one.at(420, 230, 100), 200, 30, 30));     // the JPEG, decoded
    CHECK(near(one.at(100, 440, 100), 230, 230, 230, 2)); // the box fill
    CHECK(near(two.at(80, 105, 100), 30, 160, 30, 2));   // PNG
    CHECK(near(two.at(175, 90, 100), 30, 30, 200, 2));   // GIF, inside its clip
    CHECK(near(two.at(175, 120, 100), 255, 255, 255, 0)); // GIF, clipped away
    CHECK(near(two.at(270, 105, 100), 0xe0, 0xa0, 0x00, 2)); // SVG
}

TEST_CASE("PNG proofs: a GIF's transparent pixels show what lies under them") {
    test::TempDir dir;
    std::filesystem::path png = dir.write("green.png", test::solid_png(8, 8, 30, 160, 30));
    std::filesystem::path gif = dir.write("clear.gif", test::solid_gif(8, 8, 200, 30, 30, true));
    std::filesystem::path solid = dir.write("red.gif", test::solid_gif(8, 8, 200, 30, 30));
    page::Document doc;
    doc.pages.push_back({100, 100, "1",
                         {page::Image{{10, 10, 80, 80}, std::nullopt, png.string(), page::ImageFormat::png, 8, 8},
                          page::Image{{10, 10, 40, 80}, std::nullopt, gif.string(), page::ImageFormat::gif, 8, 8},
                          page::Image{{50, 10, 40, 80}, std::nullopt, solid.string(), page::ImageFormat::gif, 8, 8}}});
    Diagnostics diags;
    auto written = write_png_pages(doc, PngOptions{72}, dir.path(), "t", diags);
    REQUIRE(written);
    Pixels page((*written)[0]);
    CHECK(near(page.at(30, 50, 72), 30, 160, 30, 2));  // through the transparent GIF
    CHECK(near(page.at(70, 50, 72), 200, 30, 30, 2));  // the opaque one covers it
}

TEST_CASE("PNG proofs show Adobe CMYK JPEGs in their colours") {
    test::TempDir dir;
    std::filesystem::path jpeg = dir.write("cmyk.jpg", test::solid_cmyk_jpeg(16, 16, 255, 0, 0, 0));
    page::Document doc;
    doc.pages.push_back({100, 100, "1", {page::Image{{10, 10, 80, 80}, std::nullopt, jpeg.string(),
                                                     page::ImageFormat::jpeg, 16, 16}}});
    Diagnostics diags;
    auto written = write_png_pages(doc, PngOptions{72}, dir.path(), "c", diags);
    REQUIRE(written);
    auto cyan = Pixels((*written)[0]).at(50, 50, 72);
    CHECK(cyan[0] < 40);
    CHECK(cyan[1] > 200);
    CHECK(cyan[2] > 200);
}

TEST_CASE("PNG proofs are the same bytes every time") {
    test::TempDir dir;
    page::Document doc = test::sample_document(test::write_sample_images(dir.path()));
    Diagnostics diags;
    auto first = render_png_pages(doc, PngOptions{72}, diags);
    auto second = render_png_pages(doc, PngOptions{72}, diags);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(*first == *second);
}

TEST_CASE("PNG proofs refuse resolutions outside 10 to 1200 dpi and giant pages") {
    page::Document doc;
    doc.pages.push_back({595, 842, "1", {}});
    Diagnostics diags;
    CHECK_FALSE(render_png_pages(doc, PngOptions{5}, diags));
    CHECK(diags.contains("E-PNG-DPI"));
    doc.pages[0].width = 14400;
    Diagnostics big;
    CHECK_FALSE(render_png_pages(doc, PngOptions{1200}, big));
    CHECK(big.contains("E-PNG-SIZE"));
}

TEST_CASE("a run marked synthetic bold is drawn with thicker strokes, in the same places, as text in the PDF") {
    // Bold Chinese comes from the regular CJK face (fonts/font_library.h):
    // the same glyphs and advances, their outlines thickened.
    test::TempDir dir;
    test::HandShaper cjk("wqy-microhei/wqy-microhei.ttc");
    const std::string text = "\u4E16\u754C\u4EBA\u6743\u5BA3\u8A00";  // "Universal Declaration of Human Rights"
    page::GlyphRun regular = cjk.run(text, 24, 20, 40);
    page::GlyphRun bold = cjk.run(text, 24, 20, 100);
    bold.face.synthetic_bold = true;
    page::Document doc;
    doc.pages.push_back({200, 130, "1", {regular, bold}});
    Diagnostics diags;
    auto written = write_png_pages(doc, PngOptions{200}, dir.path(), "zh", diags);
    REQUIRE(written);
    CHECK(diags.empty());
    Pixels png((*written)[0]);
    // Dark pixels in the band of each line, and the leftmost and rightmost
    // columns with ink: the bold line has more ink over the same extent.
    struct Ink {
        int dark = 0, left = 1 << 30, right = -1;
    };
    auto ink = [&](double top_pt, double bottom_pt) {
        Ink k;
        const int dpi = 200;
        for (int y = static_cast<int>(top_pt * dpi / 72); y < static_cast<int>(bottom_pt * dpi / 72); ++y)
            for (int x = 0; x < png.width(); ++x) {
                if (png.at(x * 72.0 / dpi, y * 72.0 / dpi, dpi)[0] >= 128) continue;
                ++k.dark;
                k.left = std::min(k.left, x);
                k.right = std::max(k.right, x);
            }
        return k;
    };
    const Ink r = ink(10, 50), b = ink(70, 110);
    REQUIRE(r.dark > 500);
    CHECK(b.dark > r.dark * 1.15);
    CHECK(std::abs(b.left - r.left) <= 3);
    CHECK(std::abs(b.right - r.right) <= 3);

    const std::filesystem::path pdf = dir.path() / "zh.pdf";
    REQUIRE(write_pdf(doc, PdfOptions{}, pdf, diags));
    REQUIRE_FALSE(diags.has_errors());
    if (test::have_tool("pdftotext")) {
        int status = 0;
        const std::string out = test::run_command("pdftotext -enc UTF-8 '" + pdf.string() + "' -", &status);
        REQUIRE(status == 0);
        const std::size_t first = out.find(text);
        REQUIRE(first != std::string::npos);
        CHECK(out.find(text, first + text.size()) != std::string::npos);
    }
}

TEST_CASE("png_page_name counts from 1 with three digits at least") {
    CHECK(png_page_name("issue", 0) == "issue-p001.png");
    CHECK(png_page_name("issue", 41) == "issue-p042.png");
    CHECK(png_page_name("issue", 1233) == "issue-p1234.png");
}

}  // namespace galley::render
