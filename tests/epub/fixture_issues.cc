#include "fixture_issues.h"

namespace galley::test {

std::string sample_jpeg() {
    return read_file(source_dir() / "samples" / "ppp-2008-06-13" / "img" / "kratie-dolphin-surfacing.jpg");
}

std::string tiny_gif() {
    static const unsigned char bytes[] = {
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
        0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
        0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b};
    return std::string(reinterpret_cast<const char*>(bytes), sizeof bytes);
}

std::string tiny_svg() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"40\" viewBox=\"0 0 200 40\">\n"
           "  <title>The Test Courier</title>\n"
           "  <rect width=\"200\" height=\"40\" fill=\"#b5121b\"/>\n"
           "</svg>\n";
}

std::filesystem::path write_one_article_issue(const TempDir& dir) {
    dir.write("one/img/river.jpg", sample_jpeg());
    return dir.write("one/solo-story.xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<article id=\"solo-story\" xml:lang=\"en\">\n"
                     "<meta><published>2024-06-14T18:05:00+07:00</published><keyword>river</keyword></meta>\n"
                     "<head><kicker>Mekong</kicker><headline>A river rises</headline>"
                     "<byline>By <person role=\"author\">Sokha Chan</person></byline></head>\n"
                     "<body>\n"
                     "<figure placement=\"lead\"><image src=\"img/river.jpg\" alt=\"A dolphin surfaces in a dark river.\"/>"
                     "<caption>The river at dawn.</caption></figure>\n"
                     "<p>The river rose by a metre overnight.</p>\n"
                     "<p>Boatmen moved their boats to higher moorings.</p>\n"
                     "</body>\n</article>\n");
}

std::filesystem::path write_no_images_issue(const TempDir& dir) {
    dir.write("plain/a-first.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<article id=\"first\" xml:lang=\"en\">\n"
              "<meta><section>City</section><published>2024-06-13</published><priority>1</priority></meta>\n"
              "<head><headline>Council meets on Monday</headline><deck>The budget is first on the agenda</deck>"
              "<byline>By <person role=\"author\">Maria Lindqvist</person></byline><dateline>PHNOM PENH</dateline></head>\n"
              "<body><p>The city council meets on Monday to vote on the budget.</p>"
              "<p>Councillors expect a long session.</p></body>\n</article>\n");
    dir.write("plain/b-second.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<article id=\"second\" xml:lang=\"en\">\n"
              "<meta><section>Sport</section><published>2024-06-14</published></meta>\n"
              "<head><headline>Boat race dates set</headline></head>\n"
              "<body><p>The water festival boat races will be held in November.</p></body>\n</article>\n");
    return dir.path() / "plain";
}

std::filesystem::path write_language_issue(const TempDir& dir, const std::string& name, const std::string& lang,
                                           const std::string& headline, const std::string& body) {
    dir.write(name + "/issue.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<issue id=\"" + name + "\" xml:lang=\"en\">\n"
              "<publication>The Test Courier</publication><date>2024-06-13</date>\n"
              "<section title=\"World\"><article src=\"udhr.xml\"/></section>\n</issue>\n");
    dir.write(name + "/udhr.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article id=\"udhr\" xml:lang=\"" + lang + "\">\n"
              "<meta><published>2024-06-13</published></meta>\n<head><headline>" + headline +
              "</headline></head>\n<body>" + body + "</body>\n</article>\n");
    return dir.path() / name;
}

