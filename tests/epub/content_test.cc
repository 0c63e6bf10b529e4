// Nothing lost, nothing added to the text: every word of every article
// (print-only blocks aside) is in its XHTML document, in reading order;
// print-only blocks are absent and digital-only ones present; no soft hyphen
// or zero-width character is inserted.
#include <doctest/doctest.h>

#include <algorithm>

#include <type_traits>
#include <variant>

#include "epub_test_support.h"
#include "fixture_issues.h"
#include "model/inline.h"
#include "xml_probe.h"

namespace galley::test {
namespace {

using Words = std::vector<std::string>;

void add(Words& out, const model::Inlines& content) {
    for (std::string& w : split_words(model::plain_text(content))) out.push_back(std::move(w));
}

void add_blocks(Words& out, const std::vector<model::Block>& blocks, bool skip_lead) {
    for (const model::Block& b : blocks) {
        if (!model::in_digital(b.edition)) continue;
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, model::Paragraph> || std::is_same_v<T, model::Subhead>) {
                    add(out, n.content);
                } else if constexpr (std::is_same_v<T, model::Blockquote> || std::is_same_v<T, model::PullQuote>) {
                    for (const auto& p : n.quote.paragraphs) add(out, p.content);
                    add(out, n.quote.attribution);
                } else if constexpr (std::is_same_v<T, model::Figure>) {
                    if (skip_lead && n.placement == model::Placement::lead) return;
                    add(out, n.caption);
                    add(out, n.credit);
                } else if constexpr (std::is_same_v<T, model::List>) {
                    for (const auto& item : n.items) add(out, item);
                } else if constexpr (std::is_same_v<T, model::Aside>) {
                    add(out, n.title);
                    add_blocks(out, n.blocks, false);
                } else if constexpr (std::is_same_v<T, model::Table>) {
                    add(out, n.caption);
                    if (n.head)
                        for (const auto& c : n.head->cells) add(out, c.content);
                    for (const auto& r : n.rows)
                        for (const auto& c : r.cells) add(out, c.content);
                }
            },
            b.node);
    }
}

/// The article's words in the order a reader meets them in the e-book: the
/// head, the lead picture's caption, the dateline, the body, the end.
Words expected_words(const model::Article& a) {
    Words out;
    add(out, a.head.kicker);
    add(out, a.head.headline);
    add(out, a.head.deck);
    for (const auto& b : a.head.bylines) add(out, b);
    for (const model::Block& b : a.body) {
        const auto* f = std::get_if<model::Figure>(&b.node);
        if (f && f->placement == model::Placement::lead && model::in_digital(b.edition)) {
            add(out, f->caption);
            add(out, f->credit);
        }
    }
    add(out, a.head.dateline);
    add_blocks(out, a.body, true);
    add(out, a.end.tagline);
    for (const auto& c : a.end.corrections) add(out, c);
    for (const auto& r : a.end.related) {
        add(out, r.kicker);
        add(out, r.title);
        add(out, r.teaser);
    }
    add(out, a.meta.rights);
    return out;
}

/// The text of print-only blocks (anywhere, asides included).
void print_only_texts(const std::vector<model::Block>& blocks, std::vector<std::string>& out, bool inside_print) {
    for (const model::Block& b : blocks) {
        bool print = inside_print || b.edition == model::Edition::print;
        Words w;
        std::vector<model::Block> one{b};
        if (print) {
            one.front().edition = model::Edition::both;
            add_blocks(w, one, false);
            std::string joined;
            for (const auto& x : w) joined += (joined.empty() ? "" : " ") + x;
            if (!joined.empty()) out.push_back(joined);
        } else if (const auto* a = std::get_if<model::Aside>(&b.node)) {
            print_only_texts(a->blocks, out, false);
        }
    }
}

std::size_t count_of(const std::string& s, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + needle.size())) ++n;
    return n;
}

