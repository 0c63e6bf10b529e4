// The reader on well-formed issues: manifest, folder convention, one file.
#include <doctest/doctest.h>

#include "read/read_test_support.h"

using galley::test::article_xml;
using galley::test::read_for_test;
using galley::test::TempDir;
namespace model = galley::model;

namespace {
std::string with_section(const std::string& section, const std::string& priority, const std::string& date) {
    std::string m = "<meta>";
    if (!section.empty()) m += "<section>" + section + "</section>";
    m += "<published>" + date + "</published>";
    if (!priority.empty()) m += "<priority>" + priority + "</priority>";
    return m + "</meta>";
}
}  // namespace

TEST_CASE("a manifest names the sections and their articles in order") {
    TempDir t;
    t.write("issue.xml",
            "<issue id=\"daily-2008-06-13\" xml:lang=\"en\"><publication>The Daily</publication>"
            "<date>2008-06-13</date><volume>17</volume><number>12</number>"
            "<section title=\"Front\"><article src=\"a/two.xml\"/><article src=\"a/one.xml\"/></section>"
            "<section title=\"Back\"><article src=\"three.xml\"/></section></issue>");
    t.write("a/one.xml", article_xml("one"));
    t.write("a/two.xml", article_xml("two"));
    t.write("three.xml", article_xml("three"));
    auto r = read_for_test(t.path(), t.path());
    CHECK(r.lines.empty());
    REQUIRE(r.result.issue);
    const model::Issue& issue = *r.result.issue;
    CHECK(issue.id == "daily-2008-06-13");
    CHECK(issue.publication == "The Daily");
    CHECK(issue.volume == "17");
    CHECK(issue.has_manifest);
    REQUIRE(issue.sections.size() == 2);
    CHECK(issue.sections[0].title == "Front");
    REQUIRE(issue.sections[0].articles.size() == 2);
    CHECK(issue.sections[0].articles[0].id == "two");
    CHECK(issue.sections[0].articles[0].file == "a/two.xml");
    CHECK(issue.sections[1].articles[0].id == "three");
}

TEST_CASE("without a manifest, sections come from meta/section and articles sort by priority then file") {
    TempDir t;
    t.write("Post 13.06/b.xml", article_xml("b", "<p>x</p>", with_section("Business", "2", "2008-06-12")));
    t.write("Post 13.06/a.xml", article_xml("a", "<p>x</p>", with_section("National", "", "2008-06-13")));
    t.write("Post 13.06/sub/c.xml", article_xml("c", "<p>x</p>", with_section("National", "1", "2008-06-11")));
    t.write("Post 13.06/d.xml", article_xml("d", "<p>x</p>", with_section("", "", "2008-06-10")));
    t.write("Post 13.06/notes.xml", "<notes>not an article</notes>");
    t.write("Post 13.06/.hidden/e.xml", article_xml("e"));
    auto root = t.path() / "Post 13.06";
    auto r = read_for_test(root, root);
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0] == "notes.xml:1: warning: skipped: the root element is <notes>, not <article> [W-XML-NOT-ARTICLE]");
    REQUIRE(r.result.issue);
    const model::Issue& issue = *r.result.issue;
    CHECK(issue.id == "post-13-06");
    CHECK(issue.publication == "Post 13.06");
    CHECK(issue.date == "2008-06-13");
    CHECK(issue.lang == "en");
    CHECK_FALSE(issue.has_manifest);
    REQUIRE(issue.sections.size() == 3);
    // Files in bytewise order: a.xml (National) comes before b.xml (Business).
    CHECK(issue.sections[0].title == "National");
    CHECK(issue.sections[1].title == "Business");
    CHECK(issue.sections[2].title == "News");
    REQUIRE(issue.sections[0].articles.size() == 2);
    CHECK(issue.sections[0].articles[0].id == "c");  // priority 1 before no priority
    CHECK(issue.sections[0].articles[1].id == "a");
    CHECK(issue.sections[2].articles[0].id == "d");
}

TEST_CASE("a folder whose articles have no date asks for an issue.xml") {
    TempDir t;
    t.write("x/a.xml", article_xml("a", "<p>x</p>", ""));
    auto r = read_for_test(t.path() / "x", t.path());
    CHECK_FALSE(r.result.issue);
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0] ==
          "x/: error: no article has a <published> date, so the issue has none; add an issue.xml with a <date> "
          "[E-ISSUE-NO-DATE]");
}

TEST_CASE("one article file is a one-article issue named after its folder") {
    TempDir t;
    auto file = t.write("stories/lead.xml", article_xml("lead-story"));
    auto r = read_for_test(file, t.path());
    CHECK(r.lines.empty());
    REQUIRE(r.result.issue);
    CHECK(r.result.issue->id == "stories");
    CHECK(r.result.issue->article_count() == 1);
    CHECK(r.result.issue->sections[0].articles[0].file == "lead.xml");
}

