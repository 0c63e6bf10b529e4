#include "page_checks.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <variant>

#include "model/direction.h"
#include "model/inline.h"
#include "model/language.h"
#include "typeset/compose/head_block.h"

namespace galley::test {

namespace {

constexpr double kEps = 0.02;

std::string num(double v) {
    if (std::abs(v) < 0.005) v = 0;
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
    return std::string(buf, r.ptr);
}

std::string after_last(const std::string& path, const std::string& marker) {
    auto at = path.rfind(marker);
    return at == std::string::npos ? path : path.substr(at + marker.size());
}

const char* kind_name(page::TagKind k) {
    switch (k) {
        case page::TagKind::document:
            return "Document";
        case page::TagKind::article:
            return "Art";
        case page::TagKind::section:
            return "Sect";
        case page::TagKind::heading:
            return "H";
        case page::TagKind::paragraph:
            return "P";
        case page::TagKind::figure:
            return "Figure";
        case page::TagKind::caption:
            return "Caption";
        case page::TagKind::table:
            return "Table";
        case page::TagKind::table_row:
            return "TR";
        case page::TagKind::table_header_cell:
            return "TH";
        case page::TagKind::table_cell:
            return "TD";
        case page::TagKind::list:
            return "L";
        case page::TagKind::list_item:
            return "LI";
        case page::TagKind::block_quote:
            return "BlockQuote";
        case page::TagKind::note:
            return "Note";
        case page::TagKind::artifact:
            return "Artifact";
    }
    return "?";
}

std::string colour(const page::Colour& c) {
    char buf[8];
    auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
    return buf;
}

/// Visits every item in document order with the open tags.
struct Walker {
    std::function<void(const page::Item&, int page, const std::vector<page::TagBegin>& open)> visit;
    void run(const page::Document& doc) const {
        std::vector<page::TagBegin> open;
        for (std::size_t p = 0; p < doc.pages.size(); ++p) {
            for (const page::Item& item : doc.pages[p].items) {
                if (auto* b = std::get_if<page::TagBegin>(&item)) {
                    visit(item, static_cast<int>(p), open);
                    open.push_back(*b);
                } else if (std::get_if<page::TagEnd>(&item)) {
                    if (!open.empty()) open.pop_back();
                    visit(item, static_cast<int>(p), open);
                } else {
                    visit(item, static_cast<int>(p), open);
                }
            }
        }
    }
};

bool in_artifact(const std::vector<page::TagBegin>& open) {
    return std::any_of(open.begin(), open.end(),
                       [](const page::TagBegin& t) { return t.kind == page::TagKind::artifact; });
}

struct Box {
    double x0, y0, x1, y1;
    std::string what;
    bool text;
};

Box run_box(const page::GlyphRun& r) {
    return {r.origin.x,
            r.origin.y - 0.7 * r.size,
            r.origin.x + r.advance,
            r.origin.y + 0.1 * r.size,
            "text \"" + r.text + "\" at " + num(r.origin.x) + "," + num(r.origin.y),
            true};
}

Box image_box(const page::Image& i) {
    page::Rect r = i.clip ? *i.clip : i.rect;
    return {r.x,
            r.y,
            r.x + r.width,
            r.y + r.height,
            "image " + after_last(i.file, "/") + " at " + num(r.x) + "," + num(r.y),
            false};
}

Box rule_box(const page::Rule& r) {
    double h = r.width / 2;
    return {std::min(r.from.x, r.to.x) - (r.from.x == r.to.x ? h : 0),
            std::min(r.from.y, r.to.y) - (r.from.y == r.to.y ? h : 0),
            std::max(r.from.x, r.to.x) + (r.from.x == r.to.x ? h : 0),
            std::max(r.from.y, r.to.y) + (r.from.y == r.to.y ? h : 0),
            "rule at " + num(r.from.x) + "," + num(r.from.y),
            false};
}

struct Frame {
    double left, right, top, bottom, column_width, gutter;
    int columns;
    double column_x(int c) const { return left + c * (column_width + gutter); }
};

/// The live area of page `page_number` of a document bound on the right
/// edge or not (as composition decided it for the issue).
Frame frame_of(const layout::Layout& l, int page_number, bool bound_right) {
    layout::PageGeometry g = l.page;
    g.binding = bound_right ? layout::BindingEdge::right : layout::BindingEdge::left;
    Frame f;
    f.left = (g.left_hand(page_number) ? g.margin_outer : g.margin_inner).to_pt();
    f.right = f.left + l.live_width().to_pt();
    f.top = l.page.margin_top.to_pt();
    f.bottom = f.top + l.live_height().to_pt();
    f.column_width = l.column_width().to_pt();
    f.gutter = l.columns.gutter.to_pt();
    f.columns = l.columns.count;
    return f;
}

double body_size(const layout::Layout& l) { return l.style(layout::ParagraphStyleId::body).size.to_pt(); }

void add_words(const model::Inlines& content, std::vector<std::string>& out);

/// Lowercase letters and digits of a word; punctuation dropped.
std::string normalize(const std::string& word) {
    std::string out;
    for (std::size_t i = 0; i < word.size();) {
        unsigned char c = static_cast<unsigned char>(word[i]);
        std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        len = std::min(len, word.size() - i);
        char32_t cp = c;
        if (len == 2) cp = ((c & 0x1F) << 6) | (word[i + 1] & 0x3F);
        if (len == 3) cp = ((c & 0x0F) << 12) | ((word[i + 1] & 0x3F) << 6) | (word[i + 2] & 0x3F);
        if (len == 4)
            cp = ((c & 0x07) << 18) | ((word[i + 1] & 0x3F) << 12) | ((word[i + 2] & 0x3F) << 6) | (word[i + 3] & 0x3F);
        bool keep = false;
        if (cp < 0x80) {
            keep = std::isalnum(c) != 0;
            if (keep) out += static_cast<char>(std::tolower(c));
        } else {
            keep = cp >= 0xC0 && !(cp >= 0x2000 && cp <= 0x206F) && cp != 0x00D7 && cp != 0x00F7 &&
                   !(cp >= 0x2190 && cp <= 0x22FF);
            if (keep) out.append(word, i, len);
        }
        i += len;
    }
    return out;
}

void split_words(const std::string& text, std::vector<std::string>& out) {
    std::string word;
    std::istringstream in(text);
    while (in >> word) {
        std::string n = normalize(word);
        if (!n.empty()) out.push_back(n);
    }
}

void add_words(const model::Inlines& content, std::vector<std::string>& out) {
    split_words(model::plain_text(content), out);
}

void block_words(const model::Block& b, std::vector<std::string>& out, bool skip_lead) {
    if (!model::in_print(b.edition)) return;
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, model::Paragraph> || std::is_same_v<T, model::Subhead>) {
                add_words(n.content, out);
            } else if constexpr (std::is_same_v<T, model::Blockquote> || std::is_same_v<T, model::PullQuote>) {
                for (const auto& p : n.quote.paragraphs) add_words(p.content, out);
                add_words(n.quote.attribution, out);
            } else if constexpr (std::is_same_v<T, model::Figure>) {
                if (skip_lead && n.placement == model::Placement::lead) return;
                add_words(n.caption, out);
                add_words(n.credit, out);
            } else if constexpr (std::is_same_v<T, model::List>) {
                for (const auto& item : n.items) add_words(item, out);
            } else if constexpr (std::is_same_v<T, model::Aside>) {
                add_words(n.title, out);
                for (const auto& inner : n.blocks) block_words(inner, out, false);
            } else if constexpr (std::is_same_v<T, model::Table>) {
                add_words(n.caption, out);
                if (n.head)
                    for (const auto& c : n.head->cells) add_words(c.content, out);
                for (const auto& r : n.rows)
                    for (const auto& c : r.cells) add_words(c.content, out);
            }
        },
        b.node);
}