std::string joined_text(const Words& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

void check_issue(const model::Issue& issue) {
    epub::EpubBuild book = build_or_fail(issue);
    std::map<std::string, std::string> files = zip_map(book.bytes);
    for (const model::Section& s : issue.sections) {
        for (const model::Article& a : s.articles) {
            CAPTURE(a.id);
            std::string path = "EPUB/articles/" + a.id + ".xhtml";
            REQUIRE(files.count(path) == 1);
            XmlProbe doc(files.at(path), path);
            REQUIRE(doc.ok());
            auto body = doc.all("/h:html/h:body");
            REQUIRE(body.size() == 1);
            Words actual = words_of(body.front());
            Words expected = expected_words(a);
            // Every expected word, in order (furniture such as "Correction" may lie between).
            std::size_t at = 0;
            for (const std::string& w : expected) {
                while (at < actual.size() && actual[at] != w) ++at;
                INFO("word '" << w << "' missing or out of order");
                REQUIRE(at < actual.size());
                ++at;
            }
            // Print-only text is not there.
            std::vector<std::string> print_only;
            print_only_texts(a.body, print_only, false);
            std::string text = joined_text(actual);
            for (const std::string& p : print_only) {
                CAPTURE(p);
                CHECK(text.find(p) == std::string::npos);
            }
            // Invisible characters: exactly as many as the source has.
            std::string source = joined_text(expected);
            for (const char* invisible : {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}) {
                CAPTURE(invisible);
                CHECK(count_of(text, invisible) == count_of(source, invisible));
            }
        }
    }
}

}  // namespace

TEST_CASE("nothing lost: every word of every sample article, in reading order, print-only text absent") {
    check_issue(sample_issue());
}

TEST_CASE("nothing lost: every word of the every-block issue, in reading order, print-only text absent") {
    TempDir tmp;
    check_issue(read_issue_or_fail(write_every_block_issue(tmp)));
}

TEST_CASE("editions: print-only blocks are nowhere in the book, digital-only ones are in their article") {
    TempDir tmp;
    epub::EpubBuild book = build_or_fail(read_issue_or_fail(write_every_block_issue(tmp)));
    std::map<std::string, std::string> files = zip_map(book.bytes);
    for (const auto& [name, data] : files) {
        CAPTURE(name);
        CHECK(data.find(kPrintOnlyMarker) == std::string::npos);
    }
    CHECK(files.at("EPUB/articles/every-block.xhtml").find(kDigitalOnlyMarker) != std::string::npos);
    // The sample's print-only line, and its digital-only one.
    std::map<std::string, std::string> sample = zip_map(build_or_fail(sample_issue()).bytes);
    CHECK(sample.at("EPUB/articles/weekly-market-prices.xhtml").find("on page 14") == std::string::npos);
    CHECK(sample.at("EPUB/articles/kratie-dolphins.xhtml").find("online gallery") != std::string::npos);
}

TEST_CASE("text unchanged: a soft hyphen and a no-break space pass through, nothing is inserted") {
    TempDir tmp;
    epub::EpubBuild book = build_or_fail(read_issue_or_fail(write_every_block_issue(tmp)));
    std::string doc = zip_map(book.bytes).at("EPUB/articles/every-block.xhtml");
    CHECK(doc.find("Soft\u00adhyphen and no\u00a0break stay as they are.") != std::string::npos);
    CHECK(count_of(doc, "\u00ad") == 1);
    CHECK(count_of(doc, "\u200b") == 0);
    // Markup characters are escaped, and only with the XML entities.
    CHECK(doc.find("href=\"https://example.com/festival?x=1&amp;y=2\"") != std::string::npos);
}

