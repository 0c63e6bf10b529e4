// Every EPUB the suite builds passes epubcheck with no error and no warning,
// and DAISY Ace finds no violation in the sample issue. The validators are
// required: when one is missing the test fails and names what to install.
#include <doctest/doctest.h>

#include "epub_test_support.h"
#include "fixture_issues.h"
#include "support/test_support.h"

namespace galley::test {
namespace {

void check_with_epubcheck(const model::Issue& issue, const std::string& name) {
    TempDir tmp;
    epub::EpubBuild book = build_or_fail(issue);
    std::filesystem::path file = tmp.write(name + ".epub", book.bytes);
    EpubcheckReport report = run_epubcheck(file);
    INFO(report.problem);
    REQUIRE_MESSAGE(report.ran, "epubcheck could not run");
    INFO(report.messages);
    CHECK(report.fatals == 0);
    CHECK(report.errors == 0);
    CHECK(report.warnings == 0);
}

}  // namespace

TEST_CASE("epubcheck: the sample issue passes with 0 errors and 0 warnings") {
    check_with_epubcheck(sample_issue(), "sample");
}

TEST_CASE("epubcheck: a one-article issue passes with 0 errors and 0 warnings") {
    TempDir tmp;
    check_with_epubcheck(read_issue_or_fail(write_one_article_issue(tmp)), "one-article");
}

TEST_CASE("epubcheck: an issue without images passes with 0 errors and 0 warnings") {
    TempDir tmp;
    check_with_epubcheck(read_issue_or_fail(write_no_images_issue(tmp)), "no-images");
}

TEST_CASE("epubcheck: an issue with every block type passes with 0 errors and 0 warnings") {
    TempDir tmp;
    check_with_epubcheck(read_issue_or_fail(write_every_block_issue(tmp)), "every-block");
}

TEST_CASE("epubcheck: the sample issue passes with fonts embedded whole and with none") {
    for (epub::FontMode mode : {epub::FontMode::full, epub::FontMode::none}) {
        CAPTURE(epub::font_mode_name(mode));
        TempDir tmp;
        epub::EpubOptions options;
        options.fonts = mode;
        std::filesystem::path file = tmp.write("sample.epub", build_or_fail(sample_issue(), options).bytes);
        EpubcheckReport report = run_epubcheck(file);
        INFO(report.problem);
        REQUIRE(report.ran);
        INFO(report.messages);
        CHECK(report.errors + report.fatals + report.warnings == 0);
    }
}

TEST_CASE("DAISY Ace: the sample issue has no accessibility violations") {
    TempDir tmp;
    std::filesystem::path file = tmp.write("sample.epub", build_or_fail(sample_issue()).bytes);
    AceReport report = run_ace(file);
    INFO(report.problem);
    REQUIRE_MESSAGE(report.ran, "Ace could not run");
    std::string all;
    for (const std::string& v : report.violations) all += v + "\n";
    INFO(all);
    CHECK(report.violations.empty());
    CHECK(report.outcome == "pass");
}

TEST_CASE("DAISY Ace: the every-block issue has no accessibility violations") {
    TempDir tmp;
    model::Issue issue = read_issue_or_fail(write_every_block_issue(tmp));
    std::filesystem::path file = tmp.write("every.epub", build_or_fail(issue).bytes);
    AceReport report = run_ace(file);
    INFO(report.problem);
    REQUIRE(report.ran);
    std::string all;
    for (const std::string& v : report.violations) all += v + "\n";
    INFO(all);
    CHECK(report.violations.empty());
}

}  // namespace galley::test
