// The NITF reader on each edge of real NITF: namespaces, encodings, media,
// quotes, lists, tables, unknown markup, dates, ids, languages, and the
// errors it cannot read past. Every diagnostic is asserted word for word.
#include <doctest/doctest.h>

#include "read/read_test_support.h"


namespace model = galley::model;
using galley::test::read_for_test;
using galley::test::TempDir;

namespace {

// A story whose body.content starts on line 6.
std::string nitf(const std::string& content, const std::string& root_attrs = " xml:lang=\"en\"",
                 const std::string& head = "<docdata><doc-id id-string=\"story\"/><date.issue norm=\"20080613\"/></docdata>",
                 const std::string& body_head = "<hedline><hl1>Headline</hl1></hedline>",
                 const std::string& body_end = "") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<nitf" + root_attrs + ">\n"
           "<head>" + head + "</head>\n"
           "<body><body.head>" + body_head + "</body.head>\n"
           "<body.content>\n" +
           content + "\n</body.content>" + body_end + "</body></nitf>\n";
}

// An issue folder holding story.xml and a real PNG at img/photo.png.
struct Story {
    TempDir t;
    std::filesystem::path root;
    explicit Story(const std::string& xml) : root(t.path() / "issue") {
        t.write("issue/img/photo.png", galley::test::tiny_png());
        t.write("issue/story.xml", xml);
    }
    galley::test::ReadOutcome read() const { return read_for_test(root, root); }
};

// Diagnostic lines, one per line, so a failed check shows them all.
std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const std::string& l : lines) s += "\n" + l;
    return s;
}

const model::Article& only_article(const galley::test::ReadOutcome& r) {
    REQUIRE(r.result.issue);
    REQUIRE(r.result.issue->article_count() == 1);
    return r.result.issue->sections[0].articles[0];
}

std::string text_of(const model::Block& b) {
    if (auto* p = std::get_if<model::Paragraph>(&b.node)) return model::plain_text(p->content);
    if (auto* s = std::get_if<model::Subhead>(&b.node)) return model::plain_text(s->content);
    return "(not text)";
}

}  // namespace

TEST_CASE("NITF is read with its namespace, without one, and with a prefix") {
    for (const std::string& attrs :
         {std::string(" xml:lang=\"en\""), std::string(" xmlns=\"http://iptc.org/std/NITF/2006-10-18/\" xml:lang=\"en\""),
          std::string(" xmlns=\"http://iptc.org/std/NITF/2003-10-10/\" xml:lang=\"en\"")}) {
        Story s(nitf("<p>One <em>two</em>.</p>", attrs));
        auto r = s.read();
        CHECK(r.lines.empty());
        const model::Article& a = only_article(r);
        CHECK(a.id == "story");
        CHECK(a.lang == "en");
        CHECK(a.meta.published == "2008-06-13");
        CHECK(model::plain_text(a.head.headline) == "Headline");
        REQUIRE(a.body.size() == 1);
        CHECK(text_of(a.body[0]) == "One two.");
    }
    Story prefixed(
        "<n:nitf xmlns:n=\"http://iptc.org/std/NITF/2006-10-18/\" xml:lang=\"en\"><n:head><n:docdata>"
        "<n:date.issue norm=\"20080613\"/></n:docdata></n:head><n:body><n:body.head><n:hedline>"
        "<n:hl1>H</n:hl1></n:hedline></n:body.head><n:body.content><n:p>Text.</n:p></n:body.content></n:body></n:nitf>");
    auto r = prefixed.read();
    CHECK(joined(r.lines) == joined({"story.xml:1: warning: no <doc-id id-string>: the article id 'story' comes "
                                     "from the file name [W-NITF-ID]"}));
    CHECK(text_of(only_article(r).body[0]) == "Text.");
}