TEST_CASE("a verse or a sign-off is a paragraph of class lines: no first-line indent, a wrapped line turns over") {
    std::map<std::string, std::string> files = zip_map(build_or_fail(sample_issue()).bytes);
    const std::string& letters = files.at("EPUB/articles/letters-to-the-editor.xhtml");
    CHECK(letters.find("<p class=\"lines\">Chhay Vannak<br/>Street 182") != std::string::npos);
    CHECK(letters.find("<p class=\"lines\"><em>The dust lies down along the road,<br/>") != std::string::npos);
    CHECK(count_of(letters, "class=\"lines\"") == 4);
    // Prose is not: the letter itself, and the note before the verse.
    CHECK(letters.find("<p class=\"first\">Your May 30") != std::string::npos);
    CHECK(letters.find("<p class=\"first\">A reader sent us") != std::string::npos);
    // The stylesheet starts the lines together, with no first-line indent,
    // and turns a wrapped line over where the reading system can.
    const std::string& css = files.at("EPUB/css/galley.css");
    const std::size_t rule = css.find("\n.article > p.lines, .factbox > p.lines, blockquote p.lines {");
    REQUIRE(rule != std::string::npos);
    const std::string decls = css.substr(rule, css.find('}', rule) - rule);
    CHECK(decls.find("text-indent: 0;\n  text-indent: 2em hanging each-line;") != std::string::npos);
}

TEST_CASE("a verse in a blockquote is of class lines, in a pull quote (display type in print) it is not") {
    TempDir tmp;
    std::filesystem::path folder = write_language_issue(
        tmp, "verse", "en", "Rain",
        "<p>The season turned.</p>"
        "<blockquote><p>The dust lies down,<br/>the gutters run.</p></blockquote>"
        "<pullquote><p>The dust lies down,<br/>the gutters run.</p></pullquote>"
        "<p>So the reader wrote.</p>");
    const std::string doc = zip_map(build_or_fail(read_issue_or_fail(folder)).bytes).at("EPUB/articles/udhr.xhtml");
    CHECK(doc.find("<blockquote>\n        <p class=\"lines\">The dust lies down,<br/>the gutters run.</p>") != std::string::npos);
    const std::size_t aside = doc.find("<aside class=\"pullquote\"");
    REQUIRE(aside != std::string::npos);
    const std::string pull = doc.substr(aside, doc.find("</aside>", aside) - aside);
    CHECK(pull.find("The dust lies down,<br/>the gutters run.") != std::string::npos);
    CHECK(pull.find("lines") == std::string::npos);
    CHECK(count_of(doc, "class=\"lines\"") == 1);
}

