// Preflight on PDFs galley did not make: written by hand here, each with
// the problem a printer would reject, and the report naming it.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>

#include <sys/resource.h>
#include <sys/stat.h>

#include "press/preflight.h"
#include "press_fixtures.h"
#include "render/pdf_writer.h"
#include "support/test_support.h"

namespace galley::press {
namespace {

bool has(const PreflightReport& r, Level level, int page, const std::string& check, const std::string& words = "") {
    for (const Finding& f : r.findings)
        if (f.level == level && f.page == page && f.check == check &&
            (words.empty() || f.message.find(words) != std::string::npos))
            return true;
    return false;
}

PreflightReport run(const std::string& pdf, PreflightOptions o = {}) {
    static int n = 0;
    static test::TempDir dir;
    std::filesystem::path file = dir.write("file" + std::to_string(++n) + ".pdf", pdf);
    return preflight_pdf(file, o);
}

const std::string kCmykPixel = std::string("\x00\x00\x00\xFF", 4);

}  // namespace

TEST_CASE("preflight: an RGB image, an unembedded font and no TrimBox each fail, named") {
    PreflightOptions o;
    o.check_ink = false;
    PreflightReport r = run(test::bad_press_pdf(), o);
    std::string report = format_report(r);
    INFO(report);
    CHECK_FALSE(r.passed());
    CHECK(preflight_exit_status(r, false) == 1);
    CHECK(has(r, Level::fail, 1, "colour", "image /Im1"));
    CHECK(has(r, Level::fail, 1, "colour", "DeviceRGB"));
    CHECK(has(r, Level::fail, 1, "fonts", "'Helvetica' (Type1) is not embedded"));
    CHECK(has(r, Level::fail, 1, "boxes", "no TrimBox"));
    CHECK(has(r, Level::fail, 1, "boxes", "no BleedBox"));
    CHECK(has(r, Level::fail, 0, "pdfx", "no PDF/X output intent"));
    CHECK(has(r, Level::fail, 0, "pdfx", "GTS_PDFXVersion"));
    // The report prints them under the page and says what it does not check.
    CHECK(report.find("FAIL:") != std::string::npos);
    CHECK(report.find("page 1\n") != std::string::npos);
    CHECK(report.find("FAIL fonts: font 'Helvetica'") != std::string::npos);
    CHECK(report.find("not checked") != std::string::npos);
    CHECK(report.find("trapping") != std::string::npos);
}

TEST_CASE("preflight: pdfinfo's made-up boxes do not count, only the page dictionary's") {
    PreflightOptions o;
    o.check_ink = false;
    PreflightReport with = run(test::hand_pdf("0 0 0 1 k 0 0 10 10 re f", "<< >>", {}, true), o);
    CHECK_FALSE(has(with, Level::fail, 1, "boxes"));
    PreflightReport without = run(test::hand_pdf("0 0 0 1 k 0 0 10 10 re f", "<< >>", {}, false), o);
    CHECK(has(without, Level::fail, 1, "boxes", "no TrimBox"));
}

TEST_CASE("preflight: boxes that do not nest fail") {
    std::string pdf = test::hand_pdf("", "<< >>", {}, true);
    // TrimBox wider than the BleedBox.
    std::string bad = pdf;
    bad.replace(bad.find("/TrimBox [18 18 594 774]"), 24, "/TrimBox [ 1  1 611 791]");
    PreflightOptions o;
    o.check_ink = false;
    PreflightReport r = run(bad, o);
    CHECK(has(r, Level::fail, 1, "boxes", "is not inside BleedBox"));
}

TEST_CASE("preflight: ICC RGB, CalRGB and spot colours with RGB alternates are RGB") {
    PreflightOptions o;
    o.check_ink = false;
    std::string icc3 = "<< /N 3 /Length 0 >>\nstream\n\nendstream";
    PreflightReport r = run(test::hand_pdf("/CS1 cs 0.5 0.5 0.5 sc 0 0 10 10 re f /CS2 CS 1 0 0 SC 0 0 m 9 9 l S "
                                           "/CS3 cs 1 sc 20 20 10 10 re f",
                                           "<< /ColorSpace << /CS1 [/ICCBased 5 0 R] /CS2 [/CalRGB << /WhitePoint [0.95 1 "
                                           "1.09] >>] /CS3 [/Separation /Gold /DeviceRGB 6 0 R] >> >>",
                                           {icc3, "<< /FunctionType 2 /Domain [0 1] /C0 [1 1 1] /C1 [0.8 0.6 0] /N 1 >>"},
                                           true),
                             o);
    INFO(format_report(r));
    CHECK(has(r, Level::fail, 1, "colour", "ICCBased RGB"));
    CHECK(has(r, Level::fail, 1, "colour", "CalRGB"));
    CHECK(has(r, Level::fail, 1, "colour", "Separation 'Gold'"));
}

TEST_CASE("preflight: black text in four colours fails, K-only black passes") {
    PreflightOptions o;
    o.check_ink = false;
    std::string font = "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [1 0 0 1 0 0] /CharProcs << >> "
                       "/Encoding << /Differences [] >> /FirstChar 0 /LastChar 0 /Widths [0] /Resources << >> >>";
    PreflightReport rich = run(test::hand_pdf("0.72 0.68 0.67 0.88 k BT /F1 12 Tf (a) Tj ET", "<< /Font << /F1 5 0 R >> >>",
                                              {font}, true),
                               o);
    CHECK(has(rich, Level::fail, 1, "black-text", "C72 M68 Y67 K88"));
    PreflightReport k = run(test::hand_pdf("0 0 0 1 k BT /F1 12 Tf (a) Tj ET", "<< /Font << /F1 5 0 R >> >>", {font}, true),
                            o);
    CHECK_FALSE(has(k, Level::fail, 1, "black-text"));
    CHECK(has(k, Level::warn, 1, "black-text", "knock out"));  // no overprint set
    PreflightReport red = run(test::hand_pdf("0 1 1 0 k BT /F1 12 Tf (a) Tj ET", "<< /Font << /F1 5 0 R >> >>", {font}, true),
                              o);
    CHECK_FALSE(has(red, Level::fail, 1, "black-text"));
}

TEST_CASE("preflight: a page that is one image and no text was rasterised") {
    PreflightOptions o;
    o.check_ink = false;
    std::string image = "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceCMYK "
                        "/BitsPerComponent 8 /Length 4 >>\nstream\n" + kCmykPixel + "\nendstream";
    PreflightReport r = run(test::hand_pdf("q 612 0 0 792 0 0 cm /Im1 Do Q", "<< /XObject << /Im1 5 0 R >> >>", {image},
                                           true),
                            o);
    INFO(format_report(r));
    CHECK(has(r, Level::fail, 1, "raster"));
    // And its resolution: 1 px over 576 pt of trim.
    CHECK(has(r, Level::warn, 1, "resolution", "0 dpi"));
}

TEST_CASE("preflight: resolution is taken at the placed size, through forms") {
    PreflightOptions o;
    o.check_ink = false;
    o.min_dpi = 170;
    std::string pixels(100 * 100 * 4, '\0');
    std::string image = "<< /Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceCMYK "
                        "/BitsPerComponent 8 /Length " + std::to_string(pixels.size()) + " >>\nstream\n" + pixels +
                        "\nendstream";
    // A form scaled by 2 holding the image at 36 pt: 72 pt for 100 px = 100 dpi.
    std::string form_content = "q 36 0 0 36 0 0 cm /Im1 Do Q";
    std::string form = "<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [2 0 0 2 0 0] /Resources << "
                       "/XObject << /Im1 5 0 R >> >> /Length " + std::to_string(form_content.size()) + " >>\nstream\n" +
                       form_content + "\nendstream";
    std::string font = "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [1 0 0 1 0 0] /CharProcs << >> "
                       "/Encoding << /Differences [] >> /FirstChar 0 /LastChar 0 /Widths [0] /Resources << >> >>";
    PreflightReport r = run(test::hand_pdf("q 1 0 0 1 100 100 cm /Fm1 Do Q BT /F1 9 Tf (x) Tj ET",
                                           "<< /XObject << /Fm1 6 0 R >> /Font << /F1 7 0 R >> >>", {image, form, font},
                                           true),
                            o);
    INFO(format_report(r));
    CHECK(has(r, Level::warn, 1, "resolution", "100 dpi"));
    CHECK_FALSE(has(r, Level::fail, 1, "raster"));
}

TEST_CASE("preflight: transparency fails for PDF/X-3") {
    PreflightOptions o;
    o.check_ink = false;
    PreflightReport r = run(test::hand_pdf("/GS1 gs 0 0 0 1 k 0 0 10 10 re f",
                                           "<< /ExtGState << /GS1 << /ca 0.5 /BM /Multiply >> >> >>", {}, true),
                            o);
    CHECK(has(r, Level::fail, 1, "transparency", "constant alpha 50%"));
    CHECK(has(r, Level::fail, 1, "transparency", "blend mode /Multiply"));
}

TEST_CASE("preflight: total ink over the limit fails, measured by Ghostscript") {
    test::require_tool("gs", "ghostscript");
    PreflightOptions o;
    o.ink_limit = 240;
    PreflightReport over = run(test::hand_pdf("0.9 0.9 0.9 0.9 k 100 100 200 200 re f", "<< >>", {}, true), o);
    INFO(format_report(over));
    CHECK(has(over, Level::fail, 1, "ink", "over the 240% limit"));
    PreflightReport within = run(test::hand_pdf("0.5 0.5 0.5 0.5 k 100 100 200 200 re f", "<< >>", {}, true), o);
    CHECK_FALSE(has(within, Level::fail, 1, "ink"));
    CHECK(has(within, Level::info, 1, "ink", "inkcov"));
}

TEST_CASE("preflight: Ghostscript missing is exit status 4 when nothing else fails") {
    PreflightOptions o;
    o.ghostscript = "/nonexistent/gs";
    std::string pdf = test::hand_pdf("0 0 0 1 k 0 0 10 10 re f", "<< >>", {}, true);
    PreflightReport r = run(pdf, o);
    REQUIRE_FALSE(r.tools_missing.empty());
    CHECK(r.tools_missing[0].find("ghostscript") != std::string::npos);
    // It is not PDF/X, so it fails anyway: 1 outranks 4.
    CHECK(preflight_exit_status(r, false) == 1);
    PreflightReport clean;
    clean.readable = true;
    clean.tools_missing = {"gs"};
    CHECK(preflight_exit_status(clean, false) == 4);
}

TEST_CASE("preflight: a file that is not a PDF fails and says so") {
    PreflightReport r = run("this is not a PDF");
    CHECK_FALSE(r.passed());
    CHECK(has(r, Level::fail, 0, "file"));
    PreflightReport missing = preflight_pdf("/nonexistent/file.pdf", PreflightOptions{});
    CHECK_FALSE(missing.passed());
    CHECK(has(missing, Level::fail, 0, "file", "it does not exist"));
}

TEST_CASE("preflight: forms painting forms stop at 256 MB of content, reported once") {
    PreflightOptions o;
    o.check_ink = false;
    // Four levels of forms, each painting the next eight times, and a leaf
    // of 80 KB: 4096 paints of it are 320 MB of content to read.
    auto form = [](int next, const std::string& content) {
        return "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X " +
               std::to_string(next) + " 0 R >> >> /Length " + std::to_string(content.size()) + " >>\nstream\n" +
               content + "\nendstream";
    };
    std::string eight;
    for (int i = 0; i < 8; ++i) eight += "/X Do ";
    std::string leaf_content = "% " + std::string(80 * 1024, 'x') + "\n0 0 m";
    std::string leaf = "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Length " +
                       std::to_string(leaf_content.size()) + " >>\nstream\n" + leaf_content + "\nendstream";
    std::vector<std::string> objects{form(6, eight), form(7, eight), form(8, eight), form(9, eight), leaf};
    PreflightReport r = run(test::hand_pdf("/X Do", "<< /XObject << /X 5 0 R >> >>", objects, true), o);
    std::string report = format_report(r);
    INFO(report);
    CHECK(has(r, Level::fail, 1, "file", "more than 256 MB of content on the page"));
    std::size_t times = 0;
    for (std::size_t at = report.find("256 MB"); at != std::string::npos; at = report.find("256 MB", at + 1)) ++times;
    CHECK(times == 1);
}

TEST_CASE("preflight: one stream that inflates past 256 MB is stopped while it inflates") {
    PreflightOptions o;
    o.check_ink = false;
    // 300 MB of path operators in one Flate form (about 1 MB in the file).
    Pl_Buffer packed("packed");
    Pl_Flate deflate("deflate", &packed, Pl_Flate::a_deflate);
    std::string block;
    for (int i = 0; i < 1024 * 1024 / 8; ++i) block += "0 0 m h\n";
    for (int i = 0; i < 300; ++i) deflate.write(reinterpret_cast<const unsigned char*>(block.data()), block.size());
    deflate.finish();
    std::shared_ptr<Buffer> buffer = packed.getBufferSharedPointer();
    std::string data(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    buffer.reset();
    std::string form = "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Filter /FlateDecode /Length " +
                       std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
    std::string pdf = test::hand_pdf("/X Do", "<< /XObject << /X 5 0 R >> >>", {form}, true);
    data.clear();
    data.shrink_to_fit();
    rusage before{}, after{};
    ::getrusage(RUSAGE_SELF, &before);
    PreflightReport r = run(pdf, o);
    ::getrusage(RUSAGE_SELF, &after);
    INFO(format_report(r));
    CHECK(has(r, Level::fail, 1, "file", "more than 256 MB of content on the page"));
    // qpdf's parser holds a stream whole, and held three copies of it: the
    // budget is spent as the data inflates, before any of it is kept.
    long grew_mb = (after.ru_maxrss - before.ru_maxrss) / 1024;
    CHECK_MESSAGE(grew_mb < 128, "peak memory grew by " << grew_mb << " MB");
}

TEST_CASE("preflight: a file that says it has more than 10,000 pages is not read page by page") {
    PreflightOptions o;
    o.check_ink = false;
    std::string pdf = test::hand_pdf("0 0 m", "<< >>", {}, true);
    const std::string one = "/Count 1 >>";
    pdf.replace(pdf.find(one), one.size(), "/Count 400000 >>");  // the xref offsets after it move by 5: qpdf recovers
    PreflightReport r = run(pdf, o);
    INFO(format_report(r));
    CHECK(has(r, Level::fail, 0, "file", "it says it has 400000 pages, more than the 10000 preflight checks"));
    CHECK(r.pages == 0);
}

TEST_CASE("preflight: a folder, a pipe and an empty file fail at once, named") {
    test::TempDir dir;
    PreflightReport folder = preflight_pdf(dir.path(), PreflightOptions{});
    CHECK(has(folder, Level::fail, 0, "file", "not a PDF file: it is a folder, a device or a pipe"));
    // A pipe nobody writes to: qpdf would wait on it forever.
    const std::filesystem::path fifo = dir.path() / "pipe.pdf";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    PreflightReport pipe = preflight_pdf(fifo, PreflightOptions{});
    CHECK(has(pipe, Level::fail, 0, "file", "a device or a pipe"));
    PreflightReport empty = preflight_pdf(dir.write("empty.pdf", ""), PreflightOptions{});
    CHECK(has(empty, Level::fail, 0, "file", "not a PDF: the file is empty"));
    for (const PreflightReport* r : {&folder, &pipe, &empty}) CHECK_FALSE(r->passed());
}

TEST_CASE("preflight screen profile: galley's screen PDF passes, an untagged PDF fails") {
    PreflightOptions o;
    o.profile = PreflightProfile::screen;
    const test::Sample& s = test::sample("newsletter");
    Diagnostics diags;
    auto pdf = render::render_pdf(s.doc, render::PdfOptions{test::kIssueDate}, diags);
    REQUIRE(pdf);
    PreflightReport screen = run(*pdf, o);
    INFO(format_report(screen));
    CHECK(screen.passed());
    PreflightReport bad = run(test::bad_press_pdf(), o);
    CHECK(has(bad, Level::fail, 0, "tagged"));
    CHECK(has(bad, Level::fail, 0, "lang"));
    CHECK(has(bad, Level::fail, 1, "fonts"));
    // The screen PDF is no press PDF.
    PreflightOptions press;
    press.check_ink = false;
    PreflightReport as_press = run(*pdf, press);
    CHECK(has(as_press, Level::fail, 1, "colour", "DeviceRGB"));
    CHECK(has(as_press, Level::fail, 1, "boxes", "no TrimBox"));
    CHECK(has(as_press, Level::fail, 1, "transparency"));  // cairo's page group
}

}  // namespace galley::press

namespace galley::press {

TEST_CASE("preflight: tests/press/bad-press.pdf (for the command-line test) is the hand-made bad PDF") {
    std::filesystem::path file = test::source_dir() / "tests" / "press" / "bad-press.pdf";
    if (const char* dump = std::getenv("GALLEY_WRITE_BAD_PRESS_PDF"); dump && *dump) {
        std::FILE* f = std::fopen(file.c_str(), "wb");
        REQUIRE(f);
        std::string pdf = test::bad_press_pdf();
        std::fwrite(pdf.data(), 1, pdf.size(), f);
        std::fclose(f);
    }
    CHECK(test::read_file(file) == test::bad_press_pdf());
}

}  // namespace galley::press
