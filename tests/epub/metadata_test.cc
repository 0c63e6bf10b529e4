// The package metadata: identifier, title, languages, dates, creators with
// roles, subjects, rights, the series (belongs-to-collection).
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "epub/package_document.h"
#include "epub/uuid.h"
#include "epub_test_support.h"
#include "fixture_issues.h"
#include "xml_probe.h"

namespace galley::test {
namespace {

std::vector<std::string> all_text(const XmlProbe& p, const std::string& xpath) {
    std::vector<std::string> out;
    for (xmlNode* n : p.all(xpath)) out.push_back(node_text(n));
    return out;
}

std::string meta(const XmlProbe& opf, const std::string& property, const std::string& refines = "") {
    std::string q = "/opf:package/opf:metadata/opf:meta[@property='" + property + "']";
    if (!refines.empty()) q = "/opf:package/opf:metadata/opf:meta[@property='" + property + "'][@refines='" + refines + "']";
    return opf.value(q);
}

}  // namespace

TEST_CASE("metadata: the sample issue's identity, creators, subjects, rights and series") {
    std::map<std::string, std::string> files = zip_map(build_or_fail(sample_issue()).bytes);
    XmlProbe opf(files.at("EPUB/package.opf"), "package.opf");
    REQUIRE(opf.ok());
    CHECK(opf.value("//dc:identifier") == "urn:galley:ppp:2008-06-13");
    CHECK(opf.value("//dc:title") == "The Phnom Penh Post, Friday 13 June 2008 — June 13–26, 2008");
    CHECK(all_text(opf, "//dc:language") == std::vector<std::string>{"en", "km"});
    CHECK(opf.value("//dc:date") == "2008-06-13");
    CHECK(opf.value("//dc:publisher") == "Post Media Co., Ltd.");
    CHECK(opf.value("/opf:package/@xml:lang") == "en");
    // Authors are creators; photographers, contributors, editors contributors, each with a MARC role.
    std::vector<std::string> creators = all_text(opf, "//dc:creator");
    CHECK(std::find(creators.begin(), creators.end(), "Chan Malis") != creators.end());
    std::string photographer = opf.value("//dc:contributor[.='Lim Sopheap']/@id");
    REQUIRE_FALSE(photographer.empty());
    CHECK(meta(opf, "role", "#" + photographer) == "pht");
    for (xmlNode* c : opf.all("//dc:creator")) CHECK(meta(opf, "role", "#" + attr(c, "id")) == "aut");
    std::vector<std::string> subjects = all_text(opf, "//dc:subject");
    CHECK(std::find(subjects.begin(), subjects.end(), "Irrawaddy dolphins") != subjects.end());
    CHECK(std::set<std::string>(subjects.begin(), subjects.end()).size() == subjects.size());
    CHECK_FALSE(all_text(opf, "//dc:rights").empty());
    // The publication as a series.
    std::string id = opf.value("/opf:package/opf:metadata/opf:meta[@property='belongs-to-collection']/@id");
    CHECK(meta(opf, "belongs-to-collection") == "The Phnom Penh Post");
    CHECK(meta(opf, "collection-type", "#" + id) == "series");
    CHECK(meta(opf, "dcterms:identifier", "#" + id) == "urn:issn:1811-5624");
    CHECK(meta(opf, "group-position", "#" + id) == "12");
}

TEST_CASE("metadata: without an identifier, a UUIDv5 of publication and issue id, the same every time") {
    TempDir tmp;
    model::Issue issue = read_issue_or_fail(write_no_images_issue(tmp));
    CHECK(issue.identifier.empty());
    std::string expected = epub::issue_uuid_urn(issue.publication, issue.id);
    CHECK(expected.rfind("urn:uuid:", 0) == 0);
    CHECK(expected.substr(9 + 14, 1) == "5");  // version nibble
    CHECK(epub::book_identifier(issue) == expected);
    XmlProbe opf(zip_map(build_or_fail(issue).bytes).at("EPUB/package.opf"), "package.opf");
    CHECK(opf.value("//dc:identifier") == expected);
    // Another issue of the same publication gets another identifier.
    model::Issue next = issue;
    next.id = "plain-2";
    CHECK(epub::book_identifier(next) != expected);
    // A derived issue: title is publication and date; no series number.
    CHECK(opf.value("//dc:title") == "plain, Friday 14 June 2024");
    CHECK(opf.count("//opf:meta[@property='group-position']") == 0);
    CHECK(opf.count("//opf:meta[@property='dcterms:identifier']") == 0);
}

TEST_CASE("metadata: every role, several languages, the series position from the issue number") {
    TempDir tmp;
    model::Issue issue = read_issue_or_fail(write_every_block_issue(tmp));
    XmlProbe opf(zip_map(build_or_fail(issue).bytes).at("EPUB/package.opf"), "package.opf");
    CHECK(all_text(opf, "//dc:language") == std::vector<std::string>{"en", "fr", "km"});
    CHECK(opf.value("//dc:title") == "The Test Courier, Friday 14 June 2024 — Water festival special");
    CHECK(all_text(opf, "//dc:creator") == std::vector<std::string>{"Sokha Chan", "Maria Lindqvist"});
    CHECK(all_text(opf, "//dc:contributor") == std::vector<std::string>{"Dara Keo", "Vanna Sim", "Lim Sopheap"});
    std::vector<std::string> roles;
    for (xmlNode* c : opf.all("//dc:contributor")) roles.push_back(meta(opf, "role", "#" + attr(c, "id")));
    CHECK(roles == std::vector<std::string>{"pht", "edt", "ctb"});
    CHECK(meta(opf, "group-position") == "41");
    CHECK(all_text(opf, "//dc:subject") == std::vector<std::string>{"festival", "boats"});
}

TEST_CASE("metadata: the identifier and the credits helpers") {
    model::Issue issue;
    issue.publication = "The Courier";
    issue.date = "2024-02-29";
    issue.lang = "en-GB";
    issue.id = "c-1";
    issue.identifier = "doi:10.1234/xyz";
    CHECK(epub::book_identifier(issue) == "doi:10.1234/xyz");
    CHECK(std::string(epub::marc_relator(model::PersonRole::editor)) == "edt");
    CHECK(std::string(epub::marc_relator(model::PersonRole::contributor)) == "ctb");
}

}  // namespace galley::test
