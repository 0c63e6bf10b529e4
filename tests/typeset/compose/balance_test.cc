// Column filling and balancing on hand-made flows: no text set, only the
// heights and break rules the composer works with.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <utility>

#include "typeset/compose/area_fill.h"
#include "typeset/compose/stream_builder.h"

namespace galley::typeset {

namespace {

constexpr double kLeading = 11.5;

BaselineGrid grid() { return BaselineGrid(0, 8, kLeading); }

/// A paragraph of `n` grid lines with the usual widow and orphan rules.
void paragraph(StreamBuilder& b, int n, int orphans = 2, int widows = 2) {
    SetParagraph p;
    p.lines.resize(static_cast<std::size_t>(n));
    LineSpec spec;
    spec.grid = true;
    spec.leading = kLeading;
    spec.size = 9.5;
    spec.orphans = orphans;
    spec.widows = widows;
    b.paragraph(p, spec);
}

/// A picture `lines` grid lines deep, tagged as a figure and its caption.
void tagged_figure(StreamBuilder& b, Stream& s, int lines) {
    page::TagBegin fig;
    fig.kind = page::TagKind::figure;
    b.begin(fig);
    b.block(Fragment{}, lines * kLeading, true);
    b.end(page::TagKind::figure);
    page::TagBegin caption;
    caption.kind = page::TagKind::caption;
    s.fragments.back().items.emplace_back(caption);
    s.fragments.back().items.emplace_back(page::TagEnd{page::TagKind::caption});
}

std::vector<ColumnSpace> columns(int k, double top = 0, double bottom = 1000) {
    std::vector<ColumnSpace> cols;
    for (int c = 0; c < k; ++c) cols.push_back(ColumnSpace{c * 150.0, 140.0, top, bottom});
    return cols;
}

AreaResult fill(const Stream& s, const std::vector<ColumnSpace>& cols, bool balance, std::size_t from = 0,
                int min_leg = 0) {
    BaselineGrid g = grid();
    AreaRequest rq;
    rq.stream = &s;
    rq.from = from;
    rq.columns = cols;
    rq.grid = &g;
    rq.balance = balance;
    rq.min_leg = min_leg;
    return fill_area(rq);
}

/// Balances `s` over `k` columns with and without min-leg 6: the plain
/// fill must have a runt leg, the mended one none, whole and unforced.
std::pair<AreaResult, AreaResult> mend_runt(const Stream& s, int k) {
    AreaResult plain = fill(s, columns(k), true);
    REQUIRE(plain.complete);
    CHECK(has_runt_leg(s, plain, kLeading, 6));
    AreaResult mended = fill(s, columns(k), true, 0, 6);
    REQUIRE(mended.complete);
    CHECK_FALSE(mended.fill.forced);
    CHECK_FALSE(has_runt_leg(s, mended, kLeading, 6));
    return {std::move(plain), std::move(mended)};
}

/// The columns of `r` that end with a runt leg under a picture, box or float.
std::vector<int> runt_feet(const Stream& s, const AreaResult& r, int k, int min_leg) {
    std::vector<int> out;
    for (int c = 0; c < k; ++c) {
        std::vector<Placed> items;
        for (const Placed& p : r.fill.placed)
            if (p.column == c) items.push_back(p);
        std::stable_sort(items.begin(), items.end(), [](const Placed& a, const Placed& b) { return a.top < b.top; });
        if (runt_leg(s, items, r.floats, c, kLeading, min_leg) < items.size()) out.push_back(c);
    }
    return out;
}

std::vector<int> lines_per_column(const Stream& s, const AreaResult& r, int k) {
    std::vector<int> n(static_cast<std::size_t>(k), 0);
    for (const Placed& p : r.fill.placed)
        if (s.items[p.item].kind == FlowKind::line) ++n[static_cast<std::size_t>(p.column)];
    return n;
}

}  // namespace

TEST_CASE("balancing n lines over k columns: every line placed, columns differ by at most one line, longest first") {
    for (int k = 1; k <= 6; ++k) {
        for (int n = 1; n <= 60; ++n) {
            Stream s;
            StreamBuilder b(s);
            for (int i = 0; i < n; ++i) paragraph(b, 1, 1, 1);
            b.finish();
            AreaResult r = fill(s, columns(k), true);
            CAPTURE(k);
            CAPTURE(n);
            REQUIRE(r.complete);
            std::vector<int> per = lines_per_column(s, r, k);
            CHECK(std::accumulate(per.begin(), per.end(), 0) == n);
            CHECK(*std::max_element(per.begin(), per.end()) - *std::min_element(per.begin(), per.end()) <= 1);
            CHECK(std::is_sorted(per.rbegin(), per.rend()));
            CHECK(r.foot() == doctest::Approx(kLeading * ((n + k - 1) / k)));
        }
    }
}

TEST_CASE("balancing keeps widows and orphans: at least two lines of a paragraph on each side of a column break") {
    std::vector<std::vector<int>> cases = {{3, 5, 2, 7}, {9}, {4, 4, 4, 4, 4}, {2, 3, 11, 2, 6, 5}, {15, 1, 1, 8}};
    for (const auto& lengths : cases) {
        for (int k = 2; k <= 5; ++k) {
            Stream s;
            StreamBuilder b(s);
            std::vector<int> owner;  // paragraph of each line
            for (std::size_t p = 0; p < lengths.size(); ++p) {
                paragraph(b, lengths[p]);
                owner.insert(owner.end(), static_cast<std::size_t>(lengths[p]), static_cast<int>(p));
            }
            b.finish();
            AreaResult r = fill(s, columns(k), true);
            REQUIRE(r.complete);
            // Lines of each paragraph per column.
            std::map<std::pair<int, int>, int> count;  // (paragraph, column) -> lines
            for (const Placed& pl : r.fill.placed) ++count[{owner[pl.item], pl.column}];
            for (const auto& [key, lines] : count) {
                int total = lengths[static_cast<std::size_t>(key.first)];
                CAPTURE(k);
                CAPTURE(key.first);
                if (lines < total) CHECK(lines >= 2);
            }
            CHECK_FALSE(r.fill.forced);
        }
    }
}

TEST_CASE("a heading kept with the next paragraph never ends a column") {
    for (int k = 2; k <= 4; ++k) {
        for (int lead = 1; lead <= 12; ++lead) {
            Stream s;
            StreamBuilder b(s);
            paragraph(b, lead, 1, 1);
            std::size_t heading = s.items.size();
            paragraph(b, 1, 1, 1);
            b.keep_with_next();
            paragraph(b, 6);
            b.finish();
            AreaResult r = fill(s, columns(k, 0, kLeading * 5), false);
            int heading_column = -1, next_column = -1;
            for (const Placed& p : r.fill.placed) {
                if (p.item == heading) heading_column = p.column;
                if (p.item == heading + 1) next_column = p.column;
            }
            CAPTURE(lead);
            if (heading_column >= 0 && next_column >= 0) CHECK(heading_column == next_column);
            if (heading_column >= 0) CHECK(next_column >= 0);
        }
    }
}

TEST_CASE("an ornament between items is dropped where a column starts or ends at it, kept amid a column") {
    int dropped = 0, kept = 0;
    for (int k = 1; k <= 3; ++k) {
        for (int lead = 1; lead <= 12; ++lead) {
            Stream s;
            StreamBuilder b(s);
            std::vector<std::size_t> ornaments;
            for (int item = 0; item < 4; ++item) {
                paragraph(b, lead + item, 1, 1);
                b.space(kLeading);
                ornaments.push_back(s.items.size());
                b.ornament(Fragment{}, kLeading);
                b.space(kLeading);
            }
            paragraph(b, 3, 1, 1);
            b.finish();
            int lines = 0;
            for (const FlowItem& item : s.items) lines += item.kind == FlowKind::line;
            int placed_lines = 0;
            std::size_t from = 0;
            for (int area = 0; area < 40 && from < s.size(); ++area) {
                AreaResult r = fill(s, columns(k, 0, kLeading * 5), false, from);
                REQUIRE(r.fill.next > from);
                for (int c = 0; c < k; ++c) {
                    std::vector<std::size_t> in;  // the column's items, top down
                    for (const Placed& p : r.fill.placed)
                        if (p.column == c) in.push_back(p.item);
                    for (std::size_t q = 0; q < in.size(); ++q) {
                        if (!s.items[in[q]].ornament) continue;
                        CAPTURE(k);
                        CAPTURE(lead);
                        CHECK(q > 0);              // never opens a column
                        CHECK(q + 1 < in.size());  // nor ends one: more of the stream follows
                    }
                }
                for (const Placed& p : r.fill.placed) placed_lines += s.items[p.item].kind == FlowKind::line;
                for (std::size_t o : ornaments) {
                    if (o < from || o >= r.fill.next) continue;
                    bool placed = std::any_of(r.fill.placed.begin(), r.fill.placed.end(),
                                              [&](const Placed& p) { return p.item == o; });
                    (placed ? kept : dropped) += 1;
                }
                from = r.fill.next;
            }
            CHECK(from == s.size());
            CHECK(placed_lines == lines);  // nothing but ornaments is left out
        }
    }
    // The sweep meets both cases.
    CHECK(dropped > 0);
    CHECK(kept > 0);
}

TEST_CASE("what does not fit is left for the next area, and filling resumes there without loss") {
    Stream s;
    StreamBuilder b(s);
    for (int i = 0; i < 10; ++i) paragraph(b, 7);
    b.finish();
    std::size_t from = 0;
    std::size_t placed = 0;
    for (int area = 0; area < 10 && from < s.size(); ++area) {
        AreaResult r = fill(s, columns(3, 0, kLeading * 8), false, from);
        REQUIRE(r.fill.next > from);
        for (const Placed& p : r.fill.placed) {
            CHECK(p.item >= from);
            CHECK(p.item < r.fill.next);
        }
        placed += r.fill.placed.size();
        from = r.fill.next;
    }
    CHECK(from == s.size());
    CHECK(placed == s.size());
}

TEST_CASE("lines after a block of any height snap to the next grid line") {
    Stream s;
    StreamBuilder b(s);
    paragraph(b, 2, 1, 1);
    b.block(Fragment{}, 17.3);
    paragraph(b, 3, 1, 1);
    b.finish();
    AreaResult r = fill(s, columns(1), false);
    BaselineGrid g = grid();
    for (const Placed& p : r.fill.placed) {
        if (s.items[p.item].kind != FlowKind::line) continue;
        CHECK(g.on_grid(p.bottom - kLeading + g.ascent()));
        CHECK(p.top == doctest::Approx(g.cell_top_from(p.top)));
    }
    // The block starts right under the second line; the third line waits for the grid.
    CHECK(r.fill.placed[2].top == doctest::Approx(2 * kLeading));
    CHECK(r.fill.placed[3].top == doctest::Approx(4 * kLeading));
}

TEST_CASE("a float spanning two columns interrupts both at the same height and lines flow around it") {
    Stream s;
    StreamBuilder b(s);
    paragraph(b, 20, 1, 1);
    FloatBlock f;
    f.span = 2;
    f.height = 60;
    b.anchor(f);
    paragraph(b, 40, 1, 1);
    b.finish();
    AreaResult r = fill(s, columns(3), true);
    REQUIRE(r.complete);
    REQUIRE(r.floats.size() == 1);
    const FloatRect& rect = r.floats.front();
    CHECK(rect.span == 2);
    CHECK(rect.bottom - rect.top == doctest::Approx(60));
    for (const Placed& p : r.fill.placed) {
        if (s.items[p.item].kind != FlowKind::line) continue;
        bool covered = p.column >= rect.first && p.column < rect.first + rect.span;
        if (covered) CHECK((p.bottom <= rect.top + 1e-6 || p.top >= rect.bottom - 1e-6));
    }
}

TEST_CASE("a float with a one-column form takes it where its span finds no room, and keeps its span where it does") {
    // 30 lines over two columns of 20: the float is anchored after the last
    // line, in column 1, where column 0 is full. Two columns wide it would
    // push column 0's text on and its own anchor with it; one column wide it
    // fits under the last line.
    auto stream = [](Stream& s, bool narrow) {
        StreamBuilder b(s);
        paragraph(b, 30, 1, 1);
        FloatBlock f;
        f.span = 2;
        f.height = 6 * kLeading;
        if (narrow) f.narrow = FloatBlock::Narrow{8 * kLeading, Fragment{}, {}};
        b.anchor(f);
        b.finish();
    };
    Stream wide_only;
    stream(wide_only, false);
    AreaResult none = fill(wide_only, columns(2, 0, 20 * kLeading), true);
    CHECK_FALSE(none.complete);
    CHECK(none.floats.empty());
    CHECK(none.fill.next == 30);  // the float and nothing else goes on

    Stream with_narrow;
    stream(with_narrow, true);
    AreaResult r = fill(with_narrow, columns(2, 0, 20 * kLeading), true);
    REQUIRE(r.complete);
    REQUIRE(r.floats.size() == 1);
    CHECK(r.floats.front().narrow);
    CHECK(r.floats.front().span == 1);
    CHECK(r.floats.front().first == 1);
    CHECK(r.floats.front().bottom - r.floats.front().top == doctest::Approx(8 * kLeading));
    CHECK(r.floats.front().top >= 10 * kLeading - 1e-6);  // below column 1's last line
    CHECK(r.floats.front().bottom <= 20 * kLeading + 1e-6);

    // With room across both columns (a taller area) the span is kept.
    AreaResult roomy = fill(with_narrow, columns(2, 0, 40 * kLeading), true);
    REQUIRE(roomy.complete);
    REQUIRE(roomy.floats.size() == 1);
    CHECK_FALSE(roomy.floats.front().narrow);
    CHECK(roomy.floats.front().span == 2);
}

TEST_CASE("a float is not put over a picture that would find no room below it: it goes on instead") {
    // A fresh page: a picture 14 lines deep opens the flow, 4 lines, a
    // float 10 lines deep across all three columns, 30 more lines; columns
    // of 20 lines. The float does not fit where its anchor falls (18 lines
    // down column 0), and as low as it fits (lines 10 to 20) it would cover
    // the picture, which would then have to stand below it, 20 to 34 lines
    // down a 20-line column: forced past the foot. The float, and what
    // follows it, go on to the next page instead.
    Stream s;
    StreamBuilder b(s);
    b.block(Fragment{}, 14 * kLeading, true);
    paragraph(b, 4, 1, 1);
    FloatBlock f;
    f.span = 3;
    f.height = 10 * kLeading;
    b.anchor(f);
    paragraph(b, 30, 1, 1);
    b.finish();
    const std::size_t anchor = 5;
    REQUIRE(s.items[anchor].kind == FlowKind::anchor);
    for (bool balance : {false, true}) {
        CAPTURE(balance);
        BaselineGrid g = grid();
        AreaRequest rq;
        rq.stream = &s;
        rq.columns = columns(3, 0, 20 * kLeading);
        rq.grid = &g;
        rq.balance = balance;
        rq.must_progress = true;
        AreaResult r = fill_area(rq);
        CHECK_FALSE(r.fill.forced);
        CHECK(r.floats.empty());
        CHECK(r.fill.next == anchor);
        REQUIRE_FALSE(r.fill.placed.empty());
        CHECK(r.fill.placed.front().item == 0);
        CHECK(r.fill.placed.front().top == doctest::Approx(0));
        for (const Placed& p : r.fill.placed) CHECK(p.bottom <= 20 * kLeading + 1e-6);
    }

    // Where the picture has room below the float, the float stays at its
    // anchor and the picture stands under it, as before.
    AreaResult roomy = fill(s, columns(3, 0, 40 * kLeading), false);
    REQUIRE(roomy.floats.size() == 1);
    CHECK_FALSE(roomy.fill.forced);
}

TEST_CASE("a figure that does not fit at a column foot waits for the next column while text fills this one") {
    Stream s;
    StreamBuilder b(s);
    paragraph(b, 6, 1, 1);
    b.block(Fragment{}, 5 * kLeading, true);
    paragraph(b, 5, 1, 1);
    b.finish();
    AreaResult r = fill(s, columns(2, 0, 8 * kLeading), false);
    REQUIRE(r.complete);
    std::size_t figure = 6;
    const Placed* fig = nullptr;
    for (const Placed& p : r.fill.placed)
        if (p.item == figure) fig = &p;
    REQUIRE(fig);
    CHECK(fig->column == 1);
    CHECK(fig->top == doctest::Approx(0));
    // The two lines after it fill column 0.
    int col0 = 0;
    for (const Placed& p : r.fill.placed)
        if (p.column == 0) ++col0;
    CHECK(col0 == 8);
}

TEST_CASE("in an article's last column on a page, a figure that does not fit opens the next page") {
    // Six lines, a picture five lines deep (tagged, with its caption), then
    // a paragraph of eight; one column of eight lines per page.
    Stream s;
    StreamBuilder b(s);
    paragraph(b, 6);
    tagged_figure(b, s, 5);
    paragraph(b, 8);
    b.finish();
    const std::size_t figure = 6;
    BaselineGrid g = grid();
    AreaRequest rq;
    rq.stream = &s;
    rq.columns = columns(1, 0, 8 * kLeading);
    rq.grid = &g;

    // Without leave to carry it, the picture ends the column.
    AreaResult kept = fill_area(rq);
    CHECK(kept.fill.next == figure);
    CHECK(kept.fill.carry == kNoItem);

    // With it, the picture goes on and the text after it fills the column.
    rq.may_carry = true;
    AreaResult first = fill_area(rq);
    CHECK_FALSE(first.complete);
    CHECK(first.fill.carry == figure);
    CHECK(first.fill.next == figure + 3);  // two lines of the paragraph after it
    CHECK(first.fill.placed.size() == 8);
    for (const Placed& p : first.fill.placed) CHECK(p.item != figure);

    // The next page (twelve lines) opens with it, then the paragraph's
    // other six lines; in reading order it comes after them (the paragraph
    // began before it).
    rq.columns = columns(1, 0, 12 * kLeading);
    rq.from = first.fill.next;
    rq.carry = first.fill.carry;
    rq.may_carry = false;
    AreaResult second = fill_area(rq);
    REQUIRE(second.complete);
    REQUIRE(second.fill.placed.size() == 7);
    const Placed& last = second.fill.placed.back();
    CHECK(last.item == figure);
    CHECK(last.top == doctest::Approx(0));
    for (std::size_t q = 0; q + 1 < second.fill.placed.size(); ++q)
        CHECK(second.fill.placed[q].top >= last.bottom - 1e-9);

    // On a fresh page a picture carried in is placed even where it is
    // deeper than the column, or it would be carried on for ever.
    rq.columns = columns(1, 0, 4 * kLeading);
    rq.must_progress = true;
    AreaResult deep = fill_area(rq);
    CHECK(deep.fill.carry == kNoItem);
    CHECK(deep.fill.forced);
    REQUIRE_FALSE(deep.fill.placed.empty());
    CHECK(deep.fill.placed.front().item == figure);
    rq.must_progress = false;
    AreaResult waits = fill_area(rq);
    CHECK(waits.fill.carry == figure);
    CHECK(waits.fill.placed.empty());
    CHECK(waits.fill.next == rq.from);

    // A picture whose drawing holds no tag of its own (or the edge of
    // another one) is never carried: it could not be tagged on its page.
    Stream bare;
    StreamBuilder bb(bare);
    paragraph(bb, 6);
    bb.block(Fragment{}, 5 * kLeading, true);
    paragraph(bb, 8);
    bb.finish();
    rq.stream = &bare;
    rq.columns = columns(1, 0, 8 * kLeading);
    rq.from = 0;
    rq.carry = kNoItem;
    rq.may_carry = true;
    AreaResult untagged = fill_area(rq);
    CHECK(untagged.fill.carry == kNoItem);
    CHECK(untagged.fill.next == figure);
}

TEST_CASE("a second figure the next column has no room for, beside one waiting there, opens the next page") {
    // Six lines, picture A (three lines), two lines, picture B, ten lines;
    // two columns of eight lines. A waits for column 1; B does not fit
    // under the two lines either.
    for (int depth : {5, 6}) {
        CAPTURE(depth);
        Stream s;
        StreamBuilder b(s);
        paragraph(b, 6);
        tagged_figure(b, s, 3);
        paragraph(b, 2);
        tagged_figure(b, s, depth);
        paragraph(b, 10);
        b.finish();
        const std::size_t a = 6;
        const std::size_t fig_b = 9;
        BaselineGrid g = grid();
        AreaRequest rq;
        rq.stream = &s;
        rq.columns = columns(2, 0, 8 * kLeading);
        rq.grid = &g;
        rq.may_carry = true;
        AreaResult r = fill_area(rq);
        CHECK_FALSE(r.complete);
        std::map<std::size_t, int> column_of;
        for (const Placed& p : r.fill.placed) column_of[p.item] = p.column;
        CHECK(column_of.at(a) == 1);
        if (depth == 5) {
            // B fits under A: it waits for column 1 too, and nothing is carried.
            CHECK(r.fill.carry == kNoItem);
            CHECK(column_of.at(fig_b) == 1);
            CHECK(r.fill.next == fig_b + 1);
        } else {
            // It does not: B opens the next page, the text fills column 1.
            CHECK(r.fill.carry == fig_b);
            CHECK(column_of.count(fig_b) == 0);
            CHECK(r.fill.next == fig_b + 6);
        }
    }
}

TEST_CASE("balancing leaves no runt leg beside a picture when the other columns can take its lines") {
    // Three columns: text, a tall picture, text. Balanced evenly, the
    // picture's column keeps a line under it; with min-leg 6 that line goes
    // to the next column and the picture stands alone.
    Stream s;
    StreamBuilder b(s);
    for (int i = 0; i < 12; ++i) paragraph(b, 1, 1, 1);
    b.block(Fragment{}, 10 * kLeading, true);
    for (int i = 0; i < 12; ++i) paragraph(b, 1, 1, 1);
    b.finish();

    auto [plain, r] = mend_runt(s, 3);
    std::vector<int> per = lines_per_column(s, r, 3);
    CHECK(std::accumulate(per.begin(), per.end(), 0) == 24);
    CHECK(per[1] == 0);  // the picture stands alone in its column
    for (int c = 0; c < 3; ++c)
        CHECK(std::any_of(r.fill.placed.begin(), r.fill.placed.end(), [&](const Placed& p) { return p.column == c; }));
    // At a line or two of depth at most.
    CHECK(r.foot() <= plain.foot() + 2 * kLeading + 1e-6);
}

TEST_CASE("balancing leaves no runt leg above a box at a column's top: the box starts the column") {
    // Text, then a factbox kept whole: balanced evenly, the second column
    // starts with two lines above the box; with min-leg 6 they stay in the
    // first column, a line or two deeper.
    Stream s;
    StreamBuilder b(s);
    for (int i = 0; i < 14; ++i) paragraph(b, 1, 1, 1);
    layout::Box style;
    b.open_box(style, 2, 2, true);
    paragraph(b, 8, 1, 1);
    b.close_box(1000);
    b.finish();

    auto [plain, r] = mend_runt(s, 2);
    std::vector<int> per = lines_per_column(s, r, 2);
    CHECK(per[0] == 14);  // every body line in the first column; the box alone in the second
    CHECK(r.foot() <= plain.foot() + 6 * kLeading + 1e-6);
}

TEST_CASE("a picture at a column's top keeps no runt leg under it: the column before gives it lines") {
    // A short story in five columns, shaped like the sample's market report:
    // a paragraph with a table across two columns anchored after it, a chart
    // (a picture that waits for a column's top), three short paragraphs and
    // a "More stories" box kept whole. Balanced evenly, the chart's column
    // kept two lines under it, because balancing spread the chart's height
    // as if it were text. With min-leg 6 the column before ends higher and
    // its lines go on, so that no picture has a runt leg under it. (With
    // no min-leg, the greedy fill is evened out, which now leaves the chart
    // no leg either.)
    Stream s;
    StreamBuilder b(s);
    paragraph(b, 10);
    b.block(Fragment{}, 10 * kLeading, true);
    FloatBlock table;
    table.span = 2;
    table.height = 9 * kLeading;
    b.anchor(table);
    paragraph(b, 6);
    paragraph(b, 2);
    paragraph(b, 2);
    layout::Box style;
    b.open_box(style, 2, 2, true);
    paragraph(b, 6, 1, 1);
    b.close_box(1000);
    b.finish();

    AreaResult plain = fill(s, columns(5), true);
    REQUIRE(plain.complete);
    CHECK(runt_feet(s, plain, 5, 6).empty());
    AreaResult r = fill(s, columns(5), true, 0, 6);
    REQUIRE(r.complete);
    CHECK_FALSE(r.fill.forced);
    CHECK(runt_feet(s, r, 5, 6).empty());
    // Every column still holds something, at most two lines deeper.
    for (int c = 0; c < 5; ++c)
        CHECK(std::any_of(r.fill.placed.begin(), r.fill.placed.end(), [&](const Placed& p) { return p.column == c; }));
    CHECK(r.foot() <= plain.foot() + 2 * kLeading + 1e-6);
    std::vector<int> per = lines_per_column(s, r, 5);
    CHECK(std::accumulate(per.begin(), per.end(), 0) == 26);
}

TEST_CASE("a story's last lines over the box that follows them get their lines from the column before") {
    // Shaped like the sample's magazine page 3: a story continued from
    // another page (a picture, then its 24 lines) and its More stories box
    // of six 8-line items that do not split, in three columns. At the
    // lowest bottom that holds it all, the second column opens with the
    // story's last four lines over the box. Lowering until no leg is short
    // put an item more in the third column and left the second 117 pt short
    // of it; instead the first column ends two lines higher and gives the
    // leg six lines, one line deeper than the fill with the runt.
    Stream s;
    StreamBuilder b(s);
    b.block(Fragment{}, 10 * kLeading, true);
    for (int i = 0; i < 6; ++i) paragraph(b, 4);
    layout::Box style;
    b.open_box(style, 2, 2);
    for (int i = 0; i < 6; ++i) paragraph(b, 8, 8, 8);
    b.close_box(0);
    b.finish();

    AreaResult plain = fill(s, columns(3), true);
    REQUIRE(plain.complete);
    CHECK(lines_per_column(s, plain, 3) == std::vector<int>{20, 4 + 24, 24});
    CHECK(has_runt_leg(s, plain, kLeading, 6));

    AreaResult r = fill(s, columns(3), true, 0, 6);
    REQUIRE(r.complete);
    CHECK_FALSE(r.fill.forced);
    CHECK_FALSE(has_runt_leg(s, r, kLeading, 6));
    CHECK(lines_per_column(s, r, 3) == std::vector<int>{18, 6 + 24, 24});
    CHECK(r.foot() <= plain.foot() + kLeading + 1e-6);
    // The columns end within one item of each other.
    const auto [low, high] = std::minmax_element(r.fill.column_bottoms.begin(), r.fill.column_bottoms.end());
    CHECK(*high - *low < 8 * kLeading);
}

TEST_CASE("a story's last lines over its box get what the column before can give, short of min-leg") {
    // Shaped like the sample's newsletter page 3: a story continued from
    // another page (a picture, then its 47 lines) and its More stories box
    // of eight 6-line items that do not split, in two columns of a page
    // whose foot leaves the box no room to go down far enough for a leg of
    // six lines over it. The second column opened with the story's last
    // four lines over the box; the first column now ends a line higher and
    // the leg has five, as many as the foot allows.
    Stream s;
    StreamBuilder b(s);
    b.block(Fragment{}, 10 * kLeading, true);
    paragraph(b, 47);
    layout::Box style;
    b.open_box(style, 2, 2);
    for (int i = 0; i < 8; ++i) paragraph(b, 6, 6, 6);
    b.close_box(0);
    b.finish();
    const double bottom = 55 * kLeading;

    AreaResult plain = fill(s, columns(2, 0, bottom), true);
    REQUIRE(plain.complete);
    CHECK(lines_per_column(s, plain, 2) == std::vector<int>{43, 4 + 48});
    CHECK(has_runt_leg(s, plain, kLeading, 6));

    AreaResult r = fill(s, columns(2, 0, bottom), true, 0, 6);
    REQUIRE(r.complete);
    CHECK_FALSE(r.fill.forced);
    CHECK(lines_per_column(s, r, 2) == std::vector<int>{42, 5 + 48});
    CHECK(r.foot() <= bottom + 1e-6);
    // Five lines: short of six, no shorter than four.
    CHECK(has_runt_leg(s, r, kLeading, 6));
    CHECK_FALSE(has_runt_leg(s, r, kLeading, 4));
}

TEST_CASE("a picture under a runt leg at a column's top goes to the top, the leg under it") {
    // Three lines open the column (a story continued from another page has
    // no column before to take them back), then a picture: with min-leg 6
    // the picture stands at the top and the three lines follow it.
    Stream s;
    StreamBuilder b(s);
    for (int i = 0; i < 3; ++i) paragraph(b, 1, 1, 1);
    b.space(6);
    b.block(Fragment{}, 5 * kLeading, true);
    b.space(6);
    for (int i = 0; i < 10; ++i) paragraph(b, 1, 1, 1);
    b.finish();
    auto top_of = [](const AreaResult& r, std::size_t item) {
        for (const Placed& p : r.fill.placed)
            if (p.item == item) return p.top;
        return -1.0;
    };
    const std::size_t picture = 4;  // three lines and a space before it
    REQUIRE(s.items[picture].kind == FlowKind::block);

    AreaResult plain = fill(s, columns(2), false);
    REQUIRE(plain.complete);
    CHECK(top_of(plain, 0) == doctest::Approx(0));
    CHECK(top_of(plain, picture) > 3 * kLeading - 1e-6);

    AreaResult r = fill(s, columns(2), false, 0, 6);
    REQUIRE(r.complete);
    CHECK(top_of(r, picture) == doctest::Approx(0));
    // The three lines under it on the grid, in their order, then the rest,
    // with no gap between them and no line lost.
    double y = -1;
    for (std::size_t i : {0u, 1u, 2u, 6u}) {
        CHECK(top_of(r, i) >= 5 * kLeading + 6 - 1e-6);
        CHECK(top_of(r, i) > y);
        y = top_of(r, i);
    }
    CHECK(top_of(r, 6) == doctest::Approx(top_of(r, 2) + kLeading));
    CHECK(lines_per_column(s, r, 2)[0] == 13);

    // Six lines are a leg: they stay above the picture.
    Stream six;
    StreamBuilder b6(six);
    for (int i = 0; i < 6; ++i) paragraph(b6, 1, 1, 1);
    b6.block(Fragment{}, 5 * kLeading, true);
    for (int i = 0; i < 4; ++i) paragraph(b6, 1, 1, 1);
    b6.finish();
    AreaResult kept = fill(six, columns(2), false, 0, 6);
    CHECK(top_of(kept, 0) == doctest::Approx(0));
    CHECK(top_of(kept, 6) == doctest::Approx(6 * kLeading));
}

TEST_CASE("a pull quote under a lone line at a column's top goes up to that top, the line after it") {
    // The broadsheet's front: the second column of a pull quote starts
    // under the lead picture's caption, ten lines below the first one's
    // top. The quote's anchor falls after eleven lines of the first column,
    // so the second column kept one line above the quote, between it and
    // the caption. With min-leg 6 the quote stands at that column's top,
    // the eleventh line goes under it in the first column.
    Stream s;
    StreamBuilder b(s);
    paragraph(b, 11, 1, 1);
    FloatBlock quote;
    quote.span = 2;
    quote.height = 4 * kLeading;
    quote.amid_text = true;
    b.anchor(quote);
    paragraph(b, 200, 1, 1);  // more than the columns hold: both are full
    b.finish();
    std::vector<ColumnSpace> cols = columns(2);
    cols[1].top = 10 * kLeading;
    auto lines_above = [&](const AreaResult& r, int column) {
        REQUIRE(r.floats.size() == 1);
        int n = 0;
        for (const Placed& p : r.fill.placed)
            if (p.column == column && s.items[p.item].kind == FlowKind::line && p.top < r.floats[0].top) ++n;
        return n;
    };
    BaselineGrid g = grid();
    AreaRequest rq;
    rq.stream = &s;
    rq.columns = cols;
    rq.grid = &g;
    const AreaResult plain = fill_area(rq);
    CHECK(plain.floats.at(0).top == doctest::Approx(11 * kLeading));
    CHECK(lines_above(plain, 0) == 11);
    CHECK(lines_above(plain, 1) == 1);

    rq.min_leg = 6;
    const AreaResult r = fill_area(rq);
    CHECK(r.floats.at(0).top == doctest::Approx(10 * kLeading));
    CHECK(lines_above(r, 0) == 10);
    CHECK(lines_above(r, 1) == 0);
    // Every line placed, in order: down the first column, then the second.
    std::optional<std::size_t> last;
    int column = 0;
    double y = -1;
    for (const Placed& p : r.fill.placed) {
        if (s.items[p.item].kind != FlowKind::line) continue;
        if (last) CHECK(p.item > *last);
        if (p.column == column) CHECK(p.top > y);
        column = p.column;
        y = p.top;
        last = p.item;
    }
    CHECK(r.fill.placed.size() >= plain.fill.placed.size());
}

TEST_CASE("a short story's table under runt legs stands alone at the top of its columns, the story beside it") {
    // Shaped like the sample's Markets story on the broadsheet: over six
    // columns, a paragraph, then a two-column table ten lines deep, a
    // one-column chart, three short paragraphs and the More stories box.
    // Balanced, the table stood under two-line legs in the first two
    // columns; set under it, the legs would be as short. It now heads
    // those columns alone and the story runs beside it.
    Stream s;
    StreamBuilder b(s);
    paragraph(b, 9);
    FloatBlock table;
    table.span = 2;
    table.height = 10 * kLeading;
    b.anchor(table);
    b.space(6);
    b.block(Fragment{}, 11 * kLeading, true);
    b.space(6);
    paragraph(b, 5);
    paragraph(b, 3);
    paragraph(b, 2);
    layout::Box style;
    b.open_box(style, 2, 2);
    paragraph(b, 6, 6, 6);
    b.close_box(0);
    b.finish();

    AreaResult r = fill(s, columns(6), true, 0, 6);
    REQUIRE(r.complete);
    CHECK_FALSE(r.fill.forced);
    REQUIRE(r.floats.size() == 1);
    const FloatRect& t = r.floats.front();
    CHECK(t.first == 0);
    CHECK(t.top == doctest::Approx(grid().cell_top_from(0)));
    CHECK(t.closes);
    const std::vector<int> lines = lines_per_column(s, r, 6);
    CHECK(lines[0] == 0);
    CHECK(lines[1] == 0);
    CHECK(std::accumulate(lines.begin(), lines.end(), 0) == 9 + 5 + 3 + 2 + 6);
    CHECK_FALSE(has_runt_leg(s, r, kLeading, 6));
    // No deeper than the table and the story beside it need: the table
    // ends within four lines of the area's foot.
    CHECK(r.foot() - t.bottom < 4 * kLeading);
}

TEST_CASE("a float placed at the grid line after its anchor comes before what follows the anchor in its column") {
    // The anchor falls off the grid (after a 12 pt block); its float starts
    // at the next grid line, leaving 11 pt above it. The small lines after
    // the anchor (a rights line) must not slip into that gap, split around
    // the float.
    Stream s;
    StreamBuilder b(s);
    b.block(Fragment{}, 12);
    FloatBlock f;
    f.span = 1;
    f.height = 3 * kLeading;
    b.anchor(f);
    SetParagraph p;
    p.lines.resize(2);
    LineSpec small;
    small.leading = 8;
    small.size = 6.5;
    b.paragraph(p, small);
    b.finish();
    AreaResult r = fill(s, columns(1), false);
    REQUIRE(r.complete);
    REQUIRE(r.floats.size() == 1);
    CHECK(r.floats.front().top > 12 + 8 - 1e-6);  // the gap above the float could hold a line
    for (const Placed& pl : r.fill.placed)
        if (s.items[pl.item].kind == FlowKind::line) CHECK(pl.top >= r.floats.front().bottom - 1e-6);
}

TEST_CASE("a short last leg of plain text is no runt leg: balancing leaves it, and no column empty") {
    // 6 + 6 + 4 lines: the 4-line leg is shorter than min-leg 8, but nothing
    // stands above it, and the only cure would empty the third column.
    Stream s;
    StreamBuilder b(s);
    for (int i = 0; i < 16; ++i) paragraph(b, 1, 1, 1);
    b.finish();
    AreaResult plain = fill(s, columns(3), true);
    AreaResult r = fill(s, columns(3), true, 0, 8);
    REQUIRE(r.complete);
    CHECK_FALSE(has_runt_leg(s, plain, kLeading, 8));
    CHECK(lines_per_column(s, r, 3) == lines_per_column(s, plain, 3));
    CHECK(r.foot() == doctest::Approx(plain.foot()));
}

TEST_CASE("a framed box split between columns keeps its inset at both sides of the break") {
    Stream s;
    StreamBuilder b(s);
    paragraph(b, 4, 1, 1);
    layout::Box style;
    b.open_box(style, 6, 6);
    paragraph(b, 20, 1, 1);
    b.close_box();
    b.finish();
    AreaResult r = fill(s, columns(3, 0, 12 * kLeading), false);
    REQUIRE(r.complete);
    double foot0 = 0;
    double top1 = 1e9;
    for (const Placed& p : r.fill.placed) {
        if (p.column == 0) foot0 = std::max(foot0, p.bottom);
        if (p.column == 1) top1 = std::min(top1, p.top);
    }
    CHECK(foot0 + 6 <= 12 * kLeading + 1e-6);
    CHECK(top1 >= 6 - 1e-6);
}

TEST_CASE("a short framed box is never split, it moves whole to the next column") {
    Stream s;
    StreamBuilder b(s);
    paragraph(b, 8, 1, 1);
    layout::Box style;
    b.open_box(style, 4, 4);
    paragraph(b, 5, 1, 1);
    b.close_box(1000);
    paragraph(b, 3, 1, 1);
    b.finish();
    AreaResult r = fill(s, columns(2, 0, 10 * kLeading), false);
    REQUIRE(r.complete);
    std::map<int, int> columns_of_box;
    for (const Placed& p : r.fill.placed)
        if (s.items[p.item].box >= 0) columns_of_box[p.column]++;
    CHECK(columns_of_box.size() == 1);
}

TEST_CASE("a factbox kept whole that does not fit at a column foot waits for the next column while text fills this one") {
    // 6 lines, a box of 5 (plus insets), 5 lines, in two columns of 10:
    // the box does not fit under the 6 lines, so it opens column 1 and the
    // lines after it close up under the first 6.
    auto stream = [](Stream& s, bool deferrable, int box_lines = 5) {
        StreamBuilder b(s);
        paragraph(b, 6, 1, 1);
        layout::Box style;
        b.open_box(style, 4, 4, deferrable);
        paragraph(b, box_lines, 1, 1);
        b.close_box(1000);
        paragraph(b, 5, 1, 1);
        b.finish();
    };
    auto columns_of = [](const Stream& s, const AreaResult& r, bool in_box) {
        std::map<int, int> n;
        for (const Placed& p : r.fill.placed)
            if (s.items[p.item].kind == FlowKind::line && (s.items[p.item].box >= 0) == in_box) n[p.column]++;
        return n;
    };
    Stream s;
    stream(s, true);
    AreaResult r = fill(s, columns(2, 0, 10 * kLeading), false);
    REQUIRE(r.complete);
    CHECK(columns_of(s, r, true) == std::map<int, int>{{1, 5}});
    CHECK(columns_of(s, r, false) == std::map<int, int>{{0, 10}, {1, 1}});
    for (const Placed& p : r.fill.placed)
        if (s.items[p.item].kind == FlowKind::box_start) CHECK(p.top == doctest::Approx(0));
    // Reading order is the stream's: placed items stay sorted by item.
    CHECK(std::is_sorted(r.fill.placed.begin(), r.fill.placed.end(),
                         [](const Placed& a, const Placed& b) { return a.item < b.item; }));

    // A box that may not wait (a correction) ends the column instead.
    Stream fixed;
    stream(fixed, false);
    AreaResult f = fill(fixed, columns(2, 0, 10 * kLeading), false);
    CHECK(columns_of(fixed, f, false)[0] == 6);

    // A box too tall for any column stays in the flow and goes on.
    Stream tall;
    stream(tall, true, 12);
    AreaResult t = fill(tall, columns(2, 0, 10 * kLeading), false);
    CHECK_FALSE(t.complete);
    CHECK(t.fill.next <= 6);
}

TEST_CASE("balancing: a factbox or picture taller than the text legs hangs below them, the legs even") {
    // Five columns: 24 lines, a box kept whole (or a picture) 15 lines
    // deep, 15 lines. Spread as if the box were text, the legs came out
    // 12, 12, 9, 6 beside it; with it hanging they differ by one line at
    // most, and the area is as deep as the box, no deeper.
    auto lines_outside = [](const Stream& s, const AreaResult& r) {
        std::map<int, int> n;
        for (const Placed& p : r.fill.placed)
            if (s.items[p.item].body_line()) n[p.column]++;
        return n;
    };
    for (bool box : {true, false}) {
        CAPTURE(box);
        Stream s;
        StreamBuilder b(s);
        for (int i = 0; i < 24; ++i) paragraph(b, 1, 1, 1);
        if (box) {
            layout::Box style;
            b.open_box(style, 4, 4, true);
            paragraph(b, 15, 1, 1);
            b.close_box(1000);
        } else {
            b.block(Fragment{}, 15 * kLeading, true);
        }
        for (int i = 0; i < 15; ++i) paragraph(b, 1, 1, 1);
        b.finish();

        AreaResult r = fill(s, columns(5, 0, 40 * kLeading), true);
        REQUIRE(r.complete);
        CHECK_FALSE(r.fill.forced);
        std::map<int, int> legs = lines_outside(s, r);
        REQUIRE(legs.size() == 4);
        int shortest = 99, longest = 0, total = 0;
        for (const auto& [column, n] : legs) {
            shortest = std::min(shortest, n);
            longest = std::max(longest, n);
            total += n;
        }
        CHECK(total == 39);
        CHECK(longest - shortest <= 1);
        // The box (or picture) has a column of its own, from its top.
        double box_top = -1, box_bottom = 0;
        int box_column = -1;
        for (const Placed& p : r.fill.placed) {
            const FlowItem& item = s.items[p.item];
            if ((box && item.box >= 0) || (!box && item.kind == FlowKind::block)) {
                if (box_top < 0) box_top = p.top;
                box_column = p.column;
                box_bottom = std::max(box_bottom, p.bottom);
            }
        }
        CHECK(box_top == doctest::Approx(0));
        CHECK(legs.count(box_column) == 0);
        CHECK(r.foot() == doctest::Approx(box_bottom));
        CHECK(longest * kLeading < box_bottom);
    }
}

TEST_CASE("balancing: where no fair fill fits, the greedy one is evened out at the same foot") {
    // Five columns: paragraphs of 9, 7, 9 and 6 lines, a line's space, a
    // correction box (which may not wait) of 4 lines and a line of note
    // under it. With the widow and orphan rules no fill 8 lines deep
    // holds it all; at 9 lines the greedy fill gave legs of 9, 9, 9 and 4
    // beside the box. Some columns ending higher give 9, 7, 7 and 8, as
    // deep: as even as 7, 7, 9 and 8, and the longer legs first.
    Stream s;
    StreamBuilder b(s);
    for (int n : {9, 7, 9, 6}) paragraph(b, n);
    b.space(kLeading);
    layout::Box style;
    b.open_box(style, 4, 4, false);
    paragraph(b, 4, 1, 1);
    b.close_box(1000);
    paragraph(b, 1, 1, 1);
    b.finish();

    AreaResult r = fill(s, columns(5, 0, 40 * kLeading), true);
    REQUIRE(r.complete);
    CHECK_FALSE(r.fill.forced);
    std::size_t note = s.items.size();  // the line under the box
    while (s.items[--note].kind != FlowKind::line) {
    }
    std::vector<int> legs(5, 0);  // lines of the story per column
    int box_column = -1;
    for (const Placed& p : r.fill.placed) {
        const FlowItem& item = s.items[p.item];
        if (item.box >= 0)
            box_column = p.column;
        else if (item.body_line() && p.item != note)
            legs[static_cast<std::size_t>(p.column)]++;
    }
    CHECK(box_column == 4);
    CHECK(legs == std::vector<int>{9, 7, 7, 8, 0});
    CHECK(r.foot() == doctest::Approx(9 * kLeading));
}

TEST_CASE("an area that cannot take anything reports no progress, a fresh page must take something") {
    Stream s;
    StreamBuilder b(s);
    b.block(Fragment{}, 500);
    paragraph(b, 3);
    b.finish();
    AreaResult none = fill(s, columns(2, 0, 200), false);
    CHECK(none.fill.next == 0);
    BaselineGrid g = grid();
    AreaRequest rq;
    rq.stream = &s;
    rq.columns = columns(2, 0, 200);
    rq.grid = &g;
    rq.must_progress = true;
    AreaResult forced = fill_area(rq);
    CHECK(forced.fill.next >= 1);
    CHECK(forced.fill.forced);
}

}  // namespace galley::typeset