/// Whether `b` may be set as a float across columns, and so stand after
/// text that follows it: a picture in the text, a table, a factbox, a
/// pull quote.
bool may_float(const model::Block& b) {
    if (const auto* fig = std::get_if<model::Figure>(&b.node)) return fig->placement != model::Placement::lead;
    return std::holds_alternative<model::Table>(b.node) || std::holds_alternative<model::Aside>(b.node) ||
           std::holds_alternative<model::PullQuote>(b.node);
}

}  // namespace

std::vector<std::string> article_words(const model::Article& a) {
    std::vector<std::string> out;
    add_words(a.head.kicker, out);
    add_words(a.head.headline, out);
    add_words(a.head.deck, out);
    for (const auto& b : a.head.bylines) add_words(b, out);
    add_words(a.head.dateline, out);
    for (const model::Block& b : a.body) {
        const auto* fig = std::get_if<model::Figure>(&b.node);
        if (fig && fig->placement == model::Placement::lead && model::in_print(b.edition)) {
            add_words(fig->caption, out);
            add_words(fig->credit, out);
        }
    }
    for (const model::Block& b : a.body) {
        // Blocks that may float (one may open the next page while the
        // text goes on): their words are checked on their own.
        if (!may_float(b)) block_words(b, out, true);
    }
    add_words(a.end.tagline, out);
    for (const auto& c : a.end.corrections) add_words(c, out);
    for (const auto& r : a.end.related) {
        add_words(r.kicker, out);
        add_words(r.title, out);
        add_words(r.teaser, out);
    }
    add_words(a.meta.rights, out);
    return out;
}

