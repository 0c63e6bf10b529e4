#include "render_fixtures.h"

#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <jpeglib.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "support/test_support.h"

namespace galley::test {

std::filesystem::path font_file(const std::string& relative) { return source_dir() / "fonts" / relative; }

struct HandShaper::Impl {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    std::string file;
};

HandShaper::HandShaper(const std::string& relative_font) : impl_(std::make_unique<Impl>()) {
    impl_->file = font_file(relative_font).string();
    if (FT_Init_FreeType(&impl_->library) != 0 || FT_New_Face(impl_->library, impl_->file.c_str(), 0, &impl_->face) != 0)
        throw std::runtime_error("cannot load " + impl_->file);
}

HandShaper::~HandShaper() {
    if (impl_->face) FT_Done_Face(impl_->face);
    if (impl_->library) FT_Done_FreeType(impl_->library);
}

std::uint32_t HandShaper::glyph(char32_t c) const { return FT_Get_Char_Index(impl_->face, c); }

namespace {

// Decodes one UTF-8 character at s[i] (the tests write valid UTF-8).
char32_t next_char(const std::string& s, std::size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    i += static_cast<std::size_t>(n);
    return cp;
}

}  // namespace

page::GlyphRun HandShaper::run(const std::string& text, double size, double x, double y, bool ligatures) const {
    page::GlyphRun run;
    run.face = {impl_->file, 0};
    run.size = size;
    run.origin = {x, y};
    run.text = text;
    const double scale = size / impl_->face->units_per_EM;
    double pen = 0;
    static const std::array<std::pair<const char*, char32_t>, 4> kLigatures{
        {{"ffi", 0xFB03}, {"ff", 0xFB00}, {"fi", 0xFB01}, {"fl", 0xFB02}}};
    for (std::size_t i = 0; i < text.size();) {
        std::uint32_t id = 0;
        int bytes = 0;
        if (ligatures) {
            for (const auto& [seq, lig] : kLigatures) {
                std::string s = seq;
                if (text.compare(i, s.size(), s) == 0 && glyph(lig) != 0) {
                    id = glyph(lig);
                    bytes = static_cast<int>(s.size());
                    break;
                }
            }
        }
        if (bytes == 0) {
            std::size_t start = i;
            std::size_t j = i;
            id = glyph(next_char(text, j));
            bytes = static_cast<int>(j - start);
        }
        i += static_cast<std::size_t>(bytes);
        FT_Load_Glyph(impl_->face, id, FT_LOAD_NO_SCALE);
        run.glyphs.push_back({id, pen, 0});
        run.clusters.push_back({bytes, 1});
        pen += static_cast<double>(impl_->face->glyph->advance.x) * scale;
    }
    run.advance = pen;
    return run;
}

std::string solid_jpeg(int width, int height, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    jpeg_compress_struct cinfo;
    jpeg_error_mgr err;
    cinfo.err = jpeg_std_error(&err);
    jpeg_create_compress(&cinfo);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&cinfo, &buffer, &size);
    cinfo.image_width = static_cast<JDIMENSION>(width);
    cinfo.image_height = static_cast<JDIMENSION>(height);
    cinfo.input_components = 3;
    cinfo.in_color_space = JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, 95, TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    std::vector<JSAMPLE> row(static_cast<std::size_t>(width) * 3);
    for (std::size_t x = 0; x < row.size(); x += 3) {
        row[x] = r;
        row[x + 1] = g;
        row[x + 2] = b;
    }
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW rows[1] = {row.data()};
        jpeg_write_scanlines(&cinfo, rows, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    std::string out(reinterpret_cast<const char*>(buffer), size);
    std::free(buffer);
    return out;
}

std::string solid_cmyk_jpeg(int width, int height, std::uint8_t c, std::uint8_t m, std::uint8_t y, std::uint8_t k) {
    jpeg_compress_struct cinfo;
    jpeg_error_mgr err;
    cinfo.err = jpeg_std_error(&err);
    jpeg_create_compress(&cinfo);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&cinfo, &buffer, &size);
    cinfo.image_width = static_cast<JDIMENSION>(width);
    cinfo.image_height = static_cast<JDIMENSION>(height);
    cinfo.input_components = 4;
    cinfo.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&cinfo);  // writes the Adobe marker for CMYK
    jpeg_start_compress(&cinfo, TRUE);
    std::vector<JSAMPLE> row(static_cast<std::size_t>(width) * 4);
    const std::uint8_t ink[4] = {c, m, y, k};
    for (std::size_t x = 0; x < row.size(); ++x) row[x] = static_cast<JSAMPLE>(255 - ink[x % 4]);
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW rows[1] = {row.data()};
        jpeg_write_scanlines(&cinfo, rows, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    std::string out(reinterpret_cast<const char*>(buffer), size);
    std::free(buffer);
    return out;
}

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string solid_png(int width, int height, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, r / 255.0, g / 255.0, b / 255.0);
    cairo_paint(cr);
    cairo_destroy(cr);
    std::string out;
    cairo_surface_write_to_png_stream(s, append, &out);
    cairo_surface_destroy(s);
    return out;
}

