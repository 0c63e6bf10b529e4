// What the document says about itself: metadata, outline, labels, tags.
#include <doctest/doctest.h>

#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <variant>

#include "compose_fixture.h"
#include "page_checks.h"

namespace galley::test {

TEST_CASE("metadata: title from publication, date and issue title, authors, keywords, subject, language") {
    const Composed& c = sample("tabloid");
    const page::Metadata& m = c.doc.meta;
    CHECK(m.title == "The Phnom Penh Post, Friday 13 June 2008 \u2014 June 13\u201326, 2008");
    CHECK(m.author.find("Post Staff") != std::string::npos);
    CHECK(m.keywords.find("human trafficking") != std::string::npos);
    CHECK(m.subject == "The Phnom Penh Post");
    CHECK(m.lang == "en");
    CHECK(m.creator == "galley test");
    CHECK(m.date == "2008-06-13");
}

TEST_CASE("outline: each section, then its articles, with the page and height where they start") {
    const Composed& c = sample("tabloid");
    const auto& outline = c.doc.outline;
    REQUIRE(!outline.empty());
    CHECK(outline.front().level == 1);
    CHECK(outline.front().title == "National");
    int sections = 0, articles = 0;
    for (const auto& o : outline) {
        (o.level == 1 ? sections : articles)++;
        CHECK(o.page >= 0);
        CHECK(o.page < static_cast<int>(c.doc.pages.size()));
    }
    CHECK(sections == 3);
    CHECK(articles == static_cast<int>(c.issue.article_count()));
    CHECK(outline[1].title == "Anti-trafficking drive marred by claims of gang rape, robbery");
    CHECK(outline[1].page == 0);
}

TEST_CASE("pages are labelled 1, 2, 3... and are the trim size") {
    const Composed& c = sample("newsletter");
    for (std::size_t i = 0; i < c.doc.pages.size(); ++i) {
        CHECK(c.doc.pages[i].label == std::to_string(i + 1));
        CHECK(c.doc.pages[i].width == doctest::Approx(8.5 * 72));
        CHECK(c.doc.pages[i].height == doctest::Approx(11 * 72));
    }
}

TEST_CASE("structure: Document, one Art per article titled with its headline, H1 inside, furniture as artifacts") {
    const Composed& c = sample("tabloid");
    CHECK(check_tags(c.doc).empty());
    const auto& first = c.doc.pages.front().items.front();
    REQUIRE(std::holds_alternative<page::TagBegin>(first));
    CHECK(std::get<page::TagBegin>(first).kind == page::TagKind::document);
    int arts = 0, h1 = 0, figures_with_alt = 0;
    for (const auto& p : c.doc.pages)
        for (const auto& item : p.items) {
            auto* t = std::get_if<page::TagBegin>(&item);
            if (!t) continue;
            if (t->kind == page::TagKind::article) {
                ++arts;
                CHECK(!t->title.empty());
            }
            if (t->kind == page::TagKind::heading && t->level == 1) ++h1;
            if (t->kind == page::TagKind::figure && !t->alt.empty()) ++figures_with_alt;
        }
    CHECK(arts == static_cast<int>(c.issue.article_count()));
    CHECK(h1 == static_cast<int>(c.issue.article_count()));
    CHECK(figures_with_alt >= 8);
}

TEST_CASE("related stories naming an article of the issue link to where it starts") {
    const Composed& c = sample("tabloid");
    int internal = 0;
    for (const auto& p : c.doc.pages)
        for (const auto& item : p.items)
            if (auto* l = std::get_if<page::Link>(&item)) {
                CHECK(l->uri.rfind("galley-article:", 0) == std::string::npos);
                if (l->uri.empty()) {
                    ++internal;
                    CHECK(l->target_page >= 0);
                }
            }
    CHECK(internal >= 1);
}

TEST_CASE("items of a More stories box are set apart, also where one has no teaser") {
    // The opinion piece's box: a title with no teaser, then a title with no
    // kicker. Without the gap the two titles would read as one headline.
    const Composed& c = sample("tabloid");
    const page::GlyphRun* before = nullptr;
    const page::GlyphRun* after = nullptr;
    for (const auto& p : c.doc.pages)
        for (const auto& item : p.items)
            if (auto* r = std::get_if<page::GlyphRun>(&item)) {
                if (r->text.ends_with("rape, robbery") && r->size > 10 && r->size < 12) before = r;
                if (r->text == "Letters to the editor" && r->size > 10 && r->size < 12) after = r;
            }
    REQUIRE(before);
    REQUIRE(after);
    const double leading = bundled_layout("tabloid").style(layout::ParagraphStyleId::related_title).leading.to_pt();
    CHECK(after->origin.y - before->origin.y >= leading + 2 * 72 / 25.4 - 0.01);  // related-teaser space-after, 2 mm
}

TEST_CASE("an item of a More stories box that flows down its column is never split between columns") {
    // The front-page story's box runs over two columns in the magazine
    // (page 3) and the tabloid (page 2): a teaser's last lines at the head
    // of the next column, under the frame's rule there, read as an item of
    // their own. Each item's title and the end of its teaser share a column.
    int boxes_split = 0;
    for (const std::string name : kLayouts) {
        CAPTURE(name);
        const Composed& c = sample(name);
        const double title_size = c.layout->style(layout::ParagraphStyleId::related_title).size.to_pt();
        const double teaser_size = c.layout->style(layout::ParagraphStyleId::related_teaser).size.to_pt();
        // Where a run of `size` that `fits` the text is: page and column x.
        auto where = [&](double size, auto fits) -> std::optional<std::pair<std::size_t, double>> {
            for (std::size_t p = 0; p < c.doc.pages.size(); ++p)
                for (const auto& item : c.doc.pages[p].items)
                    if (auto* r = std::get_if<page::GlyphRun>(&item);
                        r && std::abs(r->size - size) < 0.01 && !r->text.empty() && fits(r->text))
                        return std::pair{p, r->origin.x};
            return std::nullopt;
        };
        for (const model::Section& s : c.issue.sections)
            for (const model::Article& a : s.articles) {
                std::set<std::pair<std::size_t, long>> columns;
                for (const model::RelatedItem& item : a.end.related) {
                    const std::string title = model::plain_text(item.title);
                    const std::string teaser = model::plain_text(item.teaser);
                    if (teaser.empty()) continue;
                    CAPTURE(title);
                    auto head = where(title_size, [&](const std::string& t) { return title.starts_with(t); });
                    auto tail = where(teaser_size, [&](const std::string& t) { return teaser.ends_with(t); });
                    REQUIRE(head);
                    REQUIRE(tail);
                    CHECK(head->first == tail->first);
                    CHECK(std::abs(head->second - tail->second) < 1);
                    columns.insert({head->first, std::lround(head->second)});
                }
                boxes_split += columns.size() > 1;
            }
    }
    // The boxes that flow over columns are there to test.
    CHECK(boxes_split >= 2);
}

TEST_CASE("a letter's sign-off, set in lines of its own, stays in the column of the letter it ends") {
    // The letters page: each letter ends with a paragraph of name and
    // address lines (<br/>). A column break before it would leave a name at
    // the head of a column with no letter above it.
    for (const char* name : kLayouts) {
        CAPTURE(name);
        const Composed& c = sample(name);
        for (const char* signer : {"Chhay Vannak", "Mey Srey Neang", "Ouk Rathana"}) {
            CAPTURE(signer);
            const page::GlyphRun* previous = nullptr;
            const page::GlyphRun* found = nullptr;
            for (const auto& p : c.doc.pages)
                for (const auto& item : p.items)
                    if (auto* r = std::get_if<page::GlyphRun>(&item); r && !found) {
                        if (r->text == signer)
                            found = r;
                        else
                            previous = r;
                    }
            REQUIRE(found);
            REQUIRE(previous);
            // The line before it ends the letter, on the same page just above.
            CHECK(previous->origin.y < found->origin.y);
            CHECK(found->origin.y - previous->origin.y < 3 * found->size);
            // In the same column: at most the first-line indent that sets
            // the sign-off's lines in (a column is far wider).
            CHECK(std::abs(found->origin.x - previous->origin.x) < 40);
        }
    }
}

TEST_CASE("composition is deterministic") {
    auto a = compose(sample("broadsheet").issue, bundled_layout("broadsheet"));
    CHECK(dump_pages(a->doc) == dump_pages(sample("broadsheet").doc));
}

TEST_CASE("pages handed over as they are finished are the pages, links resolved at the end") {
    for (const char* name : kLayouts) {
        CAPTURE(name);
        const Composed& whole = sample(name);
        auto streamed = compose_streamed(whole.issue, bundled_layout(name));
        CHECK(dump_pages(streamed->doc) == dump_pages(whole.doc));
        CHECK(streamed->doc.outline.size() == whole.doc.outline.size());
        CHECK(streamed->doc.meta.title == whole.doc.meta.title);
        // Links exactly (the dump rounds): every one resolved alike.
        std::vector<page::Link> a, b;
        for (const auto& p : whole.doc.pages)
            for (const auto& item : p.items)
                if (auto* l = std::get_if<page::Link>(&item)) a.push_back(*l);
        for (const auto& p : streamed->doc.pages)
            for (const auto& item : p.items)
                if (auto* l = std::get_if<page::Link>(&item)) b.push_back(*l);
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            CHECK(a[i].uri == b[i].uri);
            CHECK(a[i].target_page == b[i].target_page);
            CHECK(a[i].target_y == b[i].target_y);
        }
    }
}

}  // namespace galley::test
