#include "typeset/linebreak/line_fit.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace galley::typeset {
namespace {

constexpr double kEpsilon = 1e-9;  // points: below this a difference is rounding
constexpr double kInfinity = std::numeric_limits<double>::infinity();

double badness_of(double ratio) {
    const double r = std::fabs(ratio);
    return 100.0 * r * r * r;
}

LineFit stretch(const LineMeasure& m, double s) {
    LineFit f;
    if (m.fill > kEpsilon) {
        f.fill = s / m.fill;
        return f;
    }
    const double yg = m.glue_stretch, yl = m.letter_stretch, yd = m.gap_stretch;
    if (s <= yg + yl + yd) {
        f.ratio = s / (yg + yl + yd);
        f.glue = yg > 0.0 ? std::min(s, yg) / yg : 0.0;
        const double second = s > yg ? (s - yg) / (yl + yd) : 0.0;
        f.letter = yl > 0.0 ? second : 0.0;
        f.gap = yd > 0.0 ? second : 0.0;
    } else {
        f.letter = yl > 0.0 ? 1.0 : 0.0;
        f.gap = yd > 0.0 ? 1.0 : 0.0;
        if (yg > kEpsilon) {
            f.glue = (s - yl - yd) / yg;
            f.ratio = 1.0 + (s - yg - yl - yd) / yg;
        } else if (yd > kEpsilon) {
            f.gap = (s - yl) / yd;
            f.ratio = 1.0 + (s - yl - yd) / yd;
        } else {
            f.ratio = kInfinity;
            f.shortfall = s - yl;
        }
    }
    f.badness = badness_of(f.ratio);
    return f;
}

LineFit shrink(const LineMeasure& m, double s) {  // s < 0
    LineFit f;
    const double zg = m.glue_shrink, zl = m.letter_shrink, need = -s;
    if (need <= zg + zl + kEpsilon) {
        f.ratio = zg + zl > 0.0 ? -std::min(need / (zg + zl), 1.0) : 0.0;
        f.glue = zg > 0.0 ? -std::min(need, zg) / zg : 0.0;
        f.letter = need > zg && zl > 0.0 ? -std::min((need - zg) / zl, 1.0) : 0.0;
        f.badness = badness_of(f.ratio);
    } else {
        f.glue = zg > 0.0 ? -1.0 : 0.0;
        f.letter = zl > 0.0 ? -1.0 : 0.0;
        f.ratio = zg + zl > 0.0 ? -need / (zg + zl) : -kInfinity;
        f.badness = kInfinity;
        f.shortfall = zg + zl - need;
    }
    return f;
}

}  // namespace

LineFit fit_line(const LineMeasure& m, double target) {
    const double s = target - m.natural;
    if (std::fabs(s) <= kEpsilon) return LineFit{};
    return s > 0.0 ? stretch(m, s) : shrink(m, s);
}

double demerit_badness(const LineFit& fit) {
    if (std::isfinite(fit.badness)) return fit.badness;
    return badness_of(std::fabs(fit.shortfall) / 0.1);
}

int fitness_class(double ratio) {
    if (ratio < -0.5) return 0;
    if (ratio <= 0.5) return 1;
    if (ratio <= 1.0) return 2;
    return 3;
}

double set_width(const Item& item, const LineFit& fit) {
    switch (item.kind) {
    case ItemKind::box:
        return item.width + fit.letter * (fit.letter >= 0.0 ? item.stretch : item.shrink);
    case ItemKind::glue:
        if (item.flagged) return item.width + fit.gap * item.stretch;
        return item.width + fit.glue * (fit.glue >= 0.0 ? item.stretch : item.shrink) + fit.fill * item.fill;
    case ItemKind::penalty:
        return 0.0;
    }
    return 0.0;
}

}  // namespace galley::typeset
