#include "typeset/compose/paginate.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <optional>
#include <utility>

#include "layout/label_text.h"
#include "typeset/compose/decoration.h"
#include "typeset/compose/emit.h"
#include "typeset/compose/figure.h"
#include "typeset/compose/furniture.h"
#include "typeset/compose/house_ads.h"

namespace galley::typeset {

namespace {

using layout::ParagraphStyleId;

/// Between a column's text and a jump line below or above it, in grid lines.
constexpr double kJumpGap = 0.25;
/// Lines of body text a fresh page keeps under an article's head, above
/// its jump line, when the head text must be set smaller to leave them.
constexpr double kMinLinesUnderHead = 3;

std::size_t count_lines(const Stream& s, const FillResult& f) {
    return static_cast<std::size_t>(std::count_if(
        f.placed.begin(), f.placed.end(), [&](const Placed& p) { return s.items[p.item].kind == FlowKind::line; }));
}

/// Whether the body leaves a runt leg under the head: in a column the head
/// reaches lower in than in others (under a lead figure over some of the
/// columns), some but fewer than `min_leg` lines of body text.
bool runt_under_head(const Stream& s, const std::vector<ColumnSpace>& cols, const AreaResult& area, int min_leg) {
    if (min_leg <= 1 || cols.empty()) return false;
    double highest = cols.front().top;
    for (const ColumnSpace& c : cols) highest = std::min(highest, c.top);
    std::vector<int> lines(cols.size(), 0);
    for (const Placed& p : area.fill.placed) {
        const FlowItem& item = s.items[p.item];
        if (item.body_line()) ++lines[static_cast<std::size_t>(p.column)];
    }
    for (std::size_t j = 0; j < cols.size(); ++j)
        if (cols[j].top > highest + kEpsilon && lines[j] > 0 && lines[j] < min_leg) return true;
    return false;
}

/// Fewest lines of body text an article jumps to another page with.
constexpr std::size_t kMinJumpLines = 6;

/// Whether the article's head holds a lead picture (it has one, and it was
/// not moved into the text: PreparedArticle::lead_in_text).
bool lead_figure_in_head(const PreparedArticle& a) {
    return a.lead_in_text != LeadInText::figures && has_lead_figure(*a.article);
}

/// The lines of body text (outside boxes) from item `from` on.

std::size_t body_lines_from(const Stream& s, std::size_t from) {
    std::size_t n = 0;
    for (std::size_t i = from; i < s.size(); ++i)
        if (s.items[i].body_line()) ++n;
    return n;
}

/// Whether an article jumping at item `next` carries little on: fewer
/// than kMinJumpLines lines of text, and otherwise only its end matter
/// (rights, a correction, the More stories box), no table or picture.
bool carries_little(const Stream& s, std::size_t next) {
    if (next >= s.size() || body_lines_from(s, next) >= kMinJumpLines) return false;
    for (std::size_t i = next; i < s.size(); ++i) {
        const FlowItem& item = s.items[i];
        if (!item.body_line() && item.kind != FlowKind::space && !item.end_matter) return false;
    }
    return true;
}

/// Where an article that jumps at item `next` carrying little on should
/// end on this page instead, so that the jump carries its last
/// kMinJumpLines lines of text too: the last legal break at or before
/// them, when the page still keeps that many lines from `from` and what
/// moves besides the end matter is about that many lines deep (`leading`
/// a line), not a table or a picture with them. kNoItem when the jump
/// carries enough, or the page would keep too little or lose too much.
std::size_t short_jump_stop(const Stream& s, std::size_t from, std::size_t next, double leading) {
    if (!carries_little(s, next)) return kNoItem;
    std::size_t i = s.size();
    std::size_t n = 0;
    while (i > from && n < kMinJumpLines)
        if (s.items[--i].body_line()) ++n;
    while (i > from && !breakable(s.items[i])) --i;
    if (n < kMinJumpLines || i <= from || i >= next ||
        body_lines_from(s, from) - body_lines_from(s, i) < kMinJumpLines)
        return kNoItem;
    double moved = 0;  // the end matter aside
    for (std::size_t k = i; k < next; ++k)
        if (!s.items[k].end_matter) moved += s.items[k].height;
    if (moved > 1.5 * static_cast<double>(kMinJumpLines) * leading) return kNoItem;
    return i;
}

/// Makes room for a "Continued on page N" line `height` tall at the foot of
/// the last column that has room for it and a line of text (a lead figure
/// can fill the last columns down to the foot); the columns after that one
/// take no text, so the line ends the article's text on the page. Returns
/// the column's index.
std::size_t reserve_jump(std::vector<ColumnSpace>& cols, double height, double leading) {
    std::size_t j = cols.size() - 1;
    while (j > 0 && cols[j].bottom - cols[j].top < height + leading - kEpsilon) --j;
    for (std::size_t after = j + 1; after < cols.size(); ++after)
        cols[after].bottom = std::min(cols[after].bottom, cols[after].top);
    cols[j].bottom -= height;
    return j;
}

/// Widens the pictures among `items[from..]` that fill the live width to
/// the page's trim on both sides (figure.lead-bleed="sides"): scaled up
/// about their centre until they cover the wider slot, cropped to it, so
/// the height the composer gave them stays and nothing else moves. They
/// are marked as bleed art for the press PDF.
void bleed_to_sides(std::vector<page::Item>& items, std::size_t from, const PageFrame& frame) {
    constexpr double kSlack = 0.5;  // pt
    for (std::size_t i = from; i < items.size(); ++i) {
        auto* image = std::get_if<page::Image>(&items[i]);
        if (!image) continue;
        const page::Rect seen = image->clip ? *image->clip : image->rect;
        if (std::abs(seen.x - frame.left) > kSlack || std::abs(seen.x + seen.width - frame.right) > kSlack ||
            !(seen.width > 0 && seen.height > 0))
            continue;
        const double scale = frame.page_width / seen.width;
        const double cx = seen.x + seen.width / 2, cy = seen.y + seen.height / 2;
        page::Rect r = image->rect;
        image->rect = page::Rect{frame.page_width / 2 + (r.x - cx) * scale, cy + (r.y - cy) * scale, r.width * scale,
                                 r.height * scale};
        image->clip = page::Rect{0.0, seen.y, frame.page_width, seen.height};
        image->bleed = true;
    }
}

}  // namespace

Paginator::Paginator(ComposeContext& ctx) : ctx_(ctx), ad_prints_(ctx.issue.house_ads.size(), 0) { new_page(); }

void Paginator::new_page() {
    if (page_.number > 0) {
        grow_last();
        place_house_ads();
        PageDraft done{page_.number, page_.section, std::move(page_.chunks)};
        if (hand_over_) hand_over_(std::move(done));
        else done_.push_back(std::move(done));
    }
    page_ = blank_page(page_.number + 1);
}

Paginator::PageState Paginator::blank_page(int number) const {
    PageState p;
    p.number = number;
    p.frame = page_frame(ctx_.layout, number);
    p.content_top = p.frame.top + (number == 1 ? masthead_band(ctx_) : 0.0);
    p.tops.assign(static_cast<std::size_t>(p.frame.columns), p.content_top);
    return p;
}

bool Paginator::fits_on_next_page(PreparedArticle& a) {
    PageState here = std::exchange(page_, blank_page(page_.number + 1));
    const Run run = choose_run(a.span, std::numeric_limits<int>::max());
    bool whole = false;
    for (const FigureFit& fit : figure_fits(a, run)) {
        Opening o = open_at(a, run, fit);
        if (o.area.complete && !runt_under_head(a.body, o.cols, o.area, ctx_.layout.columns.min_leg)) {
            whole = true;
            break;
        }
    }
    page_ = std::move(here);
    return whole;
}

std::vector<PageDraft> Paginator::finish() {
    settle_last();
    place_house_ads();
    done_.push_back(PageDraft{page_.number, page_.section, std::move(page_.chunks)});
    page_ = PageState{};
    std::vector<PageDraft> rest = std::move(done_);
    done_.clear();
    return rest;
}

Paginator::Run Paginator::choose_run(int span, int others) const {
    const int n = page_.frame.columns;
    span = std::clamp(span, 1, n);
    Run best{0, span, std::numeric_limits<double>::infinity()};
    for (int c = 0; c + span <= n; ++c) {
        double top = *std::max_element(page_.tops.begin() + c, page_.tops.begin() + c + span);
        if (top < best.top - kEpsilon) best = Run{c, span, top};
    }
    // Free columns beside the run that nothing left could use would stay
    // empty: take them in.
    auto free_col = [&](int j) {
        return j >= 0 && j < n && page_.tops[static_cast<std::size_t>(j)] <= best.top + kEpsilon;
    };
    int left = 0;
    while (free_col(best.first - left - 1)) ++left;
    int right = 0;
    while (free_col(best.first + best.span + right)) ++right;
    if (left > 0 && left < std::max(others, 2)) {
        best.first -= left;
        best.span += left;
    }
    if (right > 0 && right < std::max(others, 2)) best.span += right;
    return best;
}

std::vector<const HeadPiece*> Paginator::head(PreparedArticle& a, int span, FigureFit fit) {
    auto text = head_texts_.find({a.article, span});
    if (text == head_texts_.end())
        text = head_texts_
                   .emplace(std::make_pair(a.article, span),
                            build_head_text(ctx_, *a.article, span,
                                            head_caps_.contains(a.article) ? head_caps_[a.article] : 0.0))
                   .first;
    auto key = std::make_tuple(a.article, span, fit);
    auto figures = head_figures_.find(key);
    if (figures == head_figures_.end())
        figures = head_figures_.emplace(key, build_head_figures(ctx_, *a.article, span, fit)).first;
    std::vector<const HeadPiece*> out;
    for (const HeadPiece& p : text->second.pieces) out.push_back(&p);
    for (const HeadPiece& p : figures->second.pieces) out.push_back(&p);
    return out;
}

void Paginator::forget_head(const model::Article* article) {
    for (auto it = head_texts_.lower_bound({article, std::numeric_limits<int>::lowest()});
         it != head_texts_.end() && it->first.first == article;)
        it = head_texts_.erase(it);
    const double low = std::numeric_limits<double>::lowest();
    for (auto it = head_figures_.lower_bound({article, std::numeric_limits<int>::lowest(),
                                               FigureFit{std::numeric_limits<int>::lowest(), low, low}});
         it != head_figures_.end() && std::get<0>(it->first) == article;)
        it = head_figures_.erase(it);
}

std::vector<ColumnSpace> Paginator::columns(int first, int span, double top, bool rtl) const {
    std::vector<ColumnSpace> cols;
    for (int j = 0; j < span; ++j)
        cols.push_back(ColumnSpace{page_.frame.column_x(rtl ? first + span - 1 - j : first + j),
                                   page_.frame.column_width, top, page_.frame.bottom});
    return cols;
}

AreaResult Paginator::fill(const PreparedArticle& a, std::size_t from, const std::vector<ColumnSpace>& cols,
                           bool balance, bool must_progress, std::size_t carry, bool may_carry, std::size_t stop) {
    AreaRequest rq;
    rq.stream = &a.body;
    rq.from = from;
    rq.columns = cols;
    rq.grid = &ctx_.grid;
    rq.balance = balance && ctx_.layout.columns.balance;
    rq.min_leg = ctx_.layout.columns.min_leg;
    rq.must_progress = must_progress;
    rq.carry = carry;
    rq.may_carry = may_carry;
    rq.stop = stop;
    return fill_area(rq);
}

void Paginator::lengthen_jump(const PreparedArticle& a, std::size_t from, std::size_t carry,
                              std::vector<ColumnSpace>& cols, std::size_t& jump_column, AreaResult& area,
                              bool must_progress) {
    const std::size_t stop = short_jump_stop(a.body, from, area.fill.next, ctx_.grid.leading());
    if (stop == kNoItem) return;
    AreaResult shorter = fill(a, from, cols, true, must_progress, carry, true, stop);
    if (shorter.fill.placed.empty() || shorter.fill.next <= from || shorter.fill.next > stop ||
        body_lines_from(a.body, shorter.fill.next) < kMinJumpLines)
        return;
    // The column the text ends in, and the lowest thing in it.
    std::size_t last = 0;
    for (const Placed& p : shorter.fill.placed)
        if (a.body.items[p.item].kind == FlowKind::line) last = std::max(last, static_cast<std::size_t>(p.column));
    double foot = shorter.fill.column_bottoms[last];
    for (const FloatRect& r : shorter.floats)
        if (static_cast<int>(last) >= r.first && static_cast<int>(last) < r.first + r.span) foot = std::max(foot, r.bottom);
    if (foot > cols[last].bottom + kEpsilon) return;
    cols[last].bottom = foot;
    jump_column = last;
    area = std::move(shorter);
}

Paginator::JumpLine Paginator::jump_line(const std::string& text, double width, layout::Alignment align) {
    // In the kicker style, never larger than body text.
    const layout::ParagraphStyle& st = ctx_.style(ParagraphStyleId::kicker);
    double body = ctx_.style(ParagraphStyleId::body).size.to_pt();
    double scale = std::min(1.0, body / st.size.to_pt());
    JumpLine j;
    j.size = st.size.to_pt() * scale;
    j.leading = st.leading.to_pt() * scale;
    ParagraphShape shape;
    shape.width = width;
    shape.lang = ctx_.issue.lang;
    shape.first_in_flow = true;
    shape.align = align;
    shape.size = j.size;
    shape.leading = j.leading;
    j.text = ctx_.setter.set_text(text, ParagraphStyleId::kicker, shape, SourceLocation{}, ctx_.diags);
    j.height = j.leading * static_cast<double>(std::max<std::size_t>(j.text.lines.size(), 1));
    return j;
}

double Paginator::jump_top(const PreparedArticle& a, const AreaResult& area, const std::vector<ColumnSpace>& cols,
                           std::size_t column) const {
    const ColumnSpace& col = cols[column];
    double foot = std::max(col.bottom, col.top);
    // Balanced text with only a float handed on: right under the text.
    if (area.fill.next >= a.body.size() && column < area.fill.column_bottoms.size())
        foot = std::max(area.fill.column_bottoms[column], col.top);
    return foot + kJumpGap * ctx_.grid.leading();
}

std::vector<page::Item> Paginator::draw_jump(const JumpLine& j, double x, double top) const {
    std::vector<page::Item> drawn;
    double baseline = top + baseline_in_slot(j.leading, j.size);
    for (const SetLine& line : j.text.lines) {
        append_line(drawn, line, x + line.left, baseline);
        baseline += j.leading;
    }
    std::vector<page::Item> out;
    append_artifact(out, std::move(drawn));
    return out;
}

Paginator::JumpLine Paginator::jump_to(int page, bool rtl) {
    // At the end of the column's last line as the article reads: its right,
    // or its left in an article read right to left.
    const layout::Labels& labels = ctx_.layout.labels;
    return jump_line(layout::with_page(labels.continued_on, page, labels), page_.frame.column_width,
                     rtl ? layout::Alignment::left : layout::Alignment::right);
}

void Paginator::append_area(Chunk& chunk, PreparedArticle& a, const AreaResult& area,
                            const std::vector<ColumnSpace>& cols) {
    const layout::ColumnGrid& grid = ctx_.layout.columns;
    std::vector<page::Item> rules = gutter_rules(area, cols, grid.rule_width.to_pt(), page_colour(grid.rule_colour));
    std::vector<page::Item> items = emit_area(a.body, area, cols, ctx_.grid);
    // A float set in its narrow form here reports what setting that form found.
    for (const FloatRect& r : area.floats)
        if (const FloatBlock& f = a.body.floats[static_cast<std::size_t>(r.float_index)]; r.narrow && f.narrow)
            for (const Diagnostic& d : f.narrow->notes) ctx_.diags.add(d);
    chunk.items.reserve(chunk.items.size() + rules.size() + items.size());
    for (page::Item& item : rules) chunk.items.push_back(std::move(item));
    for (page::Item& item : items) chunk.items.push_back(std::move(item));
}

void Paginator::begin_article(Chunk& chunk, const PreparedArticle& a, const Run& run) {
    chunk.article = a.article;
    page::TagBegin t = tag(page::TagKind::article);
    t.title = a.title;
    if (!a.article->lang.empty() && a.article->lang != ctx_.issue.lang) t.lang = a.article->lang;
    chunk.items.emplace_back(std::move(t));
    if (run.top > page_.content_top + kEpsilon) {
        double space = ctx_.space(ctx_.layout.flow.space_between);
        double x0 = page_.frame.column_x(run.first);
        double x1 = page_.frame.column_x(run.first + run.span - 1) + page_.frame.column_width;
        auto rule =
            horizontal_rule(x0, x1, run.top - space / 2, ctx_.layout.flow.rule_width.to_pt(), page::Colour{0, 0, 0});
        chunk.items.insert(chunk.items.end(), rule.begin(), rule.end());
    }
    starts_[a.article] = ArticleStart{page_.number - 1, run.top};
}

void Paginator::commit(Chunk chunk, const Run& run, double foot, bool opens, const std::string& section) {
    settle_last();
    if (page_.section.empty()) page_.section = section;
    double next = opens ? page_.frame.bottom : foot + ctx_.space(ctx_.layout.flow.space_between);
    for (int j = run.first; j < run.first + run.span; ++j) {
        double& top = page_.tops[static_cast<std::size_t>(j)];
        top = std::max(top, next);
    }
    page_.chunks.push_back(std::move(chunk));
}

Paginator::Opening Paginator::open_at(PreparedArticle& a, const Run& run, FigureFit fit) {
    Opening o;
    o.fit = fit;
    std::vector<const HeadPiece*> pieces = head(a, run.span, fit);
    // The head pieces, each below what is already in its columns.
    std::vector<double> tops(static_cast<std::size_t>(run.span), run.top);
    for (const HeadPiece* p : pieces) {
        int first = std::clamp(p->first, 0, run.span - 1);
        int last = std::min(first + p->span, run.span);
        double y = *std::max_element(tops.begin() + first, tops.begin() + last);
        o.pieces.emplace_back(p, y);
        std::fill(tops.begin() + first, tops.begin() + last, y + p->height);
    }
    o.head_foot = *std::max_element(tops.begin(), tops.end());
    double lowest_top = *std::min_element(tops.begin(), tops.end());
    double body = a.body.remaining(0);
    o.fits_head = fresh() || (o.head_foot <= page_.frame.bottom &&
                              lowest_top + (body > 0 ? 3 * ctx_.grid.leading() : 0.0) <= page_.frame.bottom);
    if (!o.fits_head) return o;
    o.cols = columns(run.first, run.span, run.top, a.rtl);
    for (std::size_t j = 0; j < o.cols.size(); ++j) o.cols[j].top = tops[j];
    // The head is what this page takes of the article: a body whose first
    // picture does not fit below it is handed on, not forced in.
    o.area = fill(a, 0, o.cols, true, false);
    return o;
}

void Paginator::place_opening(PreparedArticle& a, const Run& run, Opening& o, bool opens, const JumpLine& jump,
                              std::size_t jump_column) {
    const PageFrame& frame = page_.frame;
    const bool may_grow = !opens && lead_figure_in_head(a) && ctx_.layout.figures.lead_fill > 0;
    LastPlaced last{&a, run, o.fit, o.head_foot, page_.tops, page_.section, 0, 0, {}, {}, {}};
    Chunk chunk;
    begin_article(chunk, a, run);
    const bool full_width = run.first == 0 && run.span == frame.columns;
    for (const auto& [piece, y] : o.pieces) {
        const std::size_t from = chunk.items.size();
        // A piece's columns count in reading order: from the right in an
        // article read right to left.
        const int last_col = std::min(std::clamp(piece->first, 0, run.span - 1) + piece->span, run.span);
        const int column = a.rtl ? run.first + run.span - last_col : run.first + piece->first;
        append_translated(chunk.items, piece->fragment.items, frame.column_x(column), y);
        if (piece->lead_figure && full_width && piece->first == 0 && piece->span == run.span &&
            ctx_.layout.figures.lead_bleed == layout::LeadBleed::sides)
            bleed_to_sides(chunk.items, from, frame);
        for (const Diagnostic& d : piece->notes) {
            ctx_.diags.add(d);
            if (may_grow) last.notes.push_back(d);
        }
    }
    last.body_at = chunk.items.size();
    if (!may_grow) append_area(chunk, a, o.area, o.cols);
    const double jump_at = opens ? jump_top(a, o.area, o.cols, jump_column) : 0.0;
    if (opens) {
        // At the column's foot; under the head where a head deeper than
        // the page (placed whole, reported off the page) reaches past
        // that, rather than over its words.
        auto line = draw_jump(jump, o.cols[jump_column].x, jump_at);
        chunk.items.insert(chunk.items.end(), line.begin(), line.end());
        chunk.opens = true;
    } else {
        chunk.items.emplace_back(tag_end(page::TagKind::article));
    }
    // Text that all stands here, a float handed on, leaves the room under
    // its jump line to the articles after it.
    const bool text_done = opens && o.area.fill.next >= a.body.size();
    const double foot = text_done ? jump_at + jump.height : std::max(o.area.foot(), o.head_foot);
    commit(std::move(chunk), run, std::max(foot, o.head_foot), opens && !text_done,
           ctx_.issue.sections[static_cast<std::size_t>(a.section)].title);
    if (may_grow) {
        last.chunk = page_.chunks.size() - 1;
        last.area = std::move(o.area);
        last.cols = std::move(o.cols);
        last_ = std::move(last);
    } else {
        forget_head(a.article);
    }
}

void Paginator::settle_last() {
    if (!last_) return;
    LastPlaced last = std::move(*last_);
    last_.reset();
    Chunk body;
    append_area(body, *last.article, last.area, last.cols);
    std::vector<page::Item>& items = page_.chunks[last.chunk].items;
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(last.body_at), std::make_move_iterator(body.items.begin()),
                 std::make_move_iterator(body.items.end()));
    forget_head(last.article->article);
}