std::vector<std::vector<std::string>> float_words(const model::Article& a) {
    std::vector<std::vector<std::string>> out;
    for (const model::Block& b : a.body) {
        if (!may_float(b) || !model::in_print(b.edition)) continue;
        std::vector<std::string> words;
        block_words(b, words, true);
        if (!words.empty()) out.push_back(std::move(words));
    }
    return out;
}

std::string dump_pages(const page::Document& doc) {
    std::ostringstream out;
    out << "document title=\"" << doc.meta.title << "\" author=\"" << doc.meta.author << "\" lang=" << doc.meta.lang
        << " pages=" << doc.pages.size() << "\n";
    int depth = 0;
    for (const page::Page& p : doc.pages) {
        out << "page \"" << p.label << "\" " << num(p.width) << "x" << num(p.height) << "\n";
        for (const page::Item& item : p.items) {
            if (std::holds_alternative<page::TagEnd>(item)) --depth;
            out << std::string(static_cast<std::size_t>(2 + 2 * std::max(depth, 0)), ' ');
            std::visit(
                [&](const auto& it) {
                    using T = std::decay_t<decltype(it)>;
                    if constexpr (std::is_same_v<T, page::GlyphRun>) {
                        out << "text " << num(it.origin.x) << "," << num(it.origin.y) << " " << num(it.size) << " w"
                            << num(it.advance) << " " << after_last(it.face.file, "/fonts/");
                        if (!(it.colour == page::Colour{})) out << " " << colour(it.colour);
                        out << " \"" << it.text << "\"";
                    } else if constexpr (std::is_same_v<T, page::Rule>) {
                        out << "rule " << num(it.from.x) << "," << num(it.from.y) << " " << num(it.to.x) << ","
                            << num(it.to.y) << " w" << num(it.width);
                    } else if constexpr (std::is_same_v<T, page::Box>) {
                        out << "box " << num(it.rect.x) << "," << num(it.rect.y) << " " << num(it.rect.width) << "x"
                            << num(it.rect.height);
                        if (it.fill) out << " fill=" << colour(*it.fill);
                        if (it.stroke) out << " stroke=" << colour(*it.stroke) << " w" << num(it.stroke_width);
                    } else if constexpr (std::is_same_v<T, page::Image>) {
                        out << "image " << num(it.rect.x) << "," << num(it.rect.y) << " " << num(it.rect.width) << "x"
                            << num(it.rect.height);
                        if (it.clip)
                            out << " clip " << num(it.clip->x) << "," << num(it.clip->y) << " " << num(it.clip->width)
                                << "x" << num(it.clip->height);
                        out << " " << after_last(it.file, "/samples/");
                    } else if constexpr (std::is_same_v<T, page::Link>) {
                        out << "link " << num(it.rect.x) << "," << num(it.rect.y) << " " << num(it.rect.width) << "x"
                            << num(it.rect.height) << " ";
                        if (it.uri.empty())
                            out << "page=" << it.target_page + 1 << " y=" << num(it.target_y);
                        else
                            out << it.uri;
                    } else if constexpr (std::is_same_v<T, page::TagBegin>) {
                        out << "[" << kind_name(it.kind);
                        if (it.kind == page::TagKind::heading) out << it.level;
                        if (!it.title.empty()) out << " title=\"" << it.title << "\"";
                        if (!it.alt.empty()) out << " alt=\"" << it.alt << "\"";
                        if (!it.lang.empty()) out << " lang=" << it.lang;
                    } else if constexpr (std::is_same_v<T, page::TagEnd>) {
                        out << "]" << kind_name(it.kind);
                    }
                },
                item);
            out << "\n";
            if (std::holds_alternative<page::TagBegin>(item)) ++depth;
        }
    }
    for (const page::OutlineEntry& o : doc.outline)
        out << "outline " << o.level << " page=" << o.page + 1 << " y=" << num(o.y) << " \"" << o.title << "\"\n";
    return out.str();
}

