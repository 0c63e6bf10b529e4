// The bundled sample issue reads with no diagnostics at all.
#include <doctest/doctest.h>

#include "read/read_test_support.h"

using galley::test::read_for_test;
using galley::test::source_dir;
namespace model = galley::model;

TEST_CASE("the sample issue reads clean") {
    auto root = source_dir() / "samples" / "ppp-2008-06-13";
    auto r = read_for_test(root, root);
    for (const auto& line : r.lines) INFO(line);
    CHECK(r.lines.empty());
    REQUIRE(r.result.issue);
    const model::Issue& issue = *r.result.issue;
    CHECK(issue.id == "ppp-2008-06-13");
    CHECK(issue.publication == "The Phnom Penh Post");
    CHECK(issue.date == "2008-06-13");
    CHECK(issue.lang == "en");
    CHECK(issue.logo);
    CHECK(issue.sections.size() >= 2);
    CHECK(issue.article_count() >= 7);
    CHECK(r.result.failed_articles.empty());
}

TEST_CASE("the seed story is the lead, with its figures, pull quote and related items") {
    auto root = source_dir() / "samples" / "ppp-2008-06-13";
    auto r = read_for_test(root, root);
    REQUIRE(r.result.issue);
    const model::Article& lead = r.result.issue->sections[0].articles[0];
    CHECK(model::plain_text(lead.head.headline) == "Anti-trafficking drive marred by claims of gang rape, robbery");
    int figures = 0, pullquotes = 0;
    for (const model::Block& b : lead.body) {
        figures += std::holds_alternative<model::Figure>(b.node);
        pullquotes += std::holds_alternative<model::PullQuote>(b.node);
    }
    CHECK(figures == 3);
    CHECK(pullquotes >= 1);
    CHECK(lead.end.related.size() == 6);
}
