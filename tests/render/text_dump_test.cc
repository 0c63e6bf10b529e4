// The text dump golden layout tests diff: exact text for a tiny document.
#include <doctest/doctest.h>

#include "render/text_dump.h"
#include "render_fixtures.h"

namespace galley::render {

TEST_CASE("the dump of a tiny document, word for word") {
    test::HandShaper serif("charis-sil/CharisSIL-Regular.ttf");
    page::Document doc;
    doc.meta.title = "A \"tiny\" issue";
    doc.meta.lang = "en";
    page::Page p{595.276, 841.89, "1", {}};
    p.items.push_back(page::TagBegin{page::TagKind::article, 0, "", "", "Headline"});
    p.items.push_back(page::TagBegin{page::TagKind::heading, 2, "", "", ""});
    page::GlyphRun run = serif.run("Office", 9, 12.344, 56.775);
    run.advance = 25.5;
    p.items.push_back(run);
    p.items.push_back(page::TagEnd{page::TagKind::heading});
    p.items.push_back(page::TagBegin{page::TagKind::figure, 0, "Alt\ttext", "", ""});
    p.items.push_back(page::Image{{10, 20, 30, 40}, page::Rect{10, 20, 30, 20}, "/issue/images/photo.jpg",
                                  page::ImageFormat::jpeg, 800, 600});
    p.items.push_back(page::TagEnd{page::TagKind::figure});
    p.items.push_back(page::Rule{{0, 1}, {100, 1}, 0.5, page::Colour{1, 0, 0}});
    p.items.push_back(page::Box{{1, 2, 3, 4}, page::Colour{0.9, 0.9, 0.9}, std::nullopt, 0});
    p.items.push_back(page::Link{{1, 2, 3, 4}, "https://example.org/", -1, 0});
    p.items.push_back(page::Link{{1, 2, 3, 4}, "", 1, -0.001});
    p.items.push_back(page::TagEnd{page::TagKind::article});
    doc.pages.push_back(p);
    doc.pages.push_back({400, 600, "ii", {}});
    doc.outline.push_back({"Section", 1, 1, 10});

    CHECK(dump_document(doc) ==
          "document title=\"A \\\"tiny\\\" issue\" lang=en pages=2\n"
          "page 1 size=595.28x841.89 label=\"1\"\n"
          "  begin Art title=\"Headline\"\n"
          "    begin H2\n"
          "      text x=12.34 y=56.77 size=9.00 w=25.50 font=charis-sil/CharisSIL-Regular.ttf \"Office\"\n"
          "    end H2\n"
          "    begin Figure alt=\"Alt\\x09text\"\n"
          "      image x=10.00 y=20.00 w=30.00 h=40.00 jpeg 800x600px clip=10.00,20.00,30.00,20.00 \"photo.jpg\"\n"
          "    end Figure\n"
          "    rule x1=0.00 y1=1.00 x2=100.00 y2=1.00 width=0.50 colour=#ff0000\n"
          "    box x=1.00 y=2.00 w=3.00 h=4.00 fill=#e6e6e6\n"
          "    link x=1.00 y=2.00 w=3.00 h=4.00 uri=\"https://example.org/\"\n"
          "    link x=1.00 y=2.00 w=3.00 h=4.00 to page=2 y=0.00\n"
          "  end Art\n"
          "page 2 size=400.00x600.00 label=\"ii\"\n"
          "outline level=1 page=2 y=10.00 \"Section\"\n");
}

TEST_CASE("the dump names fonts outside the fonts folder by their whole path, and other faces by index") {
    page::Document doc;
    page::GlyphRun run;
    run.face = {"/opt/type/x.ttc", 2};
    run.size = 10;
    run.text = "x";
    doc.pages.push_back({100, 100, "", {run}});
    CHECK(dump_document(doc) ==
          "document pages=1\n"
          "page 1 size=100.00x100.00 label=\"\"\n"
          "  text x=0.00 y=0.00 size=10.00 w=0.00 font=/opt/type/x.ttc#2 \"x\"\n");
}

}  // namespace galley::render
