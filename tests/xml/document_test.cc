#include <doctest/doctest.h>

#include <string>

#include "support/test_support.h"
#include "xml/document.h"

using galley::Diagnostics;
namespace xml = galley::xml;

namespace {
// The only diagnostic of a failed parse, as "line:col: code: message".
std::string only(const Diagnostics& d) {
    REQUIRE(d.all().size() == 1);
    const auto& x = d.all()[0];
    return std::to_string(x.where.line) + ":" + std::to_string(x.where.column) + ": " + x.code + ": " + x.message;
}
}  // namespace

TEST_CASE("a well-formed document parses with line numbers") {
    Diagnostics d;
    auto doc = xml::parse("<a>\n  <b x=\"1\">text</b>\n</a>\n", "t.xml", d);
    REQUIRE(doc);
    CHECK(d.empty());
    xmlNode* b = xml::child(doc->root(), "b");
    REQUIRE(b != nullptr);
    CHECK(xml::line(b) == 2);
    CHECK(xml::attribute(b, "x") == "1");
    CHECK(xml::text(b) == "text");
    CHECK(doc->where(b).file == "t.xml");
}

TEST_CASE("malformed XML is reported at its real line and column") {
    Diagnostics d;
    auto doc = xml::parse("<article>\n<body>\n<p>one</q>\n</body>\n</article>\n", "a.xml", d);
    CHECK_FALSE(doc);
    CHECK(only(d) == "3:11: E-XML-MALFORMED: Opening and ending tag mismatch: p line 3 and q");
}

TEST_CASE("a message libxml2 writes on two lines is reported on one") {
    Diagnostics d;
    // Latin-1 bytes with no encoding declared: "... indicate encoding !\nBytes: 0xE9 ...".
    auto doc = xml::parse("<article>\n<p>caf\xE9 au lait</p>\n</article>\n", "a.xml", d);
    CHECK_FALSE(doc);
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].message.find('\n') == std::string::npos);
    CHECK(d.all()[0].message.find("indicate encoding ! Bytes: 0xE9") != std::string::npos);
}

TEST_CASE("line numbers stay right past 65535 lines") {
    std::string big = "<a>\n";
    for (int i = 0; i < 70000; ++i) big += "<b/>\n";
    big += "<c></d>\n</a>\n";
    Diagnostics d;
    CHECK_FALSE(xml::parse(big, "big.xml", d));
    REQUIRE_FALSE(d.empty());
    CHECK(d.all()[0].where.line == 70002);
}

TEST_CASE("a DOCTYPE with an external entity is refused and nothing is read") {
    galley::test::TempDir t;
    auto secret = t.write("secret.txt", "TOP-SECRET-CONTENT");
    std::string doc_text = "<?xml version=\"1.0\"?>\n<!DOCTYPE article [\n  <!ENTITY x SYSTEM \"file://" +
                           secret.string() + "\">\n]>\n<article>&x;</article>\n";
    Diagnostics d;
    CHECK_FALSE(xml::parse(doc_text, "xxe.xml", d));
    CHECK(only(d) ==
          "2:19: E-XML-DOCTYPE: a DOCTYPE declaration is not allowed (<!DOCTYPE article ...>); galley reads no "
          "DTDs and expands no entities");
}

TEST_CASE("an external DTD is neither loaded nor fetched") {
    Diagnostics d;
    CHECK_FALSE(xml::parse("<!DOCTYPE a SYSTEM \"http://127.0.0.1:9/a.dtd\">\n<a/>", "dtd.xml", d));
    CHECK(d.all().size() == 1);
    CHECK(d.all()[0].code == "E-XML-DOCTYPE");
}

