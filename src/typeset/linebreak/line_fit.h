// Setting one line to a width: how far its word spaces and its letter-spacing
// move, and how bad the result is (the badness of Knuth & Plass 1981).
//
// Elasticity is spent in a fixed order, so a line only letter-spaces when its
// word spaces are already at their limit:
//   stretching by S:  1. glue stretch, up to the sum of the glue's stretch (Yg);
//                     2. letter-spacing, up to the boxes' capacity (Yl), and
//                        the gaps between words of a script written without
//                        spaces (Yd, flagged glue), in proportion: a Khmer or
//                        Thai line opens its phrase spaces before its words;
//                     3. glue again, beyond its stretch (loose word spaces),
//                        or, on a line without word spaces, the gaps;
//                     fill glue, when the line has any, takes all of S instead.
//   shrinking by S:   1. glue shrink (Zg); 2. letter-spacing (Zl); never more:
//                     a line that needs more is overfull.
// The adjustment ratio r that the badness 100|r|^3 is computed from counts all
// elasticity within its limits: r = S / (Yg + Yl + Yd) while S <= Yg + Yl + Yd,
// and beyond that r = 1 + (S - Yg - Yl - Yd) / Yg (Yd when Yg is 0), so r > 1
// exactly when word spaces exceed their stretch, whatever the letter-spacing
// capacity. A Khmer line past its limits widens its phrase spaces, as a
// browser does, not the gaps inside its phrases. Shrinking is
// symmetric: r = -S / (Zg + Zl), and r < -1 means overfull.
//
// The badness is 100|r|^3 without TeX's cap at 10000: the emergency pass
// must still tell a line at 5x its stretch from one at 50x.
#pragma once

#include "typeset/linebreak/items.h"

namespace galley::typeset {

/// TeX's inf_bad: a tolerance at or above this accepts every line that is
/// not overfull, even one that cannot stretch at all.
inline constexpr double kInfiniteBadness = 10000.0;

/// Totals of a candidate line's content.
struct LineMeasure {
    double natural = 0.0;         ///< boxes + glue + the ending penalty's width
    double glue_stretch = 0.0;    ///< Yg
    double glue_shrink = 0.0;     ///< Zg
    double fill = 0.0;            ///< infinite-order stretch
    double letter_stretch = 0.0;  ///< Yl
    double letter_shrink = 0.0;   ///< Zl
    double gap_stretch = 0.0;     ///< Yd: flagged glue (word gaps in Khmer, Thai)
};

/// How a line is set. Every glue item g is set at
///   g.width + glue * (glue >= 0 ? g.stretch : g.shrink) + fill * g.fill,
/// every box b at b.width + letter * (letter >= 0 ? b.stretch : b.shrink);
/// the caller spreads a box's extra width evenly over the gaps its capacity
/// was counted from (with capacity = gaps x max letter-space, each gap gets
/// letter x max letter-space), so the line fills its width exactly.
struct LineFit {
    double ratio = 0.0;     ///< the adjustment ratio above; +inf when the line must stretch and cannot, < -1 overfull
    double glue = 0.0;      ///< signed fraction of glue stretch (> 0) or shrink (< 0, never below -1)
    double letter = 0.0;    ///< signed fraction of letter-spacing capacity, within [-1, 1]
    double gap = 0.0;       ///< fraction of the word gaps' stretch (flagged glue), >= 0
    double fill = 0.0;      ///< points per unit of fill
    double badness = 0.0;   ///< 100|ratio|^3 (uncapped); +inf when overfull or when it cannot stretch
    double shortfall = 0.0; ///< width left over after all adjustment: > 0 underfull (nothing left to stretch), < 0 overfull
    bool overfull() const { return shortfall < 0.0; }
};

/// Sets a line of measure `m` to `target` points.
LineFit fit_line(const LineMeasure& m, double target);

/// The badness demerits are computed from: the line's own, or for a line
/// that cannot stretch at all (or is overfull), the badness it would have
/// with 0.1 pt of stretch, so that such lines still rank by how much they
/// lack and are chosen only when nothing else is possible. Always finite.
double demerit_badness(const LineFit& fit);

/// Knuth & Plass fitness classes: 0 tight (r < -0.5), 1 decent, 2 loose
/// (r > 0.5), 3 very loose (r > 1).
int fitness_class(double ratio);

/// The width `item` takes in a line set with `fit` (a penalty's 0: its width
/// counts only as the line's ending, which the caller adds).
double set_width(const Item& item, const LineFit& fit);

}  // namespace galley::typeset
