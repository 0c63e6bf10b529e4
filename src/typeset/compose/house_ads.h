// The publisher's own adverts (issue.xml's <house-ad>) in the holes a page
// is left with: what a desk does with a page whose stories end short.
//
//   when a page is left: for every run of adjacent columns, the hole is from the
//   lowest thing in those columns (and the space that follows an article) to the
//   foot; holes shallower than house-ad.min-hole of the live height are left
//   alone (on the foot, a run's hole is its deepest column's, and the ad fits
//   below all of them without leaving a deeper one a band of white too shallow
//   for another ad). Of the ads printed least so far and not on the page yet,
//   each scaled to fit the hole whole (never distorted, never cropped, a raster
//   ad never printed below figure.min-dpi), the one covering most of the page
//   wins, in the narrowest run that gives it that size, but never one shallower
//   than half a column's width (a banner squeezed into one column); it sits on
//   the foot, centred in its columns. Repeat while holes are left: the room left
//   above an ad is a hole too, so a short ad under a short story gets a banner
//   stacked on it rather than a band of white paper. Every ad runs once before
//   any runs again, unless the one left to run would leave such a band (too
//   shallow for another ad) where an ad run once more fills the hole.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "model/block.h"
#include "page/page.h"
#include "typeset/compose/page_frame.h"

namespace galley::typeset {

struct HouseAdSlot {
    std::size_t ad = 0;  ///< index into the issue's house ads
    int first = 0;       ///< its columns: [first, first + span)
    int span = 1;
    page::Rect rect;     ///< where it is drawn
};

/// Where the free room at the foot of each column starts: `space` below
/// the lowest thing drawn in the column inside the live area (text,
/// picture, rule, box; a rule in a gutter counts for the columns on both
/// sides), however far an article's run reaches in its other columns; the
/// live area's top where nothing is drawn.
std::vector<double> free_tops(const PageFrame& frame, const std::vector<const std::vector<page::Item>*>& drawn,
                              double space);

/// What places house ads besides the holes: the layout's settings and the
/// space an article keeps above what follows it.
struct HouseAdRules {
    double min_hole = 0;  ///< house-ad.min-hole: a hole's least depth, a share of the live height; 0 = no ads
    int min_dpi = 0;      ///< figure.min-dpi: a raster ad is never printed coarser
    double space = 0;     ///< article.space-between, kept between a story and an ad under it
    double line = 0;      ///< the grid's leading: white above an ad less deep than this is no band
};

/// The best house ad for the page's holes, or none. Column c's hole runs
/// from `tops[c]`, where the next thing in it could start, to `bottoms[c]`,
/// the live area's foot or the space above an ad placed before; the ad
/// sits on the hole's bottom. `barred[i]` marks ads not to print here
/// (on the page already, or printed more often than others).
std::optional<HouseAdSlot> choose_house_ad(const PageFrame& frame, const std::vector<double>& tops,
                                           const std::vector<double>& bottoms, const std::vector<model::Image>& ads,
                                           const std::vector<bool>& barred, const HouseAdRules& rules);

/// The next ad for the page's holes, of those not on it yet (`here`),
/// those printed least (`prints`) first: the best of the first round of
/// prints that has one, unless it leaves a band of white above it (a line
/// or more, too shallow for another ad) and an ad printed once more
/// leaves a line less of such white and covers a quarter more of the page.
/// So a squarer ad printed before fills a hole that the only unprinted one,
/// a banner, would leave half white.
std::optional<HouseAdSlot> next_house_ad(const PageFrame& frame, const std::vector<double>& tops,
                                         const std::vector<double>& bottoms, const std::vector<model::Image>& ads,
                                         const std::vector<int>& prints, const std::vector<bool>& here,
                                         const HouseAdRules& rules);

}  // namespace galley::typeset
