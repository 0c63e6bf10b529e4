// The head of an article: a headline too long for its tier is set smaller
// (article.head-max-share), never run off the page.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <variant>

#include "compose_fixture.h"
#include "page_checks.h"
#include "read/issue_reader.h"
#include "support/test_support.h"

namespace galley::test {

namespace {

/// "w0 w1 ... w<n-1>": a headline of `n` words no other text holds.
std::string headline_words(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? " w" : "w") + std::to_string(i);
    return s;
}

/// A lead story (priority 1) with a full head and a `headline` of many words.
model::Issue lead_story(const std::string& headline) {
    model::Article a;
    a.id = "lead";
    a.lang = "en";
    a.meta.priority = 1;
    a.head.kicker = text("Kick");
    a.head.headline = text(headline);
    a.head.deck = text("Officials say the revised nomination, with a smaller map, answers the committee's questions");
    a.head.bylines.push_back(text("By Jo Bloggs"));
    a.head.dateline = text("PHNOM PENH");
    for (int i = 0; i < 12; ++i) {
        model::Block b;
        b.node = model::Paragraph{text("Body text of the story goes on here for a while so that the column "
                                       "fills with several lines of ordinary prose, as stories do.")};
        a.body.push_back(b);
    }
    return issue_of({std::move(a)});
}

/// The broadsheet on A6 in two columns, its 58 mm masthead and 18 pt deck
/// unchanged: the head it gives a lead story is deeper than the page under
/// the masthead.
layout::Layout pocket_broadsheet(Length margin_bottom) {
    layout::Layout l = bundled_layout("broadsheet");
    l.page.width = Length::mm(105);
    l.page.height = Length::mm(148);
    l.page.margin_inner = l.page.margin_outer = Length::mm(8);
    l.page.margin_top = Length::mm(12);
    l.page.margin_bottom = margin_bottom;
    l.columns.count = 2;
    l.columns.gutter = Length::mm(3.5);
    return l;
}

struct HeadlineRuns {
    std::set<double> sizes;
    std::size_t words = 0;
    double top = 1e9, bottom = -1e9;  ///< first and last baseline
    std::set<std::size_t> pages;
};

HeadlineRuns headline_runs(const page::Document& doc) {
    HeadlineRuns h;
    for (std::size_t p = 0; p < doc.pages.size(); ++p)
        for (const page::Item& item : doc.pages[p].items)
            if (auto* r = std::get_if<page::GlyphRun>(&item); r && r->text.starts_with("w") && r->text.size() > 1 &&
                                                               std::isdigit(static_cast<unsigned char>(r->text[1]))) {
                h.sizes.insert(std::round(r->size * 100) / 100);
                h.words += static_cast<std::size_t>(std::count(r->text.begin(), r->text.end(), 'w'));
                h.top = std::min(h.top, r->origin.y);
                h.bottom = std::max(h.bottom, r->origin.y);
                h.pages.insert(p);
            }
    return h;
}

std::vector<Diagnostic> with_code(const Diagnostics& d, const std::string& code) {
    std::vector<Diagnostic> out;
    for (const Diagnostic& x : d.all())
        if (x.code == code) out.push_back(x);
    return out;
}

std::string pt(double v) { return std::to_string(std::lround(v)) + " pt"; }

}  // namespace

