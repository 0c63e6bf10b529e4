// The PDF as the tools people check PDFs with see it: poppler-utils
// (pdffonts, pdfinfo, pdftotext, pdfimages), qpdf, and libqpdf for the
// structure tree.
#include <doctest/doctest.h>

#include <cairo.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <set>
#include <sstream>
#include <thread>

#include "base/output_file.h"
#include "page/page_queue.h"
#include "render/pdf_writer.h"
#include "render/structure.h"
#include "render_fixtures.h"
#include "support/test_support.h"

namespace galley::render {
namespace {

using test::run_command;

// Fails (rather than skips) when a tool is missing: the checks are the point.
void require_tool(const std::string& tool, const std::string& package) {
    INFO("install the Debian package '" << package << "' (apt-get install " << package << ")");
    REQUIRE_MESSAGE(test::have_tool(tool), tool << " is not installed");
}

struct Rendered {
    test::TempDir dir;
    test::SampleImages images = test::write_sample_images(dir.path());
    page::Document doc = test::sample_document(images);
    std::filesystem::path pdf = dir.path() / "issue.pdf";
    Diagnostics diags;

    Rendered() {
        REQUIRE(write_pdf(doc, PdfOptions{1213315200}, pdf, diags));  // 2008-06-13T00:00:00Z
    }
    std::string tool(const std::string& command) {
        int status = 0;
        std::string out = run_command(command + " '" + pdf.string() + "' 2>&1", &status);
        INFO(command << ": " << out);
        REQUIRE(status == 0);
        return out;
    }
};

std::string diag_text(const Diagnostics& diags) {
    std::string out;
    for (const Diagnostic& d : diags.all()) out += d.code + " " + d.where.file + ": " + d.message + "\n";
    return out;
}

std::string object_name(QPDFObjectHandle h) { return h.isName() ? h.getName() : ""; }

std::vector<QPDFObjectHandle> struct_elements(QPDF& q) {
    std::vector<QPDFObjectHandle> out;
    std::vector<QPDFObjectHandle> stack{q.getRoot().getKey("/StructTreeRoot").getKey("/K")};
    while (!stack.empty()) {
        QPDFObjectHandle h = stack.back();
        stack.pop_back();
        if (h.isArray()) {
            for (int i = h.getArrayNItems() - 1; i >= 0; --i) stack.push_back(h.getArrayItem(i));
        } else if (h.isDictionary() && h.getKey("/S").isName()) {
            out.push_back(h);
            stack.push_back(h.getKey("/K"));
        }
    }
    return out;
}

}  // namespace

TEST_CASE("pdffonts: every font is embedded and subset") {
    require_tool("pdffonts", "poppler-utils");
    Rendered r;
    std::string out = r.tool("pdffonts");
    std::istringstream lines(out);
    std::string line;
    std::set<std::string> fonts;  // cairo may split a face into a WinAnsi and a CID subset
    std::getline(lines, line);  // header
    std::getline(lines, line);  // dashes
    while (std::getline(lines, line)) {
        if (line.empty()) continue;
        INFO(line);
        std::string name = line.substr(0, line.find(' '));
        CHECK(name.find('+') == 6);                          // a subset tag
        CHECK(line.find(" yes yes yes ") != std::string::npos);  // embedded, subset, with a ToUnicode map
        fonts.insert(name.substr(7));
    }
    CHECK(fonts == std::set<std::string>{"CharisSIL", "CharisSIL-Italic", "DejaVuSerif-Bold", "DejaVuSans-Bold"});
}

TEST_CASE("pdfinfo: tagged, page sizes and metadata as given") {
    require_tool("pdfinfo", "poppler-utils");
    Rendered r;
    std::string out = r.tool("pdfinfo -f 1 -l 2");
    CHECK(out.find("Tagged:          yes") != std::string::npos);
    CHECK(out.find("Pages:           2") != std::string::npos);
    CHECK(out.find("Page    1 size:  595.28 x 841.89 pts") != std::string::npos);
    CHECK(out.find("Page    2 size:  400 x 600 pts") != std::string::npos);
    CHECK(out.find("Title:           The Daily Galley, 13 June 2008") != std::string::npos);
    CHECK(out.find("Author:          Ann Writer") != std::string::npos);
    CHECK(out.find("Subject:         News") != std::string::npos);
    CHECK(out.find("Keywords:        police, trafficking") != std::string::npos);
    CHECK(out.find("Creator:         galley 0.1.0") != std::string::npos);
    CHECK(out.find("CreationDate:    Fri Jun 13 00:00:00 2008 UTC") != std::string::npos);
    CHECK(out.find("ModDate:         Fri Jun 13 00:00:00 2008 UTC") != std::string::npos);
    CHECK(out.find("Metadata Stream: yes") != std::string::npos);
}

TEST_CASE("pdftotext: the text comes back as written, ligatures included") {
    require_tool("pdftotext", "poppler-utils");
    Rendered r;
    // The sample's "trafficking" is set with Charis SIL's ffi ligature: one
    // glyph, one cluster of three bytes.
    test::HandShaper serif("charis-sil/CharisSIL-Regular.ttf");
    page::GlyphRun word = serif.run("trafficking", 10, 0, 0);
    REQUIRE(word.glyphs.size() == 9);
    CHECK(word.glyphs[3].id == serif.glyph(0xFB03));

    int status = 0;
    std::string text = run_command("pdftotext -enc UTF-8 '" + r.pdf.string() + "' -", &status);
    REQUIRE(status == 0);
    CHECK(text.find("Police said the trafficking case") != std::string::npos);
    CHECK(text.find("Trafficking ring broken") != std::string::npos);
    CHECK(text.find("tra\xEF\xAC\x83" "cking") == std::string::npos);  // not U+FB03
    CHECK(text.find("By Ann Writer") != std::string::npos);
    CHECK(text.find("and officials said more would follow.") != std::string::npos);
    CHECK(text.find("Le trafic a baiss\xC3\xA9.") != std::string::npos);
}

TEST_CASE("a document bound on the right is viewed right to left (/Direction /R2L), others are not") {
    Rendered left;
    QPDF q;
    q.processFile(left.pdf.c_str());
    CHECK_FALSE(q.getRoot().getKey("/ViewerPreferences").hasKey("/Direction"));

    test::TempDir dir;
    test::SampleImages images = test::write_sample_images(dir.path());
    page::Document doc = test::sample_document(images);
    doc.meta.bound_right = true;
    const std::filesystem::path pdf = dir.path() / "rtl.pdf";
    Diagnostics diags;
    REQUIRE(write_pdf(doc, PdfOptions{1213315200}, pdf, diags));
    QPDF r;
    r.processFile(pdf.c_str());
    QPDFObjectHandle prefs = r.getRoot().getKey("/ViewerPreferences");
    CHECK(object_name(prefs.getKey("/Direction")) == "/R2L");
    CHECK(prefs.getKey("/DisplayDocTitle").getBoolValue());
}

TEST_CASE("the structure tree: Document, Art, and alt text, language and titles cairo cannot write") {
    Rendered r;
    QPDF q;
    q.processFile(r.pdf.c_str());
    QPDFObjectHandle root = q.getRoot();
    CHECK(root.getKey("/Lang").getUTF8Value() == "en-GB");
    CHECK(root.getKey("/MarkInfo").getKey("/Marked").getBoolValue());
    CHECK(root.getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());

    std::vector<QPDFObjectHandle> elements = struct_elements(q);
    std::vector<std::string> names;
    for (auto& e : elements) names.push_back(object_name(e.getKey("/S")));
    // The byline set directly in the Art gets a Span; links hang in the
    // elements they were drawn in.
    std::vector<std::string> expected{"/Document", "/Art", "/H1", "/Span", "/Figure", "/Caption", "/P", "/Link",
                                      "/Link", "/Table", "/TR", "/TD", "/TD", "/TD", "/P", "/Link"};
    CHECK(names == expected);
    REQUIRE(names.size() == expected.size());
    CHECK(elements[1].getKey("/T").getUTF8Value() == "Trafficking ring broken");
    CHECK(elements[4].getKey("/Alt").getUTF8Value() == "A red photograph");
    CHECK(elements[14].getKey("/Lang").getUTF8Value() == "fr");
    CHECK_FALSE(elements[6].hasKey("/Lang"));
    // The paragraph that runs on to page 2 has marked content on both pages.
    QPDFObjectHandle kids = elements[6].getKey("/K");
    REQUIRE(kids.isArray());
    int mcids = 0;
    for (int i = 0; i < kids.getArrayNItems(); ++i) {
        QPDFObjectHandle k = kids.getArrayItem(i);
        if (k.isInteger() || (k.isDictionary() && object_name(k.getKey("/Type")) == "/MCR")) ++mcids;
    }
    CHECK(mcids >= 2);
}

TEST_CASE("links: a URI, a link forward to a later page and one back, an outline and page labels") {
    Rendered r;
    QPDF q;
    q.processFile(r.pdf.c_str());
    std::vector<QPDFObjectHandle> pages = q.getAllPages();
    REQUIRE(pages.size() == 2);
    QPDFObjectHandle annots = pages[0].getKey("/Annots");
    REQUIRE(annots.isArray());
    REQUIRE(annots.getArrayNItems() == 2);
    QPDFObjectHandle uri = annots.getArrayItem(0);
    CHECK(object_name(uri.getKey("/Subtype")) == "/Link");
    CHECK(uri.getKey("/A").getKey("/URI").getStringValue() == "https://example.org/story?a=1&b=%C3%A9");
    // PDF space: y up from the bottom of the 841.89 pt page.
    auto rect = uri.getKey("/Rect").getArrayAsRectangle();
    CHECK(rect.llx == doctest::Approx(50));
    CHECK(rect.lly == doctest::Approx(841.89 - 165));
    CHECK(rect.urx == doctest::Approx(170));
    CHECK(rect.ury == doctest::Approx(841.89 - 153));
    QPDFObjectHandle forward = annots.getArrayItem(1).getKey("/Dest");
    REQUIRE(forward.isArray());
    CHECK(forward.getArrayItem(0).getObjGen() == pages[1].getObjGen());
    CHECK(forward.getArrayItem(3).getNumericValue() == doctest::Approx(600 - 40));
    QPDFObjectHandle back = pages[1].getKey("/Annots").getArrayItem(0).getKey("/Dest");
    CHECK(back.getArrayItem(0).getObjGen() == pages[0].getObjGen());
    CHECK(annots.getArrayItem(0).getKey("/StructParent").isInteger());
    CHECK(object_name(pages[0].getKey("/Tabs")) == "/S");

    QPDFObjectHandle outlines = q.getRoot().getKey("/Outlines");
    REQUIRE(outlines.isDictionary());
    QPDFObjectHandle news = outlines.getKey("/First");
    CHECK(news.getKey("/Title").getUTF8Value() == "News");
    CHECK(news.getKey("/First").getKey("/Title").getUTF8Value() == "Trafficking ring broken");
    CHECK(news.getKey("/Last").getKey("/Title").getUTF8Value() == "Continued");
    CHECK(news.getKey("/Last").getKey("/Dest").getArrayItem(0).getObjGen() == pages[1].getObjGen());

    // "A1", "A2": cairo writes one range, prefix "A", decimal numbers from 1.
    QPDFObjectHandle labels = q.getRoot().getKey("/PageLabels").getKey("/Nums");
    REQUIRE(labels.isArray());
    CHECK(labels.unparse() == "[ 0 << /P (A) /S /D /St 1 >> ]");
}

TEST_CASE("pdfimages: the JPEG is passed through as DCT, the others are images too") {
    require_tool("pdfimages", "poppler-utils");
    Rendered r;
    std::string out = r.tool("pdfimages -list");
    INFO(out);
    std::istringstream lines(out);
    std::string line;
    std::getline(lines, line);
    std::getline(lines, line);
    std::vector<std::string> encodings;
    while (std::getline(lines, line)) {
        std::istringstream f(line);
        std::string page, num, type, width, height, color, comp, bpc, enc;
        f >> page >> num >> type >> width >> height >> color >> comp >> bpc >> enc;
        if (type == "image") encodings.push_back(width + "x" + height + " " + enc);
    }
    CHECK(std::find(encodings.begin(), encodings.end(), "64x48 jpeg") != encodings.end());
    CHECK(std::find(encodings.begin(), encodings.end(), "20x10 image") != encodings.end());
    CHECK(std::find(encodings.begin(), encodings.end(), "8x8 image") != encodings.end());

    // The JPEG's bytes are in the file unchanged.
    std::string pdf = test::read_file(r.pdf);
    CHECK(pdf.find(test::read_file(r.images.jpeg)) != std::string::npos);
}

namespace {

/// A PNG with an alpha channel (never passed through: decoded, drawn by cairo).
std::string translucent_png(int width, int height) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgba(cr, 0.8, 0.1, 0.1, 0.5);
    cairo_paint(cr);
    cairo_destroy(cr);
    std::string out;
    cairo_surface_write_to_png_stream(
        s,
        [](void* closure, const unsigned char* data, unsigned int length) {
            static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
            return CAIRO_STATUS_SUCCESS;
        },
        &out);
    cairo_surface_destroy(s);
    return out;
}

/// pdfimages -list: "WxH" of each image (not its soft mask), in order.
std::vector<std::string> image_sizes(const std::filesystem::path& pdf) {
    const std::string out = test::run_command("pdfimages -list '" + pdf.string() + "'");
    std::istringstream lines(out);
    std::string line;
    std::vector<std::string> sizes;
    while (std::getline(lines, line)) {
        std::istringstream f(line);
        std::string page, num, type, width, height;
        f >> page >> num >> type >> width >> height;
        if (type == "image") sizes.push_back(width + "x" + height);
    }
    return sizes;
}

}  // namespace

