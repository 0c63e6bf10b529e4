#include "layout/value_text.h"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

namespace galley::layout {
namespace {

constexpr std::array<std::pair<LengthUnit, std::string_view>, 5> kUnits{{
    {LengthUnit::mm, "mm"},
    {LengthUnit::pt, "pt"},
    {LengthUnit::in, "in"},
    {LengthUnit::cm, "cm"},
    {LengthUnit::pc, "pc"},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string_view unit_name(LengthUnit u) {
    for (const auto& [unit, name] : kUnits)
        if (unit == u) return name;
    return "pt";
}

std::optional<LengthUnit> unit_from_name(std::string_view name) {
    for (const auto& [unit, n] : kUnits)
        if (n == name) return unit;
    return std::nullopt;
}

Length make_length(double value, LengthUnit unit) {
    switch (unit) {
        case LengthUnit::mm: return Length::mm(value);
        case LengthUnit::pt: return Length::pt(value);
        case LengthUnit::in: return Length::in(value);
        case LengthUnit::cm: return Length::mm(value * 10.0);
        case LengthUnit::pc: return Length::pt(value * 12.0);
    }
    return Length::pt(value);
}

double length_in(Length l, LengthUnit unit) {
    switch (unit) {
        case LengthUnit::mm: return l.to_mm();
        case LengthUnit::pt: return l.to_pt();
        case LengthUnit::in: return l.to_pt() / 72.0;
        case LengthUnit::cm: return l.to_mm() / 10.0;
        case LengthUnit::pc: return l.to_pt() / 12.0;
    }
    return l.to_pt();
}

std::optional<double> parse_decimal(std::string_view text) {
    // Check the shape first: from_chars alone would accept "1e5" and "inf".
    std::size_t i = 0;
    if (i < text.size() && text[i] == '-') ++i;
    std::size_t digits = 0;
    while (i < text.size() && is_digit(text[i])) ++i, ++digits;
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && is_digit(text[i])) ++i, ++digits;
    }
    if (digits == 0 || i != text.size()) return std::nullopt;
    double v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<Length> parse_length(std::string_view text, std::string& error) {
    std::size_t split = text.size();
    while (split > 0 && !is_digit(text[split - 1]) && text[split - 1] != '.') --split;
    std::string_view number = text.substr(0, split);
    std::string_view unit = text.substr(split);
    std::optional<double> v = parse_decimal(number);
    if (!v) {
        error = "expected a length such as 9.5pt or 12mm";
        return std::nullopt;
    }
    if (unit.empty()) {
        if (*v == 0.0) return Length::pt(0);
        error = "a length needs a unit (mm, pt, in, cm or pc), for example " + std::string(number) + "mm";
        return std::nullopt;
    }
    std::optional<LengthUnit> u = unit_from_name(unit);
    if (!u) {
        error = "unknown unit '" + std::string(unit) + "' (use mm, pt, in, cm or pc)";
        return std::nullopt;
    }
    return make_length(*v, *u);
}

LengthUnit unit_of(std::string_view length_text) {
    for (const auto& [unit, name] : kUnits)
        if (length_text.size() > name.size() && length_text.substr(length_text.size() - name.size()) == name)
            return unit;
    return LengthUnit::mm;
}

std::string format_number(double v) {
    double rounded = std::round(v * 1000.0) / 1000.0;
    if (rounded == 0.0) rounded = 0.0;  // no "-0"
    std::array<char, 64> buf{};
    auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), rounded, std::chars_format::fixed, 3);
    if (ec != std::errc()) return "nan";
    std::string out(buf.data(), end);
    while (!out.empty() && out.back() == '0') out.pop_back();
    if (!out.empty() && out.back() == '.') out.pop_back();
    return out;
}

std::string format_length(Length l, LengthUnit unit) {
    return format_number(length_in(l, unit)) + std::string(unit_name(unit));
}

}  // namespace galley::layout
