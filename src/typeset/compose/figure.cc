#include "typeset/compose/figure.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "model/inline.h"
#include "typeset/compose/stack.h"

namespace galley::typeset {

namespace {

/// The most of a photograph's height cropped away to fit a height cap.
constexpr double kMaxCrop = 1.0 / 3.0;

std::string fixed(double v, int decimals) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    return std::string(buf, r.ptr);
}

void check_resolution(const ComposeContext& ctx, const model::Image& image, double printed_width,
                      const SourceLocation& where, std::vector<Diagnostic>& notes) {
    if (image.format == model::ImageFormat::svg || image.width_px == 0 || printed_width <= 0) return;
    double dpi = image.width_px / (printed_width / 72.0);
    int min_dpi = ctx.layout.figures.min_dpi;
    if (dpi + 0.5 >= min_dpi) return;
    notes.push_back(Diagnostic{Severity::warning, "W-IMAGE-LOW-RESOLUTION", where,
                               "image '" + image.path + "' (" + std::to_string(image.width_px) + " x " +
                                   std::to_string(image.height_px) + " px) prints " +
                                   fixed(printed_width * 25.4 / 72.0, 0) + " mm wide at " + fixed(dpi, 0) +
                                   " dpi, below the layout's " + std::to_string(min_dpi) + " dpi (figure.min-dpi)"});
}

/// Under this, in points, a printed picture is a hairline (0.7 mm).
constexpr double kLeastVisible = 2.0;

void check_visible(const model::Image& image, double printed_width, double printed_height,
                   const SourceLocation& where, std::vector<Diagnostic>& notes) {
    if (printed_width >= kLeastVisible && printed_height >= kLeastVisible) return;
    const std::string size = image.width_px > 0 ? " (" + std::to_string(image.width_px) + " x " +
                                                      std::to_string(image.height_px) + " px)"
                                                : "";
    notes.push_back(Diagnostic{Severity::warning, "W-IMAGE-TOO-THIN", where,
                               "image '" + image.path + "'" + size + " prints " +
                                   fixed(printed_width * 25.4 / 72.0, 2) + " x " +
                                   fixed(printed_height * 25.4 / 72.0, 2) +
                                   " mm: too thin to be seen; crop it, or give it a sensible shape"});
}

page::ImageFormat page_format(model::ImageFormat f) {
    switch (f) {
        case model::ImageFormat::jpeg:
            return page::ImageFormat::jpeg;
        case model::ImageFormat::png:
            return page::ImageFormat::png;
        case model::ImageFormat::gif:
            return page::ImageFormat::gif;
        case model::ImageFormat::svg:
            return page::ImageFormat::svg;
    }
    return page::ImageFormat::jpeg;
}

}  // namespace

int figure_span(const ComposeContext& ctx, const model::Image& image, int span, int article_columns) {
    const PageFrame& frame = ctx.frame;
    span = std::max(1, std::min(span, std::max(1, article_columns)));
    if (image.width_px == 0 || image.height_px == 0) return span;
    const int narrow_dpi = ctx.layout.figures.narrow_dpi;
    auto soft = [&](int s) {
        return image.format != model::ImageFormat::svg && narrow_dpi > 0 &&
               image.width_px * 72.0 / frame.span_width(s) < narrow_dpi;
    };
    auto shallow = [&](int s) {
        return frame.span_width(s) * image.height_px / image.width_px < kLeastPictureDepth * frame.column_width;
    };
    while (span > 1 && soft(span)) --span;
    while (span < article_columns && shallow(span) && !soft(span + 1)) ++span;
    return span;
}

bool lead_caption_in_text(ComposeContext& ctx, const model::Figure& figure, const std::string& lang,
                          const SourceLocation& where, bool all) {
    if (all) return !model::is_blank(figure.caption) || !model::is_blank(figure.credit);
    using layout::ParagraphStyleId;
    const double width = ctx.frame.column_width;
    const double deepest = 0.5 * ctx.frame.height();
    const layout::ParagraphStyle& caption = ctx.style(ParagraphStyleId::caption);
    const layout::ParagraphStyle& credit = ctx.style(ParagraphStyleId::credit);
    // Most captions are far too short for that: no glyph is wider than
    // 1.5 em, and a line breaks with at least half of it full.
    std::size_t chars = 0;
    for (const model::Inlines* text : {&figure.caption, &figure.credit})
        for (char c : model::plain_text(*text)) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    const double em = std::max(caption.size.to_pt(), credit.size.to_pt());
    const double leading = std::max(caption.leading.to_pt(), credit.leading.to_pt());
    if (width <= 0 || static_cast<double>(chars) * 1.5 * em < (deepest / leading) * (width / 2)) return false;

    const std::size_t reported = ctx.diags.all().size();
    double height = 0;
    for (auto [text, style] : {std::pair{&figure.caption, ParagraphStyleId::caption},
                               std::pair{&figure.credit, ParagraphStyleId::credit}}) {
        if (model::is_blank(*text)) continue;
        SetParagraph p = ctx.set(*text, style, width, lang, where, true);
        height += static_cast<double>(p.lines.size()) * std::max(ctx.lines(style).leading, p.min_leading);
    }
    ctx.diags.retract_after(reported);  // only a measure: reported where it is set
    return height > deepest;
}