TEST_CASE("articles: every part of the model is rendered with its semantics") {
    TempDir tmp;
    epub::EpubBuild book = build_or_fail(read_issue_or_fail(write_every_block_issue(tmp)));
    std::map<std::string, std::string> files = zip_map(book.bytes);
    XmlProbe doc(files.at("EPUB/articles/every-block.xhtml"), "every-block.xhtml");
    REQUIRE(doc.ok());
    CHECK(doc.value("//h:header/h:p[@class='kicker']") == "Water festival");
    CHECK(doc.value("//h:header/h:h1") == "Every block in one story");
    CHECK(doc.count("//h:header/h:h1/h:em") == 1);
    CHECK(doc.value("//h:header/h:p[@role='doc-subtitle']") == "A deck with strong words");
    CHECK(doc.count("//h:header/h:p[@class='byline']") == 2);
    CHECK(doc.count("//h:span[contains(@class, 'person')]") == 5);
    // The lead figure comes right after the header, then the dateline.
    CHECK(doc.value("//h:article/*[2]/@class") == "figure lead");
    CHECK(doc.value("//h:article/*[3]") == "PHNOM PENH");
    CHECK(doc.count("//h:img[@alt='A dolphin surfaces.']") == 1);
    CHECK(doc.count("//h:img[@alt='']") == 1);  // decorative: empty alt kept
    CHECK(doc.count("//h:figcaption/h:p[@class='credit']") == 2);
    // Inline markup.
    CHECK(doc.count("//h:p//h:em") >= 1);
    CHECK(doc.count("//h:article/h:p//h:strong") == 1);
    CHECK(doc.count("//h:p//h:br") == 1);
    CHECK(doc.count("//h:sub") == 1);
    CHECK(doc.count("//h:sup") == 1);
    CHECK(doc.value("//h:span[@lang='km']/@xml:lang") == "km");
    CHECK(doc.value("//h:p/h:a/@href") == "https://example.com/festival?x=1&y=2");
    // Blocks.
    CHECK(doc.count("//h:h2[@class='subhead']") == 1);
    CHECK(doc.count("//h:figure[@class='quotation']/h:blockquote/h:p") == 2);
    CHECK(doc.value("//h:figure[@class='quotation']/h:figcaption") == "A Source, spokesman");
    CHECK(doc.count("//h:blockquote") == 2);
    CHECK(doc.count("//h:aside[@role='doc-pullquote'][@aria-hidden='true']") == 1);
    CHECK(doc.count("//h:ul/h:li") == 6);  // two bullets, one factbox item, three related items
    CHECK(doc.count("//h:ol/h:li") == 2);
    CHECK(doc.count("//h:aside[@class='factbox']") == 3);
    CHECK(doc.value("//h:aside[@class='factbox']/h:h2") == "Factbox title");
    CHECK(doc.value("//h:aside[@class='factbox']/h:aside/h:h3") == "Nested box");
    CHECK(doc.value("//h:aside[@class='factbox']/h:aside/h:h4") == "Nested subhead");
    CHECK(doc.count("//h:table") == 2);
    CHECK(doc.count("//h:thead/h:tr/h:th[@scope='col']") == 3);
    CHECK(doc.value("//h:th[@class='align-right']") == "Time");
    CHECK(doc.count("//h:tbody/h:tr") == 3);
    CHECK(doc.count("//h:hr") == 1);
    // End matter.
    CHECK(doc.value("//h:footer/h:p[@class='tagline']") == "Sokha Chan covers the river for the Courier.");
    CHECK(doc.count("//h:section[@role='doc-errata']/h:p[@class='correction']") == 2);
    CHECK(doc.value("//h:section[@role='doc-errata']/h:h2") == "Corrections");
    CHECK(doc.value("//h:section[@class='related']//h:a[1]/@href") == "target.xhtml");
    CHECK(doc.count("//h:section[@class='related']//h:a[@href='https://example.com/elsewhere']") == 1);
    CHECK(doc.count("//h:section[@class='related']/h:ul/h:li") == 3);
    CHECK(doc.count("//h:section[@class='related']/h:ul/h:li[3]/h:a") == 0);
    CHECK(doc.value("//h:footer/h:p[@class='rights']") == "© 2024 The Test Courier. All rights reserved.");

    // One correction is "Correction"; a French article's English labels say so.
    XmlProbe target(files.at("EPUB/articles/target.xhtml"), "target.xhtml");
    CHECK(target.value("//h:section[@role='doc-errata']/h:h2") == "Correction");
    XmlProbe fr(files.at("EPUB/articles/en-francais.xhtml"), "en-francais.xhtml");
    CHECK(attr(fr.root(), "lang") == "fr");
    CHECK(fr.value("//h:section[@role='doc-errata']/h:h2/@lang") == "en");
    CHECK(fr.value("//h:section[@class='related']/h:h2/@xml:lang") == "en");
}