TEST_CASE("a headline too deep for its tier is set in the smaller tiers, then smaller, never off the page") {
    const layout::Layout l = bundled_layout("tabloid");
    const double live_h = l.live_height().to_pt();
    const double tier1 = l.tier(1).size.to_pt();
    for (int words : {60, 150}) {
        CAPTURE(words);
        auto c = compose(lead_story(headline_words(words)), l);
        CHECK_FALSE(c->diags.contains("W-LAYOUT-OFF-PAGE"));
        for (const auto& p : check_all(c->doc, l, c->issue)) FAIL_CHECK(p);
        const HeadlineRuns h = headline_runs(c->doc);
        CHECK(h.words == static_cast<std::size_t>(words));  // every word, once
        REQUIRE(h.sizes.size() == 1);                       // one size for the whole headline
        CHECK(*h.sizes.begin() < tier1);
        CHECK(*h.sizes.begin() >= l.style(layout::ParagraphStyleId::deck).size.to_pt() - 0.01);
        CHECK(h.pages == std::set<std::size_t>{0});
        CHECK(h.bottom - h.top < l.flow.head_max_share * live_h);
        const auto shrunk = with_code(c->diags, "W-TEXT-HEADLINE-SHRUNK");
        REQUIRE(shrunk.size() == 1);
        const std::string& m = shrunk[0].message;
        CHECK(m.starts_with("headline set at "));
        CHECK(m.find(", not tier 1's " + pt(tier1) + ": at that size the head's text would be ") != std::string::npos);
        CHECK(m.ends_with(" deep, more than 50% of the page's " + pt(live_h) +
                          " text area (article.head-max-share)"));
        // The size it names is the size it used.
        CHECK(m.find(pt(*h.sizes.begin()) + ", not tier 1's") != std::string::npos);
    }
    // 60 words still fit in a smaller tier: the message names it.
    auto c = compose(lead_story(headline_words(60)), l);
    const auto shrunk = with_code(c->diags, "W-TEXT-HEADLINE-SHRUNK");
    REQUIRE(shrunk.size() == 1);
    CHECK(shrunk[0].message.starts_with("headline set at tier "));
}

TEST_CASE("article.head-max-share: a headline within the share keeps its tier's size") {
    layout::Layout roomy = bundled_layout("tabloid");
    roomy.flow.head_max_share = 1.0;
    const double tier1 = roomy.tier(1).size.to_pt();
    auto c = compose(lead_story(headline_words(60)), roomy);
    const HeadlineRuns h = headline_runs(c->doc);
    REQUIRE(h.sizes.size() == 1);
    CHECK(*h.sizes.begin() == doctest::Approx(tier1));
    CHECK_FALSE(c->diags.contains("W-TEXT-HEADLINE-SHRUNK"));
    CHECK_FALSE(c->diags.contains("W-LAYOUT-OFF-PAGE"));
    // The short headlines of the sample keep their tiers in every layout.
    for (const char* name : kLayouts) CHECK_FALSE(sample(name).diags.contains("W-TEXT-HEADLINE-SHRUNK"));
}

TEST_CASE("a head too deep with the headline at the deck's size gets a smaller deck, the headline with it") {
    const layout::Layout l = bundled_layout("tabloid");
    const double deck = l.style(layout::ParagraphStyleId::deck).size.to_pt();
    const double body = l.style(layout::ParagraphStyleId::body).size.to_pt();
    const double live_h = l.live_height().to_pt();
    // 1500 words: deeper than half the page at the deck's size, within it
    // with a smaller deck and headline, which then fit the page whole.
    auto c = compose(lead_story(headline_words(1500)), l);
    const HeadlineRuns h = headline_runs(c->doc);
    CHECK(h.words == 1500);
    REQUIRE(h.sizes.size() == 1);
    CHECK(*h.sizes.begin() < deck - 0.01);
    CHECK(*h.sizes.begin() >= 1.1 * body - 0.01);
    CHECK(h.pages == std::set<std::size_t>{0});
    CHECK_FALSE(c->diags.contains("W-LAYOUT-OFF-PAGE"));
    for (const auto& p : check_all(c->doc, l, c->issue)) FAIL_CHECK(p);
    const auto decks = with_code(c->diags, "W-TEXT-DECK-SHRUNK");
    REQUIRE(decks.size() == 1);
    const std::string& m = decks[0].message;
    CHECK(m.starts_with("deck set at "));
    CHECK(m.find(", not its style's " + pt(deck) + ": with the headline at the deck's size the head's text would be ") !=
          std::string::npos);
    CHECK(m.ends_with(" deep, more than 50% of the page's " + pt(live_h) + " text area (article.head-max-share)"));
    // The headline is no smaller than the deck it stands over.
    CHECK(m.find("deck set at " + pt(*h.sizes.begin()) + ",") != std::string::npos);
}

TEST_CASE("a headline too deep even with the smallest deck is set at that size, and what runs off is reported") {
    const layout::Layout l = bundled_layout("tabloid");
    const double body = l.style(layout::ParagraphStyleId::body).size.to_pt();
    auto c = compose(lead_story(headline_words(4000)), l);
    const HeadlineRuns h = headline_runs(c->doc);
    REQUIRE(h.sizes.size() == 1);
    CHECK(*h.sizes.begin() == doctest::Approx(1.1 * body));
    const auto shrunk = with_code(c->diags, "W-TEXT-HEADLINE-SHRUNK");
    REQUIRE(shrunk.size() == 1);
    CHECK(shrunk[0].message.ends_with("(article.head-max-share); even at the deck's size it is deeper than that"));
    CHECK(with_code(c->diags, "W-TEXT-DECK-SHRUNK").size() == 1);
    // The lines the page cannot hold are reported, not lost.
    CHECK(c->diags.contains("W-LAYOUT-OFF-PAGE"));
}

