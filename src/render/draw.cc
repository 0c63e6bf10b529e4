#include "render/draw.h"

#include <cairo.h>

#include <cmath>
#include <string_view>
#include <variant>

#include "base/utf8.h"

namespace galley::render {
namespace {

bool finite(double v) { return std::isfinite(v); }
bool finite(const page::Point& p) { return finite(p.x) && finite(p.y); }
bool finite(const page::Rect& r) { return finite(r.x) && finite(r.y) && finite(r.width) && finite(r.height); }

void set_colour(cairo_t* cr, const page::Colour& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

// Length of the UTF-8 sequence starting at s[i] that is well formed, or 0.
std::size_t utf8_sequence(const std::string& s, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    std::size_t n = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    if (n == 3 && ((c == 0xE0 && byte(i + 1) < 0xA0) || (c == 0xED && byte(i + 1) > 0x9F))) return 0;
    if (n == 4 && ((c == 0xF0 && byte(i + 1) < 0x90) || (c == 0xF4 && byte(i + 1) > 0x8F))) return 0;
    return n;
}

// What cairo_show_text_glyphs demands (anything else puts the context in an
// error state): clusters covering all the text and all the glyphs, none
// empty, each on whole UTF-8 characters. A run may hold no text at all:
// the glyphs a fallback face draws for a cluster whose text went with the
// run of its first glyphs (a letter, and marks its face lacks) come in
// clusters of no bytes, and cairo writes them with an empty ActualText, so
// they extract as nothing rather than twice.
bool clusters_valid(const page::GlyphRun& run) {
    if (run.clusters.empty()) return false;
    std::size_t bytes = 0, glyphs = 0;
    for (const page::Cluster& c : run.clusters) {
        if (c.bytes < 0 || c.glyphs < 0 || (c.bytes == 0 && c.glyphs == 0)) return false;
        std::size_t end = bytes + static_cast<std::size_t>(c.bytes);
        if (end > run.text.size()) return false;
        for (std::size_t i = bytes; i < end;) {
            std::size_t n = utf8_sequence(run.text, i);
            if (n == 0 || i + n > end) return false;
            i += n;
        }
        bytes = end;
        glyphs += static_cast<std::size_t>(c.glyphs);
    }
    return bytes == run.text.size() && glyphs == run.glyphs.size();
}

}  // namespace

DrawContext::DrawContext(const page::Document& document, const DrawOptions& options, Diagnostics& diags)
    : page_count_(document.pages.size()),
      options_(options),
      diags_(diags),
      images_(options.jpeg, options.png_passthrough),
      planner_(options.structure ? StructurePlanner(diags) : StructurePlanner::without_tags(diags)) {
    if (!options.structure) return;
    for (const page::Page& page : document.pages) {
        planner_.add_page(page);
        if (!planner_.plan().valid) break;
    }
    planner_.finish();
}

DrawContext::DrawContext(const DrawOptions& options, Diagnostics& diags)
    : options_(options),
      diags_(diags),
      images_(options.jpeg, options.png_passthrough),
      planner_(options.structure ? StructurePlanner(diags) : StructurePlanner::without_tags(diags)) {}

// Whether cairo takes the code point in text: it refuses, with an error that
// ends the whole document, the noncharacters (U+FDD0..U+FDEF and the last
// two of every plane), which XML allows.
bool cairo_accepts(char32_t c) { return !(c >= 0xFDD0 && c <= 0xFDEF) && (c & 0xFFFE) != 0xFFFE; }

// The run's text and clusters as cairo_show_text_glyphs takes them: a
// character cairo refuses (or a byte that is not UTF-8) becomes U+FFFD, and
// its cluster's byte count follows, so the glyphs keep their text.
void text_for_cairo(const page::GlyphRun& run, std::string& text, std::vector<cairo_text_cluster_t>& clusters) {
    text.reserve(run.text.size());
    clusters.reserve(run.clusters.size());
    std::size_t at = 0;
    for (const page::Cluster& c : run.clusters) {
        const std::size_t end = at + static_cast<std::size_t>(c.bytes);
        const std::size_t before = text.size();
        while (at < end) {
            utf8::Decoded d = utf8::decode(std::string_view(run.text).substr(0, end), at);
            if (d.length == 0) {
                utf8::append(text, U'\uFFFD');
                ++at;
            } else if (!cairo_accepts(d.code_point)) {
                utf8::append(text, U'\uFFFD');
                at += d.length;
            } else {
                text.append(run.text, at, d.length);
                at += d.length;
            }
        }
        clusters.push_back({static_cast<int>(text.size() - before), c.glyphs});
    }
}

// One exhaustive visit: a missing case is a compile error.
class ItemDrawer {
public:
    ItemDrawer(cairo_t* cr, int page, DrawContext& ctx) : cr_(cr), page_(page), ctx_(ctx) {}

