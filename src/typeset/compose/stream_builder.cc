#include "typeset/compose/stream_builder.h"

#include <algorithm>
#include <utility>

namespace galley::typeset {

double baseline_in_slot(double leading, double size) { return leading / 2 + 0.3 * size; }

int StreamBuilder::add_fragment(std::vector<page::Item> items) {
    Fragment f;
    f.items = std::move(pending_);
    pending_.clear();
    for (page::Item& item : items) f.items.push_back(std::move(item));
    out_.fragments.push_back(std::move(f));
    return static_cast<int>(out_.fragments.size()) - 1;
}

void StreamBuilder::push(FlowItem item) {
    item.box = box_;
    item.end_matter = end_matter_;
    if (item.kind != FlowKind::space && item.kind != FlowKind::anchor) {
        if (keep_) item.break_before = false;
        keep_ = false;
    }
    out_.items.push_back(item);
}

void StreamBuilder::space(double height) {
    if (height <= 0) return;
    FlowItem item;
    item.kind = FlowKind::space;
    item.height = height;
    item.break_before = false;
    push(item);
}

void StreamBuilder::paragraph(SetParagraph p, const LineSpec& spec, std::vector<page::Item> extra) {
    int n = static_cast<int>(p.lines.size());
    if (n == 0) {
        if (!pending_.empty() || !extra.empty()) block(Fragment{std::move(extra)}, 0);
        return;
    }
    double leading = spec.leading > 0 ? spec.leading : p.leading;
    // A script that needs taller lines than the grid's (Khmer) takes them
    // off the grid; the text after it returns to the grid.
    const bool tall = p.min_leading > leading + 1e-6;
    if (tall) leading = p.min_leading;
    for (int j = 0; j < n; ++j) {
        SetLine& line = p.lines[static_cast<std::size_t>(j)];
        std::vector<page::Item> items;
        if (j == 0) items = std::move(extra);
        append_line(items, std::move(line), spec.x + line.left, 0.0);
        FlowItem item;
        item.kind = FlowKind::line;
        item.grid = spec.grid && !tall;
        item.tall = spec.grid && tall;
        item.height = leading;
        item.baseline = baseline_in_slot(leading, spec.size);
        item.break_before = j == 0 || (j >= spec.orphans && n - j >= spec.widows && j >= spec.keep_first);
        item.group = group_;
        item.hyphenated = line.hyphenated;
        item.together = std::min(spec.orphans, spec.widows);
        item.fragment = add_fragment(std::move(items));
        push(item);
    }
    ++group_;
}

void StreamBuilder::block(Fragment f, double height, bool deferrable) {
    FlowItem item;
    item.kind = FlowKind::block;
    item.height = height;
    item.deferrable = deferrable;
    item.fragment = add_fragment(std::move(f.items));
    push(item);
}

void StreamBuilder::ornament(Fragment f, double height) {
    // Its own fragment, without the tags waiting for the next one: those
    // must not be dropped with it.
    out_.fragments.push_back(std::move(f));
    FlowItem item;
    item.kind = FlowKind::block;
    item.height = height;
    item.ornament = true;
    item.fragment = static_cast<int>(out_.fragments.size()) - 1;
    push(item);
}

void StreamBuilder::anchor(FloatBlock f) {
    out_.floats.push_back(std::move(f));
    FlowItem item;
    item.kind = FlowKind::anchor;
    item.break_before = false;
    item.float_index = static_cast<int>(out_.floats.size()) - 1;
    item.fragment = add_fragment({});
    push(item);
}

void StreamBuilder::open_box(const layout::Box& style, double inset_top, double inset_bottom, bool deferrable) {
    out_.boxes.push_back(FrameBox{style, inset_top, inset_bottom});
    box_ = static_cast<int>(out_.boxes.size()) - 1;
    FlowItem item;
    item.kind = FlowKind::box_start;
    item.height = inset_top;
    item.deferrable = deferrable;
    push(item);
    box_start_ = out_.items.size() - 1;
    keep_ = true;  // never a frame's top edge alone at a column foot
}

void StreamBuilder::close_box(double keep_whole) {
    if (box_ < 0) return;
    FlowItem item;
    item.kind = FlowKind::box_end;
    item.height = out_.boxes[static_cast<std::size_t>(box_)].inset_bottom;
    item.break_before = false;
    push(item);
    box_ = -1;
    keep_whole_since(box_start_, keep_whole);
}

void StreamBuilder::repeat_head(std::size_t head, const Fragment& content, double height) {
    if (out_.items.empty() || head + 1 >= out_.items.size()) return;  // no row after it
    // Drawn only: its tags, and its links, belong to the head where it stands.
    RepeatedHead h;
    h.head = head;
    h.last = out_.items.size() - 1;
    h.height = height;
    h.content.items = drawn_again(content.items);
    out_.heads.push_back(std::move(h));
}

void StreamBuilder::keep_whole_since(std::size_t mark, double limit) {
    double height = 0;
    for (std::size_t i = mark; i < out_.items.size(); ++i) height += out_.items[i].height;
    if (height > limit) return;
    for (std::size_t i = mark + 1; i < out_.items.size(); ++i) out_.items[i].break_before = false;
}

void StreamBuilder::begin(page::TagBegin t) { pending_.emplace_back(std::move(t)); }

void StreamBuilder::end(page::TagKind kind) {
    // The end goes with the last thing drawn, past the spaces after it: a
    // float's anchor after it may be handed on to the next page, and the
    // end must not go with it. With tags still waiting (nothing drawn since
    // they opened) or a float last, it goes with the next fragment, which
    // keeps reading order. Not with an ornament, which may be dropped.
    std::size_t last = out_.items.size();
    while (last > 0 && ((out_.items[last - 1].kind == FlowKind::space && out_.items[last - 1].fragment < 0) ||
                        out_.items[last - 1].ornament))
        --last;
    bool attach = pending_.empty() && last > 0 && out_.items[last - 1].kind != FlowKind::anchor &&
                  out_.items[last - 1].fragment >= 0;
    if (!attach) {
        pending_.emplace_back(tag_end(kind));
        return;
    }
    out_.fragments[static_cast<std::size_t>(out_.items[last - 1].fragment)].items.emplace_back(tag_end(kind));
}

void StreamBuilder::finish() {
    if (!pending_.empty()) {
        FlowItem item;
        item.kind = FlowKind::block;
        item.break_before = false;
        item.fragment = add_fragment({});
        push(item);
    }
    out_.finish();
}

}  // namespace galley::typeset
