#include "typeset/linebreak/line_fit.h"

#include <doctest/doctest.h>

#include <cmath>

using galley::typeset::fit_line;
using galley::typeset::fitness_class;
using galley::typeset::LineMeasure;

TEST_CASE("a line at its natural width is set as it is, badness 0") {
    const auto f = fit_line({10.0, 2.0, 1.0, 0.0, 0.0, 0.0}, 10.0);
    CHECK(f.ratio == 0.0);
    CHECK(f.badness == 0.0);
    CHECK(f.glue == 0.0);
    CHECK_FALSE(f.overfull());
}

TEST_CASE("stretching spends glue first, then letter-spacing, then glue beyond its limit") {
    const LineMeasure m{10.0, 2.0, 1.0, 0.0, 4.0, 2.0};  // Yg = 2, Yl = 4
    SUBCASE("within the glue") {
        const auto f = fit_line(m, 11.0);
        CHECK(f.glue == doctest::Approx(0.5));
        CHECK(f.letter == 0.0);
        CHECK(f.ratio == doctest::Approx(1.0 / 6.0));
    }
    SUBCASE("glue full, letter-spacing part way") {
        const auto f = fit_line(m, 14.0);
        CHECK(f.glue == doctest::Approx(1.0));
        CHECK(f.letter == doctest::Approx(0.5));
        CHECK(f.ratio == doctest::Approx(4.0 / 6.0));
    }
    SUBCASE("everything at its limit: r = 1, badness 100") {
        const auto f = fit_line(m, 16.0);
        CHECK(f.glue == doctest::Approx(1.0));
        CHECK(f.letter == doctest::Approx(1.0));
        CHECK(f.ratio == doctest::Approx(1.0));
        CHECK(f.badness == doctest::Approx(100.0));
    }
    SUBCASE("past the limits only the word spaces grow; letter-spacing stays bounded") {
        const auto f = fit_line(m, 18.0);
        CHECK(f.letter == doctest::Approx(1.0));
        CHECK(f.glue == doctest::Approx(2.0));
        CHECK(f.ratio == doctest::Approx(2.0));
        CHECK(f.badness == doctest::Approx(800.0));
    }
}

TEST_CASE("the gaps between Khmer or Thai words open after the phrase spaces, with the letters") {
    LineMeasure m{10.0, 2.0, 1.0, 0.0, 2.0, 0.0};  // Yg = 2 (phrase spaces), Yl = 2
    m.gap_stretch = 2.0;                             // Yd = 2 (word gaps)
    SUBCASE("within the spaces: the words stay together") {
        const auto f = fit_line(m, 11.5);
        CHECK(f.glue == doctest::Approx(0.75));
        CHECK(f.gap == 0.0);
        CHECK(f.letter == 0.0);
        CHECK(f.ratio == doctest::Approx(1.5 / 6.0));
    }
    SUBCASE("spaces full: gaps and letters share the rest in proportion") {
        const auto f = fit_line(m, 14.0);
        CHECK(f.glue == doctest::Approx(1.0));
        CHECK(f.gap == doctest::Approx(0.5));
        CHECK(f.letter == doctest::Approx(0.5));
        CHECK(f.ratio == doctest::Approx(4.0 / 6.0));
    }
    SUBCASE("past the limits only the spaces grow") {
        const auto f = fit_line(m, 20.0);
        CHECK(f.gap == doctest::Approx(1.0));
        CHECK(f.letter == doctest::Approx(1.0));
        CHECK(f.glue == doctest::Approx(3.0));
        CHECK(f.ratio == doctest::Approx(3.0));
    }
    SUBCASE("a line without spaces grows its gaps past their limit") {
        const LineMeasure g{10.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0};
        const auto f = fit_line(g, 16.0);
        CHECK(f.gap == doctest::Approx(3.0));
        CHECK(f.ratio == doctest::Approx(3.0));
        CHECK(std::isfinite(f.badness));
        CHECK_FALSE(f.overfull());
    }
    SUBCASE("a gap is set by the gap fraction, a space by the glue fraction") {
        const auto f = fit_line(m, 14.0);
        CHECK(galley::typeset::set_width(galley::typeset::Item::word_gap(2.0), f) == doctest::Approx(1.0));
        CHECK(galley::typeset::set_width(galley::typeset::Item::glue(3.0, 2.0, 1.0), f) == doctest::Approx(5.0));
    }
}

TEST_CASE("shrinking spends glue first, then letter-spacing, never more: beyond is overfull") {
    const LineMeasure m{10.0, 2.0, 1.0, 0.0, 4.0, 2.0};  // Zg = 1, Zl = 2
    const auto half = fit_line(m, 8.5);
    CHECK(half.glue == doctest::Approx(-1.0));
    CHECK(half.letter == doctest::Approx(-0.25));
    CHECK(half.ratio == doctest::Approx(-0.5));
    CHECK_FALSE(half.overfull());
    const auto over = fit_line(m, 6.0);
    CHECK(over.overfull());
    CHECK(over.shortfall == doctest::Approx(-1.0));
    CHECK(over.glue == -1.0);
    CHECK(over.letter == -1.0);
    CHECK(over.ratio < -1.0);
    CHECK(std::isinf(over.badness));
}

TEST_CASE("fill glue takes all the stretch of a last line") {
    const auto f = fit_line({5.0, 2.0, 1.0, 1.0, 4.0, 2.0}, 20.0);
    CHECK(f.fill == doctest::Approx(15.0));
    CHECK(f.glue == 0.0);
    CHECK(f.letter == 0.0);
    CHECK(f.badness == 0.0);
}

TEST_CASE("badness is not capped: a very loose line is worse than a loose one") {
    CHECK(fit_line({10.0, 1.0, 0.0, 0.0, 0.0, 0.0}, 15.0).badness == doctest::Approx(100.0 * 125.0));
    CHECK(fit_line({10.0, 1.0, 0.0, 0.0, 0.0, 0.0}, 60.0).badness == doctest::Approx(100.0 * 125000.0));
}

TEST_CASE("a line with nothing to stretch is infinitely bad and says how much is left") {
    const auto f = fit_line({5.0, 0.0, 0.0, 0.0, 1.0, 0.0}, 10.0);
    CHECK(std::isinf(f.ratio));
    CHECK(std::isinf(f.badness));
    CHECK(f.letter == doctest::Approx(1.0));
    CHECK(f.shortfall == doctest::Approx(4.0));
}

TEST_CASE("fitness classes follow Knuth & Plass") {
    CHECK(fitness_class(-0.8) == 0);
    CHECK(fitness_class(0.0) == 1);
    CHECK(fitness_class(0.7) == 2);
    CHECK(fitness_class(1.5) == 3);
}