    void operator()(const page::GlyphRun& run) {
        if (run.glyphs.empty()) return;
        if (!(run.size > 0) || !finite(run.size) || !finite(run.origin)) return bad_item("glyph run");
        const FontCache::Face* face = ctx_.fonts_.get(run.face, ctx_.diags_);
        if (!face) return;
        std::vector<cairo_glyph_t> glyphs;
        glyphs.reserve(run.glyphs.size());
        for (const page::Glyph& g : run.glyphs) {
            if (g.id >= static_cast<std::uint64_t>(face->glyph_count)) {
                if (ctx_.bad_glyph_faces_.insert(run.face).second)
                    ctx_.diags_.error("E-RENDER-GLYPH", {run.face.file, 0, 0},
                                      "glyph " + std::to_string(g.id) + " is not in the font (it has " +
                                          std::to_string(face->glyph_count) + "); runs using it are not drawn, first \"" +
                                          run.text + "\"");
                return;
            }
            glyphs.push_back({g.id, run.origin.x + g.x, run.origin.y + g.y});
        }
        bool span = open_leafless_span();
        cairo_set_font_face(cr_, face->cairo);
        cairo_set_font_size(cr_, run.size);
        set_colour(cr_, run.colour);
        if (clusters_valid(run)) {
            std::string text;
            std::vector<cairo_text_cluster_t> clusters;
            text_for_cairo(run, text, clusters);
            cairo_show_text_glyphs(cr_, text.data(), static_cast<int>(text.size()), glyphs.data(),
                                   static_cast<int>(glyphs.size()), clusters.data(), static_cast<int>(clusters.size()),
                                   cairo_text_cluster_flags_t(0));
        } else {
            if (!run.text.empty() || !run.clusters.empty())
                ctx_.diags_.warning("W-RENDER-CLUSTERS", {run.face.file, 0, 0},
                                    "the clusters of \"" + run.text +
                                        "\" do not cover its text and glyphs; drawn without text, so it will not "
                                        "extract or search");
            cairo_show_glyphs(cr_, glyphs.data(), static_cast<int>(glyphs.size()));
        }
        if (span) cairo_tag_end(cr_, "Span");
    }

    void operator()(const page::Rule& rule) {
        if (!finite(rule.from) || !finite(rule.to) || !finite(rule.width)) return bad_item("rule");
        if (!(rule.width > 0)) return;
        cairo_move_to(cr_, rule.from.x, rule.from.y);
        cairo_line_to(cr_, rule.to.x, rule.to.y);
        cairo_set_line_width(cr_, rule.width);
        cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
        set_colour(cr_, rule.colour);
        cairo_stroke(cr_);
    }

    void operator()(const page::Box& box) {
        if (!finite(box.rect) || !finite(box.stroke_width)) return bad_item("box");
        cairo_rectangle(cr_, box.rect.x, box.rect.y, box.rect.width, box.rect.height);
        if (box.fill) {
            set_colour(cr_, *box.fill);
            cairo_fill_preserve(cr_);
        }
        if (box.stroke && box.stroke_width > 0) {
            set_colour(cr_, *box.stroke);
            cairo_set_line_width(cr_, box.stroke_width);
            cairo_set_line_join(cr_, CAIRO_LINE_JOIN_MITER);
            cairo_stroke_preserve(cr_);
        }
        cairo_new_path(cr_);
    }

