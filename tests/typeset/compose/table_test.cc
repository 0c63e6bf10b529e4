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

}  // namespace galley::typeset
