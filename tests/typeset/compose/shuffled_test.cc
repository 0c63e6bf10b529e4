// The page invariants on issues the goldens do not cover: the sample
// articles in other orders and mixes, each article twice, in every bundled
// layout. Different neighbours put every article's figures, factboxes,
// More stories boxes and jumps at other places on the page, where the
// column filler, the floats and the balancing meet cases the sample alone
// never reaches. GALLEY_DUMP_SHUFFLED=DIR writes each composed issue's page
// dump to DIR/<layout>-<order>.txt, to look at a failure.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "compose_fixture.h"
#include "page_checks.h"
#include "read/issue_reader.h"
#include "support/test_support.h"

namespace galley::test {

namespace {

const model::Issue& sample_issue() {
    static const model::Issue issue = [] {
        Diagnostics diags;
        auto read = read::read_issue(source_dir() / "samples" / "ppp-2008-06-13", {}, diags);
        REQUIRE(read.issue.has_value());
        return *read.issue;
    }();
    return issue;
}

/// The sample's articles, each twice (the copy with "-2" on its id), in
/// an order drawn from `seed`, dealt into three sections.
model::Issue shuffled(std::uint32_t seed) {
    model::Issue issue = sample_issue();
    std::vector<model::Article> all;
    for (const model::Section& s : issue.sections)
        for (const model::Article& a : s.articles) {
            all.push_back(a);
            all.push_back(a);
            all.back().id += "-2";
        }
    // Fisher-Yates with the standard engine's exact outputs (std::shuffle's
    // algorithm is the library's own), so every platform gets this order.
    std::mt19937 engine(seed);
    for (std::size_t i = all.size() - 1; i > 0; --i) std::swap(all[i], all[engine() % (i + 1)]);
    issue.sections.assign(3, model::Section{});
    issue.sections[0].title = "National";
    issue.sections[1].title = "Business";
    issue.sections[2].title = "Opinion";
    for (std::size_t i = 0; i < all.size(); ++i) issue.sections[i * 3 / all.size()].articles.push_back(all[i]);
    return issue;
}

void check_shuffled(const std::string& layout_name) {
    layout::Layout layout = bundled_layout(layout_name);
    for (std::uint32_t seed : {1u, 2u, 3u}) {
        auto c = compose(shuffled(seed), layout);
        CHECK(c->doc.pages.size() >= 2);
        auto problems = check_all(c->doc, *c->layout, c->issue);
        if (const char* d = std::getenv("GALLEY_DUMP_SHUFFLED"))
            std::ofstream(std::string(d) + "/" + layout_name + "-" + std::to_string(seed) + ".txt") << dump_pages(c->doc);
        for (std::size_t i = 0; i < problems.size() && i < 10; ++i)
            FAIL_CHECK(layout_name << ", order " << seed << ": " << problems[i]);
        CHECK_MESSAGE(problems.empty(), layout_name << ", order " << seed << ": " << problems.size() << " problems");
    }
}

}  // namespace

TEST_CASE("tabloid: the sample articles twice in three other orders keep every page invariant") {
    check_shuffled("tabloid");
}
TEST_CASE("broadsheet: the sample articles twice in three other orders keep every page invariant") {
    check_shuffled("broadsheet");
}
TEST_CASE("magazine: the sample articles twice in three other orders keep every page invariant") {
    check_shuffled("magazine");
}
TEST_CASE("newsletter: the sample articles twice in three other orders keep every page invariant") {
    check_shuffled("newsletter");
}
TEST_CASE("peer-tabloid: the sample articles twice in three other orders keep every page invariant") {
    check_shuffled("peer-tabloid");
}

}  // namespace galley::test