TEST_CASE("a nitf root in a namespace that is not NITF's is read with a warning") {
    Story s(nitf("<p>Text.</p>", " xmlns=\"urn:example:stories\" xml:lang=\"en\""));
    auto r = s.read();
    CHECK(joined(r.lines) == joined({
                         "story.xml:2: warning: <nitf> is in the namespace 'urn:example:stories', which is not NITF's: "
                         "read as NITF all the same [W-NITF-NAMESPACE]"}));
    CHECK(text_of(only_article(r).body[0]) == "Text.");
}

TEST_CASE("a declared ISO-8859-1 NITF file is converted, an undeclared one is an error") {
    std::string latin = nitf("<p>Caf\xE9 cr\xE8" "me \xE0 la gare, 20\xB0" "C.</p>");
    latin.replace(latin.find("UTF-8"), 5, "ISO-8859-1");
    Story s(latin);
    auto r = s.read();
    CHECK(r.lines.empty());
    CHECK(text_of(only_article(r).body[0]) == "Caf\xC3\xA9 cr\xC3\xA8me \xC3\xA0 la gare, 20\xC2\xB0" "C.");

    std::string undeclared = nitf("<p>Caf\xE9.</p>");
    undeclared.replace(undeclared.find(" encoding=\"UTF-8\""), 17, "");
    Story bad(undeclared);
    auto rb = bad.read();
    REQUIRE_FALSE(rb.lines.empty());
    CHECK(rb.lines[0].find("story.xml:6:") == 0);
    CHECK(rb.lines[0].find("[E-XML-MALFORMED]") != std::string::npos);
    CHECK_FALSE(rb.result.issue);
    CHECK(rb.result.failed_articles == std::vector<std::string>{"story.xml"});
}

TEST_CASE("media with caption and producer becomes a figure, the first before any paragraph the lead") {
    Story s(nitf("<media media-type=\"image\">\n"
                 "<media-reference source=\"img/photo.png\" mime-type=\"image/png\" alternate-text=\" A  boat \"/>\n"
                 "<media-caption>The <em>ferry</em> at dawn.</media-caption>\n"
                 "<media-producer>Photo: Dara Keo</media-producer></media>\n"
                 "<p>Text.</p>\n"
                 "<media><media-reference source=\"img/photo.png\" source-credit=\"Agency\"/>\n"
                 "<media-caption>Second.</media-caption></media>"));
    auto r = s.read();
    CHECK(joined(r.lines) == joined({"story.xml:11: warning: image 'img/photo.png' has no alt text; readers "
                                              "who cannot see it will miss it [W-ALT-MISSING]"}));
    const model::Article& a = only_article(r);
    REQUIRE(a.body.size() == 3);
    const auto& lead = std::get<model::Figure>(a.body[0].node);
    CHECK(lead.placement == model::Placement::lead);
    CHECK(lead.image.path == "img/photo.png");
    CHECK(lead.image.format == model::ImageFormat::png);
    CHECK(lead.image.alt == "A boat");
    CHECK(model::plain_text(lead.caption) == "The ferry at dawn.");
    CHECK(model::plain_text(lead.credit) == "Photo: Dara Keo");
    CHECK(a.body[0].where.line == 6);
    const auto& second = std::get<model::Figure>(a.body[2].node);
    CHECK(second.placement == model::Placement::inline_);
    CHECK(model::plain_text(second.credit) == "Agency");
}

TEST_CASE("media paths go through the same refusals as any image") {
    Story s(nitf("<p>Text.</p>\n<media><media-reference source=\"../secret.png\" alternate-text=\"x\"/></media>\n"
                 "<media><media-reference source=\"http://example.com/a.jpg\" alternate-text=\"x\"/></media>\n"
                 "<media><media-reference source=\"img/missing.jpg\" alternate-text=\"x\"/></media>"));
    s.t.write("secret.png", galley::test::tiny_png());
    auto r = s.read();
    CHECK(joined(r.lines) == joined({
                         "story.xml:7: error: image path '../secret.png' leaves the issue folder [E-PATH-ESCAPES]",
                         "story.xml:8: error: image path 'http://example.com/a.jpg' is a URL; only files inside the "
                         "issue folder can be used [E-PATH-URL]",
                         "story.xml:9: error: image path 'img/missing.jpg' does not exist [E-PATH-NOT-FOUND]"}));
    CHECK(r.result.failed_articles == std::vector<std::string>{"story.xml"});
}

