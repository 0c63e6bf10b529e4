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

TEST_CASE("table columns: narrower than the longest words, widths shrink in proportion") {
    auto w = fit_columns({100, 100}, {60, 20}, 40);
    CHECK(w[0] == doctest::Approx(30));
    CHECK(w[1] == doctest::Approx(10));
    CHECK(fit_columns({}, {}, 100).empty());
}

}  // namespace galley::typeset
