// Table column widths.
#include <doctest/doctest.h>

#include <numeric>

#include "typeset/compose/table.h"

namespace galley::typeset {

TEST_CASE("table columns: natural widths grow in proportion to fill the width") {
    auto w = fit_columns({40, 20, 20}, {10, 10, 10}, 160);
    CHECK(w[0] == doctest::Approx(80));
    CHECK(w[1] == doctest::Approx(40));
    CHECK(std::accumulate(w.begin(), w.end(), 0.0) == doctest::Approx(160));
}

TEST_CASE("table columns: too wide, each keeps its longest word and shares the rest by what it lacks") {
    auto w = fit_columns({100, 20, 60}, {30, 20, 20}, 110);
    CHECK(w[1] == doctest::Approx(20));  // already at its natural width: gets nothing more
    CHECK(w[0] >= 30);
    CHECK(w[2] >= 20);
    CHECK(std::accumulate(w.begin(), w.end(), 0.0) == doctest::Approx(110));
}

TEST_CASE("table columns: narrower than the longest words, short words stay whole and long ones share the rest") {
    auto w = fit_columns({100, 100}, {60, 20}, 40);
    CHECK(w[0] == doctest::Approx(20));  // its 60 pt word breaks
    CHECK(w[1] == doctest::Approx(20));  // its longest word fits the even share
    // One unbreakable 390 pt string beside two columns of short words: they
    // keep their words, it takes what is left (not 2 pt columns beside it).
    w = fit_columns({390, 300, 200}, {390, 30, 20}, 200);
    CHECK(w[1] == doctest::Approx(30));
    CHECK(w[2] == doctest::Approx(20));
    CHECK(w[0] == doctest::Approx(150));
    // Every word too long for an even share: even shares.
    w = fit_columns({500, 400}, {300, 200}, 100);
    CHECK(w[0] == doctest::Approx(50));
    CHECK(w[1] == doctest::Approx(50));
    CHECK(fit_columns({}, {}, 100).empty());
}

TEST_CASE("table parts: as few as the room allows, about as deep as one another") {
    const std::vector<double> rows(100, 10.0);  // 1000 deep
    // 300 a part: four parts, 250 each rather than 300, 300, 300, 100.
    CHECK(part_ends(rows, 300, 300, 10) == std::vector<std::size_t>{25, 50, 75, 100});
    // Fits one part: one.
    CHECK(part_ends(rows, 1000, 1000, 10) == std::vector<std::size_t>{100});
    // The first part has less room (the caption over it): it holds less.
    const std::vector<std::size_t> ends = part_ends(rows, 500, 200, 10);
    REQUIRE(ends.size() == 3);
    CHECK(ends[0] <= 20);
    CHECK(ends.back() == 100);
    for (std::size_t k = 1; k < ends.size(); ++k) CHECK(ends[k] - ends[k - 1] <= 50);
}

TEST_CASE("table parts: a row deeper than a part goes alone, and no part is empty") {
    const std::vector<double> rows{10, 10, 500, 10};
    CHECK(part_ends(rows, 100, 100, 10) == std::vector<std::size_t>{2, 3, 4});
    CHECK(part_ends({}, 100, 100, 10) == std::vector<std::size_t>{0});
}

}  // namespace galley::typeset
