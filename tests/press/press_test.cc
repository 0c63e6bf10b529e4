// The press stage end to end: the sample issue in every bundled layout, as
// the printer's tools (pdffonts, qpdf --check, pdfinfo) and galley's own
// preflight see the result; byte-identical rebuilds; the screen PDF
// untouched; bleed, marks and the slug on the page; no Ghostscript, no file.
#include <cairo.h>
#include <doctest/doctest.h>

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_DCT.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <set>
#include <sstream>

#include "press/icc_profile.h"
#include "press/preflight.h"
#include "press/press.h"
#include "press_fixtures.h"
#include "render/pdf_writer.h"
#include "support/test_support.h"

namespace galley::press {
namespace {

using test::kIssueDate;

struct Built {
    test::TempDir dir;
    std::vector<std::filesystem::path> files;
    PressStatus status = PressStatus::failed;
    Diagnostics diags;
};

std::unique_ptr<Built> build(const page::Document& doc, const layout::Layout& layout, const std::string& stem,
                             PressOptions options = {}) {
    auto b = std::make_unique<Built>();
    options.date = kIssueDate;
    b->status = write_press(doc, layout, options, b->dir.path(), stem, b->diags, &b->files);
    return b;
}

PreflightReport check(const std::filesystem::path& file, double ink_limit) {
    PreflightOptions o;
    o.ink_limit = ink_limit;
    return preflight_pdf(file, o);
}

std::string tool(const std::vector<std::string>& argv, int expected_status = 0) {
    int status = 0;
    std::string out = test::run_tool(argv, &status);
    INFO(argv[0] << ": " << out);
    CHECK(status == expected_status);
    return out;
}

// `pdfimages -list` as rows of words: page num type width height color comp
// bpc enc interp object ID x-ppi y-ppi size ratio.
std::vector<std::vector<std::string>> image_list(const std::filesystem::path& pdf) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(tool({"pdfimages", "-list", pdf.string()}));
    for (std::string line; std::getline(lines, line);) {
        std::istringstream words(line);
        rows.emplace_back();
        for (std::string x; words >> x;) rows.back().push_back(x);
    }
    return rows;
}

// An SVG placed at `rect`, read from the issue folder `root` as a build
// reads every picture (page::Image::root).
page::Image svg_image(const std::filesystem::path& file, const std::filesystem::path& root, page::Rect rect) {
    page::Image image;
    image.rect = rect;
    image.file = file.string();
    image.root = root.string();
    image.format = page::ImageFormat::svg;
    return image;
}

// An opaque 8-bit RGB PNG of mid grey, as cairo writes one.
std::string opaque_png(int width, int height) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
    cairo_paint(cr);
    cairo_destroy(cr);
    std::string bytes;
    cairo_surface_write_to_png_stream(
        surface,
        [](void* closure, const unsigned char* data, unsigned int length) {
            static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
            return CAIRO_STATUS_SUCCESS;
        },
        &bytes);
    cairo_surface_destroy(surface);
    return bytes;
}

// Every font line of pdffonts says emb yes.
void pdffonts_all_embedded(const std::filesystem::path& pdf) {
    std::istringstream lines(tool({"pdffonts", pdf.string()}));
    std::string line;
    int fonts = 0;
    for (int n = 0; std::getline(lines, line); ++n) {
        if (n < 2 || line.empty()) continue;  // the header
        ++fonts;
        INFO(line);
        // name, type (one or two words), encoding, then emb sub uni.
        CHECK(line.find(" yes ") != std::string::npos);
        std::istringstream words(line);
        std::vector<std::string> w;
        for (std::string x; words >> x;) w.push_back(x);
        REQUIRE(w.size() >= 7);
        CHECK(w[w.size() - 5] == "yes");  // emb
    }
    CHECK(fonts > 0);
}

struct Boxes {
    std::string media, bleed, trim;
};

