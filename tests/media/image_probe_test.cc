#include "media/image_probe.h"

#include "media/image_fixtures.h"

#include <doctest/doctest.h>

#include <random>
#include <set>
#include <string>
#include <variant>

namespace galley {
namespace {

using test::find_chunk;
using test::find_marker;
using test::fix_chunk_crc;
using test::make_jpeg;
using test::make_png;
using test::put_be32;

ProbeResult probe(const std::string& bytes, std::string_view name, const ImageLimits& limits = {}) {
    return probe_image(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()),
                       name, limits);
}

ImageInfo accepted(const std::string& bytes, std::string_view name, const ImageLimits& limits = {}) {
    ProbeResult r = probe(bytes, name, limits);
    if (auto* problem = std::get_if<ImageProblem>(&r)) FAIL_CHECK(problem->code << ": " << problem->message);
    REQUIRE(std::holds_alternative<ImageInfo>(r));
    return std::get<ImageInfo>(r);
}

// Refused with exactly this code and message.
void refused(const std::string& bytes, std::string_view name, const std::string& code, const std::string& message,
             const ImageLimits& limits = {}) {
    ProbeResult r = probe(bytes, name, limits);
    REQUIRE_MESSAGE(std::holds_alternative<ImageProblem>(r), "accepted " << name);
    const ImageProblem& p = std::get<ImageProblem>(r);
    CHECK(p.code == code);
    CHECK(p.message == message);
}

std::string svg(std::string_view attributes, std::string_view body = "<rect width=\"1\" height=\"1\"/>") {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" " + std::string(attributes) + ">" + std::string(body) + "</svg>";
}

}  // namespace

// --- Valid images of every type --------------------------------------------

TEST_CASE("a PNG gives its size, no resolution and no alpha") {
    ImageInfo i = accepted(make_png({}), "img/photo.png");
    CHECK(i.type == ImageType::png);
    CHECK(i.width_px == 4);
    CHECK(i.height_px == 3);
    CHECK(i.dpi_x == 0);
    CHECK(i.dpi_y == 0);
    CHECK_FALSE(i.has_alpha);
    CHECK_FALSE(i.progressive);
    CHECK(i.media_type() == "image/png");
}

TEST_CASE("a PNG with pHYs and an alpha channel reports both") {
    ImageInfo i =
        accepted(make_png({.width = 5, .height = 7, .colour_type = 6, .pixels_per_metre = 11811}), "photo.PNG");
    CHECK(i.width_px == 5);
    CHECK(i.height_px == 7);
    CHECK(i.dpi_x == doctest::Approx(300.0).epsilon(0.001));
    CHECK(i.dpi_y == doctest::Approx(300.0).epsilon(0.001));
    CHECK(i.has_alpha);
}

TEST_CASE("interlaced 16-bit and palette PNGs with tRNS decode") {
    ImageInfo grey = accepted(
        make_png({.width = 33, .height = 17, .colour_type = 0, .bit_depth = 16, .interlaced = true}), "grey.png");
    CHECK(grey.width_px == 33);
    CHECK_FALSE(grey.has_alpha);
    ImageInfo palette = accepted(make_png({.colour_type = 3, .bit_depth = 1, .transparent_colour = true}), "pal.png");
    CHECK(palette.has_alpha);
}

TEST_CASE("a baseline JPEG gives its size and JFIF density") {
    ImageInfo i = accepted(
        make_jpeg({.width = 40, .height = 24, .density_unit = 1, .x_density = 300, .y_density = 150}), "img/photo.jpg");
    CHECK(i.type == ImageType::jpeg);
    CHECK(i.width_px == 40);
    CHECK(i.height_px == 24);
    CHECK(i.dpi_x == 300);
    CHECK(i.dpi_y == 150);
    CHECK_FALSE(i.has_alpha);
    CHECK_FALSE(i.progressive);
    CHECK(i.media_type() == "image/jpeg");
}

TEST_CASE("JPEG density in dots per centimetre becomes dpi, and no unit gives 0") {
    ImageInfo cm = accepted(make_jpeg({.density_unit = 2, .x_density = 100, .y_density = 100}), "a.jpeg");
    CHECK(cm.dpi_x == doctest::Approx(254.0));
    ImageInfo none = accepted(make_jpeg({}), "b.JPG");
    CHECK(none.dpi_x == 0);
}

TEST_CASE("progressive, grey and CMYK JPEGs decode") {
    ImageInfo p = accepted(make_jpeg({.width = 64, .height = 48, .progressive = true}), "p.jpg");
    CHECK(p.progressive);
    CHECK(p.width_px == 64);
    accepted(make_jpeg({.components = 1}), "grey.jpg");
    accepted(make_jpeg({.components = 4}), "cmyk.jpg");
}