TEST_CASE("a decoded image printed finer than 450 ppi is embedded at 300 ppi, once however often it is shown") {
    require_tool("pdfimages", "poppler-utils");
    test::TempDir dir;
    dir.write("fine.png", translucent_png(1500, 1000));
    const std::string fine = (dir.path() / "fine.png").string();
    using namespace page;
    Document doc;
    doc.meta.title = "Resampling";
    // 1500 px over 2 in: 750 ppi, resampled to 600 x 400; over 5 in (300
    // ppi), kept whole. The small one is shown on both pages.
    Page one{612, 792, "1", {}};
    one.items.push_back(Image{{72, 72, 144, 96}, std::nullopt, fine, ImageFormat::png, 1500, 1000});
    one.items.push_back(Image{{72, 300, 360, 240}, std::nullopt, fine, ImageFormat::png, 1500, 1000});
    Page two{612, 792, "2", {}};
    two.items.push_back(Image{{72, 72, 144, 96}, std::nullopt, fine, ImageFormat::png, 1500, 1000});
    doc.pages.push_back(std::move(one));
    doc.pages.push_back(std::move(two));
    const std::filesystem::path pdf = dir.path() / "r.pdf";
    Diagnostics diags;
    REQUIRE(write_pdf(doc, PdfOptions{1213315200}, pdf, diags));
    const std::vector<std::string> sizes = image_sizes(pdf);
    INFO(test::run_command("pdfimages -list '" + pdf.string() + "'"));
    CHECK(std::count(sizes.begin(), sizes.end(), "600x400") == 2);  // listed per page, one object
    CHECK(std::count(sizes.begin(), sizes.end(), "1500x1000") == 1);
    const std::string objects = test::run_command("pdfimages -list '" + pdf.string() + "' | awk 'NR > 2 && $3 == \"image\" && $4 == 600 { print $11 }' | sort -u");
    CHECK(objects.find('\n') == objects.size() - 1);  // one object id for both pages
}