void Paginator::grow_last() {
    if (!last_) return;
    const PageFrame& frame = page_.frame;
    const double leading = ctx_.grid.leading();
    const double space = ctx_.space(ctx_.layout.flow.space_between);
    // The room below the article: its columns' lowest foot to the page's.
    double below = frame.bottom;
    for (int j = last_->run.first; j < last_->run.first + last_->run.span; ++j)
        below = std::min(below, frame.bottom - (page_.tops[static_cast<std::size_t>(j)] - space));
    // Only a hole worth filling: three lines at least.
    if (below < 3 * leading || last_->chunk + 1 != page_.chunks.size())
        return settle_last();

    // Back to the page as it was before the article (its text is still in
    // its stream: the body was not drawn).
    LastPlaced last = std::move(*last_);
    last_.reset();
    Chunk placed = std::move(page_.chunks.back());
    page_.chunks.pop_back();
    std::vector<double> tops_after = page_.tops;
    std::string section_after = page_.section;
    page_.tops = last.tops;
    page_.section = last.section;

    // The tallest photograph (in steps of a grid line) with which the whole
    // article still fits above the foot.
    PreparedArticle& a = *last.article;
    const double most = ctx_.layout.figures.lead_fill * frame.height();
    Opening best;
    for (double h = most; h > 0; h -= leading) {
        FigureFit fit = last.fit;
        fit.fill_share = h / frame.height();
        Opening o = open_at(a, last.run, fit);
        if (o.head_foot <= last.head_foot + kEpsilon) break;  // no taller than it was
        if (o.fits_head && o.area.complete && std::max(o.area.foot(), o.head_foot) <= frame.bottom + kEpsilon &&
            !runt_under_head(a.body, o.cols, o.area, ctx_.layout.columns.min_leg)) {
            best = std::move(o);
            break;
        }
    }
    if (best.fits_head) {
        for (const Diagnostic& d : last.notes) ctx_.diags.retract(d);
        place_opening(a, last.run, best, false, JumpLine{}, 0);
    } else {
        page_.chunks.push_back(std::move(placed));
        page_.tops = std::move(tops_after);
        page_.section = std::move(section_after);
        last_ = std::move(last);
    }
    settle_last();
}

