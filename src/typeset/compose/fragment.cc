#include "typeset/compose/fragment.h"

#include <utility>
#include <variant>

namespace galley::typeset {

namespace {

struct Mover {
    double dx;
    double dy;
    void operator()(page::GlyphRun& r) const {
        r.origin.x += dx;
        r.origin.y += dy;
    }
    void operator()(page::Rule& r) const {
        r.from.x += dx;
        r.from.y += dy;
        r.to.x += dx;
        r.to.y += dy;
    }
    void operator()(page::Box& b) const {
        b.rect.x += dx;
        b.rect.y += dy;
    }
    void operator()(page::Image& i) const {
        i.rect.x += dx;
        i.rect.y += dy;
        if (i.clip) {
            i.clip->x += dx;
            i.clip->y += dy;
        }
    }
    void operator()(page::Link& l) const {
        l.rect.x += dx;
        l.rect.y += dy;
    }
    void operator()(page::TagBegin&) const {}
    void operator()(page::TagEnd&) const {}
};

}  // namespace

void append_translated(std::vector<page::Item>& out, const std::vector<page::Item>& items, double dx, double dy) {
    out.reserve(out.size() + items.size());
    for (const page::Item& item : items) {
        out.push_back(item);
        std::visit(Mover{dx, dy}, out.back());
    }
}

void move_translated(std::vector<page::Item>& out, std::vector<page::Item>& items, double dx, double dy) {
    out.reserve(out.size() + items.size());
    for (page::Item& item : items) {
        std::visit(Mover{dx, dy}, item);
        out.push_back(std::move(item));
    }
    items.clear();
}

void append_line(std::vector<page::Item>& out, const SetLine& line, double x, double baseline) {
    for (const page::GlyphRun& run : line.runs) {
        out.emplace_back(run);
        std::visit(Mover{x, baseline}, out.back());
    }
    for (const page::Rule& rule : line.rules) {
        out.emplace_back(rule);
        std::visit(Mover{x, baseline}, out.back());
    }
    for (const page::Link& link : line.links) {
        out.emplace_back(link);
        std::visit(Mover{x, baseline}, out.back());
    }
}

void append_line(std::vector<page::Item>& out, SetLine&& line, double x, double baseline) {
    out.reserve(out.size() + line.runs.size() + line.rules.size() + line.links.size());
    for (page::GlyphRun& run : line.runs) {
        run.origin.x += x;
        run.origin.y += baseline;
        out.emplace_back(std::move(run));
    }
    for (page::Rule& rule : line.rules) {
        out.emplace_back(rule);
        std::visit(Mover{x, baseline}, out.back());
    }
    for (page::Link& link : line.links) {
        out.emplace_back(std::move(link));
        std::visit(Mover{x, baseline}, out.back());
    }
    line.runs.clear();
}

void append_artifact(std::vector<page::Item>& out, std::vector<page::Item> items) {
    if (items.empty()) return;
    out.emplace_back(tag(page::TagKind::artifact));
    for (page::Item& item : items) out.push_back(std::move(item));
    out.emplace_back(tag_end(page::TagKind::artifact));
}

std::vector<page::Item> drawn_again(const std::vector<page::Item>& items) {
    std::vector<page::Item> drawn;
    for (const page::Item& it : items)
        if (!std::holds_alternative<page::TagBegin>(it) && !std::holds_alternative<page::TagEnd>(it) &&
            !std::holds_alternative<page::Link>(it))
            drawn.push_back(it);
    std::vector<page::Item> out;
    append_artifact(out, std::move(drawn));
    return out;
}

page::TagBegin tag(page::TagKind kind) {
    page::TagBegin t;
    t.kind = kind;
    return t;
}

page::TagBegin heading_tag(int level) {
    page::TagBegin t;
    t.kind = page::TagKind::heading;
    t.level = level;
    return t;
}

page::TagEnd tag_end(page::TagKind kind) { return page::TagEnd{kind}; }

page::Colour page_colour(const layout::Colour& c) { return {c.r / 255.0, c.g / 255.0, c.b / 255.0}; }

}  // namespace galley::typeset
