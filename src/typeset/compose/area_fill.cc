#include "typeset/compose/area_fill.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

namespace galley::typeset {

namespace {

/// A float's raise (AreaFiller::attempt_raised) that puts it at the top of
/// its columns, wherever its anchor falls.
constexpr int kRaiseToTop = std::numeric_limits<int>::max();
/// The same, its columns holding nothing under it in the area
/// (FloatRect::closes): the story goes on beside it.
constexpr int kAloneAtTop = kRaiseToTop - 1;

/// The white a float may leave under it above an area's foot, in lines:
/// a table beside text that runs a few lines deeper is one module.
constexpr double kWhiteUnder = 4;
/// How many lines short of min_leg a story's last leg over a box may be
/// when no bottom gives it min_leg lines (fill_area).
constexpr int kLegOverBoxShort = 2;

bool shares_columns(const FloatRect& r, int first, int span) {
    return r.first < first + span && first < r.first + r.span;
}

/// `columns` with their text ending at `bottom` at the latest; with `hang`,
/// a picture or a box kept whole at a column's top may still reach the
/// column's own bottom, hanging below the balanced legs.
std::vector<ColumnSpace> capped(const std::vector<ColumnSpace>& columns, double bottom, bool hang) {
    std::vector<ColumnSpace> cols = columns;
    for (ColumnSpace& c : cols) {
        c.hang_bottom = hang ? c.hang() : 0.0;
        c.bottom = std::min(c.bottom, bottom);
    }
    return cols;
}

/// Whether `p` is a line of the story's text: a body line, not end matter.
bool story_line(const Stream& stream, const Placed& p) {
    const FlowItem& item = stream.items[p.item];
    return item.body_line() && !item.end_matter;
}

/// Whether a body line at `p` follows float `f` on the page: below it in
/// one of its columns, or in a column to their right.
bool follows(const Placed& p, const FloatRect& f) {
    return p.column >= f.first + f.span || (p.column >= f.first && p.top >= f.bottom - kEpsilon);
}

/// Which float of `fill` (placed as `floats`), if any (else -1), is set
/// among the text (FloatBlock::amid_text, a pull quote), has text after
/// its anchor, and yet ends the stream with none of the story's text
/// following it: it stands after the story's last line, with at most the
/// end matter (tagline, rights) below it.
int float_after_its_text(const Stream& stream, const FillResult& fill, const std::vector<FloatRect>& floats) {
    if (fill.next < stream.size() || fill.carry != kNoItem) return -1;  // the text goes on elsewhere
    for (const FloatRect& f : floats) {
        if (!stream.floats[static_cast<std::size_t>(f.float_index)].amid_text) continue;
        auto hit = std::find_if(fill.anchors.begin(), fill.anchors.end(),
                                [&](const AnchorHit& a) { return a.float_index == f.float_index; });
        if (hit == fill.anchors.end()) continue;
        const bool later = std::any_of(fill.placed.begin(), fill.placed.end(),
                                       [&](const Placed& p) { return p.item > hit->item && story_line(stream, p); });
        const bool followed = std::any_of(fill.placed.begin(), fill.placed.end(),
                                          [&](const Placed& p) { return story_line(stream, p) && follows(p, f); });
        if (later && !followed) return f.float_index;
    }
    return -1;
}

/// Which pull quote of `r` (FloatBlock::amid_text), if any (else -1),
/// stands badly where a lower place may mend it: with a runt leg of the
/// story under it (in a column it spans, fewer than `min_leg` lines below
/// it, and some), or opening the area, the story's text all after it (a
/// page the story jumps to would start with the quote).
int misplaced_float(const Stream& stream, const AreaResult& r, int min_leg) {
    for (const FloatRect& f : r.floats) {
        if (!stream.floats[static_cast<std::size_t>(f.float_index)].amid_text) continue;
        bool before = false;
        bool after = false;
        for (const Placed& p : r.fill.placed) {
            if (!story_line(stream, p)) continue;
            if (p.column < f.first || (p.column < f.first + f.span && p.top < f.top - kEpsilon)) before = true;
            else after = true;
        }
        if (!before && after) return f.float_index;
        if (min_leg <= 1) continue;
        for (int c = f.first; c < f.first + f.span; ++c) {
            int under = 0;
            for (const Placed& p : r.fill.placed)
                if (p.column == c && p.top >= f.bottom - kEpsilon && story_line(stream, p)) ++under;
            if (under > 0 && under < min_leg) return f.float_index;
        }
    }
    return -1;
}

/// A float of `r` (a table, a picture, a box, a pull quote) that stands
/// under a runt leg at the top of a column it spans (fewer than `min_leg`
/// lines of the story between the column's top and the float, and nothing
/// else: a line alone under a lead picture's caption, over a pull quote),
/// so that it would stand better at the top, the leg under it; -1 if there
/// is none. Not end matter: a More stories box stays after the story's
/// last lines.
int float_under_runt(const Stream& stream, const AreaResult& r, const std::vector<ColumnSpace>& columns,
                     const BaselineGrid& grid, int min_leg) {
    if (min_leg <= 1) return -1;
    for (const FloatRect& f : r.floats) {
        // End matter (the More stories box) comes after the story's last lines.
        const bool end_matter = std::any_of(r.fill.anchors.begin(), r.fill.anchors.end(), [&](const AnchorHit& a) {
            return a.float_index == f.float_index && stream.items[a.item].end_matter;
        });
        if (end_matter) continue;
        double top = -std::numeric_limits<double>::infinity();
        bool runt = false;
        bool other = false;
        for (int c = f.first; c < f.first + f.span && c < static_cast<int>(columns.size()); ++c) {
            top = std::max(top, grid.cell_top_from(columns[static_cast<std::size_t>(c)].top));
            int above = 0;
            for (const Placed& p : r.fill.placed) {
                if (p.column != c || p.top >= f.top - kEpsilon) continue;
                if (story_line(stream, p)) ++above;
                else if (stream.items[p.item].kind != FlowKind::anchor && stream.items[p.item].kind != FlowKind::space)
                    other = true;
            }
            for (const FloatRect& o : r.floats)
                if (o.float_index != f.float_index && c >= o.first && c < o.first + o.span && o.top < f.top)
                    other = true;
            if (above > 0 && above < min_leg) runt = true;
        }
        if (runt && !other && f.top > top + kEpsilon) return f.float_index;
    }
    return -1;
}

/// Whether float `f` of `r`, raised above its anchor, stands soundly among
/// the story's text: no column it spans is white above it for two lines or
/// more (nothing there, or the text there ran out that far above it), none
/// has a lone line of the story above or under it, and the stream's last
/// paragraph (the tagline) is not split around it.
bool float_sound(const Stream& stream, const AreaResult& r, const FloatRect& f,
                 const std::vector<ColumnSpace>& columns, double leading) {
    for (int c = f.first; c < f.first + f.span && c < static_cast<int>(columns.size()); ++c) {
        double reached = columns[static_cast<std::size_t>(c)].top;
        int above = 0;
        int under = 0;
        for (const Placed& p : r.fill.placed) {
            if (p.column != c) continue;
            if (p.top < f.top - kEpsilon) {
                reached = std::max(reached, p.bottom);
                above += story_line(stream, p);
            }
            if (p.top >= f.bottom - kEpsilon && story_line(stream, p)) ++under;
        }
        for (const FloatRect& o : r.floats)
            if (o.float_index != f.float_index && c >= o.first && c < o.first + o.span && o.top < f.top - kEpsilon)
                reached = std::max(reached, o.bottom);
        if (f.top - reached >= 2 * leading - kEpsilon || above == 1 || under == 1) return false;
    }
    int last = -1;
    for (const Placed& p : r.fill.placed)
        if (stream.items[p.item].body_line()) last = std::max(last, stream.items[p.item].group);
    bool before = false;
    bool after = false;
    for (const Placed& p : r.fill.placed) {
        const FlowItem& item = stream.items[p.item];
        if (!item.body_line() || item.group != last) continue;
        (follows(p, f) ? after : before) = true;
    }
    return !(before && after);
}

int runt_legs(const Stream& stream, const AreaResult& r, double leading, int min_leg);

/// The part of a table set in several that float `index` (a later part)
/// follows, or -1.
int part_before(const Stream& stream, int index) {
    return stream.floats[static_cast<std::size_t>(index)].follows_part ? index - 1 : -1;
}

/// Float `index` as placed in `r`, or null.
const FloatRect* float_rect(const AreaResult& r, int index) {
    auto f = std::find_if(r.floats.begin(), r.floats.end(), [&](const FloatRect& x) { return x.float_index == index; });
    return f == r.floats.end() ? nullptr : &*f;
}

/// Whether a column that float `f` of `r` spans is white under it for
/// kWhiteUnder lines or more above the area's foot: nothing there, or the
/// text there ends that far above the foot.
bool white_under(const AreaResult& r, const FloatRect& f, double leading) {
    const double foot = r.foot();
    for (int c = f.first; c < f.first + f.span; ++c) {
        double reached = f.bottom;
        for (const Placed& p : r.fill.placed)
            if (p.column == c) reached = std::max(reached, p.bottom);
        for (const FloatRect& o : r.floats)
            if (c >= o.first && c < o.first + o.span) reached = std::max(reached, o.bottom);
        if (foot - reached >= kWhiteUnder * leading - kEpsilon) return true;
    }
    return false;
}

/// Whether a column that float `f` of `r` spans has a runt leg of the
/// story under it: fewer than `min_leg` lines, and some.
bool runt_under(const Stream& stream, const AreaResult& r, const FloatRect& f, int min_leg) {
    for (int c = f.first; c < f.first + f.span; ++c) {
        int under = 0;
        for (const Placed& p : r.fill.placed)
            if (p.column == c && p.top >= f.bottom - kEpsilon && story_line(stream, p)) ++under;
        if (under > 0 && under < min_leg) return true;
    }
    return false;
}

/// Whether a column under a float of `r` is white for kWhiteUnder lines or more
/// above the area's foot (white_under).
bool white_under_a_float(const AreaResult& r, double leading) {
    return std::any_of(r.floats.begin(), r.floats.end(), [&](const FloatRect& f) { return white_under(r, f, leading); });
}

class AreaFiller {
public:
    explicit AreaFiller(const AreaRequest& rq) : rq_(rq), grid_(*rq.grid) {}