void Paginator::place_house_ads() {
    const std::vector<model::Image>& ads = ctx_.issue.house_ads;
    if (ads.empty() || fresh()) return;
    // The holes as drawn: under each column's lowest ink, also below a short
    // column of an article whose other columns run deeper.
    std::vector<const std::vector<page::Item>*> drawn;
    for (const Chunk& c : page_.chunks) drawn.push_back(&c.items);
    const double space = ctx_.space(ctx_.layout.flow.space_between);
    std::vector<double> tops = free_tops(page_.frame, drawn, space);
    // Nothing above the page's content top: the masthead band on page one.
    for (double& t : tops) t = std::max(t, page_.content_top);
    std::vector<double> bottoms(tops.size(), page_.frame.bottom);
    const HouseAdRules rules{ctx_.layout.house_ads.min_hole, ctx_.layout.figures.min_dpi, space,
                             ctx_.grid.leading()};
    std::vector<bool> here(ads.size(), false);
    while (auto slot = next_house_ad(page_.frame, tops, bottoms, ads, ad_prints_, here, rules)) {
        const model::Image& ad = ads[slot->ad];
        here[slot->ad] = true;
        ++ad_prints_[slot->ad];
        Chunk chunk;
        page::TagBegin t = tag(page::TagKind::figure);
        t.alt = ad.alt.value_or("");
        chunk.items.emplace_back(std::move(t));
        page::Image img = page_image(ctx_, ad);
        img.rect = slot->rect;
        chunk.items.emplace_back(std::move(img));
        chunk.items.emplace_back(tag_end(page::TagKind::figure));
        page_.chunks.push_back(std::move(chunk));
        // Nothing more goes below the ad; the room above it is still a hole.
        for (int j = slot->first; j < slot->first + slot->span; ++j) {
            const auto c = static_cast<std::size_t>(j);
            page_.tops[c] = page_.frame.bottom;
            bottoms[c] = slot->rect.y - space;
        }
    }
}