std::vector<std::string> check_overlaps(const page::Document& doc) {
    std::vector<std::string> problems;
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        std::vector<Box> boxes;
        for (const page::Item& item : doc.pages[p].items) {
            if (auto* r = std::get_if<page::GlyphRun>(&item)) {
                if (r->advance > 0) boxes.push_back(run_box(*r));
            } else if (auto* i = std::get_if<page::Image>(&item)) {
                boxes.push_back(image_box(*i));
            } else if (auto* rule = std::get_if<page::Rule>(&item)) {
                boxes.push_back(rule_box(*rule));
            }
        }
        std::sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) { return a.y0 < b.y0; });
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            for (std::size_t j = i + 1; j < boxes.size() && boxes[j].y0 < boxes[i].y1 - 0.3; ++j) {
                const Box& a = boxes[i];
                const Box& b = boxes[j];
                if (!a.text && !b.text && a.what.rfind("rule", 0) == 0 && b.what.rfind("rule", 0) == 0) continue;
                double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
                double h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
                if (w > 0.3 && h > 0.3)
                    problems.push_back("page " + std::to_string(p + 1) + ": " + a.what + " overlaps " + b.what);
            }
        }
    }
    return problems;
}

std::vector<std::string> check_columns(const page::Document& doc, const layout::Layout& layout) {
    std::vector<std::string> problems;
    double body = body_size(layout);
    // A run that touches the runs before it on its baseline goes on with
    // their line (a word in a fallback face, the space between words of a
    // right-to-left headline, the letter and number of "(د-3)" written in
    // reading order): the line's start is what must lie in a column. A line
    // with letters written right to left starts at its right: when the
    // first of its runs the page draws, its leftmost, starts over a gutter
    // (a deck across the columns, ragged at the left), its right end is
    // what counts.
    const page::GlyphRun* prev = nullptr;
    double line_left = 0.0, line_right = 0.0;
    int line_column = -1;
    bool line_rtl = false;
    std::optional<Frame> line_frame;
    std::vector<std::string> pending;  // the line's runs that start outside every column
    auto column_at = [](const Frame& f, double x) {
        int column = -1;
        for (int c = 0; c < f.columns; ++c)
            if (x >= f.column_x(c) - kEps && x <= f.column_x(c) + f.column_width + kEps) column = c;
        return column;
    };
    auto settle = [&] {
        if (!(line_rtl && line_frame && column_at(*line_frame, line_right) >= 0))
            problems.insert(problems.end(), pending.begin(), pending.end());
        pending.clear();
    };
    Walker w;
    w.visit = [&](const page::Item& item, int p, const std::vector<page::TagBegin>& open) {
        auto* r = std::get_if<page::GlyphRun>(&item);
        if (!r || in_artifact(open) || r->advance <= 0) return;
        Frame f = frame_of(layout, p + 1, doc.meta.bound_right);
        double x0 = r->origin.x;
        double x1 = x0 + r->advance;
        const bool continues = prev && std::abs(prev->origin.y - r->origin.y) < 0.01 && x0 < line_right + 0.5 &&
                               x1 > line_left - 0.5;
        prev = r;
        if (!continues) {
            settle();
            line_rtl = false;
            line_frame = f;
        }
        line_left = continues ? std::min(line_left, x0) : x0;
        line_right = continues ? std::max(line_right, x1) : x1;
        line_rtl = line_rtl || model::has_right_to_left_letter(r->text);
        int column = column_at(f, x0);
        if (continues) column = line_column;
        line_column = column;
        std::string where =
            "page " + std::to_string(p + 1) + ": \"" + r->text + "\" at " + num(x0) + "," + num(r->origin.y);
        // A table over several columns has columns of its own: a cell may
        // start over a gutter, never outside the live area.
        const bool in_table = std::any_of(open.begin(), open.end(),
                                          [](const page::TagBegin& t) { return t.kind == page::TagKind::table; });
        if (column < 0 && in_table && x0 >= f.left - kEps && x1 <= f.right + kEps) return;
        // A line set flush right across several columns (a picture's credit
        // under a picture two columns wide) may start over a gutter: it
        // ends on a column's right edge.
        bool flush_right = false;
        for (int c = 0; c < f.columns; ++c)
            flush_right = flush_right || std::abs(x1 - (f.column_x(c) + f.column_width)) < 0.05;
        if (column < 0 && flush_right && x0 >= f.left - kEps && r->size < body - 0.01) return;
        if (column < 0) {
            pending.push_back(where + " starts outside every column");
            if (x1 > f.right + kEps) problems.push_back(where + " ends past the live area");
            return;
        }
        if (x1 > f.right + kEps) problems.push_back(where + " ends past the live area");
        if (std::abs(r->size - body) < 0.01 && x1 > f.column_x(column) + f.column_width + kEps)
            problems.push_back(where + " is wider than its column");
    };
    w.run(doc);
    settle();
    return problems;
}