// A GIF whose LZW data never grows past 3-bit codes: a clear code before
// every second pixel, so no compression is needed to write it.
std::string solid_gif(int width, int height, std::uint8_t r, std::uint8_t g, std::uint8_t b, bool transparent) {
    std::string out = "GIF89a";
    auto le16 = [&out](int v) {
        out += static_cast<char>(v & 0xFF);
        out += static_cast<char>((v >> 8) & 0xFF);
    };
    le16(width);
    le16(height);
    out += static_cast<char>(0x81);  // global colour table of 4 entries
    out += '\0';
    out += '\0';
    const std::uint8_t table[12] = {r, g, b, 0, 0, 0, 255, 255, 255, 0, 0, 0};
    out.append(reinterpret_cast<const char*>(table), sizeof table);
    if (transparent) out += std::string("!\xF9\x04\x01\x00\x00\x00\x00", 8);  // colour 0 is transparent
    out += ',';
    le16(0);
    le16(0);
    le16(width);
    le16(height);
    out += '\0';
    out += '\2';  // LZW minimum code size
    std::string data;
    unsigned bits = 0, nbits = 0;
    auto code = [&](unsigned c) {
        bits |= c << nbits;
        nbits += 3;
        while (nbits >= 8) {
            data += static_cast<char>(bits & 0xFF);
            bits >>= 8;
            nbits -= 8;
        }
    };
    const int pixels = width * height;
    for (int i = 0; i < pixels; ++i) {
        if (i % 2 == 0) code(4);  // clear
        code(0);                  // colour 0
    }
    code(5);  // end of information
    if (nbits > 0) data += static_cast<char>(bits & 0xFF);
    for (std::size_t at = 0; at < data.size(); at += 255) {
        std::string block = data.substr(at, 255);
        out += static_cast<char>(block.size());
        out += block;
    }
    out += '\0';
    out += ';';
    return out;
}

std::string solid_svg(int width, int height, const std::string& fill) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) + "\" height=\"" +
           std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
           "\"><rect width=\"100%\" height=\"100%\" fill=\"" + fill + "\"/></svg>\n";
}

namespace {

void write(const std::filesystem::path& path, const std::string& bytes) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) throw std::runtime_error("cannot write");
    std::fclose(f);
}

}  // namespace

SampleImages write_sample_images(const std::filesystem::path& dir) {
    SampleImages images{dir / "photo.jpg", dir / "chart.png", dir / "icon.gif", dir / "logo.svg"};
    write(images.jpeg, solid_jpeg(64, 48, 200, 30, 30));
    write(images.png, solid_png(20, 10, 30, 160, 30));
    write(images.gif, solid_gif(8, 8, 30, 30, 200));
    write(images.svg, solid_svg(40, 20, "#e0a000"));
    return images;
}

