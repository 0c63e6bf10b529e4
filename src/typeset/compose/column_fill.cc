#include "typeset/compose/column_fill.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>
#include <variant>

namespace galley::typeset {

namespace {

constexpr std::size_t kNone = kNoItem;

/// A picture (a figure block) or a framed box: its first item (`start`) or
/// its last.
bool picture_or_box(const FlowItem& item, bool start) {
    if (item.kind == FlowKind::block) return item.deferrable;
    return item.kind == (start ? FlowKind::box_start : FlowKind::box_end);
}

/// Whether item `i` is a figure whose drawing holds whole tagged elements
/// only (its Figure, then its caption), so that it may be drawn on the next
/// page without breaking the tags' nesting.
bool own_figure(const Stream& s, std::size_t i) {
    const FlowItem& item = s.items[i];
    if (item.kind != FlowKind::block || !item.deferrable || item.box >= 0 || item.fragment < 0) return false;
    const std::vector<page::Item>& items = s.fragments[static_cast<std::size_t>(item.fragment)].items;
    const auto* open = items.empty() ? nullptr : std::get_if<page::TagBegin>(&items.front());
    if (!open || open->kind != page::TagKind::figure) return false;
    int depth = 0;
    for (const page::Item& it : items) {
        if (std::holds_alternative<page::TagBegin>(it)) ++depth;
        if (std::holds_alternative<page::TagEnd>(it) && --depth < 0) return false;
    }
    return depth == 0;
}

}  // namespace

bool breakable(const FlowItem& item) {
    switch (item.kind) {
        case FlowKind::line:
        case FlowKind::block:
        case FlowKind::box_start:
            return item.break_before;
        case FlowKind::space:
        case FlowKind::box_end:
        case FlowKind::anchor:
            return false;
    }
    return false;
}

namespace {

class Filler {
public:
    explicit Filler(const FillRequest& rq)
        : rq_(rq), s_(*rq.stream), grid_(*rq.grid), end_(std::min(rq.stream->size(), rq.stop)) {}

    FillResult run();

private:
    /// Where `item` goes in `column` from `cursor`: below any float it
    /// would meet, `above` (a table's repeated head row) kept clear of the
    /// float too.
    std::pair<double, double> slot(const FlowItem& item, int column, double cursor, double above = 0) const;
    double overlap(int column, double from, double to) const;
    double fair_limit(int column, std::size_t i, double cursor, double pending_height) const;
    /// Room a framed box needs below an item if the column ends after it.
    double inset_below(const FlowItem& item) const {
        return item.box >= 0 ? s_.boxes[static_cast<std::size_t>(item.box)].inset_bottom : 0.0;
    }
    /// Room a framed box needs above its first item in a new column.
    double inset_above(const FlowItem& item) const {
        return item.box >= 0 ? s_.boxes[static_cast<std::size_t>(item.box)].inset_top : 0.0;
    }
    void take_back_from(std::size_t first_item, std::size_t placed_from);
    /// The first item of a runt leg ending column `c` (its items placed from
    /// `placed_from` on): fewer than min_leg lines of text after a picture,
    /// a box or a float, that may start the next column; kNone if none.
    std::size_t runt_leg(int c, std::size_t placed_from) const;
    /// A picture (item `i`) that would stand under a runt leg at the top of
    /// column `c` (its items placed from `placed_from` on, all lines of body
    /// text) goes to the column's top instead, the leg under it, if all of
    /// it still ends above `limit`. Returns where the column then ends.
    std::optional<double> lift_picture(int c, std::size_t i, std::size_t placed_from, double top, double limit);
    /// The box end of the deferrable box starting at `i`, if the box is
    /// kept whole (no break inside it); kNone otherwise.
    std::size_t deferrable_box_end(std::size_t i) const;
    /// Items [first, last] stacked in column `c` from `y` (spaces dropped
    /// before the first), or nothing when one would reach below `limit`.
    std::vector<Placed> stack_whole(std::size_t first, std::size_t last, int c, double y, double limit) const;

    /// Takes out an ornament that ends a column with more of the stream
    /// after it: the column break parts the items.
    void drop_ornaments_at_feet();

    /// Moves the figure carried in (placed first) after the lines that end
    /// the paragraph the area resumes, if it resumes one.
    void carried_after_paragraph();

