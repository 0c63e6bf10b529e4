// The small pieces: SHA-1 and UUIDv5 against published vectors, DOS times, the XML writer's escaping, relative links, ZIP
// entry names, CSS numbers and colours.
#include <doctest/doctest.h>

#include "epub/book_plan.h"
#include "epub/image_names.h"
#include "epub/labels.h"
#include "epub/sha1.h"
#include "epub/stylesheet.h"
#include "epub/uuid.h"
#include "epub/xml_writer.h"
#include "epub/zip_archive.h"
#include "epub_test_support.h"

namespace galley::test {
namespace {

std::string hex(const epub::Sha1Digest& d) { return epub::to_hex(d.data(), d.size()); }

}  // namespace

TEST_CASE("sha1: FIPS 180 and RFC 3174 test vectors") {
    CHECK(hex(epub::sha1("")) == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    CHECK(hex(epub::sha1("abc")) == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(hex(epub::sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    std::string million(1000000, 'a');
    CHECK(hex(epub::sha1(million)) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
    // Fed in pieces of awkward sizes: the same digest.
    epub::Sha1 pieces;
    for (std::size_t at = 0; at < million.size(); at += 997) pieces.update(std::string_view(million).substr(at, 997));
    CHECK(hex(pieces.digest()) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST_CASE("uuid: version 5 per RFC 9562, stable for an issue") {
    // The RFC 9562 appendix example and Python's uuid5(NAMESPACE_DNS, "python.org").
    CHECK(epub::uuid_v5(epub::kUuidNamespaceDns, "www.example.com") == "2ed6657d-e927-568b-95e1-2665a8aea6a2");
    CHECK(epub::uuid_v5(epub::kUuidNamespaceDns, "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    std::string a = epub::issue_uuid_urn("The Courier", "c-1");
    CHECK(a == epub::issue_uuid_urn("The Courier", "c-1"));
    CHECK(a != epub::issue_uuid_urn("The Courier", "c-2"));
    CHECK(a != epub::issue_uuid_urn("The Courier 2", "c-1"));
    CHECK(a.size() == 9 + 36);
}

TEST_CASE("image names: the content's hash, the format's extension") {
    CHECK(epub::image_stem("abc") == "a9993e364706816aba3e");
    CHECK(epub::image_href("abc", model::ImageFormat::png) == "images/a9993e364706816aba3e.png");
    CHECK(epub::image_href("abc", model::ImageFormat::jpeg) == "images/a9993e364706816aba3e.jpg");
    CHECK(epub::image_href("abc", model::ImageFormat::svg) == "images/a9993e364706816aba3e.svg");
    CHECK(epub::image_href("abd", model::ImageFormat::gif) != epub::image_href("abc", model::ImageFormat::gif));
}

TEST_CASE("DOS timestamps: from UTC, never the time zone") {
    epub::DosTimestamp dos = epub::dos_timestamp_utc(1213315199);
    CHECK(dos.date == ((28 << 9) | (6 << 5) | 12));
    CHECK(dos.time == ((23 << 11) | (59 << 5) | 29));
    CHECK(epub::dos_timestamp_utc(0).date == ((0 << 9) | (1 << 5) | 1));  // clamped to 1980-01-01
    CHECK(epub::dos_timestamp_utc(0).time == 0);
}

TEST_CASE("xml writer: escapes markup with the XML entities only, drops what XML cannot hold") {
    epub::XmlWriter w;
    w.open("p", {{"title", "a \"b\" & <c>\n"}, {"", "skipped"}});
    w.text("Tom & Jerry <3 \"quotes\" 'single' \u00a0nbsp \u00adsoft\x01");
    w.empty("br");
    w.close();
    CHECK(w.finish() ==
          "<p title=\"a &quot;b&quot; &amp; &lt;c&gt;&#10;\">Tom &amp; Jerry &lt;3 \"quotes\" 'single' \u00a0nbsp "
          "\u00adsoft<br/></p>\n");
    epub::XmlWriter open;
    open.open("a");
    CHECK_THROWS(open.finish());
}

TEST_CASE("links between documents are relative to the document") {
    CHECK(epub::relative_href("articles/a.xhtml", "images/x.png") == "../images/x.png");
    CHECK(epub::relative_href("articles/a.xhtml", "articles/b.xhtml") == "b.xhtml");
    CHECK(epub::relative_href("cover.xhtml", "images/x.png") == "images/x.png");
    CHECK(epub::relative_href("sections/section-1.xhtml", "css/galley.css") == "../css/galley.css");
    CHECK(epub::relative_href("contents.xhtml", "nav.xhtml") == "nav.xhtml");
}

TEST_CASE("zip entry names: relative, no dot segments, no backslashes") {
    CHECK(epub::valid_entry_name("mimetype"));
    CHECK(epub::valid_entry_name("EPUB/images/a.png"));
    CHECK_FALSE(epub::valid_entry_name(""));
    CHECK_FALSE(epub::valid_entry_name("/etc/passwd"));
    CHECK_FALSE(epub::valid_entry_name("../evil"));
    CHECK_FALSE(epub::valid_entry_name("EPUB/../../evil"));
    CHECK_FALSE(epub::valid_entry_name("EPUB/./x"));
    CHECK_FALSE(epub::valid_entry_name("EPUB//x"));
    CHECK_FALSE(epub::valid_entry_name("EPUB\\x"));
    CHECK_FALSE(epub::valid_entry_name("EPUB/"));
    Diagnostics diags;
    CHECK_FALSE(epub::build_zip({{"mimetype", "x", epub::ZipMethod::store}, {"../evil", "x", epub::ZipMethod::store}},
                                {}, diags));
    CHECK(diags.contains("E-EPUB-ZIP"));
    Diagnostics empty;
    CHECK_FALSE(epub::build_zip({}, {}, empty));
    CHECK(empty.contains("E-EPUB-ZIP"));
}

TEST_CASE("css: numbers in the classic format, accent colours kept only when they are colours and readable") {
    CHECK(epub::css_number(1.25) == "1.25");
    CHECK(epub::css_number(2.0) == "2");
    CHECK(epub::css_number(0.8) == "0.8");
    CHECK(epub::css_number(1.0 / 3.0) == "0.333");
    CHECK(epub::css_number(-0.005) == "-0.005");
    CHECK(epub::css_number(0.0001) == "0");
    CHECK_FALSE(epub::accent_colour({0, 0, 0}));
    CHECK_FALSE(epub::accent_colour({0x4d, 0x4d, 0x4d}));
    CHECK_FALSE(epub::accent_colour({255, 255, 255}));
    auto red = epub::accent_colour({0xa3, 0x14, 0x1d});
    REQUIRE(red);
    CHECK(red->hex() == "#a3141d");  // already 4.5:1 on white: unchanged
    auto yellow = epub::accent_colour({0xff, 0xd7, 0x00});
    REQUIRE(yellow);
    CHECK(epub::contrast_on_white(*yellow) >= 4.5);
}

TEST_CASE("labels: English by default, marked as such inside documents in other languages") {
    const layout::Labels& english = tabloid_layout().labels;
    CHECK(english.lang == "en");
    CHECK(english.contents == "Contents");
    CHECK(epub::same_language("en-GB", "en"));
    CHECK_FALSE(epub::same_language("km", "en"));
    auto attrs = epub::label_lang_attributes(english, "fr");
    REQUIRE(attrs.size() == 3);
    CHECK(attrs[0].name == "lang");
    CHECK(attrs[1].value == "en");
    CHECK(attrs[2].name.empty());  // both left to right: no dir
    CHECK(epub::label_lang_attributes(english, "en")[0].name.empty());
    // In a document read right to left, the English label turns back.
    auto in_arabic = epub::label_lang_attributes(english, "ar");
    REQUIRE(in_arabic.size() == 3);
    CHECK(in_arabic[2].name == "dir");
    CHECK(in_arabic[2].value == "ltr");
    // Labels in the document's own language need no marking.
    layout::Labels french = english;
    french.lang = "fr";
    CHECK(epub::label_lang_attributes(french, "fr-CA")[0].name.empty());
}

}  // namespace galley::test