std::filesystem::path write_every_block_issue(const TempDir& dir) {
    dir.write("every/img/lead.jpg", sample_jpeg());
    dir.write("every/img/chart.png", tiny_png());
    dir.write("every/img/dot.gif", tiny_gif());
    dir.write("every/img/logo.svg", tiny_svg());
    dir.write("every/img/cover.png", tiny_png() + "");  // same bytes as chart.png: one file in the book
    dir.write("every/issue.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<issue id=\"courier-2024-06-14\" xml:lang=\"en\">\n"
              "<publication>The Test Courier</publication><title>Water festival special</title>"
              "<date>2024-06-14</date><volume>3</volume><number>41</number><publisher>Courier Media</publisher>"
              "<issn>2049-3630</issn>\n"
              "<logo src=\"img/logo.svg\" alt=\"The Test Courier\"/>\n"
              "<cover src=\"img/cover.png\" alt=\"A red square.\"/>\n"
              "<section title=\"News\"><article src=\"every-block.xml\"/><article src=\"target.xml\"/></section>\n"
              "<section title=\"Monde\"><article src=\"en-francais.xml\"/></section>\n"
              "</issue>\n");
    dir.write("every/every-block.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<article id=\"every-block\" xml:lang=\"en\">\n"
              "<meta><published>2024-06-14</published><priority>1</priority>"
              "<keyword>festival</keyword><keyword>boats</keyword>"
              "<rights>© 2024 The Test Courier. All rights reserved.</rights></meta>\n"
              "<head><kicker>Water festival</kicker>"
              "<headline>Every block <em>in one</em> story</headline>"
              "<deck>A deck with <strong>strong</strong> words</deck>"
              "<byline>By <person role=\"author\">Sokha Chan</person> and <person role=\"author\">Maria Lindqvist</person></byline>"
              "<byline>Photographs by <person role=\"photographer\">Dara Keo</person>; edited by "
              "<person role=\"editor\">Vanna Sim</person>; with <person role=\"contributor\">Lim Sopheap</person></byline>"
              "<dateline>PHNOM PENH</dateline></head>\n"
              "<body>\n"
              "<figure placement=\"lead\"><image src=\"img/lead.jpg\" alt=\"A dolphin surfaces.\"/>"
              "<caption>The lead caption.</caption><credit>Dara Keo</credit></figure>\n"
              "<p>First paragraph with <em>emphasis</em>, <strong>strength</strong>, a "
              "<a href=\"https://example.com/festival?x=1&amp;y=2\">link</a>, a line<br/>break, "
              "<span xml:lang=\"km\">ទន្លេសាប</span>, H<sub>2</sub>O and m<sup>2</sup>.</p>\n"
              "<p edition=\"print\">Scan the code on page two PRINTONLYMARKER.</p>\n"
              "<p edition=\"digital\">Watch the video online DIGITALONLYMARKER.</p>\n"
              "<subhead>A subhead</subhead>\n"
              "<p>Soft\u00adhyphen and no\u00a0break stay as they are.</p>\n"
              "<blockquote><p>A quoted paragraph.</p><p>A second quoted paragraph.</p>"
              "<attribution>A Source, spokesman</attribution></blockquote>\n"
              "<blockquote><p>An unattributed quotation.</p></blockquote>\n"
              "<pullquote><p>Every block in one story, with a <a href=\"https://example.com/\">link</a>.</p>"
              "<attribution>The editor</attribution></pullquote>\n"
              "<figure placement=\"inline\"><image src=\"img/chart.png\" alt=\"A chart.\"/>"
              "<caption>An inline chart.</caption></figure>\n"
              "<figure placement=\"inline\"><image src=\"img/dot.gif\" alt=\"\"/><credit>Decorative dot</credit></figure>\n"
              "<figure placement=\"inline\" edition=\"print\"><image src=\"img/dot.gif\" alt=\"Print only\"/>"
              "<caption>PRINTONLYMARKER caption.</caption></figure>\n"
              "<list type=\"bullet\"><item>Bullet one</item><item>Bullet <em>two</em></item></list>\n"
              "<list type=\"number\"><item>Number one</item><item>Number two</item></list>\n"
              "<aside><title>Factbox title</title><p>Factbox text.</p>"
              "<list type=\"bullet\"><item>Factbox item</item></list>"
              "<p edition=\"print\">PRINTONLYMARKER in a factbox.</p>"
              "<aside><title>Nested box</title><p>Nested text.</p><subhead>Nested subhead</subhead>"
              "<p>After the nested subhead.</p></aside></aside>\n"
              "<aside edition=\"print\"><p>A whole PRINTONLYMARKER factbox.</p></aside>\n"
              "<aside><p>An untitled aside.</p></aside>\n"
              "<table><caption>Results</caption><head><row><cell>Boat</cell><cell align=\"right\">Time</cell>"
              "<cell align=\"center\">Rank</cell></row></head>"
              "<row><cell>Dragon</cell><cell align=\"right\">3:12</cell><cell align=\"center\">1</cell></row>"
              "<row><cell>Tiger</cell><cell align=\"right\">3:15</cell><cell align=\"center\">2</cell></row></table>\n"
              "<table><row><cell align=\"left\">No head</cell><cell>Table</cell></row></table>\n"
              "<separator/>\n"
              "<separator edition=\"print\"/>\n"
              "<p>Last paragraph.</p>\n"
              "</body>\n"
              "<end><tagline>Sokha Chan covers the river for the Courier.</tagline>"
              "<correction>An earlier version misspelt a name.</correction>"
              "<correction>A second correction.</correction>"
              "<related><item ref=\"target\"><kicker>Also</kicker><title>The target story</title>"
              "<teaser>Read it next.</teaser></item>"
              "<item href=\"https://example.com/elsewhere\"><title>An external story</title></item>"
              "<item><title>A title alone</title></item></related></end>\n"
              "</article>\n");
    dir.write("every/target.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<article id=\"target\" xml:lang=\"en\">\n"
              "<meta><published>2024-06-14</published></meta>\n"
              "<head><headline>The target story</headline></head>\n"
              "<body><p>The story the related item points to.</p></body>\n"
              "<end><correction>Only one correction here.</correction></end>\n</article>\n");
    dir.write("every/en-francais.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<article id=\"en-francais\" xml:lang=\"fr\">\n"
              "<meta><published>2024-06-14</published></meta>\n"
              "<head><headline>La fête des eaux</headline></head>\n"
              "<body><p>Les courses de pirogues ont lieu en novembre.</p></body>\n"
              "<end><correction>Une correction.</correction>"
              "<related><item ref=\"every-block\"><title>Every block in one story</title></item></related></end>\n"
              "</article>\n");
    return dir.path() / "every";
}

}  // namespace galley::test