TEST_CASE("media that is not a picture keeps its caption as a paragraph") {
    Story s(nitf("<p>Text.</p>\n<media media-type=\"video\"><media-reference source=\"v.mp4\" mime-type=\"video/mp4\"/>"
                 "<media-caption>Watch the launch.</media-caption></media>\n"
                 "<media media-type=\"audio\"><media-reference source=\"a.mp3\"/></media>"));
    auto r = s.read();
    CHECK(joined(r.lines) == joined({
                         "story.xml:7: warning: <media media-type=\"video\"> is not a picture: its caption is kept as "
                         "a paragraph [W-NITF-UNMAPPED]",
                         "story.xml:8: warning: <media media-type=\"audio\"> is not a picture: left out "
                         "[W-NITF-UNMAPPED]"}));
    const model::Article& a = only_article(r);
    REQUIRE(a.body.size() == 2);
    CHECK(text_of(a.body[1]) == "Watch the launch.");
}

TEST_CASE("bq with credit becomes a blockquote with its attribution") {
    Story s(nitf("<bq><block><p>First.</p><p>Second.</p></block><credit>A <em>source</em></credit></bq>\n"
                 "<bq quote-source=\"The minister\"><p>Third.</p></bq>\n"
                 "<bq>Said plainly.<credit>Someone</credit></bq>"));
    auto r = s.read();
    CHECK(r.lines.empty());
    const model::Article& a = only_article(r);
    REQUIRE(a.body.size() == 3);
    const auto& q1 = std::get<model::Blockquote>(a.body[0].node).quote;
    REQUIRE(q1.paragraphs.size() == 2);
    CHECK(model::plain_text(q1.paragraphs[1].content) == "Second.");
    CHECK(model::plain_text(q1.attribution) == "A source");
    CHECK(model::plain_text(std::get<model::Blockquote>(a.body[1].node).quote.attribution) == "The minister");
    const auto& q3 = std::get<model::Blockquote>(a.body[2].node).quote;
    REQUIRE(q3.paragraphs.size() == 1);
    CHECK(model::plain_text(q3.paragraphs[0].content) == "Said plainly.");
    CHECK(model::plain_text(q3.attribution) == "Someone");
}

TEST_CASE("ol, ul and dl become lists, nested lists are flattened with a warning") {
    Story s(nitf("<ol><li>one</li><li>two <em>2</em></li></ol>\n"
                 "<ul><li>a\n<ul><li>a.1</li><li>a.2</li></ul></li><li><p>b</p></li></ul>\n"
                 "<dl><dt>Term</dt><dd>Definition.</dd></dl>"));
    auto r = s.read();
    CHECK(joined(r.lines) == joined({
                         "story.xml:8: warning: a list inside a list item: galley's lists do not nest, so its items "
                         "follow the item [W-NITF-UNMAPPED]",
                         "story.xml:9: warning: <dl> has no counterpart in galley: read as a bulleted list of terms and "
                         "definitions [W-NITF-UNMAPPED]"}));
    const model::Article& a = only_article(r);
    REQUIRE(a.body.size() == 3);
    const auto& ol = std::get<model::List>(a.body[0].node);
    CHECK(ol.type == model::ListType::number);
    REQUIRE(ol.items.size() == 2);
    CHECK(model::plain_text(ol.items[1]) == "two 2");
    const auto& ul = std::get<model::List>(a.body[1].node);
    CHECK(ul.type == model::ListType::bullet);
    REQUIRE(ul.items.size() == 4);
    CHECK(model::plain_text(ul.items[0]) == "a");
    CHECK(model::plain_text(ul.items[2]) == "a.2");
    CHECK(model::plain_text(ul.items[3]) == "b");
    const auto& dl = std::get<model::List>(a.body[2].node);
    REQUIRE(dl.items.size() == 1);
    CHECK(model::plain_text(dl.items[0]) == "Term Definition.");
}