TEST_CASE("a GIF gives its logical screen size and transparency") {
    ImageInfo i = accepted(test::tiny_gif(), "dot.gif");
    CHECK(i.type == ImageType::gif);
    CHECK(i.width_px == 1);
    CHECK(i.height_px == 1);
    CHECK(i.has_alpha);
    CHECK(i.media_type() == "image/gif");
}

TEST_CASE("SVG size from width and height in absolute units") {
    ImageInfo i = accepted(svg("width=\"80mm\" height=\"60mm\""), "chart.svg");
    CHECK(i.type == ImageType::svg);
    CHECK(i.width_px == 303);  // 80 mm = 302.36 CSS px, rounded up
    CHECK(i.height_px == 227);
    CHECK(i.has_alpha);
    CHECK(i.media_type() == "image/svg+xml");
    ImageInfo px = accepted(svg("width=\"120\" height=\"45.5px\""), "px.svg");
    CHECK(px.width_px == 120);
    CHECK(px.height_px == 46);
}

TEST_CASE("SVG size from the viewBox, alone or with one side given") {
    ImageInfo box = accepted(svg("viewBox=\"0 0 640 480\""), "box.svg");
    CHECK(box.width_px == 640);
    CHECK(box.height_px == 480);
    ImageInfo percent = accepted(svg("width=\"100%\" height=\"100%\" viewBox=\"0,0,200,100\""), "pc.svg");
    CHECK(percent.width_px == 200);
    CHECK(percent.height_px == 100);
    ImageInfo one = accepted(svg("width=\"400\" viewBox=\"0 0 200 100\""), "one.svg");
    CHECK(one.width_px == 400);
    CHECK(one.height_px == 200);
}

TEST_CASE("an SVG may start with a BOM, an XML declaration and comments") {
    std::string text = "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Generator: hand -->\n" +
                       svg("width=\"10\" height=\"20\"", "<use href=\"#a\"/><style>.a{fill:url(#g)}</style>");
    ImageInfo i = accepted(text, "logo.svg");
    CHECK(i.width_px == 10);
    CHECK(i.height_px == 20);
}

// --- Not the image it claims to be -----------------------------------------

TEST_CASE("a zero-byte file is empty") { refused("", "photo.jpg", "E-IMAGE-EMPTY", "'photo.jpg' is empty (0 bytes)"); }

TEST_CASE("a text file named .png is not an image") {
    refused("This is not a picture.\n", "photo.png", "E-IMAGE-NOT-IMAGE",
            "'photo.png' is not an image (it starts with text)");
    refused("<html><body>404</body></html>", "img/photo.jpg", "E-IMAGE-NOT-IMAGE",
            "'img/photo.jpg' is not an image (it starts with text)");
}

TEST_CASE("binary junk is not an image") {
    refused(std::string("\x00\x01\x02\x03", 4), "x.gif", "E-IMAGE-NOT-IMAGE",
            "'x.gif' is not an image (it does not start like a JPEG, PNG, GIF or SVG file)");
}

TEST_CASE("a JPEG named .png is a type mismatch, and the other way round") {
    refused(make_jpeg({}), "photo.png", "E-IMAGE-TYPE-MISMATCH", "'photo.png' is a JPEG image, not PNG");
    refused(make_png({}), "photo.jpg", "E-IMAGE-TYPE-MISMATCH", "'photo.jpg' is a PNG image, not JPEG");
    refused(test::tiny_gif(), "anim.svg", "E-IMAGE-TYPE-MISMATCH", "'anim.svg' is a GIF image, not SVG");
}

TEST_CASE("an image without a known extension is refused") {
    refused(make_png({}), "photo", "E-IMAGE-TYPE-MISMATCH",
            "'photo' is a PNG image, but its name does not end in .png");
    refused(make_jpeg({}), "photo.jfif", "E-IMAGE-TYPE-MISMATCH",
            "'photo.jfif' is a JPEG image, but its name does not end in .jpg or .jpeg");
}

TEST_CASE("formats galley does not take are named") {
    refused(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16), "photo.webp", "E-IMAGE-UNSUPPORTED",
            "'photo.webp' is a WebP file; images must be JPEG, PNG, GIF or SVG");
    refused("%PDF-1.7\n", "photo.png", "E-IMAGE-UNSUPPORTED",
            "'photo.png' is a PDF file; images must be JPEG, PNG, GIF or SVG");
}

// --- Damaged ---------------------------------------------------------------

