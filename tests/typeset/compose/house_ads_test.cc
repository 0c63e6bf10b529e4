// choose_house_ad: which of the house ads goes in a page's holes,
// in which columns and at what size.
#include <doctest/doctest.h>

#include <vector>

#include "typeset/compose/house_ads.h"

namespace galley::test {

namespace {

using typeset::choose_house_ad;
using typeset::PageFrame;

/// Four columns of 100 pt with 10 pt gutters; live area 40..470 x 50..650.
PageFrame frame() {
    PageFrame f;
    f.page_width = 510;
    f.page_height = 700;
    f.left = 40;
    f.right = 470;
    f.top = 50;
    f.bottom = 650;
    f.columns = 4;
    f.column_width = 100;
    f.gutter = 10;
    return f;
}

/// house-ad.min-hole 0.15 (90 pt of the 600), figure.min-dpi 150; stories
/// keep 12 pt above an ad, on a 12 pt grid.
typeset::HouseAdRules rules(double min_hole = 0.15) { return typeset::HouseAdRules{min_hole, 150, 12, 12}; }

/// Every column's hole reaches the live area's foot.
std::vector<double> foot() { return std::vector<double>(4, 650.0); }

model::Image ad(std::uint32_t w, std::uint32_t h, model::ImageFormat format = model::ImageFormat::svg) {
    model::Image i;
    i.path = "img/ad.svg";
    i.format = format;
    i.width_px = w;
    i.height_px = h;
    return i;
}

}  // namespace

TEST_CASE("house ads: a wide ad takes a full-width hole, on the foot, its shape kept") {
    const PageFrame f = frame();
    // The stories end 300 pt down: a hole of 350 pt over all four columns.
    std::vector<double> tops(4, 300.0);
    auto slot = choose_house_ad(f, tops, foot(), {ad(1200, 480)}, {false}, rules());
    REQUIRE(slot);
    CHECK(slot->ad == 0);
    CHECK(slot->first == 0);
    CHECK(slot->span == 4);
    CHECK(slot->rect.width == doctest::Approx(430));
    CHECK(slot->rect.height == doctest::Approx(430 * 480.0 / 1200.0));
    CHECK(slot->rect.x == doctest::Approx(40));
    CHECK(slot->rect.y + slot->rect.height == doctest::Approx(650));
}

TEST_CASE("house ads: the room left above an ad is a hole, and a banner is stacked on the ad") {
    const PageFrame f = frame();
    std::vector<double> tops(4, 300.0);
    // A 3:2 ad across all four columns is 286.7 pt tall and leaves 63.3 pt
    // above it: shallower than 0.15 of the live height (90 pt), so nothing
    // more is placed there.
    std::vector<double> above(4, 650.0 - 430.0 / 1.5 - 12.0);
    CHECK_FALSE(choose_house_ad(f, tops, above, {ad(1600, 400)}, {false}, rules()));
    // A 5:2 ad leaves 178 pt: a 4:1 banner goes across the columns, on the
    // first ad's top less the space between them.
    const double first_top = 650.0 - 430.0 / 2.5;
    std::vector<double> room(4, first_top - 12.0);
    auto slot = choose_house_ad(f, tops, room, {ad(1600, 400)}, {false}, rules());
    REQUIRE(slot);
    CHECK(slot->span == 4);
    CHECK(slot->rect.width == doctest::Approx(430));
    CHECK(slot->rect.y + slot->rect.height == doctest::Approx(first_top - 12.0));
    CHECK(slot->rect.y >= 300.0);
    // Where the first ad took only columns 2 and 3, no run spans both
    // depths (an ad there would float with white under it): the banner
    // goes on the foot of columns 0 and 1, or on the ad in 2 and 3.
    std::vector<double> half{650.0, 650.0, first_top - 12.0, first_top - 12.0};
    auto beside = choose_house_ad(f, tops, half, {ad(1600, 400)}, {false}, rules());
    REQUIRE(beside);
    CHECK(beside->span == 2);
    CHECK(beside->first == 0);
    CHECK(beside->rect.y + beside->rect.height == doctest::Approx(650));
}

TEST_CASE("house ads: no hole deep enough, no ads, or min-hole 0 place nothing") {
    const PageFrame f = frame();
    // 600 pt live height: 0.15 of it is 90 pt; these holes are 80 pt deep.
    std::vector<double> shallow(4, 570.0);
    CHECK_FALSE(choose_house_ad(f, shallow, foot(), {ad(1200, 480)}, {false}, rules()));
    std::vector<double> deep(4, 300.0);
    CHECK_FALSE(choose_house_ad(f, deep, foot(), {}, {}, rules()));
    CHECK_FALSE(choose_house_ad(f, deep, foot(), {ad(1200, 480)}, {false}, rules(0.0)));
    // An ad used already is not printed again.
    CHECK_FALSE(choose_house_ad(f, deep, foot(), {ad(1200, 480)}, {true}, rules()));
}

TEST_CASE("house ads: a tall ad goes in the narrowest run that gives it its size, centred there") {
    const PageFrame f = frame();
    // Columns 2 and 3 are free from 200 pt down (450 pt); 0 and 1 are full.
    std::vector<double> tops{655.0, 655.0, 200.0, 200.0};
    // 2:3 portrait: 210 pt wide would be 315 pt tall, which fits.
    auto slot = choose_house_ad(f, tops, foot(), {ad(600, 900)}, {false}, rules());
    REQUIRE(slot);
    CHECK(slot->first == 2);
    CHECK(slot->span == 2);
    CHECK(slot->rect.width == doctest::Approx(210));
    CHECK(slot->rect.x == doctest::Approx(f.column_x(2)));
    CHECK(slot->rect.y + slot->rect.height == doctest::Approx(650));
    CHECK(slot->rect.y >= 200.0);
}

TEST_CASE("house ads: a raster ad is never printed below figure.min-dpi, and the one covering most wins") {
    const PageFrame f = frame();
    std::vector<double> tops(4, 300.0);
    // 600 px at 150 dpi is 288 pt wide at most: in three columns (320 pt),
    // not in all four (430 pt, where it would leave a third of them empty).
    auto capped = choose_house_ad(f, tops, foot(), {ad(600, 400, model::ImageFormat::png)}, {false}, rules());
    REQUIRE(capped);
    CHECK(capped->span == 3);
    CHECK(capped->rect.width == doctest::Approx(288));
    CHECK(capped->rect.height == doctest::Approx(192));
    CHECK(capped->rect.x == doctest::Approx(f.column_x(capped->first) + 16));
    // The same picture as SVG scales freely: all four columns.
    auto vector = choose_house_ad(f, tops, foot(), {ad(600, 400)}, {false}, rules());
    REQUIRE(vector);
    CHECK(vector->span == 4);
    // Of two ads, the one covering more of the page is chosen.
    auto both = choose_house_ad(f, tops, foot(), {ad(600, 400, model::ImageFormat::png), ad(1200, 480)}, {false, false},
                                rules());
    REQUIRE(both);
    CHECK(both->ad == 1);
}

TEST_CASE("free_tops: each column's hole starts under its own lowest ink, furniture and other columns aside") {
    using typeset::free_tops;
    const PageFrame f = frame();
    // Column 0: a line of text at baseline 200; columns 0-1: a picture
    // down to 320 over both; column 2: a rule at 400 and a box to 500;
    // column 3: nothing but a folio below the live area.
    page::GlyphRun line;
    line.size = 10;
    line.origin = {40, 200};
    line.advance = 90;
    page::Image pic;
    pic.rect = {40, 220, 210, 100};
    page::Rule rule;
    rule.from = {260, 400};
    rule.to = {350, 400};
    rule.width = 1;
    page::Box box;
    box.rect = {260, 410, 100, 90};
    page::GlyphRun folio;
    folio.size = 8;
    folio.origin = {370, 680};
    folio.advance = 10;
    std::vector<page::Item> first{line, pic};
    std::vector<page::Item> second{rule, box, folio};
    std::vector<double> tops = free_tops(f, {&first, &second}, 12);
    REQUIRE(tops.size() == 4);
    CHECK(tops[0] == doctest::Approx(332));
    CHECK(tops[1] == doctest::Approx(332));
    CHECK(tops[2] == doctest::Approx(512));
    CHECK(tops[3] == doctest::Approx(50));  // nothing drawn: the live area's top
    // A column rule in the gutter between columns 2 and 3, down to 600,
    // bars both.
    page::Rule gutter;
    gutter.from = {365, 100};
    gutter.to = {365, 600};
    gutter.width = 0.5;
    std::vector<page::Item> third{gutter};
    std::vector<double> ruled = free_tops(f, {&first, &second, &third}, 12);
    CHECK(ruled[1] == doctest::Approx(332));
    CHECK(ruled[2] == doctest::Approx(612.25));
    CHECK(ruled[3] == doctest::Approx(612.25));
    // With column 3 filled to the foot, the ad goes under the picture,
    // across the two columns it covers, clear of its ink.
    tops[3] = 640;
    auto slot = choose_house_ad(f, tops, foot(), {ad(200, 150)}, {false}, rules());
    REQUIRE(slot);
    CHECK(slot->first == 0);
    CHECK(slot->span == 2);
    CHECK(slot->rect.y >= 332);
}

TEST_CASE("house ads: a banner is never squeezed into one column as a strip") {
    const PageFrame f = frame();
    // Only column 3 is free, from 150 pt down: a 5:1 banner one column wide
    // would be 20 pt deep.
    std::vector<double> tops{650, 650, 650, 150};
    CHECK_FALSE(choose_house_ad(f, tops, foot(), {ad(2000, 400)}, {false}, rules()));
    // Of two ads, the one that reads at that width goes there.
    auto slot = choose_house_ad(f, tops, foot(), {ad(2000, 400), ad(800, 1000)}, {false, false}, rules());
    REQUIRE(slot);
    CHECK(slot->ad == 1);
    // Over all four columns the banner is 86 pt deep, and goes in.
    std::vector<double> open(4, 150.0);
    slot = choose_house_ad(f, open, foot(), {ad(2000, 400)}, {false}, rules());
    REQUIRE(slot);
    CHECK(slot->span == 4);
    CHECK(slot->rect.height >= 50);
}

TEST_CASE("house ads: on the foot, columns ending a line apart share an ad when one of them has a hole") {
    const PageFrame f = frame();
    // A short brief over columns 0-1 ends 85 pt above the foot in column 0
    // and 100 pt in column 1; holes need 90 pt. The 2.5:1 ad fills both
    // columns, 84 pt deep, where column 1 alone could only take a strip.
    std::vector<double> tops{565, 550, 650, 650};
    auto slot = choose_house_ad(f, tops, foot(), {ad(1200, 480)}, {false}, rules());
    REQUIRE(slot);
    CHECK(slot->first == 0);
    CHECK(slot->span == 2);
    CHECK(slot->rect.width == doctest::Approx(210));
    CHECK(slot->rect.y + slot->rect.height == doctest::Approx(650));
    // Stacked on an ad (the holes end above the foot), every column needs
    // the depth.
    CHECK_FALSE(choose_house_ad(f, tops, std::vector<double>(4, 640.0), {ad(1200, 480)}, {false}, rules()));
    // Nor when column 1 runs so much deeper that the ad would leave it a
    // band of white (34 pt) too shallow for another ad.
    tops[1] = 520;
    CHECK_FALSE(choose_house_ad(f, tops, foot(), {ad(1200, 480)}, {false}, rules()));
}

TEST_CASE("house ads: each runs once before any runs again, unless the one left would leave a band of white") {
    using typeset::HouseAdRules;
    using typeset::next_house_ad;
    const PageFrame f = frame();
    // Holes need 90 pt (0.15 of 600); stories keep 12 pt above an ad; 12 pt grid.
    const HouseAdRules rules{0.15, 150, 12, 12};
    // The stories end 460 pt down: a hole of 190 pt over all four columns.
    const std::vector<double> tops(4, 460.0);
    // A 4:1 banner is 107.5 pt deep there, leaving 70.5 pt of white above
    // it, too little for another ad; the squarer ad fills the hole.
    const std::vector<model::Image> ads{ad(1600, 400), ad(1000, 440)};
    const std::vector<bool> none(2, false);

    // Neither printed yet: the one covering most.
    auto slot = next_house_ad(f, tops, foot(), ads, {0, 0}, none, rules);
    REQUIRE(slot);
    CHECK(slot->ad == 1);
    // The squarer ad printed before: it runs again rather than leave the band.
    slot = next_house_ad(f, tops, foot(), ads, {0, 1}, none, rules);
    REQUIRE(slot);
    CHECK(slot->ad == 1);
    CHECK(slot->span == 4);
    CHECK(slot->rect.y == doctest::Approx(650 - 430 / (1000.0 / 440)));
    // Only from ads run once more than the banner: run twice more, the
    // squarer ad waits for the rotation.
    slot = next_house_ad(f, tops, foot(), ads, {0, 2}, none, rules);
    REQUIRE(slot);
    CHECK(slot->ad == 0);
    // Never twice on a page: with the squarer ad there, the banner.
    slot = next_house_ad(f, tops, foot(), ads, {0, 1}, {false, true}, rules);
    REQUIRE(slot);
    CHECK(slot->ad == 0);
    // In a deep hole the room above the banner takes another ad: the
    // unprinted banner goes first.
    slot = next_house_ad(f, std::vector<double>(4, 300.0), foot(), ads, {0, 1}, none, rules);
    REQUIRE(slot);
    CHECK(slot->ad == 0);
    // An ad printed before that covers less than a quarter more (129 pt
    // deep, 20 % more) does not displace the unprinted one.
    const std::vector<model::Image> close{ad(1600, 400), ad(1600, 480)};
    slot = next_house_ad(f, tops, foot(), close, {0, 1}, none, rules);
    REQUIRE(slot);
    CHECK(slot->ad == 0);
    // No hole deep enough, or min-hole 0: nothing.
    CHECK_FALSE(next_house_ad(f, std::vector<double>(4, 600.0), foot(), ads, {0, 0}, none, rules));
    CHECK_FALSE(next_house_ad(f, tops, foot(), ads, {0, 0}, none, HouseAdRules{0, 150, 12, 12}));
}

}  // namespace galley::test