TEST_CASE("billion laughs is refused at the DOCTYPE, before any expansion") {
    std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    bomb += " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
    for (int i = 2; i <= 9; ++i) {
        std::string prev = "&lol" + std::to_string(i - 1) + ";";
        bomb += " <!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) bomb += prev;
        bomb += "\">\n";
    }
    bomb += "]>\n<lolz>&lol9;</lolz>\n";
    Diagnostics d;
    CHECK_FALSE(xml::parse(bomb, "lol.xml", d));
    CHECK(d.all().size() == 1);
    CHECK(d.all()[0].code == "E-XML-DOCTYPE");
}

TEST_CASE("an undefined HTML entity is an error, not a silent blank") {
    Diagnostics d;
    CHECK_FALSE(xml::parse("<p>a&nbsp;b</p>", "e.xml", d));
    CHECK(only(d) == "1:11: E-XML-MALFORMED: Entity 'nbsp' not defined");
}

TEST_CASE("gzip data is not decompressed") {
    const std::string gz("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x4b\x4c\x04\x00", 14);
    Diagnostics d;
    CHECK_FALSE(xml::parse(gz, "z.xml", d));
    CHECK(d.all()[0].code == "E-XML-MALFORMED");
}

TEST_CASE("empty, BOM-only and whitespace-only files are errors") {
    for (const char* text : {"", "\xEF\xBB\xBF", "  \n\t\n"}) {
        Diagnostics d;
        CHECK_FALSE(xml::parse(text, "empty.xml", d));
        REQUIRE(d.all().size() == 1);
        CHECK(d.all()[0].code == "E-XML-MALFORMED");
    }
}

TEST_CASE("bytes that are not UTF-8 are reported") {
    Diagnostics d;
    CHECK_FALSE(xml::parse("<p>caf\xE9</p>", "latin.xml", d));
    REQUIRE_FALSE(d.empty());
    CHECK(d.all()[0].code == "E-XML-MALFORMED");
    CHECK(d.all()[0].where.line == 1);
}

TEST_CASE("a declared ISO-8859-1 file is read as such") {
    Diagnostics d;
    auto doc = xml::parse("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><p>caf\xE9</p>", "latin.xml", d);
    REQUIRE(doc);
    CHECK(xml::text(doc->root()) == "caf\xC3\xA9");
}

TEST_CASE("C0 control characters are not XML") {
    Diagnostics d;
    CHECK_FALSE(xml::parse(std::string("<p>a\x01b</p>"), "c0.xml", d));
    CHECK(d.all()[0].code == "E-XML-MALFORMED");
}

TEST_CASE("an element with too many attributes never reaches libxml2") {
    std::string many;
    for (int i = 0; i < 300; ++i) many += " a" + std::to_string(i) + "=\"x\"";
    Diagnostics d;
    CHECK_FALSE(xml::parse("<article>\n<p" + many + "/></article>", "a.xml", d));
    CHECK(only(d) == "2:0: E-XML-SCHEMA: element <p> has 300 attributes; galley reads at most 256 on one element");
    xml::ParseOptions loose;
    loose.markup.max_attributes_per_element = 1000;
    Diagnostics ok;
    CHECK(xml::parse("<article>\n<p" + many + "/></article>", "a.xml", ok, loose));
    CHECK(ok.empty());
}

TEST_CASE("an element with too many namespace declarations is E-XML-LIMIT") {
    std::string many;
    for (int i = 0; i < 65; ++i) many += " xmlns:n" + std::to_string(i) + "=\"u\"";
    Diagnostics d;
    CHECK_FALSE(xml::parse("<article>\n\n<p" + many + "/></article>", "a.xml", d));
    CHECK(only(d) ==
          "3:0: E-XML-LIMIT: element <p> declares 65 namespaces; galley reads at most 64 declarations on one element");
}

TEST_CASE("an encoding that could hide markup is refused at line 1") {
    Diagnostics d;
    CHECK_FALSE(xml::parse("<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n<a/>", "a.xml", d));
    CHECK(only(d).rfind("1:0: E-XML-MALFORMED: the encoding 'UTF-7' is not supported; galley reads XML in UTF-8", 0) == 0);
}