TEST_CASE("a truncated PNG is damaged, wherever it is cut") {
    const std::string png = make_png({});
    const std::size_t idat = find_chunk(png, "IDAT");
    REQUIRE(idat == 33);
    refused(png.substr(0, 20), "cut.png", "E-IMAGE-CORRUPT",
            "'cut.png' is a damaged PNG image: it is truncated (the file ends inside its IHDR header)");
    refused(png.substr(0, idat + 20), "cut.png", "E-IMAGE-CORRUPT",
            "'cut.png' is a damaged PNG image: it is truncated (the file ends inside its IDAT chunk at byte 33)");
    refused(png.substr(0, find_chunk(png, "IEND")), "cut.png", "E-IMAGE-CORRUPT",
            "'cut.png' is a damaged PNG image: it is truncated (the file ends before its IEND chunk)");
}

TEST_CASE("a PNG chunk with a bad CRC is damaged") {
    std::string png = make_png({});
    const std::size_t idat = find_chunk(png, "IDAT");
    png[idat + 10] = static_cast<char>(png[idat + 10] ^ 0x55);
    refused(png, "crc.png", "E-IMAGE-CORRUPT",
            "'crc.png' is a damaged PNG image: its IDAT chunk at byte 33 fails its CRC check");
    std::string header = make_png({});
    header[17] = 9;  // width, without fixing the CRC
    refused(header, "crc.png", "E-IMAGE-CORRUPT",
            "'crc.png' is a damaged PNG image: its IHDR chunk at byte 8 fails its CRC check");
}

TEST_CASE("PNG image data that does not inflate is reported in libpng's words") {
    std::string png = make_png({});
    const std::size_t idat = find_chunk(png, "IDAT");
    png[idat + 8] = 0x00;  // the zlib header's method byte
    fix_chunk_crc(png, idat);
    refused(png, "zlib.png", "E-IMAGE-CORRUPT",
            "'zlib.png' is a damaged PNG image: its image data cannot be decoded (IDAT: incorrect header check)");
}

TEST_CASE("a PNG with a bad IHDR or without image data is damaged") {
    std::string png = make_png({});
    png[24] = 3;  // bit depth 3
    fix_chunk_crc(png, 8);
    refused(png, "depth.png", "E-IMAGE-CORRUPT", "'depth.png' is a damaged PNG image: its IHDR header is invalid");
    std::string zero = test::png_claiming(0, 10);
    refused(zero, "zero.png", "E-IMAGE-CORRUPT",
            "'zero.png' is a damaged PNG image: its header gives a size of 0x10 pixels");
}

TEST_CASE("an APNG frame larger than the image is damaged") {
    std::string png = make_png({});
    std::string frame(26, '\0');
    put_be32(frame, 4, 60000);  // width
    put_be32(frame, 8, 60000);  // height
    png.insert(find_chunk(png, "IDAT"), test::png_chunk("fcTL", frame));
    refused(png, "anim.png", "E-IMAGE-CORRUPT",
            "'anim.png' is a damaged PNG image: its animation frame at byte 33 is larger than the image");
}

TEST_CASE("a truncated JPEG is damaged") {
    const std::string jpeg = make_jpeg({.width = 64, .height = 64});
    refused(jpeg.substr(0, jpeg.size() / 2), "cut.jpg", "E-IMAGE-CORRUPT",
            "'cut.jpg' is a damaged JPEG image: it is truncated (the file ends before its end-of-image marker)");
    refused(jpeg.substr(0, 10), "cut.jpg", "E-IMAGE-CORRUPT",
            "'cut.jpg' is a damaged JPEG image: it is truncated (the file ends before its frame header)");
    refused("\xFF\xD8\xFF", "soi.jpg", "E-IMAGE-CORRUPT",
            "'soi.jpg' is a damaged JPEG image: it is truncated (the file ends before its frame header)");
}

TEST_CASE("a JPEG libjpeg cannot decode is damaged, in libjpeg's words, and the process lives") {
    std::string jpeg = make_jpeg({});
    const std::size_t dht = find_marker(jpeg, 0xC4);
    REQUIRE(dht != std::string::npos);
    for (std::size_t i = 0; i < 16; ++i) jpeg[dht + 5 + i] = static_cast<char>(0x7f);  // code counts
    refused(jpeg, "huff.jpg", "E-IMAGE-CORRUPT",
            "'huff.jpg' is a damaged JPEG image: its image data cannot be decoded (bogus Huffman table definition)");
}

TEST_CASE("a JPEG whose image data stops short of its end marker is damaged, in libjpeg's words") {
    std::string jpeg = make_jpeg({.width = 64, .height = 64});
    const std::size_t sos = find_marker(jpeg, 0xDA);
    REQUIRE(sos != std::string::npos);
    const std::size_t data =
        sos + 2 + ((static_cast<unsigned char>(jpeg[sos + 2]) << 8) | static_cast<unsigned char>(jpeg[sos + 3]));
    ProbeResult r = probe(jpeg.substr(0, data + 10) + "\xFF\xD9", "short.jpg");
    REQUIRE(std::holds_alternative<ImageProblem>(r));
    CHECK(std::get<ImageProblem>(r).code == "E-IMAGE-CORRUPT");
    CHECK(std::get<ImageProblem>(r).message ==
          "'short.jpg' is a damaged JPEG image: its image data cannot be decoded "
          "(corrupt JPEG data: premature end of data segment)");
}