std::vector<std::string> check_grid(const page::Document& doc, const layout::Layout& layout) {
    std::vector<std::string> problems;
    double body = body_size(layout);
    double top = layout.page.margin_top.to_pt() + layout.grid.origin.to_pt();
    double leading = layout.grid.leading.to_pt();
    Walker w;
    w.visit = [&](const page::Item& item, int p, const std::vector<page::TagBegin>& open) {
        auto* r = std::get_if<page::GlyphRun>(&item);
        if (!r || in_artifact(open) || std::abs(r->size - body) > 0.01) return;
        // Body text: not inside a factbox, table, figure, caption or note.
        for (const page::TagBegin& t : open)
            if (t.kind == page::TagKind::section || t.kind == page::TagKind::table || t.kind == page::TagKind::figure ||
                t.kind == page::TagKind::caption || t.kind == page::TagKind::note)
                return;
        // Nor in a language whose script needs taller lines than the grid's
        // (Khmer): it leaves the grid on purpose (grid.stacked-line-height).
        for (auto t = open.rbegin(); t != open.rend(); ++t)
            if (!t->lang.empty()) {
                if (model::stacks_marks(t->lang)) return;
                break;
            }
        double n = (r->origin.y - top) / leading;
        if (std::abs(n - std::round(n)) * leading > kEps)
            problems.push_back("page " + std::to_string(p + 1) + ": \"" + r->text + "\" at y=" + num(r->origin.y) +
                               " is off the baseline grid");
    };
    w.run(doc);
    return problems;
}

std::vector<std::string> check_live_area(const page::Document& doc, const layout::Layout& layout) {
    std::vector<std::string> problems;
    Walker w;
    w.visit = [&](const page::Item& item, int p, const std::vector<page::TagBegin>& open) {
        if (in_artifact(open)) return;
        Frame f = frame_of(layout, p + 1, doc.meta.bound_right);
        std::optional<Box> b;
        if (auto* r = std::get_if<page::GlyphRun>(&item)) b = run_box(*r);
        if (auto* i = std::get_if<page::Image>(&item)) b = image_box(*i);
        if (auto* rule = std::get_if<page::Rule>(&item)) b = rule_box(*rule);
        if (auto* box = std::get_if<page::Box>(&item))
            b = Box{box->rect.x, box->rect.y, box->rect.x + box->rect.width, box->rect.y + box->rect.height,
                    "box",       false};
        if (!b) return;
        if (auto* i = std::get_if<page::Image>(&item); i && i->bleed) {
            // Bleed art: inside the trimmed page, and reaching its edge.
            const double pw = doc.pages[static_cast<std::size_t>(p)].width;
            const double ph = doc.pages[static_cast<std::size_t>(p)].height;
            if (b->x0 < -kEps || b->x1 > pw + kEps || b->y0 < -kEps || b->y1 > ph + kEps)
                problems.push_back("page " + std::to_string(p + 1) + ": bleed " + b->what + " lies outside the page");
            else if (b->x0 > kEps && b->x1 < pw - kEps && b->y0 > kEps && b->y1 < ph - kEps)
                problems.push_back("page " + std::to_string(p + 1) + ": bleed " + b->what + " reaches no trim edge");
            return;
        }
        if (b->x0 < f.left - kEps || b->x1 > f.right + kEps || b->y0 < f.top - kEps || b->y1 > f.bottom + kEps)
            problems.push_back("page " + std::to_string(p + 1) + ": " + b->what + " lies outside the live area");
    };
    w.run(doc);
    return problems;
}