    void operator()(const page::Image& image) {
        if (!finite(image.rect) || (image.clip && !finite(*image.clip))) return bad_item("image");
        ctx_.images_.paint(cr_, image, ctx_.diags_);
    }

    void operator()(const page::Link& link) {
        if (!finite(link.rect) || !finite(link.target_y)) return bad_item("link");
        ctx_.links_.push_back({page_, link, innermost_element()});
    }

    void operator()(const page::TagBegin& tag) {
        if (!ctx_.planner_.plan().valid) return;
        DrawContext::OpenTag open{tag.kind, -1, {}};
        if (tag.kind == page::TagKind::artifact) ++ctx_.artifact_depth_;
        if (ctx_.artifact_depth_ == 0) {
            bool has_children = ctx_.planner_.plan().has_children.at(ctx_.next_planned_++);
            open.name = tag_name(tag.kind, tag.level);
            open.element = begin_element(open.name, has_children);
            StructureElement& e = ctx_.elements_.back();
            if (tag.kind == page::TagKind::figure) e.alt = tag.alt;
            if (tag.kind == page::TagKind::article) e.title = tag.title;
            e.lang = tag.lang;
        }
        ctx_.open_.push_back(std::move(open));
    }

    void operator()(const page::TagEnd& tag) {
        if (!ctx_.planner_.plan().valid) return;
        DrawContext::OpenTag open = std::move(ctx_.open_.back());
        ctx_.open_.pop_back();
        if (open.element >= 0) cairo_tag_end(cr_, open.name.c_str());
        if (tag.kind == page::TagKind::artifact) --ctx_.artifact_depth_;
    }

    int begin_element(const std::string& name, bool has_children) {
        cairo_tag_begin(cr_, name.c_str(), nullptr);
        ctx_.elements_.push_back({name, {}, {}, {}});
        ctx_.element_has_children_.push_back(has_children);
        return static_cast<int>(ctx_.elements_.size()) - 1;
    }

private:
    void bad_item(const char* what) {
        ctx_.diags_.error("E-RENDER-ITEM", {},
                          std::string("a ") + what + " on page " + std::to_string(page_ + 1) +
                              " has a size or position that is not a finite number; not drawn");
    }

    int innermost_element() const {
        for (auto it = ctx_.open_.rbegin(); it != ctx_.open_.rend(); ++it)
            if (it->element >= 0) return it->element;
        return -1;
    }

    // Text inside an element that also holds elements would belong to no
    // element in cairo 1.16 (only leaves get marked content): give it a Span.
    bool open_leafless_span() {
        if (ctx_.artifact_depth_ > 0) return false;
        int inner = innermost_element();
        if (inner < 0 || !ctx_.element_has_children_[static_cast<std::size_t>(inner)]) return false;
        cairo_tag_begin(cr_, "Span", nullptr);
        ctx_.elements_.push_back({"Span", {}, {}, {}});
        ctx_.element_has_children_.push_back(false);
        return true;
    }

    cairo_t* cr_;
    int page_;
    DrawContext& ctx_;
};

void draw_page(cairo_t* cr, const page::Page& page, int index, DrawContext& ctx) {
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    cairo_set_font_options(cr, options);
    cairo_font_options_destroy(options);

    ItemDrawer drawer(cr, index, ctx);
    const StructurePlan& plan = ctx.planner_.plan();
    bool document_wrapper = plan.valid && plan.add_document;
    if (document_wrapper && index == 0) {
        int element = drawer.begin_element("Document", !plan.has_children.empty());
        ctx.open_.push_back({page::TagKind::document, element, "Document"});
    }
    for (const page::Item& item : page.items) std::visit(drawer, item);
    if (document_wrapper && static_cast<std::size_t>(index) + 1 == ctx.page_count_) {
        cairo_tag_end(cr, "Document");
        ctx.open_.pop_back();
    }
}

}  // namespace galley::render