TEST_CASE("an Adobe CMYK JPEG is passed through with the /Decode that shows its colours") {
    test::TempDir dir;
    std::filesystem::path jpeg = dir.write("cmyk.jpg", test::solid_cmyk_jpeg(16, 16, 255, 0, 0, 0));
    page::Document doc;
    doc.pages.push_back({100, 100, "1", {page::Image{{10, 10, 80, 80}, std::nullopt, jpeg.string(),
                                                     page::ImageFormat::jpeg, 16, 16}}});
    Diagnostics diags;
    auto pdf = render_pdf(doc, PdfOptions{}, diags);
    REQUIRE(pdf);
    QPDF q;
    q.processMemoryFile("pdf", pdf->data(), pdf->size());
    QPDFObjectHandle first_page = q.getAllPages()[0];
    QPDFObjectHandle xobjects = first_page.getKey("/Resources").getKey("/XObject");
    REQUIRE(xobjects.getKeys().size() == 1);
    QPDFObjectHandle image = xobjects.getKey(*xobjects.getKeys().begin());
    CHECK(image.getDict().getKey("/ColorSpace").isNameAndEquals("/DeviceCMYK"));
    CHECK(image.getDict().getKey("/Filter").isNameAndEquals("/DCTDecode"));
    CHECK(image.getDict().getKey("/Decode").unparse() == "[ 1 0 1 0 1 0 1 0 ]");

    // Cyan on screen, as in the PNG proof (gdk-pixbuf inverts Adobe CMYK too).
    require_tool("pdftoppm", "poppler-utils");
    std::filesystem::path file = dir.write("cmyk.pdf", *pdf);
    std::string ppm = run_command("pdftoppm -r 72 -x 50 -y 50 -W 1 -H 1 '" + file.string() + "'");
    REQUIRE(ppm.size() >= 3);
    const auto* rgb = reinterpret_cast<const unsigned char*>(ppm.data() + ppm.size() - 3);
    CHECK(rgb[0] < 40);
    CHECK(rgb[1] > 120);
    CHECK(rgb[2] > 200);
}

