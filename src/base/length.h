// Lengths carry their unit in the type: a Length is stored in PostScript
// points (1/72 in), the unit of PDF, Cairo and Pango at 72 dpi.
#pragma once

#include <compare>

namespace galley {

class Length {
public:
    constexpr Length() = default;
    static constexpr Length pt(double v) { return Length(v); }
    static constexpr Length mm(double v) { return Length(v * 72.0 / 25.4); }
    static constexpr Length in(double v) { return Length(v * 72.0); }

    constexpr double to_pt() const { return pt_; }
    constexpr double to_mm() const { return pt_ * 25.4 / 72.0; }

    constexpr Length operator+(Length o) const { return Length(pt_ + o.pt_); }
    constexpr Length operator-(Length o) const { return Length(pt_ - o.pt_); }
    constexpr Length operator*(double k) const { return Length(pt_ * k); }
    constexpr Length operator/(double k) const { return Length(pt_ / k); }
    constexpr double operator/(Length o) const { return pt_ / o.pt_; }
    constexpr Length& operator+=(Length o) { pt_ += o.pt_; return *this; }
    constexpr Length& operator-=(Length o) { pt_ -= o.pt_; return *this; }
    constexpr auto operator<=>(const Length&) const = default;

private:
    constexpr explicit Length(double pt) : pt_(pt) {}
    double pt_ = 0.0;
};

}  // namespace galley