TEST_CASE("right to left: an Arabic article's document, its contents entry and spans say dir=rtl, the CSS mirrors") {
    TempDir tmp;
    auto write = [&](const std::string& issue_lang) {
        tmp.write("rtl/issue.xml",
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<issue id=\"rtl\" xml:lang=\"" + issue_lang +
                      "\">\n<publication>The Test Courier</publication><date>2024-06-13</date>\n"
                      "<section title=\"World\"><article src=\"udhr.xml\"/><article src=\"note.xml\"/></section>\n"
                      "</issue>\n");
        tmp.write("rtl/udhr.xml",
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article id=\"udhr\" xml:lang=\"ar\">\n"
                  "<meta><published>2024-06-13</published></meta>\n"
                  "<head><headline>الإعلان العالمي لحقوق الإنسان</headline></head>\n"
                  "<body><blockquote><p>يولد جميع الناس أحرارا متساوين في الكرامة والحقوق.</p></blockquote>"
                  "<p>وقد وهبوا عقلا وضميرا.</p>"
                  "</body>\n<end><correction>تم تصحيح التاريخ.</correction></end>\n</article>\n");
        tmp.write("rtl/note.xml",
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article id=\"note\" xml:lang=\"en\">\n"
                  "<meta><published>2024-06-13</published></meta>\n"
                  "<head><headline>A note on the text</headline></head>\n"
                  "<body><p>Article 1 opens <span xml:lang=\"he\">כל בני האדם</span> in Hebrew.</p></body>\n"
                  "</article>\n");
        return tmp.path() / "rtl";
    };
    {
        epub::EpubBuild book = build_or_fail(read_issue_or_fail(write("en")));
        std::map<std::string, std::string> files = zip_map(book.bytes);
        XmlProbe ar(files.at("EPUB/articles/udhr.xhtml"), "udhr.xhtml");
        REQUIRE(ar.ok());
        CHECK(attr(ar.root(), "dir") == "rtl");
        // The English label of the correction turns back to left to right.
        CHECK(ar.value("//h:section[@role='doc-errata']/h:h2/@dir") == "ltr");
        XmlProbe en(files.at("EPUB/articles/note.xhtml"), "note.xhtml");
        CHECK(attr(en.root(), "dir").empty());
        CHECK(en.value("//h:span[@lang='he']/@dir") == "rtl");
        XmlProbe contents(files.at("EPUB/contents.xhtml"), "contents.xhtml");
        CHECK(contents.count("//h:li[@lang='ar'][@dir='rtl']") == 1);
        XmlProbe nav(files.at("EPUB/nav.xhtml"), "nav.xhtml");
        CHECK(nav.count("//h:li[@lang='ar'][@dir='rtl']") == 1);
        // The book's pages turn left to right; its stylesheet mirrors the
        // blockquote's indent for the Arabic pages.
        CHECK(files.at("EPUB/package.opf").find("page-progression-direction") == std::string::npos);
        const std::string& css = files.at("EPUB/css/galley.css");
        CHECK(css.find("[dir=\"rtl\"] blockquote {\n  margin-right: ") != std::string::npos);
    }
    {
        epub::EpubBuild book = build_or_fail(read_issue_or_fail(write("ar")));
        std::map<std::string, std::string> files = zip_map(book.bytes);
        CHECK(files.at("EPUB/package.opf").find("<spine toc=\"ncx\" page-progression-direction=\"rtl\">") !=
              std::string::npos);
        XmlProbe nav(files.at("EPUB/nav.xhtml"), "nav.xhtml");
        CHECK(attr(nav.root(), "dir") == "rtl");
    }
    // A book with no right-to-left text has no mirrored rules.
    epub::EpubBuild plain = build_or_fail(read_issue_or_fail(write_no_images_issue(tmp)));
    CHECK(zip_map(plain.bytes).at("EPUB/css/galley.css").find("[dir=") == std::string::npos);
}