TEST_CASE("tables: header rows, th rows, alignment, tfoot and merged cells") {
    Story s(nitf("<table><caption>Prices</caption><col width=\"20\"/>\n"
                 "<thead><tr><th>Item</th><th align=\"right\">Price</th></tr></thead>\n"
                 "<tbody><tr><td>Rice</td><td align=\"right\">1.20</td></tr>\n"
                 "<tr><td colspan=\"2\">Prices in dollars</td></tr></tbody>\n"
                 "<tfoot><tr><td>Total</td><td align=\"right\">1.20</td></tr></tfoot></table>\n"
                 "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td rowspan=\"2\">2</td></tr></table>"));
    auto r = s.read();
    CHECK(joined(r.lines) == joined({
                         "story.xml:9: warning: a table cell spans 2 columns: galley has no merged cells, so empty "
                         "cells follow it [W-NITF-TABLE]",
                         "story.xml:11: warning: a table cell spans rows: galley has no merged cells, so the cell "
                         "stands in its first row only [W-NITF-TABLE]"}));
    const model::Article& a = only_article(r);
    REQUIRE(a.body.size() == 2);
    const auto& t = std::get<model::Table>(a.body[0].node);
    CHECK(model::plain_text(t.caption) == "Prices");
    REQUIRE(t.head);
    CHECK(t.head->cells[1].align == model::Align::right);
    REQUIRE(t.rows.size() == 3);
    REQUIRE(t.rows[1].cells.size() == 2);
    CHECK(model::plain_text(t.rows[1].cells[0].content) == "Prices in dollars");
    CHECK(model::plain_text(t.rows[1].cells[1].content).empty());
    CHECK(model::plain_text(t.rows[2].cells[0].content) == "Total");
    const auto& t2 = std::get<model::Table>(a.body[1].node);
    REQUIRE(t2.head);
    CHECK(model::plain_text(t2.head->cells[0].content) == "A");
    CHECK(t2.rows.size() == 1);
}

TEST_CASE("unknown elements keep their text and are reported once per kind, at their lines") {
    Story s(nitf("<p>The <widget>first</widget> one.</p>\n"
                 "<gallery><caption>A gallery</caption></gallery>\n"
                 "<p>Then <widget>second</widget> and <widget>third</widget>.</p>\n"
                 "<p><b>Bold</b> and <person>Ann</person> at <chron norm=\"2008\">noon</chron>.</p>\n"
                 "<fn><p>A footnote.</p></fn>\n"
                 "<x:note xmlns:x=\"urn:x\">Foreign.</x:note>"));
    auto r = s.read();
    CHECK(joined(r.lines) == joined({
                         "story.xml:6: warning: <widget> is not NITF markup galley knows: its text is kept (3 times; "
                         "also at lines 8 and 8) [W-NITF-UNMAPPED]",
                         "story.xml:7: warning: <caption> is not NITF markup galley knows: its text is kept "
                         "[W-NITF-UNMAPPED]",
                         "story.xml:7: warning: <gallery> is not NITF markup galley knows: its text is kept as a "
                         "paragraph [W-NITF-UNMAPPED]",
                         "story.xml:9: warning: <b> is HTML, not NITF: read as <strong> [W-NITF-UNMAPPED]",
                         "story.xml:10: warning: <fn> (a footnote) has no counterpart in galley: its text is kept as a "
                         "paragraph [W-NITF-UNMAPPED]",
                         "story.xml:11: warning: <x:note> is not NITF markup: its text is kept as a paragraph "
                         "[W-NITF-UNMAPPED]"}));
    const model::Article& a = only_article(r);
    REQUIRE(a.body.size() == 6);
    CHECK(text_of(a.body[0]) == "The first one.");
    CHECK(text_of(a.body[1]) == "A gallery");
    CHECK(text_of(a.body[2]) == "Then second and third.");
    CHECK(text_of(a.body[3]) == "Bold and Ann at noon.");
    const auto& p = std::get<model::Paragraph>(a.body[3].node);
    CHECK(std::holds_alternative<model::Strong>(p.content[0].node));
    CHECK(text_of(a.body[4]) == "A footnote.");
    CHECK(text_of(a.body[5]) == "Foreign.");
    CHECK(a.body[5].where.line == 11);
}