TEST_CASE("qpdf --check finds nothing wrong") {
    require_tool("qpdf", "qpdf");
    Rendered r;
    std::string out = r.tool("qpdf --check");
    CHECK(out.find("No syntax or stream encoding errors found") != std::string::npos);
    CHECK(out.find("WARNING") == std::string::npos);
}

TEST_CASE("the same document gives the same bytes, in any time zone") {
    test::TempDir dir;
    test::SampleImages images = test::write_sample_images(dir.path());
    page::Document doc = test::sample_document(images);
    Diagnostics diags;
    auto first = render_pdf(doc, PdfOptions{1213315200}, diags);
    const char* old_tz = std::getenv("TZ");
    std::string saved = old_tz ? old_tz : "";
    setenv("TZ", "Pacific/Kiritimati", 1);
    tzset();
    auto second = render_pdf(doc, PdfOptions{1213315200}, diags);
    setenv("TZ", "America/St_Johns", 1);
    tzset();
    auto third = render_pdf(doc, PdfOptions{}, diags);  // the date from the metadata: 2008-06-13
    if (old_tz) setenv("TZ", saved.c_str(), 1); else unsetenv("TZ");
    tzset();
    REQUIRE(first);
    REQUIRE(second);
    REQUIRE(third);
    CHECK(*first == *second);
    CHECK(*first == *third);
    CHECK(diags.empty());
    // A deterministic /ID, not the one qpdf would draw at random.
    CHECK(first->find("/ID [<") != std::string::npos);
}