TEST_CASE("an article is read into every part of the model") {
    TempDir t;
    t.write("img/p.png", galley::test::tiny_png());
    std::string body =
        "<figure placement=\"lead\"><image src=\"img/p.png\" alt=\"A boat\"/><caption>Boat.</caption>"
        "<credit>Ann</credit></figure>"
        "<p>First <em>para</em>.</p><subhead>Sub</subhead>"
        "<blockquote><p>Quoted.</p><attribution>Someone</attribution></blockquote>"
        "<pullquote><p>Pulled.</p></pullquote>"
        "<list type=\"number\"><item>one</item><item>two</item></list>"
        "<aside><title>Facts</title><p>Fact.</p></aside>"
        "<table><caption>Prices</caption><head><row><cell>Item</cell><cell align=\"right\">Price</cell></row></head>"
        "<row><cell>Rice</cell><cell align=\"right\">1.20</cell></row></table>"
        "<separator/><p edition=\"print\">Print only.</p><p edition=\"digital\">Web only.</p>";
    std::string meta =
        "<meta><section>National</section><published>2008-06-13T08:00:00+07:00</published><updated>2008-06-14"
        "</updated><priority>2</priority><keyword>rice</keyword><keyword>prices</keyword><rights>© Post</rights>"
        "</meta>";
    std::string end =
        "<end><tagline>Ann is a reporter.</tagline><correction>An earlier version misspelt a name.</correction>"
        "<related><item ref=\"full\"><title>Self</title><teaser>More.</teaser></item>"
        "<item href=\"https://example.org/x\"><kicker>K</kicker><title>Elsewhere</title></item></related></end>";
    t.write("full.xml", article_xml("full", body, meta, end));
    auto r = read_for_test(t.path() / "full.xml", t.path());
    CHECK(r.lines.empty());
    REQUIRE(r.result.issue);
    const model::Article& a = r.result.issue->sections[0].articles[0];
    CHECK(a.meta.section == "National");
    CHECK(a.meta.priority == 2);
    CHECK(a.meta.keywords == std::vector<std::string>{"rice", "prices"});
    CHECK(model::plain_text(a.meta.rights) == "© Post");
    CHECK(r.result.issue->date == "2008-06-13");
    REQUIRE(a.body.size() == 11);
    const auto& fig = std::get<model::Figure>(a.body[0].node);
    CHECK(fig.placement == model::Placement::lead);
    CHECK(fig.image.path == "img/p.png");
    CHECK(fig.image.format == model::ImageFormat::png);
    CHECK(fig.image.width_px == 1);
    CHECK(fig.image.alt == "A boat");
    CHECK(model::plain_text(fig.credit) == "Ann");
    CHECK(std::holds_alternative<model::Subhead>(a.body[2].node));
    CHECK(model::plain_text(std::get<model::Blockquote>(a.body[3].node).quote.attribution) == "Someone");
    CHECK(std::get<model::List>(a.body[5].node).items.size() == 2);
    const auto& aside = std::get<model::Aside>(a.body[6].node);
    CHECK(model::plain_text(aside.title) == "Facts");
    CHECK(aside.blocks.size() == 1);
    const auto& table = std::get<model::Table>(a.body[7].node);
    REQUIRE(table.head);
    CHECK(table.head->cells[1].align == model::Align::right);
    CHECK(table.rows.size() == 1);
    CHECK(a.body[9].edition == model::Edition::print);
    CHECK(a.body[10].edition == model::Edition::digital);
    CHECK(a.body[9].where.line == 6);
    CHECK(model::plain_text(a.end.tagline) == "Ann is a reporter.");
    CHECK(a.end.corrections.size() == 1);
    REQUIRE(a.end.related.size() == 2);
    CHECK(a.end.related[0].ref == "full");
    CHECK(a.end.related[1].href == "https://example.org/x");
    // Head and end elements keep their lines, for diagnostics about their
    // text; an absent one falls back to the <article> element.
    CHECK(a.head.headline_at.line == 4);
    CHECK(a.located(a.head.headline_at).line == 4);
    CHECK(a.meta.rights_at.line == 3);
    CHECK(a.end.tagline_at.line == 8);
    REQUIRE(a.end.corrections_at.size() == 1);
    CHECK(a.located(a.end.corrections_at, 0).line == 8);
    CHECK(a.head.deck_at.line == 0);
    CHECK(a.located(a.head.deck_at) == a.where);
    CHECK(a.located(a.head.bylines_at, 0) == a.where);
    CHECK(a.where.line == 2);
}

TEST_CASE("an article file inside an issue folder resolves its images from that folder") {
    TempDir t;
    t.write("issue/issue.xml", "<issue id=\"i\" xml:lang=\"en\"><publication>P</publication><date>2008-06-13</date>"
                               "<section title=\"S\"><article src=\"articles/a.xml\"/></section></issue>");
    t.write("issue/img/p.png", galley::test::tiny_png());
    auto file = t.write("issue/articles/a.xml",
                        article_xml("a", "<figure placement=\"inline\"><image src=\"../img/p.png\" alt=\"P\"/></figure>"));
    auto r = read_for_test(file, t.path());
    CHECK(r.lines.empty());
    REQUIRE(r.result.issue);
    CHECK(r.result.issue->id == "issue");
    CHECK(r.result.issue->sections[0].articles[0].file == "articles/a.xml");
}

