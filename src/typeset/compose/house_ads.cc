#include "typeset/compose/house_ads.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <variant>

namespace galley::typeset {

namespace {

/// The ad's printed size in a hole `width` x `height`: as large as fits
/// whole, and for a raster image no larger than `min_dpi` allows.
page::Rect fitted(const model::Image& ad, double width, double height, int min_dpi) {
    const double aspect = static_cast<double>(ad.width_px) / static_cast<double>(ad.height_px);
    double w = std::min(width, height * aspect);
    if (ad.format != model::ImageFormat::svg && min_dpi > 0)
        w = std::min(w, static_cast<double>(ad.width_px) * 72.0 / min_dpi);
    return page::Rect{0, 0, w, w / aspect};
}

/// The white an ad whose top is at `ad_top` leaves for good in a column
/// whose hole starts at `top`: the room above it (less the space kept
/// under a story) when that is a grid line or more but too shallow a hole
/// (`least`) for another ad; 0 otherwise.
double band_above(double ad_top, double top, const HouseAdRules& rules, double least) {
    const double room = ad_top - rules.space - top;
    return room >= rules.line - kEpsilon && room < least - kEpsilon ? room : 0.0;
}

}  // namespace

std::vector<double> free_tops(const PageFrame& frame, const std::vector<const std::vector<page::Item>*>& drawn,
                              double space) {
    const int n = frame.columns;
    std::vector<double> lowest(static_cast<std::size_t>(n), -std::numeric_limits<double>::infinity());
    auto mark = [&](double x0, double x1, double top, double bottom) {
        if (bottom < frame.top - kEpsilon || top > frame.bottom + kEpsilon) return;  // furniture, bleed
        for (int c = 0; c < n; ++c) {
            const double cx = frame.column_x(c);
            if (x1 > cx + kEpsilon && x0 < cx + frame.column_width - kEpsilon)
                lowest[static_cast<std::size_t>(c)] = std::max(lowest[static_cast<std::size_t>(c)], bottom);
        }
    };
    for (const std::vector<page::Item>* items : drawn)
        for (const page::Item& item : *items) {
            if (const auto* run = std::get_if<page::GlyphRun>(&item)) {
                mark(run->origin.x, run->origin.x + run->advance, run->origin.y - 0.8 * run->size,
                     run->origin.y + 0.25 * run->size);
            } else if (const auto* img = std::get_if<page::Image>(&item)) {
                const page::Rect r = img->clip ? *img->clip : img->rect;
                mark(r.x, r.x + r.width, r.y, r.y + r.height);
            } else if (const auto* box = std::get_if<page::Box>(&item)) {
                mark(box->rect.x, box->rect.x + box->rect.width, box->rect.y, box->rect.y + box->rect.height);
            } else if (const auto* rule = std::get_if<page::Rule>(&item)) {
                // A rule in a gutter (column rules) bars both columns beside it.
                const double reach = frame.gutter / 2 + 1;
                mark(std::min(rule->from.x, rule->to.x) - reach, std::max(rule->from.x, rule->to.x) + reach,
                     std::min(rule->from.y, rule->to.y), std::max(rule->from.y, rule->to.y) + rule->width / 2);
            }
        }
    std::vector<double> tops(static_cast<std::size_t>(n), frame.top);
    for (std::size_t c = 0; c < tops.size(); ++c)
        if (std::isfinite(lowest[c])) tops[c] = std::min(frame.bottom, lowest[c] + space);
    return tops;
}

std::optional<HouseAdSlot> choose_house_ad(const PageFrame& frame, const std::vector<double>& tops,
                                           const std::vector<double>& bottoms, const std::vector<model::Image>& ads,
                                           const std::vector<bool>& barred, const HouseAdRules& rules) {
    if (rules.min_hole <= 0) return std::nullopt;
    const double least = rules.min_hole * frame.height();
    const int n = static_cast<int>(tops.size());
    std::optional<HouseAdSlot> best;
    double best_area = 0;
    for (std::size_t i = 0; i < ads.size(); ++i) {
        if (barred[i] || ads[i].width_px == 0 || ads[i].height_px == 0) continue;
        // Narrow runs first, so that of two runs giving the ad one size the
        // narrower keeps it (the wider one's other columns stay free).
        for (int span = 1; span <= n; ++span) {
            for (int first = 0; first + span <= n; ++first) {
                // The hole under all the run's columns starts at the lowest
                // top; the deepest column's at the highest.
                const auto [highest, lowest] = std::minmax_element(tops.begin() + first, tops.begin() + first + span);
                const double top = *lowest;
                const auto [low, high] = std::minmax_element(bottoms.begin() + first, bottoms.begin() + first + span);
                // An ad over columns whose holes end at different depths
                // would leave white under it in the deeper ones.
                if (*high - *low > kEpsilon) continue;
                const double bottom = *low;
                const double hole = bottom - top;
                // On the foot, the run has a hole when one of its columns
                // has one (the ad fits below all of them: a short brief's
                // two columns ending a line apart); stacked on an ad, when
                // all of them have.
                const bool on_foot = bottom >= frame.bottom - kEpsilon;
                if ((on_foot ? bottom - *highest : hole) < least - kEpsilon || hole <= kEpsilon) continue;
                const double width = frame.span_width(span);
                page::Rect r = fitted(ads[i], width, hole, rules.min_dpi);
                // An ad much narrower than its columns would leave a hole
                // beside it; a narrower run will take it.
                if (r.width < 0.75 * width - kEpsilon) continue;
                // A banner one column wide is a strip a few millimetres deep.
                if (r.height < kLeastPictureDepth * frame.column_width - kEpsilon) continue;
                const double area = r.width * r.height;
                if (area <= best_area + kEpsilon) continue;
                r.x = frame.column_x(first) + (width - r.width) / 2;
                r.y = bottom - r.height;
                // Taken in for a deeper column's sake, the ad must not leave
                // that column a band of white above it too shallow for
                // another ad.
                if (hole < least - kEpsilon &&
                    std::any_of(tops.begin() + first, tops.begin() + first + span,
                                [&](double t) { return band_above(r.y, t, rules, least) > 0; }))
                    continue;
                best = HouseAdSlot{i, first, span, r};
                best_area = area;
            }
        }
    }
    return best;
}

std::optional<HouseAdSlot> next_house_ad(const PageFrame& frame, const std::vector<double>& tops,
                                         const std::vector<double>& bottoms, const std::vector<model::Image>& ads,
                                         const std::vector<int>& prints, const std::vector<bool>& here,
                                         const HouseAdRules& rules) {
    // A repeat must cover this much more of the page than the ad it replaces.
    constexpr double kRepeatGain = 1.25;
    const double least = rules.min_hole * frame.height();
    // The white an ad leaves above it for good, under the run's common top.
    auto band = [&](const HouseAdSlot& s) {
        return band_above(s.rect.y, *std::max_element(tops.begin() + s.first, tops.begin() + s.first + s.span),
                          rules, least);
    };
    auto area = [](const HouseAdSlot& s) { return s.rect.width * s.rect.height; };
    std::vector<int> rounds;
    for (std::size_t i = 0; i < ads.size(); ++i)
        if (!here[i]) rounds.push_back(prints[i]);
    std::sort(rounds.begin(), rounds.end());
    rounds.erase(std::unique(rounds.begin(), rounds.end()), rounds.end());
    std::optional<HouseAdSlot> best;
    int first_round = 0;
    for (int round : rounds) {
        // A repeat comes from ads run at most once more than the best.
        if (best && round > first_round + 1) break;
        std::vector<bool> barred(ads.size());
        for (std::size_t i = 0; i < ads.size(); ++i) barred[i] = here[i] || prints[i] > round;
        std::optional<HouseAdSlot> slot = choose_house_ad(frame, tops, bottoms, ads, barred, rules);
        if (!slot) continue;
        if (!best) {
            best = slot;
            first_round = round;
            if (band(*best) <= 0) break;
        } else if (band(*slot) <= band(*best) - rules.line + kEpsilon &&
                   area(*slot) >= kRepeatGain * area(*best) - kEpsilon) {
            best = slot;
        }
    }
    return best;
}

}  // namespace galley::typeset