TEST_CASE("without a date the PDF has none (never the clock)") {
    test::TempDir dir;
    page::Document doc = test::sample_document(test::write_sample_images(dir.path()));
    doc.meta.date.clear();
    Diagnostics diags;
    auto pdf = render_pdf(doc, PdfOptions{}, diags);
    REQUIRE(pdf);
    QPDF q;
    q.processMemoryFile("pdf", pdf->data(), pdf->size());
    CHECK_FALSE(q.getTrailer().getKey("/Info").hasKey("/CreationDate"));
    CHECK_FALSE(q.getTrailer().getKey("/Info").hasKey("/ModDate"));
}

TEST_CASE("a failing write reports E-OUTPUT-WRITE and keeps the previous file") {
    test::TempDir dir;
    page::Document doc = test::sample_document(test::write_sample_images(dir.path()));
    std::filesystem::path target = dir.path() / "issue.pdf";
    dir.write("issue.pdf", "previous");
    Diagnostics diags;
    auto out = OutputFile::create(target, diags, [](int, const void*, std::size_t) -> ssize_t {
        errno = ENOSPC;
        return -1;
    });
    REQUIRE(out);
    std::filesystem::path temp = out->temp_path();
    CHECK_FALSE(write_pdf(doc, PdfOptions{}, *out, diags));
    CHECK(diags.contains("E-OUTPUT-WRITE"));
    CHECK(diag_text(diags).find("No space left on device") != std::string::npos);
    CHECK(test::read_file(target) == "previous");
    CHECK_FALSE(std::filesystem::exists(temp));
}

TEST_CASE("a document that cannot be drawn writes nothing") {
    test::TempDir dir;
    page::Document doc = test::sample_document(test::write_sample_images(dir.path()));
    std::get<page::GlyphRun>(doc.pages[0].items[1]).face.file = (dir.path() / "missing.ttf").string();
    std::filesystem::path target = dir.path() / "issue.pdf";
    dir.write("issue.pdf", "previous");
    Diagnostics diags;
    CHECK_FALSE(write_pdf(doc, PdfOptions{}, target, diags));
    CHECK(diags.contains("E-RENDER-FONT"));
    CHECK(diag_text(diags).find("missing.ttf") != std::string::npos);
    CHECK(test::read_file(target) == "previous");
}

