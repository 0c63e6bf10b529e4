// The small value types a layout setting can hold besides plain numbers and
// Lengths: colours, font fallback lists, vertical space, column spans, and
// the enumerations, each with the names a layout file uses for it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/length.h"

namespace galley::layout {

/// An sRGB colour, written "#rrggbb" in a layout file.
struct Colour {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;

    /// "#rrggbb", lowercase.
    std::string hex() const;
    bool operator==(const Colour&) const = default;
};

/// A font fallback list: the first family is the one wanted, the others cover
/// what it lacks (Khmer, for instance). `role` names the font role the list
/// came from ("text", "display" or "sans") or is empty when the style names
/// families itself; after loading, `families` is always filled.
struct FontList {
    std::vector<std::string> families;
    std::string role;

    /// The families joined with ", " (the form fontconfig and CSS accept).
    std::string joined() const;
    bool operator==(const FontList&) const = default;
};

/// Vertical space (space before and after a paragraph, gaps). Written either
/// as a Length ("6pt") or in baseline-grid lines ("1line", "0.5lines"). After
/// loading, `length` always holds the size; `grid_lines` is set when the
/// value was given in lines, so the typesetter can keep the grid exactly.
struct Space {
    Length length;
    std::optional<double> grid_lines;
    bool operator==(const Space&) const = default;
};

/// How many columns an element spans: a number, every column of the page, or
/// as many as the article's headline (whose span its tier sets).
struct Span {
    enum class Kind { columns, all, headline };
    Kind kind = Kind::columns;
    int columns = 1;  ///< Meaningful for Kind::columns only.

    /// The span in columns on a page of `total` columns when the headline
    /// spans `headline_columns`; never more than `total`, never less than 1.
    int resolve(int total, int headline_columns) const;
    bool operator==(const Span&) const = default;
};

enum class Alignment { left, right, center, justify };
enum class ArticleStart { new_page, continue_on_page };
enum class BoxFrame { none, box, top, bottom, top_bottom, left };
enum class FolioPosition { none, bottom_outer, bottom_center, top_outer, top_center };
enum class SeparatorKind { rule, asterism, space };
enum class LeadBleed { none, sides };
/// The edge pages are bound on; `automatic` is decided by the language.
enum class BindingEdge { automatic, left, right };

/// The names a layout file uses for an enumeration's values, in declaration
/// order. Specialised for each enum above.
template <class E>
struct EnumNames;

template <>
struct EnumNames<Alignment> {
    static constexpr std::array<std::pair<Alignment, std::string_view>, 4> values{{
        {Alignment::left, "left"},
        {Alignment::right, "right"},
        {Alignment::center, "center"},
        {Alignment::justify, "justify"},
    }};
};

template <>
struct EnumNames<ArticleStart> {
    static constexpr std::array<std::pair<ArticleStart, std::string_view>, 2> values{{
        {ArticleStart::new_page, "new-page"},
        {ArticleStart::continue_on_page, "continue"},
    }};
};

template <>
struct EnumNames<BoxFrame> {
    static constexpr std::array<std::pair<BoxFrame, std::string_view>, 6> values{{
        {BoxFrame::none, "none"},
        {BoxFrame::box, "box"},
        {BoxFrame::top, "top"},
        {BoxFrame::bottom, "bottom"},
        {BoxFrame::top_bottom, "top-bottom"},
        {BoxFrame::left, "left"},
    }};
};

template <>
struct EnumNames<FolioPosition> {
    static constexpr std::array<std::pair<FolioPosition, std::string_view>, 5> values{{
        {FolioPosition::none, "none"},
        {FolioPosition::bottom_outer, "bottom-outer"},
        {FolioPosition::bottom_center, "bottom-center"},
        {FolioPosition::top_outer, "top-outer"},
        {FolioPosition::top_center, "top-center"},
    }};
};

template <>
struct EnumNames<SeparatorKind> {
    static constexpr std::array<std::pair<SeparatorKind, std::string_view>, 3> values{{
        {SeparatorKind::rule, "rule"},
        {SeparatorKind::asterism, "asterism"},
        {SeparatorKind::space, "space"},
    }};
};

template <>
struct EnumNames<LeadBleed> {
    static constexpr std::array<std::pair<LeadBleed, std::string_view>, 2> values{{
        {LeadBleed::none, "none"},
        {LeadBleed::sides, "sides"},
    }};
};

template <>
struct EnumNames<BindingEdge> {
    static constexpr std::array<std::pair<BindingEdge, std::string_view>, 3> values{{
        {BindingEdge::automatic, "auto"},
        {BindingEdge::left, "left"},
        {BindingEdge::right, "right"},
    }};
};

/// The layout-file name of an enum value ("justify", "new-page").
template <class E>
constexpr std::string_view enum_name(E value) {
    for (const auto& [v, n] : EnumNames<E>::values)
        if (v == value) return n;
    return {};
}

/// The enum value a layout-file name stands for, if any.
template <class E>
constexpr std::optional<E> enum_from_name(std::string_view name) {
    for (const auto& [v, n] : EnumNames<E>::values)
        if (n == name) return v;
    return std::nullopt;
}

/// Every name of an enumeration, in declaration order.
template <class E>
std::vector<std::string> enum_names() {
    std::vector<std::string> out;
    for (const auto& entry : EnumNames<E>::values) out.emplace_back(entry.second);
    return out;
}

}  // namespace galley::layout