TEST_CASE("a paragraph that reads the other way than its document says so, as print sets it") {
    // model::paragraph_direction: the first letter decides, but in a
    // right-to-left language any right-to-left letter makes the paragraph
    // right to left ("UNESCO ..." opens an Arabic sentence).
    TempDir tmp;
    tmp.write("mixed/issue.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<issue id=\"mixed\" xml:lang=\"en\">\n"
              "<publication>The Test Courier</publication><date>2024-06-13</date>\n"
              "<section title=\"World\"><article src=\"ar.xml\"/><article src=\"en.xml\"/></section>\n"
              "</issue>\n");
    tmp.write("mixed/ar.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article id=\"ar\" xml:lang=\"ar\">\n"
              "<meta><published>2024-06-13</published></meta>\n"
              "<head><kicker>UNESCO</kicker><headline>الإعلان العالمي لحقوق الإنسان</headline></head>\n"
              "<body><p>UNESCO أعلنت اليوم أن الإعلان قد ترجم.</p>"
              "<p>The declaration was adopted in Paris.</p>"
              "<p>1948</p>"
              "<subhead>Notes in English</subhead>"
              "<list type=\"bullet\"><item>First item.</item><item>البند الثاني.</item></list>"
              "<table><row><cell>Paris</cell><cell>باريس</cell></row></table>"
              "</body>\n<end><tagline>Reuters contributed.</tagline></end>\n</article>\n");
    tmp.write("mixed/en.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article id=\"en\" xml:lang=\"en\">\n"
              "<meta><published>2024-06-13</published></meta>\n"
              "<head><headline>A note on the text</headline></head>\n"
              "<body><p>Article 1 is the best known.</p><p>يولد جميع الناس أحرارا.</p></body>\n"
              "</article>\n");
    epub::EpubBuild book = build_or_fail(read_issue_or_fail(tmp.path() / "mixed"));
    std::map<std::string, std::string> files = zip_map(book.bytes);
    XmlProbe ar(files.at("EPUB/articles/ar.xhtml"), "ar.xhtml");
    REQUIRE(ar.ok());
    CHECK(attr(ar.root(), "dir") == "rtl");
    // Right to left like the document: no attribute.
    CHECK(ar.count("//h:p[starts-with(., 'UNESCO')][@dir]") == 0);
    CHECK(ar.count("//h:p[. = '1948'][@dir]") == 0);             // no letter: the document's way
    CHECK(ar.count("//h:td[. = 'باريس'][@dir]") == 0);
    CHECK(ar.count("//h:p[@class='kicker'][@dir]") == 0);        // the head keeps its article's way
    // Left to right in a right-to-left document.
    CHECK(ar.value("//h:p[starts-with(., 'The declaration')]/@dir") == "ltr");
    CHECK(ar.value("//h:*[@class='subhead']/@dir") == "ltr");
    CHECK(ar.value("//h:td[. = 'Paris']/@dir") == "ltr");
    CHECK(ar.value("//h:p[@class='tagline']/@dir") == "ltr");
    // A list item keeps the list's direction, its text in a span that says its own.
    CHECK(ar.count("//h:li[@dir]") == 0);
    CHECK(ar.value("//h:li[1]/h:span/@dir") == "ltr");
    CHECK(ar.count("//h:li[2]/h:span") == 0);
    XmlProbe en(files.at("EPUB/articles/en.xhtml"), "en.xhtml");
    REQUIRE(en.ok());
    CHECK(attr(en.root(), "dir").empty());
    CHECK(en.count("//h:p[starts-with(., 'Article 1')][@dir]") == 0);
    CHECK(en.value("//h:p[starts-with(., 'يولد')]/@dir") == "rtl");
}

TEST_CASE("a book with Chinese text indents its paragraphs by two characters under :lang(zh)") {
    TempDir tmp;
    std::filesystem::path folder =
        write_language_issue(tmp, "zh", "zh-Hans", "世界人权宣言",
                             "<p>人人生而自由，在尊严和权利上一律平等。</p><p>他们赋有理性和良心。</p>");
    std::map<std::string, std::string> files = zip_map(build_or_fail(read_issue_or_fail(folder)).bytes);
    const std::string& css = files.at("EPUB/css/galley.css");
    const std::size_t indented = css.find(":lang(zh-Hans) .article > p, :lang(zh-Hans) .factbox > p {\n  text-indent: 2em;");
    CHECK(indented != std::string::npos);
    // An article's first paragraph stays flush, as in print: its rule
    // comes after and takes the indent off again.
    const std::size_t first = css.find(":lang(zh-Hans) .article > p.first, :lang(zh-Hans) .factbox > p.first {\n  text-indent: 0;");
    CHECK(first != std::string::npos);
    CHECK(first > indented);
    // A book without such text has no :lang rules.
    epub::EpubBuild plain = build_or_fail(read_issue_or_fail(write_no_images_issue(tmp)));
    CHECK(zip_map(plain.bytes).at("EPUB/css/galley.css").find(":lang(") == std::string::npos);
}

