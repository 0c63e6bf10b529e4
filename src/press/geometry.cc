#include "press/geometry.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace galley::press {
namespace {

// How close to a trim edge counts as reaching it (pt).
constexpr double kEdgeTolerance = 0.5;
// Hairline for marks: 0.25 pt, what printers ask for.
constexpr double kMarkLine = 0.25;
// Room below the slug's baseline and beyond the marks.
constexpr double kSlugDrop = 8;
constexpr double kSlugRoom = 12;
constexpr double kMarkPad = 3;

std::string num(double v) {
    if (std::fabs(v) < 0.0005) v = 0;
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
    std::string s(buf, r.ptr);
    // Trim trailing zeros: "12.500" -> "12.5", "3.000" -> "3".
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

double mark_start(const PressPage& page, const MarkRequest& marks) {
    double max_bleed = std::max({page.bleed.left, page.bleed.right, page.bleed.top, page.bleed.bottom});
    return std::max(marks.offset, max_bleed);
}

// The art's bleed flag, once page.h has one; without it, the art bleeds
// where it reaches the trim edge.
template <class T>
constexpr bool kHasBleedFlag = requires(const T& t) { t.bleed; };

template <class T>
bool should_bleed(const T& item, bool reaches_edge) {
    if constexpr (kHasBleedFlag<T>) {
        return static_cast<bool>(item.bleed) && reaches_edge;
    } else {
        (void)item;
        return reaches_edge;
    }
}

struct Reach {
    bool left = false, right = false, top = false, bottom = false;
    bool any() const { return left || right || top || bottom; }
};

Reach reach(const page::Rect& r, double w, double h, const Sides& bleed) {
    Reach out;
    out.left = bleed.left > 0 && r.x <= kEdgeTolerance;
    out.top = bleed.top > 0 && r.y <= kEdgeTolerance;
    out.right = bleed.right > 0 && r.x + r.width >= w - kEdgeTolerance;
    out.bottom = bleed.bottom > 0 && r.y + r.height >= h - kEdgeTolerance;
    return out;
}

page::Rect extended(const page::Rect& r, const Reach& e, double w, double h, const Sides& bleed) {
    double x0 = r.x, y0 = r.y, x1 = r.x + r.width, y1 = r.y + r.height;
    if (e.left) x0 = std::min(x0, -bleed.left);
    if (e.top) y0 = std::min(y0, -bleed.top);
    if (e.right) x1 = std::max(x1, w + bleed.right);
    if (e.bottom) y1 = std::max(y1, h + bleed.bottom);
    return {x0, y0, x1 - x0, y1 - y0};
}

bool finite_rect(const page::Rect& r) {
    return std::isfinite(r.x) && std::isfinite(r.y) && std::isfinite(r.width) && std::isfinite(r.height);
}

page::Rect intersect(const page::Rect& a, const page::Rect& b) {
    double x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
    double x1 = std::min(a.x + a.width, b.x + b.width), y1 = std::min(a.y + a.height, b.y + b.height);
    return {x0, y0, std::max(0.0, x1 - x0), std::max(0.0, y1 - y0)};
}

void bleed_image(page::Image& image, double w, double h, const Sides& bleed) {
    if (!finite_rect(image.rect) || (image.clip && !finite_rect(*image.clip))) return;
    if (!(image.rect.width > 0 && image.rect.height > 0)) return;
    page::Rect visible = image.clip ? intersect(image.rect, *image.clip) : image.rect;
    Reach e = reach(visible, w, h, bleed);
    if (!should_bleed(image, e.any())) return;
    page::Rect want = extended(visible, e, w, h, bleed);
    page::Rect& r = image.rect;
    bool covered = r.x <= want.x + 1e-6 && r.y <= want.y + 1e-6 && r.x + r.width >= want.x + want.width - 1e-6 &&
                   r.y + r.height >= want.y + want.height - 1e-6;
    if (!covered) {
        // Grow the image (aspect kept) so it covers `want`, anchored at the
        // edges that do not bleed, so the part inside the trim moves least.
        double need_w = std::max(r.x + r.width, want.x + want.width) - std::min(r.x, want.x);
        double need_h = std::max(r.y + r.height, want.y + want.height) - std::min(r.y, want.y);
        double s = std::max(need_w / r.width, need_h / r.height);
        double nw = r.width * s, nh = r.height * s;
        double nx = (e.left && !e.right) ? r.x + r.width - nw : (e.right && !e.left) ? r.x : r.x - (nw - r.width) / 2;
        double ny = (e.top && !e.bottom) ? r.y + r.height - nh : (e.bottom && !e.top) ? r.y : r.y - (nh - r.height) / 2;
        // Anchoring may leave a gap on a side that does not bleed: shift in.
        if (nx > want.x) nx = want.x;
        if (nx + nw < want.x + want.width) nx = want.x + want.width - nw;
        if (ny > want.y) ny = want.y;
        if (ny + nh < want.y + want.height) ny = want.y + want.height - nh;
        r = {nx, ny, nw, nh};
    }
    image.clip = want;
}

void bleed_box(page::Box& box, double w, double h, const Sides& bleed) {
    if (!finite_rect(box.rect) || !box.fill) return;
    // A frame (a stroke of its own) is not bleed art: its edge would be cut off.
    if (box.stroke && box.stroke_width > 0 && !kHasBleedFlag<page::Box>) return;
    Reach e = reach(box.rect, w, h, bleed);
    if (!should_bleed(box, e.any())) return;
    box.rect = extended(box.rect, e, w, h, bleed);
}

void line(std::string& out, double x0, double y0, double x1, double y1) {
    out += num(x0) + " " + num(y0) + " m " + num(x1) + " " + num(y1) + " l S\n";
}

void registration_target(std::string& out, double cx, double cy, double length) {
    double r = std::min(length * 0.3, 2.0 * 72 / 25.4);
    double k = 0.5523 * r;
    out += num(cx + r) + " " + num(cy) + " m\n";
    out += num(cx + r) + " " + num(cy + k) + " " + num(cx + k) + " " + num(cy + r) + " " + num(cx) + " " + num(cy + r) + " c\n";
    out += num(cx - k) + " " + num(cy + r) + " " + num(cx - r) + " " + num(cy + k) + " " + num(cx - r) + " " + num(cy) + " c\n";
    out += num(cx - r) + " " + num(cy - k) + " " + num(cx - k) + " " + num(cy - r) + " " + num(cx) + " " + num(cy - r) + " c\n";
    out += num(cx + k) + " " + num(cy - r) + " " + num(cx + r) + " " + num(cy - k) + " " + num(cx + r) + " " + num(cy) + " c\n";
    out += "S\n";
    line(out, cx - length / 2, cy, cx + length / 2, cy);
    line(out, cx, cy - length / 2, cx, cy + length / 2);
}

}  // namespace

bool PdfBox::inside(const PdfBox& outer, double tolerance) const {
    return llx >= outer.llx - tolerance && lly >= outer.lly - tolerance && urx <= outer.urx + tolerance &&
           ury <= outer.ury + tolerance && llx <= urx && lly <= ury;
}

std::string PdfBox::text() const {
    char buf[128];
    std::snprintf(buf, sizeof buf, "[%.2f %.2f %.2f %.2f]", llx, lly, urx, ury);
    return buf;
}

MarkRequest mark_request(const layout::PressSettings& press) {
    MarkRequest m;
    m.crop = press.crop_marks;
    m.registration = press.registration_marks;
    m.slug = press.slug;
    m.offset = std::max(0.0, press.mark_offset.to_pt());
    m.length = press.mark_length.to_pt() > 0 ? press.mark_length.to_pt() : Length::mm(5).to_pt();
    return m;
}

Sides page_bleed(const layout::PageGeometry& g, int index) {
    Sides s;
    s.top = g.bleed_top.to_pt();
    s.bottom = g.bleed_bottom.to_pt();
    // The binding edge is on a left-hand page's right (index 0 is page 1).
    const bool left_hand = g.left_hand(index + 1);
    s.left = left_hand ? g.bleed_outer.to_pt() : g.bleed_inner.to_pt();
    s.right = left_hand ? g.bleed_inner.to_pt() : g.bleed_outer.to_pt();
    return s;
}

PressPage press_page(double width, double height, const Sides& bleed, const MarkRequest& marks) {
    PressPage p;
    p.bleed = bleed;
    p.trim_width = width;
    p.trim_height = height;
    Sides around = bleed;
    if (marks.crop || marks.registration || marks.slug) {
        double start = mark_start(p, marks);
        double need = std::max({bleed.left, bleed.right, bleed.top, bleed.bottom});
        if (marks.crop || marks.registration) need = std::max(need, start + marks.length + kMarkPad);
        if (marks.slug) need = std::max(need, start + kSlugRoom);
        around = {need, need, need, need};
    }
    p.trim_x = around.left;
    p.trim_y = around.top;
    p.media_width = width + around.left + around.right;
    p.media_height = height + around.top + around.bottom;
    p.media = {0, 0, p.media_width, p.media_height};
    p.trim_box = {p.trim_x, p.media_height - p.trim_y - height, p.trim_x + width, p.media_height - p.trim_y};
    p.bleed_box = {p.trim_box.llx - bleed.left, p.trim_box.lly - bleed.bottom, p.trim_box.urx + bleed.right,
                   p.trim_box.ury + bleed.top};
    return p;
}

page::Page extend_bleed(const page::Page& page, const Sides& bleed) {
    page::Page out = page;
    if (bleed.left <= 0 && bleed.right <= 0 && bleed.top <= 0 && bleed.bottom <= 0) return out;
    for (page::Item& item : out.items) {
        if (auto* image = std::get_if<page::Image>(&item)) bleed_image(*image, page.width, page.height, bleed);
        else if (auto* box = std::get_if<page::Box>(&item)) bleed_box(*box, page.width, page.height, bleed);
    }
    return out;
}

std::string mark_operators(const PressPage& page, const MarkRequest& marks) {
    if (!marks.crop && !marks.registration) return "";
    const PdfBox& t = page.trim_box;
    double start = mark_start(page, marks), len = marks.length;
    std::string out = "q\n" + num(kMarkLine) + " w 0 J 0 j [] 0 d\n1 1 1 1 K\n";
    if (marks.crop) {
        for (double y : {t.lly, t.ury}) {
            line(out, t.llx - start - len, y, t.llx - start, y);
            line(out, t.urx + start, y, t.urx + start + len, y);
        }
        for (double x : {t.llx, t.urx}) {
            line(out, x, t.lly - start - len, x, t.lly - start);
            line(out, x, t.ury + start, x, t.ury + start + len);
        }
    }
    if (marks.registration) {
        double cx = (t.llx + t.urx) / 2, cy = (t.lly + t.ury) / 2, d = start + len / 2;
        registration_target(out, cx, t.ury + d, len);
        registration_target(out, cx, t.lly - d, len);
        registration_target(out, t.llx - d, cy, len);
        registration_target(out, t.urx + d, cy, len);
    }
    out += "Q\n";
    return out;
}

SlugPlace slug_place(const PressPage& page, const MarkRequest& marks) {
    SlugPlace s;
    if (!marks.slug) return s;
    double start = mark_start(page, marks);
    s.x = page.trim_x + 8;
    s.y = page.trim_y + page.trim_height + start + kSlugDrop;
    double room = page.trim_width - 16;
    if (marks.registration) room = page.trim_width / 2 - marks.length / 2 - 16;
    s.max_width = std::max(room, 20.0);
    return s;
}

}  // namespace galley::press
