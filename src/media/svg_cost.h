// How much drawing an SVG asks for, counted from its parsed tree before any
// renderer sees it. A kilobyte of nested <use> elements can stand for
// billions of drawn elements, and a filter (a Gaussian blur) on each of them
// for minutes of work and gigabytes: librsvg stops only at 500,000
// referenced elements and has no bound on filters.
//
//   drawn(element)    = 1 + drawn(children) + drawn(what it refers to)
//   filtered(element) = [it has a filter] + the same sums
//
// An element refers to another through <use href="#id"> (or xlink:href) and
// through url(#id) in an attribute or a style (fill, stroke, clip-path, mask,
// marker-*, filter): every reference draws its target again. What <defs>,
// <symbol>, <pattern>, <filter> and the like hold counts only where it is
// referred to. A style sheet that sets a filter makes every element count
// as filtered (its selectors are not matched). Counts are
// memoised per element, so the walk is linear in the file; they saturate
// rather than overflow. A reference cycle, or references nested deeper than
// the limit, is refused too.
#pragma once

#include <cstdint>
#include <string>

#include <libxml/tree.h>

namespace galley::media_detail {

struct SvgCostLimits {
    std::uint64_t max_drawn = 50'000;  ///< elements drawn, references followed
    std::uint64_t max_filtered = 100;  ///< of them, elements drawn through a filter
    int max_depth = 256;               ///< elements and references nested
};

/// Why `root`'s drawing is refused ("draws ..."), or "" when it is within
/// the limits.
std::string svg_cost_problem(xmlNodePtr root, const SvgCostLimits& limits);

}  // namespace galley::media_detail