TEST_CASE("a book with Khmer text sets it on taller lines under :lang(km), as print does") {
    TempDir tmp;
    std::filesystem::path folder = write_language_issue(
        tmp, "km", "km", "សេចក្ដីប្រកាសជាសកលស្ដីពីសិទ្ធិមនុស្ស",
        "<p>មនុស្សទាំងអស់កើតមកមានសេរីភាព និងសមភាព ក្នុងផ្នែកសេចក្ដីថ្លៃថ្នូរ និងសិទ្ធិ។</p>"
        "<p>Sixty years on.<sup>1</sup></p>");
    std::map<std::string, std::string> files = zip_map(build_or_fail(read_issue_or_fail(folder)).bytes);
    const std::string& css = files.at("EPUB/css/galley.css");
    // The article's body, its headline and its paragraphs: each rule with a
    // shorter line-height again under :lang(km), at grid.stacked-line-height.
    CHECK(css.find("body:lang(km) {\n  line-height: 1.6;\n}") != std::string::npos);
    CHECK(css.find(".headline:lang(km) {\n  line-height: 1.6;\n}") != std::string::npos);
    CHECK(css.find(".article > p:lang(km), .factbox > p:lang(km) {\n  line-height: 1.6;\n}") != std::string::npos);
    // Each comes after the rule it overrides.
    CHECK(css.find("body:lang(km)") > css.find("body {"));
    // A superscript's line-height of 0 keeps it out of the line box; it stays.
    CHECK(css.find("sup:lang(km)") == std::string::npos);
    XmlProbe ar(files.at("EPUB/articles/udhr.xhtml"), "udhr.xhtml");
    REQUIRE(ar.ok());
    CHECK(attr(ar.root(), "lang") == "km");
    // A book without such text has no :lang rules.
    epub::EpubBuild plain = build_or_fail(read_issue_or_fail(write_no_images_issue(tmp)));
    CHECK(zip_map(plain.bytes).at("EPUB/css/galley.css").find(":lang(") == std::string::npos);
}

TEST_CASE("heads and credits are balanced in reading systems that can (even-lines), body text is not") {
    TempDir tmp;
    const std::map<std::string, std::string> files =
        zip_map(build_or_fail(read_issue_or_fail(write_no_images_issue(tmp))).bytes);
    const std::string& css = files.at("EPUB/css/galley.css");
    // The declarations of the first rule whose selector starts `selector`.
    auto rule = [&](const std::string& selector) {
        const std::size_t at = css.find("\n" + selector);
        REQUIRE(at != std::string::npos);
        const std::size_t open = css.find('{', at), close = css.find('}', at);
        return css.substr(open, close - open);
    };
    CHECK(rule(".headline").find("text-wrap: balance;") != std::string::npos);
    CHECK(rule(".deck").find("text-wrap: balance;") != std::string::npos);
    CHECK(rule("body").find("text-wrap") == std::string::npos);
    CHECK(rule(".byline").find("text-wrap") == std::string::npos);
    // A picture's credit too.
    const std::string every =
        zip_map(build_or_fail(read_issue_or_fail(write_every_block_issue(tmp))).bytes).at("EPUB/css/galley.css");
    const std::size_t credit = every.find("\nfigcaption .credit");
    REQUIRE(credit != std::string::npos);
    CHECK(every.substr(credit, every.find('}', credit) - credit).find("text-wrap: balance;") != std::string::npos);
}

TEST_CASE("section pages and the contents page list every article with kicker, headline, deck and byline") {
    const model::Issue& issue = sample_issue();
    std::map<std::string, std::string> files = zip_map(build_or_fail(issue).bytes);
    XmlProbe contents(files.at("EPUB/contents.xhtml"), "contents.xhtml");
    REQUIRE(contents.ok());
    std::size_t n = 1;
    for (const model::Section& s : issue.sections) {
        std::string path = "EPUB/sections/section-" + std::to_string(n++) + ".xhtml";
        CAPTURE(path);
        XmlProbe page(files.at(path), path);
        REQUIRE(page.ok());
        CHECK(page.value("//h:h1") == s.title);
        auto teasers = page.all("//h:article[@class='teaser']");
        REQUIRE(teasers.size() == s.articles.size());
        for (std::size_t i = 0; i < s.articles.size(); ++i) {
            const model::Article& a = s.articles[i];
            std::string base = "(//h:article[@class='teaser'])[" + std::to_string(i + 1) + "]";
            CHECK(page.value(base + "/h:h2/h:a/@href") == "../articles/" + a.id + ".xhtml");
            CHECK(page.value(base + "/h:h2") == model::plain_text(a.head.headline));
            CHECK(page.value(base + "/h:p[@class='kicker']") == model::plain_text(a.head.kicker));
            CHECK(page.value(base + "/h:p[@class='deck']") == model::plain_text(a.head.deck));
            CHECK(page.count(base + "/h:p[@class='byline']") == a.head.bylines.size());
            CHECK(contents.count("//h:a[@href='articles/" + a.id + ".xhtml']") == 1);
        }
    }
}