std::vector<FigureFit> Paginator::figure_fits(const PreparedArticle& a, const Run& run) const {
    std::vector<FigureFit> fits{FigureFit{}};
    if (lead_figure_in_head(a)) {
        int narrow = run.span >= 2 ? std::max(1, (run.span * 3 + 2) / 5) : 0;
        if (narrow > 0) fits.push_back(FigureFit{narrow, 0.4});
        fits.push_back(FigureFit{narrow, 0.22});
    }
    for (FigureFit& f : fits) f.in_text = a.lead_in_text;
    return fits;
}

Paginator::Started Paginator::try_start(PreparedArticle& a, Jump policy, int others) {
    const PageFrame& frame = page_.frame;
    Run run = choose_run(a.span, others);
    if (run.top > frame.bottom - ctx_.grid.leading() && !fresh()) return {};

    // Smaller lead figures (over fewer columns, text beside them; then
    // lower) may make the article fit here, or leave its text more room.
    // The first fit that holds the whole article wins, unless it leaves a
    // runt leg under the picture and a smaller one does not; else the one
    // that gives the text six lines a column (and no runt leg), else the
    // one that sets most lines here.
    const int min_leg = ctx_.layout.columns.min_leg;
    auto best_opening = [&](const Run& at) {
        const std::vector<FigureFit> fits = figure_fits(a, at);
        Opening o;
        std::optional<Opening> whole;  // the first fit holding it all, with a runt leg
        std::size_t best_lines = 0;
        bool roomy = false;  // the chosen opening gives the text six lines a column
        for (std::size_t k = 0; k < fits.size(); ++k) {
            Opening n = open_at(a, at, fits[k]);
            if (!n.fits_head) continue;
            // A head deeper than the fresh page runs off it: a smaller lead
            // picture whose head fits is taken first, the smallest otherwise.
            if (n.head_foot > frame.bottom + kEpsilon && (k + 1 < fits.size() || o.fits_head || whole)) continue;
            const bool runt = runt_under_head(a.body, n.cols, n.area, min_leg);
            if (n.area.complete) {
                if (!runt) {
                    o = std::move(n);
                    whole.reset();
                    break;
                }
                if (!whole) whole = std::move(n);
                continue;
            }
            if (whole) continue;
            std::size_t lines = count_lines(a.body, n.area.fill);
            bool enough = lines >= static_cast<std::size_t>(6 * at.span) && !runt;
            if (!o.fits_head || (!roomy && (enough || lines > best_lines))) {
                roomy = enough;
                best_lines = lines;
                o = std::move(n);
            }
        }
        if (whole) o = std::move(*whole);
        return o;
    };
    Opening o = best_opening(run);
    // An article that would not fit in its run takes in the free columns
    // beside it when that makes it fit here whole, rather than jump (or
    // wait) and leave them to whatever comes: later articles go on later
    // pages either way.
    if (o.fits_head && !o.area.complete) {
        const Run wide = choose_run(a.span, std::numeric_limits<int>::max());
        if (wide.span > run.span && wide.top <= run.top + kEpsilon) {
            Opening w = best_opening(wide);
            if (w.fits_head && w.area.complete && w.head_foot <= frame.bottom + kEpsilon) {
                run = wide;
                o = std::move(w);
            }
        }
    }
    if (!o.fits_head) return {};
    // Even with its smallest lead pictures the head is deeper than a fresh
    // page: the captions placed whole under them would run past the foot.
    // The article is set again with every lead caption opening its text
    // (the pictures alone in the head, a later one in the text after the
    // first caption); if the pictures alone still run past it (a pocket
    // page under a masthead), with the lead figures whole in the text.
    if (fresh() && o.head_foot > frame.bottom + kEpsilon && lead_figure_in_head(a)) {
        const LeadInText next = a.lead_in_text == LeadInText::none && has_lead_caption(*a.article)
                                    ? LeadInText::captions
                                    : LeadInText::figures;
        a = prepare_article(ctx_, *a.article, a.section, next);
        return try_start(a, policy, others);
    }
    // On a fresh page the article must jump from, its head text leaves no
    // column room for three lines of text and the jump line (a pocket
    // page under the masthead): the head is set again within that room.
    if (fresh() && !o.area.complete && !head_caps_.contains(a.article)) {
        const double leading = ctx_.grid.leading();
        const double jump = jump_to(page_.number + 1, a.rtl).height + kJumpGap * leading;
        double deepest_room = 0;
        for (const ColumnSpace& c : o.cols) deepest_room = std::max(deepest_room, c.bottom - c.top);
        if (deepest_room < jump + kMinLinesUnderHead * leading - kEpsilon) {
            double text_depth = 0;
            for (const HeadPiece* p : head(a, run.span, FigureFit{}))
                if (!p->lead_figure) text_depth += p->height;
            const double cap = text_depth - (jump + kMinLinesUnderHead * leading - deepest_room);
            if (cap > 0) {
                head_caps_[a.article] = cap;
                forget_head(a.article);
                return try_start(a, policy, others);
            }
        }
    }
    AreaResult& area = o.area;
    std::vector<ColumnSpace>& cols = o.cols;
    const double head_foot = o.head_foot;
    const double body = a.body.remaining(0);
    bool opens = false;
    JumpLine jump;
    std::size_t jump_column = 0;
    if (!area.complete) {
        if (policy == Jump::never) return {};
        if (!fresh()) {
            std::size_t lines = count_lines(a.body, area.fill);
            double room = frame.bottom - frame.top;
            double free = frame.bottom - run.top;
            bool long_article = (head_foot - run.top) + body / run.span > 0.9 * room;
            bool ok = false;
            if (page_.number == 1)
                ok = lines >= static_cast<std::size_t>(3 * run.span);
            else if (long_article)
                ok = free >= 0.5 * room && lines >= static_cast<std::size_t>(4 * run.span);
            else
                ok = policy == Jump::any && free >= 0.3 * room && lines >= static_cast<std::size_t>(5 * run.span);
            if (!ok) return {};
        }
        jump = jump_to(page_.number + 1, a.rtl);
        jump_column = reserve_jump(cols, jump.height + kJumpGap * ctx_.grid.leading(), ctx_.grid.leading());
        area = fill(a, 0, cols, true, false, kNoItem, true);
        if (area.fill.next == 0 && !fresh()) return {};
        // A jump that would carry only a few lines on (with the end matter)
        // is refused at first, so that articles after this one may take the
        // room. When none does, the short jump is better than the hole,
        // unless the next page would hold nothing but those lines: then
        // the article starts there whole, as a desk would move it.
        if (!fresh() && body_lines_from(a.body, area.fill.next) < kMinJumpLines &&
            (policy == Jump::long_only || (policy == Jump::short_if_must && fits_on_next_page(a))))
            return {};
        lengthen_jump(a, 0, kNoItem, cols, jump_column, area, false);
        opens = true;
    }

    place_opening(a, run, o, opens, jump, jump_column);
    Started out;
    out.outcome = opens ? Started::Outcome::jumped : Started::Outcome::placed;
    out.resume = area.fill.next;
    out.carry = area.fill.carry;
    out.span = run.span;
    return out;
}

