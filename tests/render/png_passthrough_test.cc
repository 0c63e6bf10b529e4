// PNG pass-through: which PNGs go into the PDF as they are, and that the
// PDF's image is the same picture cairo's PNG reader sees.
#include <doctest/doctest.h>

#include <cairo.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cstring>
#include <map>
#include <set>

#include "media/image_fixtures.h"
#include "render/pdf_writer.h"
#include "render/png_passthrough.h"
#include "render_fixtures.h"
#include "support/test_support.h"

namespace galley::render {
namespace {

using test::make_png;
using test::PngSpec;

struct Pixel {
    int r, g, b;
    bool operator==(const Pixel&) const = default;
};

// The PNG as cairo's reader decodes it (what the PDF showed before).
std::vector<Pixel> cairo_pixels(const std::string& png, int& width, int& height) {
    struct Reader {
        const std::string* bytes;
        std::size_t at = 0;
    } reader{&png};
    auto read = [](void* closure, unsigned char* data, unsigned int length) {
        auto* r = static_cast<Reader*>(closure);
        if (r->bytes->size() - r->at < length) return CAIRO_STATUS_READ_ERROR;
        std::memcpy(data, r->bytes->data() + r->at, length);
        r->at += length;
        return CAIRO_STATUS_SUCCESS;
    };
    cairo_surface_t* s = cairo_image_surface_create_from_png_stream(read, &reader);
    REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
    width = cairo_image_surface_get_width(s);
    height = cairo_image_surface_get_height(s);
    const int stride = cairo_image_surface_get_stride(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    std::vector<Pixel> out;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint32_t v = reinterpret_cast<const std::uint32_t*>(data + y * stride)[x];
            out.push_back({int((v >> 16) & 0xFF), int((v >> 8) & 0xFF), int(v & 0xFF)});
        }
    cairo_surface_destroy(s);
    return out;
}

// An image XObject's pixels as a PDF viewer reads them: the stream decoded
// (PNG predictors included) by libqpdf, through its colour space.
std::vector<Pixel> pdf_pixels(QPDFObjectHandle image) {
    QPDFObjectHandle dict = image.getDict();
    const int width = static_cast<int>(dict.getKey("/Width").getIntValue());
    const int height = static_cast<int>(dict.getKey("/Height").getIntValue());
    const int bits = static_cast<int>(dict.getKey("/BitsPerComponent").getIntValue());
    QPDFObjectHandle cs = dict.getKey("/ColorSpace");
    std::string palette;
    int components = 1;
    if (cs.isArray()) {
        REQUIRE(cs.getArrayItem(0).getName() == "/Indexed");
        palette = cs.getArrayItem(3).getStringValue();
    } else if (cs.getName() == "/DeviceRGB") {
        components = 3;
    }
    std::shared_ptr<Buffer> buffer = image.getStreamData(qpdf_dl_all);
    const auto* data = buffer->getBuffer();
    const std::size_t row_bytes = (static_cast<std::size_t>(width) * components * bits + 7) / 8;
    REQUIRE(buffer->getSize() == row_bytes * static_cast<std::size_t>(height));
    std::vector<Pixel> out;
    for (int y = 0; y < height; ++y) {
        const auto* row = data + static_cast<std::size_t>(y) * row_bytes;
        auto sample = [&](std::size_t i) {  // the i-th sample of the row
            const std::size_t bit = i * static_cast<std::size_t>(bits);
            return (row[bit / 8] >> (8 - bits - bit % 8)) & ((1 << bits) - 1);
        };
        for (int x = 0; x < width; ++x) {
            if (!palette.empty()) {
                const std::size_t at = static_cast<std::size_t>(sample(static_cast<std::size_t>(x))) * 3;
                out.push_back({std::uint8_t(palette[at]), std::uint8_t(palette[at + 1]), std::uint8_t(palette[at + 2])});
            } else if (components == 3) {
                const std::size_t i = static_cast<std::size_t>(x) * 3;
                out.push_back({sample(i), sample(i + 1), sample(i + 2)});
            } else {
                const int v = sample(static_cast<std::size_t>(x)) * 255 / ((1 << bits) - 1);
                out.push_back({v, v, v});
            }
        }
    }
    return out;
}

TEST_CASE("opaque non-interlaced PNGs of 8 bits or fewer pass through") {
    struct Case {
        int colour_type, bit_depth, colours;
        bool indexed;
    };
    for (Case c : {Case{0, 1, 1, false}, Case{0, 2, 1, false}, Case{0, 4, 1, false}, Case{0, 8, 1, false},
                   Case{2, 8, 3, false}, Case{3, 1, 1, true}, Case{3, 2, 1, true}, Case{3, 4, 1, true},
                   Case{3, 8, 1, true}}) {
        CAPTURE(c.colour_type);
        CAPTURE(c.bit_depth);
        std::optional<PngPassthrough> p =
            png_passthrough(make_png({.width = 9, .height = 5, .colour_type = c.colour_type, .bit_depth = c.bit_depth}));
        REQUIRE(p);
        CHECK(p->width == 9);
        CHECK(p->height == 5);
        CHECK(p->bits == c.bit_depth);
        CHECK(p->colours == c.colours);
        CHECK(p->indexed == c.indexed);
        CHECK_FALSE(p->data.empty());
        // A palette image's lookup table holds every index its depth can name.
        CHECK(p->palette.size() == (c.indexed ? (std::size_t(3) << c.bit_depth) : 0));
    }
}

TEST_CASE("PNGs with alpha, transparency, 16 bits, interlacing or damage are left to cairo") {
    CHECK_FALSE(png_passthrough(make_png({.colour_type = 6})));                     // RGBA
    CHECK_FALSE(png_passthrough(make_png({.colour_type = 4})));                     // grey + alpha
    CHECK_FALSE(png_passthrough(make_png({.colour_type = 2, .bit_depth = 16})));    // 16 bits
    CHECK_FALSE(png_passthrough(make_png({.colour_type = 0, .bit_depth = 16})));
    CHECK_FALSE(png_passthrough(make_png({.colour_type = 2, .interlaced = true})));  // Adam7
    CHECK_FALSE(png_passthrough(make_png({.colour_type = 3, .bit_depth = 1, .transparent_colour = true})));
    std::string png = make_png({});
    std::string bad_crc = png;
    bad_crc[test::find_chunk(png, "IDAT") + 8] ^= 1;
    CHECK_FALSE(png_passthrough(bad_crc));
    CHECK_FALSE(png_passthrough(png.substr(0, png.size() - 12)));  // no IEND
    CHECK_FALSE(png_passthrough("not a PNG"));
    CHECK_FALSE(png_passthrough(""));
}

TEST_CASE("a pass-through marker names its image and nothing else does") {
    PngPassthrough p;
    p.width = 1600;
    p.height = 1000;
    p.colours = 3;
    const std::string marker = passthrough_marker(p, 17);
    CHECK(passthrough_index(marker) == std::optional<std::size_t>(17));
    CHECK_FALSE(passthrough_index(test::make_jpeg({})));
    CHECK_FALSE(passthrough_index(""));
    std::string other = marker;
    other[8] = 'X';  // "galley png" no more
    CHECK_FALSE(passthrough_index(other));
}

TEST_CASE("in the PDF a passed-through PNG is the PNG's own data and the same picture") {
    test::TempDir dir;
    // Widths tell the images apart in the PDF.
    const std::vector<PngSpec> specs{
        {.width = 11, .height = 7, .colour_type = 0, .bit_depth = 1},
        {.width = 12, .height = 7, .colour_type = 0, .bit_depth = 4},
        {.width = 13, .height = 7, .colour_type = 0, .bit_depth = 8},
        {.width = 14, .height = 7, .colour_type = 2, .bit_depth = 8},
        {.width = 15, .height = 7, .colour_type = 3, .bit_depth = 2},
        {.width = 16, .height = 7, .colour_type = 3, .bit_depth = 8},
        {.width = 17, .height = 7, .colour_type = 6, .bit_depth = 8},  // RGBA: cairo's
    };
    page::Document doc;
    page::Page p{300, 300, "1", {}};
    std::map<long long, std::vector<Pixel>> expected;  // by width
    double y = 10;
    for (const PngSpec& spec : specs) {
        const std::string bytes = make_png(spec);
        std::filesystem::path file = dir.write("w" + std::to_string(spec.width) + ".png", bytes);
        p.items.push_back(page::Image{{10, y, 2.0 * spec.width, 14}, std::nullopt, file.string(),
                                      page::ImageFormat::png, spec.width, spec.height});
        int w = 0, h = 0;
        expected[spec.width] = cairo_pixels(bytes, w, h);
        y += 20;
    }
    doc.pages.push_back(p);
    const std::filesystem::path target = dir.path() / "images.pdf";
    Diagnostics diags;
    REQUIRE(write_pdf(doc, PdfOptions{}, target, diags));
    CHECK_FALSE(diags.has_errors());

    QPDF q;
    q.processFile(target.string().c_str());
    QPDFObjectHandle page = q.getAllPages().at(0);
    QPDFObjectHandle xobjects = page.getKey("/Resources").getKey("/XObject");
    std::set<long long> passed;
    for (const std::string& key : xobjects.getKeys()) {
        QPDFObjectHandle image = xobjects.getKey(key);
        QPDFObjectHandle dict = image.getDict();
        const long long width = dict.getKey("/Width").getIntValue();
        CAPTURE(width);
        REQUIRE(expected.count(width) == 1);
        REQUIRE(dict.getKey("/Filter").isNameAndEquals("/FlateDecode"));
        if (width == 17) {
            // Decoded by cairo, its alpha in a soft mask.
            CHECK_FALSE(dict.getKey("/DecodeParms").isDictionary());
            CHECK(dict.getKey("/SMask").isStream());
            continue;
        }
        REQUIRE(dict.getKey("/DecodeParms").isDictionary());
        CHECK(dict.getKey("/DecodeParms").getKey("/Predictor").getIntValue() == 15);
        CHECK(pdf_pixels(image) == expected[width]);
        passed.insert(width);
    }
    CHECK(passed == std::set<long long>{11, 12, 13, 14, 15, 16});
    std::string check = test::run_command("qpdf --check " + target.string() + " 2>&1");
    CHECK(check.find("No syntax or stream encoding errors found") != std::string::npos);
}

}  // namespace
}  // namespace galley::render