TEST_CASE("an image that changed since it was probed is refused, not decoded") {
    test::TempDir dir;
    test::SampleImages images = test::write_sample_images(dir.path());
    page::Document doc = test::sample_document(images);
    dir.write("chart.png", test::solid_png(4000, 4000, 0, 0, 0));
    Diagnostics diags;
    CHECK_FALSE(render_pdf(doc, PdfOptions{}, diags));
    REQUIRE(diags.contains("E-RENDER-IMAGE"));
    CHECK(diag_text(diags).find("changed since it was read (4000x4000 px, was 20x10)") != std::string::npos);
}

TEST_CASE("an image is opened again only through its issue folder: a link swapped in that leaves it is refused") {
    test::TempDir dir;
    const std::string png = test::solid_png(4, 4, 0, 0, 0);
    dir.write("issue/img/a.png", png);
    dir.write("issue/img/real/b.png", png);
    dir.write("outside/secret.png", png);
    const std::filesystem::path root = dir.path() / "issue";
    auto doc_with = [&](const std::string& relative) {
        page::Document doc;
        page::Page p{200, 200, "1", {}};
        page::Image image{{10, 10, 40, 40}, std::nullopt, (root / relative).string(), page::ImageFormat::png, 4, 4};
        image.root = root.string();
        p.items.push_back(image);
        doc.pages.push_back(p);
        return doc;
    };
    {
        Diagnostics diags;
        CHECK(render_pdf(doc_with("img/a.png"), PdfOptions{}, diags));
        CHECK_FALSE(diags.has_errors());
    }
    // Probed as a file, then replaced by a link out of the folder.
    std::filesystem::remove(root / "img/a.png");
    std::filesystem::create_symlink("../../outside/secret.png", root / "img/a.png");
    {
        Diagnostics diags;
        CHECK_FALSE(render_pdf(doc_with("img/a.png"), PdfOptions{}, diags));
        REQUIRE(diags.contains("E-RENDER-IMAGE"));
        CHECK(diag_text(diags).find("leaves the issue folder") != std::string::npos);
    }
    // The twin: a link that stays inside still works.
    std::filesystem::create_symlink("real/b.png", root / "img/inside.png");
    {
        Diagnostics diags;
        CHECK(render_pdf(doc_with("img/inside.png"), PdfOptions{}, diags));
        CHECK_FALSE(diags.has_errors());
    }
}

TEST_CASE("badly nested tags are reported and the PDF is not written") {
    test::TempDir dir;
    page::Document doc = test::sample_document(test::write_sample_images(dir.path()));
    doc.pages[1].items.pop_back();  // the Document is never ended
    Diagnostics diags;
    CHECK_FALSE(render_pdf(doc, PdfOptions{}, diags));
    REQUIRE(diags.contains("E-RENDER-TAGS"));
    CHECK(diags.all()[0].message ==
          "structure tags are not properly nested (at the end of the document): Document is never ended");
}

TEST_CASE("a document without a Document tag gets one, so the PDF is still tagged") {
    test::HandShaper serif("charis-sil/CharisSIL-Regular.ttf");
    page::Document doc;
    doc.pages.push_back({200, 200, "1", {serif.run("Hello", 10, 10, 20)}});
    Diagnostics diags;
    auto pdf = render_pdf(doc, PdfOptions{}, diags);
    REQUIRE(pdf);
    QPDF q;
    q.processMemoryFile("pdf", pdf->data(), pdf->size());
    std::vector<QPDFObjectHandle> elements = struct_elements(q);
    REQUIRE(elements.size() == 1);
    CHECK(object_name(elements[0].getKey("/S")) == "/Document");
}

TEST_CASE("empty elements and elements with only links keep the alt text on the right figure") {
    test::TempDir dir;
    std::filesystem::path png = dir.write("a.png", test::solid_png(4, 4, 0, 0, 0));
    page::Document doc;
    page::Page p{200, 200, "1", {}};
    p.items.push_back(page::TagBegin{page::TagKind::document, 0, "", "", ""});
    p.items.push_back(page::TagBegin{page::TagKind::paragraph, 0, "", "", ""});
    p.items.push_back(page::TagEnd{page::TagKind::paragraph});
    p.items.push_back(page::TagBegin{page::TagKind::paragraph, 0, "", "", ""});
    p.items.push_back(page::Link{{0, 0, 10, 10}, "https://example.org/", -1, 0});
    p.items.push_back(page::TagEnd{page::TagKind::paragraph});
    p.items.push_back(page::TagBegin{page::TagKind::figure, 0, "Black", "", ""});
    p.items.push_back(page::Image{{10, 10, 40, 40}, std::nullopt, png.string(), page::ImageFormat::png, 4, 4});
    p.items.push_back(page::TagEnd{page::TagKind::figure});
    p.items.push_back(page::TagEnd{page::TagKind::document});
    doc.pages.push_back(p);
    Diagnostics diags;
    auto pdf = render_pdf(doc, PdfOptions{}, diags);
    REQUIRE(pdf);
    INFO(diag_text(diags));
    CHECK(diags.empty());
    QPDF q;
    q.processMemoryFile("pdf", pdf->data(), pdf->size());
    std::vector<QPDFObjectHandle> elements = struct_elements(q);
    std::vector<std::string> names;
    for (auto& e : elements) names.push_back(object_name(e.getKey("/S")));
    CHECK(names == std::vector<std::string>{"/Document", "/P", "/P", "/Link", "/Figure"});
    REQUIRE(names.size() == 5);
    CHECK(elements[4].getKey("/Alt").getUTF8Value() == "Black");
}