void Paginator::continue_article(PreparedArticle& a, std::size_t from, std::size_t carry, int span) {
    const std::string& section = ctx_.issue.sections[static_cast<std::size_t>(a.section)].title;
    // Pages in a row that took nothing of the article: each would be
    // followed by another like it, for ever.
    int idle = 0;
    for (;;) {
        int previous = page_.number;
        new_page();
        const PageFrame& frame = page_.frame;
        const int n = frame.columns;
        // On the article's own columns if the rest fits there, else on all.
        for (int k : {span, n}) {
            // Where the article's text starts: at the left, or at the right
            // of its columns when it reads right to left.
            const layout::Labels& labels = ctx_.layout.labels;
            JumpLine from_line =
                jump_line(layout::with_page(labels.continued_from, previous, labels), frame.span_width(k),
                          a.rtl ? layout::Alignment::right : layout::Alignment::left);
            double top = page_.content_top + from_line.height +
                         ctx_.space(ctx_.style(ParagraphStyleId::kicker).space_after) + kJumpGap * ctx_.grid.leading();
            std::vector<ColumnSpace> cols = columns(0, k, top, a.rtl);
            AreaResult area = fill(a, from, cols, true, fresh(), carry);
            if (!area.complete && k < n) continue;
            Chunk chunk;
            chunk.article = a.article;
            chunk.continues = true;
            chunk.items = draw_jump(from_line, frame.column_x(0), page_.content_top);
            bool opens = !area.complete;
            JumpLine to_line;
            std::size_t jump_column = 0;
            if (opens) {
                to_line = jump_to(page_.number + 1, a.rtl);
                jump_column =
                    reserve_jump(cols, to_line.height + kJumpGap * ctx_.grid.leading(), ctx_.grid.leading());
                area = fill(a, from, cols, true, fresh(), carry, true);
                lengthen_jump(a, from, carry, cols, jump_column, area, fresh());
            }
            append_area(chunk, a, area, cols);
            const double jump_at = opens ? jump_top(a, area, cols, jump_column) : 0.0;
            if (opens) {
                auto to = draw_jump(to_line, cols[jump_column].x, jump_at);
                chunk.items.insert(chunk.items.end(), to.begin(), to.end());
                chunk.opens = true;
            } else {
                chunk.items.emplace_back(tag_end(page::TagKind::article));
            }
            const bool text_done = opens && area.fill.next >= a.body.size();
            commit(std::move(chunk), Run{0, k, page_.content_top},
                   text_done ? jump_at + to_line.height : area.foot(),
                   opens && !text_done, section);
            if (!opens) return;
            idle = area.fill.next == from && area.fill.carry == carry ? idle + 1 : 0;
            if (idle >= 2) {
                // Every fresh page takes something (the fillers force the
                // first item in): this is a safety net, not a layout.
                ctx_.diags.error("E-LAYOUT-STUCK", a.article->where,
                                 "the rest of \"" + a.title + "\" could not be placed: page " +
                                     std::to_string(page_.number) +
                                     " took none of it, empty as it was; the layout's pages are too small for "
                                     "what comes next in the article");
                return;
            }
            from = area.fill.next;
            carry = area.fill.carry;
            break;
        }
    }
}