TEST_CASE("a head deeper than the page is never overprinted by its story's jump line") {
    // A headline of 80 words and more on the broadsheet set on A6 in two
    // columns, and of some 300 on a magazine page: even at the deck's
    // size the head reaches the column foot, where the jump line was
    // drawn over its byline. The jump line now goes under the head.
    const layout::Layout pocket = pocket_broadsheet(Length::mm(12));
    std::vector<std::pair<layout::Layout, int>> cases;
    for (int words = 60; words <= 120; words += 4) cases.emplace_back(pocket, words);
    for (int words = 250; words <= 350; words += 10) cases.emplace_back(bundled_layout("magazine"), words);
    int jumped = 0;
    for (const auto& [l, words] : cases) {
        CAPTURE(l.name);
        CAPTURE(words);
        model::Issue issue = lead_story(headline_words(words));
        model::Article& a = issue.sections[0].articles[0];
        for (int i = 0; i < 60; ++i) a.body.push_back(a.body.front());
        auto c = compose(issue, l);
        const page::GlyphRun* jump = nullptr;
        for (const page::Item& item : c->doc.pages.front().items)
            if (auto* r = std::get_if<page::GlyphRun>(&item); r && (r->text.starts_with("Continued on") ||
                                                                   r->text.starts_with("CONTINUED ON")))
                jump = r;
        if (!jump) continue;
        ++jumped;
        for (const page::Item& item : c->doc.pages.front().items)
            if (auto* r = std::get_if<page::GlyphRun>(&item); r && r != jump) {
                const bool across =
                    r->origin.x < jump->origin.x + jump->advance && jump->origin.x < r->origin.x + r->advance;
                const bool level = std::abs(r->origin.y - jump->origin.y) < 0.8 * std::max(r->size, jump->size);
                CHECK_MESSAGE(!(across && level), "\"" << r->text << "\" under the jump line");
            }
    }
    CHECK(jumped >= 20);
}

TEST_CASE("a pocket page keeps room under the lead story's head for its text and jump line") {
    const layout::Layout l = pocket_broadsheet(Length::mm(10));
    Diagnostics diags;
    auto read = read::read_issue(source_dir() / "samples" / "ppp-2008-06-13", {}, diags);
    REQUIRE(read.issue.has_value());
    auto c = compose(*read.issue, l);
    for (const auto& p : check_all(c->doc, l, c->issue)) FAIL_CHECK(p);
    CHECK_FALSE(c->diags.contains("W-LAYOUT-OFF-PAGE"));
    // Page one: the jump line lies below every line of the head, its
    // capitals clear of the head's descenders.
    double head_bottom = 0, jump_top = -1;
    for (const page::Item& item : c->doc.pages.front().items)
        if (auto* r = std::get_if<page::GlyphRun>(&item)) {
            if (r->text.find("Continued") != std::string::npos || r->text.find("CONTINUED") != std::string::npos)
                jump_top = r->origin.y - 0.75 * r->size;
            else if (r->origin.y < l.page.height.to_pt() - l.page.margin_bottom.to_pt())  // not a folio
                head_bottom = std::max(head_bottom, r->origin.y + 0.25 * r->size);
        }
    REQUIRE(jump_top > 0);
    CHECK(jump_top > head_bottom);
    const auto shrunk = with_code(c->diags, "W-TEXT-HEADLINE-SHRUNK");
    bool capped = false;
    for (const Diagnostic& d : shrunk)
        capped = capped || d.message.find(" a fresh page leaves it above three lines of text and a jump line") !=
                               std::string::npos;
    CHECK(capped);
}

