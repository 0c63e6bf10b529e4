// The blocks of an article body as they come out on the page: lists,
// tables, pull quotes, and what is too deep for any page.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <set>
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
    return issue_of({std::move(a)});
}

/// A story of `paragraphs` paragraphs of 30 to 52 words ("wP_W", every one
/// different), a pull quote ("quoted ...") before paragraph `at`.
std::vector<model::Block> story_with_quote(int paragraphs, int at) {
    std::vector<model::Block> body;
    for (int i = 0; i < paragraphs; ++i) {
        std::string p;
        for (int w = 0; w < 30 + (i * 7) % 23; ++w) p += (w ? " w" : "w") + std::to_string(i) + "_" + std::to_string(w);
        model::Block b;
        b.node = model::Paragraph{text(p)};
        body.push_back(b);
    }
    model::Block quote;
    quote.node = model::PullQuote{
        model::Quotation{{model::Paragraph{text("quoted words stand out from the story in display type")}}, {}}};
    body.insert(body.begin() + at, quote);
    return body;
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

/// An issue of one story of `body`, with priority 1 and a full head
/// (kicker, `headline`, deck, byline, dateline): the front page's lead.
model::Issue front_page_story(const std::vector<model::Block>& body, const std::string& headline) {
    model::Issue issue = issue_with(body);
    model::Article& a = issue.sections[0].articles[0];
    a.meta.priority = 1;
    a.head.kicker = text("Kick");
    a.head.headline = text(headline);
    a.head.deck = text("is the natural and fundamental group unit of society and is entitled to protection by "
                       "society and the");
    a.head.bylines.push_back(text("By Jo Bloggs"));
    a.head.dateline = text("PHNOM PENH");
    return issue;
}

/// A table of `columns` one-number columns and `rows` rows.
model::Block number_table(int columns, int rows) {
    model::Table t;
    for (int i = 0; i < rows; ++i) {
        model::Row r;
        for (int j = 0; j < columns; ++j)
            r.cells.push_back(model::Cell{model::Align::start, text(std::to_string(i * columns + j))});
        t.rows.push_back(r);
    }
    model::Block b;
    b.node = t;
    b.where = SourceLocation{"lists.xml", 12, 0};
    return b;
}

model::Block para(const std::string& words) {
    model::Block b;
    b.node = model::Paragraph{text(words)};
    return b;
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

TEST_CASE("a table row deeper than a column is cut between lines and goes on in the next columns and pages") {
    // One cell of 1,200 numbered words beside a cell of one unbreakable
    // 86-letter string: before, the row was drawn past the foot of the page,
    // or (spanning, at priority 5) opened empty pages for ever.
    std::string many;
    for (int i = 0; i < 1200; ++i) many += (i ? " w" : "w") + std::to_string(i);
    for (std::string layout : {"tabloid", "magazine", "peer-tabloid"}) {
        for (bool long_word : {false, true}) {
            CAPTURE(layout);
            CAPTURE(long_word);
            model::Table t;
            model::Row row;
            if (long_word) row.cells.push_back(model::Cell{model::Align::start, text(std::string(86, 'x'))});
            row.cells.push_back(model::Cell{model::Align::start, text(many)});
            t.rows.push_back(row);
            model::Block b;
            b.node = t;
            model::Issue issue = issue_with({b});
            issue.sections[0].articles[0].meta.priority = 5;
            auto c = compose(issue, bundled_layout(layout));
            // Nothing outside the live area, tags nested, and every word once
            // and in order (but the 86-letter string, broken between letters
            // where the column is narrower).
            std::vector<std::string> problems = check_overlaps(c->doc);
            for (auto more : {check_columns(c->doc, *c->layout), check_live_area(c->doc, *c->layout),
                              check_tags(c->doc)})
                problems.insert(problems.end(), more.begin(), more.end());
            if (!long_word) {
                auto more = check_completeness(c->doc, c->issue);
                problems.insert(problems.end(), more.begin(), more.end());
            }
            CHECK_MESSAGE(problems.empty(), (problems.empty() ? std::string() : problems.front()));
            // The row was cut: its lines sit in more than one column.
            std::map<long, int> columns;
            for (const page::Page& p : c->doc.pages)
                for (const page::Item& item : p.items)
                    if (auto* r = std::get_if<page::GlyphRun>(&item); r && r->text.starts_with("w"))
                        ++columns[std::lround(r->origin.x) + 10000L * static_cast<long>(&p - c->doc.pages.data())];
            CHECK(columns.size() >= 2);
        }
    }
}

TEST_CASE("a table row deeper than a column starts under the rows before it, not at the next column's top") {
    // Three short rows, then one of 600 words. The deep row was cut into
    // parts as deep as a column could take, so its first part went to the
    // next column's top and left the rest of the column white under the
    // short rows. Now it is cut every two lines and starts where they end.
    std::string many;
    for (int i = 0; i < 600; ++i) many += (i ? " w" : "w") + std::to_string(i);
    for (std::string layout : {"magazine", "tabloid", "newsletter"}) {
        CAPTURE(layout);
        model::Table t;
        for (int r = 0; r < 4; ++r) {
            model::Row row;
            row.cells.push_back(model::Cell{model::Align::start, text("Item" + std::to_string(r))});
            row.cells.push_back(model::Cell{model::Align::start, text(r == 3 ? many : "a short note " + std::to_string(r))});
            t.rows.push_back(row);
        }
        model::Block b;
        b.node = t;
        model::Block intro;
        intro.node = model::Paragraph{text("Before the table, a short paragraph of a few words.")};
        auto c = compose(issue_with({intro, b}), bundled_layout(layout));
        auto problems = check_all(c->doc, *c->layout, c->issue);
        for (std::size_t i = 0; i < problems.size() && i < 5; ++i) FAIL_CHECK(problems[i]);
        // Where the last short row and the deep row's first line stand.
        const page::GlyphRun* short_row = nullptr;
        const page::GlyphRun* deep = nullptr;
        std::size_t short_page = 0, deep_page = 0;
        for (std::size_t pi = 0; pi < c->doc.pages.size(); ++pi)
            for (const page::Item& item : c->doc.pages[pi].items)
                if (auto* r = std::get_if<page::GlyphRun>(&item)) {
                    if (!short_row && r->text.starts_with("a short note 2")) {
                        short_row = r;
                        short_page = pi;
                    }
                    if (!deep && (r->text == "w0" || r->text.starts_with("w0 "))) {
                        deep = r;
                        deep_page = pi;
                    }
                }
        REQUIRE(short_row);
        REQUIRE(deep);
        CHECK(deep_page == short_page);
        CHECK(std::abs(deep->origin.x - short_row->origin.x) < 1.0);
        CHECK(deep->origin.y > short_row->origin.y);
        CHECK(deep->origin.y < short_row->origin.y + 4 * c->layout->grid.leading.to_pt());
    }
}

TEST_CASE("a picture whose caption is deeper than a column has its caption go on in the next column") {
    // A caption of 900 numbered words: placed whole, the figure ran off the
    // page (W-LAYOUT-OFF-PAGE). Set in the column, its picture first, the
    // caption breaks like text, every word printed once and in order.
    std::string many;
    for (int i = 0; i < 900; ++i) many += (i ? " c" : "c") + std::to_string(i);
    for (std::string name : kLayouts) {
        CAPTURE(name);
        model::Block fig = figure_block(model::Placement::inline_, "img/cover-riverfront-dawn.jpg", 1067, 1600,
                                        "Dawn on the riverfront", many);
        model::Figure& f = std::get<model::Figure>(fig.node);
        f.credit = text("Credit line");
        model::Block before;
        before.node = model::Paragraph{text("Before the picture.")};
        model::Block after;
        after.node = model::Paragraph{text("After the picture.")};
        auto c = compose(issue_with({before, fig, after}), bundled_layout(name));
        CHECK_FALSE(c->diags.contains("W-LAYOUT-OFF-PAGE"));
        for (const auto& p : check_all(c->doc, *c->layout, c->issue)) FAIL_CHECK(p);
        // The caption's lines sit in more than one column; its first line
        // is right under the picture, in its column.
        std::set<long> columns;
        const page::Image* img = nullptr;
        const page::GlyphRun* first = nullptr;
        int img_page = -1, first_page = -1;
        for (std::size_t p = 0; p < c->doc.pages.size(); ++p)
            for (const page::Item& item : c->doc.pages[p].items) {
                if (auto* i = std::get_if<page::Image>(&item); i && !img) {
                    img = i;
                    img_page = static_cast<int>(p);
                }
                if (auto* r = std::get_if<page::GlyphRun>(&item); r && r->text.starts_with("c")) {
                    columns.insert(std::lround(r->origin.x) + 10000L * static_cast<long>(p));
                    if (r->text.starts_with("c0 ") && !first) {
                        first = r;
                        first_page = static_cast<int>(p);
                    }
                }
            }
        CHECK(columns.size() >= 2);
        REQUIRE(img);
        REQUIRE(first);
        CHECK(first_page == img_page);
        CHECK(first->origin.x == doctest::Approx(img->rect.x).epsilon(0.001));
        const page::Rect shown = img->clip ? *img->clip : img->rect;  // a photograph may be cropped
        CHECK(first->origin.y > shown.y + shown.height);
        CHECK(first->origin.y < shown.y + shown.height + 3 * c->layout->grid.leading.to_pt());

        // A word of the caption broken to fit is reported once, though the
        // caption was set more than once to find the figure's depth.
        f.caption = text(many + " " + std::string(90, 'x'));
        auto broken = compose(issue_with({before, fig, after}), bundled_layout(name));
        int reports = 0;
        for (const Diagnostic& d : broken->diags.all()) reports += d.code == "W-TEXT-FORCED-BREAK";
        CHECK(reports == 1);
    }
}

TEST_CASE("a lead picture's caption too deep for the head is set at the start of the text, breaking between columns") {
    // A lead picture with a caption of 900 words: the head is placed whole,
    // so it ran off the page. The picture stays in the head; caption and
    // credit open the text, every word once and in order.
    std::string many;
    for (int i = 0; i < 900; ++i) many += (i ? " c" : "c") + std::to_string(i);
    for (std::string name : kLayouts) {
        CAPTURE(name);
        model::Block fig = figure_block(model::Placement::lead, "img/kratie-dolphin-surfacing.jpg", 1600, 1067,
                                        "A dolphin surfacing", many);
        std::get<model::Figure>(fig.node).credit = text("Credit line");
        model::Block para;
        para.node = model::Paragraph{text("The story itself.")};
        auto c = compose(issue_with({fig, para}), bundled_layout(name));
        CHECK_FALSE(c->diags.contains("W-LAYOUT-OFF-PAGE"));
        for (const auto& p : check_all(c->doc, *c->layout, c->issue)) FAIL_CHECK(p);
        // The caption's first line opens the text: below the picture, or
        // beside it where the picture is narrower than the article (a side
        // caption); the caption goes on in more than one column.
        std::set<long> columns;
        const page::Image* img = nullptr;
        const page::GlyphRun* first = nullptr;
        for (std::size_t p = 0; p < c->doc.pages.size(); ++p)
            for (const page::Item& item : c->doc.pages[p].items) {
                if (auto* i = std::get_if<page::Image>(&item); i && !img) img = i;
                if (auto* r = std::get_if<page::GlyphRun>(&item); r && r->text.starts_with("c")) {
                    columns.insert(std::lround(r->origin.x) + 10000L * static_cast<long>(p));
                    if (r->text.starts_with("c0 ") && !first) first = r;
                }
            }
        CHECK(columns.size() >= 2);
        REQUIRE(img);
        REQUIRE(first);
        const page::Rect shown = img->clip ? *img->clip : img->rect;
        const bool below = first->origin.y > shown.y + shown.height;
        const bool beside = first->origin.x + first->advance <= shown.x || first->origin.x >= shown.x + shown.width;
        CHECK((below || beside));
    }
}

TEST_CASE("two lead pictures with deep captions read picture, caption, picture, caption") {
    // The first caption too deep for the head opens the text; the second
    // lead picture follows it there, its own caption after it.
    std::string many;
    for (int i = 0; i < 700; ++i) many += (i ? " c" : "c") + std::to_string(i);
    for (std::string name : kLayouts) {
        CAPTURE(name);
        model::Block first = figure_block(model::Placement::lead, "img/kratie-dolphin-surfacing.jpg", 1600, 1067,
                                          "A dolphin", many);
        model::Block second = figure_block(model::Placement::lead, "img/kampi-tourist-boat.jpg", 1600, 1067,
                                           "A boat", "A short caption for the boat");
        model::Block para;
        para.node = model::Paragraph{text("The story itself.")};
        auto c = compose(issue_with({first, second, para}), bundled_layout(name));
        CHECK_FALSE(c->diags.contains("W-LAYOUT-OFF-PAGE"));
        for (const auto& p : check_all(c->doc, *c->layout, c->issue)) FAIL_CHECK(p);
        std::string order;
        for (const page::Page& p : c->doc.pages)
            for (const page::Item& item : p.items)
                if (auto* b = std::get_if<page::TagBegin>(&item)) {
                    if (b->kind == page::TagKind::figure) order += "F";
                    if (b->kind == page::TagKind::caption) order += "C";
                }
        CHECK(order == "FCFC");
    }
}

TEST_CASE("a head too deep for the page with its lead picture takes a smaller one rather than run off") {
    // Newsletter, a front-page story whose lead caption is 300 words (of the
    // Universal Declaration of Human Rights): not deep enough to open the
    // text, so it stays under its picture; at full size the head ran 2
    // lines past the foot. The head with the smaller lead picture fits.
    const std::string caption =
        "to have recourse, as a last resort, to rebellion against tyranny and oppression, that human rights s"
        "hould be protected by the rule of law, Whereas it is essential to promote the development of friendl"
        "y relations between nations, Whereas the peoples of the United Nations have in the Charter reaffirme"
        "d their faith in fundamental human rights, in the dignity and worth of the human person and in the e"
        "qual rights of men and women and have determined to promote social progress and better standards of "
        "life in larger freedom, Whereas Member States have pledged themselves to achieve, in co‐operation wi"
        "th the United Nations, the promotion of universal respect for and observance of human rights and fun"
        "damental freedoms, Whereas a common understanding of these rights and freedoms is of the greatest im"
        "portance for the full realization of this pledge, Proclaims this Universal Declaration of Human Righ"
        "ts as a common standard of achievement for all peoples and all nations, to the end that every indivi"
        "dual and every organ of society, keeping this Declaration constantly in mind, shall strive by teachi"
        "ng and education to promote respect for these rights and freedoms and by progressive measures, natio"
        "nal and international, to secure their universal and effective recognition and observance, both amon"
        "g the peoples of Member States themselves and among the peoples of territories under their jurisdict"
        "ion. All human beings are born free and equal in dignity and rights. They are endowed with reason an"
        "d conscience and should act towards one another in a spirit of brotherhood. Everyone is entitled to "
        "all the rights and freedoms set forth in this Declaration, without distinction of any kind, such as "
        "race, colour, sex, language, religion, political or other opinion, national or social origin, proper"
        "ty, birth or other status. Furthermore, no distinction shall be made on the basis of the";
    const char* const paragraphs[] = {
        "any discrimination to equal protection of the law. All are entitled to equal protection against any "
        "discrimination in violation of this Declaration and against any incitement to such discrimination. E"
        "veryone has the right to an effective remedy by the competent national tribunals for acts violating "
        "the fundamental rights granted him by the constitution or by law. No one shall be",
        "charge against him. 1. Everyone charged with a penal offence has the right to be presumed innocent u"
        "ntil proved guilty according to law in a public trial at which he has had all the guarantees necessa"
        "ry for his defence. 2. No one shall be held guilty of any penal offence on account of any act or omi"
        "ssion which did not",
        "No one shall be subjected to arbitrary interference with his privacy, family, home or correspondence"
        ", nor to attacks upon his honour and reputation. Everyone has the right to the protection of the law"
        " against such interference or attacks. 1. Everyone has the right to freedom of movement and residenc"
        "e within the borders of each State. 2. Everyone has the right"};
    std::vector<model::Block> body{figure_block(model::Placement::lead, "img/kratie-dolphin-surfacing.jpg", 1600,
                                                1067, "as a last resort, to", caption)};
    std::get<model::Figure>(body.front().node).credit = text("Credit to rebellion");
    for (const char* p : paragraphs) {
        model::Block b;
        b.node = model::Paragraph{text(p)};
        body.push_back(b);
    }
    model::Issue issue = front_page_story(body, "act towards one another in a spirit");
    auto c = compose(issue, bundled_layout("newsletter"));
    CHECK_FALSE(c->diags.contains("W-LAYOUT-OFF-PAGE"));
    for (const auto& p : check_all(c->doc, *c->layout, c->issue)) FAIL_CHECK(p);
}

TEST_CASE("two lead pictures whose captions together are too deep for a fresh page open the text with them") {
    // A front-page story with two lead pictures, the second caption 220 to
    // 340 words: each caption alone is short enough for the head, but
    // under the masthead, a headline and two pictures they are not; the
    // head ran up to 19 lines past the foot (newsletter). When even the
    // smallest pictures leave the head deeper than the page, the captions
    // open the text and the second picture follows there.
    std::string words;
    for (int i = 0; i < 340; ++i) words += (i ? " c" : "c") + std::to_string(i);
    for (std::string name : kLayouts) {
        for (int n : {220, 260, 300, 340}) {
            CAPTURE(name);
            CAPTURE(n);
            std::string caption = words.substr(0, words.find(" c" + std::to_string(n) + " "));
            model::Block first = figure_block(model::Placement::lead, "img/kratie-dolphin-surfacing.jpg", 1600,
                                              1067, "A dolphin", "A short line for the dolphin, thirty "
                                              "words or so, as a desk writes them under a picture on page one.");
            model::Block second = figure_block(model::Placement::lead, "img/kampi-tourist-boat.jpg", 1600, 1067,
                                               "A boat", caption);
            std::vector<model::Block> body{first, second};
            for (int p = 0; p < 4; ++p) {
                model::Block b;
                std::string text_p;
                for (int w = 0; w < 60; ++w) text_p += (w ? " p" : "p") + std::to_string(p * 100 + w);
                b.node = model::Paragraph{text(text_p)};
                body.push_back(b);
            }
            model::Issue issue = front_page_story(body, "the rights and freedoms set forth in");
            auto c = compose(issue, bundled_layout(name));
            CHECK_FALSE(c->diags.contains("W-LAYOUT-OFF-PAGE"));
            for (const auto& p : check_all(c->doc, *c->layout, c->issue)) FAIL_CHECK(p);
            // Both pictures and every caption word, once each, in order.
            int images = 0;
            std::string seen;
            for (const page::Page& pg : c->doc.pages)
                for (const page::Item& item : pg.items) {
                    if (std::holds_alternative<page::Image>(item)) ++images;
                    if (auto* r = std::get_if<page::GlyphRun>(&item); r && r->text.starts_with("c"))
                        seen += (seen.empty() ? "" : " ") + r->text;
                }
            CHECK(images == 2);
            std::string joined;
            for (char ch : seen)
                if (ch != ' ' || (!joined.empty() && joined.back() != ' ')) joined += ch;
            while (!joined.empty() && joined.back() == ' ') joined.pop_back();
            CHECK(joined == caption);
        }
    }
}

TEST_CASE("the first paragraph takes body-first's indent, the others body's") {
    std::vector<model::Block> body;
    for (int i = 0; i < 3; ++i) {
        std::string p;
        for (int w = 0; w < 40; ++w) p += (w ? " a" : "a") + std::to_string(i) + "_" + std::to_string(w);
        model::Block b;
        b.node = model::Paragraph{text(p)};
        body.push_back(b);
    }
    for (double indent_mm : {0.0, 10.0}) {
        CAPTURE(indent_mm);
        layout::Layout l = bundled_layout("tabloid");
        l.style(layout::ParagraphStyleId::body_first).first_line_indent = Length::mm(indent_mm);
        auto c = compose(issue_with(body), l);
        // The first paragraph's lines ("a0_..."): its first line starts
        // the indent in from the others, which sit on the column's edge.
        const page::GlyphRun* first = nullptr;
        double column_left = std::numeric_limits<double>::infinity();
        for (const page::Page& p : c->doc.pages)
            for (const page::Item& item : p.items)
                if (auto* r = std::get_if<page::GlyphRun>(&item); r && r->text.starts_with("a0_")) {
                    if (r->text.starts_with("a0_0 ")) first = r;
                    column_left = std::min(column_left, r->origin.x);
                }
        REQUIRE(first);
        CHECK(first->origin.x - column_left == doctest::Approx(Length::mm(indent_mm).to_pt()).epsilon(0.01));
    }
}

TEST_CASE("a drop cap deeper than its one-line paragraph never hangs below a column's foot") {
    // Magazine: a list of n entries, then the first paragraph, one line
    // long, with a three-line drop cap. The room the cap needs below the
    // line was a space, dropped at a column's foot: where the line fell on
    // the last grid line, the cap hung into the bottom margin. A paragraph
    // shorter than its drop cap is now set without one (text_setter.h);
    // this still holds the page to that. The story after it is long
    // enough to fill the page, so no column is balanced short.
    std::string story;
    for (int i = 0; i < 1500; ++i) story += (i ? " w" : "w") + std::to_string(i);
    for (int n = 1; n <= 60; ++n) {
        CAPTURE(n);
        model::Block one, more;
        one.node = model::Paragraph{text("One line.")};
        more.node = model::Paragraph{text(story)};
        auto c = compose(issue_with({list_block(model::ListType::bullet, n), one, more}), bundled_layout("magazine"));
        CHECK_FALSE(c->diags.contains("W-LAYOUT-OFF-PAGE"));
        for (const auto& p : check_all(c->doc, *c->layout, c->issue)) FAIL_CHECK(p);
    }
}

TEST_CASE("a pull quote too deep for any page is left out with a warning, the story set around it") {
    std::string many;
    for (int i = 0; i < 1500; ++i) many += (i ? " q" : "q") + std::to_string(i);
    for (std::string layout : {"tabloid", "magazine", "newsletter", "peer-tabloid"}) {
        CAPTURE(layout);
        model::PullQuote pq;
        pq.quote.paragraphs.push_back(model::Paragraph{text(many)});
        model::Block quote;
        quote.node = pq;
        model::Block before, after;
        before.node = model::Paragraph{text("Before the quote.")};
        after.node = model::Paragraph{text("After the quote.")};
        auto c = compose(issue_with({before, quote, after}), bundled_layout(layout));
        CHECK(c->diags.contains("W-PULLQUOTE-TOO-DEEP"));
        // Its depth is more than the limit the message gives, read as
        // numbers ("a pull quote 117 mm deep ... whole (121 mm)" compared
        // the quote with a limit that still held the space around it).
        for (const Diagnostic& d : c->diags.all())
            if (d.code == "W-PULLQUOTE-TOO-DEEP") {
                long deep = 0, most = 0;
                REQUIRE(std::sscanf(d.message.c_str(),
                                    "a pull quote %ld mm deep is more than the page can take whole (%ld mm)", &deep,
                                    &most) == 2);
                CHECK(deep > most);
                CHECK(d.message.ends_with(" mm); left out of the print edition"));
            }
        // The page is sound (the completeness check would want the quote's
        // words) and the story is all there, on one page.
        std::vector<std::string> problems = check_overlaps(c->doc);
        for (auto more : {check_columns(c->doc, *c->layout), check_live_area(c->doc, *c->layout),
                          check_tags(c->doc)})
            problems.insert(problems.end(), more.begin(), more.end());
        CHECK_MESSAGE(problems.empty(), (problems.empty() ? std::string() : problems.front()));
        REQUIRE(c->doc.pages.size() == 1);
        int story = 0;
        for (const page::Item& item : c->doc.pages[0].items)
            if (auto* r = std::get_if<page::GlyphRun>(&item))
                story += r->text.ends_with("the quote.");  // "Before" may start with a drop cap
        CHECK(story == 2);
    }
}

TEST_CASE("a pull quote near an article's end is set among its text, never after its last line") {
    // Stories of `n` paragraphs (words "wP_W", every one different), a pull
    // quote ("quoted...") before the last `k` and a tagline ("wtag"): on
    // the page where the story ends, some of its text lies below the quote
    // in the quote's columns, or in a column to their right.
    int checked = 0;
    for (std::string layout : kLayouts) {
        for (int n = 5; n <= 12; ++n) {
            for (int k = 1; k <= 2; ++k) {
                CAPTURE(layout);
                CAPTURE(n);
                CAPTURE(k);
                model::Issue issue = issue_with(story_with_quote(n, n - k));
                issue.sections[0].articles[0].end.tagline = text("wtag is the paper's sports writer.");
                auto c = compose(issue, bundled_layout(layout));
                const page::Page& page = c->doc.pages.back();
                double left = 1e9, right = -1e9, low = -1e9;
                for (const page::Item& item : page.items)
                    if (auto* r = std::get_if<page::GlyphRun>(&item); r && r->text.starts_with("quoted")) {
                        left = std::min(left, r->origin.x);
                        right = std::max(right, r->origin.x + r->advance);
                        low = std::max(low, r->origin.y);
                    }
                if (low < 0) continue;  // the quote is on an earlier page
                bool follows = false;
                for (const page::Item& item : page.items) {
                    auto* r = std::get_if<page::GlyphRun>(&item);
                    if (!r || !r->text.starts_with("w") || r->text.starts_with("wtag")) continue;
                    if (r->origin.x >= right || (r->origin.x >= left - 1 && r->origin.y > low)) follows = true;
                }
                ++checked;
                CHECK(follows);
            }
        }
    }
    CHECK(checked > 40);
}

TEST_CASE("a pull quote leaves no runt leg under it, and opens no page the story jumps to") {
    // A story of 40 paragraphs (words "wP_W") that goes on over several
    // pages, a pull quote ("quoted...") after paragraph `at`: on a page the
    // story goes on from, the lines under the quote in its columns are none
    // or at least columns.min-leg; on a page it jumps to, some of the story
    // comes before the quote (in a column to its left, or above it).
    int checked = 0;
    for (std::string layout : kLayouts) {
        const layout::Layout l = bundled_layout(layout);
        const double column = l.column_width().to_pt();
        // Newsletter sets its quotes one column wide, in the column's flow.
        const int quote_columns = l.spans.pullquote.resolve(l.columns.count, l.columns.count);
        const bool spans = quote_columns >= 2;
        for (int at = 2; at <= 30; ++at) {
            CAPTURE(layout);
            CAPTURE(at);
            auto c = compose(issue_with(story_with_quote(40, at)), l);
            for (std::size_t n = 0; n < c->doc.pages.size(); ++n) {
                const page::Page& page = c->doc.pages[n];
                double left = 1e9, right = -1e9, low = -1e9, high = 1e9;
                for (const page::Item& item : page.items)
                    if (auto* r = std::get_if<page::GlyphRun>(&item); r && r->text.starts_with("quoted")) {
                        left = std::min(left, r->origin.x);
                        right = std::max(right, r->origin.x + r->advance);
                        low = std::max(low, r->origin.y);
                        high = std::min(high, r->origin.y);
                    }
                if (low < 0) continue;
                // The quote's lines are of even length, shorter than the
                // columns it spans: those end a span's width from its left.
                right = std::max(right, left + l.span_width(quote_columns).to_pt());
                if (n > 0) {
                    bool before = false;
                    for (const page::Item& item : page.items)
                        if (auto* r = std::get_if<page::GlyphRun>(&item); r && r->text.starts_with("w"))
                            before = before || r->origin.x < left - 1 || (r->origin.x < right && r->origin.y < high);
                    CHECK(before);
                }
                if (n + 1 == c->doc.pages.size() || !spans) continue;
                // Lines under the quote, per column it spans (a column with
                // none has the quote on its foot).
                std::map<int, int> under;
                for (const page::Item& item : page.items) {
                    auto* r = std::get_if<page::GlyphRun>(&item);
                    if (!r || !r->text.starts_with("w") || r->origin.y <= low) continue;
                    if (r->origin.x < left - 1 || r->origin.x >= right) continue;
                    ++under[static_cast<int>((r->origin.x - left + 1) / column)];
                }
                ++checked;
                // A column may hold a short leg where the jump line raises
                // the foot of another the quote spans (the quote stands on
                // it, or would leave a shorter leg there).
                bool on_a_foot = false;
                for (const page::Item& item : page.items)
                    if (auto* r = std::get_if<page::GlyphRun>(&item);
                        r && r->text.find("ontinued on") != std::string::npos)
                        on_a_foot = on_a_foot || (r->origin.x >= left - 1 && r->origin.x < right);
                for (auto [col, lines] : under) {
                    CAPTURE(col);
                    CHECK((lines >= l.columns.min_leg || on_a_foot));
                }
            }
        }
    }
    CHECK(checked > 30);
}

TEST_CASE("a sign-off set in lines of its own is ragged: a line of it that wraps is not stretched") {
    for (std::string layout : kLayouts) {
        CAPTURE(layout);
        const layout::Layout l = bundled_layout(layout);
        model::Block letter, sign_off;
        letter.node = model::Paragraph{text("Your article on the new traffic lights was right to praise the city.")};
        model::Inlines lines = text("Rebecca Llewellyn-Saunders");
        lines.push_back(model::Inline{model::LineBreak{}});
        for (const model::Inline& in : text("Head of Communications and Partnerships, Northquay Living"))
            lines.push_back(in);
        sign_off.node = model::Paragraph{lines};
        auto c = compose(issue_with({letter, sign_off}), l);
        REQUIRE(c->doc.pages.size() == 1);
        const page::Page& page = c->doc.pages[0];
        const page::GlyphRun* head = nullptr;
        for (const page::Item& item : page.items)
            if (auto* r = std::get_if<page::GlyphRun>(&item); r && r->text.starts_with("Head")) head = r;
        REQUIRE(head);
        // The line holding "Head": where it starts and where its ink ends.
        const double column = l.column_width().to_pt();
        double start = head->origin.x, end = head->origin.x + head->advance;
        for (const page::Item& item : page.items)
            if (auto* r = std::get_if<page::GlyphRun>(&item);
                r && std::abs(r->origin.y - head->origin.y) < 0.1 && std::abs(r->origin.x - head->origin.x) < column) {
                start = std::min(start, r->origin.x);
                end = std::max(end, r->origin.x + r->advance);
            }
        // The segment is longer than a column in every layout: its first
        // line wraps, short of the column's edge (set justified, it reaches
        // it exactly). Its turned-over rest is set in, so the first line may
        // take more words than without: in the magazine it ends 0.3 pt short.
        CHECK(end - start < column - 0.1);
    }
}

TEST_CASE("a verse of a few short lines of its own is never split between columns") {
    // The letters page's four-line poem: balanced over the magazine's three
    // columns it was cut two and two. A paragraph of short lines of its own
    // (a stanza, an address) stays in one column, in every layout.
    const std::vector<std::string> verse = {"The dust lies down along the road,", "the tin roofs drum, the gutters run;",
                                            "the children shout, the frogs reply –",
                                            "the dry months end, the rains have come."};
    for (const std::string name : kLayouts) {
        CAPTURE(name);
        const Composed& c = sample(name);
        const double column = c.layout->column_width().to_pt();
        std::vector<std::pair<std::size_t, double>> found;  // page, x of each line's first word
        for (const std::string& line : verse) {
            CAPTURE(line);
            std::optional<std::pair<std::size_t, double>> at;
            for (std::size_t p = 0; p < c.doc.pages.size() && !at; ++p)
                for (const page::Item& item : c.doc.pages[p].items)
                    if (auto* r = std::get_if<page::GlyphRun>(&item); r && r->text.size() >= 12 && line.starts_with(r->text)) {
                        at = std::pair{p, r->origin.x};
                        break;
                    }
            REQUIRE(at);
            found.push_back(*at);
        }
        for (const auto& [page, x] : found) {
            CHECK(page == found.front().first);
            CHECK(std::abs(x - found.front().second) < column / 2);
        }
    }
}

TEST_CASE("a table spanning columns is not left under a runt leg of the story at their top") {
    // A match report: one paragraph, a scorecard over two columns anchored
    // after it, one more paragraph. Placed where its anchor fell, the
    // scorecard stood under the paragraph's first two lines in its first
    // column (the magazine). It goes to the top of its columns instead, the
    // text beside it, where that leaves no runt leg and no white under it.
    model::Block first, last, card;
    first.node = model::Paragraph{text("Daniel Pellow made 112 off 98 balls, his first century for the club, but "
                                       "the visitors chased down 247 with eleven balls to spare in the last league "
                                       "match of the season on Sunday.")};
    last.node = model::Paragraph{text("Visitors 251-6 (43.1 overs; Ashworth 88, Lowe 61 not out). The visitors "
                                      "won by four wickets.")};
    model::Table t;
    t.caption = text("Home innings");
    auto row = [](std::vector<std::string> cells) {
        model::Row r;
        for (std::size_t i = 0; i < cells.size(); ++i)
            r.cells.push_back(model::Cell{i < 2 ? model::Align::start : model::Align::right, text(cells[i])});
        return r;
    };
    t.head = row({"Batter", "How out", "R", "B", "4s", "6s"});
    t.rows.push_back(row({"D. Pellow", "c Ashworth b Fairbrother", "112", "98", "14", "3"}));
    t.rows.push_back(row({"S. Iqbal", "lbw b Fairbrother", "4", "11", "1", "0"}));
    t.rows.push_back(row({"M. Carrow-Penhaligon", "b Nakamura", "37", "52", "5", "0"}));
    t.rows.push_back(row({"J. Teague", "run out (Ashworth/Lowe)", "21", "30", "2", "0"}));
    t.rows.push_back(row({"R. Venkataraman", "not out", "44", "39", "4", "1"}));
    t.rows.push_back(row({"Extras", "(b 4, lb 6, w 12, nb 7)", "29", "", "", ""}));
    t.rows.push_back(row({"Total", "(5 wkts, 45 overs)", "247", "", "", ""}));
    card.node = t;
    int spanning = 0;
    for (const std::string name : kLayouts) {
        CAPTURE(name);
        const layout::Layout l = bundled_layout(name);
        model::Issue issue = issue_with({first, card, last});
        auto c = compose(issue, l);
        for (const auto& p : check_all(c->doc, l, c->issue)) FAIL_CHECK(p);
        const page::Page& page = c->doc.pages.front();
        const page::GlyphRun* caption = nullptr;
        const page::GlyphRun* headline = nullptr;
        const page::GlyphRun* sixes = nullptr;
        for (const page::Item& item : page.items)
            if (auto* r = std::get_if<page::GlyphRun>(&item)) {
                if (r->text == "Home innings") caption = r;
                if (r->text == "Lists") headline = r;
                if (r->text == "6s") sixes = r;
            }
        REQUIRE(caption);
        REQUIRE(headline);
        REQUIRE(sixes);
        // Where the story is one column wide (the newsletter sets it so) the
        // table is in the column's flow, not over columns.
        if (sixes->origin.x < caption->origin.x + l.column_width().to_pt()) continue;
        ++spanning;
        const double body = l.style(layout::ParagraphStyleId::body).size.to_pt();
        std::set<long> above;
        for (const page::Item& item : page.items)
            if (auto* r = std::get_if<page::GlyphRun>(&item);
                r && std::abs(r->size - body) < 0.01 && r->origin.y > headline->origin.y &&
                r->origin.y < caption->origin.y && r->origin.x >= caption->origin.x - 1 &&
                r->origin.x < caption->origin.x + l.column_width().to_pt())
                above.insert(std::lround(r->origin.y * 10));
        CAPTURE(above.size());
        CHECK((above.empty() || static_cast<int>(above.size()) >= l.columns.min_leg));
    }
    CHECK(spanning >= 3);
}

TEST_CASE("a table too wide for one column and too deep to stand across columns is set across them in parts") {
    // 30 columns fit across a tabloid's five columns, but 200 rows of them
    // are deeper than a table may stand whole over columns: it was set in
    // one column at a 1 pt cell measure, glyphs on glyphs, then refused.
    // Now each part is a float across the columns, the head row over each.
    for (std::string layout : {"tabloid", "broadsheet", "peer-tabloid", "magazine", "newsletter"}) {
        // 30 columns of three- and four-digit numbers are wider than a
        // magazine's or a newsletter's page: refused there however few
        // their rows.
        const bool narrow_page = layout == "magazine" || layout == "newsletter";
        for (const auto& [columns, rows, parts, refused] :
             {std::tuple{30, 200, true, narrow_page}, std::tuple{12, 300, true, false},
              std::tuple{30, 8, false, narrow_page}, std::tuple{12, 20, false, false},
              std::tuple{3, 300, false, false}}) {
            CAPTURE(layout);
            CAPTURE(columns);
            CAPTURE(rows);
            model::Block table = number_table(columns, rows);
            model::Row head;
            for (int j = 0; j < columns; ++j)
                head.cells.push_back(model::Cell{model::Align::start, text("h" + std::to_string(j))});
            std::get<model::Table>(table.node).head = head;
            auto c = compose(issue_with({para("Before the table."), table, para("After the table.")}),
                             bundled_layout(layout));
            CHECK(c->diags.contains("E-TABLE-TOO-WIDE") == refused);
            for (const Diagnostic& d : c->diags.all())
                if (d.code == "E-TABLE-TOO-WIDE") {
                    CHECK(d.where.line == 12);
                    // The widest it was tried across: the page's columns,
                    // not the article's fewer (it named 2 of a magazine's 3).
                    CHECK(d.message.starts_with("a table of 30 columns cannot be set across the page's " +
                                                std::string(layout == "magazine" ? "3" : "2") + " columns, "));
                    CHECK(d.message.ends_with(" mm side by side to keep their words whole; split it, or mark it "
                                              "edition=\"digital\" for the EPUB alone"));
                }
            if (refused) continue;
            auto problems = check_all(c->doc, *c->layout, c->issue);
            for (std::size_t i = 0; i < problems.size() && i < 5; ++i) FAIL_CHECK(problems[i]);
            CHECK_FALSE(c->diags.contains("W-TEXT-FORCED-BREAK"));
            // Tables in the structure, and the head over each: tagged over
            // the first, drawn again (an artifact) over the others.
            int tables = 0, tagged_heads = 0, drawn_heads = 0;
            for (const page::Page& p : c->doc.pages) {
                int artifact = 0;
                for (const page::Item& item : p.items) {
                    if (auto* b = std::get_if<page::TagBegin>(&item)) {
                        artifact += b->kind == page::TagKind::artifact;
                        tables += b->kind == page::TagKind::table;
                    }
                    if (auto* e = std::get_if<page::TagEnd>(&item); e && e->kind == page::TagKind::artifact)
                        --artifact;
                    if (auto* r = std::get_if<page::GlyphRun>(&item); r && r->text == "h0")
                        ++(artifact ? drawn_heads : tagged_heads);
                }
            }
            CHECK(tagged_heads == 1);
            if (parts) {
                CHECK(tables >= 2);
                CHECK(drawn_heads >= tables - 1);
            }
        }
    }
}

TEST_CASE("a deep table across columns stands after the start of the story that leads to it") {
    // A table of nine columns and 250 rows needs two or more columns side
    // by side and is set in parts. The first part was set at the head of
    // the story's first column, the story's opening after it in the next,
    // its drop cap's first line cut from the rest and printed over the
    // table; a later part was lifted above the story.
    // A story of two lines over the parts: the first part was lifted to the
    // head of the columns, the story beside it after the other parts (as
    // a short story's one table may be, the story beside it).
    for (std::string layout : {"magazine", "tabloid", "broadsheet", "newsletter", "peer-tabloid"}) {
        for (const auto& [words, rows] : {std::pair{250, 250}, std::pair{12, 250}}) {
            CAPTURE(layout);
            CAPTURE(words);
            CAPTURE(rows);
            std::string intro;
            for (int i = 0; i < words; ++i) intro += (i ? " w" : "w") + std::to_string(i);
            model::Table t;
            t.caption = text("Closing prices");
            model::Row head;
            head.cells.push_back(model::Cell{model::Align::start, text("Company")});
            for (int j = 1; j < 9; ++j) head.cells.push_back(model::Cell{model::Align::right, text("Col" + std::to_string(j))});
            t.head = head;
            for (int i = 0; i < rows; ++i) {
                model::Row r;
                r.cells.push_back(model::Cell{model::Align::start, text("r" + std::to_string(i))});
                for (int j = 1; j < 9; ++j)
                    r.cells.push_back(model::Cell{model::Align::right, text(std::to_string(1000 + 37 * i + j))});
                t.rows.push_back(r);
            }
            model::Block table;
            table.node = t;
            auto c = compose(issue_with({para(intro), table, para("After the table.")}), bundled_layout(layout));
            CHECK_FALSE(c->diags.contains("E-TABLE-TOO-WIDE"));
            auto problems = check_all(c->doc, *c->layout, c->issue);
            for (std::size_t i = 0; i < problems.size() && i < 5; ++i) FAIL_CHECK(problems[i]);
            // Where the story's first word and the table's first row stand.
            struct At {
                std::size_t page = 0;
                double x = 0, y = 0;
                bool found = false;
            };
            // (Its second word: a drop cap takes the first's first letter.)
            At story, row;
            auto has_word = [](const std::string& run, const std::string& word) {
                return (" " + run + " ").find(" " + word + " ") != std::string::npos;
            };
            for (std::size_t pi = 0; pi < c->doc.pages.size(); ++pi)
                for (const page::Item& item : c->doc.pages[pi].items)
                    if (auto* r = std::get_if<page::GlyphRun>(&item)) {
                        if (!story.found && has_word(r->text, "w1")) story = At{pi, r->origin.x, r->origin.y, true};
                        if (!row.found && r->text == "r0") row = At{pi, r->origin.x, r->origin.y, true};
                    }
            REQUIRE(story.found);
            REQUIRE(row.found);
            // Read first: on an earlier page, in a column to the left, or
            // above it in the same column.
            const bool first = story.page < row.page ||
                               (story.page == row.page &&
                                (story.x < row.x - 20 || (std::abs(story.x - row.x) <= 20 && story.y < row.y)));
            CHECK_MESSAGE(first, "story at p" << story.page << " (" << story.x << ", " << story.y << "), row at p"
                                              << row.page << " (" << row.x << ", " << row.y << ")");
        }
    }
}

TEST_CASE("a table's cells stand on the side their column says, whatever their own script") {
    // In an Arabic table, a column marked right had its Arabic cells flush
    // left and its Latin ones flush right: the setter took right as the
    // end of each cell's own direction. A column with no alignment starts
    // at the table's side, the right, a Latin name too.
    for (const std::string lang : {"ar", "en"}) {
        CAPTURE(lang);
        model::Table t;
        const std::vector<std::pair<std::string, std::string>> words{
            {"أرز", "2,100"}, {"Rice", "سبعة"}, {"وقود", "Ten"}, {"ذهب", "107.50"}};
        for (const auto& [name, number] : words) {
            model::Row r;
            r.cells.push_back(model::Cell{model::Align::start, text(name)});
            r.cells.push_back(model::Cell{model::Align::right, text(number)});
            r.cells.push_back(model::Cell{model::Align::left, text(number)});
            t.rows.push_back(r);
        }
        model::Block table;
        table.node = t;
        model::Issue issue = issue_with({para(lang == "ar" ? "نص قبل الجدول." : "Before the table."), table});
        issue.sections[0].articles[0].lang = lang;
        auto c = compose(issue, bundled_layout("tabloid"));
        auto problems = check_all(c->doc, *c->layout, c->issue);
        for (std::size_t i = 0; i < problems.size() && i < 5; ++i) FAIL_CHECK(problems[i]);
        // The left and right edges of each cell's run, by its text; the
        // numbers come twice, the right-aligned column's first in reading
        // order.
        std::map<std::string, std::vector<std::pair<double, double>>> edges;
        for (const page::Item& item : c->doc.pages.at(0).items)
            if (auto* r = std::get_if<page::GlyphRun>(&item)) {
                double left = r->origin.x;
                for (const page::Glyph& g : r->glyphs) left = std::min(left, r->origin.x + static_cast<double>(g.x));
                edges[r->text].emplace_back(left, r->origin.x + r->advance);
            }
        auto same = [](std::vector<double> v) {
            REQUIRE(v.size() == 4);
            return std::abs(*std::max_element(v.begin(), v.end()) - *std::min_element(v.begin(), v.end())) < 0.5;
        };
        std::vector<double> starts, rights, lefts;
        for (const auto& [name, number] : words) {
            REQUIRE(edges[name].size() == 1);
            REQUIRE(edges[number].size() == 2);
            starts.push_back(lang == "ar" ? edges[name][0].second : edges[name][0].first);
            // In the Arabic table the right-aligned column is the second
            // from the right; in the English, the second from the left.
            auto [a, b] = std::minmax(edges[number][0].first, edges[number][1].first);
            const auto& right_column = edges[number][0].first == (lang == "ar" ? b : a) ? edges[number][0] : edges[number][1];
            const auto& left_column = &right_column == &edges[number][0] ? edges[number][1] : edges[number][0];
            rights.push_back(right_column.second);
            lefts.push_back(left_column.first);
        }
        CHECK(same(starts));
        CHECK(same(rights));
        CHECK(same(lefts));
    }
}

TEST_CASE("a table in a factbox is held to the factbox's width") {
    for (std::string layout : {"tabloid", "peer-tabloid", "magazine", "newsletter"}) {
        for (const auto& [columns, refused] : {std::pair{40, true}, std::pair{4, false}}) {
            CAPTURE(layout);
            CAPTURE(columns);
            model::Aside aside;
            aside.title = text("Facts");
            aside.blocks = {para("Inside the box."), number_table(columns, 6)};
            model::Block box;
            box.node = aside;
            auto c = compose(issue_with({para("Before."), box, para("After.")}), bundled_layout(layout));
            CHECK(c->diags.contains("E-TABLE-TOO-WIDE") == refused);
            for (const Diagnostic& d : c->diags.all())
                if (d.code == "E-TABLE-TOO-WIDE") {
                    CHECK(d.message.starts_with("a table of 40 columns cannot be set in a factbox "));
                    CHECK(d.message.find(" mm wide: its columns need ") != std::string::npos);
                }
        }
    }
}

TEST_CASE("a factbox with a table among its paragraphs is framed and tinted to its last line") {
    // Frames do not nest: the table's own opened inside the factbox's and
    // closed both, so what followed the table printed outside the box.
    for (std::string layout : {"tabloid", "peer-tabloid", "magazine", "newsletter", "broadsheet"}) {
        CAPTURE(layout);
        model::Aside aside;
        aside.title = text("Facts");
        aside.blocks = {para("Opening of the box."), number_table(4, 5), para("Closing of the box.")};
        model::Block box;
        box.node = aside;
        auto c = compose(issue_with({para("Before."), box, para("After.")}), bundled_layout(layout));
        auto problems = check_all(c->doc, *c->layout, c->issue);
        for (std::size_t i = 0; i < problems.size() && i < 5; ++i) FAIL_CHECK(problems[i]);
        REQUIRE(c->doc.pages.size() == 1);
        const page::GlyphRun *opening = nullptr, *closing = nullptr, *after = nullptr;
        std::vector<page::Rect> tints;
        std::vector<const page::Rule*> rules;
        for (const page::Item& item : c->doc.pages[0].items) {
            if (auto* r = std::get_if<page::GlyphRun>(&item)) {
                if (r->text.starts_with("Opening")) opening = r;
                if (r->text.starts_with("Closing")) closing = r;
                if (r->text.starts_with("After")) after = r;
            } else if (auto* b = std::get_if<page::Box>(&item); b && b->fill) {
                tints.push_back(b->rect);
            } else if (auto* rule = std::get_if<page::Rule>(&item)) {
                rules.push_back(rule);
            }
        }
        REQUIRE(opening);
        REQUIRE(closing);
        REQUIRE(after);
        auto tinted = [&](const page::GlyphRun* r) {
            for (const page::Rect& t : tints)
                if (r->origin.x >= t.x && r->origin.x + r->advance <= t.x + t.width + 0.01 && r->origin.y > t.y &&
                    r->origin.y < t.y + t.height)
                    return true;
            return false;
        };
        CHECK(tinted(opening));
        CHECK(tinted(closing));
        CHECK_FALSE(tinted(after));
        // The table keeps its rules above and below, inside the tint,
        // between the two paragraphs.
        int between = 0;
        for (const page::Rule* r : rules)
            if (r->from.y == r->to.y && r->from.y > opening->origin.y && r->from.y < closing->origin.y &&
                r->from.x >= opening->origin.x - 0.01)
                ++between;
        CHECK(between >= 2);
    }
}

TEST_CASE("a table's head row is drawn again, untagged, at the top of each column and page it goes on in") {
    // The reference promised it; the head stood over the first column alone.
    for (std::string layout : {"tabloid", "magazine", "newsletter", "broadsheet"}) {
        for (bool boxed : {false, true}) {
            CAPTURE(layout);
            CAPTURE(boxed);
            model::Table t;
            t.head = model::Row{{model::Cell{model::Align::start, text("Item")},
                                 model::Cell{model::Align::right, text("Value")}}};
            for (int i = 0; i < 400; ++i)
                t.rows.push_back(model::Row{{model::Cell{model::Align::start, text("r" + std::to_string(i))},
                                             model::Cell{model::Align::right, text(std::to_string(7 * i))}}});
            model::Block table;
            table.node = t;
            model::Block block = table;
            if (boxed) {
                model::Aside aside;
                aside.title = text("Facts");
                aside.blocks = {para("Inside the box."), table, para("Closing the box.")};
                block.node = aside;
            }
            auto c = compose(issue_with({para("Before."), block, para("After.")}), bundled_layout(layout));
            auto problems = check_all(c->doc, *c->layout, c->issue);
            for (std::size_t i = 0; i < problems.size() && i < 5; ++i) FAIL_CHECK(problems[i]);
            // Per page and column (the rows' left edge): the first row's
            // top, and the heads drawn there, tagged or not.
            struct Column {
                double first_row = 1e9;  // baseline of its first row
                std::vector<std::pair<double, bool>> heads;  // baseline, tagged
            };
            std::map<std::pair<std::size_t, long>, Column> columns;
            for (std::size_t pi = 0; pi < c->doc.pages.size(); ++pi) {
                int artifact = 0;
                for (const page::Item& item : c->doc.pages[pi].items) {
                    if (auto* b = std::get_if<page::TagBegin>(&item); b && b->kind == page::TagKind::artifact)
                        ++artifact;
                    if (auto* e = std::get_if<page::TagEnd>(&item); e && e->kind == page::TagKind::artifact)
                        --artifact;
                    auto* r = std::get_if<page::GlyphRun>(&item);
                    if (!r) continue;
                    const std::pair key{pi, std::lround(r->origin.x)};
                    if (r->text == "Item") columns[key].heads.emplace_back(r->origin.y, artifact == 0);
                    if (r->text.size() > 1 && r->text[0] == 'r' && std::isdigit(static_cast<unsigned char>(r->text[1])))
                        columns[key].first_row = std::min(columns[key].first_row, r->origin.y);
                }
            }
            int tagged = 0;
            std::size_t with_rows = 0;
            for (const auto& [key, col] : columns) {
                CAPTURE(key.first);
                CAPTURE(key.second);
                for (const auto& h : col.heads) tagged += h.second;
                if (col.first_row == 1e9) {
                    CHECK(col.heads.empty());
                    continue;
                }
                ++with_rows;
                // One head, just above the column's first row.
                REQUIRE(col.heads.size() == 1);
                CHECK(col.heads[0].first < col.first_row);
                CHECK(col.first_row - col.heads[0].first < 2.5 * c->layout->grid.leading.to_pt());
            }
            CHECK(tagged == 1);     // the structure has the head once
            CHECK(with_rows >= 6);  // over columns, and pages
        }
    }
}

TEST_CASE("text the page cannot hold is reported, never silently lost") {
    // A headline of 1500 words, too deep for the page even at the deck's
    // size (head_block_test.cc; the article has no deck to set smaller),
    // is placed whole on a fresh page: most of it lies below the foot.
    std::string words;
    for (int i = 0; i < 1500; ++i) words += (i ? " h" : "h") + std::to_string(i);
    model::Block body;
    body.node = model::Paragraph{text("Body.")};
    model::Issue issue = issue_with({body});
    issue.sections[0].articles[0].head.headline = text(words);
    const SourceLocation file{"articles/lists.xml", 2, 1};
    issue.sections[0].articles[0].where = file;
    auto c = compose(issue, bundled_layout("tabloid"));
    REQUIRE(c->diags.contains("W-LAYOUT-OFF-PAGE"));
    for (const Diagnostic& d : c->diags.all())
        if (d.code == "W-LAYOUT-OFF-PAGE") {
            CHECK(d.where == file);  // the article whose text it is
            CHECK(d.message.find(" lines lie below the text area of page 1, in the margin or off the page, from \"h") !=
                  std::string::npos);
            CHECK(d.message.ends_with("\": what the page had to take whole (a head with its deck, byline, "
                                      "dateline and first lines, a picture or a caption) was deeper than the room "
                                      "it had"));
        }
    // A lead picture that such a headline would push below the foot is set
    // in the text instead (LeadInText::figures): only the headline's lines
    // are reported, and the picture lies inside the live area of a page.
    model::Issue with_picture = issue;
    with_picture.sections[0].articles[0].body.insert(
        with_picture.sections[0].articles[0].body.begin(),
        figure_block(model::Placement::lead, "img/kratie-dolphin-surfacing.jpg", 1600, 1067, "A dolphin", "Caption"));
    auto p = compose(with_picture, bundled_layout("tabloid"));
    bool lines_only = false;
    for (const Diagnostic& d : p->diags.all()) {
        if (d.code != "W-LAYOUT-OFF-PAGE") continue;
        CHECK(d.message.find(" lines and 1 picture") == std::string::npos);
        lines_only = lines_only || d.message.find(" lines lie below the text area of page 1") != std::string::npos;
    }
    CHECK(lines_only);
    int pictures = 0;
    for (const page::Page& pg : p->doc.pages)
        for (const page::Item& item : pg.items) pictures += std::holds_alternative<page::Image>(item) ? 1 : 0;
    CHECK(pictures == 1);
    for (const std::string& problem : check_live_area(p->doc, *p->layout))
        CHECK_MESSAGE(problem.find("image ") == std::string::npos, problem);
    // The sample issue has nothing outside its pages.
    for (const char* name : kLayouts) CHECK(!sample(name).diags.contains("W-LAYOUT-OFF-PAGE"));
}

}  // namespace galley::test
