#include "layout/value_parse.h"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

#include "base/xml_space.h"
#include "layout/suggest.h"
#include "layout/value_text.h"

namespace galley::layout {
namespace {

constexpr std::array<std::pair<std::string_view, int>, 11> kWeightNames{{
    {"thin", 100},
    {"extra-light", 200},
    {"light", 300},
    {"regular", 400},
    {"normal", 400},
    {"medium", 500},
    {"semibold", 600},
    {"bold", 700},
    {"extra-bold", 800},
    {"black", 900},
    {"heavy", 900},
}};

constexpr std::array<std::string_view, 3> kFontRoles{"text", "display", "sans"};

std::string join(const std::vector<std::string>& words, std::string_view last_sep) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? std::string(last_sep) : std::string(", ");
        out += words[i];
    }
    return out;
}

std::optional<int> parse_int(std::string_view text) {
    std::size_t i = text.size() > 0 && text[0] == '-' ? 1 : 0;
    if (i == text.size()) return std::nullopt;
    for (std::size_t k = i; k < text.size(); ++k)
        if (text[k] < '0' || text[k] > '9') return std::nullopt;
    int v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return v;
}

// Checks `v` (points for lengths) against the spec's bounds.
bool in_range(const SettingSpec& spec, double v, std::string& error) {
    constexpr double eps = 1e-9;
    if (spec.min) {
        if (spec.min_exclusive && v <= *spec.min + eps) {
            error = "must be greater than " + spec.min_text;
            return false;
        }
        if (!spec.min_exclusive && v < *spec.min - eps) {
            error = "must be at least " + spec.min_text;
            return false;
        }
    }
    if (spec.max && v > *spec.max + eps) {
        error = "must be at most " + spec.max_text;
        return false;
    }
    return true;
}

std::optional<Colour> parse_colour(std::string_view text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    std::array<std::uint8_t, 3> c{};
    for (std::size_t i = 0; i < 3; ++i) {
        unsigned v = 0;
        auto [end, ec] = std::from_chars(text.data() + 1 + 2 * i, text.data() + 3 + 2 * i, v, 16);
        if (ec != std::errc() || end != text.data() + 3 + 2 * i) return std::nullopt;
        c[i] = static_cast<std::uint8_t>(v);
    }
    return Colour{c[0], c[1], c[2]};
}

std::optional<Value> parse_font_list(const SettingSpec& spec, std::string_view text, std::string& error) {
    for (const std::string& role : spec.choices)
        if (text == role) return Value(FontList{{}, role});
    for (std::string_view role : kFontRoles) {
        if (text == role) {
            error = "'" + std::string(role) + "' is a font role; name the families of a role here";
            return std::nullopt;
        }
    }
    FontList list;
    std::string_view rest = text;
    while (true) {
        std::size_t comma = rest.find(',');
        std::string_view family = trim_xml_space(rest.substr(0, comma));
        if (family.size() >= 2 && (family.front() == '"' || family.front() == '\'') && family.back() == family.front())
            family = trim_xml_space(family.substr(1, family.size() - 2));
        if (family.empty()) {
            error = spec.choices.empty()
                        ? "expected font family names separated by commas"
                        : "expected font family names separated by commas, or a font role (" +
                              join(spec.choices, " or ") + ")";
            return std::nullopt;
        }
        list.families.emplace_back(family);
        if (comma == std::string_view::npos) break;
        rest = rest.substr(comma + 1);
    }
    return Value(std::move(list));
}

std::optional<Value> parse_weight(std::string_view text, std::string& error) {
    for (const auto& [name, w] : kWeightNames)
        if (text == name) return Value(std::in_place_type<int>, w);
    if (std::optional<int> v = parse_int(text); v && *v >= 100 && *v <= 900 && *v % 100 == 0)
        return Value(std::in_place_type<int>, *v);
    error = "expected a weight from 100 to 900 in steps of 100, or thin, light, regular, medium, semibold, bold, black";
    return std::nullopt;
}

std::optional<Value> parse_space(const SettingSpec& spec, std::string_view text, std::string& error) {
    for (std::string_view suffix : {"lines", "line"}) {
        if (text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix) {
            std::optional<double> n = parse_decimal(text.substr(0, text.size() - suffix.size()));
            if (!n) break;
            if (*n < 0 || *n > 50) {
                error = "must be from 0 to 50 lines";
                return std::nullopt;
            }
            return Value(Space{Length(), *n});
        }
    }
    std::optional<Length> l = parse_length(text, error);
    if (!l) {
        if (error.rfind("expected", 0) == 0) error = "expected a length such as 6pt, or grid lines such as 1line";
        return std::nullopt;
    }
    if (!in_range(spec, l->to_pt(), error)) return std::nullopt;
    return Value(Space{*l, std::nullopt});
}

std::optional<Value> parse_span(const SettingSpec& spec, std::string_view text, std::string& error) {
    if (text == "all") return Value(Span{Span::Kind::all, 0});
    if (text == "headline" && spec.choices.size() > 1) return Value(Span{Span::Kind::headline, 0});
    if (std::optional<int> n = parse_int(text); n && *n >= 1 && *n <= 20)
        return Value(Span{Span::Kind::columns, *n});
    error = "expected a number of columns from 1 to 20, or " + join(spec.choices, " or ");
    return std::nullopt;
}