TEST_CASE("arithmetic-coded and lossless JPEGs are unsupported") {
    std::string jpeg = make_jpeg({});
    const std::size_t sof = find_marker(jpeg, 0xC0);
    REQUIRE(sof != std::string::npos);
    jpeg[sof + 1] = static_cast<char>(0xC9);
    refused(jpeg, "arith.jpg", "E-IMAGE-UNSUPPORTED",
            "'arith.jpg' uses arithmetic coding, which browsers and e-book readers cannot display");
    jpeg[sof + 1] = static_cast<char>(0xC3);
    refused(jpeg, "lossless.jpg", "E-IMAGE-UNSUPPORTED",
            "'lossless.jpg' is a lossless or hierarchical JPEG, which galley cannot read");
}

TEST_CASE("GIF damage: truncated, no image, unknown block, no colours") {
    const std::string gif = test::tiny_gif();
    refused(gif.substr(0, gif.size() - 1), "cut.gif", "E-IMAGE-CORRUPT",
            "'cut.gif' is a damaged GIF image: it is truncated (the file ends before its trailer)");
    refused(gif.substr(0, 8), "cut.gif", "E-IMAGE-CORRUPT",
            "'cut.gif' is a damaged GIF image: it is truncated (the file ends inside its header)");
    refused(gif.substr(0, 19) + ";", "empty.gif", "E-IMAGE-CORRUPT",
            "'empty.gif' is a damaged GIF image: it contains no image");
    refused(gif.substr(0, 19) + "\x99;", "block.gif", "E-IMAGE-CORRUPT",
            "'block.gif' is a damaged GIF image: it has an unknown block at byte 19");
    // No global colour table (flag cleared, table bytes gone) and none on
    // the image: its colours are nowhere.
    std::string no_table = gif.substr(0, 13) + gif.substr(19);
    no_table[10] = 0;
    refused(no_table, "bare.gif", "E-IMAGE-CORRUPT",
            "'bare.gif' is a damaged GIF image: its image at byte 21 has no colour table, and the file none");
    // The first image's LZW data: what it decodes to is counted.
    std::string wide = gif;  // screen and image 2 x 1, data for one pixel
    wide[6] = 2;
    wide[32] = 2;
    refused(wide, "short.gif", "E-IMAGE-CORRUPT",
            "'short.gif' is a damaged GIF image: its first image (at byte 27) holds 1 of its 2 pixels");
    std::string garbage = gif.substr(0, 38) + std::string("\x01\x3C\x00\x3B", 4);  // clear, then code 7: no such entry
    refused(garbage, "lzw.gif", "E-IMAGE-CORRUPT",
            "'lzw.gif' is a damaged GIF image: its first image (at byte 27) is not valid LZW data");
    std::string off = gif;  // the image at x = 5 on a 1 x 1 screen
    off[28] = 5;
    refused(off, "off.gif", "E-IMAGE-CORRUPT",
            "'off.gif' is a damaged GIF image: its first image (at byte 27) lies outside its 1x1 screen");
    // The same with a local table on the image: accepted.
    std::string local = no_table.substr(0, 30) + std::string("\x80\x00\x00\x00\xff\xff\xff", 7) + no_table.substr(31);
    CHECK(accepted(local, "local.gif").width_px == 1);
}

// --- Over the budget, refused before decoding -------------------------------

TEST_CASE("a PNG header claiming 30000x30000 is refused by the budget, before any decoding") {
    refused(test::png_claiming(30000, 30000), "huge.png", "E-IMAGE-TOO-LARGE",
            "'huge.png' is 30000x30000 pixels (900.0 megapixels), over the budget of 60.0 megapixels");
}