std::vector<Boxes> page_boxes(const std::filesystem::path& pdf) {
    QPDF q;
    q.processFile(pdf.c_str());
    std::vector<Boxes> out;
    for (QPDFPageObjectHelper& p : QPDFPageDocumentHelper(q).getAllPages()) {
        QPDFObjectHandle d = p.getObjectHandle();
        auto text = [&](const char* key) { return d.hasKey(key) ? d.getKey(key).unparse() : std::string(); };
        out.push_back({text("/MediaBox"), text("/BleedBox"), text("/TrimBox")});
    }
    return out;
}

// The sample issue in one bundled layout: built, then checked by preflight
// (against the layout's ink limit), pdffonts, qpdf --check and pdfinfo.
void check_layout(const char* name) {
    test::require_tool("gs", "ghostscript");
    test::require_tool("pdffonts", "poppler-utils");
    test::require_tool("qpdf", "qpdf");
    const test::Sample& s = test::sample(name);
    auto b = build(s.doc, s.layout, s.id);
    INFO(test::diag_text(b->diags));
    REQUIRE(b->status == PressStatus::ok);
    REQUIRE(b->files.size() == 1);
    CHECK(b->files[0].filename() == s.id + ".press.pdf");
    PreflightReport r = check(b->files[0], s.layout.press.ink_limit);
    INFO(format_report(r));
    CHECK(r.passed());
    CHECK(r.count(Level::fail) == 0);
    CHECK(r.pages == static_cast<int>(s.doc.pages.size()));
    pdffonts_all_embedded(b->files[0]);
    CHECK(tool({"qpdf", "--check", b->files[0].string()}).find("No syntax or stream encoding errors") !=
          std::string::npos);
    std::string info = tool({"pdfinfo", b->files[0].string()});
    CHECK(info.find("PDF subtype:    PDF/X-3:2002") != std::string::npos);
    // The boxes preflight read are the ones in the page dictionaries.
    for (const Boxes& box : page_boxes(b->files[0])) {
        CHECK_FALSE(box.trim.empty());
        CHECK_FALSE(box.bleed.empty());
    }
}

}  // namespace

// One test case per bundled layout (test::kPressLayouts), so they run in parallel.
TEST_CASE("press PDF: the sample issue in tabloid passes preflight, pdffonts and qpdf --check") { check_layout("tabloid"); }
TEST_CASE("press PDF: the sample issue in broadsheet passes preflight, pdffonts and qpdf --check") { check_layout("broadsheet"); }
TEST_CASE("press PDF: the sample issue in magazine passes preflight, pdffonts and qpdf --check") { check_layout("magazine"); }
TEST_CASE("press PDF: the sample issue in newsletter passes preflight, pdffonts and qpdf --check") { check_layout("newsletter"); }
TEST_CASE("press PDF: the sample issue in peer-tabloid passes preflight, pdffonts and qpdf --check") { check_layout("peer-tabloid"); }

TEST_CASE("press PDF: every bundled layout has its test case") {
    std::set<std::string> tested{"tabloid", "broadsheet", "magazine", "newsletter", "peer-tabloid"};
    std::set<std::string> bundled;
    for (const auto& e : std::filesystem::directory_iterator(test::source_dir() / "layouts"))
        if (e.path().extension() == ".xml" && e.path().stem() != "base") bundled.insert(e.path().stem().string());
    CHECK(bundled == tested);
    for (const char* name : test::kPressLayouts) CHECK(tested.count(name) == 1);
}

TEST_CASE("press PDF: byte-identical on rebuild, whole and per page") {
    test::require_tool("gs", "ghostscript");
    const test::Sample& s = test::sample("magazine");
    PressOptions o;
    o.pages = true;
    auto first = build(s.doc, s.layout, s.id, o);
    auto second = build(s.doc, s.layout, s.id, o);
    INFO(test::diag_text(first->diags));
    REQUIRE(first->status == PressStatus::ok);
    REQUIRE(second->status == PressStatus::ok);
    REQUIRE(first->files.size() == 1 + s.doc.pages.size());
    REQUIRE(second->files.size() == first->files.size());
    for (std::size_t i = 0; i < first->files.size(); ++i) {
        INFO(first->files[i].filename().string());
        CHECK(first->files[i].filename() == second->files[i].filename());
        CHECK(test::read_file(first->files[i]) == test::read_file(second->files[i]));
    }
    CHECK(first->files[1].filename() == s.id + ".press-p001.pdf");
}

