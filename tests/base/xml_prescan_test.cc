#include <doctest/doctest.h>

#include <string>

#include "base/xml_prescan.h"

using galley::MarkupLimits;
using galley::prescan_xml;
using galley::PrescanProblem;

namespace {

std::string attributes(int n, const char* pattern = " a%d=\"x\"") {
    std::string out;
    char buf[64];
    for (int i = 0; i < n; ++i) {
        std::snprintf(buf, sizeof buf, pattern, i);
        out += buf;
    }
    return out;
}

std::string utf16le(const std::string& ascii, bool bom) {
    std::string out = bom ? std::string("\xFF\xFE", 2) : std::string();
    for (char c : ascii) {
        out += c;
        out += '\0';
    }
    return out;
}

std::string utf16be(const std::string& ascii) {
    std::string out("\xFE\xFF", 2);
    for (char c : ascii) {
        out += '\0';
        out += c;
    }
    return out;
}

}  // namespace

TEST_CASE("ordinary documents pass") {
    MarkupLimits limits;
    CHECK_FALSE(prescan_xml("", limits));
    CHECK_FALSE(prescan_xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a x='1' y=\"2\"><b/></a>", limits));
    CHECK_FALSE(prescan_xml("<a xmlns='u' xmlns:p='v' p:x='1'/>", limits));
    CHECK_FALSE(prescan_xml("<a" + attributes(256) + "/>", limits));
    CHECK_FALSE(prescan_xml("<a" + attributes(64, " xmlns:n%d=\"u\"") + attributes(256) + "/>", limits));
    CHECK_FALSE(prescan_xml("<?xml version='1.0' encoding='ISO-8859-1'?><a/>", limits));
    CHECK_FALSE(prescan_xml("<?xml version='1.0' encoding='windows-1252'?><a/>", limits));
    CHECK_FALSE(prescan_xml("<?xml version='1.0' encoding='Shift_JIS'?><a/>", limits));
    CHECK_FALSE(prescan_xml(utf16le("<?xml version='1.0' encoding='UTF-16'?><a x='1'/>", true), limits));
}

TEST_CASE("too many attributes on one element are found before parsing, with the line") {
    auto p = prescan_xml("<article>\n<body>\n<p" + attributes(257) + ">x</p></body></article>", MarkupLimits{});
    REQUIRE(p);
    CHECK(p->kind == PrescanProblem::Kind::attributes);
    CHECK(p->line == 3);
    CHECK(p->element == "p");
    CHECK(p->count == 257);
    CHECK(p->message == "element <p> has 257 attributes; galley reads at most 256 on one element");
}

TEST_CASE("namespace declarations have their own limit") {
    auto p = prescan_xml("<a>\n<p" + attributes(65, " xmlns:n%d=\"u\"") + "/></a>", MarkupLimits{});
    REQUIRE(p);
    CHECK(p->kind == PrescanProblem::Kind::namespaces);
    CHECK(p->line == 2);
    CHECK(p->message == "element <p> declares 65 namespaces; galley reads at most 64 declarations on one element");
    // "xmlnsfoo" is an attribute, not a declaration.
    CHECK_FALSE(prescan_xml("<p" + attributes(100, " xmlns%d=\"u\"") + "/>", MarkupLimits{}));
}

TEST_CASE("markup inside quotes, comments, CDATA and instructions is not counted") {
    MarkupLimits tight{2, 1};
    CHECK_FALSE(prescan_xml("<a x='<b c=1 d=2 e=3>' y=\"> f=1 g=2\"/>", tight));
    CHECK_FALSE(prescan_xml("<!-- <b c=1 d=2 e=3> --><a/>", tight));
    CHECK_FALSE(prescan_xml("<a><![CDATA[<b c=1 d=2 e=3>]]></a>", tight));
    CHECK_FALSE(prescan_xml("<?pi <b c=1 d=2 e=3> ?><a/>", tight));
    CHECK_FALSE(prescan_xml("<!DOCTYPE a [ <!ATTLIST a b CDATA 'x' c CDATA 'y' d CDATA 'z'> ]><a/>", tight));
    CHECK(prescan_xml("<a b='1' c='2' d='3'/>", tight));
    // Lines inside attribute values are counted.
    auto p = prescan_xml("<a b='1\n\n'/>\n<c d='1' e='2' f='3'/>", tight);
    REQUIRE(p);
    CHECK(p->line == 4);
}

TEST_CASE("UTF-16 is counted too, either byte order") {
    const std::string doc = "<a>\n<p" + attributes(300) + "/></a>";
    auto le = prescan_xml(utf16le(doc, true), MarkupLimits{});
    REQUIRE(le);
    CHECK(le->line == 2);
    CHECK(le->count == 300);
    CHECK(prescan_xml(utf16le("<?xml version='1.0'?>" + doc, false), MarkupLimits{}));
    CHECK(prescan_xml(utf16be(doc), MarkupLimits{}));
}

TEST_CASE("encodings that could hide markup from the count are refused") {
    for (const char* enc : {"UTF-7", "UTF-32", "UCS-4", "IBM037", "EBCDIC", "ISO-2022-JP", "HZ-GB-2312"}) {
        CAPTURE(enc);
        auto p = prescan_xml(std::string("<?xml version=\"1.0\" encoding=\"") + enc + "\"?><a/>", MarkupLimits{});
        REQUIRE(p);
        CHECK(p->kind == PrescanProblem::Kind::encoding);
        CHECK(p->line == 1);
    }
    CHECK(prescan_xml(std::string("\0\0\0<\0\0\0a", 8), MarkupLimits{}));
    // UTF-32 with its byte order mark, either order (libxml2 took FF FE for
    // UTF-16 and said "Document is empty").
    for (const std::string& bom : {std::string("\xFF\xFE\0\0<\0\0\0", 8), std::string("\0\0\xFE\xFF\0\0\0<", 8)}) {
        auto p = prescan_xml(bom, MarkupLimits{});
        REQUIRE(p);
        CHECK(p->kind == PrescanProblem::Kind::encoding);
        CHECK(p->message.rfind("the file is in UTF-32; ", 0) == 0);
    }
    CHECK(prescan_xml("\x4C\x6F\xA7\x94", MarkupLimits{}));
    // A UTF-16 document may not switch to the other byte order.
    CHECK(prescan_xml(utf16le("<?xml version='1.0' encoding='UTF-16BE'?><a/>", true), MarkupLimits{}));
}
