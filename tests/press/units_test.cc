// The press stage's pieces on their own: page geometry and bleed, the
// K-only black rewrite, the ink limit, ICC profiles, Ghostscript's outputs
// parsed, PDFX_def.ps.
#include <cairo-pdf.h>
#include <cairo.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "press/flatten.h"
#include "press/geometry.h"
#include "press/ghostscript.h"
#include "press/icc_profile.h"
#include "press/ink_limit.h"
#include "press/pdf_passes.h"
#include "press/press.h"
#include "press/press_draw.h"
#include "press/process.h"
#include "support/test_support.h"

namespace galley::press {
namespace {

constexpr double kMm = 72.0 / 25.4;

bool near(double a, double b, double tolerance = 0.01) { return std::fabs(a - b) <= tolerance; }

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// A one-page cairo PDF with a rectangle filled by `source`.
std::string pdf_filled_with(cairo_pattern_t* source) {
    std::string pdf;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &pdf, 100, 100);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source(cr, source);
    cairo_rectangle(cr, 10, 10, 80, 80);
    cairo_fill(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    cairo_pattern_destroy(source);
    return pdf;
}

}  // namespace

TEST_CASE("press page: no bleed and no marks is the trimmed page") {
    PressPage p = press_page(595.28, 841.89, Sides{}, MarkRequest{});
    CHECK(near(p.media_width, 595.28));
    CHECK(near(p.media_height, 841.89));
    CHECK(p.trim_box.text() == "[0.00 0.00 595.28 841.89]");
    CHECK(p.bleed_box.text() == p.trim_box.text());
    CHECK(mark_operators(p, MarkRequest{}).empty());
}

TEST_CASE("press page: bleed on each side, boxes nest") {
    Sides bleed{3 * kMm, 3 * kMm, 3 * kMm, 3 * kMm};
    PressPage p = press_page(210 * kMm, 297 * kMm, bleed, MarkRequest{});
    CHECK(near(p.media_width, 216 * kMm));
    CHECK(near(p.trim_box.llx, 3 * kMm));
    CHECK(near(p.bleed_box.llx, 0));
    CHECK(p.trim_box.inside(p.bleed_box));
    CHECK(p.bleed_box.inside(p.media));
}

TEST_CASE("press page: crop marks make room outside the bleed and start beyond it") {
    MarkRequest marks;
    marks.crop = true;
    marks.registration = true;
    marks.offset = 3 * kMm;
    marks.length = 5 * kMm;
    Sides bleed{3 * kMm, 3 * kMm, 3 * kMm, 3 * kMm};
    PressPage p = press_page(210 * kMm, 297 * kMm, bleed, marks);
    CHECK(p.media_width > 210 * kMm + 2 * (8 * kMm));
    CHECK(p.trim_box.inside(p.bleed_box));
    CHECK(p.bleed_box.inside(p.media));
    std::string ops = mark_operators(p, marks);
    CHECK(ops.find("1 1 1 1 K") != std::string::npos);  // registration colour
    CHECK(ops.rfind("q\n", 0) == 0);
    CHECK(ops.find(" c\n") != std::string::npos);  // the targets' circles
    // Eight crop marks and four targets' crosses: twelve lines more.
    std::size_t strokes = 0;
    for (std::size_t at = ops.find(" l S"); at != std::string::npos; at = ops.find(" l S", at + 1)) ++strokes;
    CHECK(strokes == 8 + 8);
}

TEST_CASE("bleed: inner and outer follow the binding on facing pages") {
    layout::PageGeometry g;
    g.bleed_inner = Length::mm(1);
    g.bleed_outer = Length::mm(5);
    g.facing = true;
    Sides right_hand = page_bleed(g, 0), left_hand = page_bleed(g, 1);
    CHECK(near(right_hand.left, 1 * kMm));
    CHECK(near(right_hand.right, 5 * kMm));
    CHECK(near(left_hand.left, 5 * kMm));
    CHECK(near(left_hand.right, 1 * kMm));
    // Bound on the right: page 1 is a left-hand page, its binding edge
    // (inner bleed) on its right.
    g.binding = layout::BindingEdge::right;
    CHECK(near(page_bleed(g, 0).left, 5 * kMm));
    CHECK(near(page_bleed(g, 0).right, 1 * kMm));
    CHECK(near(page_bleed(g, 1).left, 1 * kMm));
    CHECK(near(page_bleed(g, 1).right, 5 * kMm));
    g.facing = false;
    CHECK(near(page_bleed(g, 1).left, 1 * kMm));
    CHECK(near(page_bleed(g, 0).left, 1 * kMm));
}

TEST_CASE("bleed: a box reaching the trim edge is extended, a box inside is not") {
    page::Page p;
    p.width = 200;
    p.height = 300;
    page::Box edge{{0, 0, 200, 50}, page::Colour{1, 0, 0}, std::nullopt, 0};
    page::Box inside{{20, 100, 100, 50}, page::Colour{0, 0, 1}, std::nullopt, 0};
    p.items = {edge, inside};
    page::Page out = extend_bleed(p, Sides{9, 9, 9, 9});
    const auto& e = std::get<page::Box>(out.items[0]).rect;
    CHECK(near(e.x, -9));
    CHECK(near(e.y, -9));
    CHECK(near(e.width, 218));
    CHECK(near(e.height, 59));  // not down: its bottom is inside the page
    const auto& i = std::get<page::Box>(out.items[1]).rect;
    CHECK(near(i.x, 20));
    CHECK(near(i.width, 100));
}

TEST_CASE("bleed: an image at the trim edge grows to cover the bleed, aspect kept") {
    page::Page p;
    p.width = 200;
    p.height = 300;
    page::Image img;
    img.rect = {0, 0, 200, 100};  // across the top of the page
    img.file = "/nowhere.jpg";
    img.bleed = true;
    p.items = {img};
    page::Page out = extend_bleed(p, Sides{9, 9, 9, 9});
    const auto& r = std::get<page::Image>(out.items[0]);
    REQUIRE(r.clip);
    CHECK(near(r.clip->x, -9));
    CHECK(near(r.clip->y, -9));
    CHECK(near(r.clip->x + r.clip->width, 209));
    CHECK(near(r.clip->y + r.clip->height, 100));  // the bottom edge stays where it was
    CHECK(r.rect.x <= -9 + 1e-6);
    CHECK(r.rect.y <= -9 + 1e-6);
    CHECK(r.rect.x + r.rect.width >= 209 - 1e-6);
    CHECK(near(r.rect.width / r.rect.height, 2.0, 1e-6));
}

TEST_CASE("bleed: an image at the trim edge not marked as bleed art stays where it is") {
    page::Page p;
    p.width = 200;
    p.height = 300;
    page::Image img;
    img.rect = {0, 0, 200, 100};
    img.file = "/nowhere.jpg";
    p.items = {img};
    page::Page out = extend_bleed(p, Sides{9, 9, 9, 9});
    const auto& r = std::get<page::Image>(out.items[0]);
    CHECK_FALSE(r.clip);
    CHECK(near(r.rect.x, 0));
    CHECK(near(r.rect.width, 200));
}

TEST_CASE("black rewrite: RGB black becomes K only with overprint, other colours knock out") {
    PrepareStats stats;
    std::string out = rewrite_black("0 0 0 rg BT (a) Tj ET 1 0 0 rg 0 0 10 10 re f 0 0 0 RG 0 0 m 5 5 l S", true, &stats);
    CHECK(out.find("0 0 0 rg") == std::string::npos);
    CHECK(out.find("0 0 0 1 k") != std::string::npos);
    CHECK(out.find("0 0 0 1 K") != std::string::npos);
    CHECK(out.find("1 0 0 rg") != std::string::npos);  // red stays RGB for Ghostscript to convert
    CHECK(out.find("/GalleyOP01 gs") < out.find("0 0 0 1 k"));
    CHECK(out.find("/GalleyOP00 gs") < out.find("1 0 0 rg"));
    CHECK(out.find("/GalleyOP10 gs") < out.find("0 0 0 1 K"));
    CHECK(stats.black_fills == 1);
    CHECK(stats.black_strokes == 1);
}

TEST_CASE("black rewrite: neutral greys become K only, without overprint") {
    PrepareStats stats;
    std::string out = rewrite_black("0.301961 0.301961 0.301961 rg", true, &stats);
    CHECK(out.find("0 0 0 0.698 k") != std::string::npos);
    CHECK(out.find("/GalleyOP01") == std::string::npos);
    CHECK(stats.greys == 1);
    CHECK(rewrite_black("0.3 0.31 0.3 rg", true).find("0.3 0.31 0.3 rg") != std::string::npos);
}

TEST_CASE("black rewrite: operators stay apart when operands are dropped") {
    // "S" followed directly by the rewritten colour must not become "S0".
    std::string out = rewrite_black("0 0 m 5 5 l S\n0 0 0 rg\nET\n0 0 0 RG", false);
    CHECK(out.find("S0") == std::string::npos);
    CHECK(out.find("ET0") == std::string::npos);
    CHECK(out.find("/Galley") == std::string::npos);  // black-overprint off: no ExtGStates
}

TEST_CASE("black rewrite: q and Q restore what overprint is in force") {
    std::string out = rewrite_black("q 0 0 0 rg Q 0 0 0 rg", true);
    // After Q the overprint state is the one before q (off), so the second
    // black needs the switch again.
    std::size_t first = out.find("/GalleyOP01 gs"), second = out.find("/GalleyOP01 gs", first + 1);
    CHECK(first != std::string::npos);
    CHECK(second != std::string::npos);
}

TEST_CASE("ink limit: C, M and Y go down in proportion, K stays") {
    double c = 0.75, m = 0.68, y = 0.67, k = 0.88;
    limit_colour(c, m, y, k, 2.4);
    CHECK(near(c + m + y + k, 2.4, 1e-9));
    CHECK(near(c / m, 0.75 / 0.68, 1e-9));
    double c2 = 0.1, m2 = 0.2, y2 = 0.3;
    limit_colour(c2, m2, y2, 0.5, 2.4);
    CHECK(near(c2, 0.1));
}

TEST_CASE("flatten: a gradient is a shading, a flat colour is not") {
    cairo_pattern_t* gradient = cairo_pattern_create_linear(0, 0, 100, 0);
    cairo_pattern_add_color_stop_rgb(gradient, 0, 1, 0.8, 0);
    cairo_pattern_add_color_stop_rgb(gradient, 1, 0, 0.4, 0.8);
    const std::string shaded = pdf_filled_with(gradient);
    CHECK(pdf_uses_shading(shaded));
    CHECK_FALSE(pdf_uses_transparency(shaded));
    const std::string flat = pdf_filled_with(cairo_pattern_create_rgb(1, 0.8, 0));
    CHECK_FALSE(pdf_uses_shading(flat));
    CHECK_FALSE(pdf_uses_transparency(flat));
}

TEST_CASE("ink limit: reports name the limit as it was set") {
    CHECK(ink_limit_text(300) == "300%");
    CHECK(ink_limit_text(250.5) == "250.5%");
    CHECK(ink_limit_text(240.25) == "240.25%");
}

TEST_CASE("inkcov output and the CMYK raster are read") {
    auto pages = parse_inkcov(" 0.01000  0.02000  0.03000  0.50962 CMYK OK\n 0.00000  0.00000  0.00000  0.00000 CMYK OK\n");
    REQUIRE(pages.size() == 2);
    CHECK(near(pages[0].k, 0.50962, 1e-6));
    CHECK(near(pages[0].total(), 0.56962, 1e-6));
    std::string pam = "P7\nWIDTH 2\nHEIGHT 1\nDEPTH 4\nMAXVAL 255\nTUPLTYPE CMYK\nENDHDR\n";
    pam += std::string("\xFF\xFF\xFF\xFF\x00\x00\x00\x80", 8);
    auto tac = tac_from_pam(pam, 300);
    REQUIRE(tac.size() == 1);
    CHECK(near(tac[0].max_percent, 400));
    CHECK(near(tac[0].share_above, 0.5));
}

TEST_CASE("ICC: Ghostscript's default CMYK profile is found and is an output profile") {
    auto file = ghostscript_default_cmyk();
    REQUIRE_MESSAGE(file, "install the Debian package ghostscript");
    std::string error;
    auto p = read_icc_profile(*file, error);
    REQUIRE_MESSAGE(p, error);
    CHECK(p->colour_space == "CMYK");
    CHECK(p->components == 4);
    CHECK(p->device_class == "prtr");
    std::string e2;
    CHECK_FALSE(parse_icc_profile("not a profile at all", e2));
    CHECK(e2 == "is not an ICC profile (no 'acsp' signature)");
}

TEST_CASE("ICC: a profile that is missing, a folder or not a profile is named as such") {
    test::TempDir dir;
    std::string error;
    CHECK_FALSE(read_icc_profile(dir.path() / "none.icc", error));
    CHECK(error == "does not exist");
    CHECK_FALSE(read_icc_profile(dir.path(), error));
    CHECK(error == "is not a file (a folder, a device or a pipe)");
    CHECK_FALSE(read_icc_profile(dir.write("text.icc", "hello"), error));
    CHECK(error == "is not an ICC profile (no 'acsp' signature)");
}

TEST_CASE("ICC: a tag table that runs past the profile, or no table into CMYK, is refused before Ghostscript") {
    auto file = ghostscript_default_cmyk();
    REQUIRE_MESSAGE(file, "install the Debian package ghostscript");
    std::string error;
    auto good = read_icc_profile(*file, error);
    REQUIRE_MESSAGE(good, error);
    CHECK(good->has_tag("A2B0"));
    CHECK(good->converts_into());
    const std::string bytes = good->bytes;
    auto put32 = [](std::string& b, std::size_t at, std::uint32_t v) {
        for (int i = 0; i < 4; ++i) b[at + std::size_t(i)] = static_cast<char>((v >> (24 - 8 * i)) & 0xFF);
    };

    std::string lying = bytes;
    put32(lying, 128, 65536);
    CHECK_FALSE(parse_icc_profile(lying, error));
    CHECK(error == "is a damaged ICC profile (its tag table lists 65536 tags, more than its " +
                       std::to_string(bytes.size()) + " bytes hold)");

    std::string past = bytes;
    std::size_t first = 132;  // the first tag's entry: signature, offset, size
    std::string signature = past.substr(first, 4);
    put32(past, first + 4, static_cast<std::uint32_t>(bytes.size() - 10));
    CHECK_FALSE(parse_icc_profile(past, error));
    CHECK(error == "is a damaged ICC profile (its '" + signature + "' tag lies past its end)");

    // A2B only: a device described, but nothing to separate into it.
    std::string no_b2a = bytes;
    for (std::size_t e = 132; e + 12 <= 132 + 12 * good->tags.size(); e += 12)
        if (no_b2a.compare(e, 3, "B2A") == 0) no_b2a.replace(e, 4, "priv");
    auto p = parse_icc_profile(no_b2a, error);
    REQUIRE_MESSAGE(p, error);
    CHECK(p->has_tag("A2B0"));
    CHECK_FALSE(p->converts_into());
}

TEST_CASE("PDFX_def.ps: output intent, version, escaped strings") {
    std::string ps = pdfx_def("/tmp/x (1)/output.icc", 4, "Coated (FOGRA39)");
    CHECK(ps.find("/GTS_PDFXVersion (PDF/X-3:2002)") != std::string::npos);
    CHECK(ps.find("/S /GTS_PDFX") != std::string::npos);
    CHECK(ps.find("(/tmp/x \\(1\\)/output.icc)") != std::string::npos);
    CHECK(ps.find("(Coated \\(FOGRA39\\))") != std::string::npos);
    CHECK(ps_string("a\nb") == "(a\\012b)");
    auto args = pdfwrite_args("/tmp/dir", "/tmp/dir/output.icc");
    CHECK(std::find(args.begin(), args.end(), "-dSAFER") != args.end());
    CHECK(std::find(args.begin(), args.end(), "-dPDFX") != args.end());
    CHECK(std::find(args.begin(), args.end(), "--permit-file-read=/tmp/dir/") != args.end());
}

TEST_CASE("slug line and file names") {
    page::Page p;
    p.label = "A3";
    CHECK(slug_line({"ppp-2008-06-13", "2008-06-13", "ISOnewspaper26v4"}, p, 2, 12) ==
          "ppp-2008-06-13   page A3 (3 of 12)   2008-06-13   ISOnewspaper26v4");
    CHECK(slug_line({"caf\xC3\xA9", "", ""}, p, 0, 1) == "caf?   page A3 (1 of 1)");
    CHECK(press_file_name("x") == "x.press.pdf");
    CHECK(press_page_file_name("x", 0) == "x.press-p001.pdf");
    CHECK(press_page_file_name("x", 11) == "x.press-p012.pdf");
}

TEST_CASE("processes: found on PATH, run without a shell, failures described") {
    CHECK_FALSE(find_program("galley-no-such-program"));
    CHECK_FALSE(find_program("/nonexistent/gs"));
    auto sh = find_program("sh");
    REQUIRE(sh);
    std::string error;
    auto dir = PrivateDir::create("", error);
    REQUIRE_MESSAGE(dir, error);
    // The argument is one argv entry: a shell would have expanded it.
    ProcessResult r = run_process(*sh, {"-c", "echo \"$0\"; exit 3", "$HOME;*"}, dir->path(), 10);
    CHECK(r.started);
    CHECK(r.exit_status == 3);
    CHECK(r.out == "$HOME;*\n");
    CHECK(r.describe().find("exit status 3") != std::string::npos);
    ProcessResult slow = run_process(*sh, {"-c", "sleep 5"}, dir->path(), 1);
    CHECK(slow.timed_out);
    std::filesystem::path p = dir->path();
    { auto gone = std::move(*dir); }
    CHECK_FALSE(std::filesystem::exists(p));
}

}  // namespace galley::press