TEST_CASE("press PDF: one file per page, each with its boxes and the output intent") {
    test::require_tool("gs", "ghostscript");
    const test::Sample& s = test::sample("tabloid");
    PressOptions o;
    o.whole = false;
    o.pages = true;
    auto b = build(s.doc, s.layout, s.id, o);
    INFO(test::diag_text(b->diags));
    REQUIRE(b->status == PressStatus::ok);
    REQUIRE(b->files.size() == s.doc.pages.size());
    for (std::size_t i = 0; i < b->files.size(); ++i) {
        QPDF q;
        q.processFile(b->files[i].c_str());
        CHECK(QPDFPageDocumentHelper(q).getAllPages().size() == 1);
        CHECK(q.getRoot().getKey("/OutputIntents").isArray());
    }
    PreflightOptions po;
    po.ink_limit = s.layout.press.ink_limit;
    po.check_ink = false;
    PreflightReport r = preflight_pdf(b->files.back(), po);
    INFO(format_report(r));
    CHECK(r.passed());
}

TEST_CASE("press PDF: the screen PDF is the same bytes with and without the press stage") {
    test::require_tool("gs", "ghostscript");
    const test::Sample& s = test::sample("magazine");
    Diagnostics diags;
    auto before = render::render_pdf(s.doc, render::PdfOptions{kIssueDate}, diags);
    REQUIRE(before);
    test::TempDir dir;
    std::filesystem::path screen = dir.path() / (s.id + ".pdf");
    REQUIRE(render::write_pdf(s.doc, render::PdfOptions{kIssueDate}, screen, diags));
    PressOptions o;
    o.date = kIssueDate;
    REQUIRE(write_press(s.doc, s.layout, o, dir.path(), s.id, diags) == PressStatus::ok);
    auto after = render::render_pdf(s.doc, render::PdfOptions{kIssueDate}, diags);
    REQUIRE(after);
    CHECK(*before == *after);
    CHECK(test::read_file(screen) == *before);  // the file on disk was not touched either
    // And it is still the tagged RGB screen edition.
    PreflightOptions po;
    po.profile = PreflightProfile::screen;
    PreflightReport r = preflight_pdf(screen, po);
    INFO(format_report(r));
    CHECK(r.passed());
}

TEST_CASE("press PDF: no Ghostscript means no press file, and says which package") {
    const test::Sample& s = test::sample("newsletter");
    PressOptions o;
    o.ghostscript = "/nonexistent/bin/gs";
    auto b = build(s.doc, s.layout, s.id, o);
    CHECK(b->status == PressStatus::tool_missing);
    CHECK(b->files.empty());
    CHECK(b->diags.contains("E-PRESS-NO-GHOSTSCRIPT"));
    CHECK(test::diag_text(b->diags).find("ghostscript") != std::string::npos);
    CHECK(std::filesystem::is_empty(b->dir.path()));
}

TEST_CASE("press PDF: a profile that is not CMYK is refused") {
    test::require_tool("gs", "ghostscript");
    const test::Sample& s = test::sample("newsletter");
    std::filesystem::path rgb;
    for (auto& e : std::filesystem::directory_iterator("/usr/share/ghostscript"))
        if (std::filesystem::exists(e.path() / "iccprofiles" / "srgb.icc")) rgb = e.path() / "iccprofiles" / "srgb.icc";
    REQUIRE_FALSE(rgb.empty());
    PressOptions o;
    o.profile = rgb;
    auto b = build(s.doc, s.layout, s.id, o);
    CHECK(b->status == PressStatus::failed);
    CHECK(b->diags.contains("E-PRESS-PROFILE"));
    CHECK(b->files.empty());
}