    /// Fills `columns` (bottoms already set), placing floats as anchors are
    /// met. A float that would end the stream standing after the text that
    /// follows its anchor (float_after_its_text) is raised above where its
    /// anchor fell, a grid line at a time, until text follows it soundly
    /// (float_sound).
    AreaResult attempt(const std::vector<ColumnSpace>& columns, FillMode mode) const;
    /// Fills `columns` around floats already placed (`floats`), placing no
    /// others.
    AreaResult refill(const std::vector<ColumnSpace>& columns, const std::vector<FloatRect>& floats,
                      FillMode mode) const;
    /// The lowest bottom at which the columns could hold the content evenly;
    /// with `text_only`, leaving out the pictures and boxes kept whole
    /// (which may hang below it).
    double even_share(const std::vector<ColumnSpace>& columns, bool text_only) const;
    /// Whether a picture or a box kept whole is among the content.
    bool has_deferrable() const;
    /// From now on, a fill that places every item but hands `anchor` on
    /// (FillRequest::hand_on) counts as complete: the text of an area whose
    /// one float goes on to the next page is balanced like a story's end.
    void complete_without(std::size_t anchor) { handed_on_ = anchor; }
    /// Whether `fill` placed every item, but for the anchor it may hand on.
    bool completes(const FillResult& fill) const {
        return fill.next >= rq_.end() && (fill.carry == kNoItem || fill.carry == handed_on_);
    }

private:
    FillRequest request(const std::vector<ColumnSpace>& columns, FillMode mode) const;
    /// One fill, float `f` placed `raise[f]` grid lines above where its
    /// anchor fell, or, where that is negative, as low as it fits, or, where
    /// it is kRaiseToTop, at the top of its columns.
    AreaResult attempt_raised(const std::vector<ColumnSpace>& columns, FillMode mode,
                              const std::vector<int>& raise) const;
    /// With `force`, a float that finds no room stands at the top of its
    /// columns, however deep (a fresh page must take it).
    std::optional<FloatRect> place_float(const std::vector<ColumnSpace>& columns, const std::vector<FloatRect>& rects,
                                         const std::vector<Placed>& placed, const AnchorHit& hit, bool narrow,
                                         int raise, bool force = false) const;
    /// The same, over the columns from `first` on.
    std::optional<FloatRect> place_float_from(const std::vector<ColumnSpace>& columns,
                                              const std::vector<FloatRect>& rects, const std::vector<Placed>& placed,
                                              const AnchorHit& hit, bool narrow, int raise, bool force,
                                              int first) const;
    /// Whether `item` is the first thing of the area: only spaces before
    /// it, and no figure carried in.
    bool opens_area(std::size_t item) const;
    /// Whether the float of `hit`, with no room in this area, goes on to
    /// the next one while the text after its anchor fills this one
    /// (FillRequest::hand_on): in an area the article jumps from, where
    /// nothing is handed on yet, for a float that is not end matter (a
    /// More stories box comes after the story's last line).
    bool hands_on(const AnchorHit& hit, const FillResult& fill, const FillRequest& fr) const;