TEST_CASE("head metadata galley cannot use is gathered into one warning") {
    Story s(nitf("<p>Text.</p>", " xml:lang=\"en\"",
                 "<tobject tobject.type=\"news\"/><meta name=\"a\" content=\"1\"/><meta name=\"b\" content=\"2\"/>"
                 "<docdata><doc-id id-string=\"story\"/><fixture fix-id=\"x\"/><date.issue norm=\"20080613\"/>"
                 "</docdata>"));
    auto r = s.read();
    CHECK(joined(r.lines) == joined({"story.xml:3: warning: metadata galley has no place for was left out: "
                                              "<tobject>, <meta> (2 times), <fixture> [W-NITF-UNMAPPED]"}));
}

TEST_CASE("dates in several formats become xs:date or xs:dateTime") {
    struct Case {
        std::string norm, published, warning;
    };
    for (const Case& c : std::vector<Case>{
             {"20080613T120000+0700", "2008-06-13T12:00:00+07:00", ""},
             {"20080613T050000Z", "2008-06-13T05:00:00Z", ""},
             {"2008-06-13T12:00:00+07:00", "2008-06-13T12:00:00+07:00", ""},
             {"2008-06-13T12:00+07:00", "2008-06-13T12:00:00+07:00", ""},
             {"20080613", "2008-06-13", ""},
             {"2008-06-13", "2008-06-13", ""},
             {"Fri, 13 Jun 2008 12:00:00 +0700", "2008-06-13T12:00:00+07:00",
              "story.xml:3: warning: <date.issue norm> 'Fri, 13 Jun 2008 12:00:00 +0700' is not ISO 8601: read as "
              "2008-06-13T12:00:00+07:00 [W-NITF-DATE]"},
             {"June 13, 2008", "2008-06-13",
              "story.xml:3: warning: <date.issue norm> 'June 13, 2008' is not ISO 8601: read as 2008-06-13 "
              "[W-NITF-DATE]"},
             {"13 June 2008", "2008-06-13",
              "story.xml:3: warning: <date.issue norm> '13 June 2008' is not ISO 8601: read as 2008-06-13 "
              "[W-NITF-DATE]"},
         }) {
        CAPTURE(c.norm);
        Story s(nitf("<p>Text.</p>", " xml:lang=\"en\"",
                     "<docdata><doc-id id-string=\"story\"/><date.issue norm=\"" + c.norm + "\"/></docdata>"));
        auto r = s.read();
        CHECK(only_article(r).meta.published == c.published);
        CHECK(r.lines == (c.warning.empty() ? std::vector<std::string>{} : std::vector<std::string>{c.warning}));
    }
}

TEST_CASE("a date that cannot be read is reported and the next source is used") {
    Story s(nitf("<p>Text.</p>", " xml:lang=\"en\"",
                 "<docdata><doc-id id-string=\"story\"/><date.issue norm=\"20080230\"/>"
                 "<date.release norm=\"soon\"/></docdata><pubdata date.publication=\"20080614\"/>"));
    auto r = s.read();
    CHECK(joined(r.lines) == joined({
                         "story.xml:3: warning: <date.issue norm> '20080230' is not a date galley understands: left "
                         "out (2 times; also at line 3) [W-NITF-DATE]"}));
    CHECK(only_article(r).meta.published == "2008-06-14");
}

