#include "typeset/compose/furniture.h"

#include <algorithm>
#include <cstdio>

#include "layout/label_text.h"
#include "typeset/compose/decoration.h"
#include "typeset/compose/figure.h"
#include "typeset/compose/shorten.h"

namespace galley::typeset {

namespace {

using layout::ParagraphStyleId;

/// One line of `text` in `style`, aligned in [x, x + width], baseline at `baseline`.
void line_at(ComposeContext& ctx, std::vector<page::Item>& out, const std::string& text, ParagraphStyleId style,
             double x, double width, double baseline, layout::Alignment align) {
    if (text.empty()) return;
    SetParagraph p = ctx.set_text(text, style, width, align);
    double leading = ctx.style(style).leading.to_pt();
    for (const SetLine& line : p.lines) {
        append_line(out, line, x + line.left, baseline);
        baseline += leading;
    }
}

std::string date_line(const model::Issue& issue, const layout::Labels& labels) {
    std::string line = labels.volume_and_number(issue.volume, issue.number);
    std::string date = layout::long_date(issue.date, labels);
    if (!date.empty()) line += (line.empty() ? "" : "  \u00b7  ") + date;
    return line;
}

/// The publication's name as the nameplate, on one line in the band
/// [top, top + area): at the masthead style's size where it fits, else
/// smaller until it fits the live width and the band (a name wrapped to a
/// second line would run into the date line under it).
void nameplate(ComposeContext& ctx, const PageFrame& frame, double top, double area, std::vector<page::Item>& out) {
    const std::string& name = ctx.issue.publication;
    if (name.empty() || area <= 0) return;
    const layout::ParagraphStyle& st = ctx.style(ParagraphStyleId::masthead);
    const double size = st.size.to_pt();
    const double leading = st.leading.to_pt();
    if (size <= 0 || leading <= 0) return;
    double scale = 1.0;
    const double natural = ctx.setter.measure(name, ParagraphStyleId::masthead);
    if (natural > frame.width()) scale = frame.width() / natural;
    scale = std::min(scale, area / leading);
    ParagraphShape shape;
    shape.width = frame.width();
    shape.lang = ctx.issue.lang;
    shape.first_in_flow = true;
    SetParagraph p;
    // Kerning and rounding may still wrap a name measured to fit: a little
    // smaller each time.
    for (int attempt = 0; attempt < 4; ++attempt) {
        shape.size = size * scale;
        shape.leading = leading * scale;
        ++ctx.paragraphs;
        p = ctx.setter.set_text(name, ParagraphStyleId::masthead, shape, SourceLocation{}, ctx.diags);
        if (p.lines.size() <= 1) break;
        scale *= 0.97;
    }
    const double line_leading = leading * scale;
    double y = top + std::max(0.0, (area - line_leading * static_cast<double>(p.lines.size())) / 2);
    for (const SetLine& line : p.lines) {
        append_line(out, line, frame.left + line.left, y + baseline_in_slot(line_leading, size * scale));
        y += line_leading;
    }
}

void masthead(ComposeContext& ctx, const PageFrame& frame, std::vector<page::Item>& out) {
    const layout::Masthead& m = ctx.layout.furniture.masthead;
    const layout::ParagraphStyle& line_style = ctx.style(ParagraphStyleId::masthead_line);
    double top = frame.top;
    double bottom = top + m.height.to_pt();
    double rule = m.rule_width.to_pt();
    page::Colour black{0, 0, 0};

    // Bottom up: the rule, the date line, a hairline above it.
    double line_leading = line_style.leading.to_pt();
    double line_top = bottom - rule - 0.4 * line_leading - line_leading;
    if (rule > 0) out.emplace_back(rule_item(frame.left, frame.right, bottom - rule / 2, rule, black));
    line_at(ctx, out, date_line(ctx.issue, ctx.layout.labels), ParagraphStyleId::masthead_line, frame.left,
            frame.width(), line_top + baseline_in_slot(line_leading, line_style.size.to_pt()), line_style.align);
    double hairline = line_top - 0.3 * line_leading;
    out.emplace_back(rule_item(frame.left, frame.right, hairline, 0.5, black));

    // The nameplate: the logo when the issue has one, else the publication.
    double area = hairline - 0.3 * line_leading - top;
    const layout::ParagraphStyle& name_style = ctx.style(ParagraphStyleId::masthead);
    if (ctx.issue.logo && m.logo_height.to_pt() > 0 && ctx.issue.logo->width_px > 0 && ctx.issue.logo->height_px > 0) {
        const model::Image& logo = *ctx.issue.logo;
        double h = std::min(m.logo_height.to_pt(), area);
        double w = h * logo.width_px / logo.height_px;
        if (w > frame.width()) {
            h *= frame.width() / w;
            w = frame.width();
        }
        double x = frame.left;
        if (name_style.align == layout::Alignment::center || name_style.align == layout::Alignment::justify)
            x = frame.left + (frame.width() - w) / 2;
        else if (name_style.align == layout::Alignment::right)
            x = frame.right - w;
        page::Image img = page_image(ctx, logo);
        img.rect = {x, top + (area - h) / 2, w, h};
        out.emplace_back(img);
    } else {
        nameplate(ctx, frame, top, area, out);
    }
}

// A warning once per issue for each thing the running heads had to shorten.
void warn_once(ComposeContext& ctx, const std::string& message) {
    for (const Diagnostic& d : ctx.diags.all())
        if (d.code == "W-LAYOUT-RUNNING-HEAD" && d.message == message) return;
    ctx.diags.warning("W-LAYOUT-RUNNING-HEAD", {}, message);
}

void running_head(ComposeContext& ctx, const PageFrame& frame, int number, const std::string& section,
                  std::vector<page::Item>& out) {
    const layout::RunningHead& rh = ctx.layout.furniture.running_head;
    const layout::ParagraphStyle& st = ctx.style(ParagraphStyleId::running_head);
    double baseline = frame.top - rh.offset.to_pt();
    const bool left_hand = ctx.layout.page.left_hand(number);
    // Three parts on one line: the publication on the inner side, the date
    // in the middle, the section on the outer side, an em apart at least. A
    // side too long for its half beside the date is cut short with an
    // ellipsis; where the halves are too narrow for that (a small page),
    // the date is left out and the sides share the line.
    std::string left = left_hand ? section : ctx.issue.publication;
    std::string right = left_hand ? ctx.issue.publication : section;
    std::string date = layout::long_date(ctx.issue.date, ctx.layout.labels);
    const double width = frame.width(), gap = st.size.to_pt();
    const double slack = 0.5;  // kerning and rounding: what measures to fit may still wrap
    auto measure = [&](const std::string& t) { return t.empty() ? 0.0 : ctx.setter.measure(t, ParagraphStyleId::running_head); };
    const double wl = measure(left), wr = measure(right);
    const double wd = measure(date);
    double room_left = width - slack, room_right = width - slack;
    if (wd > 0) {
        const double side = (width - wd) / 2 - gap - slack;
        const bool sides_fit = (left.empty() || wl <= side) && (right.empty() || wr <= side);
        if (sides_fit || side >= 6 * gap) {
            room_left = room_right = side;
        } else {
            warn_once(ctx, "the running head is too wide for the page: the date is left out of it");
            date.clear();
        }
    }
    if (date.empty() && !left.empty() && !right.empty()) {
        // A short side leaves the rest of the line to the other.
        const double both = width - gap - 2 * slack, half = both / 2;
        if (wl <= half)
            room_right = both - wl;
        else if (wr <= half)
            room_left = both - wr;
        else
            room_left = room_right = half;
    }
    auto fit = [&](std::string& text, double room) {
        if (text.empty() || measure(text) <= room) return;
        std::string cut = shortened_to_fit(ctx.setter, text, ParagraphStyleId::running_head, std::max(0.0, room));
        warn_once(ctx, "the running head is too wide for the page: \"" + text + "\" is cut to \"" + cut + "\"");
        text = std::move(cut);
    };
    fit(left, room_left);
    fit(right, room_right);
    line_at(ctx, out, left, ParagraphStyleId::running_head, frame.left, width, baseline, layout::Alignment::left);
    line_at(ctx, out, date, ParagraphStyleId::running_head, frame.left, width, baseline, layout::Alignment::center);
    line_at(ctx, out, right, ParagraphStyleId::running_head, frame.left, width, baseline, layout::Alignment::right);
    double rule = rh.rule_width.to_pt();
    if (rule > 0) {
        double y = (baseline + 0.3 * st.size.to_pt() + frame.top) / 2;
        out.emplace_back(rule_item(frame.left, frame.right, y, rule, page::Colour{0, 0, 0}));
    }
}

void folio(ComposeContext& ctx, const PageFrame& frame, int number, std::vector<page::Item>& out) {
    const layout::Folio& f = ctx.layout.furniture.folio;
    double offset = f.offset.to_pt();
    const bool left_hand = ctx.layout.page.left_hand(number);
    layout::Alignment outer = left_hand ? layout::Alignment::left : layout::Alignment::right;
    std::string text = layout::local_number(number, ctx.layout.labels);
    switch (f.position) {
        case layout::FolioPosition::none:
            return;
        case layout::FolioPosition::bottom_outer:
            line_at(ctx, out, text, ParagraphStyleId::folio, frame.left, frame.width(), frame.bottom + offset, outer);
            return;
        case layout::FolioPosition::bottom_center:
            line_at(ctx, out, text, ParagraphStyleId::folio, frame.left, frame.width(), frame.bottom + offset,
                    layout::Alignment::center);
            return;
        case layout::FolioPosition::top_outer:
            line_at(ctx, out, text, ParagraphStyleId::folio, frame.left, frame.width(), frame.top - offset, outer);
            return;
        case layout::FolioPosition::top_center:
            line_at(ctx, out, text, ParagraphStyleId::folio, frame.left, frame.width(), frame.top - offset,
                    layout::Alignment::center);
            return;
    }
}

}  // namespace

double masthead_band(const ComposeContext& ctx) {
    const layout::Masthead& m = ctx.layout.furniture.masthead;
    if (m.height.to_pt() <= 0) return 0;
    return m.height.to_pt() + ctx.space(m.space_after);
}

std::vector<page::Item> page_furniture(ComposeContext& ctx, int number, const std::string& section) {
    PageFrame frame = page_frame(ctx.layout, number);
    std::vector<page::Item> items;
    bool has_masthead = number == 1 && ctx.layout.furniture.masthead.height.to_pt() > 0;
    if (has_masthead) masthead(ctx, frame, items);
    if (number > 1 && ctx.layout.furniture.running_head.enabled) running_head(ctx, frame, number, section, items);
    if (!has_masthead) folio(ctx, frame, number, items);
    std::vector<page::Item> out;
    append_artifact(out, std::move(items));
    return out;
}

}  // namespace galley::typeset