std::vector<std::filesystem::path> split_paths(std::string_view text, const std::filesystem::path& base_dir) {
    std::vector<std::filesystem::path> out;
    while (!text.empty()) {
        std::size_t comma = text.find(',');
        std::string_view item = trim_xml_space(text.substr(0, comma));
        if (!item.empty()) out.push_back((base_dir / std::filesystem::path(item)).lexically_normal());
        if (comma == std::string_view::npos) break;
        text = text.substr(comma + 1);
    }
    return out;
}

std::string format_space(const Space& s, const std::string& default_text) {
    bool default_in_lines = default_text.find("line") != std::string::npos;
    std::string len = format_length(s.length, default_in_lines ? LengthUnit::pt : unit_of(default_text));
    if (!s.grid_lines) return len;
    return format_number(*s.grid_lines) + (*s.grid_lines == 1.0 ? "line" : "lines") + " (" + len + ")";
}

}  // namespace

std::optional<Value> parse_value(const SettingSpec& spec, std::string_view raw, const std::filesystem::path& base_dir,
                                 std::string& error) {
    std::string_view text = trim_xml_space(raw);
    if (spec.inheritable && text == "inherit") return Value(Unset{});
    switch (spec.type) {
        case ValueType::length: {
            std::optional<Length> l = parse_length(text, error);
            if (!l || !in_range(spec, l->to_pt(), error)) return std::nullopt;
            return Value(*l);
        }
        case ValueType::number: {
            std::optional<double> v = parse_decimal(text);
            if (!v) {
                error = "expected a number such as " + spec.default_text;
                return std::nullopt;
            }
            if (!in_range(spec, *v, error)) return std::nullopt;
            return Value(std::in_place_type<double>, *v);
        }
        case ValueType::integer: {
            std::optional<int> v = parse_int(text);
            if (!v) {
                error = "expected a whole number such as " + spec.default_text;
                return std::nullopt;
            }
            if (!in_range(spec, *v, error)) return std::nullopt;
            return Value(std::in_place_type<int>, *v);
        }
        case ValueType::boolean:
            if (text == "true") return Value(std::in_place_type<bool>, true);
            if (text == "false") return Value(std::in_place_type<bool>, false);
            error = spec.inheritable ? "expected true, false or inherit" : "expected true or false";
            return std::nullopt;
        case ValueType::choice: {
            for (const std::string& c : spec.choices)
                if (text == c) return Value(std::string(text));
            error = "expected one of " + join(spec.choices, ", ");
            if (std::optional<std::string> s = closest_match(text, spec.choices))
                error += "; did you mean '" + *s + "'?";
            return std::nullopt;
        }
        case ValueType::text: return Value(std::string(raw));
        case ValueType::colour:
            if (std::optional<Colour> c = parse_colour(text)) return Value(*c);
            error = spec.inheritable ? "expected a colour as #rrggbb, or inherit"
                                     : "expected a colour as #rrggbb, for example #1a1a1a";
            return std::nullopt;
        case ValueType::colour_or_none:
            if (text == "none") return Value(Unset{});
            if (std::optional<Colour> c = parse_colour(text)) return Value(*c);
            error = "expected a colour as #rrggbb, or none";
            return std::nullopt;
        case ValueType::font_list: return parse_font_list(spec, text, error);
        case ValueType::weight: return parse_weight(text, error);
        case ValueType::space: return parse_space(spec, text, error);
        case ValueType::span: return parse_span(spec, text, error);
        case ValueType::path:
            if (text.empty()) return Value(std::filesystem::path());
            return Value((base_dir / std::filesystem::path(text)).lexically_normal());
        case ValueType::path_list: return Value(split_paths(text, base_dir));
    }
    error = "unsupported setting type";
    return std::nullopt;
}

std::string format_value(const SettingSpec& spec, const Value& value) {
    struct Visitor {
        const SettingSpec& spec;
        std::string operator()(const Unset&) const {
            return spec.type == ValueType::colour_or_none ? "none" : "inherit";
        }
        std::string operator()(const Length& l) const { return format_length(l, unit_of(spec.default_text)); }
        std::string operator()(double v) const { return format_number(v); }
        std::string operator()(int v) const { return std::to_string(v); }
        std::string operator()(bool v) const { return v ? "true" : "false"; }
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(const Colour& c) const { return c.hex(); }
        std::string operator()(const FontList& f) const {
            if (f.families.empty()) return f.role;
            return f.role.empty() ? f.joined() : f.joined() + " [role: " + f.role + "]";
        }
        std::string operator()(const Space& s) const { return format_space(s, spec.default_text); }
        std::string operator()(const Span& s) const {
            switch (s.kind) {
                case Span::Kind::all: return "all";
                case Span::Kind::headline: return "headline";
                case Span::Kind::columns: return std::to_string(s.columns);
            }
            return "all";
        }
        std::string operator()(const std::filesystem::path& p) const { return p.string(); }
        std::string operator()(const std::vector<std::filesystem::path>& ps) const {
            std::string out;
            for (const auto& p : ps) out += (out.empty() ? "" : ", ") + p.string();
            return out;
        }
    };
    return std::visit(Visitor{spec}, value);
}

}  // namespace galley::layout