TEST_CASE("a folder of NITF stories without any date asks for an issue.xml") {
    Story s(nitf("<p>Text.</p>", " xml:lang=\"en\"", "<docdata><doc-id id-string=\"story\"/></docdata>"));
    auto r = read_for_test(s.root, s.t.path());
    CHECK(joined(r.lines) == joined({"issue/: error: no article has a <published> date, so the issue has "
                                              "none; add an issue.xml with a <date> [E-ISSUE-NO-DATE]"}));
}

TEST_CASE("doc-id is made to fit the id pattern, and without one the file name gives the id") {
    Story s(nitf("<p>Text.</p>", " xml:lang=\"en\"",
                 "<docdata><doc-id regsrc=\"AP\" id-string=\"AP_2008/06/13 Flood--Warning\"/>"
                 "<date.issue norm=\"20080613\"/></docdata>"));
    auto r = s.read();
    CHECK(joined(r.lines) == joined({"story.xml:3: warning: doc-id 'AP_2008/06/13 Flood--Warning' does not fit "
                                              "galley's id pattern: the article id is 'ap-2008-06-13-flood-warning' "
                                              "[W-NITF-ID]"}));
    CHECK(only_article(r).id == "ap-2008-06-13-flood-warning");

    TempDir t;
    t.write("issue/Wire Story_07.xml",
            nitf("<p>Text.</p>", " xml:lang=\"en\"", "<docdata><date.issue norm=\"20080613\"/></docdata>"));
    auto r2 = read_for_test(t.path() / "issue", t.path() / "issue");
    CHECK(joined(r2.lines) == joined({"Wire Story_07.xml:2: warning: no <doc-id id-string>: the article id "
                                               "'wire-story-07' comes from the file name [W-NITF-ID]"}));
    CHECK(only_article(r2).id == "wire-story-07");
}

TEST_CASE("the language comes from the nitf element, head/meta or the issue, and other languages become spans") {
    Story s(nitf("<p>Hello <lang xml:lang=\"km\">សួស្តី</lang>.</p>\n<p xml:lang=\"fr\">Bonjour.</p>\n"
                 "<block xml:lang=\"de\"><p>Hallo.</p></block>",
                 " xml:lang=\"en-GB\""));
    auto r = s.read();
    CHECK(r.lines.empty());
    const model::Article& a = only_article(r);
    CHECK(a.lang == "en-GB");
    CHECK(r.result.issue->lang == "en-GB");
    const auto& p0 = std::get<model::Paragraph>(a.body[0].node);
    REQUIRE(p0.content.size() == 3);
    CHECK(std::get<model::Span>(p0.content[1].node).lang == "km");
    for (std::size_t i : {1u, 2u}) {
        const auto& p = std::get<model::Paragraph>(a.body[i].node);
        REQUIRE(p.content.size() == 1);
        CHECK(std::get<model::Span>(p.content[0].node).lang == (i == 1 ? "fr" : "de"));
    }

    Story meta(nitf("<p>Text.</p>", "", "<meta name=\"language\" content=\"km\"/>"
                                         "<docdata><doc-id id-string=\"story\"/><date.issue norm=\"20080613\"/></docdata>"));
    auto rm = meta.read();
    CHECK(rm.lines.empty());
    CHECK(only_article(rm).lang == "km");

    TempDir t;
    t.write("issue/issue.xml", "<issue id=\"i\" xml:lang=\"km\"><publication>P</publication><date>2008-06-13</date>"
                               "<section title=\"S\"><article src=\"story.xml\"/></section></issue>");
    t.write("issue/story.xml", nitf("<p>Text.</p>", ""));
    auto ri = read_for_test(t.path() / "issue", t.path() / "issue");
    CHECK(joined(ri.lines) ==
          joined({"story.xml:2: warning: no language given (xml:lang or baselang on <nitf>, xml:lang on <head> or "
                  "<body>, <meta name=\"language\">): the article takes the issue's [W-NITF-LANG]"}));
    CHECK(only_article(ri).lang == "km");

    // baselang, and the underscores some systems write.
    Story base(nitf("<p>Text <lang xml:lang=\"fr_CA\">oui</lang> <lang xml:lang=\"not a tag\">x</lang>.</p>",
                    " baselang=\"en_US\""));
    auto rb = base.read();
    CHECK(joined(rb.lines) ==
          joined({"story.xml:2: warning: language 'en_US' read as 'en-US' [W-NITF-LANG]",
                  "story.xml:6: warning: xml:lang 'fr_CA' read as 'fr-CA' [W-NITF-LANG]",
                  "story.xml:6: warning: xml:lang 'not a tag' is not a language tag: the text is kept without it "
                  "[W-NITF-LANG]"}));
    const model::Article& ab = only_article(rb);
    CHECK(ab.lang == "en-US");
    const auto& pb = std::get<model::Paragraph>(ab.body[0].node);
    CHECK(std::get<model::Span>(pb.content[1].node).lang == "fr-CA");
    CHECK(model::plain_text(pb.content) == "Text oui x.");
}