    const FillRequest& rq_;
    const Stream& s_;
    const BaselineGrid& grid_;
    std::size_t end_;
    FillResult res_;
};

std::pair<double, double> Filler::slot(const FlowItem& item, int column, double cursor, double above) const {
    for (int guard = 0; guard < 64; ++guard) {
        double top = cursor;
        double height = item.height;
        if (item.kind == FlowKind::line && item.grid) {
            top = grid_.cell_top_from(cursor);
            double cells = std::max(1.0, std::ceil(height / grid_.leading() - 1e-6));
            height = cells * grid_.leading();
        }
        double bottom = top + height;
        bool moved = false;
        for (const FloatRect& r : rq_.floats) {
            if (column < r.first || column >= r.first + r.span) continue;
            bool hit = height > 0 ? (top - above < r.blocks_to() - kEpsilon && bottom > r.top + kEpsilon)
                                  : (top > r.top + kEpsilon && top < r.blocks_to() - kEpsilon);
            if (hit) {
                // Below the float; an item of a framed box (not its start)
                // that goes on there reopens the box with its inset, as at
                // a column's top.
                cursor = r.blocks_to() + (item.kind != FlowKind::box_start ? inset_above(item) : 0.0) + above;
                moved = true;
                break;
            }
        }
        if (!moved) return {top, bottom};
    }
    return {cursor, cursor + item.height};
}

double Filler::overlap(int column, double from, double to) const {
    double total = 0;
    for (const FloatRect& r : rq_.floats) {
        if (column < r.first || column >= r.first + r.span) continue;
        total += std::max(0.0, std::min(to, r.blocks_to()) - std::max(from, r.top));
    }
    return total;
}

double Filler::fair_limit(int column, std::size_t i, double cursor, double pending_height) const {
    const auto& cols = rq_.columns;
    double content = s_.remaining(i) - s_.remaining(end_) + pending_height;
    double bottom = cols[static_cast<std::size_t>(column)].bottom;
    double step = grid_.leading();
    for (double b = grid_.cell_top_from(cursor); b < bottom + kEpsilon; b += step) {
        double capacity = 0;
        for (std::size_t j = static_cast<std::size_t>(column); j < cols.size(); ++j) {
            double top = j == static_cast<std::size_t>(column) ? cursor : cols[j].top;
            double foot = std::min(b, cols[j].bottom);
            if (foot > top) capacity += foot - top - overlap(static_cast<int>(j), top, foot);
        }
        if (capacity + kEpsilon >= content) return b;
    }
    return bottom;
}

void Filler::carried_after_paragraph() {
    if (rq_.from >= s_.size() || s_.items[rq_.from].kind != FlowKind::line) return;
    const int group = s_.items[rq_.from].group;
    // The line before `from` (spaces and the figure aside) is of the same
    // paragraph: the area begins inside it.
    std::size_t p = rq_.from;
    bool inside = false;
    while (p-- > 0) {
        const FlowItem& before = s_.items[p];
        if (p == rq_.carry || before.kind == FlowKind::space) continue;
        inside = before.kind == FlowKind::line && before.group == group;
        break;
    }
    if (!inside) return;
    auto& placed = res_.placed;
    std::size_t last = 0;
    for (std::size_t q = 1; q < placed.size(); ++q) {
        const FlowItem& item = s_.items[placed[q].item];
        if (item.kind == FlowKind::line && item.group == group) last = q;
    }
    std::rotate(placed.begin(), placed.begin() + 1, placed.begin() + static_cast<std::ptrdiff_t>(last) + 1);
}

void Filler::drop_ornaments_at_feet() {
    auto& placed = res_.placed;
    std::vector<std::size_t> last_in(rq_.columns.size(), kNone);  // column -> index into placed
    for (std::size_t q = 0; q < placed.size(); ++q) {
        std::size_t& last = last_in[static_cast<std::size_t>(placed[q].column)];
        if (last == kNone || placed[q].item > placed[last].item) last = q;
    }
    std::vector<std::size_t> dropped;
    for (std::size_t q : last_in) {
        if (q == kNone || !s_.items[placed[q].item].ornament) continue;
        bool more = false;  // drawn after it, here or in a later area
        for (std::size_t j = placed[q].item + 1; j < s_.size() && !more; ++j)
            more = s_.items[j].kind != FlowKind::space;
        if (more) dropped.push_back(q);
    }
    std::sort(dropped.rbegin(), dropped.rend());
    for (std::size_t q : dropped) placed.erase(placed.begin() + static_cast<std::ptrdiff_t>(q));
}

void Filler::take_back_from(std::size_t first_item, std::size_t placed_from) {
    auto& placed = res_.placed;
    placed.erase(std::remove_if(placed.begin() + static_cast<std::ptrdiff_t>(placed_from), placed.end(),
                                [&](const Placed& p) { return p.item >= first_item; }),
                 placed.end());
    auto& anchors = res_.anchors;
    anchors.erase(
        std::remove_if(anchors.begin(), anchors.end(), [&](const AnchorHit& a) { return a.item >= first_item; }),
        anchors.end());
}

std::size_t Filler::runt_leg(int c, std::size_t placed_from) const {
    if (rq_.mode != FillMode::fair) return kNone;
    // This column's items, placed top-down from placed_from on.
    std::span<const Placed> items(res_.placed.data() + placed_from, res_.placed.size() - placed_from);
    std::size_t at = typeset::runt_leg(s_, items, rq_.floats, c, grid_.leading(), rq_.min_leg);
    if (at >= items.size() || !breakable(s_.items[items[at].item])) return kNone;
    return items[at].item;
}

std::optional<double> Filler::lift_picture(int c, std::size_t i, std::size_t placed_from, double top,
                                          double limit) {
    if (rq_.min_leg <= 1) return std::nullopt;
    const std::size_t n = res_.placed.size() - placed_from;
    if (n == 0 || n >= static_cast<std::size_t>(rq_.min_leg)) return std::nullopt;
    for (std::size_t q = placed_from; q < res_.placed.size(); ++q)
        if (!s_.items[res_.placed[q].item].body_line()) return std::nullopt;
    auto [pic_top, pic_bottom] = slot(s_.items[i], c, top);
    // The room the stream leaves between the picture and the text after it.
    double y = pic_bottom;
    for (std::size_t j = i + 1; j < end_ && s_.items[j].kind == FlowKind::space; ++j) y += s_.items[j].height;
    std::vector<Placed> moved{{i, c, pic_top, pic_bottom}};
    for (std::size_t q = placed_from; q < res_.placed.size(); ++q) {
        auto [t, b] = slot(s_.items[res_.placed[q].item], c, y);
        moved.push_back({res_.placed[q].item, c, t, b});
        y = b;
    }
    if (y > limit + kEpsilon) return std::nullopt;
    res_.placed.resize(placed_from);
    res_.placed.insert(res_.placed.end(), moved.begin(), moved.end());
    return y;
}

std::size_t Filler::deferrable_box_end(std::size_t i) const {
    const FlowItem& start = s_.items[i];
    if (start.kind != FlowKind::box_start || !start.deferrable) return kNone;
    for (std::size_t j = i + 1; j < end_; ++j) {
        const FlowItem& item = s_.items[j];
        if (item.box != start.box) return kNone;
        if (item.kind == FlowKind::box_end) return j;
        if (breakable(item)) return kNone;  // a box split across columns stays in place
    }
    return kNone;
}

std::vector<Placed> Filler::stack_whole(std::size_t first, std::size_t last, int c, double y, double limit) const {
    std::vector<Placed> out;
    for (std::size_t q = first; q <= last; ++q) {
        const FlowItem& item = s_.items[q];
        if (item.kind == FlowKind::space) {
            if (!out.empty()) y += item.height;
            continue;
        }
        auto [top, bottom] = slot(item, c, y);
        if (bottom > limit + kEpsilon) return {};
        out.push_back({q, c, top, bottom});
        y = bottom;
    }
    return out;
}

FillResult Filler::run() {
    const auto& cols = rq_.columns;
    const int k = static_cast<int>(cols.size());
    std::size_t i = rq_.from;
    // A figure, or a framed box kept whole (items pending..pending_last),
    // waiting for the next column's top.
    std::size_t pending = rq_.carry;
    std::size_t pending_last = rq_.carry;
    bool area_content = false;

    for (int c = 0; c < k && (i < end_ || pending != kNone); ++c) {
        const ColumnSpace& col = cols[static_cast<std::size_t>(c)];
        double cursor = col.top;
        bool col_content = false;
        bool starts_with_pending = false;
        std::size_t col_start = i;
        std::size_t placed_from = res_.placed.size();

        // A framed box split from the previous column reopens with its inset.
        std::size_t first_real = i;
        while (first_real < end_ && (s_.items[first_real].kind == FlowKind::space || s_.items[first_real].ornament))
            ++first_real;
        if (pending == kNone && first_real < end_ && s_.items[first_real].box >= 0 &&
            s_.items[first_real].kind != FlowKind::box_start)
            cursor += inset_above(s_.items[first_real]);
        // A table split from the previous column repeats its head row here.
        const RepeatedHead* head = first_real < end_ ? s_.head_above(first_real) : nullptr;
        const double head_room = head ? head->height : 0.0;
        if (pending == kNone) cursor += head_room;

        double pending_height = pending != kNone ? s_.remaining(pending) - s_.remaining(pending_last + 1) : 0.0;
        double limit = rq_.mode == FillMode::fair && c + 1 < k ? fair_limit(c, i, cursor, pending_height) : col.bottom;

        if (pending != kNone) {
            std::vector<Placed> waiting = stack_whole(pending, pending_last, c, cursor, col.hang());
            if (waiting.empty() && pending == rq_.carry && c == 0 && rq_.must_progress) {
                // A fresh page must take the figure carried in, even one
                // deeper than its column: it would be carried forever.
                waiting = stack_whole(pending, pending_last, c, cursor, std::numeric_limits<double>::infinity());
                res_.forced = true;
            }
            if (waiting.empty()) {
                // No room even at the top of a column: leave it, and what
                // followed it, for the next area (a figure carried in goes
                // on being carried, and nothing is placed here).
                if (pending == rq_.carry) {
                    take_back_from(rq_.from, 0);
                    i = rq_.from;
                    res_.carry = rq_.carry;
                } else {
                    take_back_from(pending + 1, 0);
                    i = pending;
                }
                pending = kNone;
                break;
            }
            res_.placed.insert(res_.placed.end(), waiting.begin(), waiting.end());
            // A float's anchor carried in: the float opens the column.
            for (const Placed& p : waiting)
                if (s_.items[p.item].kind == FlowKind::anchor)
                    res_.anchors.push_back({p.item, s_.items[p.item].float_index, c, p.top});
            cursor = waiting.back().bottom;
            // The room the figure keeps below it (its own space after it,
            // closed up in the column it left; what follows that space
            // belongs to the text, which had it there).
            if (pending_last + 1 < end_ && s_.items[pending_last + 1].kind == FlowKind::space)
                cursor += s_.items[pending_last + 1].height;
            // A framed box split from the previous column reopens under it.
            if (first_real < end_ && s_.items[first_real].box >= 0 &&
                s_.items[first_real].kind != FlowKind::box_start)
                cursor += inset_above(s_.items[first_real]);
            cursor += head_room;
            col_content = area_content = starts_with_pending = true;
            pending = kNone;
        }

        double cursor_before_space = cursor;  // where the last real item ended
        bool skip_spaces = false;             // the spaces around a deferred figure
        while (i < end_) {
            const FlowItem& item = s_.items[i];
            if (item.kind == FlowKind::space) {
                if (col_content && !skip_spaces) cursor += item.height;
                ++i;
                continue;
            }
            if (item.ornament && !col_content) {
                ++i;  // an ornament never opens a column
                continue;
            }
            skip_spaces = false;
            if (i == rq_.hand_on) {
                // A float with no room in this area: its anchor goes on to
                // the next one, and the text after it fills this one. Where
                // a figure is handed on already, the area ends here.
                if (res_.carry != kNone) {
                    end_ = i;
                    continue;
                }
                res_.carry = i++;
                cursor = cursor_before_space;
                skip_spaces = true;
                continue;
            }
            // A factbox kept whole at the column's top that passes the
            // column's bottom hangs below it, down to the hang line.
            if (!col_content && item.kind == FlowKind::box_start && col.hang() > col.bottom + kEpsilon) {
                const std::size_t box_end = deferrable_box_end(i);
                std::vector<Placed> whole =
                    box_end != kNone ? stack_whole(i, box_end, c, cursor, col.hang()) : std::vector<Placed>{};
                if (!whole.empty() && whole.back().bottom > col.bottom + kEpsilon) {
                    res_.placed.insert(res_.placed.end(), whole.begin(), whole.end());
                    cursor = cursor_before_space = whole.back().bottom;
                    col_content = area_content = true;
                    i = box_end + 1;
                    continue;
                }
            }
            auto [top, bottom] = slot(item, c, cursor, i == first_real ? head_room : 0.0);
            double reserve = item.kind != FlowKind::box_end ? inset_below(item) : 0.0;
            bool fits = bottom + reserve <= limit + kEpsilon;
            // An empty column takes what fits it, whatever the balancing
            // limit; a picture, down to the hang line.
            const double own_bottom = item.kind == FlowKind::block && item.deferrable ? col.hang() : col.bottom;
            if (!fits && !col_content && bottom + reserve <= own_bottom + kEpsilon) fits = true;
            // (Never under a float that closes its columns: the next column.)
            if (!fits && !area_content && rq_.must_progress && bottom + reserve > col.bottom + kEpsilon &&
                std::isfinite(bottom)) {
                fits = true;  // a fresh page must take something
                res_.forced = true;
            }
            if (fits && item.kind == FlowKind::block && item.deferrable && item.box < 0 && !starts_with_pending) {
                if (auto end = lift_picture(c, i, placed_from, col.top, limit)) {
                    cursor = cursor_before_space = *end;
                    col_content = area_content = true;
                    skip_spaces = true;  // its spaces went with it
                    ++i;
                    continue;
                }
            }
            if (fits) {
                res_.placed.push_back({i, c, top, bottom});
                if (item.kind == FlowKind::anchor) {
                    res_.anchors.push_back({i, item.float_index, c, top});
                    // A float that stands where its anchor fell (at the
                    // next grid line) comes before what follows the anchor
                    // in its column: a small line must not slip into the
                    // gap above it.
                    for (const FloatRect& r : rq_.floats)
                        if (r.float_index == item.float_index && c >= r.first && c < r.first + r.span &&
                            r.top >= top - kEpsilon && r.top <= top + grid_.leading() + kEpsilon)
                            bottom = std::max(bottom, r.bottom);
                }
                cursor = cursor_before_space = bottom;
                col_content = area_content = true;
                ++i;
                continue;
            }
            if (item.kind == FlowKind::block && item.deferrable && item.box < 0 && pending == kNone && c + 1 < k &&
                col_content) {
                // The figure waits for the next column; the text closes up
                // over the room its spaces took, so the column has no gap.
                pending = pending_last = i++;
                cursor = cursor_before_space;
                skip_spaces = true;
                continue;
            }
            // Another figure waiting for the next column already, where
            // this one would not fit under it either.
            auto crowded = [&] {
                if (pending == kNone || c + 1 >= k) return false;
                const ColumnSpace& next = cols[static_cast<std::size_t>(c + 1)];
                const double waiting = s_.remaining(pending) - s_.remaining(pending_last + 1);
                return waiting + item.height > next.hang() - next.top + kEpsilon;
            };
            if (rq_.may_carry && (c + 1 == k || crowded()) && col_content && res_.carry == kNone &&
                i != rq_.carry && own_figure(s_, i)) {
                // The last column, or the next one has no room for it: the
                // figure goes on to the next area, where it opens the
                // first column, and the text closes up.
                res_.carry = i++;
                cursor = cursor_before_space;
                skip_spaces = true;
                continue;
            }
            // End the column at the last legal break at or before item i.
            // A column that began inside a paragraph holds enough of it.
            // In the area's last column the break may be a jump to another
            // page: not after a hyphenated line, while there is a choice.
            bool avoid_hyphen = c + 1 == k;
            auto legal_at = [&](std::size_t j) {
                const FlowItem& at = s_.items[j];
                if (!breakable(at)) return false;
                if (avoid_hyphen && j > 0 && s_.items[j - 1].kind == FlowKind::line && s_.items[j - 1].hyphenated)
                    return false;
                if (j == col_start) return starts_with_pending;
                const FlowItem& first = s_.items[col_start];
                if (at.kind == FlowKind::line && first.kind == FlowKind::line && at.group == first.group &&
                    static_cast<int>(j - col_start) < at.together)
                    return false;
                return true;
            };
            std::size_t j = i;
            while (j > col_start && !legal_at(j)) --j;
            bool legal = legal_at(j);
            if (!legal && avoid_hyphen) {
                avoid_hyphen = false;
                for (j = i; j > col_start && !legal_at(j); --j) {
                }
                legal = legal_at(j);
            }
            if (!legal && limit < col.bottom - kEpsilon) {
                limit = col.bottom;  // balancing must not split what may not be split
                continue;
            }
            if (legal && pending == kNone && c + 1 < k) {
                // A factbox kept whole that would end the column here waits
                // for the next column's top instead, and the text after it
                // fills this one (as a figure does).
                std::size_t box_end = deferrable_box_end(j);
                if (box_end != kNone) {
                    take_back_from(j, placed_from);
                    double foot = -1;
                    for (std::size_t q = placed_from; q < res_.placed.size(); ++q)
                        if (res_.placed[q].column == c) foot = std::max(foot, res_.placed[q].bottom);
                    if (foot >= 0) {
                        pending = j;
                        pending_last = box_end;
                        i = box_end + 1;
                        cursor = cursor_before_space = foot;
                        skip_spaces = true;
                        continue;
                    }
                }
            }
            if (legal) {
                take_back_from(j, placed_from);
                if (pending != kNone && pending >= j) pending = kNone;
                i = j;
            } else if (col_content) {
                res_.forced = true;  // no legal break: end the column here anyway
            }
            break;
        }
        // A runt leg at the foot of a column that has a next one goes there.
        if (c + 1 < k && pending == kNone) {
            std::size_t runt = runt_leg(c, placed_from);
            if (runt != kNone) {
                take_back_from(runt, placed_from);
                i = runt;
            }
        }
    }
    if (pending != kNone) {
        take_back_from(pending + 1, 0);
        i = pending;
    }
    res_.next = i;
    drop_ornaments_at_feet();
    // A figure handed on, then taken back with the text before it, comes
    // in its place in the next area.
    if (res_.carry != kNone && res_.carry != rq_.carry && res_.carry >= i) res_.carry = kNone;
    std::stable_sort(res_.placed.begin(), res_.placed.end(),
                     [](const Placed& a, const Placed& b) { return a.item < b.item; });
    if (rq_.carry != kNone && !res_.placed.empty() && res_.placed.front().item == rq_.carry)
        carried_after_paragraph();
    res_.column_bottoms.assign(static_cast<std::size_t>(k), 0.0);
    for (int c = 0; c < k; ++c)
        res_.column_bottoms[static_cast<std::size_t>(c)] = cols[static_cast<std::size_t>(c)].top;
    for (const Placed& p : res_.placed) {
        double& b = res_.column_bottoms[static_cast<std::size_t>(p.column)];
        b = std::max(b, p.bottom);
    }
    return std::move(res_);
}

}  // namespace

bool runt_leg_on_top(const Stream& stream, std::span<const Placed> column_items,
                     const std::vector<FloatRect>& floats, int column, double leading, int min_leg) {
    if (min_leg <= 1) return false;
    std::size_t q = 0;
    int lines = 0;
    double foot = 0;
    for (; q < column_items.size(); ++q) {
        const FlowItem& item = stream.items[column_items[q].item];
        if (item.kind == FlowKind::anchor) continue;
        if (!item.body_line()) break;
        ++lines;
        foot = column_items[q].bottom;
    }
    if (lines == 0 || lines >= min_leg) return false;
    if (q < column_items.size() && picture_or_box(stream.items[column_items[q].item], true)) return true;
    for (const FloatRect& r : floats)
        if (column >= r.first && column < r.first + r.span && r.top >= foot - kEpsilon && r.top < foot + leading)
            return true;
    return false;
}

std::size_t runt_leg(const Stream& stream, std::span<const Placed> column_items,
                     const std::vector<FloatRect>& floats, int column, double leading, int min_leg) {
    const std::size_t none = column_items.size();
    if (min_leg <= 1) return none;
    std::size_t q = column_items.size();
    int lines = 0;
    while (q > 0) {
        const FlowItem& item = stream.items[column_items[q - 1].item];
        if (item.kind == FlowKind::anchor) {
            --q;
            continue;
        }
        if (!item.body_line()) break;
        ++lines;
        --q;
    }
    if (lines == 0 || lines >= min_leg) return none;
    while (q < column_items.size() && stream.items[column_items[q].item].kind == FlowKind::anchor) ++q;
    // What stands above the leg: a picture or a framed box, or a float.
    if (q > 0 && picture_or_box(stream.items[column_items[q - 1].item], false)) return q;
    const double top = column_items[q].top;
    for (const FloatRect& r : floats)
        if (column >= r.first && column < r.first + r.span && top >= r.bottom - kEpsilon &&
            top < r.bottom + leading)
            return q;
    return none;
}

FillResult fill_columns(const FillRequest& request) {
    Filler filler(request);
    return filler.run();
}

}  // namespace galley::typeset