TEST_CASE("press PDF: a CMYK profile with no table into CMYK is refused before Ghostscript runs") {
    test::require_tool("gs", "ghostscript");
    const test::Sample& s = test::sample("newsletter");
    auto found = ghostscript_default_cmyk();
    REQUIRE(found);
    std::string error;
    auto good = read_icc_profile(*found, error);
    REQUIRE_MESSAGE(good, error);
    std::string bytes = good->bytes;
    for (std::size_t e = 132; e + 12 <= 132 + 12 * good->tags.size(); e += 12)
        if (bytes.compare(e, 3, "B2A") == 0) bytes.replace(e, 4, "priv");
    test::TempDir dir;
    PressOptions o;
    o.profile = dir.write("a2b-only.icc", bytes);
    auto b = build(s.doc, s.layout, s.id, o);
    CHECK(b->status == PressStatus::failed);
    CHECK(b->diags.contains("E-PRESS-PROFILE"));
    CHECK_FALSE(b->diags.contains("E-PRESS-GHOSTSCRIPT"));
    CHECK(test::diag_text(b->diags).find("no B2A0 tag") != std::string::npos);
    CHECK(b->files.empty());
}

TEST_CASE("press PDF: marks, slug and bleed art land outside the trim") {
    test::require_tool("gs", "ghostscript");
    test::require_tool("pdftoppm", "poppler-utils");
    test::TempDir layouts;
    std::filesystem::path file = layouts.write(
        "slugged.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<layout name=\"slugged\" extends=\"magazine\"><press slug=\"true\"/></layout>\n");
    layout::Layout layout = test::load_layout_or_fail(file.string());
    const test::Sample& s = test::sample("magazine");
    page::Document doc;
    doc.meta = s.doc.meta;
    page::Page p = s.doc.pages[0];
    // A red band across the top of the page, reaching the trim edge: it
    // must run on into the bleed.
    p.items.insert(p.items.begin(), page::Box{{0, 0, p.width, 40}, page::Colour{0.8, 0.1, 0.1}, std::nullopt, 0});
    doc.pages.push_back(p);
    auto b = build(doc, layout, "bleed-test");
    INFO(test::diag_text(b->diags));
    REQUIRE(b->status == PressStatus::ok);
    std::string text = tool({"pdftotext", "-layout", b->files[0].string(), "-"});
    CHECK(text.find("bleed-test") != std::string::npos);  // the slug
    CHECK(text.find("(1 of 1)") != std::string::npos);
    auto boxes = page_boxes(b->files[0]);
    REQUIRE(boxes.size() == 1);
    CHECK(boxes[0].trim != boxes[0].bleed);
    CHECK(boxes[0].bleed != boxes[0].media);
    // A 72 dpi CMYK raster of the whole media: the bleed above the red
    // band's trim edge is inked; the mark area beyond the bleed is not,
    // except for the marks.
    test::TempDir raster;
    tool({"gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pamcmyk32", "-r72",
          "-o", (raster.path() / "p.pam").string(), b->files[0].string()});
    std::string pam = test::read_file(raster.path() / "p.pam");
    std::size_t data = pam.find("ENDHDR\n") + 7;
    std::istringstream header(pam.substr(0, data));
    std::string key;
    long width = 0;
    while (header >> key)
        if (key == "WIDTH") header >> width;
    REQUIRE(width > 0);
    QPDF q;
    q.processFile(b->files[0].c_str());
    QPDFObjectHandle page = QPDFPageDocumentHelper(q).getAllPages()[0].getObjectHandle();
    auto trim = page.getKey("/TrimBox").getArrayAsRectangle();
    auto media = page.getKey("/MediaBox").getArrayAsRectangle();
    auto bleed = page.getKey("/BleedBox").getArrayAsRectangle();
    auto pixel = [&](double x_pt, double y_pt_from_top, int channel) {
        long x = static_cast<long>(x_pt), y = static_cast<long>(y_pt_from_top);
        return static_cast<unsigned char>(pam[data + static_cast<std::size_t>((y * width + x) * 4 + channel)]);
    };
    double mid = (trim.llx + trim.urx) / 3;  // away from the centre's registration target
    double top_bleed = media.ury - (trim.ury + bleed.ury) / 2;  // halfway into the top bleed, from the top
    double beyond = media.ury - bleed.ury - 2;                  // just outside the bleed
    CHECK(pixel(mid, top_bleed, 1) > 128);                      // magenta: the red band bleeds
    CHECK(pixel(mid, beyond, 1) == 0);
    CHECK(pixel(mid, beyond, 3) == 0);
    // The marks are in registration colour, all four inks: neither
    // Ghostscript nor the ink limit got at them.
    Pl_Buffer content("content");
    QPDFPageDocumentHelper(q).getAllPages()[0].pipeContents(&content);
    std::unique_ptr<Buffer> ops(content.getBuffer());
    std::string text_ops(reinterpret_cast<const char*>(ops->getBuffer()), ops->getSize());
    CHECK(text_ops.find("1 1 1 1 K") != std::string::npos);
}

