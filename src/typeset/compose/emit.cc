#include "typeset/compose/emit.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "typeset/compose/decoration.h"

namespace galley::typeset {

namespace {

struct Piece {
    double top = 0;
    double bottom = 0;
    bool has_start = false;
    bool has_end = false;
};

void append_fragment(std::vector<page::Item>& out, const Stream& s, const FlowItem& item, double x, double y) {
    if (item.fragment < 0) return;
    append_translated(out, s.fragments[static_cast<std::size_t>(item.fragment)].items, x, y);
}

void move_fragment(std::vector<page::Item>& out, Stream& s, const FlowItem& item, double x, double y) {
    if (item.fragment < 0) return;
    std::vector<page::Item>& items = s.fragments[static_cast<std::size_t>(item.fragment)].items;
    move_translated(out, items, x, y);
}

}  // namespace

std::vector<page::Item> emit_area(Stream& s, const AreaResult& area, const std::vector<ColumnSpace>& columns,
                                  const BaselineGrid& grid) {
    std::vector<page::Item> out;
    std::size_t count = 16;
    for (const Placed& p : area.fill.placed) {
        const FlowItem& item = s.items[p.item];
        if (item.fragment >= 0) count += s.fragments[static_cast<std::size_t>(item.fragment)].items.size();
        if (item.float_index >= 0) {
            const FloatBlock& f = s.floats[static_cast<std::size_t>(item.float_index)];
            count += std::max(f.content.items.size(), f.narrow ? f.narrow->content.items.size() : 0);
        }
    }
    out.reserve(count);
    // A table's head row again above the first of its rows in a column
    // it goes on in (placed items come in reading order).
    std::map<int, std::size_t> previous;          // column -> the item placed last in it so far
    std::map<std::pair<int, int>, double> heads;  // (column, box) -> the head row's depth above the piece
    std::vector<page::Item> repeated;             // drawn over the frames
    for (const Placed& p : area.fill.placed) {
        auto before = previous.find(p.column);
        const RepeatedHead* head = s.head_above(p.item);
        if (head && (before == previous.end() || before->second < head->head)) {
            const ColumnSpace& col = columns[static_cast<std::size_t>(p.column)];
            append_translated(repeated, head->content.items, col.x, p.top - head->height);
            const int box = s.items[p.item].box;
            if (box >= 0) heads[{p.column, box}] = head->height;
        }
        previous[p.column] = p.item;
    }
    // Frames and backgrounds, one per piece of a box in a column.
    std::map<std::pair<int, int>, Piece> pieces;  // (column, box)
    for (const Placed& p : area.fill.placed) {
        const FlowItem& item = s.items[p.item];
        if (item.box < 0) continue;
        auto [it, fresh] = pieces.try_emplace({p.column, item.box}, Piece{p.top, p.bottom, false, false});
        Piece& piece = it->second;
        if (!fresh) {
            piece.top = std::min(piece.top, p.top);
            piece.bottom = std::max(piece.bottom, p.bottom);
        }
        piece.has_start |= item.kind == FlowKind::box_start;
        piece.has_end |= item.kind == FlowKind::box_end;
    }
    for (const auto& [key, piece] : pieces) {
        const FrameBox& box = s.boxes[static_cast<std::size_t>(key.second)];
        const ColumnSpace& col = columns[static_cast<std::size_t>(key.first)];
        double top = piece.has_start ? piece.top : piece.top - box.inset_top;
        if (auto head = heads.find(key); !piece.has_start && head != heads.end()) top -= head->second;
        double bottom = piece.has_end ? piece.bottom : piece.bottom + box.inset_bottom;
        auto deco = box_decoration(box.style, page::Rect{col.x, top, col.width, bottom - top});
        out.insert(out.end(), deco.begin(), deco.end());
    }
    out.insert(out.end(), std::make_move_iterator(repeated.begin()), std::make_move_iterator(repeated.end()));
    for (const Placed& p : area.fill.placed) {
        const FlowItem& item = s.items[p.item];
        const ColumnSpace& col = columns[static_cast<std::size_t>(p.column)];
        switch (item.kind) {
            case FlowKind::line: {
                double baseline = item.grid ? p.bottom - grid.leading() + grid.ascent() : p.top + item.baseline;
                move_fragment(out, s, item, col.x, baseline);
                break;
            }
            case FlowKind::anchor: {
                move_fragment(out, s, item, col.x, p.top);
                for (const FloatRect& r : area.floats) {
                    if (r.float_index != item.float_index) continue;
                    FloatBlock& f = s.floats[static_cast<std::size_t>(r.float_index)];
                    Fragment& content = r.narrow && f.narrow ? f.narrow->content : f.content;
                    // The float's leftmost column (its last one when the
                    // columns run right to left).
                    double x = columns[static_cast<std::size_t>(r.first)].x;
                    for (int j = r.first; j < r.first + r.span && j < static_cast<int>(columns.size()); ++j)
                        x = std::min(x, columns[static_cast<std::size_t>(j)].x);
                    move_translated(out, content.items, x, r.top);
                }
                break;
            }
            case FlowKind::block:
            case FlowKind::space:
            case FlowKind::box_start:
            case FlowKind::box_end:
                move_fragment(out, s, item, col.x, p.top);
                break;
        }
    }
    return out;
}

std::vector<page::Item> gutter_rules(const AreaResult& area, const std::vector<ColumnSpace>& columns, double width,
                                     page::Colour colour) {
    std::vector<page::Item> rules;
    if (width <= 0 || columns.size() < 2) return rules;
    double foot = area.foot();
    for (std::size_t j = 0; j + 1 < columns.size(); ++j) {
        const ColumnSpace& a = columns[j];
        const ColumnSpace& b = columns[j + 1];
        const ColumnSpace& left = a.x < b.x ? a : b;
        const ColumnSpace& right = a.x < b.x ? b : a;
        double x = (left.x + left.width + right.x) / 2;
        double y = std::max(a.top, b.top);
        std::vector<std::pair<double, double>> gaps;  // floats across this gutter
        for (const FloatRect& r : area.floats)
            if (r.first <= static_cast<int>(j) && static_cast<int>(j) + 1 < r.first + r.span)
                gaps.emplace_back(r.top, r.bottom);
        std::sort(gaps.begin(), gaps.end());
        for (const auto& [top, bottom] : gaps) {
            if (top > y) rules.emplace_back(page::Rule{{x, y}, {x, top}, width, colour});
            y = std::max(y, bottom);
        }
        if (foot > y) rules.emplace_back(page::Rule{{x, y}, {x, foot}, width, colour});
    }
    std::vector<page::Item> out;
    append_artifact(out, std::move(rules));
    return out;
}

Fragment flatten_stream(const Stream& s, double width, double& height) {
    std::vector<page::Item> decorations;
    std::vector<page::Item> content;
    std::map<int, double> box_tops;
    double y = 0;
    bool started = false;
    for (const FlowItem& item : s.items) {
        switch (item.kind) {
            case FlowKind::space:
                if (started) y += item.height;
                break;
            case FlowKind::line:
                append_fragment(content, s, item, 0, y + item.baseline);
                y += item.height;
                break;
            case FlowKind::block:
                append_fragment(content, s, item, 0, y);
                y += item.height;
                break;
            case FlowKind::box_start:
                box_tops[item.box] = y;
                append_fragment(content, s, item, 0, y);
                y += item.height;
                break;
            case FlowKind::box_end: {
                append_fragment(content, s, item, 0, y);
                y += item.height;
                const FrameBox& box = s.boxes[static_cast<std::size_t>(item.box)];
                double top = box_tops[item.box];
                auto deco = box_decoration(box.style, page::Rect{0, top, width, y - top});
                decorations.insert(decorations.end(), deco.begin(), deco.end());
                break;
            }
            case FlowKind::anchor: {
                append_fragment(content, s, item, 0, y);
                const FloatBlock& f = s.floats[static_cast<std::size_t>(item.float_index)];
                append_translated(content, f.content.items, 0, y);
                y += f.height;
                break;
            }
        }
        started = started || item.kind != FlowKind::space;
    }
    height = y;
    decorations.insert(decorations.end(), std::make_move_iterator(content.begin()),
                       std::make_move_iterator(content.end()));
    return Fragment{std::move(decorations)};
}

}  // namespace galley::typeset
