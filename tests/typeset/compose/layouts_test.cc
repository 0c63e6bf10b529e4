// The sample issue in every bundled layout: the page dump against its
// golden file (GALLEY_UPDATE_GOLDEN=1 rewrites them), and the invariants
// checked on the pages themselves.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "compose_fixture.h"
#include "page_checks.h"
#include "support/test_support.h"

namespace galley::test {

namespace {

std::filesystem::path golden_path(const std::string& layout) {
    return source_dir() / "tests" / "typeset" / "compose" / "golden" / (layout + ".txt");
}

void check_golden(const std::string& layout) {
    std::string dump = dump_pages(sample(layout).doc);
    std::filesystem::path path = golden_path(layout);
    if (std::getenv("GALLEY_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << dump;
        return;
    }
    REQUIRE_MESSAGE(std::filesystem::exists(path), "no golden file; run with GALLEY_UPDATE_GOLDEN=1");
    std::string golden = read_file(path);
    if (dump == golden) return;
    // Show the first line that differs.
    std::istringstream a(dump), b(golden);
    std::string la, lb;
    int n = 0;
    while (true) {
        ++n;
        bool ga = static_cast<bool>(std::getline(a, la));
        bool gb = static_cast<bool>(std::getline(b, lb));
        if (!ga && !gb) break;
        if (la != lb || ga != gb) {
            FAIL_CHECK(layout << " dump differs from " << path.string() << " at line " << n << "\n  now:    " << la
                              << "\n  golden: " << lb);
            return;
        }
    }
}

void check_invariants(const std::string& layout) {
    const Composed& c = sample(layout);
    CHECK(c.doc.pages.size() >= 1);
    for (const page::Page& p : c.doc.pages) {
        CHECK(p.width == doctest::Approx(c.layout->page.width.to_pt()));
        CHECK(p.height == doctest::Approx(c.layout->page.height.to_pt()));
    }
    auto problems = check_all(c.doc, *c.layout, c.issue);
    for (std::size_t i = 0; i < problems.size() && i < 25; ++i) FAIL_CHECK(layout << ": " << problems[i]);
    CHECK_MESSAGE(problems.empty(), problems.size() << " problems");
}

}  // namespace

TEST_CASE("tabloid: the sample issue matches its golden page dump") { check_golden("tabloid"); }
TEST_CASE("broadsheet: the sample issue matches its golden page dump") { check_golden("broadsheet"); }
TEST_CASE("magazine: the sample issue matches its golden page dump") { check_golden("magazine"); }
TEST_CASE("newsletter: the sample issue matches its golden page dump") { check_golden("newsletter"); }
TEST_CASE("peer-tabloid: the sample issue matches its golden page dump") { check_golden("peer-tabloid"); }

TEST_CASE("tabloid: no overlaps, lines in columns and on the grid, nothing outside the live area, no word lost") {
    check_invariants("tabloid");
}
TEST_CASE("broadsheet: no overlaps, lines in columns and on the grid, nothing outside the live area, no word lost") {
    check_invariants("broadsheet");
}
TEST_CASE("magazine: no overlaps, lines in columns and on the grid, nothing outside the live area, no word lost") {
    check_invariants("magazine");
}
TEST_CASE("newsletter: no overlaps, lines in columns and on the grid, nothing outside the live area, no word lost") {
    check_invariants("newsletter");
}
TEST_CASE("peer-tabloid: no overlaps, lines in columns and on the grid, nothing outside the live area, no word lost") {
    check_invariants("peer-tabloid");
}

}  // namespace galley::test