TEST_CASE("cover page: masthead from the logo, issue title, date, volume and number") {
    std::map<std::string, std::string> files = zip_map(build_or_fail(sample_issue()).bytes);
    XmlProbe cover(files.at("EPUB/cover.xhtml"), "cover.xhtml");
    REQUIRE(cover.ok());
    CHECK(cover.value("//h:h1/h:img/@alt") == "The Phnom Penh Post");
    CHECK(cover.value("//h:p[@class='issue-title']") == "June 13–26, 2008");
    CHECK(cover.value("//h:time/@datetime") == "2008-06-13");
    CHECK(cover.value("//h:time") == "Friday 13 June 2008");  // as on the print masthead
    CHECK(cover.value("//h:time/@lang") == "");               // the labels' language is the issue's
    CHECK(cover.value("//h:p[@class='issue-number']") == "Vol. 17, No. 12");
}

TEST_CASE("labels: the layout's words, marked with their language inside documents in another") {
    layout::Layout french = tabloid_layout();
    layout::Labels& l = french.labels;
    l.lang = "fr";
    l.contents = "Sommaire";
    l.cover = "Couverture";
    l.start = "D\u00e9but du contenu";
    l.landmarks = "Rep\u00e8res";
    l.related = "\u00c0 lire aussi";
    l.volume = "Ann\u00e9e {volume}";
    l.number = "n\u00b0 {number}";
    l.date = "{weekday} {day} {month} {year}";
    l.months = "janvier, f\u00e9vrier, mars, avril, mai, juin, juillet, ao\u00fbt, septembre, octobre, novembre, "
               "d\u00e9cembre";
    l.weekdays = "lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche";
    Diagnostics diags;
    auto book = epub::build_epub(sample_issue(), french, &bundled_fonts(), {}, diags);
    REQUIRE(book);
    std::map<std::string, std::string> files = zip_map(book->bytes);
    // The sample is in English: every label says it is French.
    const std::string& nav = files.at("EPUB/nav.xhtml");
    CHECK(nav.find("<h1 id=\"toc-title\" lang=\"fr\" xml:lang=\"fr\">Sommaire</h1>") != std::string::npos);
    CHECK(nav.find(">Couverture</a>") != std::string::npos);
    CHECK(nav.find(">D\u00e9but du contenu</a>") != std::string::npos);
    CHECK(nav.find("Rep\u00e8res</h2>") != std::string::npos);
    CHECK(files.at("EPUB/cover.xhtml").find("Ann\u00e9e 17, n\u00b0 12") != std::string::npos);
    CHECK(files.at("EPUB/cover.xhtml")
              .find("<time datetime=\"2008-06-13\" lang=\"fr\" xml:lang=\"fr\">vendredi 13 juin 2008</time>") !=
          std::string::npos);
    CHECK(files.at("EPUB/package.opf").find("The Phnom Penh Post, vendredi 13 juin 2008 — June 13") !=
          std::string::npos);
    CHECK(files.at("EPUB/articles/anti-trafficking-tier-2.xhtml")
              .find("<h2 id=\"related\" lang=\"fr\" xml:lang=\"fr\">\u00c0 lire aussi</h2>") != std::string::npos);
    // galley's accessibility summary is English whatever the labels.
    CHECK(files.at("EPUB/package.opf").find("accessibilitySummary\">") != std::string::npos);
    for (const auto& [name, data] : files) {
        INFO(name);
        CHECK(data.find(">Contents<") == std::string::npos);
        CHECK(data.find(">Related articles<") == std::string::npos);
    }
}

}  // namespace galley::test