std::vector<std::string> check_tags(const page::Document& doc) {
    std::vector<std::string> problems;
    std::vector<page::TagKind> open;
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        for (const page::Item& item : doc.pages[p].items) {
            if (auto* b = std::get_if<page::TagBegin>(&item)) {
                if (b->kind == page::TagKind::artifact &&
                    std::find(open.begin(), open.end(), page::TagKind::artifact) != open.end())
                    problems.push_back("page " + std::to_string(p + 1) + ": artifact inside an artifact");
                if (open.empty() && b->kind != page::TagKind::document)
                    problems.push_back("page " + std::to_string(p + 1) + ": " + kind_name(b->kind) +
                                       " outside the document");
                open.push_back(b->kind);
            } else if (auto* e = std::get_if<page::TagEnd>(&item)) {
                if (open.empty() || open.back() != e->kind) {
                    problems.push_back("page " + std::to_string(p + 1) + ": end of " + kind_name(e->kind) +
                                       " does not match");
                    return problems;
                }
                open.pop_back();
            } else if (open.empty()) {
                problems.push_back("page " + std::to_string(p + 1) + ": content outside the document tag");
            }
        }
    }
    if (!open.empty()) problems.push_back(std::to_string(open.size()) + " tags left open");
    return problems;
}

std::vector<std::string> check_completeness(const page::Document& doc, const model::Issue& issue) {
    // Each article's words, in item order, from its Art tag; words of
    // artifacts (jump lines, pull quotes, running heads on a jump page) are
    // marked, so a word hyphenated across a jump still joins up.
    struct Token {
        std::string word;
        bool artifact = false;
    };
    std::map<std::string, std::vector<Token>> tokens;  // by title
    // A line of an article read right to left is read from its runs sorted
    // from the right (by their right ends: an Arabic run's glyphs lie left
    // of its origin); within a run, each word's text is in reading order
    // and its words stand from the left. So a word whose digits stand at
    // its left, as they must, still reads as written. (Good for the tests'
    // text and the Declaration's; a left-to-right phrase set in several
    // runs inside such a line would come out reversed.)
    std::map<std::string, bool> rtl;  // by title
    for (const model::Section& s : issue.sections)
        for (const model::Article& a : s.articles)
            rtl[typeset::headline_text(a)] = model::right_to_left(a.lang.empty() ? issue.lang : a.lang);
    std::string current;
    std::string line;
    bool line_artifact = false;
    const page::GlyphRun* last = nullptr;
    std::vector<const page::GlyphRun*> rtl_line;  // the runs of a right-to-left line
    auto left_of = [](const page::GlyphRun& r) {
        double left = 0;
        for (const page::Glyph& g : r.glyphs) left = std::min(left, static_cast<double>(g.x));
        return r.origin.x + left;
    };
    auto right_of = [](const page::GlyphRun& r) { return r.origin.x + r.advance; };
    auto flush = [&] {
        if (!rtl_line.empty()) {
            std::stable_sort(rtl_line.begin(), rtl_line.end(), [&](const page::GlyphRun* a, const page::GlyphRun* b) {
                return right_of(*a) > right_of(*b);
            });
            for (std::size_t k = 0; k < rtl_line.size(); ++k) {
                if (k > 0 && left_of(*rtl_line[k - 1]) > right_of(*rtl_line[k]) + 0.2 * rtl_line[k]->size) line += ' ';
                // A run of several words holds them as they stand, from the
                // left; a run of left-to-right words ("By United Nations")
                // reads from the left. A space at either end of a run of
                // digits or Latin letters may stand at either side of it
                // (the text of " 217 " and "1948. " follows the line from
                // the left): it parts the run from both neighbours.
                const std::string& text = rtl_line[k]->text;
                const bool spaced = !text.empty() && (text.front() == ' ' || text.back() == ' ') &&
                                    !model::has_right_to_left_letter(text);
                if (spaced && !line.empty() && line.back() != ' ') line += ' ';
                std::istringstream in(text);
                std::vector<std::string> words;
                for (std::string word; in >> word;) words.push_back(word);
                if (model::has_right_to_left_letter(text)) std::reverse(words.begin(), words.end());
                for (std::size_t j = 0; j < words.size(); ++j) line += (j ? " " : "") + words[j];
                if (spaced || (!text.empty() && text.back() == ' ')) line += ' ';
            }
            rtl_line.clear();
        }
        if (!current.empty() && !line.empty()) {
            std::istringstream in(line);
            std::string word;
            while (in >> word) {
                std::string n = normalize(word);
                if (!n.empty()) tokens[current].push_back(Token{n, line_artifact});
            }
        }
        line.clear();
        last = nullptr;
    };
    Walker w;
    w.visit = [&](const page::Item& item, int, const std::vector<page::TagBegin>& open) {
        if (auto* b = std::get_if<page::TagBegin>(&item); b && b->kind == page::TagKind::article) {
            flush();
            current = b->title;
            return;
        }
        if (auto* e = std::get_if<page::TagEnd>(&item); e && e->kind == page::TagKind::article) {
            flush();
            current.clear();
            return;
        }
        auto* r = std::get_if<page::GlyphRun>(&item);
        if (!r || current.empty()) return;
        bool artifact = in_artifact(open);
        const bool same_row = last && artifact == line_artifact &&
                              std::abs(r->origin.y - last->origin.y) < 0.6 * std::max(r->size, last->size);
        if (rtl[current]) {
            // Near the runs so far, not in the next column at the same height.
            double lo = left_of(*r), hi = right_of(*r);
            bool near = false;
            for (const page::GlyphRun* q : rtl_line)
                near = near || (lo < right_of(*q) + 3 * r->size && hi > left_of(*q) - 3 * r->size);
            if (!same_row || !near) flush();
            line_artifact = artifact;
            rtl_line.push_back(r);
            last = r;
            return;
        }
        bool same_line = same_row && r->origin.x >= last->origin.x + last->advance - 1.0;
        if (!same_line) {
            flush();
        } else if (r->origin.x > last->origin.x + last->advance + 0.2 * r->size) {
            line += ' ';  // a gap between runs reads as a space
        }
        line_artifact = artifact;
        line += r->text;
        last = r;
    };
    w.run(doc);
    flush();

    std::vector<std::string> problems;
    for (const model::Section& s : issue.sections) {
        for (const model::Article& a : s.articles) {
            std::string title = typeset::headline_text(a);
            const std::vector<Token>& have = tokens[title];
            // Each sequence's words in order among the printed ones, other
            // text between them allowed; `what` names it in the message.
            auto check = [&](const std::vector<std::string>& want, const std::string& what) {
                std::size_t pos = 0;
                for (std::size_t k = 0; k < want.size(); ++k) {
                    bool found = false;
                    for (std::size_t t = pos; t < have.size() && !found; ++t) {
                        // The word itself, or pieces of it (hyphenated, split
                        // into runs, or a sentence of Chinese or Thai, which
                        // has no spaces, over several lines), artifacts in
                        // between skipped.
                        std::string joined;
                        for (std::size_t n = t; n < have.size(); ++n) {
                            if (have[n].artifact && n != t) continue;
                            joined += have[n].word;
                            if (joined == want[k]) {
                                pos = n + 1;
                                found = true;
                                break;
                            }
                            if (want[k].compare(0, joined.size(), joined) != 0) break;
                        }
                    }
                    if (!found) {
                        std::string context;
                        for (std::size_t c = k >= 4 ? k - 4 : 0; c <= k; ++c) context += " " + want[c];
                        std::string printed;
                        for (std::size_t c = pos >= 4 ? pos - 4 : 0; c < have.size() && c < pos + 8; ++c)
                            printed += " " + have[c].word;
                        problems.push_back("article \"" + title + "\"" + what + ": word " + std::to_string(k + 1) +
                                           " of " + std::to_string(want.size()) + " missing or out of order:" +
                                           context + " (printed after the last match:" + printed + ")");
                        return;
                    }
                }
            };
            check(article_words(a), "");
            const std::vector<std::vector<std::string>> floats = float_words(a);
            for (std::size_t f = 0; f < floats.size(); ++f)
                check(floats[f], ", float " + std::to_string(f + 1));
        }
    }
    return problems;
}

std::vector<std::string> check_all(const page::Document& doc, const layout::Layout& layout, const model::Issue& issue) {
    std::vector<std::string> all;
    for (auto&& list : {check_overlaps(doc), check_columns(doc, layout), check_grid(doc, layout),
                        check_live_area(doc, layout), check_tags(doc), check_completeness(doc, issue)})
        all.insert(all.end(), list.begin(), list.end());
    return all;
}

}  // namespace galley::test