page::Document sample_document(const SampleImages& images) {
    using namespace page;
    HandShaper serif("charis-sil/CharisSIL-Regular.ttf");
    HandShaper italic("charis-sil/CharisSIL-Italic.ttf");
    HandShaper bold("dejavu/DejaVuSerif-Bold.ttf");
    HandShaper sans("dejavu/DejaVuSans-Bold.ttf");

    Document doc;
    doc.meta = {"The Daily Galley, 13 June 2008", "Ann Writer", "News", "police, trafficking", "galley 0.1.0",
                "2008-06-13", "en-GB"};

    Page one{595.28, 841.89, "A1", {}};
    one.items.push_back(TagBegin{TagKind::artifact, 0, "", "", ""});
    one.items.push_back(sans.run("The Daily Galley", 20, 50, 50));
    one.items.push_back(Rule{{50, 60}, {545, 60}, 1, {}});
    one.items.push_back(TagEnd{TagKind::artifact});
    one.items.push_back(TagBegin{TagKind::document, 0, "", "", ""});
    one.items.push_back(TagBegin{TagKind::article, 0, "", "", "Trafficking ring broken"});
    one.items.push_back(TagBegin{TagKind::heading, 1, "", "", ""});
    one.items.push_back(bold.run("Trafficking ring broken", 24, 50, 100));
    one.items.push_back(TagEnd{TagKind::heading});
    one.items.push_back(italic.run("By Ann Writer", 10, 50, 120));  // directly in the Art
    one.items.push_back(TagBegin{TagKind::figure, 0, "A red photograph", "", ""});
    one.items.push_back(Image{{300, 140, 240, 180}, std::nullopt, images.jpeg.string(), ImageFormat::jpeg, 64, 48});
    one.items.push_back(TagEnd{TagKind::figure});
    one.items.push_back(TagBegin{TagKind::caption, 0, "", "", ""});
    one.items.push_back(italic.run("The evidence, in red.", 8, 300, 332));
    one.items.push_back(TagEnd{TagKind::caption});
    one.items.push_back(Box{{45, 400, 240, 60}, Colour{0.9, 0.9, 0.9}, Colour{0.2, 0.2, 0.6}, 0.5});
    one.items.push_back(TagBegin{TagKind::paragraph, 0, "", "", ""});
    one.items.push_back(serif.run("Police said the trafficking case", 10, 50, 150));
    one.items.push_back(serif.run("was the largest in a decade,", 10, 50, 162));
    one.items.push_back(Link{{50, 153, 120, 12}, "https://example.org/story?a=1&b=\xC3\xA9", -1, 0});
    one.items.push_back(Link{{50, 165, 120, 12}, "", 1, 40});
    Page two{400, 600, "A2", {}};
    two.items.push_back(serif.run("and officials said more would follow.", 10, 30, 40));
    two.items.push_back(TagEnd{TagKind::paragraph});
    two.items.push_back(TagBegin{TagKind::table, 0, "", "", ""});
    two.items.push_back(TagBegin{TagKind::table_row, 0, "", "", ""});
    two.items.push_back(TagBegin{TagKind::table_cell, 0, "", "", ""});
    two.items.push_back(Image{{30, 80, 100, 50}, std::nullopt, images.png.string(), ImageFormat::png, 20, 10});
    two.items.push_back(TagEnd{TagKind::table_cell});
    two.items.push_back(TagBegin{TagKind::table_cell, 0, "", "", ""});
    two.items.push_back(Image{{150, 80, 50, 50}, Rect{150, 80, 50, 25}, images.gif.string(), ImageFormat::gif, 8, 8});
    two.items.push_back(TagEnd{TagKind::table_cell});
    two.items.push_back(TagBegin{TagKind::table_cell, 0, "", "", ""});
    two.items.push_back(Image{{220, 80, 100, 50}, std::nullopt, images.svg.string(), ImageFormat::svg, 40, 20});
    two.items.push_back(TagEnd{TagKind::table_cell});
    two.items.push_back(TagEnd{TagKind::table_row});
    two.items.push_back(TagEnd{TagKind::table});
    two.items.push_back(TagBegin{TagKind::paragraph, 0, "", "fr", ""});
    two.items.push_back(serif.run("Le trafic a baiss\xC3\xA9.", 10, 30, 160));
    two.items.push_back(TagEnd{TagKind::paragraph});
    two.items.push_back(Link{{30, 150, 100, 12}, "", 0, 100});
    two.items.push_back(TagEnd{TagKind::article});
    two.items.push_back(TagEnd{TagKind::document});

    doc.pages.push_back(std::move(one));
    doc.pages.push_back(std::move(two));
    doc.outline = {{"News", 1, 0, 0}, {"Trafficking ring broken", 2, 0, 100}, {"Continued", 2, 1, 20}};
    return doc;
}

std::string run_command(const std::string& command, int* status) {
    std::FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run " + command);
    std::string out;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    int rc = pclose(pipe);
    if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    return out;
}

bool have_tool(const std::string& tool) {
    int status = 0;
    run_command("command -v " + tool + " >/dev/null 2>&1", &status);
    return status == 0;
}

}  // namespace galley::test