namespace {

/// The widths of the lines on page 1 set in `size` whose words all come
/// from `text`, top to bottom.
std::vector<double> line_widths(const page::Document& doc, double size, const std::string& text) {
    std::map<long, double> by_baseline;
    for (const page::Item& item : doc.pages.front().items)
        if (auto* r = std::get_if<page::GlyphRun>(&item);
            r && std::abs(r->size - size) < 0.01 && !r->text.empty() && text.find(r->text) != std::string::npos)
            by_baseline[std::lround(r->origin.y * 10)] += r->advance;
    std::vector<double> out;
    for (const auto& [y, w] : by_baseline) out.push_back(w);
    return out;
}

}  // namespace

TEST_CASE("a headline or deck of two lines or more is set in lines of even length, not a last word alone") {
    // Set to the full measure, "…despite US / slowdown" and "…say the season
    // has started / early" end on a lone word; a desk balances the lines.
    const std::string headline = "Factories report steady orders despite US slowdown";
    const std::string deck = "As the rains lift the Mekong, boatmen at one of the river's deep pools say the season has "
                             "started early";
    int balanced = 0;
    for (const std::string name : kLayouts) {
        CAPTURE(name);
        const layout::Layout l = bundled_layout(name);
        for (int priority : {1, 2, 3}) {
            CAPTURE(priority);
            model::Issue issue = lead_story(headline);
            model::Article& a = issue.sections.front().articles.front();
            a.meta.priority = priority;
            a.head.deck = text(deck);
            auto c = compose(issue, l);
            // The headline's size: the largest type on the page.
            double size = 0;
            for (const page::Item& item : c->doc.pages.front().items)
                if (auto* r = std::get_if<page::GlyphRun>(&item); r && headline.find(r->text) != std::string::npos)
                    size = std::max(size, r->size);
            const double deck_size = l.style(layout::ParagraphStyleId::deck).size.to_pt();
            for (const auto& [what, lines] : {std::pair{headline, line_widths(c->doc, size, headline)},
                                              std::pair{deck, line_widths(c->doc, deck_size, deck)}}) {
                CAPTURE(what);
                REQUIRE_FALSE(lines.empty());
                if (lines.size() < 2) continue;
                ++balanced;
                const double longest = *std::max_element(lines.begin(), lines.end());
                CHECK(lines.back() >= 0.6 * longest);
            }
            CHECK_FALSE(c->diags.contains("W-TEXT-FORCED-BREAK"));
            for (const auto& p : check_all(c->doc, l, c->issue)) FAIL_CHECK(p);
        }
    }
    CHECK(balanced >= 10);
}

TEST_CASE("a head in Latin letters over an Arabic story sits on its right, as the headline does") {
    // A kicker or byline with no Arabic letter reads in its article's
    // direction (ParagraphShape::direction_of_lang), as in the EPUB.
    const layout::Layout l = bundled_layout("tabloid");
    for (const std::string lang : {"ar", "en"}) {
        CAPTURE(lang);
        model::Issue issue = lead_story(lang == "ar" ? "يولد جميع الناس أحرارا متساوين" : "All are born free and equal");
        model::Article& a = issue.sections.front().articles.front();
        a.lang = lang;
        a.head.kicker = text("UNESCO");
        a.head.bylines = {text("Reuters")};
        auto c = compose(issue, l);
        // The article's edges: where its (justified) body lines start and end.
        const double body_size = l.style(layout::ParagraphStyleId::body).size.to_pt();
        double head_left = 1e9, head_right = -1e9;
        std::map<std::string, std::pair<double, double>> piece;  // kicker, byline -> (left, right)
        for (const page::Item& item : c->doc.pages.front().items) {
            const auto* r = std::get_if<page::GlyphRun>(&item);
            if (r == nullptr) continue;
            if (r->size == body_size) {
                head_left = std::min(head_left, r->origin.x);
                head_right = std::max(head_right, r->origin.x + r->advance);
            }
            if (r->text == "UNESCO" || r->text == "Reuters" || r->text == "REUTERS")
                piece[r->text == "UNESCO" ? "kicker" : "byline"] = {r->origin.x, r->origin.x + r->advance};
        }
        REQUIRE(piece.count("kicker") == 1);
        REQUIRE(piece.count("byline") == 1);
        for (const auto& [name, edges] : piece) {
            CAPTURE(name);
            if (lang == "ar")
                CHECK(edges.second == doctest::Approx(head_right).epsilon(0.002));
            else
                CHECK(edges.first == doctest::Approx(head_left).epsilon(0.002));
        }
    }
}

}  // namespace galley::test