TEST_CASE("headline, deck, subheads, byline, dateline, abstract, tagline and end matter") {
    Story s(nitf("<hl2>First part</hl2><p>Text <a href=\"HTTPS://example.com/x\">here</a>, "
                 "<a href=\"ftp://example.com/f\">there</a>.</p>\n"
                 "<note type=\"npa\"><body.content><p>Not for print.</p></body.content></note>\n"
                 "<note noteclass=\"correction\"><body.content><p>A name was misspelt.</p></body.content></note>",
                 " xml:lang=\"en\"",
                 "<docdata><doc-id id-string=\"story\"/><date.issue norm=\"20080613\"/>"
                 "<urgency ed-urg=\"8\"/><doc.copyright year=\"2008\" holder=\"The Post\"/></docdata>"
                 "<pubdata position.section=\" City \"/>",
                 "<hedline><hl1>Main</hl1><hl2>Deck one</hl2><hl2>deck two</hl2></hedline>"
                 "<byline>By <person>Ann Lee</person><byttl>Staff</byttl></byline><distributor>Wire</distributor>"
                 "<dateline><location>KAMPOT</location></dateline><abstract><p>Unused.</p></abstract>"
                 "<series series.name=\"Coast\"/>",
                 "<body.end><tagline>Ann Lee reports.</tagline>"
                 "<bibliography>See the 2007 report.</bibliography></body.end>"));
    auto r = s.read();
    CHECK(joined(r.lines) == joined({
                         "story.xml:4: warning: a second <hl2> in <hedline>: its text is added to the deck "
                         "[W-NITF-UNMAPPED]",
                         "story.xml:4: warning: <abstract> is not used: the deck comes from <hl2>, and galley has one "
                         "[W-NITF-UNMAPPED]",
                         "story.xml:6: warning: link 'ftp://example.com/f' is not an http, https or mailto URL: its "
                         "text is kept without the link [W-NITF-LINK]",
                         "story.xml:7: warning: <note type=\"npa\"> is not for publication: left out [W-NITF-UNMAPPED]",
                         "story.xml:9: warning: <bibliography> in <body.end> has no counterpart in galley: its text is "
                         "kept as the last paragraph [W-NITF-UNMAPPED]"}));
    const model::Article& a = only_article(r);
    CHECK(model::plain_text(a.head.headline) == "Main");
    CHECK(model::plain_text(a.head.deck) == "Deck one deck two");
    CHECK(model::plain_text(a.head.kicker) == "Coast");
    REQUIRE(a.head.bylines.size() == 2);
    CHECK(model::plain_text(a.head.bylines[0]) == "By Ann Lee, Staff");
    CHECK(std::get<model::Person>(a.head.bylines[0][1].node).role == model::PersonRole::author);
    CHECK(model::plain_text(a.head.bylines[1]) == "Wire");
    CHECK(model::plain_text(a.head.dateline) == "KAMPOT");
    CHECK(a.meta.section == "City");
    CHECK(a.meta.priority == 5);
    CHECK(model::plain_text(a.meta.rights) == "\u00A9 2008 The Post");
    REQUIRE(a.body.size() == 3);
    CHECK(std::holds_alternative<model::Subhead>(a.body[0].node));
    const auto& p = std::get<model::Paragraph>(a.body[1].node);
    CHECK(std::get<model::Link>(p.content[1].node).href == "https://example.com/x");
    CHECK(model::plain_text(p.content) == "Text here, there.");
    CHECK(text_of(a.body[2]) == "See the 2007 report.");
    CHECK(model::plain_text(a.end.tagline) == "Ann Lee reports.");
    REQUIRE(a.end.corrections.size() == 1);
    CHECK(model::plain_text(a.end.corrections[0]) == "A name was misspelt.");
}