TEST_CASE("press PDF: an Adobe CMYK JPEG keeps its colours (not a negative)") {
    test::require_tool("gs", "ghostscript");
    test::require_tool("pdftoppm", "poppler-utils");
    const test::Sample& s = test::sample("newsletter");
    test::TempDir dir;
    // Cyan as Photoshop stores it: libjpeg writes Adobe's marker for CMYK,
    // whose values are inverted (C=255 stored as 0).
    std::string pixels;
    for (int i = 0; i < 16 * 16; ++i) pixels += std::string("\x00\xff\xff\xff", 4);
    Pl_Buffer encoded("cmyk jpeg");
    Pl_DCT dct("cmyk jpeg", &encoded, 16, 16, 4, JCS_CMYK);
    dct.write(reinterpret_cast<const unsigned char*>(pixels.data()), pixels.size());
    dct.finish();
    std::unique_ptr<Buffer> jpeg(encoded.getBuffer());
    page::Document doc;
    doc.meta = s.doc.meta;
    page::Page p = s.doc.pages[0];
    page::Image img;
    img.rect = {100, 100, 200, 200};
    img.file = dir.write("cmyk.jpg", std::string(reinterpret_cast<const char*>(jpeg->getBuffer()), jpeg->getSize()))
                   .string();
    img.root = dir.path().string();
    img.format = page::ImageFormat::jpeg;
    img.width_px = 16;
    img.height_px = 16;
    p.items.push_back(img);
    doc.pages.push_back(p);
    Diagnostics diags;
    PressOptions o;
    o.date = kIssueDate;
    PressResult r = render_press(doc, s.layout, o, "cmyk", diags);
    INFO(test::diag_text(diags));
    REQUIRE(r.status == PressStatus::ok);
    std::filesystem::path out = dir.write("cmyk.press.pdf", r.files[0].bytes);
    // The picture's middle, 200 pt into it from the trim box's top left.
    QPDF q;
    q.processFile(out.c_str());
    QPDFPageObjectHelper page = QPDFPageDocumentHelper(q).getAllPages().front();
    const QPDFObjectHandle::Rectangle trim = page.getObjectHandle().getKey("/TrimBox").getArrayAsRectangle();
    const QPDFObjectHandle::Rectangle media = page.getMediaBox().getArrayAsRectangle();
    const int x = static_cast<int>(trim.llx - media.llx + 200), y = static_cast<int>(media.ury - trim.ury + 200);
    std::string ppm = tool({"pdftoppm", "-r", "72", "-x", std::to_string(x), "-y", std::to_string(y), "-W", "1", "-H",
                            "1", out.string()});
    REQUIRE(ppm.size() >= 3);
    const auto* rgb = reinterpret_cast<const unsigned char*>(ppm.data() + ppm.size() - 3);
    CHECK(rgb[0] < 80);   // cyan: little red
    CHECK(rgb[1] > 120);  // and green and blue
    CHECK(rgb[2] > 120);
}

