// Every refusal of the reader, with its exact diagnostic, and the accepted
// twin of each hostile case.
#include <doctest/doctest.h>

#include <unistd.h>

#include "read/read_test_support.h"

using galley::test::article_xml;
using galley::test::read_for_test;
using galley::test::TempDir;

namespace {
// An issue folder "issue/" with one article (body given) and a real PNG.
struct OneArticle {
    TempDir t;
    std::filesystem::path root;
    explicit OneArticle(const std::string& body) : root(t.path() / "issue") {
        t.write("issue/img/photo.png", galley::test::tiny_png());
        t.write("issue/img/sub/keep.txt", "");
        t.write("issue/story.xml", article_xml("story", body));
    }
    galley::test::ReadOutcome read() const { return read_for_test(root, root); }
};

std::string figure(const std::string& src) {
    return "<figure placement=\"inline\"><image src=\"" + src + "\" alt=\"A photo\"/></figure>";
}
}  // namespace

TEST_CASE("malformed XML is reported at its line and column and the article is left out") {
    OneArticle a("<p>one</p>\n<p>two</q>");
    auto r = a.read();
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0] == "story.xml:7:11: error: Opening and ending tag mismatch: p line 7 and q [E-XML-MALFORMED]");
    CHECK_FALSE(r.result.issue);
    CHECK(r.result.failed_articles == std::vector<std::string>{"story.xml"});
}

TEST_CASE("a DOCTYPE with an external entity is refused and the file it names is never read") {
    TempDir t;
    t.write("secret.txt", "TOP-SECRET");
    t.write("issue/story.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE article [<!ENTITY x SYSTEM \"../secret.txt\">]>\n" +
                                   article_xml("story", "<p>&x;</p>").substr(22));
    auto r = read_for_test(t.path() / "issue", t.path() / "issue");
    REQUIRE_FALSE(r.lines.empty());
    CHECK(r.lines[0] ==
          "story.xml:2:19: error: a DOCTYPE declaration is not allowed (<!DOCTYPE article ...>); galley reads no "
          "DTDs and expands no entities [E-XML-DOCTYPE]");
    for (const auto& line : r.lines) CHECK(line.find("TOP-SECRET") == std::string::npos);
}

TEST_CASE("billion laughs is refused before any expansion") {
    std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE article [\n<!ENTITY a \"aaaaaaaaaa\">\n";
    for (int i = 1; i < 10; ++i)
        bomb += "<!ENTITY a" + std::to_string(i) + " \"" + std::string("&a") + (i > 1 ? std::to_string(i - 1) : "") +
                ";&a" + (i > 1 ? std::to_string(i - 1) : "") + ";&a" + (i > 1 ? std::to_string(i - 1) : "") + ";\">\n";
    bomb += "]>\n<article id=\"x\" xml:lang=\"en\">&a9;</article>\n";
    TempDir t;
    t.write("issue/bomb.xml", bomb);
    auto r = read_for_test(t.path() / "issue", t.path() / "issue");
    REQUIRE_FALSE(r.lines.empty());
    CHECK(r.lines[0].find("bomb.xml:2:19: error: a DOCTYPE declaration is not allowed") == 0);
}

TEST_CASE("an image path that leaves the folder is refused, its twin that stays inside is fine") {
    OneArticle bad(figure("img/../../secret.png"));
    bad.t.write("secret.png", galley::test::tiny_png());
    auto r = bad.read();
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0] ==
          "story.xml:6: error: image path 'img/../../secret.png' leaves the issue folder [E-PATH-ESCAPES]");

    OneArticle good(figure("img/sub/../photo.png"));
    auto ok = good.read();
    CHECK(ok.lines.empty());
    REQUIRE(ok.result.issue);
    const auto& fig = std::get<galley::model::Figure>(ok.result.issue->sections[0].articles[0].body[0].node);
    CHECK(fig.image.path == "img/photo.png");
}

TEST_CASE("a symlink that leaves the folder is refused, one that stays inside is fine") {
    OneArticle a(figure("img/out.png") + figure("img/in.png"));
    a.t.write("outside.png", galley::test::tiny_png());
    REQUIRE(symlink((a.t.path() / "outside.png").c_str(), (a.root / "img/out.png").c_str()) == 0);
    REQUIRE(symlink("photo.png", (a.root / "img/in.png").c_str()) == 0);
    auto r = a.read();
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0].find("story.xml:6: error: image path 'img/out.png'") == 0);
    CHECK(r.lines[0].find("[E-PATH-ESCAPES]") != std::string::npos);
}

TEST_CASE("a missing image is an error at the image's line") {
    OneArticle a("<p>Text.</p>\n" + figure("img/missing.jpg"));
    auto r = a.read();
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0] == "story.xml:7: error: image path 'img/missing.jpg' does not exist [E-PATH-NOT-FOUND]");
}

TEST_CASE("a text file named .png is not an image") {
    OneArticle a(figure("img/fake.png"));
    a.t.write("issue/img/fake.png", "this is not a picture\n");
    auto r = a.read();
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0] == "story.xml:6: error: 'img/fake.png' is not an image (it starts with text) [E-IMAGE-NOT-IMAGE]");
}

TEST_CASE("a duplicate article id is an error that names the first use") {
    TempDir t;
    t.write("issue/a.xml", article_xml("same"));
    t.write("issue/b.xml", article_xml("same"));
    auto r = read_for_test(t.path() / "issue", t.path() / "issue");
    REQUIRE(r.lines.size() == 1);
    std::string first = (t.path() / "issue/a.xml").string();
    CHECK(r.lines[0] == "b.xml:2: error: article id 'same' is already used by " + first + ":2 [E-ID-DUPLICATE]");
}

