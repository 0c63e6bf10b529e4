#include <doctest/doctest.h>

#include <stdexcept>

#include "xml/document.h"
#include "xml/resources.h"
#include "xml/schema.h"

using galley::Diagnostics;
namespace xml = galley::xml;

namespace {
const char* kXsd = R"(<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="a">
    <xs:complexType><xs:sequence><xs:element name="b" type="xs:integer" maxOccurs="unbounded"/></xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>)";
}  // namespace

TEST_CASE("schema errors are all reported with their lines") {
    xml::Schema schema(kXsd, "test.xsd");
    Diagnostics d;
    auto doc = xml::parse("<a>\n<b>1</b>\n<b>x</b>\n<c/>\n</a>", "s.xml", d);
    REQUIRE(doc);
    CHECK_FALSE(schema.validate(*doc, d));
    REQUIRE(d.all().size() == 2);
    CHECK(d.all()[0].where.line == 3);
    CHECK(d.all()[0].where.column == 0);
    CHECK(d.all()[0].code == "E-XML-SCHEMA");
    CHECK(d.all()[0].message == "Element 'b': 'x' is not a valid value of the atomic type 'xs:integer'.");
    CHECK(d.all()[1].where.line == 4);
    CHECK(d.all()[1].message == "Element 'c': This element is not expected. Expected is ( b ).");
}

TEST_CASE("a schema import is served from memory, and nothing else is loaded") {
    static const char* kImported = R"(<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">
  <xs:attribute name="n" type="xs:integer"/></xs:schema>)";
    xml::register_resource("imported-for-test.xsd", kImported);
    const char* with_import = R"(<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t">
  <xs:import namespace="urn:t" schemaLocation="imported-for-test.xsd"/>
  <xs:element name="a"><xs:complexType><xs:attribute ref="t:n"/></xs:complexType></xs:element>
</xs:schema>)";
    CHECK_NOTHROW(xml::Schema(with_import, "with-import.xsd"));
    const char* with_unknown = R"(<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:u">
  <xs:import namespace="urn:u" schemaLocation="/etc/hostname"/>
  <xs:element name="a"><xs:complexType><xs:attribute ref="t:n"/></xs:complexType></xs:element>
</xs:schema>)";
    CHECK_THROWS_AS(xml::Schema(with_unknown, "unknown-import.xsd"), std::runtime_error);
}