page::Image page_image(const ComposeContext& ctx, const model::Image& image) {
    page::Image img;
    img.file = ctx.image_file(image.path);
    img.root = ctx.root.string();
    img.format = page_format(image.format);
    img.width_px = image.width_px;
    img.height_px = image.height_px;
    return img;
}

FigureLayout layout_figure(ComposeContext& ctx, const model::Figure& figure, double width, double max_image_height,
                           const std::string& lang, const SourceLocation& where, double fill_height) {
    const model::Image& image = figure.image;
    double wp = image.width_px > 0 ? image.width_px : 4.0;
    double hp = image.height_px > 0 ? image.height_px : 3.0;
    double full_h = width * hp / wp;
    bool photo = image.format == model::ImageFormat::jpeg;
    max_image_height = std::max(max_image_height, fill_height);

    page::Image img = page_image(ctx, image);
    double w = width;     // the image as drawn, before any crop
    double h = full_h;
    double shown = h;     // the height it shows
    // Taller than it is at this width: scaled up about its centre, its sides
    // cropped, as far as its pixels still print at figure.min-dpi.
    double sharp = image.width_px > 0 ? image.width_px * 72.0 / std::max(1, ctx.layout.figures.min_dpi) / width : 1.0;
    double tallest = full_h * std::min(1.0 / (1.0 - kMaxCrop), std::max(1.0, sharp));
    if (photo && fill_height > full_h && tallest > full_h + 0.5) {
        shown = std::min(fill_height, tallest);
        h = shown;
        w = width * shown / full_h;
        img.rect = {(width - w) / 2, 0, w, h};
        img.clip = page::Rect{0, 0, width, h};
    } else {
        double crop = photo && full_h > max_image_height ? std::min(kMaxCrop, 1.0 - max_image_height / full_h) : 0.0;
        double visible_h = full_h * (1.0 - crop);
        double scale = visible_h > max_image_height && max_image_height > 0 ? max_image_height / visible_h : 1.0;
        w = width * scale;
        h = full_h * scale;
        shown = h * (1.0 - crop);
        double x = (width - w) / 2;
        img.rect = {x, -h * crop / 2, w, h};
        if (crop > 0) img.clip = page::Rect{x, 0, w, shown};
    }
    FigureLayout out;
    check_resolution(ctx, image, w, where, out.notes);
    check_visible(image, std::min(w, width), shown, where, out.notes);

    Stack stack;
    page::TagBegin fig = tag(page::TagKind::figure);
    fig.alt = image.alt.value_or("");
    stack.begin(fig);
    stack.add(img);
    stack.end(page::TagKind::figure);
    stack.space(shown);

    bool caption = !model::is_blank(figure.caption);
    bool credit = !model::is_blank(figure.credit);
    if (caption || credit) {
        stack.space(ctx.space(ctx.layout.figures.caption_gap));
        stack.begin(tag(page::TagKind::caption));
        if (caption) {
            using layout::ParagraphStyleId;
            SetParagraph p = ctx.set(figure.caption, ParagraphStyleId::caption, width, lang, where, true);
            stack.begin(tag(page::TagKind::paragraph));
            stack.lines(p, ctx.lines(ParagraphStyleId::caption));
            stack.end(page::TagKind::paragraph);
            stack.space(ctx.space(ctx.style(ParagraphStyleId::caption).space_after));
        }
        if (credit) {
            using layout::ParagraphStyleId;
            SetParagraph p = ctx.set(figure.credit, ParagraphStyleId::credit, width, lang, where, true);
            stack.space(ctx.space(ctx.style(ParagraphStyleId::credit).space_before));
            stack.begin(tag(page::TagKind::paragraph));
            stack.lines(p, ctx.lines(ParagraphStyleId::credit));
            stack.end(page::TagKind::paragraph);
        }
        stack.end(page::TagKind::caption);
    }
    out.height = stack.y();
    out.fragment = stack.take();
    return out;
}

}  // namespace galley::typeset