    const AreaRequest& rq_;
    const BaselineGrid& grid_;
    std::size_t handed_on_ = kNoItem;  ///< complete_without
};

std::optional<FloatRect> AreaFiller::place_float(const std::vector<ColumnSpace>& columns,
                                                 const std::vector<FloatRect>& rects,
                                                 const std::vector<Placed>& placed, const AnchorHit& hit,
                                                 bool narrow, int raise, bool force) const {
    const FloatBlock& fb = rq_.stream->floats[static_cast<std::size_t>(hit.float_index)];
    int k = static_cast<int>(columns.size());
    // A float wider than the article's columns here takes its narrow form.
    narrow = (narrow || fb.span > k) && fb.narrow.has_value();
    const int span = narrow ? 1 : std::clamp(fb.span, 1, k);
    std::optional<FloatRect> r = place_float_from(columns, rects, placed, hit, narrow, raise, force,
                                                  std::min(hit.column, k - span));
    // A part of a table set in several that does not fit where its anchor
    // fell, set above it at the head of the anchor's column, would leave
    // the story before its anchor no room there (the story's first column
    // all table, its opening in the next column after the parts): it goes
    // one column on, where that column is the article's, and fits there.
    // (A short story's one table may stand at the head of its first
    // columns, the story beside it: attempt() lifts it there.)
    const double at = grid_.cell_top_from(hit.y);
    const ColumnSpace& anchor_column = columns[static_cast<std::size_t>(hit.column)];
    const double room = r ? r->top - grid_.cell_top_from(anchor_column.top) : 0.0;
    if ((fb.precedes_part || fb.follows_part) && r && raise == 0 && !force && r->first == hit.column &&
        r->top < at - kEpsilon && room < std::max(rq_.min_leg, 3) * grid_.leading() - kEpsilon &&
        hit.column + span < k)
        if (auto on = place_float_from(columns, rects, placed, hit, narrow, raise, force, hit.column + 1))
            return on;
    // A part of a table set in several goes beside the part before it, at
    // its height, where it fits there and not as high where its anchor fell.
    if (const int before = part_before(*rq_.stream, hit.float_index); before >= 0 && raise == 0 && !force)
        for (const FloatRect& prev : rects) {
            if (prev.float_index != before || prev.first + prev.span + span > k) continue;
            if (r && r->top <= prev.top + kEpsilon) break;
            AnchorHit beside = hit;
            beside.column = prev.first + prev.span;
            beside.y = prev.top;
            if (auto on = place_float_from(columns, rects, placed, beside, narrow, raise, force, beside.column))
                return on;
        }
    return r;
}

std::optional<FloatRect> AreaFiller::place_float_from(const std::vector<ColumnSpace>& columns,
                                                      const std::vector<FloatRect>& rects,
                                                      const std::vector<Placed>& placed, const AnchorHit& hit,
                                                      bool narrow, int raise, bool force, int first) const {
    const FloatBlock& fb = rq_.stream->floats[static_cast<std::size_t>(hit.float_index)];
    int k = static_cast<int>(columns.size());
    narrow = (narrow || fb.span > k) && fb.narrow.has_value();
    const double height = narrow ? fb.narrow->height : fb.height;
    int span = narrow ? 1 : std::clamp(fb.span, 1, k);
    double tops = -std::numeric_limits<double>::infinity();
    double foot = std::numeric_limits<double>::infinity();
    for (int j = first; j < first + span; ++j) {
        tops = std::max(tops, grid_.cell_top_from(columns[static_cast<std::size_t>(j)].top));
        foot = std::min(foot, columns[static_cast<std::size_t>(j)].bottom);
    }
    // On a fresh page the first thing placed is placed even where it does
    // not fit (the page must take something). Where that is a block (a
    // picture, a table row) in these columns that the float would cover, it
    // would stand below the float in the next fill, and if too deep for the
    // room left there, be forced past the foot: the float may not cover it.
    // (Anything else the float covers moves on to a later column or page.)
    auto stranded = [&](const Placed& p, double y) {
        if (p.column < first || p.column >= first + span) return false;
        if (rq_.stream->items[p.item].kind != FlowKind::block) return false;
        if (!(y < p.bottom - kEpsilon && y + height > p.top + kEpsilon)) return false;
        const double below = grid_.cell_top_from(y + height);
        return below + (p.bottom - p.top) > columns[static_cast<std::size_t>(p.column)].hang() + kEpsilon;
    };
    auto free_at = [&](double y) {
        for (const FloatRect& r : rects)
            if (shares_columns(r, first, span) && y < r.bottom - kEpsilon && y + height > r.top + kEpsilon)
                return std::optional<double>(r.bottom);
        if (rq_.must_progress && !placed.empty() && stranded(placed.front(), y))
            return std::optional<double>(placed.front().bottom);
        return std::optional<double>();
    };
    // Where the anchor fell (raised), moved down past other floats.
    const bool to_top = raise == kRaiseToTop || raise == kAloneAtTop;
    const double at = to_top ? tops : grid_.cell_top_from(hit.y) - std::max(raise, 0) * grid_.leading();
    if (raise > 0 && at < tops - kEpsilon) return std::nullopt;
    double y = std::max(tops, at);
    for (int guard = 0; guard < 64; ++guard) {
        auto blocked = free_at(y);
        if (!blocked) break;
        y = grid_.cell_top_from(*blocked);
    }
    // Sunk (raise < 0): as low as it fits, whether or not it fits there.
    if (raise >= 0 && y + height <= foot + kEpsilon && !free_at(y))
        return FloatRect{hit.float_index, first, span, y, y + height, narrow,
                         raise == kAloneAtTop && y <= tops + kEpsilon};
    if (raise == kAloneAtTop) return std::nullopt;  // alone at the top, or as lifted
    // Else as low as it fits, ending above the foot.
    y = grid_.boundary_at_or_above(foot - height);
    if (y + kEpsilon >= tops && !free_at(y)) return FloatRect{hit.float_index, first, span, y, y + height, narrow};
    if (force) return FloatRect{hit.float_index, first, span, tops, tops + height, narrow};
    return std::nullopt;
}

bool AreaFiller::hands_on(const AnchorHit& hit, const FillResult& fill, const FillRequest& fr) const {
    return rq_.may_carry && fill.carry == kNoItem && fr.hand_on == kNoItem && hit.item != rq_.carry &&
           !rq_.stream->items[hit.item].end_matter;
}

bool AreaFiller::opens_area(std::size_t item) const {
    if (rq_.carry != kNoItem) return false;
    for (std::size_t i = rq_.from; i < item; ++i)
        if (rq_.stream->items[i].kind != FlowKind::space) return false;
    return true;
}

FillRequest AreaFiller::request(const std::vector<ColumnSpace>& columns, FillMode mode) const {
    FillRequest fr;
    fr.stream = rq_.stream;
    fr.from = rq_.from;
    fr.columns = columns;
    fr.mode = mode;
    fr.grid = &grid_;
    fr.must_progress = rq_.must_progress;
    fr.min_leg = rq_.min_leg;
    fr.carry = rq_.carry;
    fr.may_carry = rq_.may_carry;
    fr.stop = rq_.stop;
    return fr;
}

AreaResult AreaFiller::attempt(const std::vector<ColumnSpace>& columns, FillMode mode) const {
    std::vector<int> raise(rq_.stream->floats.size(), 0);
    AreaResult first = attempt_raised(columns, mode, raise);
    // A pull quote with a runt leg of the story under it, or opening the
    // area, goes down onto the foot, the leg's lines above it, where that
    // mends it.
    for (std::size_t guard = 0; guard < raise.size(); ++guard) {
        const int sunk = misplaced_float(*rq_.stream, first, rq_.min_leg);
        if (sunk < 0 || raise[static_cast<std::size_t>(sunk)] != 0) break;
        raise[static_cast<std::size_t>(sunk)] = -1;
        AreaResult r = attempt_raised(columns, mode, raise);
        const bool placed = std::any_of(r.floats.begin(), r.floats.end(),
                                        [&](const FloatRect& rect) { return rect.float_index == sunk; });
        if (!placed || misplaced_float(*rq_.stream, r, rq_.min_leg) == sunk) {
            raise[static_cast<std::size_t>(sunk)] = 0;
            break;
        }
        first = std::move(r);
    }
    // A table, picture or box under a runt leg at the top of its columns
    // goes up to that top, the leg's lines under it, where that leaves no
    // runt leg or white under it, no more runt legs elsewhere, and the area
    // still holds what it held. Failing that, it stands there alone, its
    // columns holding nothing under it and the story set beside it (a
    // short story's table at the head of its first columns), on the same
    // terms. Not the parts of a table set in several: the story over the
    // first would be read after them all.
    for (std::size_t guard = 0; guard < raise.size(); ++guard) {
        const int lifted = float_under_runt(*rq_.stream, first, columns, grid_, rq_.min_leg);
        if (lifted < 0 || raise[static_cast<std::size_t>(lifted)] != 0 ||
            rq_.stream->floats[static_cast<std::size_t>(lifted)].follows_part ||
            rq_.stream->floats[static_cast<std::size_t>(lifted)].precedes_part)
            break;
        auto lift = [&](int how) -> std::optional<AreaResult> {
            raise[static_cast<std::size_t>(lifted)] = how;
            AreaResult r = attempt_raised(columns, mode, raise);
            const FloatRect* rect = float_rect(r, lifted);
            if (!rect || float_under_runt(*rq_.stream, r, columns, grid_, rq_.min_leg) == lifted ||
                (first.complete && !r.complete) || white_under(r, *rect, grid_.leading()) ||
                runt_under(*rq_.stream, r, *rect, rq_.min_leg) ||
                runt_legs(*rq_.stream, r, grid_.leading(), rq_.min_leg) >
                    runt_legs(*rq_.stream, first, grid_.leading(), rq_.min_leg))
                return std::nullopt;
            return r;
        };
        std::optional<AreaResult> r = lift(kRaiseToTop);
        // A pull quote stands amid the story's text, never alone.
        if (!r && !rq_.stream->floats[static_cast<std::size_t>(lifted)].amid_text) r = lift(kAloneAtTop);
        if (!r) {
            raise[static_cast<std::size_t>(lifted)] = 0;
            break;
        }
        first = std::move(*r);
    }
    int f = float_after_its_text(*rq_.stream, first.fill, first.floats);
    if (f < 0) return first;
    // Raised a grid line at a time until text follows it, as long as there
    // is a higher place in the area; the first place is taken that leaves
    // the float sound (float_sound). Where there is none, the float stays
    // after the text: balancing takes that as not fitting, and looks lower.
    for (int guard = 0; guard < 512; ++guard) {
        ++raise[static_cast<std::size_t>(f)];
        AreaResult r = attempt_raised(columns, mode, raise);
        auto rect = std::find_if(r.floats.begin(), r.floats.end(),
                                 [&](const FloatRect& fr) { return fr.float_index == f; });
        if (rect == r.floats.end()) break;
        const int next = float_after_its_text(*rq_.stream, r.fill, r.floats);
        if (next >= 0) {
            f = next;
            continue;
        }
        if (float_sound(*rq_.stream, r, *rect, columns, grid_.leading())) return r;
    }
    return first;
}

AreaResult AreaFiller::attempt_raised(const std::vector<ColumnSpace>& columns, FillMode mode,
                                      const std::vector<int>& raise) const {
    FillRequest fr = request(columns, mode);
    const std::size_t floats = rq_.stream->floats.size();
    // Floats that found no room across their span and are tried in their
    // one-column form instead.
    std::vector<char> narrowed(floats, 0);
    auto narrow_instead = [&](int float_index) {
        auto f = static_cast<std::size_t>(float_index);
        if (narrowed[f] || !rq_.stream->floats[f].narrow) return false;
        narrowed[f] = 1;
        return true;
    };
    FillResult fill;
    bool forced = false;
    for (std::size_t round = 0; round < 3 * floats + 3; ++round) {
        fill = fill_columns(fr);
        // A float placed here whose anchor moved on to the next area goes with it.
        bool dropped = false;
        for (std::size_t r = 0; r < fr.floats.size(); ++r) {
            const FloatRect& rect = fr.floats[r];
            bool anchored = std::any_of(fill.anchors.begin(), fill.anchors.end(),
                                        [&](const AnchorHit& a) { return a.float_index == rect.float_index; });
            if (anchored) continue;
            int index = rect.float_index;
            fr.floats.erase(fr.floats.begin() + static_cast<std::ptrdiff_t>(r));
            dropped = true;
            if (narrow_instead(index)) break;  // the narrow form may keep it here
            for (std::size_t i = rq_.from; i < rq_.stream->size(); ++i)
                if (rq_.stream->items[i].float_index == index) fr.stop = std::min(fr.stop, i);
            break;
        }
        if (dropped) continue;
        const AnchorHit* open = nullptr;
        for (const AnchorHit& a : fill.anchors) {
            bool has_rect = std::any_of(fr.floats.begin(), fr.floats.end(),
                                        [&](const FloatRect& r) { return r.float_index == a.float_index; });
            if (!has_rect) {
                open = &a;
                break;
            }
        }
        if (!open) break;
        const auto index = static_cast<std::size_t>(open->float_index);
        if (auto rect = place_float(columns, fr.floats, fill.placed, *open, narrowed[index], raise[index])) {
            fr.floats.push_back(*rect);
        } else if (narrow_instead(open->float_index)) {
            continue;
        } else if (open->item == rq_.carry && !rq_.must_progress) {
            // The float carried in finds no room even at the top of the
            // area: it goes on being carried, and nothing is placed here.
            fill = FillResult{};
            fill.next = rq_.from;
            fill.carry = rq_.carry;
            for (const ColumnSpace& c : columns) fill.column_bottoms.push_back(c.top);
            fr.floats.clear();
            break;
        } else if (rq_.must_progress && (opens_area(open->item) || open->item == rq_.carry)) {
            // A fresh page must take something: a float that opens the
            // area and finds no room even here would go on to the next
            // page for ever. It stands at the top of its columns, past the
            // foot where it is deeper than they are.
            fr.floats.push_back(
                *place_float(columns, fr.floats, fill.placed, *open, narrowed[index], kRaiseToTop, true));
            forced = true;
        } else if (hands_on(*open, fill, fr)) {
            fr.hand_on = open->item;  // no room: the float goes on, the text fills the area
        } else {
            fr.stop = open->item;  // no room: the float and what follows go on
        }
    }
    AreaResult out;
    out.complete = completes(fill);
    fill.forced = fill.forced || forced;
    out.fill = std::move(fill);
    out.floats = std::move(fr.floats);
    return out;
}

AreaResult AreaFiller::refill(const std::vector<ColumnSpace>& columns, const std::vector<FloatRect>& floats,
                              FillMode mode) const {
    FillRequest fr = request(columns, mode);
    fr.floats = floats;
    AreaResult out;
    out.fill = fill_columns(fr);
    out.complete = completes(out.fill);
    out.floats = floats;
    return out;
}

bool AreaFiller::has_deferrable() const {
    const Stream& s = *rq_.stream;
    if (rq_.carry != kNoItem) return true;
    for (std::size_t i = rq_.from; i < rq_.end(); ++i)
        if (s.items[i].deferrable) return true;
    return false;
}

double AreaFiller::even_share(const std::vector<ColumnSpace>& columns, bool text_only) const {
    const Stream& s = *rq_.stream;
    const std::size_t end = rq_.end();
    double content = s.remaining(rq_.from) - s.remaining(end);
    if (rq_.carry != kNoItem && !text_only) content += s.items[rq_.carry].height;
    for (std::size_t i = rq_.from; text_only && i < end; ++i) {
        const FlowItem& item = s.items[i];
        if (!item.deferrable) continue;
        std::size_t last = i;
        if (item.kind == FlowKind::box_start)
            while (last + 1 < end && s.items[last + 1].box == item.box) ++last;
        content -= s.remaining(i) - s.remaining(last + 1);
        i = last;
    }
    double lowest_top = std::numeric_limits<double>::infinity();
    double foot = -std::numeric_limits<double>::infinity();
    for (const ColumnSpace& c : columns) {
        lowest_top = std::min(lowest_top, c.top);
        foot = std::max(foot, c.bottom);
    }
    for (double b = grid_.cell_top_from(lowest_top); b < foot; b += grid_.leading()) {
        double capacity = 0;
        for (const ColumnSpace& c : columns) capacity += std::max(0.0, std::min(b, c.bottom) - c.top);
        if (capacity + kEpsilon >= content) return b;
    }
    return foot;
}

}  // namespace

namespace {

/// Column `c`'s items, top-down.
std::vector<Placed> column_items(const AreaResult& r, int c) {
    std::vector<Placed> items;
    for (const Placed& p : r.fill.placed)
        if (p.column == c) items.push_back(p);
    std::stable_sort(items.begin(), items.end(), [](const Placed& a, const Placed& b) { return a.top < b.top; });
    return items;
}

/// The first column of `r` that ends with a runt leg under a picture, box
/// or float standing at the column's top, so that only lines from the
/// column before can lengthen the leg; -1 if there is none.
int runt_under_top(const Stream& stream, const AreaResult& r, double leading, int min_leg) {
    for (std::size_t c = 1; c < r.fill.column_bottoms.size(); ++c) {
        const int col = static_cast<int>(c);
        std::vector<Placed> items = column_items(r, col);
        std::size_t leg = runt_leg(stream, items, r.floats, col, leading, min_leg);
        if (leg >= items.size()) continue;
        // Nothing but the picture (or float) above the leg.
        bool text_above = false;
        for (std::size_t q = 0; q < leg; ++q)
            if (stream.items[items[q].item].body_line()) text_above = true;
        if (!text_above) return col;
    }
    return -1;
}

/// How many lines of body text column `column` of `r` ends with, counted
/// up from its foot to the first thing that is not one.
int foot_leg(const Stream& stream, const AreaResult& r, int column) {
    const std::vector<Placed> items = column_items(r, column);
    int lines = 0;
    for (auto p = items.rbegin(); p != items.rend(); ++p) {
        const FlowItem& item = stream.items[p->item];
        if (item.kind == FlowKind::anchor) continue;
        if (!item.body_line()) break;
        ++lines;
    }
    return lines;
}

/// The first column of `r` after the first that starts with a runt leg
/// above a picture, box or float (runt_leg_on_top), so that lines from the
/// column before can lengthen it; -1 if there is none.
int runt_on_top(const Stream& stream, const AreaResult& r, double leading, int min_leg) {
    for (std::size_t c = 1; c < r.fill.column_bottoms.size(); ++c) {
        const int col = static_cast<int>(c);
        if (runt_leg_on_top(stream, column_items(r, col), r.floats, col, leading, min_leg)) return col;
    }
    return -1;
}

/// How many columns of `r` end or start with a runt leg.
int runt_legs(const Stream& stream, const AreaResult& r, double leading, int min_leg) {
    int n = 0;
    for (std::size_t c = 0; c < r.fill.column_bottoms.size(); ++c) {
        std::vector<Placed> items = column_items(r, static_cast<int>(c));
        if (runt_leg(stream, items, r.floats, static_cast<int>(c), leading, min_leg) < items.size() ||
            runt_leg_on_top(stream, items, r.floats, static_cast<int>(c), leading, min_leg))
            ++n;
    }
    return n;
}

}  // namespace

bool has_runt_leg(const Stream& stream, const AreaResult& r, double leading, int min_leg) {
    return runt_legs(stream, r, leading, min_leg) > 0;
}

namespace {

/// Which columns of `r` hold something: an item or a float.
std::vector<char> used_columns(const AreaResult& r) {
    std::vector<char> used(r.fill.column_bottoms.size(), 0);
    for (const Placed& p : r.fill.placed) used[static_cast<std::size_t>(p.column)] = 1;
    for (const FloatRect& f : r.floats)
        for (int j = f.first; j < f.first + f.span && j < static_cast<int>(used.size()); ++j)
            used[static_cast<std::size_t>(j)] = 1;
    return used;
}

/// How many columns of `r` hold nothing at all: no item and no float.
int empty_columns(const AreaResult& r) {
    const std::vector<char> used = used_columns(r);
    return static_cast<int>(std::count(used.begin(), used.end(), 0));
}

/// Whether a column of `r` with room for a line in `columns` holds nothing
/// while a later one holds something: a box kept whole deferred past an
/// empty column, the text after it further on still (a table under a
/// headline in the second column, the first left white).
bool hole_before_content(const AreaResult& r, const std::vector<ColumnSpace>& columns, double leading) {
    const std::vector<char> used = used_columns(r);
    bool hole = false;
    for (std::size_t c = 0; c < used.size() && c < columns.size(); ++c) {
        if (used[c] && hole) return true;
        if (!used[c] && columns[c].bottom - columns[c].top >= leading - kEpsilon) hole = true;
    }
    return false;
}

/// Where the columns of a fill end, for evening out: `sorted`, lowest
/// first; `in_order`, left to right. Columns that hold nothing are left out.
struct Feet {
    std::vector<double> sorted;
    std::vector<double> in_order;
    double spread() const { return sorted.empty() ? 0.0 : sorted.back() - sorted.front(); }
};

/// Where each column of `r` (the first `n`) that holds something ends:
/// its content or a float in it, whichever is lower.
Feet feet_of(const AreaResult& r, std::size_t n = std::numeric_limits<std::size_t>::max()) {
    const std::vector<char> used = used_columns(r);
    Feet feet;
    for (std::size_t c = 0; c < used.size() && c < n; ++c) {
        if (!used[c]) continue;
        double foot = r.fill.column_bottoms[c];
        for (const FloatRect& f : r.floats)
            if (static_cast<int>(c) >= f.first && static_cast<int>(c) < f.first + f.span)
                foot = std::max(foot, f.bottom);
        feet.in_order.push_back(foot);
    }
    feet.sorted = feet.in_order;
    std::sort(feet.sorted.begin(), feet.sorted.end());
    return feet;
}

/// Where the shortest of columns 0 to `last` of `r` that hold something ends
/// (feet_of); infinity if none does.
double shortest_up_to(const AreaResult& r, std::size_t last) {
    const Feet feet = feet_of(r, last + 1);
    return feet.sorted.empty() ? std::numeric_limits<double>::infinity() : feet.sorted.front();
}

/// Whether `a` ends lower than `b` at the first place they differ.
bool lower_first(const std::vector<double>& a, const std::vector<double>& b) {
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        if (a[i] > b[i] + kEpsilon) return true;
        if (a[i] < b[i] - kEpsilon) return false;
    }
    return false;
}

/// Whether columns ending at `a` are more even than at `b`: the shortest
/// column ends lower, or else the next shortest, and so on; between
/// columns as even, the one whose first columns are the longer (the
/// short leg last, as a newspaper sets it).
bool evener(const Feet& a, const Feet& b) {
    if (lower_first(a.sorted, b.sorted)) return true;
    if (lower_first(b.sorted, a.sorted)) return false;
    return lower_first(a.in_order, b.in_order);
}

/// How many fills evening out may try for one area.
constexpr int kEvenAttempts = 160;
/// How many times evening out may end one column higher.
constexpr int kEvenLowerings = 3;

/// The fill balancing chose, `chosen` (of `base`), when it is a greedy
/// fill (the `fair` one failed at every bottom that holds everything:
/// legs of 9, 9, 9 and 4 lines beside a correction box, the paragraphs'
/// widow and orphan rules leaving no split at the even share) whose
/// columns end more than a line apart: among the greedy fills of `base`
/// with some columns ending higher, a line at a time, the evenest
/// (evener()) that ends no lower and leaves no more runt legs, empty
/// columns or white under a float. Tries at most kEvenAttempts fills.
template <typename Sound>
AreaResult even_out(const AreaFiller& filler, const AreaRequest& request, const std::vector<ColumnSpace>& base,
                    AreaResult chosen, const Sound& sound);

/// fill_area's balancing: the lowest even bottom for the columns of
/// `full`, a greedy fill of the area that placed all it had to.
AreaResult balance(const AreaFiller& filler, const AreaRequest& request, AreaResult full);

}  // namespace

