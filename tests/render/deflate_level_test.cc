// The zlib level of the PDF's streams: the scope itself, and that cairo's
// deflate really runs at kPdfDeflateLevel (its call binds to galley's
// deflateInit_), which the page's content stream shows byte for byte.
#include <doctest/doctest.h>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <zlib.h>

#include <string>
#include <thread>

#include "render/deflate_level.h"
#include "render/pdf_writer.h"
#include "render_fixtures.h"
#include "support/test_support.h"

namespace galley::render {
namespace {

std::string zlib_compress(const std::string& data, int level) {
    uLongf size = compressBound(static_cast<uLong>(data.size()));
    std::string out(size, '\0');
    REQUIRE(compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                      static_cast<uLong>(data.size()), level) == Z_OK);
    out.resize(size);
    return out;
}

std::string as_string(const std::shared_ptr<Buffer>& b) {
    return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

// The first page's content stream: as stored, and decoded.
struct Contents {
    std::string raw, decoded;
};

Contents page_contents(const std::string& pdf_path) {
    QPDF q;
    q.processFile(pdf_path.c_str());
    QPDFObjectHandle page = q.getAllPages().at(0);
    QPDFObjectHandle contents = page.getKey("/Contents");
    if (contents.isArray()) contents = contents.getArrayItem(0);
    REQUIRE(contents.getDict().getKey("/Filter").isNameAndEquals("/FlateDecode"));
    return {as_string(contents.getRawStreamData()), as_string(contents.getStreamData(qpdf_dl_generalized))};
}

}  // namespace

TEST_CASE("a DeflateLevel sets zlib's default level while it lives, nested scopes restore theirs") {
    CHECK(default_deflate_level() == Z_DEFAULT_COMPRESSION);
    {
        DeflateLevel outer(4);
        CHECK(default_deflate_level() == 4);
        {
            DeflateLevel inner(1);
            CHECK(default_deflate_level() == 1);
        }
        CHECK(default_deflate_level() == 4);
    }
    CHECK(default_deflate_level() == Z_DEFAULT_COMPRESSION);
}

TEST_CASE("deflateInit with the default level takes the scope's, an explicit level is kept") {
    // A text long and repetitive enough that levels 1, 4 and 6 differ.
    std::string text;
    for (int i = 0; i < 400; ++i)
        text += "[(t)-37(o )-170(u)-38(p)-37(g)-38(r)-37(a)-38(d)-37(e )" + std::to_string(i * 7 % 113) + "]TJ\n";
    auto stream_deflate = [&](int level) {
        z_stream z{};
        REQUIRE(deflateInit(&z, level) == Z_OK);
        std::string out(deflateBound(&z, static_cast<uLong>(text.size())), '\0');
        z.next_in = reinterpret_cast<Bytef*>(text.data());
        z.avail_in = static_cast<uInt>(text.size());
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = static_cast<uInt>(out.size());
        REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
        out.resize(z.total_out);
        deflateEnd(&z);
        return out;
    };
    REQUIRE(zlib_compress(text, 4) != zlib_compress(text, 6));
    REQUIRE(zlib_compress(text, 1) != zlib_compress(text, 4));
    CHECK(stream_deflate(Z_DEFAULT_COMPRESSION) == zlib_compress(text, 6));
    DeflateLevel scope(4);
    CHECK(stream_deflate(Z_DEFAULT_COMPRESSION) == zlib_compress(text, 4));
    CHECK(stream_deflate(1) == zlib_compress(text, 1));
    // Another thread keeps zlib's default while this one is in a scope.
    std::string elsewhere;
    std::thread([&] { elsewhere = stream_deflate(Z_DEFAULT_COMPRESSION); }).join();
    CHECK(elsewhere == zlib_compress(text, 6));
}

TEST_CASE("cairo compresses the PDF's page contents at kPdfDeflateLevel, not zlib's default") {
    test::TempDir dir;
    test::HandShaper shaper("charis-sil/CharisSIL-Regular.ttf");
    page::Document doc;
    page::Page p{400, 600, "1", {}};
    // Letter-spaced lines, as justified columns have them: a number in the
    // content stream for every glyph.
    for (int line = 0; line < 45; ++line) {
        page::GlyphRun run = shaper.run("the committee will decide on line " + std::to_string(line), 9, 20,
                                        20 + 12.0 * line);
        for (std::size_t g = 0; g < run.glyphs.size(); ++g) run.glyphs[g].x += 0.3f * static_cast<float>(g);
        p.items.push_back(std::move(run));
    }
    doc.pages.push_back(p);
    const std::filesystem::path target = dir.path() / "text.pdf";
    Diagnostics diags;
    REQUIRE(write_pdf(doc, PdfOptions{}, target, diags));
    REQUIRE_FALSE(diags.has_errors());
    CHECK(default_deflate_level() == Z_DEFAULT_COMPRESSION);  // the scope ended with the drawing

    const Contents c = page_contents(target.string());
    REQUIRE(c.decoded.size() > 4000);
    REQUIRE(zlib_compress(c.decoded, kPdfDeflateLevel) != zlib_compress(c.decoded, 6));
    CHECK(c.raw == zlib_compress(c.decoded, kPdfDeflateLevel));
}

}  // namespace galley::render
