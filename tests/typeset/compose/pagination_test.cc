// Pagination on hand-built issues: long articles jump and continue, odd
// articles still compose, print and digital editions, figures.
#include <doctest/doctest.h>

#include <tuple>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <variant>

#include "compose_fixture.h"
#include "layout/check.h"
#include "page_checks.h"
#include "support/test_support.h"
#include "typeset/compose/page_frame.h"

namespace galley::test {

namespace {

std::string words(int n, int seed) {
    static const char* const kWords[] = {"the",      "ministry", "said",   "river",  "boat",       "fares",
                                         "rose",     "after",    "fuel",   "prices", "climbed",    "sharply",
                                         "while",    "farmers",  "waited", "for",    "rain",       "and",
                                         "traders",  "counted",  "their",  "losses", "provincial", "officials",
                                         "promised", "support",  "before", "July",   "elections",  "in"};
    // Every word different (a base word and a running number), so a word
    // lost or out of order shows.
    std::string out;
    for (int i = 0; i < n; ++i) {
        if (i) out += ' ';
        out += kWords[(i * 7 + seed * 13) % 30];
        out += std::to_string(seed * 100 + i);
    }
    return out;
}

model::Block para(const std::string& s, model::Edition e = model::Edition::both) {
    model::Block b;
    b.node = model::Paragraph{text(s)};
    b.edition = e;
    return b;
}

model::Article article(const std::string& id, const std::string& headline, int paragraphs, int priority = 3) {
    model::Article a;
    a.id = id;
    a.lang = "en";
    a.meta.priority = priority;
    a.head.headline = text(headline);
    a.head.kicker = text("Kicker " + id);
    for (int i = 0; i < paragraphs; ++i) a.body.push_back(para(words(40 + i % 17, i)));
    return a;
}

std::vector<std::string> texts(const page::Page& p) {
    std::vector<std::string> out;
    for (const page::Item& item : p.items)
        if (auto* r = std::get_if<page::GlyphRun>(&item)) out.push_back(r->text);
    return out;
}

bool page_says(const page::Page& p, const std::string& needle) {
    for (const std::string& t : texts(p))
        if (t.find(needle) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("a long article continues over several pages, every jump announced, no word lost") {
    for (const char* name : {"tabloid", "newsletter", "peer-tabloid"}) {
        auto c = compose(issue_of({article("long", "A story far longer than a page", 160, 1)}), bundled_layout(name));
        INFO("layout " << std::string(name));
        REQUIRE(c->doc.pages.size() >= 3);
        for (std::size_t p = 0; p + 1 < c->doc.pages.size(); ++p)
            CHECK(page_says(c->doc.pages[p], "Continued on page " + std::to_string(p + 2)));
        for (std::size_t p = 1; p < c->doc.pages.size(); ++p)
            CHECK(page_says(c->doc.pages[p], "Continued from page " + std::to_string(p)));
        auto problems = check_all(c->doc, *c->layout, c->issue);
        for (std::size_t i = 0; i < problems.size() && i < 10; ++i) FAIL_CHECK(problems[i]);
    }
}

TEST_CASE("the completeness check joins a Chinese sentence over many lines, and finds a word taken out") {
    // A sentence of Chinese has no spaces: set in a column, it is one
    // "word" of the input in a dozen pieces on the page.
    model::Article a = article("zh", "Headline", 0);
    a.lang = "zh-Hans";
    a.body.push_back(para("人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。"
                          "人人有资格享有本宣言所载的一切权利和自由，不分种族、肤色、性别、语言、宗教、政治或其他见解、"
                          "国籍或社会出身、财产、出生或其他身分等任何区别。"));
    a.body.push_back(para(words(60, 1)));
    auto c = compose(issue_of({a}), bundled_layout("tabloid"));
    int pieces = 0;
    for (const page::Page& p : c->doc.pages)
        for (const std::string& t : texts(p)) pieces += t.find("\u3002") != std::string::npos || t.find("\uFF0C") != std::string::npos;
    CHECK(pieces > 3);
    for (const auto& p : check_completeness(c->doc, c->issue)) FAIL_CHECK(p);
    // One English word of the body taken off its page is missed.
    bool taken = false;
    for (page::Page& p : c->doc.pages)
        for (page::Item& item : p.items)
            if (auto* r = std::get_if<page::GlyphRun>(&item); r && !taken && r->text.find("ministry") != std::string::npos) {
                r->text.replace(r->text.find("ministry"), 8, "minister");
                taken = true;
            }
    REQUIRE(taken);
    CHECK(check_completeness(c->doc, c->issue).size() == 1);
}

TEST_CASE("a float deeper than a continuation page's room is forced onto the next page, not carried on for ever") {
    // The sample in the magazine layout on a 100 mm square page: below the
    // jump line from the page before and above the one to the next, the
    // market-prices table (a float across both columns) has no room on any
    // page. The page must take it all the same; the build used to add
    // pages holding only jump lines until memory ran out.
    layout::Layout l = bundled_layout("magazine");
    l.page.width = l.page.height = Length::mm(100);
    l.page.margin_inner = l.page.margin_outer = Length::mm(8);
    l.columns.count = 2;
    auto c = compose(sample("magazine").issue, l);
    CHECK_FALSE(c->diags.contains("E-LAYOUT-STUCK"));
    CHECK(c->doc.pages.size() < 100);
    // The table's rows and the story after it, on the page that took it.
    bool table = false;
    for (std::size_t p = 1; p < c->doc.pages.size() && !table; ++p)
        table = page_says(c->doc.pages[p], "Paddy, Battambang farm gate") &&
                page_says(c->doc.pages[p], "Continued from page " + std::to_string(p));
    CHECK(table);
    for (const auto& p : check_completeness(c->doc, c->issue)) FAIL_CHECK(p);
    for (const auto& p : check_tags(c->doc)) FAIL_CHECK(p);
}

TEST_CASE("the layout's labels set the jump lines and the related-stories heading in the issue's language") {
    layout::Layout l = bundled_layout("tabloid");
    l.labels.continued_on = "Suite page {page}";
    l.labels.continued_from = "Suite de la page {page}";
    l.labels.more_stories = "\u00c0 lire aussi";
    model::Article a = article("long", "Un article plus long qu'une page", 160, 1);
    model::RelatedItem item;
    item.title = text("Un autre article");
    a.end.related.push_back(item);
    auto c = compose(issue_of({a}), l);
    REQUIRE(c->doc.pages.size() >= 3);
    CHECK(page_says(c->doc.pages[0], "Suite page 2"));
    CHECK(page_says(c->doc.pages[1], "Suite de la page 1"));
    CHECK(page_says(c->doc.pages[1], "Suite page 3"));
    bool heading = false;
    for (const auto& p : c->doc.pages) {
        heading = heading || page_says(p, "\u00c0 lire aussi");
        CHECK_FALSE(page_says(p, "Continued"));
        CHECK_FALSE(page_says(p, "More stories"));
    }
    CHECK(heading);
    for (const auto& p : check_all(c->doc, l, c->issue)) FAIL_CHECK(p);
}

TEST_CASE("a layout's date, month, weekday and digit labels reach the masthead, running heads, folios and title") {
    layout::Layout l = bundled_layout("tabloid");
    l.labels.months = "មករា, កុម្ភៈ, មីនា, មេសា, ឧសភា, មិថុនា, កក្កដា, សីហា, កញ្ញា, តុលា, វិច្ឆិកា, ធ្នូ";
    l.labels.weekdays = "ចន្ទ, អង្គារ, ពុធ, ព្រហស្បតិ៍, សុក្រ, សៅរ៍, អាទិត្យ";
    l.labels.digits = "០១២៣៤៥៦៧៨៩";
    l.labels.date = "ថ្ងៃ{weekday} ទី{day} ខែ{month} ឆ្នាំ{year}";
    l.labels.continued_on = "ត​ទៅ​ទំព័រ {page}";
    auto c = compose(issue_of({article("long", "A story far longer than a page", 160, 1)}), l);
    REQUIRE(c->doc.pages.size() >= 2);
    const std::string date = "ថ្ងៃសុក្រ ទី១៣ ខែមិថុនា ឆ្នាំ២០០៨";
    // Khmer lines come as a run per word and space: read the page's runs joined.
    auto joined = [&](std::size_t page) {
        std::string all;
        for (const std::string& t : texts(c->doc.pages[page])) all += t;
        return all;
    };
    CHECK(joined(0).find(date) != std::string::npos);  // the masthead
    CHECK(joined(1).find(date) != std::string::npos);  // the running head
    CHECK(joined(0).find("ត​ទៅ​ទំព័រ ២") != std::string::npos);
    CHECK(texts(c->doc.pages[1]).back() == "២");  // the folio, drawn last
    CHECK(c->doc.meta.title == "The Test Post, " + date);
    for (const auto& p : check_all(c->doc, l, c->issue)) FAIL_CHECK(p);
}

TEST_CASE("a running head too wide for its page is cut short with an ellipsis, never set over itself") {
    struct Case {
        const char* layout_name;
        double page_width_mm;  // 0: the layout's own
        bool keeps_date;
    };
    for (Case k : {Case{"newsletter", 0, true}, Case{"tabloid", 80, false}}) {
        CAPTURE(std::string(k.layout_name));
        layout::Layout l = bundled_layout(k.layout_name);
        if (k.page_width_mm > 0) {
            l.page.width = Length::mm(k.page_width_mm);
            l.page.margin_inner = l.page.margin_outer = Length::mm(8);
            l.columns.count = 1;  // every span comes down to it
        }
        model::Issue issue = issue_of({article("long", "A story far longer than a page", 160, 1)});
        issue.publication = "The Phnom Penh Post and Cambodia Daily Weekend International Edition for Readers Abroad";
        issue.sections[0].title = "National News, Provinces and the Tonle Sap Region";
        auto c = compose(issue, l);
        REQUIRE(c->doc.pages.size() >= 2);
        CHECK(c->diags.contains("W-LAYOUT-RUNNING-HEAD"));
        const typeset::PageFrame frame = typeset::page_frame(l, 2);
        // The running head: the runs above the live area, on one baseline.
        std::vector<const page::GlyphRun*> head;
        for (const page::Item& item : c->doc.pages[1].items)
            if (auto* r = std::get_if<page::GlyphRun>(&item); r && r->origin.y < frame.top) head.push_back(r);
        REQUIRE_FALSE(head.empty());
        std::sort(head.begin(), head.end(), [](auto* a, auto* b) { return a->origin.x < b->origin.x; });
        std::string all;
        for (std::size_t i = 0; i < head.size(); ++i) {
            CAPTURE(head[i]->text);
            all += head[i]->text + "|";
            CHECK(head[i]->origin.y == doctest::Approx(head[0]->origin.y));
            CHECK(head[i]->origin.x >= frame.left - 0.01);
            CHECK(head[i]->origin.x + head[i]->advance <= frame.right + 0.01);
            if (i > 0) CHECK(head[i - 1]->origin.x + head[i - 1]->advance < head[i]->origin.x);
        }
        CAPTURE(all);
        CHECK(all.find("\u2026") != std::string::npos);
        CHECK((all.find("2008") != std::string::npos) == k.keeps_date);
        for (const auto& p : check_all(c->doc, l, c->issue)) FAIL_CHECK(p);
    }
}

TEST_CASE("a numbered list counts in the labels' digits in an article in the labels' language, else in ASCII") {
    layout::Layout l = bundled_layout("tabloid");
    l.labels.lang = "km";
    l.labels.digits = "០១២៣៤៥៦៧៨៩";
    auto with_list = [](const std::string& id, const std::string& lang) {
        model::Article a = article(id, "Headline " + id, 2);
        a.lang = lang;
        model::List list;
        list.type = model::ListType::number;
        list.items = {text("first item"), text("second item")};
        model::Block b;
        b.node = list;
        a.body.push_back(b);
        return a;
    };
    auto c = compose(issue_of({with_list("khmer", "km"), with_list("english", "en")}), l);
    std::vector<std::string> all;
    for (const page::Page& p : c->doc.pages)
        for (const std::string& t : texts(p)) all.push_back(t);
    auto has = [&](const std::string& t) { return std::find(all.begin(), all.end(), t) != all.end(); };
    auto joined = [&] {
        std::string out;
        for (const std::string& t : all) out += t;
        return out;
    }();
    CHECK(joined.find("១.") != std::string::npos);  // the Khmer article
    CHECK(joined.find("២.") != std::string::npos);
    CHECK(has("1."));  // the English one
    CHECK(has("2."));
}

TEST_CASE("the More stories heading is tagged with the labels' language where the article is in another") {
    auto heading_lang = [](const page::Document& doc) -> std::optional<std::string> {
        for (const auto& p : doc.pages)
            for (const auto& item : p.items)
                if (auto* t = std::get_if<page::TagBegin>(&item); t && t->kind == page::TagKind::heading && t->level == 3)
                    return t->lang;
        return std::nullopt;
    };
    model::Article a = article("km", "A story in Khmer", 3);
    a.lang = "km";
    model::RelatedItem item;
    item.title = text("Another story");
    a.end.related.push_back(item);
    layout::Layout l = bundled_layout("tabloid");
    // English labels (the default) in a Khmer article: tagged English.
    CHECK(heading_lang(compose(issue_of({a}), l)->doc) == std::optional<std::string>("en"));
    // Khmer labels: the article's language, nothing to add.
    l.labels.lang = "km";
    l.labels.more_stories = "\u179A\u17BF\u1784\u1795\u17D2\u179F\u17C1\u1784\u1791\u17C0\u178F";
    CHECK(heading_lang(compose(issue_of({a}), l)->doc) == std::optional<std::string>(""));
    // An English article with English labels: nothing either.
    model::Article en = a;
    en.lang = "en-GB";
    CHECK(heading_lang(compose(issue_of({en}), bundled_layout("tabloid"))->doc) == std::optional<std::string>(""));
}

TEST_CASE("an empty article, a headline-only article and one without a headline still compose") {
    model::Article empty;
    empty.id = "empty";
    empty.lang = "en";
    model::Article headline_only;
    headline_only.id = "headline";
    headline_only.lang = "en";
    headline_only.head.headline = text("Only a headline");
    model::Article no_headline = article("body", "", 3);
    no_headline.head.headline.clear();
    auto c = compose(issue_of({empty, headline_only, no_headline}), bundled_layout("tabloid"));
    REQUIRE(c->doc.pages.size() == 1);
    CHECK(page_says(c->doc.pages[0], "Only a headline"));
    auto problems = check_all(c->doc, *c->layout, c->issue);
    for (const auto& p : problems) FAIL_CHECK(p);
}

TEST_CASE("an issue without articles is one page with its masthead") {
    auto c = compose(issue_of({}), bundled_layout("tabloid"));
    REQUIRE(c->doc.pages.size() == 1);
    CHECK(page_says(c->doc.pages[0], "Friday 13 June 2008"));
    CHECK(check_tags(c->doc).empty());
}

TEST_CASE("a publication's name too wide for the page is set smaller on one line, clear of the date line") {
    for (const char* name : kLayouts) {
        const layout::Layout l = bundled_layout(name);
        if (l.furniture.masthead.height.to_pt() <= 0) continue;
        for (const std::string publication : {"The Harbour Gazette", "The Western Provinces Weekly Agricultural Gazette"}) {
            CAPTURE(name);
            CAPTURE(publication);
            model::Issue issue = issue_of({article("a", "A story", 3)});
            issue.publication = publication;
            issue.volume = "2";
            issue.number = "1";
            auto c = compose(std::move(issue), l);
            REQUIRE(!c->doc.pages.empty());
            const page::Page& p = c->doc.pages[0];
            const double date_size = l.style(layout::ParagraphStyleId::masthead_line).size.to_pt();
            const double live_left = l.left_margin(1).to_pt();
            const double live_right = live_left + l.live_width().to_pt();
            const double band = l.page.margin_top.to_pt() + l.furniture.masthead.height.to_pt();
            std::vector<const page::GlyphRun*> plate;
            double date_top = 1e9;
            for (const page::Item& item : p.items) {
                const auto* r = std::get_if<page::GlyphRun>(&item);
                if (r == nullptr || r->origin.y > band) continue;
                if (r->size > date_size + 1)
                    plate.push_back(r);
                else
                    date_top = std::min(date_top, r->origin.y - 0.8 * r->size);
            }
            REQUIRE(!plate.empty());
            REQUIRE(date_top < 1e9);
            std::string words;
            for (const page::GlyphRun* r : plate) {
                words += r->text;
                CHECK(r->origin.y == doctest::Approx(plate.front()->origin.y));  // one line
                CHECK(r->origin.y + 0.25 * r->size < date_top);                  // above the date line
                CHECK(r->origin.x >= live_left - 0.01);
                CHECK(r->origin.x + r->advance <= live_right + 0.01);
            }
            std::erase(words, ' ');
            std::string want = publication;
            std::erase(want, ' ');
            CHECK(words == want);
        }
    }
}

TEST_CASE("blocks marked digital are left out of print, print and both are kept") {
    model::Article a = article("editions", "Editions", 0);
    a.body.push_back(para("printed everywhere"));
    a.body.push_back(para("only on screen", model::Edition::digital));
    a.body.push_back(para("only on paper", model::Edition::print));
    auto c = compose(issue_of({a}), bundled_layout("tabloid"));
    std::string all;
    for (const auto& p : c->doc.pages)
        for (const auto& t : texts(p)) all += t + " ";
    CHECK(all.find("printed everywhere") != std::string::npos);
    CHECK(all.find("only on paper") != std::string::npos);
    CHECK(all.find("only on screen") == std::string::npos);
}

TEST_CASE("a picture that prints thinner than a hairline is warned about, a thin rule of a picture is not") {
    for (const auto& [w, h, thin] : {std::tuple{1u, 20000u, true}, std::tuple{20000u, 1u, true},
                                     std::tuple{1600u, 1000u, false}, std::tuple{2000u, 40u, false}}) {
        CAPTURE(w);
        CAPTURE(h);
        model::Article a = article("thin", "Thin", 6);
        a.body.insert(a.body.begin() + 2, figure_block(model::Placement::inline_, "img/rice-price-chart-2008.png", w,
                                                       h, "A picture", "Its caption"));
        auto c = compose(issue_of({a}), bundled_layout("tabloid"));
        CHECK(c->diags.contains("W-IMAGE-TOO-THIN") == thin);
        for (const Diagnostic& d : c->diags.all())
            if (d.code == "W-IMAGE-TOO-THIN")
                CHECK(d.message.find("(" + std::to_string(w) + " x " + std::to_string(h) + " px) prints ") !=
                      std::string::npos);
    }
}

TEST_CASE("figures: absolute image paths, aspect ratio kept, low resolution warned") {
    model::Article a = article("figs", "Figures", 6);
    model::Block b = figure_block(model::Placement::inline_, "img/rice-price-chart-2008.png", 160, 100, "A chart",
                                  "A small chart");
    std::get<model::Figure>(b.node).credit = text("Credit line");
    a.body.insert(a.body.begin() + 2, b);
    auto c = compose(issue_of({a}), bundled_layout("tabloid"));
    CHECK(c->diags.contains("W-IMAGE-LOW-RESOLUTION"));
    const page::Image* img = nullptr;
    for (const auto& p : c->doc.pages)
        for (const auto& item : p.items)
            if (auto* i = std::get_if<page::Image>(&item)) img = i;
    REQUIRE(img);
    CHECK(std::filesystem::path(img->file).is_absolute());
    CHECK(std::filesystem::exists(img->file));
    CHECK(img->rect.width / img->rect.height == doctest::Approx(1.6).epsilon(0.001));
    CHECK(img->rect.width <= c->layout->column_width().to_pt() + 0.01);
    auto problems = check_all(c->doc, *c->layout, c->issue);
    for (const auto& p : problems) FAIL_CHECK(p);
}

namespace {

model::Article with_lead_picture(int paragraphs) {
    model::Article a = article("opener", "An opening picture", paragraphs);
    a.body.insert(a.body.begin(), figure_block(model::Placement::lead, "img/kampi-dolphin-surfacing.jpg", 1600, 1067,
                                               "A dolphin", "The caption stays in the columns"));
    return a;
}

const page::Image* only_image(const page::Document& doc, int* page_index = nullptr) {
    const page::Image* img = nullptr;
    for (std::size_t p = 0; p < doc.pages.size(); ++p)
        for (const auto& item : doc.pages[p].items)
            if (auto* i = std::get_if<page::Image>(&item)) {
                img = i;
                if (page_index) *page_index = static_cast<int>(p);
            }
    return img;
}

}  // namespace

TEST_CASE("a head shot made a lead picture goes over the columns its pixels fill, not the layout's lead span") {
    for (const char* name : kLayouts) {
        CAPTURE(name);
        const layout::Layout l = bundled_layout(name);
        const double narrow_dpi = l.figures.narrow_dpi;
        REQUIRE(narrow_dpi > 0);
        // 240 x 300 px: at 100 dpi, 173 pt wide.
        model::Article small = article("mug", "A columnist's view", 8, 2);
        small.body.insert(small.body.begin(), figure_block(model::Placement::lead, "img/kampi-dolphin-surfacing.jpg",
                                                           240, 300, "The columnist", "The columnist"));
        auto c = compose(issue_of({small}), l);
        const page::Image* img = only_image(c->doc);
        REQUIRE(img);
        const double column = l.column_width().to_pt();
        const double gutter = l.columns.gutter.to_pt();
        const double widest = 240 * 72.0 / narrow_dpi;
        // Never wider than narrow-dpi allows, unless one column already is.
        CHECK(img->rect.width <= std::max(widest, column) + 0.01);
        // As many columns as that allows: one more would print below it.
        const int span = static_cast<int>(std::lround((img->rect.width + gutter) / (column + gutter)));
        CHECK(span * column + (span - 1) * gutter == doctest::Approx(img->rect.width).epsilon(0.001));
        CHECK((span + 1) * column + span * gutter > widest);
        for (const auto& p : check_all(c->doc, l, c->issue)) FAIL_CHECK(p);
        // A 1600 px photograph keeps the layout's lead span.
        auto big = compose(issue_of({with_lead_picture(8)}), l);
        const page::Image* photo = only_image(big->doc);
        REQUIRE(photo);
        CHECK(photo->rect.width > img->rect.width + column / 2);
    }
}

TEST_CASE("a panorama is set over as many columns as make it half a column deep") {
    const layout::Layout l = bundled_layout("tabloid");
    REQUIRE(l.spans.inline_figure.resolve(l.columns.count, l.columns.count) == 1);
    model::Article a = article("pano", "The harbour from the hill", 20, 1);
    a.body.insert(a.body.begin() + 2, figure_block(model::Placement::inline_, "img/kampi-tourist-boat.jpg", 6000,
                                                   900, "The harbour", "The whole harbour"));
    auto c = compose(issue_of({a}), l);
    const page::Image* img = only_image(c->doc);
    REQUIRE(img);
    const double column = l.column_width().to_pt();
    const double gutter = l.columns.gutter.to_pt();
    CHECK(img->rect.width / img->rect.height == doctest::Approx(6000.0 / 900.0).epsilon(0.001));
    CHECK(img->rect.height >= 0.5 * column - 0.01);
    // the fewest columns that do: one fewer would leave it shallower
    const int span = static_cast<int>(std::lround((img->rect.width + gutter) / (column + gutter)));
    CHECK(span >= 2);
    CHECK(((span - 1) * column + (span - 2) * gutter) * 900.0 / 6000.0 < 0.5 * column);
    for (const auto& p : check_all(c->doc, l, c->issue)) FAIL_CHECK(p);
}

TEST_CASE("a picture that is the whole story (a cartoon) takes the article's width, not one column") {
    for (std::string name : kLayouts) {
        CAPTURE(name);
        const layout::Layout l = bundled_layout(name);
        model::Article a;
        a.id = "cartoon";
        a.lang = "en";
        a.meta.priority = 3;
        a.head.kicker = text("Cartoon");
        a.head.headline = text("This week's cartoon");
        a.body.push_back(figure_block(model::Placement::inline_, "img/kampi-tourist-boat.jpg", 1600, 1100,
                                      "A drawing", "It is not a pothole, it is a heritage feature."));
        auto c = compose(issue_of({a}), l);
        const page::Image* img = only_image(c->doc);
        REQUIRE(img);
        const double column = l.column_width().to_pt();
        const double gutter = l.columns.gutter.to_pt();
        const double live = l.live_height().to_pt();
        const int span = static_cast<int>(std::lround((img->rect.width + gutter) / (column + gutter)));
        CHECK(img->rect.width / img->rect.height == doctest::Approx(1600.0 / 1100.0).epsilon(0.001));
        // The widest span no deeper than half the live height, within the
        // headline's width (one column in newsletter, where the picture is
        // set at that; two or more in the others).
        const int headline = l.tier(3).span.resolve(l.columns.count, l.columns.count);
        CHECK(span >= std::min(2, headline));
        CHECK(span <= headline);
        CHECK(img->rect.height <= 0.5 * live + 0.01);
        if (span < headline) CHECK(((span + 1) * column + span * gutter) * 1100.0 / 1600.0 > 0.5 * live);
        for (const auto& p : check_all(c->doc, l, c->issue)) FAIL_CHECK(p);
    }
}

TEST_CASE("figure.lead-bleed: a lead picture across the page runs off both sides, its height kept") {
    layout::Layout bleeding = bundled_layout("magazine");
    REQUIRE(bleeding.figures.lead_bleed == layout::LeadBleed::sides);
    layout::Layout inside = bleeding;
    inside.figures.lead_bleed = layout::LeadBleed::none;

    auto kept = compose(issue_of({with_lead_picture(3)}), inside);
    auto bled = compose(issue_of({with_lead_picture(3)}), bleeding);
    const page::Image* a = only_image(kept->doc);
    int page_index = -1;
    const page::Image* b = only_image(bled->doc, &page_index);
    REQUIRE(a);
    REQUIRE(b);
    // Inside the margins: the picture fills the live width, not marked.
    CHECK_FALSE(a->bleed);
    CHECK(a->rect.width == doctest::Approx(bleeding.live_width().to_pt()).epsilon(0.001));
    // Bled: trim edge to trim edge, the same visible height, cropped, not distorted.
    CHECK(b->bleed);
    REQUIRE(b->clip);
    const double page_width = bled->doc.pages[static_cast<std::size_t>(page_index)].width;
    CHECK(b->clip->x == doctest::Approx(0.0));
    CHECK(b->clip->width == doctest::Approx(page_width));
    const page::Rect seen = a->clip ? *a->clip : a->rect;
    CHECK(b->clip->y == doctest::Approx(seen.y));
    CHECK(b->clip->height == doctest::Approx(seen.height));
    CHECK(b->rect.width / b->rect.height == doctest::Approx(1600.0 / 1067.0).epsilon(0.001));
    CHECK(b->rect.x <= 0.01);
    CHECK(b->rect.x + b->rect.width >= page_width - 0.01);
    // Nothing else moved: the same text at the same places.
    CHECK(kept->doc.pages.size() == bled->doc.pages.size());
    for (const auto& p : check_all(bled->doc, bleeding, bled->issue)) FAIL_CHECK(p);
}

TEST_CASE("figure.lead-bleed: a lead picture narrower than the page stays inside the margins") {
    layout::Layout l = bundled_layout("magazine");
    l.spans.lead_figure = layout::Span{layout::Span::Kind::columns, 2};
    auto c = compose(issue_of({with_lead_picture(3)}), l);
    const page::Image* img = only_image(c->doc);
    REQUIRE(img);
    const page::Rect seen = img->clip ? *img->clip : img->rect;
    CHECK(seen.width == doctest::Approx(l.column_width().to_pt() * 2 + l.columns.gutter.to_pt()).epsilon(0.001));
    CHECK_FALSE(img->bleed);
    for (const auto& p : check_all(c->doc, l, c->issue)) FAIL_CHECK(p);
}

namespace {

/// An article alone on its page, ending about halfway down: a lead
/// photograph `w` x `h` pixels and a few paragraphs.
model::Article short_with_photo(std::uint32_t w, std::uint32_t h) {
    model::Article a = article("short", "A short story with a photograph", 6);
    a.body.insert(a.body.begin(), figure_block(model::Placement::lead, "img/kratie-dolphin-surfacing.jpg", w, h,
                                               "A dolphin", "The caption stays under the picture"));
    return a;
}

page::Rect shown(const page::Image& img) { return img.clip ? *img.clip : img.rect; }

double min_dpi_of(const layout::Layout& l) { return static_cast<double>(l.figures.min_dpi); }

}  // namespace

TEST_CASE("figure.lead-fill: an article that ends its page with room below grows its lead photograph into it") {
    layout::Layout grows = bundled_layout("tabloid");
    REQUIRE(grows.figures.lead_fill > 0);
    layout::Layout stays = grows;
    stays.figures.lead_fill = 0;
    const double live_h = grows.live_height().to_pt();
    const double live_w = grows.live_width().to_pt();

    // A photograph with pixels to spare: taller, cropped at the sides.
    auto before = compose(issue_of({short_with_photo(4800, 3200)}), stays);
    auto after = compose(issue_of({short_with_photo(4800, 3200)}), grows);
    REQUIRE(before->doc.pages.size() == 1);
    REQUIRE(after->doc.pages.size() == 1);
    const page::Image* a = only_image(before->doc);
    const page::Image* b = only_image(after->doc);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(shown(*b).height > shown(*a).height + 0.15 * live_h);
    CHECK(shown(*b).height <= grows.figures.lead_fill * live_h + 0.01);
    CHECK(shown(*b).width == doctest::Approx(live_w).epsilon(0.001));
    // Not distorted, at most a third cropped off, still sharp enough.
    CHECK(b->rect.width / b->rect.height == doctest::Approx(1.5).epsilon(0.001));
    CHECK(shown(*b).width >= b->rect.width * 2.0 / 3.0 - 0.01);
    CHECK(4800.0 / (b->rect.width / 72.0) >= grows.figures.min_dpi - 0.5);
    for (const auto& p : check_all(after->doc, grows, after->issue)) FAIL_CHECK(p);

    // At the sample's 1600 pixels the tabloid's width leaves little room
    // above figure.min-dpi: the picture gets back the height its cap had
    // cropped off, and is enlarged only as far as 150 dpi allows.
    auto sharp = compose(issue_of({short_with_photo(1600, 1067)}), stays);
    auto soft = compose(issue_of({short_with_photo(1600, 1067)}), grows);
    const page::Image* c = only_image(sharp->doc);
    const page::Image* d = only_image(soft->doc);
    REQUIRE(c);
    REQUIRE(d);
    CHECK(shown(*d).height > shown(*c).height + 1);
    CHECK(d->rect.width == doctest::Approx(1600.0 * 72.0 / min_dpi_of(grows)).epsilon(0.001));
    CHECK(shown(*d).height == doctest::Approx(d->rect.height));
    CHECK_FALSE(soft->diags.contains("W-IMAGE-LOW-RESOLUTION"));
    for (const auto& p : check_all(soft->doc, grows, soft->issue)) FAIL_CHECK(p);
}

namespace {

/// Lines of body text under the picture on page 1, per column the picture
/// covers, when the picture covers some of the columns only; empty when it
/// spans the live width.
std::map<long, int> legs_under_picture(const page::Document& doc, const layout::Layout& l) {
    const page::Image* img = nullptr;
    for (const auto& item : doc.pages.front().items)
        if (auto* i = std::get_if<page::Image>(&item)) img = i;
    REQUIRE(img);
    const page::Rect r = shown(*img);
    std::map<long, int> legs;
    if (r.width >= l.live_width().to_pt() - 1) return legs;
    const double body = l.style(layout::ParagraphStyleId::body).size.to_pt();
    const double step = l.column_width().to_pt() + l.columns.gutter.to_pt();
    std::map<long, std::set<long>> baselines;
    for (const auto& item : doc.pages.front().items) {
        const auto* run = std::get_if<page::GlyphRun>(&item);
        if (!run || std::abs(run->size - body) > 0.01) continue;
        if (run->origin.x < r.x - 1 || run->origin.x > r.x + r.width || run->origin.y < r.y + r.height) continue;
        baselines[std::lround(std::floor((run->origin.x - r.x + 1) / step))].insert(std::lround(run->origin.y * 10));
    }
    for (const auto& [column, ys] : baselines) legs[column] = static_cast<int>(ys.size());
    return legs;
}

}  // namespace

TEST_CASE("a lead picture over some of an article's columns leaves no runt leg under it") {
    // The sample's front-page story alone in the magazine: its picture over
    // two of the three columns at full height leaves five and two lines
    // under it before the jump; with columns.min-leg the smaller picture
    // is chosen, and each column under it holds at least min-leg lines.
    const model::Article* front = sample("magazine").issue.find_article("anti-trafficking-tier-2");
    REQUIRE(front);
    layout::Layout l = bundled_layout("magazine");
    REQUIRE(l.columns.min_leg == 6);
    layout::Layout off = l;
    off.columns.min_leg = 0;

    auto before = compose(issue_of({*front}), off);
    std::map<long, int> runts = legs_under_picture(before->doc, off);
    REQUIRE_FALSE(runts.empty());
    CHECK(std::any_of(runts.begin(), runts.end(), [](const auto& c) { return c.second > 0 && c.second < 6; }));

    auto after = compose(issue_of({*front}), l);
    std::map<long, int> legs = legs_under_picture(after->doc, l);
    REQUIRE_FALSE(legs.empty());
    for (const auto& [column, lines] : legs) {
        CAPTURE(column);
        CHECK(lines >= l.columns.min_leg);
    }
    for (const auto& p : check_all(after->doc, l, after->issue)) FAIL_CHECK(p);
    // Articles of a few paragraphs: the same, whatever the picture does.
    for (int paragraphs : {2, 3, 5, 8, 12, 16, 24}) {
        CAPTURE(paragraphs);
        auto c = compose(issue_of({with_lead_picture(paragraphs)}), l);
        for (const auto& [column, lines] : legs_under_picture(c->doc, l)) {
            CAPTURE(column);
            CHECK(lines >= l.columns.min_leg);
        }
    }
}

TEST_CASE("a body that opens with a tall picture below the head and lead picture is never forced past the foot") {
    // On a fresh page the head and lead picture are what the page takes of
    // the article: a portrait picture first in the body that does not fit
    // under them is placed beside a smaller lead picture, or goes on to
    // the next page, and never runs into the bottom margin. (It used to be
    // forced in at full size: the picture over the folio, its caption and
    // credit below the live area.)
    for (const char* name : kLayouts) {
        for (int paragraphs : {0, 1, 4}) {
            CAPTURE(name);
            CAPTURE(paragraphs);
            model::Article a = with_lead_picture(0);
            a.head.deck = text("A deck of a few words under the headline");
            model::Block portrait = figure_block(model::Placement::inline_, "img/cover-riverfront-dawn.jpg", 1067,
                                                 1600, "Dawn on the riverfront", "A tall picture first in the body");
            std::get<model::Figure>(portrait.node).credit = text("Credit line");
            a.body.push_back(portrait);
            for (int i = 0; i < paragraphs; ++i) a.body.push_back(para(words(50, i)));
            auto c = compose(issue_of({a}), bundled_layout(name));
            CHECK_FALSE(c->diags.contains("W-LAYOUT-OFF-PAGE"));
            for (const auto& p : check_all(c->doc, *c->layout, c->issue)) FAIL_CHECK(p);
            int images = 0;
            for (const page::Page& p : c->doc.pages)
                for (const page::Item& item : p.items)
                    if (std::holds_alternative<page::Image>(item)) ++images;
            CHECK(images == 2);
        }
    }
}

namespace {

/// The page holding the picture drawn from `file`, and the picture.
std::pair<const page::Page*, const page::Image*> picture_named(const page::Document& doc, const std::string& file) {
    for (const page::Page& p : doc.pages)
        for (const auto& item : p.items)
            if (const auto* i = std::get_if<page::Image>(&item); i && i->file.ends_with(file)) return {&p, i};
    return {nullptr, nullptr};
}

/// The lowest baseline of body-size text on `p`.
double lowest_body_line(const page::Page& p, const layout::Layout& l) {
    const double body = l.style(layout::ParagraphStyleId::body).size.to_pt();
    double lowest = 0;
    for (const auto& item : p.items)
        if (const auto* run = std::get_if<page::GlyphRun>(&item); run && std::abs(run->size - body) < 0.01)
            lowest = std::max(lowest, run->origin.y);
    return lowest;
}

}  // namespace

TEST_CASE("figure.lead-fill: a story a few lines short of the foot gets its photograph's cropped height back") {
    // In the sample's tabloid the rice feature ends its page about seven
    // grid lines above the foot: less than a tenth of the page, more than a
    // desk leaves white under a story. Its photograph, cropped by the 40 %
    // cap, gets that height back and the story ends at the foot.
    layout::Layout l = bundled_layout("tabloid");
    layout::Layout stays = l;
    stays.figures.lead_fill = 0;
    const model::Issue& issue = sample("tabloid").issue;
    const double leading = l.grid.leading.to_pt();

    auto kept = compose(issue, stays);
    auto grown = compose(issue, l);
    REQUIRE(kept->doc.pages.size() == grown->doc.pages.size());
    const auto [kept_page, a] = picture_named(kept->doc, "battambang-paddy-planting.jpg");
    const auto [grown_page, b] = picture_named(grown->doc, "battambang-paddy-planting.jpg");
    REQUIRE(a);
    REQUIRE(b);
    const int number = static_cast<int>(kept_page - kept->doc.pages.data()) + 1;
    const typeset::PageFrame frame = typeset::page_frame(l, number);
    const double short_by = frame.bottom - lowest_body_line(*kept_page, l);
    REQUIRE(short_by > 4 * leading);
    REQUIRE(short_by < 0.1 * frame.height());

    CHECK(shown(*b).height > shown(*a).height + 3 * leading);
    CHECK(b->rect.width / b->rect.height == doctest::Approx(a->rect.width / a->rect.height).epsilon(0.001));
    CHECK(frame.bottom - lowest_body_line(*grown_page, l) < 2 * leading);
    for (const auto& p : check_all(grown->doc, l, grown->issue)) FAIL_CHECK(p);
}

TEST_CASE("figure.lead-fill: only the last article on the page grows, and its warnings are reported once") {
    layout::Layout l = bundled_layout("tabloid");
    layout::Layout stays = l;
    stays.figures.lead_fill = 0;
    // Another article after it on the page: the photograph keeps its size.
    model::Article last = article("after", "The story after it", 2, 4);
    auto grown = compose(issue_of({short_with_photo(4800, 3200), last}), l);
    auto kept = compose(issue_of({short_with_photo(4800, 3200), last}), stays);
    const page::Image* a = only_image(grown->doc);
    const page::Image* b = only_image(kept->doc);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(grown->doc.pages.size() == kept->doc.pages.size());
    CHECK(shown(*a).height == doctest::Approx(shown(*b).height));

    // A photograph too coarse for the layout gets its warning once, for
    // the size it is printed at.
    auto coarse = compose(issue_of({short_with_photo(800, 533)}), l);
    std::size_t warnings = 0;
    for (const Diagnostic& d : coarse->diags.all()) warnings += d.code == "W-IMAGE-LOW-RESOLUTION";
    CHECK(warnings == 1);
    for (const auto& p : check_all(coarse->doc, l, coarse->issue)) FAIL_CHECK(p);
}

namespace {

model::Image house_ad(const std::string& name, std::uint32_t w, std::uint32_t h) {
    model::Image i;
    i.src = i.path = "img/" + name;
    i.alt = "House ad " + name;
    i.format = model::ImageFormat::svg;
    i.width_px = w;
    i.height_px = h;
    return i;
}

/// The house ads on each page: (page index, image, the alt of its tag).
struct PlacedAd {
    std::size_t page;
    page::Image image;
    std::string alt;
};

std::vector<PlacedAd> placed_ads(const page::Document& doc) {
    std::vector<PlacedAd> out;
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        std::string alt;
        for (const auto& item : doc.pages[p].items) {
            if (auto* t = std::get_if<page::TagBegin>(&item); t && t->kind == page::TagKind::figure) alt = t->alt;
            if (auto* i = std::get_if<page::Image>(&item); i && i->file.find("/img/ad-") != std::string::npos)
                out.push_back({p, *i, alt});
        }
    }
    return out;
}

}  // namespace

TEST_CASE("house ads fill the holes pages are left with, on the foot or stacked on each other") {
    layout::Layout l = bundled_layout("tabloid");
    REQUIRE(l.house_ads.min_hole > 0);
    // A short story alone on each of two pages (each section opens a page):
    // two holes, and three ads for them.
    model::Issue issue = issue_of({article("first", "A short story", 3, 3)});
    model::Section second;
    second.title = "Business";
    second.articles.push_back(article("second", "Another short story", 3, 3));
    issue.sections.push_back(std::move(second));
    issue.house_ads = {house_ad("ad-subscribe.svg", 1200, 480), house_ad("ad-digital-edition.svg", 900, 660),
                       house_ad("ad-advertise.svg", 700, 760)};
    auto c = compose(issue, l);
    REQUIRE(c->doc.pages.size() == 2);
    std::vector<PlacedAd> ads = placed_ads(c->doc);
    REQUIRE(ads.size() >= 2);
    std::map<std::string, int> prints;
    std::set<std::size_t> pages;
    for (const PlacedAd& ad : ads) {
        INFO(ad.image.file);
        const typeset::PageFrame frame = typeset::page_frame(l, static_cast<int>(ad.page) + 1);
        ++prints[ad.image.file];
        pages.insert(ad.page);
        CHECK(ad.alt.starts_with("House ad ad-"));
        // On the foot of the live area, or on another ad of its page a
        // little space above that one; inside the live area, not distorted.
        const double foot = ad.image.rect.y + ad.image.rect.height;
        bool stands = foot == doctest::Approx(frame.bottom);
        for (const PlacedAd& under : ads)
            if (under.page == ad.page && &under != &ad &&
                under.image.rect.y - foot > 0 && under.image.rect.y - foot < 40 &&
                under.image.rect.x < ad.image.rect.x + ad.image.rect.width &&
                ad.image.rect.x < under.image.rect.x + under.image.rect.width)
                stands = true;
        CHECK(stands);
        CHECK(ad.image.rect.x >= frame.left - 0.01);
        CHECK(ad.image.rect.x + ad.image.rect.width <= frame.right + 0.01);
        CHECK(ad.image.rect.width / ad.image.rect.height ==
              doctest::Approx(static_cast<double>(ad.image.width_px) / ad.image.height_px).epsilon(0.001));
    }
    // Three ads for the two holes and the room above them: every one is
    // printed before any is printed again, and never twice on a page.
    REQUIRE(prints.size() == 3);
    int least = 1 << 30, most = 0;
    for (const auto& [file, n] : prints) least = std::min(least, n), most = std::max(most, n);
    CHECK(most - least <= 1);
    std::set<std::pair<std::size_t, std::string>> on_page;
    for (const PlacedAd& ad : ads) CHECK(on_page.insert({ad.page, ad.image.file}).second);
    CHECK(pages.size() == 2);  // both pages got one
    for (const auto& p : check_all(c->doc, l, c->issue)) FAIL_CHECK(p);

    // With house-ad.min-hole 0, or on pages the text fills, none.
    layout::Layout none = l;
    none.house_ads.min_hole = 0;
    CHECK(placed_ads(compose(issue, none)->doc).empty());
    model::Issue full = issue_of({article("long", "A story far longer than a page", 160, 1)});
    full.house_ads = issue.house_ads;
    auto f = compose(full, l);
    REQUIRE(f->doc.pages.size() >= 3);
    for (const PlacedAd& ad : placed_ads(f->doc)) CHECK(ad.page + 1 == f->doc.pages.size());
}

TEST_CASE("peer-tabloid: every article on a new page, no furniture") {
    const Composed& c = sample("peer-tabloid");
    double top = c.layout->page.margin_top.to_pt();
    double bottom = top + c.layout->live_height().to_pt();
    for (const auto& p : c.doc.pages) {
        int started = 0;
        for (const auto& item : p.items) {
            if (auto* t = std::get_if<page::TagBegin>(&item); t && t->kind == page::TagKind::article) ++started;
            if (auto* r = std::get_if<page::GlyphRun>(&item)) {
                CHECK(r->origin.y > top);
                CHECK(r->origin.y < bottom);
            }
        }
        CHECK(started <= 1);
    }
    CHECK(c.doc.pages.size() >= c.issue.article_count());
}

namespace {

/// The page (0-based) on which the article with this headline opens; -1 if none.
int page_opening(const page::Document& doc, const std::string& headline) {
    for (std::size_t p = 0; p < doc.pages.size(); ++p)
        for (const auto& item : doc.pages[p].items)
            if (auto* t = std::get_if<page::TagBegin>(&item); t && t->kind == page::TagKind::article &&
                                                                t->title == headline)
                return static_cast<int>(p);
    return -1;
}

}  // namespace

TEST_CASE("article.brief-priority: with new-page starts a brief shares a page it fits on, not another section's") {
    layout::Layout l = bundled_layout("magazine");
    REQUIRE(l.flow.article_start == layout::ArticleStart::new_page);
    REQUIRE(l.flow.brief_priority == 5);
    const model::Article first = article("first", "The first story", 6, 3);
    const model::Article second = article("second", "The second story", 6, 3);
    const model::Article brief = article("brief", "A brief", 1, 5);

    // The brief comes last but fits below the first story: it goes there,
    // and the second story opens the next page.
    auto shared = compose(issue_of({first, second, brief}), l);
    CHECK(shared->doc.pages.size() == 2);
    CHECK(page_opening(shared->doc, "The first story") == 0);
    CHECK(page_opening(shared->doc, "A brief") == 0);
    CHECK(page_opening(shared->doc, "The second story") == 1);
    for (const auto& p : check_all(shared->doc, l, shared->issue)) FAIL_CHECK(p);

    // 6: every article opens a page of its own.
    layout::Layout every = l;
    every.flow.brief_priority = 6;
    auto own = compose(issue_of({first, second, brief}), every);
    CHECK(own->doc.pages.size() == 3);
    CHECK(page_opening(own->doc, "A brief") == 2);

    // A section of briefs opens its own page (article.section-start).
    model::Issue two = issue_of({first});
    model::Section briefs;
    briefs.title = "In brief";
    briefs.articles = {brief};
    two.sections.push_back(briefs);
    auto sections = compose(std::move(two), l);
    CHECK(page_opening(sections->doc, "A brief") == 1);
    for (const auto& p : check_all(sections->doc, l, sections->issue)) FAIL_CHECK(p);
}

TEST_CASE("magazine: the first paragraph of an article opens with a drop cap") {
    const Composed& c = sample("magazine");
    double body = c.layout->style(layout::ParagraphStyleId::body).size.to_pt();
    bool found = false;
    for (const auto& p : c.doc.pages)
        for (const auto& item : p.items)
            if (auto* r = std::get_if<page::GlyphRun>(&item); r && r->size > 2 * body && r->text.size() <= 4)
                found = true;
    CHECK(found);
}


TEST_CASE("the sample issue three times over composes in every layout with every invariant holding") {
    model::Issue issue = sample("tabloid").issue;
    std::vector<model::Section> sections;
    for (int copy = 1; copy <= 3; ++copy)
        for (model::Section s : issue.sections) {
            for (model::Article& a : s.articles) {
                a.id += "-" + std::to_string(copy);
                a.head.headline.push_back(model::Inline{model::Text{" (" + std::to_string(copy) + ")"}});
                for (model::RelatedItem& r : a.end.related)
                    if (!r.ref.empty()) r.ref += "-" + std::to_string(copy);
            }
            sections.push_back(std::move(s));
        }
    issue.sections = std::move(sections);
    for (const char* name : kLayouts) {
        INFO("layout " << std::string(name));
        auto c = compose(issue, bundled_layout(name));
        auto problems = check_all(c->doc, *c->layout, c->issue);
        for (std::size_t i = 0; i < problems.size() && i < 10; ++i) FAIL_CHECK(problems[i]);
    }
}


TEST_CASE("the sample's separators stand between text in their column, never at a column's top or foot") {
    // The letters page: a dinkus between letters. Where a column breaks at
    // one, the break parts the letters and the dinkus is left out.
    int seen = 0;
    for (const char* name : kLayouts) {
        INFO("layout " << std::string(name));
        const Composed& c = sample(name);
        for (std::size_t pi = 0; pi < c.doc.pages.size(); ++pi) {
            std::vector<const page::GlyphRun*> runs;
            for (const page::Item& item : c.doc.pages[pi].items)
                if (const auto* r = std::get_if<page::GlyphRun>(&item)) runs.push_back(r);
            for (const page::GlyphRun* a : runs) {
                if (a->text != "*\u2002*\u2002*") continue;
                ++seen;
                // The column's lines start left of the dinkus's centre, less
                // than a column's width away (its own column, not the one before).
                const double centre = a->origin.x + a->advance / 2;
                bool above = false, below = false;
                for (const page::GlyphRun* r : runs) {
                    if (r == a || r->origin.x > centre || r->origin.x < centre - 150) continue;
                    const double dy = r->origin.y - a->origin.y;
                    above = above || (dy < 0 && dy > -50);
                    below = below || (dy > 0 && dy < 60);
                }
                INFO("page " << pi + 1 << ", dinkus at x=" << a->origin.x << " y=" << a->origin.y);
                CHECK(above);
                CHECK(below);
            }
        }
    }
    CHECK(seen > 0);
}

TEST_CASE("the sample composes at other page sizes and column counts in every layout with every invariant holding") {
    // A5 to a broadsheet page, two to six columns: narrow columns that
    // break words between letters and have no room for a drop cap, and
    // wide pages where a story and its pictures share a row.
    struct Size {
        double width, height;  // mm
    };
    int composed = 0;
    for (const char* name : kLayouts) {
        for (Size size : {Size{148, 210}, Size{210, 297}, Size{380, 560}}) {
            for (int columns : {2, 4, 6}) {
                layout::Layout l = bundled_layout(name);
                l.page.width = Length::mm(size.width);
                l.page.height = Length::mm(size.height);
                l.columns.count = columns;
                if (l.column_width() < layout::kMinColumnWidth) continue;  // refused when loaded
                INFO(name << " at " << size.width << " x " << size.height << " mm, " << columns << " columns");
                auto c = compose(sample(name).issue, l);
                ++composed;
                CHECK(c->diags.count(Severity::error) == 0);
                auto problems = check_all(c->doc, *c->layout, c->issue);
                for (std::size_t i = 0; i < problems.size() && i < 5; ++i) FAIL_CHECK(problems[i]);
            }
        }
    }
    CHECK(composed >= 40);
}

TEST_CASE("a layout with column rules gets a vertical rule in each gutter between an article's columns") {
    layout::Layout l = bundled_layout("tabloid");
    l.columns.rule_width = Length::pt(0.5);
    auto c = compose(sample("tabloid").issue, l);
    int vertical = 0;
    for (const auto& p : c->doc.pages)
        for (const auto& item : p.items)
            if (auto* r = std::get_if<page::Rule>(&item); r && r->from.x == r->to.x) {
                ++vertical;
                CHECK(r->to.y > r->from.y);
            }
    CHECK(vertical >= 10);
    auto problems = check_all(c->doc, *c->layout, c->issue);
    for (std::size_t i = 0; i < problems.size() && i < 10; ++i) FAIL_CHECK(problems[i]);
}


TEST_CASE("an article does not jump with a few lines while a later article can take its room") {
    // Sample articles in an order that leaves the market report starting at
    // the foot of page 1 with all but its last two lines room. When the next
    // section could share page 2, it jumps them there (nothing else could
    // use the room on page 1); when page 2 would hold nothing but those two
    // lines (the report ends its section and the next starts a new page),
    // the report starts on page 2 whole; with the letters after it, the
    // letters take the foot of page 1 and the report starts on page 2 whole.
    const model::Issue& sample_issue = sample("tabloid").issue;
    auto find = [&](const std::string& id) {
        const model::Article* a = sample_issue.find_article(id);
        REQUIRE(a);
        return *a;
    };
    std::vector<model::Article> order{find("tonle-sap-boat-fares"), find("garment-exports-hold"),
                                      find("opinion-fair-poll"), find("weekly-market-prices")};
    auto report_page = [](const Composed& c) {
        for (std::size_t p = 0; p < c.doc.pages.size(); ++p)
            if (page_says(c.doc.pages[p], "Rice eases, fuel climbs again")) return static_cast<int>(p) + 1;
        return 0;
    };
    auto jumps = [](const Composed& c) {
        return c.doc.pages.size() >= 2 && page_says(c.doc.pages[1], "Continued from page 1");
    };
    auto invariants_hold = [](const Composed& c) {
        auto problems = check_all(c.doc, *c.layout, c.issue);
        for (std::size_t i = 0; i < problems.size() && i < 10; ++i) FAIL_CHECK(problems[i]);
    };
    // The sample geometry this order was found on: balanced without
    // mending runt legs (columns.min-leg sets some articles deeper).
    layout::Layout l = bundled_layout("tabloid");
    l.columns.min_leg = 0;
    model::Issue alone = issue_of(order);

    layout::Layout shared = l;
    shared.flow.section_start = layout::ArticleStart::continue_on_page;
    auto a = compose(alone, shared);
    CHECK(report_page(*a) == 1);
    REQUIRE(jumps(*a));
    CHECK(page_says(a->doc.pages[1], "are on page 14."));  // its last lines
    invariants_hold(*a);

    REQUIRE(l.flow.section_start == layout::ArticleStart::new_page);
    auto moved = compose(alone, l);
    CHECK(report_page(*moved) == 2);
    CHECK_FALSE(jumps(*moved));
    CHECK(moved->doc.pages.size() == a->doc.pages.size());  // no page more
    invariants_hold(*moved);

    order.push_back(find("letters-to-the-editor"));
    auto b = compose(issue_of(order), l);
    CHECK(report_page(*b) == 2);
    CHECK_FALSE(jumps(*b));
    CHECK(page_says(b->doc.pages[0], "Letters to the editor"));
    invariants_hold(*b);
}

namespace {

/// Lines of body text on a jump page (`p` says "Continued from page") of
/// the article it continues, its boxes aside; -1 when another article is
/// on the page too.
int jump_page_lines(const page::Page& p, const layout::Layout& l) {
    const double body = l.style(layout::ParagraphStyleId::body).size.to_pt();
    int lines = 0, depth = 0;
    bool others = false, ended = false;
    for (const page::Item& item : p.items) {
        if (auto* b = std::get_if<page::TagBegin>(&item)) {
            if (b->kind == page::TagKind::artifact || b->kind == page::TagKind::note) ++depth;
            if (b->kind == page::TagKind::article) others = true;
        } else if (auto* e = std::get_if<page::TagEnd>(&item)) {
            if (e->kind == page::TagKind::artifact || e->kind == page::TagKind::note) --depth;
            if (e->kind == page::TagKind::article) ended = true;
        } else if (auto* r = std::get_if<page::GlyphRun>(&item)) {
            if (!ended && depth == 0 && std::abs(r->size - body) < 0.01) ++lines;
        }
    }
    return others ? -1 : lines;
}

}  // namespace

TEST_CASE("an article too long for its tier's columns takes the free columns beside it rather than jump") {
    // A priority-4 story (three of tabloid's five columns), longer than
    // three columns of page 1 hold, opens the issue, a brief after it: in
    // three columns it would jump to the next page and leave two columns
    // to whatever comes (house ads); over all five it fits whole.
    layout::Layout l = bundled_layout("tabloid");
    REQUIRE(l.tier_columns(4) == 3);
    REQUIRE(l.columns.count == 5);
    model::Article story = article("story", "A long story with a short headline", 18, 4);
    model::Article brief = article("brief", "A brief", 2, 5);
    auto c = compose(issue_of({story, brief}), l);
    REQUIRE(!c->doc.pages.empty());
    const page::Page& first = c->doc.pages[0];
    CHECK_FALSE(page_says(first, "Continued on page"));
    // Its text reaches the page's last column.
    double rightmost = 0;
    for (const page::Item& item : first.items)
        if (const auto* r = std::get_if<page::GlyphRun>(&item); r && r->text.find("the") != std::string::npos)
            rightmost = std::max(rightmost, r->origin.x);
    CHECK(rightmost > l.left_margin(1).to_pt() + 4 * (l.column_width().to_pt() + l.columns.gutter.to_pt()) - 0.01);
    auto problems = check_all(c->doc, *c->layout, c->issue);
    for (std::size_t i = 0; i < problems.size() && i < 10; ++i) FAIL_CHECK(problems[i]);
}

TEST_CASE("no page of the sample holds nothing but the last few lines of a jumped article") {
    // A jump page holds at least six lines of the body text of the article
    // it continues (its boxes aside), or another article too: else the
    // article should have started there.
    for (const char* name : kLayouts) {
        CAPTURE(name);
        const Composed& c = sample(name);
        for (std::size_t n = 0; n < c.doc.pages.size(); ++n) {
            const page::Page& p = c.doc.pages[n];
            if (!page_says(p, "Continued from page")) continue;
            CAPTURE(n + 1);
            const int lines = jump_page_lines(p, *c.layout);
            CHECK((lines >= 6 || lines < 0));
        }
    }
}

TEST_CASE("a long article never jumps with only its end matter or a few lines: its last six lines go with them") {
    // A feature over several short pages, about a line longer each time,
    // with a rights line, a correction and a related story at its end:
    // wherever its pages break, every page it continues on holds six lines
    // of its text or more, not the end matter alone ("Continued from page
    // 11" over a rights line).
    for (const std::string name : {"newsletter", "tabloid"}) {
        CAPTURE(name);
        layout::Layout l = bundled_layout(name);
        l.page.height = Length::pt(l.page.margin_top.to_pt() + l.page.margin_bottom.to_pt() + 300);
        l.furniture.masthead.height = Length::pt(0);
        int jumps = 0;
        for (int extra = 0; extra < 600; extra += 9) {
            CAPTURE(extra);
            model::Article a = article("feature", "A feature that runs for pages", 6);
            a.body.push_back(para(words(extra + 1, 99)));
            a.meta.rights = text("Rights line of the feature.");
            a.end.corrections.push_back(text("An earlier version of this story misspelt a name."));
            model::RelatedItem related;
            related.title = text("A related story");
            related.teaser = text("Its teaser, a line or two long, to make the box deeper than a line.");
            a.end.related.push_back(related);
            auto c = compose(issue_of({a}), l);
            for (std::size_t n = 0; n < c->doc.pages.size(); ++n) {
                const page::Page& p = c->doc.pages[n];
                if (!page_says(p, "Continued from page")) continue;
                CAPTURE(n + 1);
                ++jumps;
                CHECK(jump_page_lines(p, *c->layout) >= 6);
            }
            auto problems = check_all(c->doc, *c->layout, c->issue);
            for (std::size_t i = 0; i < problems.size() && i < 10; ++i) FAIL_CHECK(problems[i]);
        }
        CHECK(jumps > 60);
    }
}

namespace {

/// An article in Arabic: every word different (a base word and a running
/// number), with a pull quote and an inline figure among its paragraphs.
model::Article arabic_article(const std::string& id, int paragraphs) {
    static const char* const kWords[] = {"يولد", "جميع", "الناس", "أحرارا", "متساوين", "في", "الكرامة", "والحقوق",
                                         "وقد", "وهبوا", "عقلا", "وضميرا", "وعليهم", "أن", "يعامل", "بعضهم"};
    model::Article a;
    a.id = id;
    a.lang = "ar";
    a.meta.priority = 2;
    a.head.headline = text("الإعلان العالمي لحقوق الإنسان");
    a.head.kicker = text("حقوق الإنسان");
    for (int i = 0; i < paragraphs; ++i) {
        std::string p;
        for (int w = 0; w < 45 + i % 11; ++w) {
            if (w) p += ' ';
            p += kWords[(w * 5 + i * 3) % 16];
            p += std::to_string(i * 100 + w);
        }
        a.body.push_back(para(p));
    }
    model::Block quote;
    quote.node = model::PullQuote{model::Quotation{{model::Paragraph{text("يولد جميع الناس أحرارا متساوين")}}, {}}};
    a.body.insert(a.body.begin() + std::min<std::ptrdiff_t>(2, std::ssize(a.body)), quote);
    a.body.insert(a.body.begin() + std::min<std::ptrdiff_t>(5, std::ssize(a.body)),
                  figure_block(model::Placement::inline_, "img/kampi-tourist-boat.jpg", 1600, 1067, "قارب",
                               "قارب سياحي"));
    return a;
}

/// The columns (0-based, left to right) that an article's body lines
/// (runs holding `marker`, a word with its running number) occupy on
/// page `number` (1-based), in the order the page draws them.
std::vector<int> columns_visited(const page::Page& page, int number, const layout::Layout& l,
                                 const std::string& marker) {
    const double left = l.left_margin(number).to_pt();
    const double step = l.column_width().to_pt() + l.columns.gutter.to_pt();
    std::vector<int> out;
    for (const page::Item& item : page.items) {
        const auto* r = std::get_if<page::GlyphRun>(&item);
        if (!r || r->text.find(marker) == std::string::npos) continue;
        int column = static_cast<int>((r->origin.x - left + 0.5 * l.columns.gutter.to_pt()) / step);
        if (out.empty() || out.back() != column) out.push_back(column);
    }
    return out;
}

}  // namespace

TEST_CASE("an article in a right-to-left language fills its columns from the right") {
    layout::Layout l = bundled_layout("tabloid");
    CAPTURE(l.name);
    l.columns.rule_width = Length::pt(0.5);  // the gutter rules must stay in the gutters
    model::Article english = article("english", "An English story beside it", 6, 4);
    auto c = compose(issue_of({arabic_article("arabic", 14), english}), l);
    REQUIRE(!c->doc.pages.empty());
    const page::Page& first = c->doc.pages[0];
    // Arabic: right to left, over several columns. English: left to right.
    std::vector<int> arabic = columns_visited(first, 1, l, "جميع");
    CAPTURE(arabic.size());
    REQUIRE(arabic.size() >= 3);
    CHECK(std::is_sorted(arabic.rbegin(), arabic.rend()));
    CHECK(std::adjacent_find(arabic.begin(), arabic.end()) == arabic.end());
    for (std::size_t p = 0; p < c->doc.pages.size(); ++p) {
        std::vector<int> latin = columns_visited(c->doc.pages[p], static_cast<int>(p) + 1, l, "the");
        CHECK(std::is_sorted(latin.begin(), latin.end()));
    }
    // Every vertical rule lies in a gutter, none across a column.
    const double left = l.left_margin(1).to_pt();
    const double width = l.column_width().to_pt();
    const double step = width + l.columns.gutter.to_pt();
    int vertical = 0;
    for (const page::Item& item : first.items) {
        const auto* r = std::get_if<page::Rule>(&item);
        if (!r || r->from.x != r->to.x) continue;
        ++vertical;
        for (int k = 0; k < l.columns.count; ++k) {
            CAPTURE(k);
            CHECK_FALSE((r->from.x > left + k * step + 0.1 && r->from.x < left + k * step + width - 0.1));
        }
    }
    CHECK(vertical >= 2);
    auto problems = check_all(c->doc, *c->layout, c->issue);
    for (std::size_t i = 0; i < problems.size() && i < 10; ++i) FAIL_CHECK(problems[i]);
}

namespace {

/// The x of the glyph run on `page` whose text is exactly `text`; NaN if none.
double x_of_run(const page::Page& page, const std::string& text) {
    for (const page::Item& item : page.items)
        if (const auto* r = std::get_if<page::GlyphRun>(&item); r && r->text == text) return r->origin.x;
    return std::nan("");
}

}  // namespace

TEST_CASE("an issue in a right-to-left language is bound on the right: page 1 a left-hand page") {
    layout::Layout l = bundled_layout("magazine");
    REQUIRE(l.page.margin_inner.to_pt() > l.page.margin_outer.to_pt() + 10);
    REQUIRE(l.page.binding == layout::BindingEdge::automatic);
    model::Issue arabic = issue_of({arabic_article("arabic", 14)});
    arabic.lang = "ar";
    auto c = compose(arabic, l);
    REQUIRE(c->doc.pages.size() >= 2);
    CHECK(c->doc.meta.bound_right);
    const double page_width = c->doc.pages[0].width;
    // Page 1's outer margin (the narrower) is on its left: where its lines
    // end (in words like "جميع12", digits at the left). An Arabic run's
    // glyphs stand left of its origin, which is its first letter's.
    double leftmost = page_width;
    for (const page::Item& item : c->doc.pages[0].items)
        if (const auto* r = std::get_if<page::GlyphRun>(&item))
            for (const page::Glyph& g : r->glyphs) leftmost = std::min(leftmost, r->origin.x + g.x);
    CHECK(leftmost < l.page.margin_inner.to_pt() - 5);
    CHECK(leftmost >= l.page.margin_outer.to_pt() - 0.01);
    // Page 1 carries the masthead and no folio; page 2 is a right-hand
    // page, its folio at the outer edge, on the right.
    CHECK(x_of_run(c->doc.pages[1], "2") > page_width / 2);
    // The jump lines sit where the article's lines start and end: "Continued
    // from" flush right on page 2, "Continued on" flush left on page 1.
    auto line_extent = [](const page::Page& page, const std::string& words) {
        double y = std::nan(""), x0 = 1e9, x1 = -1e9;
        for (const page::Item& item : page.items)
            if (const auto* r = std::get_if<page::GlyphRun>(&item); r && r->text.find(words) != std::string::npos)
                y = r->origin.y;
        for (const page::Item& item : page.items)
            if (const auto* r = std::get_if<page::GlyphRun>(&item); r && std::abs(r->origin.y - y) < 0.01) {
                x0 = std::min(x0, r->origin.x);
                x1 = std::max(x1, r->origin.x + r->advance);
            }
        return std::pair{x0, x1};
    };
    const double live_w = l.live_width().to_pt();
    const auto [from0, from1] = line_extent(c->doc.pages[1], "Continued");
    CHECK(from1 == doctest::Approx(l.page.margin_inner.to_pt() + live_w).epsilon(0.001));  // page 2: inner on the left
    CHECK(from0 > l.page.margin_inner.to_pt() + live_w / 2);
    const auto [on0, on1] = line_extent(c->doc.pages[0], "Continued");
    CHECK(on0 == doctest::Approx(l.page.margin_outer.to_pt()).epsilon(0.001));
    CHECK(on1 < l.page.margin_outer.to_pt() + l.column_width().to_pt() + 0.01);
    for (const auto& p : check_all(c->doc, *c->layout, c->issue)) FAIL_CHECK(p);

    // page.binding="left" keeps it bound on the left; an English issue is.
    layout::Layout left = l;
    left.page.binding = layout::BindingEdge::left;
    auto d = compose(arabic, left);
    CHECK_FALSE(d->doc.meta.bound_right);
    CHECK(x_of_run(d->doc.pages[1], "2") < page_width / 2);
    auto e = compose(issue_of({arabic_article("arabic", 14)}), l);
    CHECK_FALSE(e->doc.meta.bound_right);
    CHECK(x_of_run(e->doc.pages[1], "2") < page_width / 2);
}

TEST_CASE("in a right-to-left article a list's labels and every first-line indent are on the right") {
    model::Article a = arabic_article("arabic", 4);
    model::List list;
    list.type = model::ListType::number;
    list.items = {text("يولد جميع الناس أحرارا متساوين في الكرامة والحقوق وقد وهبوا عقلا وضميرا"),
                  text("وعليهم أن يعامل بعضهم بعضا بروح الإخاء")};
    model::Block b;
    b.node = list;
    a.body.insert(a.body.begin() + 1, b);
    layout::Layout l = bundled_layout("tabloid");
    auto c = compose(issue_of({a}), l);
    REQUIRE(!c->doc.pages.empty());
    const page::Page& p = c->doc.pages[0];
    const double column = l.column_width().to_pt();
    // Each label stands right of its item's first line, at its column's
    // right edge.
    const double left = l.left_margin(1).to_pt();
    const double step = column + l.columns.gutter.to_pt();
    for (const std::string label : {"1.", "2."}) {
        CAPTURE(label);
        const page::GlyphRun* mark = nullptr;
        for (const page::Item& item : p.items)
            if (const auto* r = std::get_if<page::GlyphRun>(&item); r && r->text == label) mark = r;
        REQUIRE(mark != nullptr);
        const double col_left = left + std::floor((mark->origin.x - left) / step) * step;
        CHECK(mark->origin.x > col_left + column / 2);
        CHECK(mark->origin.x + mark->advance < col_left + column + 0.01);
        int text_runs = 0;
        for (const page::Item& item : p.items)
            if (const auto* r = std::get_if<page::GlyphRun>(&item);
                r && r != mark && std::abs(r->origin.y - mark->origin.y) < 0.01 && r->origin.x >= col_left - 0.01 &&
                r->origin.x < col_left + column) {
                ++text_runs;
                for (const page::Glyph& g : r->glyphs) CHECK(r->origin.x + g.x < mark->origin.x);
            }
        CHECK(text_runs > 0);
    }
    // A paragraph's first line (not the first of the flow) ends short of the
    // column's right edge by the style's indent; its other lines reach it.
    const double indent = l.style(layout::ParagraphStyleId::body).first_line_indent.to_pt();
    REQUIRE(indent > 1);
    const page::GlyphRun* first = nullptr;  // the first run of "يولد300"'s paragraph
    for (const page::Item& item : p.items)
        if (const auto* r = std::get_if<page::GlyphRun>(&item); r && r->text.find("300") != std::string::npos) first = r;
    REQUIRE(first != nullptr);
    auto line_right = [&](double y) {
        double right = -1e9;
        for (const page::Item& item : p.items)
            if (const auto* r = std::get_if<page::GlyphRun>(&item);
                r && std::abs(r->origin.y - y) < 0.01 && std::abs(r->origin.x - first->origin.x) < column)
                right = std::max(right, r->origin.x + r->advance);
        return right;
    };
    const double leading = l.grid.leading.to_pt();
    CHECK(line_right(first->origin.y) == doctest::Approx(line_right(first->origin.y + leading) - indent).epsilon(0.002));
}

TEST_CASE("a list item's label stands on the side its own text starts, whatever the article's language") {
    // An Arabic article's item all in Latin letters is set left to right by
    // the text setter, so its label goes left; an English article's Arabic
    // item is set right to left, so its label goes right. An item that
    // opens with a Latin name and goes on in Arabic reads right to left in
    // the Arabic article (text::paragraph_direction) and left to right in
    // the English one.
    model::List arabic_list;
    arabic_list.type = model::ListType::number;
    arabic_list.items = {text("يولد جميع الناس أحرارا متساوين في الكرامة والحقوق"),
                         text("UNESCO and the other agencies of the United Nations keep the record"),
                         text("UNESCO تحفظ سجل الإعلان في باريس")};
    model::Article a = arabic_article("arabic", 3);
    model::Block b;
    b.node = arabic_list;
    a.body.insert(a.body.begin() + 1, b);
    model::List english_list = arabic_list;
    model::Article e = article("english", "A list in two scripts", 3);
    b.node = english_list;
    e.body.insert(e.body.begin() + 1, b);
    const layout::Layout l = bundled_layout("tabloid");
    for (const model::Article& art : {a, e}) {
        CAPTURE(art.id);
        auto c = compose(issue_of({art}), l);
        REQUIRE(!c->doc.pages.empty());
        const page::Page& p = c->doc.pages[0];
        // label -> whether it stands right of the other runs on its line
        const bool arabic = art.id == "arabic";
        for (const auto& [label, right] :
             {std::pair<std::string, bool>{"1.", true}, {"2.", false}, {"3.", arabic}}) {
            CAPTURE(label);
            const page::GlyphRun* mark = nullptr;
            for (const page::Item& item : p.items)
                if (const auto* r = std::get_if<page::GlyphRun>(&item); r && r->text == label) mark = r;
            REQUIRE(mark != nullptr);
            const double column = l.column_width().to_pt();
            const double left = l.left_margin(1).to_pt();
            const double step = column + l.columns.gutter.to_pt();
            const double col_left = left + std::floor((mark->origin.x - left) / step) * step;
            int beside = 0;
            for (const page::Item& item : p.items)
                if (const auto* r = std::get_if<page::GlyphRun>(&item);
                    r && r != mark && std::abs(r->origin.y - mark->origin.y) < 0.01 &&
                    r->origin.x >= col_left - 0.01 && r->origin.x < col_left + column) {
                    ++beside;
                    if (right)
                        CHECK(r->origin.x + r->advance < mark->origin.x);
                    else
                        CHECK(r->origin.x > mark->origin.x + mark->advance);
                }
            CHECK(beside > 0);
        }
    }
}

TEST_CASE("a table in a right-to-left article has its first column at the right") {
    model::Article a = arabic_article("arabic", 4);
    model::Table t;
    auto row = [](const char* first, const char* second) {
        model::Row r;
        r.cells.push_back(model::Cell{model::Align::start, text(first)});
        r.cells.push_back(model::Cell{model::Align::start, text(second)});
        return r;
    };
    t.head = row("البند", "السعر");
    t.rows.push_back(row("أرز", "2100"));
    t.rows.push_back(row("وقود", "5700"));
    model::Block b;
    b.node = t;
    a.body.insert(a.body.begin() + 1, b);
    auto c = compose(issue_of({a}), bundled_layout("tabloid"));
    auto x_of = [&](const std::string& word) {
        for (const page::Page& p : c->doc.pages)
            for (const page::Item& item : p.items)
                if (const auto* r = std::get_if<page::GlyphRun>(&item); r && r->text == word) return r->origin.x;
        FAIL("no run \"" << word << "\"");
        return 0.0;
    };
    CHECK(x_of("البند") > x_of("السعر"));
    CHECK(x_of("أرز") > x_of("2100"));
    auto problems = check_all(c->doc, *c->layout, c->issue);
    for (std::size_t i = 0; i < problems.size() && i < 10; ++i) FAIL_CHECK(problems[i]);
}

namespace {

/// A table row of plain cells, aligned at their start.
model::Row table_row(std::initializer_list<const char*> cells) {
    model::Row r;
    for (const char* c : cells) r.cells.push_back(model::Cell{model::Align::start, text(c)});
    return r;
}

}  // namespace

TEST_CASE("a table whose cells would wrap in every row at its span is set over more columns") {
    // The QA's five-day forecast: six columns, in tabloid's one-column
    // table span every row wrapped ("Cloudy, / rain later", "SW / 25").
    model::Table t;
    t.head = table_row({"Day", "Outlook", "Max °C", "Min °C", "Wind mph", "Rain mm"});
    t.rows.push_back(table_row({"Fri", "Cloudy, rain later", "14", "10", "SW 25", "4"}));
    t.rows.push_back(table_row({"Sat", "Gales, heavy rain", "13", "9", "W 50", "22"}));
    t.rows.push_back(table_row({"Sun", "Showers, clearing", "12", "7", "NW 30", "6"}));
    for (const char* name : kLayouts) {
        CAPTURE(std::string(name));
        const layout::Layout l = bundled_layout(name);
        model::Article a = article("weather", "Five-day forecast", 3, 3);
        model::Block b;
        b.node = t;
        a.body.insert(a.body.begin(), b);
        auto c = compose(issue_of({a}), l);
        auto y_of = [&](const std::string& word) {
            for (const page::Page& p : c->doc.pages)
                for (const page::Item& item : p.items)
                    if (const auto* r = std::get_if<page::GlyphRun>(&item);
                        r && r->text.find(word) != std::string::npos)
                        return r->origin.y;
            FAIL("no run \"" << word << "\"");
            return 0.0;
        };
        CHECK(y_of("Cloudy") == doctest::Approx(y_of("later")));
        CHECK(y_of("Gales") == doctest::Approx(y_of("heavy")));
        CHECK(y_of("SW") == doctest::Approx(y_of("25")));
        CHECK(y_of("Showers") == doctest::Approx(y_of("clearing")));
        auto problems = check_all(c->doc, *c->layout, c->issue);
        for (std::size_t i = 0; i < problems.size() && i < 10; ++i) FAIL_CHECK(problems[i]);
    }
}

TEST_CASE("a table its article's columns would cut is set over more of the page's columns") {
    // A market report of priority 4 (one column in the newsletter) on an
    // A5 page of three 38 mm columns: its five-column price table set in
    // one column cut "107.50" as "107" over ".50", "Change" as "Chan" "ge".
    model::Table t;
    t.head = table_row({"Item", "Unit", "This week", "Last week", "Change"});
    t.rows.push_back(table_row({"Milled rice, wholesale", "riel/kg", "2,100", "2,180", "\u22123.7%"}));
    t.rows.push_back(table_row({"Petrol (gasoline)", "riel/litre", "5,700", "5,550", "+2.7%"}));
    t.rows.push_back(table_row({"Gold", "US$/chi", "107.50", "106.80", "+0.7%"}));
    layout::Layout l = bundled_layout("newsletter");
    l.page.width = Length::mm(148);
    l.page.height = Length::mm(210);
    l.page.margin_inner = l.page.margin_outer = Length::mm(10);
    l.page.margin_top = l.page.margin_bottom = Length::mm(12);
    l.columns.count = 3;
    l.columns.gutter = Length::mm(3.5);
    model::Article a = article("prices", "Rice eases, fuel climbs again", 4, 4);
    model::Block b;
    b.node = t;
    a.body.insert(a.body.begin() + 1, b);
    auto c = compose(issue_of({a}), l);
    CHECK_FALSE(c->diags.contains("W-TEXT-FORCED-BREAK"));
    const double column = (Length::mm(148 - 20 - 7) / 3).to_pt();
    const page::GlyphRun* gold = nullptr;
    const page::GlyphRun* change = nullptr;
    for (const page::Page& p : c->doc.pages)
        for (const page::Item& item : p.items)
            if (const auto* r = std::get_if<page::GlyphRun>(&item)) {
                if (r->text == "Gold") gold = r;
                if (r->text == "+0.7%") change = r;
                CHECK(r->text != "107");  // the price whole, on one line
            }
    REQUIRE(gold);
    REQUIRE(change);
    CHECK(gold->origin.y == doctest::Approx(change->origin.y));
    CHECK(change->origin.x + change->advance - gold->origin.x > 1.5 * column);  // a row over two columns or more
    auto problems = check_all(c->doc, *c->layout, c->issue);
    for (std::size_t i = 0; i < problems.size() && i < 10; ++i) FAIL_CHECK(problems[i]);
}

TEST_CASE("a short article opening with a table starts it in its first column, not after a white one") {
    // A readers' poll: a four-row table, then one paragraph. Balancing
    // deferred the table to the second column (kept whole, it was deeper
    // than the even share) and the text to the third, the first left white.
    model::Table t;
    t.caption = text("Online poll, 1,842 votes");
    t.head = table_row({"Answer", "Votes", "Share"});
    t.rows.push_back(table_row({"Yes, keep Harbour End", "1,377", "74.8%"}));
    t.rows.push_back(table_row({"No, sell the name to a sponsor", "212", "11.5%"}));
    t.rows.push_back(table_row({"Call it after a former player", "189", "10.3%"}));
    t.rows.push_back(table_row({"Don't know", "64", "3.5%"}));
    for (const char* name : kLayouts) {
        CAPTURE(std::string(name));
        const layout::Layout l = bundled_layout(name);
        model::Article a = article("poll", "You said: should the new ground keep the name Harbour End?", 0, 3);
        model::Block b;
        b.node = t;
        a.body.push_back(b);
        a.body.push_back(para("The poll is not scientific: readers chose to take part and could vote once per device."));
        auto c = compose(issue_of({a}), l);
        REQUIRE(!c->doc.pages.empty());
        const page::Page& p = c->doc.pages[0];
        const page::GlyphRun* caption = nullptr;
        for (const page::Item& item : p.items)
            if (const auto* r = std::get_if<page::GlyphRun>(&item); r && r->text.starts_with("Online poll")) caption = r;
        REQUIRE(caption != nullptr);
        CHECK(caption->origin.x == doctest::Approx(l.left_margin(1).to_pt()));
        auto problems = check_all(c->doc, l, c->issue);
        for (std::size_t i = 0; i < problems.size() && i < 10; ++i) FAIL_CHECK(problems[i]);
    }
}

TEST_CASE("right-to-left articles with a lead picture compose in every layout with every invariant holding") {
    for (const char* name : kLayouts) {
        CAPTURE(std::string(name));
        model::Article ar = arabic_article("arabic", 24);
        ar.body.insert(ar.body.begin(), figure_block(model::Placement::lead, "img/kratie-dolphin-surfacing.jpg", 1600,
                                                     1067, "دلفين", "دلفين في النهر"));
        auto c = compose(issue_of({article("first", "A story before it", 5, 3), ar, arabic_article("short", 3)}),
                         bundled_layout(name));
        REQUIRE(!c->doc.pages.empty());
        auto problems = check_all(c->doc, *c->layout, c->issue);
        for (std::size_t i = 0; i < problems.size() && i < 10; ++i) FAIL_CHECK(problems[i]);
    }
}

TEST_CASE("Thai, Chinese and Khmer articles compose in every layout with the page invariants holding") {
    // Scripts without spaces between words: lines break inside the
    // space-separated tokens, so completeness (which compares tokens) is
    // left to the PDF text test; every other invariant must hold.
    const std::pair<const char*, const char*> texts[] = {
        {"th", "มนุษย์ทั้งหลายเกิดมามีอิสระและเสมอภาคกันในเกียรติศักดิ์และสิทธิ ต่างมีเหตุผลและมโนธรรม "
               "และควรปฏิบัติต่อกันด้วยเจตนารมณ์แห่งภราดรภาพ"},
        {"zh-Hans", "人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。"},
        {"km", "មនុស្សទាំងអស់ កើតមកមានសេរីភាព និងសមភាព ក្នុងផ្នែកសេចក្ដីថ្លៃថ្នូរ និងសិទ្ធិ។"},
    };
    std::vector<model::Article> articles;
    for (const auto& [lang, sentence] : texts) {
        model::Article a;
        a.id = std::string("udhr-") + lang;
        a.lang = lang;
        a.meta.priority = 3;
        std::string headline(sentence);
        std::size_t cut = 30;  // at a character boundary
        while (cut < headline.size() && (static_cast<unsigned char>(headline[cut]) & 0xC0) == 0x80) ++cut;
        a.head.headline = text(headline.substr(0, cut));
        for (int i = 0; i < 9; ++i) {
            std::string p;
            for (int k = 0; k <= i % 4; ++k) p += sentence;
            a.body.push_back(para(p));
        }
        articles.push_back(std::move(a));
    }
    for (const char* name : kLayouts) {
        CAPTURE(std::string(name));
        auto c = compose(issue_of(articles), bundled_layout(name));
        REQUIRE(!c->doc.pages.empty());
        CHECK_FALSE(c->diags.contains("W-GLYPH-MISSING"));
        CHECK_FALSE(c->diags.contains("W-TEXT-OVERFULL"));
        for (const auto& list : {check_overlaps(c->doc), check_columns(c->doc, *c->layout),
                                 check_grid(c->doc, *c->layout), check_live_area(c->doc, *c->layout),
                                 check_tags(c->doc)})
            for (std::size_t i = 0; i < list.size() && i < 10; ++i) FAIL_CHECK(list[i]);
    }
}

TEST_CASE("the Universal Declaration in Arabic composes in every layout with every invariant holding") {
    // Real Arabic, not the made-up words of arabic_article: its deck mixes
    // a number in Latin digits, a bracketed letter and number "(د-3)", a
    // slash and a date; its words end in alef with fathatan, which the
    // font hangs over the space before the word; its subheads are
    // "المادة 1" (a word and a number); one of its paragraphs opens with
    // its number, "1.".
    const char* const preamble[] = {
        "لمّا كان الاعتراف بالكرامة المتأصلة في جميع أعضاء الأسرة البشرية وبحقوقهم المتساوية الثابتة هو أساس "
        "الحرية والعدل والسلام في العالم.",
        "ولما كان تناسي حقوق الإنسان وازدراؤها قد أفضيا إلى أعمال همجية آذت الضمير الإنساني. وكان غاية ما "
        "يرنو إليه عامة البشر انبثاق عالم يتمتع فيه الفرد بحرية القول والعقيدة ويتحرر من الفزع والفاقة.",
        "ولما كان من الضروري أن يتولى القانون حماية حقوق الإنسان لكيلا يضطر المرء آخر الأمر إلى التمرد على "
        "الاستبداد والظلم.",
    };
    const char* const articles[] = {
        "يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا وعليهم أن يعامل بعضهم "
        "بعضًا بروح الإخاء.",
        "وفضلاً عما تقدم فلن يكون هناك أي تمييز أساسه الوضع السياسي أو القانوني أو الدولي لبلد أو البقعة التي "
        "ينتمي إليها الفرد سواء كان هذا البلد أو تلك البقعة مستقلاً أو تحت الوصاية أو غير متمتع بالحكم الذاتي.",
        "لكل فرد الحق في الحياة والحرية وسلامة شخصه.",
        "لا يجوز إسترقاق أو إستعباد أي شخص. ويحظر الإسترقاق وتجارة الرقيق بكافة أوضاعهما.",
        "لا يعرض أي إنسان للتعذيب ولا للعقوبات أو المعاملات القاسية أو الوحشية أو الحاطة بالكرامة.",
        "لا يجوز القبض على أي إنسان أو حجزه أو نفيه تعسفاً.",
        // A numbered paragraph: "1." in Latin digits, then the Arabic.
        "1. كل شخص متهم بجريمة يعتبر بريئاً إلى أن تثبت إدانته قانوناً بمحاكمة علنية تؤمن له فيها الضمانات "
        "الضرورية للدفاع عنه.",
    };
    model::Article a;
    a.id = "udhr-ar";
    a.lang = "ar";
    a.meta.priority = 2;
    a.head.kicker = text("الديباجة");
    a.head.headline = text("الإعلان العالمي لحقوق الإنسان");
    a.head.deck = text("اعتُمد بموجب قرار الجمعية العامة 217 ألف (د-3) المؤرخ في 10 كانون الأول / ديسمبر 1948.");
    a.head.bylines.push_back(text("By United Nations"));
    for (const char* p : preamble) a.body.push_back(para(p));
    for (int round = 0; round < 3; ++round)
        for (std::size_t k = 0; k < std::size(articles); ++k) {
            model::Block head;
            head.node = model::Subhead{text("المادة " + std::to_string(round * std::size(articles) + k + 1))};
            a.body.push_back(head);
            a.body.push_back(para(articles[k]));
        }
    for (const char* name : kLayouts) {
        CAPTURE(std::string(name));
        auto c = compose(issue_of({article("first", "A story before it", 5, 3), a}), bundled_layout(name));
        REQUIRE(!c->doc.pages.empty());
        CHECK_FALSE(c->diags.contains("W-GLYPH-MISSING"));
        auto problems = check_all(c->doc, *c->layout, c->issue);
        for (std::size_t i = 0; i < problems.size() && i < 10; ++i) FAIL_CHECK(problems[i]);
    }
}

TEST_CASE("a Khmer article's lines stand grid.stacked-line-height apart and the English after it is on the grid") {
    // Khmer stacks consonants under and vowels over its letters: at the
    // grid's leading the lines of a Khmer paragraph touch. Its headline and
    // paragraphs take 1.6 times their size; the next article's text (and
    // check_grid's every other line) stays on the grid.
    const std::string sentence = "មនុស្សទាំងអស់ កើតមកមានសេរីភាព និងសមភាព ក្នុងផ្នែកសេចក្ដីថ្លៃថ្នូរ និងសិទ្ធិ។";
    model::Article km;
    km.id = "udhr-km";
    km.lang = "km";
    km.meta.priority = 2;
    km.head.headline = text("សេចក្ដីប្រកាសជាសកលស្ដីពីសិទ្ធិមនុស្ស");
    for (int i = 0; i < 12; ++i) {
        std::string p;
        for (int k = 0; k <= i % 4; ++k) p += sentence;
        km.body.push_back(para(p));
    }
    for (const char* name : kLayouts) {
        CAPTURE(std::string(name));
        const layout::Layout l = bundled_layout(name);
        auto c = compose(issue_of({km, article("after", "The English story after it", 12)}), l);
        REQUIRE(!c->doc.pages.empty());
        std::vector<const page::TagBegin*> open;
        int khmer_lines = 0;
        double last = -1;  // the last baseline of the open paragraph or heading
        for (std::size_t pg = 0; pg < c->doc.pages.size(); ++pg) {
            last = -1;  // a new page: the element goes on at the top
            for (const page::Item& item : c->doc.pages[pg].items) {
                if (auto* b = std::get_if<page::TagBegin>(&item)) {
                    open.push_back(b);
                    if (b->kind == page::TagKind::paragraph || b->kind == page::TagKind::heading) last = -1;
                } else if (std::get_if<page::TagEnd>(&item)) {
                    if (!open.empty()) open.pop_back();
                } else if (auto* r = std::get_if<page::GlyphRun>(&item)) {
                    std::string lang;
                    for (auto t = open.rbegin(); t != open.rend() && lang.empty(); ++t) lang = (*t)->lang;
                    if (lang != "km" || open.empty() || (open.back()->kind != page::TagKind::paragraph &&
                                                         open.back()->kind != page::TagKind::heading))
                        continue;
                    const double y = r->origin.y;
                    if (last >= 0 && y > last + 0.01) {
                        ++khmer_lines;
                        CHECK_MESSAGE(y - last >= l.grid.stacked_line_height * r->size - 0.01,
                                      "page " << pg + 1 << ": \"" << r->text << "\" " << y - last << " pt under the line above");
                    }
                    if (last < 0 || y > last + 0.01) last = y;
                    else if (y < last - 0.01) last = y;  // the next column
                }
            }
        }
        CHECK(khmer_lines > 20);
        for (const auto& list : {check_overlaps(c->doc), check_grid(c->doc, *c->layout)})
            for (std::size_t i = 0; i < list.size() && i < 10; ++i) FAIL_CHECK(list[i]);
    }
}

TEST_CASE("pages are handed over while the articles after them are still to be set") {
    // One section of six articles, each on a page of its own: the first
    // page goes to the renderer before the last articles are set, so the
    // PDF is drawn while the rest of a long section is set.
    std::vector<model::Article> articles;
    for (int i = 0; i < 6; ++i) articles.push_back(article("a" + std::to_string(i), "Story " + std::to_string(i), 8));
    const std::vector<std::size_t> set = articles_set_at_each_page(issue_of(articles), bundled_layout("peer-tabloid"));
    REQUIRE(set.size() == 6);
    CHECK(set.front() <= 2);
    CHECK(std::is_sorted(set.begin(), set.end()));
    CHECK(set.back() == 6);
}


TEST_CASE("a table with more columns than fit across its article, words whole, is an error at the table") {
    // 40 columns do not fit across the article's three tabloid columns
    // with their numbers whole, but do across the page's five: set over
    // them.
    for (const auto& [columns, refused] :
         {std::pair{200, true}, std::pair{60, true}, std::pair{40, false}, std::pair{12, false}}) {
        CAPTURE(columns);
        model::Article a = article("wide", "A wide table", 4);
        model::Table t;
        std::vector<std::string> cells;
        for (int j = 0; j < columns; ++j) cells.push_back(std::to_string(j + 1));
        model::Row r;
        for (const std::string& c : cells) r.cells.push_back(model::Cell{model::Align::start, text(c.c_str())});
        t.rows.push_back(r);
        model::Block b;
        b.node = t;
        b.where = SourceLocation{"wide.xml", 9, 0};
        a.body.insert(a.body.begin() + 1, b);
        auto c = compose(issue_of({a}), bundled_layout("tabloid"));
        CHECK(c->diags.contains("E-TABLE-TOO-WIDE") == refused);
        for (const Diagnostic& d : c->diags.all())
            if (d.code == "E-TABLE-TOO-WIDE") {
                CHECK(d.where.line == 9);
                // The widest it was tried across: the page's five columns.
                CHECK(d.message.rfind("a table of " + std::to_string(columns) + " columns cannot be set across the "
                                      "page's 5 columns, ", 0) == 0);
            }
        // A table that fits is set whole, inside the page (a refused one is
        // not drawn: the error stops the build).
        if (!refused) {
            auto problems = check_all(c->doc, *c->layout, c->issue);
            for (std::size_t i = 0; i < problems.size() && i < 10; ++i) FAIL_CHECK(problems[i]);
        }
        if (columns == 40) {  // its row runs wider than the article's three columns
            const layout::Layout& l = *c->layout;
            const double live = l.page.width.to_pt() - l.page.margin_inner.to_pt() - l.page.margin_outer.to_pt();
            const double column = (live - 4 * l.columns.gutter.to_pt()) / 5;
            double left = 1e9, right = 0;
            for (const page::Item& item : c->doc.pages.front().items)
                if (const auto* run = std::get_if<page::GlyphRun>(&item); run && (run->text == "1" || run->text == "40")) {
                    left = std::min(left, run->origin.x);
                    right = std::max(right, run->origin.x + run->advance);
                }
            CHECK(right - left > 3 * column + 2 * l.columns.gutter.to_pt());
        }
    }
}

TEST_CASE("a table with no room under the head goes on to the next page while the story fills the front page") {
    // A story whose table, across the columns, is deeper than the room left
    // under its head: the page used to end the story's text at the table,
    // one paragraph on the front page and the rest after the table on the
    // next. The text goes on past it, balanced over the columns, the jump
    // line right under it; the table opens the next page.
    model::Article a = article("prices", "Rice eases, fuel climbs again", 0, 1);
    a.head.deck = text("Wholesale rice slips for a second month while pump prices set another record");
    a.head.bylines.push_back(text("By Post Business Desk"));
    a.head.dateline = text("PHNOM PENH");
    a.body.push_back(para(words(50, 1)));
    a.body.push_back(figure_block(model::Placement::inline_, "img/rice-price-chart-2008.png", 1600, 1000, "A chart",
                                  "Milled rice, monthly average."));
    // A table of 49 rows: under the head, beside the picture, it fits in
    // none of the front page's columns (46 rows would, 52 are set in parts).
    model::Table t;
    t.caption = text("Prices in Phnom Penh");
    model::Row head;
    for (const char* h : {"Item", "Unit", "This week", "Last week", "Change"})
        head.cells.push_back(model::Cell{model::Align::start, text(h)});
    t.head = head;
    for (int i = 0; i < 49; ++i) {
        model::Row r;
        r.cells.push_back(model::Cell{model::Align::start,
                                      text(i % 10 == 9 ? "Paddy, Battambang farm gate" : "Item number " + std::to_string(i))});
        r.cells.push_back(model::Cell{model::Align::start, text("riel/kg")});
        r.cells.push_back(model::Cell{model::Align::right, text(std::to_string(1000 + 7 * i))});
        r.cells.push_back(model::Cell{model::Align::right, text(std::to_string(990 + 7 * i))});
        r.cells.push_back(model::Cell{model::Align::right, text("+" + std::to_string(i % 9) + "." + std::to_string(i % 10) + "%")});
        t.rows.push_back(r);
    }
    model::Block table;
    table.node = t;
    a.body.push_back(table);
    for (int i = 2; i < 9; ++i) a.body.push_back(para(words(60, i)));
    auto c = compose(issue_of({a}), bundled_layout("tabloid"));
    auto problems = check_all(c->doc, *c->layout, c->issue);
    for (std::size_t i = 0; i < problems.size() && i < 5; ++i) FAIL_CHECK(problems[i]);
    REQUIRE(c->doc.pages.size() == 2);
    const page::Page& front = c->doc.pages[0];
    const page::Page& next = c->doc.pages[1];
    // The story's last word on the front page, the table's rows on the next.
    const std::string last_word = "after859";
    CHECK(page_says(front, last_word));
    CHECK(page_says(front, "Continued on page 2"));
    CHECK_FALSE(page_says(front, "Item number 0"));
    CHECK(page_says(next, "Continued from page 1"));
    CHECK(page_says(next, "Item number 48"));
    // The text stands in every column of the front page, balanced: no
    // column's foot more than two lines from another's.
    const double leading = c->layout->grid.leading.to_pt();
    std::vector<std::pair<double, double>> lines;  // body text: left, baseline
    double jump_y = 0;
    for (const page::Item& item : front.items)
        if (auto* r = std::get_if<page::GlyphRun>(&item)) {
            if (r->text.find("Continued on page") != std::string::npos) jump_y = r->origin.y;
            if (r->face.file.find("CharisSIL") != std::string::npos) lines.emplace_back(r->origin.x, r->origin.y);
        }
    // Columns from the left, a line's indent within its column.
    std::sort(lines.begin(), lines.end());
    std::vector<double> columns;  // each column's lowest baseline
    double column_left = -1e9;
    for (const auto& [x, y] : lines) {
        if (x > column_left + 30) {
            column_left = x;
            columns.push_back(y);
        }
        columns.back() = std::max(columns.back(), y);
    }
    CHECK(columns.size() >= 5);
    if (!columns.empty()) {
        const auto [low, high] = std::minmax_element(columns.begin(), columns.end());
        CHECK(*high - *low <= 2 * leading + 0.01);
        // The jump line under the text of the last column, not at the
        // page's foot.
        CHECK(jump_y > columns.back());
        CHECK(jump_y < columns.back() + 3 * leading);
    }
    // The room under the jump line is the next article's.
    auto two = compose(issue_of({a, article("short", "Boat fares rise", 3)}), bundled_layout("tabloid"));
    problems = check_all(two->doc, *two->layout, two->issue);
    for (std::size_t i = 0; i < problems.size() && i < 5; ++i) FAIL_CHECK(problems[i]);
    REQUIRE(two->doc.pages.size() == 2);
    CHECK(page_says(two->doc.pages[0], "Boat fares rise"));
    CHECK(page_says(two->doc.pages[0], last_word));
}

}  // namespace galley::test