double AreaResult::foot() const {
    double foot = -std::numeric_limits<double>::infinity();
    for (double b : fill.column_bottoms) foot = std::max(foot, b);
    for (const FloatRect& r : floats) foot = std::max(foot, r.bottom);
    return foot;
}

AreaResult fill_area(const AreaRequest& request) {
    AreaFiller filler(request);
    AreaResult full = filler.attempt(request.columns, FillMode::greedy);
    // Every item placed but a float with no room, handed on: the text is
    // balanced all the same, and the area is not complete (the float goes
    // on to the next page).
    const std::size_t handed_on = full.fill.next >= request.end() && full.fill.carry != kNoItem &&
                                          full.fill.carry != request.carry &&
                                          request.stream->items[full.fill.carry].kind == FlowKind::anchor
                                      ? full.fill.carry
                                      : kNoItem;
    if (!request.balance || (!full.complete && handed_on == kNoItem)) return full;
    filler.complete_without(handed_on);
    AreaResult chosen = balance(filler, request, std::move(full));
    chosen.complete = chosen.complete && chosen.fill.carry == kNoItem;
    return chosen;
}

namespace {

AreaResult balance(const AreaFiller& filler, const AreaRequest& request, AreaResult full) {

    // The candidate bottoms: grid lines from the even share to the greedy foot.
    const double high = full.foot();
    auto grid_lines = [&](double low) {
        std::vector<double> lines;
        for (double b = request.grid->cell_top_from(low); b < high - kEpsilon; b += request.grid->leading())
            lines.push_back(b);
        lines.push_back(high);
        return lines;
    };
    std::vector<double> bottoms = grid_lines(std::min(filler.even_share(request.columns, false), high));

    bool hang = false;  // pictures and boxes at a column's top may hang below the bottom tried
    auto capped_at = [&](double bottom) { return capped(request.columns, bottom, hang); };
    // Balanced columns never leave one white ahead of the others' content
    // (the greedy foot, the last candidate, stands as it is).
    // Nor do they set a float from the middle of the text after its end.
    const double leading = request.grid->leading();
    auto sound = [&](const AreaResult& r, const std::vector<ColumnSpace>& cols) {
        return !hole_before_content(r, cols, leading) && float_after_its_text(*request.stream, r.fill, r.floats) < 0;
    };
    // A fill that holds everything at a bottom, and the mode that made it
    // (greedy when the fair fill failed there).
    struct Held {
        AreaResult result;
        FillMode mode;
    };
    auto try_bottom = [&](double bottom) -> std::optional<Held> {
        std::vector<ColumnSpace> cols = capped_at(bottom);
        const bool last = bottom >= high - kEpsilon;
        AreaResult fair = filler.attempt(cols, FillMode::fair);
        if (fair.complete && !fair.fill.forced && (last || sound(fair, cols)))
            return Held{std::move(fair), FillMode::fair};
        AreaResult greedy = filler.attempt(cols, FillMode::greedy);
        if (greedy.complete && (!greedy.fill.forced || last) && (last || sound(greedy, cols)))
            return Held{std::move(greedy), FillMode::greedy};
        return std::nullopt;
    };
    // Binary search for the smallest bottom that holds everything; the last
    // candidate (the greedy foot) always does.
    std::size_t lo = 0;
    std::size_t hi = bottoms.size() - 1;
    std::optional<Held> best = try_bottom(bottoms[hi]);
    if (!best) return full;
    while (lo < hi) {
        std::size_t mid = (lo + hi) / 2;
        if (auto r = try_bottom(bottoms[mid])) {
            best = std::move(r);
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    // A box or picture taller than the text beside it set that bottom: the
    // text legs may end higher, even, with the box hanging below them, as
    // long as the area ends no lower. The smallest such bottom.
    std::vector<double> lower;
    if (filler.has_deferrable())
        lower = grid_lines(std::min(filler.even_share(request.columns, true), bottoms[hi]));
    // The same grid lines as `bottoms`, and more above them.
    if (!lower.empty() && lower.size() >= bottoms.size()) {
        const std::size_t offset = lower.size() - bottoms.size();
        hang = true;
        std::optional<Held> found;
        std::size_t l = 0;
        std::size_t h = hi + offset;
        while (l < h) {
            std::size_t mid = (l + h) / 2;
            std::optional<Held> r = try_bottom(lower[mid]);
            if (r && r->result.foot() <= best->result.foot() + kEpsilon) {
                found = std::move(r);
                h = mid;
            } else {
                l = mid + 1;
            }
        }
        if (found) {
            best = std::move(found);
            bottoms = std::move(lower);
            hi = h;
        } else {
            hang = false;
        }
    }
    // A line or two lower may end the columns more evenly (a tall box or
    // figure can leave the others short): weigh the ragged foot against
    // the height given up.
    auto score = [&](const AreaResult& r) {
        double shortest = std::numeric_limits<double>::infinity();
        for (std::size_t c = 0; c < r.fill.column_bottoms.size(); ++c)
            shortest = std::min(shortest, std::max(r.fill.column_bottoms[c], request.columns[c].top));
        return (r.foot() - shortest) + 2 * (r.foot() - best->result.foot());
    };
    double best_score = score(best->result);
    AreaResult chosen = best->result;
    bool greedy = best->mode == FillMode::greedy;  // `chosen` is a greedy fill of `chosen_cols`
    std::vector<ColumnSpace> chosen_cols = capped_at(bottoms[hi]);
    for (std::size_t extra = 1; extra <= 2 && hi + extra < bottoms.size(); ++extra) {
        std::vector<ColumnSpace> cols = capped_at(bottoms[hi + extra]);
        for (FillMode mode : {FillMode::fair, FillMode::greedy}) {
            AreaResult r = filler.attempt(cols, mode);
            if (!r.complete || r.fill.forced || !sound(r, cols)) continue;
            double sc = score(r);
            if (sc < best_score - kEpsilon) {
                best_score = sc;
                chosen = std::move(r);
                greedy = mode == FillMode::greedy;
                chosen_cols = cols;
            }
        }
    }
    // A runt leg: lower, a grid line at a time, until no column has one,
    // as long as no more columns are left empty (every column holds
    // something: a picture or a box where the runt was; never an empty
    // column under the headline).
    const int empty = empty_columns(chosen);
    if (has_runt_leg(*request.stream, chosen, request.grid->leading(), request.min_leg)) {
        // Spreading fewer than min_leg lines over the other columns takes
        // fewer than min_leg grid lines of depth.
        bool done = false;
        const std::size_t last = std::min(bottoms.size(), hi + 1 + static_cast<std::size_t>(request.min_leg));
        auto mends = [&](const AreaResult& r, const std::vector<ColumnSpace>& cols) {
            return r.complete && !r.fill.forced &&
                   !has_runt_leg(*request.stream, r, request.grid->leading(), request.min_leg) &&
                   empty_columns(r) <= empty && sound(r, cols);
        };
        // A column that starts with a runt leg above a box or a float (the
        // story's last lines over its More stories box): the column before
        // ends higher, a line at a time, so that the leg gets its lines
        // there, at this bottom or any the lowering below would try.
        const int on_top = runt_on_top(*request.stream, chosen, request.grid->leading(), request.min_leg);
        const std::vector<double> chosen_bottoms = chosen.fill.column_bottoms;
        for (std::size_t b = hi; b < last && !done; ++b) {
            std::vector<ColumnSpace> cols = capped_at(bottoms[b]);
            // (At `hi` itself, `chosen` is that fill.)
            for (FillMode mode : {FillMode::fair, FillMode::greedy}) {
                if (b == hi) break;
                AreaResult r = filler.attempt(cols, mode);
                if (!mends(r, cols)) continue;
                chosen = std::move(r);
                done = true;
                break;
            }
            if (on_top <= 0 || done) continue;
            // The column before keeps a leg of min_leg lines at its foot, so
            // the mend never leaves it a runt of its own over white.
            const auto prev = static_cast<std::size_t>(on_top - 1);
            for (int d = 1; d <= request.min_leg && !done; ++d) {
                std::vector<ColumnSpace> shorter = cols;
                shorter[prev].bottom =
                    std::min(shorter[prev].bottom, chosen_bottoms[prev] - d * request.grid->leading());
                if (shorter[prev].bottom <= shorter[prev].top + kEpsilon) break;
                AreaResult r = filler.attempt(shorter, FillMode::greedy);
                if (!mends(r, shorter) || white_under_a_float(r, request.grid->leading()) ||
                    foot_leg(*request.stream, r, static_cast<int>(prev)) < request.min_leg)
                    continue;
                chosen = std::move(r);
                done = true;
            }
        }
        // No bottom gives that leg min_leg lines: the longest leg of at
        // least min_leg - kLegOverBoxShort lines that the column before
        // can give (a story's last two lines over its More stories box
        // become its whole last paragraph), if that leaves no other runt
        // leg. The area's own bottom is tried last: the leg and the box
        // under it may reach below the greedy foot.
        for (std::size_t b = hi; on_top > 0 && !done && b <= last; ++b) {
            const auto prev = static_cast<std::size_t>(on_top - 1);
            const int shortest = request.min_leg - kLegOverBoxShort;
            std::optional<AreaResult> longest;
            for (int d = 1; d <= request.min_leg && shortest > 1; ++d) {
                std::vector<ColumnSpace> shorter = b < last ? capped_at(bottoms[b]) : request.columns;
                shorter[prev].bottom =
                    std::min(shorter[prev].bottom, chosen_bottoms[prev] - d * request.grid->leading());
                if (shorter[prev].bottom <= shorter[prev].top + kEpsilon) break;
                AreaResult r = filler.attempt(shorter, FillMode::greedy);
                if (!r.complete || r.fill.forced || empty_columns(r) > empty || !sound(r, shorter) ||
                    white_under_a_float(r, leading) ||
                    foot_leg(*request.stream, r, static_cast<int>(prev)) < request.min_leg ||
                    runt_legs(*request.stream, r, leading, shortest) > 0 ||
                    runt_legs(*request.stream, r, leading, request.min_leg) > 1)
                    continue;
                longest = std::move(r);
            }
            if (longest) {
                chosen = std::move(*longest);
                done = true;
            }
        }
        // A picture at a column's top with a runt leg under it (balancing
        // counted the picture's height as if it could be shared): the
        // column before ends higher, a line at a time, so that its last
        // lines go under the picture, with the area as much lower as that
        // needs. The floats stay where they are; taken when it leaves
        // fewer runt legs than before.
        const int rc = done ? -1 : runt_under_top(*request.stream, chosen, request.grid->leading(), request.min_leg);
        const int runts = rc > 0 ? runt_legs(*request.stream, chosen, request.grid->leading(), request.min_leg) : 0;
        const auto prev = static_cast<std::size_t>(rc - 1);
        for (std::size_t b = hi; rc > 0 && b < last && !done; ++b) {
            for (int d = 1; d <= request.min_leg && !done; ++d) {
                std::vector<ColumnSpace> cols = capped_at(bottoms[b]);
                cols[prev].bottom = std::min(cols[prev].bottom,
                                             chosen.fill.column_bottoms[prev] - d * request.grid->leading());
                if (cols[prev].bottom <= cols[prev].top + kEpsilon) break;
                AreaResult r = filler.refill(cols, chosen.floats, FillMode::fair);
                if (!r.complete || r.fill.forced || empty_columns(r) > empty || !sound(r, cols) ||
                    white_under_a_float(r, request.grid->leading()) ||
                    runt_legs(*request.stream, r, request.grid->leading(), request.min_leg) >= runts)
                    continue;
                chosen = std::move(r);
                done = true;
            }
        }
        if (done) greedy = false;  // a mended fill stays as it is
    }
    if (!greedy) return chosen;
    return even_out(filler, request, chosen_cols, std::move(chosen), sound);
}

template <typename Sound>
AreaResult even_out(const AreaFiller& filler, const AreaRequest& request, const std::vector<ColumnSpace>& base,
                    AreaResult chosen, const Sound& sound) {
    const double leading = request.grid->leading();
    Feet best_feet = feet_of(chosen);
    if (best_feet.spread() <= leading + kEpsilon) return chosen;
    const double foot = chosen.foot();
    const int empty = empty_columns(chosen);
    const int runts = runt_legs(*request.stream, chosen, leading, request.min_leg);
    const bool white = white_under_a_float(chosen, leading);
    auto acceptable = [&](const AreaResult& r, const std::vector<ColumnSpace>& cols) {
        return r.complete && !r.fill.forced && r.fill.carry == chosen.fill.carry && r.foot() <= foot + kEpsilon &&
               empty_columns(r) <= empty && sound(r, cols) &&
               runt_legs(*request.stream, r, leading, request.min_leg) <= runts &&
               (white || !white_under_a_float(r, leading));
    };
    int budget = kEvenAttempts;
    const std::size_t k = base.size();
    // Column c ends higher, a line at a time, from where the fill `r` (of
    // `cols`) ended it; the columns after it then, in turn. The columns
    // before c end where they do in every fill below this one: once one
    // of them, or c itself, ends higher than the shortest column of the
    // evenest fill found, nothing below is evener. Nor is anything once
    // every column ends within a line of the foot.
    auto level = [&] { return best_feet.sorted.front() >= foot - leading - kEpsilon; };
    auto search = [&](auto& self, std::size_t c, const std::vector<ColumnSpace>& cols, const AreaResult& r) -> void {
        if (c + 1 >= k) return;
        self(self, c + 1, cols, r);
        std::vector<ColumnSpace> shorter = cols;
        double end = r.fill.column_bottoms[c];
        for (int d = 0; d < kEvenLowerings && budget > 0 && !level(); ++d) {
            shorter[c].bottom = end - leading;
            if (shorter[c].bottom <= shorter[c].top + kEpsilon ||
                shorter[c].bottom < best_feet.sorted.front() - kEpsilon)
                return;
            --budget;
            AreaResult next = filler.attempt(shorter, FillMode::greedy);
            if (!acceptable(next, shorter)) return;
            Feet feet = feet_of(next);
            if (evener(feet, best_feet)) {
                best_feet = std::move(feet);
                chosen = next;
            }
            if (shortest_up_to(next, c) < best_feet.sorted.front() - kEpsilon) return;
            self(self, c + 1, shorter, next);
            end = next.fill.column_bottoms[c];
        }
    };
    const AreaResult start = chosen;
    search(search, 0, base, start);
    return chosen;
}

}  // namespace

}  // namespace galley::typeset