int Paginator::narrowest_left(const SectionArticles& articles, const std::vector<bool>& placed,
                              std::size_t except) const {
    int narrowest = std::numeric_limits<int>::max();
    if (ctx_.layout.flow.article_start == layout::ArticleStart::new_page) return narrowest;
    for (std::size_t j = 0; j < articles.size(); ++j)
        if (!placed[j] && j != except) narrowest = std::min(narrowest, article_span(ctx_.layout, articles.article(j)));
    return narrowest;
}

void Paginator::fill_holes(SectionArticles& articles, std::vector<bool>& placed, std::size_t from) {
    for (bool progress = true; progress;) {
        progress = false;
        for (std::size_t j = from; j < articles.size(); ++j) {
            if (placed[j]) continue;
            if (try_start(articles.prepared(j), Jump::never, narrowest_left(articles, placed, j)).outcome ==
                Started::Outcome::placed) {
                placed[j] = true;
                progress = true;
            }
        }
    }
}

void Paginator::place_section(SectionArticles& articles) {
    const layout::ArticleFlow& flow = ctx_.layout.flow;
    bool holes = flow.article_start == layout::ArticleStart::continue_on_page;
    std::vector<bool> placed(articles.size(), false);
    for (std::size_t i = 0; i < articles.size(); ++i) {
        if (placed[i]) continue;
        layout::ArticleStart start = i == 0 ? flow.section_start : flow.article_start;
        if (!fresh() && start == layout::ArticleStart::new_page) {
            // Briefs of the section (this article or later ones) share the
            // page when they fit whole below what is there.
            for (std::size_t j = i; i > 0 && j < articles.size(); ++j) {
                if (placed[j] || articles.article(j).effective_priority() < flow.brief_priority) continue;
                if (try_start(articles.prepared(j), Jump::never, narrowest_left(articles, placed, j)).outcome ==
                    Started::Outcome::placed)
                    placed[j] = true;
            }
            if (placed[i]) continue;
            new_page();
        }
        int others = narrowest_left(articles, placed, i);
        Started r = try_start(articles.prepared(i), Jump::long_only, others);
        if (r.outcome == Started::Outcome::failed && holes) {
            fill_holes(articles, placed, i + 1);
            // The section's last article left, and the next starts a new
            // page: its jump page would hold nothing else.
            const bool last = flow.section_start == layout::ArticleStart::new_page &&
                              std::all_of(placed.begin() + static_cast<std::ptrdiff_t>(i) + 1, placed.end(),
                                          [](bool b) { return b; });
            r = try_start(articles.prepared(i), last ? Jump::short_if_must : Jump::any, narrowest_left(articles, placed, i));
        }
        if (r.outcome == Started::Outcome::failed) {
            new_page();
            r = try_start(articles.prepared(i), Jump::any, narrowest_left(articles, placed, i));
        }
        placed[i] = true;
        if (r.outcome == Started::Outcome::jumped) {
            if (holes) fill_holes(articles, placed, i + 1);
            continue_article(articles.prepared(i), r.resume, r.carry, r.span);
        }
    }
    // The section's articles go when it is placed: its last one grows now,
    // when nothing after it can come on this page.
    if (flow.section_start == layout::ArticleStart::new_page) grow_last();
    settle_last();
}

}  // namespace galley::typeset