TEST_CASE("press PDF: images with alpha or opacity are composited onto white, not rasterising the page") {
    test::require_tool("gs", "ghostscript");
    test::require_tool("pdfimages", "poppler-utils");
    const test::Sample& s = test::sample("newsletter");
    test::TempDir dir;
    std::filesystem::path png = dir.write("alpha.png", test::tiny_png());
    page::Document doc;
    doc.meta = s.doc.meta;
    page::Page p = s.doc.pages[0];
    // Read from an issue folder, as every picture of a build is
    // (page::Image::root): the flattened copies are galley's own files.
    page::Image img;
    img.rect = {100, 100, 50, 50};
    img.file = png.string();
    img.root = dir.path().string();
    img.format = page::ImageFormat::png;
    img.width_px = 1;
    img.height_px = 1;
    p.items.push_back(img);
    // An opaque 8-bit PNG, which the screen PDF passes through as it is:
    // the press PDF has it too, 30 x 20 px.
    page::Image opaque = img;
    opaque.rect = {300, 100, 60, 40};
    opaque.file = dir.write("opaque.png", opaque_png(30, 20)).string();
    opaque.width_px = 30;
    opaque.height_px = 20;
    p.items.push_back(opaque);
    // And an SVG drawn with opacity: cairo would need a soft mask for it.
    std::filesystem::path svg = dir.write(
        "half.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\" viewBox=\"0 0 100 100\">"
        "<rect width=\"100\" height=\"100\" fill=\"#3366cc\" opacity=\"0.5\"/></svg>");
    p.items.push_back(svg_image(svg, dir.path(), {200, 100, 72, 72}));
    doc.pages.push_back(p);
    Diagnostics diags;
    PressOptions o;
    o.date = kIssueDate;
    PressResult r = render_press(doc, s.layout, o, "alpha", diags);
    INFO(test::diag_text(diags));
    REQUIRE(r.status == PressStatus::ok);
    CHECK(r.images_flattened == 2);
    std::filesystem::path out = dir.write("alpha.press.pdf", r.files[0].bytes);
    PreflightOptions po;
    po.ink_limit = s.layout.press.ink_limit;
    PreflightReport report = preflight_pdf(out, po);
    INFO(format_report(report));
    CHECK(report.passed());
    for (const Finding& f : report.findings) CHECK(f.check != "raster");
    int opaque_found = 0;
    for (const auto& w : image_list(out))
        if (w.size() > 4 && w[2] == "image" && w[3] == "30" && w[4] == "20") ++opaque_found;
    CHECK(opaque_found == 1);
}

TEST_CASE("press PDF: an SVG gradient is drawn at 300 dpi, not left to Ghostscript's 22-45 dpi") {
    test::require_tool("gs", "ghostscript");
    test::require_tool("pdfimages", "poppler-utils");
    const test::Sample& s = test::sample("newsletter");
    test::TempDir dir;
    std::filesystem::path svg = dir.write(
        "gradient.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"300\"><defs><linearGradient id=\"g\">"
        "<stop offset=\"0\" stop-color=\"#fc0\"/><stop offset=\"1\" stop-color=\"#06c\"/></linearGradient></defs>"
        "<rect width=\"400\" height=\"300\" fill=\"url(#g)\"/></svg>");
    page::Document doc;
    doc.meta = s.doc.meta;
    page::Page p = s.doc.pages[0];
    p.items.push_back(svg_image(svg, dir.path(), {100, 100, 144, 108}));  // 2 x 1.5 in
    doc.pages.push_back(p);
    Diagnostics diags;
    PressOptions o;
    o.date = kIssueDate;
    PressResult r = render_press(doc, s.layout, o, "gradient", diags);
    INFO(test::diag_text(diags));
    REQUIRE(r.status == PressStatus::ok);
    CHECK(r.images_flattened == 1);
    std::filesystem::path out = dir.write("gradient.press.pdf", r.files[0].bytes);
    int found = 0;
    for (const auto& w : image_list(out))
        if (w.size() > 13 && w[2] == "image" && w[3] == "600" && (w[4] == "450" || w[4] == "451")) {
            ++found;
            CHECK(std::stoi(w[12]) >= 299);  // x-ppi
            CHECK(std::stoi(w[13]) >= 299);  // y-ppi
        }
    CHECK(found == 1);
}

}  // namespace galley::press