TEST_CASE("a related item must name an article of the issue") {
    TempDir t;
    t.write("issue/a.xml",
            article_xml("a", "<p>x</p>", "<meta><published>2008-06-13</published></meta>",
                        "<end><related>\n<item ref=\"nowhere\"><title>T</title></item></related></end>"));
    auto r = read_for_test(t.path() / "issue", t.path() / "issue");
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0] ==
          "a.xml:9: error: related item refers to article 'nowhere', which is not in this issue [E-REF-UNKNOWN]");
}

TEST_CASE("an article whose body is all for one edition is warned about, once per edition it leaves bare") {
    {
        OneArticle a("<p edition=\"digital\">Online only.</p>\n<p edition=\"digital\">This too.</p>");
        auto r = a.read();
        REQUIRE(r.lines.size() == 1);
        CHECK(r.lines[0] == "story.xml:2: warning: every block of the body is marked edition=\"digital\": the print "
                            "edition gets the head alone [W-ARTICLE-EDITION-EMPTY]");
        CHECK(r.result.issue);
    }
    {
        OneArticle a("<p edition=\"print\">In the paper only.</p>");
        auto r = a.read();
        REQUIRE(r.lines.size() == 1);
        CHECK(r.lines[0] == "story.xml:2: warning: every block of the body is marked edition=\"print\": the EPUB gets "
                            "the head alone [W-ARTICLE-EDITION-EMPTY]");
    }
    // One block for each edition, or one for both: nothing to say.
    for (const char* body : {"<p edition=\"print\">Paper.</p>\n<p edition=\"digital\">Screen.</p>",
                             "<p edition=\"digital\">Screen.</p>\n<p>Both.</p>"}) {
        OneArticle a(body);
        CHECK(a.read().lines.empty());
    }
}

TEST_CASE("an empty headline is an error at its line, one of any text is fine") {
    for (const char* empty : {"<headline/>", "<headline>  \n </headline>", "<headline><em> </em></headline>"}) {
        CAPTURE(empty);
        TempDir t;
        std::string xml = article_xml("story");
        const std::string given = "<headline>Headline of story</headline>";
        xml.replace(xml.find(given), given.size(), empty);
        t.write("issue/story.xml", xml);
        auto r = read_for_test(t.path() / "issue", t.path() / "issue");
        REQUIRE(r.lines.size() == 1);
        CHECK(r.lines[0] == "story.xml:4: error: the headline is empty: it is the story's title in the contents, the "
                            "PDF outline and on the page [E-ARTICLE-HEADLINE-EMPTY]");
    }
    OneArticle a("<p>Text.</p>");
    CHECK(a.read().lines.empty());
}

TEST_CASE("schema errors name the element, with the line") {
    OneArticle a("<p>one</p>\n<para>two</para>");
    auto r = a.read();
    REQUIRE(r.lines.size() >= 1);
    CHECK(r.lines[0].find("story.xml:7: error: Element 'para': This element is not expected.") == 0);
    CHECK(r.lines[0].find("[E-XML-SCHEMA]") != std::string::npos);
}

TEST_CASE("an image without alt text is a warning, alt=\"\" marks it decorative") {
    OneArticle a("<figure placement=\"inline\"><image src=\"img/photo.png\"/></figure>\n"
                 "<figure placement=\"inline\"><image src=\"img/photo.png\" alt=\"\"/></figure>");
    auto r = a.read();
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0] ==
          "story.xml:6: warning: image 'img/photo.png' has no alt text; readers who cannot see it will miss it "
          "[W-ALT-MISSING]");
    CHECK(r.result.issue);
    CHECK(r.result.failed_articles.empty());
}

TEST_CASE("a manifest may not name an article outside the folder") {
    TempDir t;
    t.write("elsewhere.xml", article_xml("elsewhere"));
    t.write("issue/issue.xml",
            "<issue id=\"i\" xml:lang=\"en\"><publication>P</publication><date>2008-06-13</date>\n"
            "<section title=\"S\"><article src=\"../elsewhere.xml\"/></section></issue>");
    auto r = read_for_test(t.path() / "issue", t.path() / "issue");
    REQUIRE_FALSE(r.lines.empty());
    CHECK(r.lines[0] == "issue.xml:2: error: article path '../elsewhere.xml' leaves the issue folder [E-PATH-ESCAPES]");
}

TEST_CASE("an input that does not exist") {
    TempDir t;
    auto r = read_for_test(t.path() / "nope", t.path());
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0] == "nope: error: no such file or folder [E-INPUT-NOT-FOUND]");
}

TEST_CASE("one file listed under several spellings is read once, and every repeat is an error") {
    TempDir t;
    t.write("issue/story.xml", article_xml("story"));
    t.write("issue/d0/keep.txt", "");
    REQUIRE(::symlink("story.xml", (t.path() / "issue/alias.xml").c_str()) == 0);
    t.write("issue/issue.xml",
            "<issue id=\"i\" xml:lang=\"en\"><publication>P</publication><date>2008-06-13</date>\n"
            "<section title=\"S\">\n<article src=\"story.xml\"/>\n<article src=\"d0/../story.xml\"/>\n"
            "<article src=\"alias.xml\"/>\n</section></issue>");
    auto r = read_for_test(t.path() / "issue", t.path() / "issue");
    REQUIRE(r.lines.size() == 2);
    CHECK(r.lines[0] == "issue.xml:4: error: article file 'story.xml' is already listed at line 3 "
                        "[E-ISSUE-DUPLICATE-ARTICLE]");
    CHECK(r.lines[1] == "issue.xml:5: error: article file 'alias.xml' ('story.xml') is already listed at line 3 "
                        "[E-ISSUE-DUPLICATE-ARTICLE]");
    REQUIRE(r.result.issue);
    CHECK(r.result.issue->article_count() == 1);
}
