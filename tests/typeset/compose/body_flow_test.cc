// The blocks of an article body as they come out on the page: lists.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <string>
#include <variant>

#include "compose_fixture.h"
#include "page_checks.h"
#include "support/test_support.h"

namespace galley::test {

namespace {

model::Block list_block(model::ListType type, int items) {
    model::List l;
    l.type = type;
    for (int i = 1; i <= items; ++i)
        l.items.push_back(text("entry" + std::to_string(i) + " of the list, long enough to run onto a second line"));
    model::Block b;
    b.node = l;
    return b;
}

model::Issue issue_with(std::vector<model::Block> body) {
    model::Article a;
    a.id = "lists";
    a.lang = "en";
    a.meta.priority = 3;
    a.head.headline = text("Lists");
    a.body = std::move(body);
    model::Issue issue;
    issue.id = "test";
    issue.lang = "en";
    issue.publication = "The Test Post";
    issue.date = "2008-06-13";
    issue.root = (source_dir() / "samples" / "ppp-2008-06-13").string();
    model::Section s;
    s.title = "News";
    s.articles.push_back(std::move(a));
    issue.sections.push_back(std::move(s));
    return issue;
}

struct Labelled {
    const page::GlyphRun* label = nullptr;
    const page::GlyphRun* first = nullptr;  ///< the item's first line
};

// Each numbered item's label ("7.") and first line ("entry7 ..."), by number.
std::map<int, Labelled> numbered_items(const page::Document& doc) {
    std::map<int, Labelled> out;
    for (const page::Page& p : doc.pages)
        for (const page::Item& item : p.items)
            if (auto* r = std::get_if<page::GlyphRun>(&item)) {
                if (r->text.size() >= 2 && r->text.back() == '.' &&
                    r->text.find_first_not_of("0123456789") == r->text.size() - 1)
                    out[std::stoi(r->text)].label = r;
                if (r->text.starts_with("entry")) out[std::stoi(r->text.substr(5))].first = r;
            }
    return out;
}

}  // namespace

TEST_CASE("list labels end together before their items, however many digits they have") {
    for (bool boxed : {false, true}) {
        CAPTURE(boxed);
        model::Block list = list_block(model::ListType::number, 112);
        model::Block body = list;
        if (boxed) {
            model::Aside aside;
            aside.title = text("In numbers");
            aside.blocks.push_back(list);
            body.node = aside;
        }
        auto c = compose(issue_with({body}), bundled_layout("tabloid"));
        CHECK(check_all(c->doc, *c->layout, c->issue).empty());
        std::map<int, Labelled> items = numbered_items(c->doc);
        REQUIRE(items.size() == 112);
        for (const auto& [n, it] : items) {
            CAPTURE(n);
            REQUIRE(it.label);
            REQUIRE(it.first);
            CHECK(it.label->origin.y == doctest::Approx(it.first->origin.y));
            const double label_end = it.label->origin.x + it.label->advance;
            // A gap of about a third of the type size, never an overlap.
            CHECK(it.first->origin.x - label_end >= 0.25 * it.first->size);
            CHECK(it.first->origin.x - label_end <= 0.35 * it.first->size);
            // Within one column every item text starts at the same x.
            const Labelled& one = items.at(1);
            if (std::abs(it.first->origin.x - one.first->origin.x) < 1.0)
                CHECK(label_end == doctest::Approx(one.label->origin.x + one.label->advance));
        }
    }
}

}  // namespace galley::test