TEST_CASE("reading on several threads gives the same issue and the same diagnostics in the same order") {
    TempDir t;
    std::string listing;
    for (int i = 0; i < 24; ++i) {
        std::string id = "story-" + std::to_string(i);
        std::string body = "<p>Text " + std::to_string(i) + ".</p>";
        if (i % 5 == 0) body += "<figure><image src=\"../img/missing-" + std::to_string(i) + ".jpg\" alt=\"x\"/></figure>";
        if (i % 7 == 0) body += "<figure><image src=\"../img/shared.png\"/></figure>";  // no alt: a warning each time
        t.write("a/" + id + ".xml", i == 11 ? std::string("<article><broken") : article_xml(id, body));
        listing += "<article src=\"a/" + id + ".xml\"/>";
        if (i == 3) listing += "<article src=\"a/./story-3.xml\"/>";  // listed twice
        if (i == 8) listing += "<article src=\"../outside.xml\"/>";    // refused
        if (i == 15) listing += "<article src=\"a/not-a-story.xml\"/>";
    }
    t.write("a/not-a-story.xml", "<issue/>");
    t.write("img/shared.png", std::string("\x89PNG\r\n\x1a\n", 8) + "not really");
    t.write("issue.xml", "<issue id=\"threads\" xml:lang=\"en\"><publication>The Daily</publication>"
                         "<date>2008-06-13</date><section title=\"One\">" +
                             listing + "</section></issue>");
    auto read = [&](int threads) {
        galley::read::ReadOptions options;
        options.threads = threads;
        galley::Diagnostics d;
        auto result = galley::read::read_issue(t.path(), options, d);
        std::vector<std::string> lines;  // in the order reported, not sorted
        for (const galley::Diagnostic& x : d.all())
            lines.push_back(x.where.file + ":" + std::to_string(x.where.line) + " " + x.code + " " + x.message);
        std::vector<std::string> ids;
        if (result.issue)
            for (const auto& s : result.issue->sections)
                for (const auto& a : s.articles) ids.push_back(a.id);
        return std::tuple(lines, ids, result.failed_articles);
    };
    auto [lines1, ids1, failed1] = read(1);
    auto [lines4, ids4, failed4] = read(4);
    CHECK(lines4 == lines1);
    CHECK(ids4 == ids1);
    CHECK(failed4 == failed1);
    // The cases are there to compare: errors of several kinds, articles read.
    std::string all;
    for (const auto& l : lines1) all += l + "\n";
    CHECK(all.find("E-ISSUE-DUPLICATE-ARTICLE") != std::string::npos);
    CHECK(all.find("E-ISSUE-NOT-ARTICLE") != std::string::npos);
    CHECK(all.find("E-XML") != std::string::npos);
    CHECK(ids1.size() >= 10);
}

TEST_CASE("a manifest's house ads are read in order, checked like the logo") {
    TempDir t;
    t.write("issue.xml",
            "<issue id=\"daily-2008-06-13\" xml:lang=\"en\"><publication>The Daily</publication>"
            "<date>2008-06-13</date>\n"
            "<house-ad src=\"ads/wide.svg\" alt=\"Subscribe\"/>\n"
            "<house-ad src=\"ads/missing.png\" alt=\"Gone\"/>\n"
            "<house-ad src=\"ads/tall.svg\"/>\n"
            "<section title=\"Front\"><article src=\"one.xml\"/></section></issue>");
    t.write("ads/wide.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"480\"/>");
    t.write("ads/tall.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"900\"/>");
    t.write("one.xml", article_xml("one"));
    auto r = read_for_test(t.path(), t.path());
    REQUIRE(r.lines.size() == 2);
    CHECK(r.lines[0] == "issue.xml:3: error: image path 'ads/missing.png' does not exist [E-PATH-NOT-FOUND]");
    CHECK(r.lines[1] ==
          "issue.xml:4: warning: image 'ads/tall.svg' has no alt text; readers who cannot see it will miss it "
          "[W-ALT-MISSING]");
    REQUIRE(r.result.issue);
    const model::Issue& issue = *r.result.issue;
    REQUIRE(issue.house_ads.size() == 2);  // the missing one left out
    CHECK(issue.house_ads[0].path == "ads/wide.svg");
    CHECK(issue.house_ads[0].alt == "Subscribe");
    CHECK(issue.house_ads[0].width_px == 1200);
    CHECK(issue.house_ads[0].format == model::ImageFormat::svg);
    CHECK(issue.house_ads[1].path == "ads/tall.svg");
    CHECK(issue.house_ads[1].height_px == 900);
}