TEST_CASE("a NITF story without a headline or without text is an error and is left out") {
    Story s(nitf("<p>  </p>", " xml:lang=\"en\"",
                 "<docdata><doc-id id-string=\"story\"/><date.issue norm=\"20080613\"/></docdata>", ""));
    auto r = s.read();
    CHECK(joined(r.lines) == joined({
                         "story.xml:4: error: the story has no headline: no <hl1> in <body.head>/<hedline> and no "
                         "<title> in <head> [E-NITF-NO-HEADLINE]",
                         "story.xml:4: error: the story has no text: <body.content> holds no paragraph, list, table or "
                         "picture [E-NITF-EMPTY]"}));
    CHECK(r.result.failed_articles == std::vector<std::string>{"story.xml"});

    // head/title stands in for a missing hl1.
    Story titled(nitf("<p>Text.</p>", " xml:lang=\"en\"",
                      "<title>From the title</title><docdata><doc-id id-string=\"story\"/>"
                      "<date.issue norm=\"20080613\"/></docdata>",
                      ""));
    auto rt = titled.read();
    CHECK(rt.lines.empty());
    CHECK(model::plain_text(only_article(rt).head.headline) == "From the title");
}

TEST_CASE("NITF files sit beside galley articles, in a manifest or given alone") {
    TempDir t;
    t.write("issue/issue.xml", "<issue id=\"i\" xml:lang=\"en\"><publication>P</publication><date>2008-06-13</date>"
                               "<section title=\"S\"><article src=\"wire/story.xml\"/><article src=\"own.xml\"/>"
                               "</section></issue>");
    t.write("issue/wire/story.xml", nitf("<p>Wire text.</p>"));
    t.write("issue/own.xml", galley::test::article_xml("own"));
    auto r = read_for_test(t.path() / "issue", t.path() / "issue");
    CHECK(r.lines.empty());
    REQUIRE(r.result.issue);
    REQUIRE(r.result.issue->sections[0].articles.size() == 2);
    CHECK(r.result.issue->sections[0].articles[0].id == "story");
    CHECK(r.result.issue->sections[0].articles[0].file == "wire/story.xml");

    auto single = read_for_test(t.path() / "issue/wire/story.xml", t.path() / "issue");
    CHECK(single.lines.empty());
    REQUIRE(single.result.issue);
    CHECK(single.result.issue->sections[0].articles[0].id == "story");
}

TEST_CASE("a note in body.head is set before the text and the first media is still the lead") {
    Story s(nitf("<media><media-reference source=\"img/photo.png\" alternate-text=\"A photo\"/></media>\n<p>Text.</p>",
                 " xml:lang=\"en\"",
                 "<docdata><doc-id id-string=\"story\"/><date.issue norm=\"20080613\"/></docdata>",
                 "<hedline><hl1>H</hl1></hedline><note><body.content><p>Editor's note.</p></body.content></note>"));
    auto r = s.read();
    CHECK(r.lines.empty());
    const model::Article& a = only_article(r);
    REQUIRE(a.body.size() == 3);
    const auto& aside = std::get<model::Aside>(a.body[0].node);
    REQUIRE(aside.blocks.size() == 1);
    CHECK(text_of(aside.blocks[0]) == "Editor's note.");
    CHECK(std::get<model::Figure>(a.body[1].node).placement == model::Placement::lead);
}
