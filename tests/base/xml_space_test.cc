// XML white space: which characters count, and the collapse rule tokens and
// labels share.
#include <doctest/doctest.h>

#include "base/xml_space.h"

namespace galley::test {

TEST_CASE("xml space: space, tab, LF and CR only") {
    for (char32_t c : {U' ', U'\t', U'\n', U'\r'}) CHECK(is_xml_space(c));
    for (char32_t c : {U'\v', U'\f', U'\u00a0', U'\u2003', U'a', U'\0'}) CHECK_FALSE(is_xml_space(c));
}

TEST_CASE("xml space: trimmed at both ends only") {
    CHECK(trim_xml_space("") == "");
    CHECK(trim_xml_space(" \t\r\n") == "");
    CHECK(trim_xml_space("\n  12pt \t") == "12pt");
    CHECK(trim_xml_space(" a  b ") == "a  b");
    CHECK(trim_xml_space("\u00a0x\u00a0") == "\u00a0x\u00a0");
}

TEST_CASE("xml space: trimmed, each run one space, other spaces kept") {
    CHECK(collapse_xml_space("") == "");
    CHECK(collapse_xml_space(" \t\r\n ") == "");
    CHECK(collapse_xml_space("  Phnom \n\t Penh  ") == "Phnom Penh");
    CHECK(collapse_xml_space("a\r\nb") == "a b");
    CHECK(collapse_xml_space("a\u00a0 b") == "a\u00a0 b");  // a no-break space is text
    CHECK(collapse_xml_space("\xe1\x9e\x97\xe1\x9f\x92\xe1\x9e\x93\xe1\x9f\x86  \xe1\x9e\x96\xe1\x9f\x81\xe1\x9e\x89") ==
          "\xe1\x9e\x97\xe1\x9f\x92\xe1\x9e\x93\xe1\x9f\x86 \xe1\x9e\x96\xe1\x9f\x81\xe1\x9e\x89");  // UTF-8 bytes pass
}

}  // namespace galley::test