TEST_CASE("clusters that do not fit the text draw the glyphs anyway, with a warning") {
    test::HandShaper serif("charis-sil/CharisSIL-Regular.ttf");
    page::GlyphRun run = serif.run("Hello", 10, 10, 20);
    run.clusters.pop_back();
    page::Document doc;
    doc.pages.push_back({200, 200, "1", {run}});
    Diagnostics diags;
    CHECK(render_pdf(doc, PdfOptions{}, diags));
    CHECK(diags.contains("W-RENDER-CLUSTERS"));
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("a run of glyphs whose text went with the run before draws without a warning and extracts as nothing") {
    test::HandShaper serif("charis-sil/CharisSIL-Regular.ttf");
    page::GlyphRun letters = serif.run("Zed", 10, 10, 20);
    // The second run's glyphs belong to the first run's text (a fallback
    // face's marks): clusters of no bytes, no text.
    page::GlyphRun extra = serif.run("xx", 10, 40, 20);
    extra.text.clear();
    for (page::Cluster& c : extra.clusters) c.bytes = 0;
    page::Document doc;
    doc.pages.push_back({200, 200, "1", {letters, extra}});
    test::TempDir dir;
    std::filesystem::path pdf = dir.path() / "x.pdf";
    Diagnostics diags;
    REQUIRE(write_pdf(doc, PdfOptions{}, pdf, diags));
    INFO(diag_text(diags));
    CHECK(diags.empty());
    require_tool("pdftotext", "poppler-utils");
    int status = 0;
    const std::string text = run_command("pdftotext -enc UTF-8 '" + pdf.string() + "' -", &status);
    REQUIRE(status == 0);
    CHECK(text.find("Zed") != std::string::npos);
    CHECK(text.find("x") == std::string::npos);
}

TEST_CASE("noncharacters in the text (XML allows them, cairo does not) extract as U+FFFD, the PDF is made") {
    test::HandShaper serif("charis-sil/CharisSIL-Regular.ttf");
    // U+FDD0 (3 bytes) and U+10FFFF (4 bytes), each its own cluster.
    page::GlyphRun run = serif.run("a\uFDD0b\U0010FFFFc", 10, 10, 20);
    page::Document doc;
    doc.pages.push_back({200, 200, "1", {run}});
    test::TempDir dir;
    std::filesystem::path pdf = dir.path() / "x.pdf";
    Diagnostics diags;
    REQUIRE(write_pdf(doc, PdfOptions{}, pdf, diags));
    CHECK_FALSE(diags.has_errors());
    std::string text = run_command("pdftotext -enc UTF-8 " + pdf.string() + " -");
    CHECK(text.find("a\uFFFDb\uFFFDc") != std::string::npos);
}

TEST_CASE("page sizes a PDF cannot have are refused") {
    page::Document doc;
    doc.pages.push_back({0, 200, "1", {}});
    Diagnostics diags;
    CHECK_FALSE(render_pdf(doc, PdfOptions{}, diags));
    CHECK(diags.contains("E-PDF-PAGE-SIZE"));
    Diagnostics none;
    CHECK_FALSE(render_pdf(page::Document{}, PdfOptions{}, none));
    CHECK(none.contains("E-PDF-NO-PAGES"));
}

namespace {

// The pages of `doc` through a queue filled by another thread, drawn as
// they arrive.
std::optional<std::string> render_streamed(const page::Document& doc, Diagnostics& diags) {
    page::PageQueue queue;
    std::thread producer([&] {
        for (const page::Page& p : doc.pages) {
            queue.push(p);
            std::this_thread::yield();
        }
        queue.close();
    });
    std::optional<std::string> pdf = render_pdf(
        queue, [&] { return DocumentTail{doc.meta, doc.outline, nullptr}; }, PdfOptions{1213315200}, diags);
    producer.join();
    return pdf;
}

}  // namespace

TEST_CASE("pages drawn as they arrive from another thread make the same PDF") {
    test::TempDir dir;
    page::Document doc = test::sample_document(test::write_sample_images(dir.path()));
    Diagnostics whole_diags, streamed_diags;
    std::optional<std::string> whole = render_pdf(doc, PdfOptions{1213315200}, whole_diags);
    std::optional<std::string> streamed = render_streamed(doc, streamed_diags);
    REQUIRE(whole);
    REQUIRE(streamed);
    CHECK(*streamed == *whole);
    CHECK(streamed_diags.all().size() == whole_diags.all().size());
}

TEST_CASE("text of an element whose first child comes pages later still gets its Span when streamed") {
    test::HandShaper serif("charis-sil/CharisSIL-Regular.ttf");
    page::Document doc;
    using page::TagBegin;
    using page::TagEnd;
    using page::TagKind;
    // An article whose byline (text directly in Art) is on page 1 and whose
    // first paragraph only begins on page 3: page 1 cannot be drawn before
    // page 3 is known.
    doc.pages.push_back({200, 200, "1", {TagBegin{TagKind::document, 0, "", "", ""},
                                         TagBegin{TagKind::article, 0, "", "", "Headline"},
                                         serif.run("By someone", 10, 10, 20)}});
    doc.pages.push_back({200, 200, "2", {serif.run("More of the byline", 10, 10, 20)}});
    doc.pages.push_back({200, 200, "3", {TagBegin{TagKind::paragraph, 0, "", "", ""}, serif.run("Text", 10, 10, 20),
                                         TagEnd{TagKind::paragraph}, TagEnd{TagKind::article},
                                         TagEnd{TagKind::document}}});
    Diagnostics whole_diags, streamed_diags;
    std::optional<std::string> whole = render_pdf(doc, PdfOptions{1213315200}, whole_diags);
    std::optional<std::string> streamed = render_streamed(doc, streamed_diags);
    REQUIRE(whole);
    REQUIRE(streamed);
    CHECK(*streamed == *whole);
    QPDF q;
    q.processMemoryFile("pdf", streamed->data(), streamed->size());
    std::vector<std::string> names;
    for (auto& e : struct_elements(q)) names.push_back(object_name(e.getKey("/S")));
    CHECK(names == std::vector<std::string>{"/Document", "/Art", "/Span", "/Span", "/P"});
}

TEST_CASE("the structure planner decides an element once it has a child or has ended") {
    Diagnostics diags;
    StructurePlanner planner(diags);
    using page::TagBegin;
    using page::TagEnd;
    using page::TagKind;
    CHECK_FALSE(planner.document_decided());
    CHECK(planner.add_page({100, 100, "1", {TagBegin{TagKind::document, 0, "", "", ""},
                                            TagBegin{TagKind::article, 0, "", "", ""}}}) == 2);
    CHECK(planner.document_decided());
    CHECK(planner.decided() == 1);  // the Document has a child; the Art has none yet
    CHECK(planner.add_page({100, 100, "2", {TagBegin{TagKind::paragraph, 0, "", "", ""}}}) == 3);
    CHECK(planner.decided() == 2);  // the P is open and childless
    planner.add_page({100, 100, "3", {TagEnd{TagKind::paragraph}, TagEnd{TagKind::article}, TagEnd{TagKind::document}}});
    CHECK(planner.decided() == 3);
    planner.finish();
    CHECK(planner.plan().valid);
    CHECK(planner.plan().has_children == std::vector<bool>{true, true, false});
    CHECK(diags.empty());
}

TEST_CASE("tags found open at the end of a streamed document, its pages drawn, stop the PDF with one error") {
    test::TempDir dir;
    page::Document doc = test::sample_document(test::write_sample_images(dir.path()));
    doc.pages[1].items.pop_back();  // the Document is never ended
    Diagnostics diags;
    CHECK_FALSE(render_streamed(doc, diags));
    REQUIRE(diags.contains("E-RENDER-TAGS"));
    CHECK_FALSE(diags.contains("E-PDF-CAIRO"));
    CHECK(diags.count(Severity::error) == 1);
}

}  // namespace galley::render