TEST_CASE("a PNG decompression bomb (20000x20000, tiny IDAT) is refused by the budget") {
    // A real bomb: 50 MB of zero rows deflate to a few tens of KB.
    const std::string bomb =
        make_png({.width = 20000, .height = 20000, .colour_type = 0, .bit_depth = 1, .blank = true});
    CHECK(bomb.size() < 200'000);
    refused(bomb, "bomb.png", "E-IMAGE-TOO-LARGE",
            "'bomb.png' is 20000x20000 pixels (400.0 megapixels), over the budget of 60.0 megapixels");
}

TEST_CASE("a sliver within the pixel budget but over the side limit is refused") {
    refused(test::png_claiming(25000, 10), "strip.png", "E-IMAGE-TOO-LARGE",
            "'strip.png' is 25000x10 pixels, longer than the limit of 20000 pixels on a side");
}

TEST_CASE("one pixel over the budget does not print as the budget") {
    ImageLimits limits;
    limits.max_pixels = 100;
    refused(test::png_claiming(101, 1), "edge.png", "E-IMAGE-TOO-LARGE",
            "'edge.png' is 101x1 pixels (0.1 megapixels), over the budget of 0.0 megapixels", limits);
}

TEST_CASE("a JPEG header claiming 30000x30000 is refused by the budget") {
    std::string jpeg = make_jpeg({});
    const std::size_t sof = find_marker(jpeg, 0xC0);
    REQUIRE(sof != std::string::npos);
    jpeg[sof + 5] = static_cast<char>(30000 >> 8);
    jpeg[sof + 6] = static_cast<char>(30000 & 0xff);
    jpeg[sof + 7] = static_cast<char>(30000 >> 8);
    jpeg[sof + 8] = static_cast<char>(30000 & 0xff);
    refused(jpeg, "huge.jpg", "E-IMAGE-TOO-LARGE",
            "'huge.jpg' is 30000x30000 pixels (900.0 megapixels), over the budget of 60.0 megapixels");
}

TEST_CASE("a GIF screen of 60000x60000 is refused by the budget") {
    std::string gif = test::tiny_gif();
    gif[6] = gif[8] = static_cast<char>(60000 & 0xff);
    gif[7] = gif[9] = static_cast<char>(60000 >> 8);
    refused(gif, "huge.gif", "E-IMAGE-TOO-LARGE",
            "'huge.gif' is 60000x60000 pixels (3600.0 megapixels), over the budget of 60.0 megapixels");
}

TEST_CASE("a progressive JPEG with thousands of scans is refused before libjpeg sees it") {
    std::string jpeg = make_jpeg({.progressive = true});
    // Repeat the last scan (its SOS header and entropy data) 5000 times.
    const std::size_t eoi = jpeg.size() - 2;
    std::size_t last_sos = jpeg.rfind(std::string("\xFF\xDA", 2));
    REQUIRE(last_sos != std::string::npos);
    const std::string scan = jpeg.substr(last_sos, eoi - last_sos);
    std::string hostile = jpeg.substr(0, eoi);
    for (int i = 0; i < 5000; ++i) hostile += scan;
    hostile += jpeg.substr(eoi);
    refused(hostile, "scans.jpg", "E-IMAGE-TOO-MANY-SCANS",
            "'scans.jpg' is a progressive JPEG with 5010 scans; the limit is 100");
}

TEST_CASE("a baseline JPEG with repeated scans is refused too") {
    std::string jpeg = make_jpeg({});
    const std::size_t eoi = jpeg.size() - 2;
    const std::size_t sos = find_marker(jpeg, 0xDA);
    std::string hostile = jpeg.substr(0, eoi);
    for (int i = 0; i < 200; ++i) hostile += jpeg.substr(sos, eoi - sos);
    hostile += jpeg.substr(eoi);
    refused(hostile, "scans.jpg", "E-IMAGE-TOO-MANY-SCANS", "'scans.jpg' is a JPEG with 201 scans; the limit is 100");
}

TEST_CASE("a progressive JPEG that needs more memory than allowed is refused, not 'out of memory'") {
    ImageLimits limits;
    limits.max_jpeg_memory = 1024 * 1024;
    refused(make_jpeg({.width = 1024, .height = 1024, .progressive = true}), "big.jpg", "E-IMAGE-TOO-LARGE",
            "'big.jpg' needs more than 1 MB of memory to decode", limits);
}

// --- Robustness -------------------------------------------------------------

TEST_CASE("probing mutated and truncated images never crashes and always says why") {
    const std::set<std::string> codes = {"E-IMAGE-EMPTY",       "E-IMAGE-NOT-IMAGE",   "E-IMAGE-TYPE-MISMATCH",
                                         "E-IMAGE-UNSUPPORTED", "E-IMAGE-CORRUPT",     "E-IMAGE-TOO-LARGE",
                                         "E-IMAGE-TOO-MANY-SCANS", "E-IMAGE-SVG-UNSAFE", "E-IMAGE-SVG-NO-SIZE",
                                         "E-IMAGE-SVG-COMPLEX"};
    const std::pair<std::string, const char*> seeds[] = {
        {make_png({.width = 9, .height = 5, .colour_type = 6, .interlaced = true}), "a.png"},
        {make_jpeg({.width = 24, .height = 16}), "a.jpg"},
        {make_jpeg({.width = 24, .height = 16, .progressive = true}), "b.jpg"},
        {test::tiny_gif(), "a.gif"},
        {svg("width=\"10\" height=\"10\" viewBox=\"0 0 10 10\""), "a.svg"},
    };
    std::mt19937 random(20240601);
    for (const auto& [seed, name] : seeds) {
        for (int round = 0; round < 600; ++round) {
            std::string bytes = seed;
            const int edits = 1 + static_cast<int>(random() % 4);
            for (int e = 0; e < edits; ++e) bytes[random() % bytes.size()] = static_cast<char>(random() & 0xff);
            if (round % 5 == 0) bytes.resize(random() % bytes.size());
            ProbeResult r = probe(bytes, name);
            if (auto* p = std::get_if<ImageProblem>(&r)) {
                CHECK_MESSAGE(codes.count(p->code) == 1, p->code);
                CHECK_FALSE(p->message.empty());
                CHECK(p->message.find("out of memory") == std::string::npos);
            }
        }
    }
}

// --- SVG that reaches out ----------------------------------------------------

TEST_CASE("an SVG with a DOCTYPE and an external entity is refused, nothing read") {
    const std::string xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n" +
        svg("width=\"10\" height=\"10\"", "<text>&xxe;</text>");
    refused(xxe, "evil.svg", "E-IMAGE-SVG-UNSAFE",
            "'evil.svg' has a DOCTYPE; SVG images must not declare a DTD or entities");
    const std::string dtd =
        "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
        "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">" +
        svg("width=\"1\" height=\"1\"");
    refused(dtd, "dtd.svg", "E-IMAGE-SVG-UNSAFE",
            "'dtd.svg' has a DOCTYPE; SVG images must not declare a DTD or entities");
}

TEST_CASE("an SVG that uses an undeclared entity is refused") {
    refused(svg("width=\"1\" height=\"1\"", "<text>&nbsp;</text>"), "ent.svg", "E-IMAGE-SVG-UNSAFE",
            "'ent.svg' uses the entity '&nbsp;'; SVG images must not use entities");
}

TEST_CASE("an SVG with a script or an outside reference is refused") {
    refused(svg("width=\"1\" height=\"1\"", "<script>alert(1)</script>"), "s.svg", "E-IMAGE-SVG-UNSAFE",
            "'s.svg' contains a script");
    refused(svg("width=\"1\" height=\"1\" onload=\"alert(1)\""), "s.svg", "E-IMAGE-SVG-UNSAFE",
            "'s.svg' contains a script (onload)");
    refused(svg("xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"1\" height=\"1\"",
                "<image xlink:href=\"file:///etc/passwd\" width=\"1\" height=\"1\"/>"),
            "ref.svg", "E-IMAGE-SVG-UNSAFE",
            "'ref.svg' refers to 'file:///etc/passwd'; SVG images must be self-contained");
    refused(svg("width=\"1\" height=\"1\"", "<style>@import url(http://x/y.css);</style>"), "css.svg",
            "E-IMAGE-SVG-UNSAFE", "'css.svg' has a style sheet that loads something from outside the file");
    refused(svg("width=\"1\" height=\"1\"", "<rect style=\"fill:url( 'http://x/p.svg#a')\"/>"), "css.svg",
            "E-IMAGE-SVG-UNSAFE", "'css.svg' has a style that loads something from outside the file");
}

TEST_CASE("an SVG may hold only static SVG elements") {
    refused(svg("width=\"1\" height=\"1\"",
                "<foreignObject width=\"1\" height=\"1\"><iframe xmlns=\"http://www.w3.org/1999/xhtml\" "
                "src=\"http://x/\"/></foreignObject>"),
            "fo.svg", "E-IMAGE-SVG-UNSAFE", "'fo.svg' contains a <foreignObject>; SVG images must not embed other content");
    refused(svg("width=\"1\" height=\"1\"", "<a href=\"#x\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/></a>"),
            "set.svg", "E-IMAGE-SVG-UNSAFE", "'set.svg' contains an animation (<set>); SVG images must be static");
    refused(svg("width=\"1\" height=\"1\"", "<rect><animate attributeName=\"fill\" values=\"url(http://x/#a)\"/></rect>"),
            "an.svg", "E-IMAGE-SVG-UNSAFE", "'an.svg' contains an animation (<animate>); SVG images must be static");
    refused(svg("width=\"1\" height=\"1\"", "<font-face-uri href=\"#x\"/>"), "f.svg", "E-IMAGE-SVG-UNSAFE",
            "'f.svg' contains the element <font-face-uri>, which is not allowed in SVG images");
    refused(svg("width=\"1\" height=\"1\"", "<g><img xmlns=\"http://www.w3.org/1999/xhtml\" alt=\"\"/></g>"), "h.svg",
            "E-IMAGE-SVG-UNSAFE",
            "'h.svg' contains the element <img> from the namespace 'http://www.w3.org/1999/xhtml'; SVG images may "
            "hold only SVG elements");
}

TEST_CASE("references hide nowhere: other attributes, escaped CSS, image-set, xml-stylesheet, xml:base") {
    refused(svg("width=\"1\" height=\"1\"", "<metadata><object xmlns=\"http://www.w3.org/1999/xhtml\" data=\"http://x/\"/></metadata>"),
            "d.svg", "E-IMAGE-SVG-UNSAFE", "'d.svg' refers to 'http://x/'; SVG images must be self-contained");
    refused(svg("width=\"1\" height=\"1\"", "<style>rect { fill: u\\72 l(http://x/p.svg#a) }</style>"), "e.svg",
            "E-IMAGE-SVG-UNSAFE", "'e.svg' has a style sheet that loads something from outside the file");
    refused(svg("width=\"1\" height=\"1\"", "<style>rect { fill: u/**/rl(http://x/p.svg#a) }</style>"), "c.svg",
            "E-IMAGE-SVG-UNSAFE", "'c.svg' has a style sheet that loads something from outside the file");
    refused(svg("width=\"1\" height=\"1\"", "<rect style=\"background:image-set('x.png' 1x)\"/>"), "i.svg",
            "E-IMAGE-SVG-UNSAFE", "'i.svg' has a style that loads something from outside the file");
    refused(svg("width=\"1\" height=\"1\"", "<rect fill=\"url(http://x/p.svg#a)\"/>"), "p.svg", "E-IMAGE-SVG-UNSAFE",
            "'p.svg' has an attribute 'fill' that loads something from outside the file");
    refused("<?xml-stylesheet href=\"http://x/s.css\"?>" + svg("width=\"1\" height=\"1\""), "x.svg",
            "E-IMAGE-SVG-UNSAFE", "'x.svg' has an <?xml-stylesheet?> instruction, which loads a style sheet");
    refused(svg("width=\"1\" height=\"1\" xml:base=\"http://x/\""), "b.svg", "E-IMAGE-SVG-UNSAFE",
            "'b.svg' sets xml:base; SVG images must be self-contained");
}

TEST_CASE("what drawing programs write is accepted") {
    const std::string inkscape =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
        "xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" "
        "xmlns:sodipodi=\"http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd\" "
        "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:cc=\"http://creativecommons.org/ns#\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" width=\"10\" height=\"10\" inkscape:version=\"1.2\">"
        "<sodipodi:namedview id=\"n\" inkscape:zoom=\"1\"/>"
        "<metadata><rdf:RDF><cc:Work rdf:about=\"\"><dc:type rdf:resource=\"http://purl.org/dc/dcmitype/StillImage\"/>"
        "</cc:Work></rdf:RDF></metadata>"
        "<defs><linearGradient id=\"g\"><stop offset=\"0\"/></linearGradient>"
        "<filter id=\"f\"><feGaussianBlur stdDeviation=\"1\"/></filter></defs>"
        "<g inkscape:label=\"Layer 1\" inkscape:groupmode=\"layer\"><rect fill=\"url(#g)\" filter=\"url( '#f' )\" "
        "width=\"1\" height=\"1\"/><use xlink:href=\"#g\"/><text><tspan>t</tspan></text></g></svg>";
    ImageInfo i = accepted(inkscape, "drawing.svg");
    CHECK(i.width_px == 10);
}

TEST_CASE("an SVG element with too many attributes is refused before parsing") {
    std::string many;
    for (int k = 0; k < 300; ++k) many += " a" + std::to_string(k) + "=\"x\"";
    refused(svg("width=\"1\" height=\"1\"", "\n<rect" + many + "/>"), "m.svg", "E-IMAGE-SVG-UNSAFE",
            "'m.svg' has an element <rect> with 300 attributes on line 2; galley allows at most 256");
    refused("<?xml version=\"1.0\" encoding=\"UTF-7\"?>" + svg("width=\"1\" height=\"1\""), "u.svg",
            "E-IMAGE-UNSUPPORTED",
            "'u.svg' is an SVG image: the encoding 'UTF-7' is not supported; galley reads XML in UTF-8, UTF-16 and "
            "the encodings that keep markup in ASCII (ISO-8859-*, windows-125*, Shift_JIS, EUC, GB18030, Big5, KOI8)");
}

TEST_CASE("an SVG that is not well-formed or has no size is refused") {
    refused("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\">\n<g>\n</svg>", "bad.svg",
            "E-IMAGE-CORRUPT",
            "'bad.svg' is a damaged SVG image: it is not well-formed XML (line 3: opening and ending tag mismatch: g "
            "line 2 and svg)");
    refused(svg(""), "nosize.svg", "E-IMAGE-SVG-NO-SIZE",
            "'nosize.svg' gives no size: it needs a width and a height, or a viewBox");
    refused(svg("width=\"wide\" height=\"1\""), "w.svg", "E-IMAGE-CORRUPT",
            "'w.svg' is a damaged SVG image: its width 'wide' is not a valid length");
    refused("<svg width=\"1\" height=\"1\"/>", "nons.svg", "E-IMAGE-CORRUPT",
            "'nons.svg' is a damaged SVG image: its root element is not <svg> in the SVG namespace");
}

TEST_CASE("an SVG viewBox that is not a usable size is named, not taken for a missing one") {
    refused(svg("viewBox=\"0 0 1e30 1e30\""), "huge.svg", "E-IMAGE-CORRUPT",
            "'huge.svg' is a damaged SVG image: its viewBox '0 0 1e30 1e30' is not four numbers with a positive "
            "width and height of at most 1,000,000");
    refused(svg("viewBox=\"0 0 0 0\""), "zero.svg", "E-IMAGE-CORRUPT",
            "'zero.svg' is a damaged SVG image: its viewBox '0 0 0 0' is not four numbers with a positive width and "
            "height of at most 1,000,000");
}

namespace {

/// `levels` groups, each using the one before `fan` times, over `leaf`.
std::string use_pyramid(int levels, int fan, const std::string& leaf, const std::string& defs = "") {
    std::string body = "<defs>" + defs + leaf;
    for (int l = 1; l <= levels; ++l) {
        body += "<g id=\"l" + std::to_string(l) + "\">";
        for (int k = 0; k < fan; ++k) body += "<use href=\"#l" + std::to_string(l - 1) + "\"/>";
        body += "</g>";
    }
    body += "</defs><use xlink:href=\"#l" + std::to_string(levels) + "\"/>";
    return svg("xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"100\" height=\"100\"", body);
}

}  // namespace

TEST_CASE("an SVG that stands for too much drawing once its references are followed is refused") {
    const std::string leaf = "<rect id=\"l0\" width=\"1\" height=\"1\"/>";
    // 4^8 = 65,536 rectangles from a kilobyte, with the groups and <use>
    // elements between them: 1 + 1 + (8 x 4^8 - 5) / 3.
    refused(use_pyramid(8, 4, leaf), "uses.svg", "E-IMAGE-SVG-COMPLEX",
            "'uses.svg' draws 174763 elements once its <use> and url() references are followed; galley allows at most "
            "50000");
    // 10^12: counted without overflow, in a moment.
    refused(use_pyramid(12, 10, leaf), "billions.svg", "E-IMAGE-SVG-COMPLEX",
            "'billions.svg' draws 2222222222223 elements once its <use> and url() references are followed; galley "
            "allows at most 50000");
    // A blur on each of 4^4 = 256 page-sized rectangles (and in a style).
    const std::string blur = "<filter id=\"f\"><feGaussianBlur stdDeviation=\"30\"/></filter>";
    refused(use_pyramid(4, 4, "<rect id=\"l0\" width=\"100\" height=\"100\" filter=\"url(#f)\"/>", blur), "blur.svg",
            "E-IMAGE-SVG-COMPLEX",
            "'blur.svg' draws 256 elements through a filter once its references are followed; galley allows at most "
            "100");
    refused(use_pyramid(4, 4, "<rect id=\"l0\" width=\"100\" height=\"100\" style=\"filter: url('#f')\"/>", blur),
            "styled.svg", "E-IMAGE-SVG-COMPLEX",
            "'styled.svg' draws 256 elements through a filter once its references are followed; galley allows at most "
            "100");
    // A pattern that fills with itself; a group that uses itself.
    refused(svg("width=\"1\" height=\"1\"", "<pattern id=\"p\"><rect fill=\"url(#p)\"/></pattern><rect fill=\"url(#p)\"/>"),
            "pattern.svg", "E-IMAGE-SVG-COMPLEX",
            "'pattern.svg' refers to itself: an element draws one that contains it");
    refused(svg("width=\"1\" height=\"1\"", "<g id=\"g\"><use href=\"#g\"/></g>"), "loop.svg", "E-IMAGE-SVG-COMPLEX",
            "'loop.svg' refers to itself: an element draws one that contains it");
    // Within the limits, with the same shapes: accepted.
    accepted(use_pyramid(3, 4, leaf), "small.svg");
    accepted(use_pyramid(2, 4, "<rect id=\"l0\" width=\"100\" height=\"100\" filter=\"url(#f)\"/>", blur), "shadow.svg");
    ImageLimits tight;
    tight.max_svg_drawn = 10;
    refused(use_pyramid(3, 4, leaf), "tight.svg", "E-IMAGE-SVG-COMPLEX",
            "'tight.svg' draws 171 elements once its <use> and url() references are followed; galley allows at most 10",
            tight);
}

TEST_CASE("file names in messages cannot carry control characters") {
    refused("", "a\x1b[31m.png", "E-IMAGE-EMPTY", "'a\\x1b[31m.png' is empty (0 bytes)");
}

}  // namespace galley
