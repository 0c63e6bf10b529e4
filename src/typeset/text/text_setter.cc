// TextSetter: the driver. Reads like the steps it runs:
//   collect   inlines -> one string with style runs (collect.cc); drop cap
//             and lead-in restyled
//   prepare   words shaped, hyphenated, segmented -> Knuth-Plass items
//             (items_builder.cc)
//   break     total fit (typeset/linebreak), in chunks for huge paragraphs
//   finalize  lines -> glyph runs, justified (line_builder.cc)
//   report    missing glyphs, words cut, overfull and very loose lines
#include "typeset/text/text_setter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "fonts/font_library.h"
#include "model/language.h"
#include "typeset/linebreak/hyphenator.h"
#include "typeset/linebreak/knuth_plass.h"
#include "typeset/text/chars.h"
#include "typeset/text/collect.h"
#include "typeset/text/direction.h"
#include "typeset/text/items_builder.h"
#include "typeset/text/line_builder.h"
#include "typeset/text/run_style.h"
#include "typeset/text/shaper.h"

namespace galley::typeset {
namespace {

/// Paragraphs with more items than this are broken in overlapping chunks:
/// the last lines of each chunk are broken again with the next one, so only
/// the chunk joins lose total fit (and the hyphen-run count across them).
constexpr std::size_t kChunkItems = 6000;
constexpr std::size_t kChunkOverlapLines = 3;
/// Demerits of a runt (a one-word last line) where the style avoids them:
/// a hyphen ending the next-to-last line (5000) and two hyphens in a row
/// (10000) cost about as much.
constexpr double kRuntDemerits = 10000.0;
/// Tolerance of the lines found again to carry a short word over: a ragged
/// line may fall about 2.7 times the ragged stretch (3 em) short of the
/// measure ("PREAH VIHEAR / AT A GLANCE" in a narrow box).
constexpr double kShortWordTolerance = 2000.0;
/// Penalty of a ragged line's break after a short function word where the
/// style carries such words over, and inside a person's name. Its square
/// outweighs any line within that tolerance ((line penalty + badness)^2,
/// the line penalty being 10), so such a break is taken only where no
/// other keeps the lines within it; which also makes "no more such ends"
/// grow with the width, as even()'s search needs.
constexpr double kShortWordPenalty = kShortWordTolerance + 100.0;
/// Steps of the search for an even paragraph's measure (even-lines): the
/// measure is found to within 1/2^8 of the lines' room.
constexpr int kEvenSteps = 8;
/// The most line widths computed ahead from ParagraphShape::indents.
constexpr std::size_t kMaxLineWidths = 2000;

// The share of the measure a drop cap must leave beside it, on the lines it
// reaches down through.
constexpr double kDropCapLeavesAtLeast = 0.5;
/// Justified lines with word spaces beyond this many times the style's
/// word-space-max are reported (every line past word-space-max is marked
/// SetLine::loose; reporting all of them would drown the warnings that matter).
constexpr double kReportedLooseness = 2.0;
/// The most of its measure the indent of a verse's turned-over lines may
/// take: in a very narrow measure the words keep their room.
constexpr double kMostTurnover = 0.25;

std::string format_pt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

/// At most 60 bytes of `word`, cut at a character boundary.
std::string shorten(std::string_view word) {
    constexpr std::size_t kMax = 60;
    if (word.size() <= kMax) return std::string(word);
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) --cut;
    return std::string(word.substr(0, cut)) + "...";
}

/// Line geometry: indents and measure of line i. The style's indents
/// count from where its lines start: in a paragraph set right to left the
/// left indent and the first line's indent are on the right. The shape's
/// `indents` (running around an object, a list's labels) are on the sides
/// they name.
struct Geometry {
    double width = 0;
    double left = 0, right = 0, first_extra = 0;
    bool rtl = false;
    int dropcap_lines = 0;
    double dropcap_indent = 0;
    const std::function<std::pair<double, double>(int)>* indents = nullptr;

    std::pair<double, double> line(std::size_t i) const {  // left, measure
        double start = left + (i == 0 ? first_extra : 0.0);
        if (static_cast<int>(i) < dropcap_lines) start += dropcap_indent;
        double l = rtl ? right : start;
        double r = rtl ? start : right;
        if (indents != nullptr && *indents) {
            const auto [el, er] = (*indents)(static_cast<int>(std::min<std::size_t>(i, 1u << 30)));
            l += el;
            r += er;
        }
        return {l, std::max(0.0, width - l - r)};
    }
};

}  // namespace

struct TextSetter::Impl {
    Impl(const layout::Layout& l, const fonts::FontLibrary& f, std::shared_ptr<HyphenatorCache> h)
        : layout(l), fonts(f), hyphenators(std::move(h)), shaper(f), builder(shaper, styles, *hyphenators) {}

    const layout::Layout& layout;
    const fonts::FontLibrary& fonts;
    std::shared_ptr<HyphenatorCache> hyphenators;
    text::StyleTable styles;
    text::Shaper shaper;
    text::ItemBuilder builder;

    layout::ParagraphStyle style_for(layout::ParagraphStyleId id, const ParagraphShape& shape) const {
        layout::ParagraphStyle p = layout.style(id);
        if (shape.size) p.size = Length::pt(*shape.size);
        if (shape.leading) p.leading = Length::pt(*shape.leading);
        if (shape.weight) p.weight = *shape.weight;
        // A verse or an address turns a long line over whole: a word of it
        // is not hyphenated.
        if (shape.own_lines) p.hyphenate = false;
        return p;
    }

    static text::BuildOptions build_options(const layout::ParagraphStyle& p, bool justify) {
        text::BuildOptions o;
        o.justify = justify;
        o.hyphenate = p.hyphenate;
        o.rules.min_word_length = static_cast<std::size_t>(std::max(1, p.hyphen_min_word));
        o.rules.min_left = static_cast<std::size_t>(std::max(1, p.hyphen_min_left));
        o.rules.min_right = static_cast<std::size_t>(std::max(1, p.hyphen_min_right));
        o.word_space_min = p.word_space_min;
        o.word_space_natural = p.word_space_natural > 0 ? p.word_space_natural : 1.0;
        o.word_space_max = std::max(p.word_space_max, o.word_space_natural);
        o.word_space_min = std::min(o.word_space_min, o.word_space_natural);
        o.letter_space_min = std::min(0.0, p.letter_space_min);
        o.letter_space_max = std::max(0.0, p.letter_space_max);
        o.kashida_max = std::max(0.0, p.kashida_max);
        const double size = p.size.to_pt();
        o.ragged_stretch = 3.0 * size;
        o.mark_short_words = p.carry_short_words && !justify;
        return o;
    }

    static BreakSettings break_settings(const layout::ParagraphStyle& p) {
        BreakSettings s;
        // TeX's plain values. Ragged lines measure their badness against the
        // ragged stretch (3 em), so the same thresholds even out the rag.
        s.pretolerance = 100.0;
        s.tolerance = 800.0;
        s.max_consecutive_hyphens = p.hyphenate ? static_cast<unsigned>(std::max(0, p.hyphen_max_consecutive)) : 0u;
        // Only spacing within tolerance is traded for it (no extra pass).
        if (p.avoid_runts) s.runt_demerits = kRuntDemerits;
        return s;
    }

    /// Total fit over `items`, in chunks when they are many. Lines index the full list.
    std::vector<BrokenLine> break_lines(const std::vector<Item>& items, BreakSettings settings, const Geometry& geo,
                                        std::size_t first_widths) {
        std::vector<BrokenLine> lines;
        auto widths_from = [&](std::size_t line0) {
            settings.line_widths.clear();
            const std::size_t n = geo.indents != nullptr && *geo.indents ? first_widths
                                                                         : static_cast<std::size_t>(geo.dropcap_lines) + 2;
            for (std::size_t i = 0; i < n; ++i) settings.line_widths.push_back(geo.line(line0 + i).second);
        };
        if (items.size() <= kChunkItems + kChunkItems / 2) {
            widths_from(0);
            return break_paragraph(items, settings).lines;
        }
        std::size_t start = 0, line0 = 0;
        std::vector<Item> chunk;
        while (start < items.size()) {
            const std::size_t end = std::min(items.size(), start + kChunkItems);
            chunk.assign(items.begin() + static_cast<std::ptrdiff_t>(start), items.begin() + static_cast<std::ptrdiff_t>(end));
            const bool final_chunk = end == items.size();
            if (!final_chunk) finish_paragraph(chunk);
            widths_from(line0);
            BreakResult r = break_paragraph(chunk, settings);
            std::size_t keep = r.lines.size();
            if (!final_chunk) keep = r.lines.size() > kChunkOverlapLines + 1 ? r.lines.size() - kChunkOverlapLines : 1;
            for (std::size_t i = 0; i < keep && i < r.lines.size(); ++i) {
                BrokenLine l = r.lines[i];
                l.start += start;
                l.end += start;
                lines.push_back(l);
            }
            if (final_chunk || r.lines.empty()) break;
            const std::size_t next = keep < r.lines.size() ? r.lines[keep].start + start : end;
            if (next <= start) break;  // no progress: cannot happen with boxes in the chunk
            // A line kept from a non-final chunk was not the paragraph's end.
            start = next;
            line0 += keep;
        }
        return lines;
    }
};

TextSetter::TextSetter(const layout::Layout& layout, const fonts::FontLibrary& fonts,
                       const std::filesystem::path& hyphenation_dir)
    : impl_(std::make_unique<Impl>(layout, fonts, std::make_shared<HyphenatorCache>(hyphenation_dir))) {}

TextSetter::TextSetter(const layout::Layout& layout, const fonts::FontLibrary& fonts,
                       std::shared_ptr<HyphenatorCache> hyphenation)
    : impl_(std::make_unique<Impl>(layout, fonts, std::move(hyphenation))) {}

TextSetter::~TextSetter() = default;

SetParagraph TextSetter::set(const model::Inlines& content, layout::ParagraphStyleId style_id,
                             const ParagraphShape& shape, const SourceLocation& where, Diagnostics& diags) {
    const std::size_t reported = diags.all().size();
    SetParagraph out = set_once(content, style_id, shape, where, diags);
    // A drop cap deeper than its paragraph (a two-line note under a
    // three-line initial) would leave white under the text, and one that
    // leaves less than half the measure beside it (a narrow column) would
    // break the words there a few letters a line: the paragraph is set
    // without one.
    const std::size_t lines = out.lines.size();
    const std::size_t dropcap_lines = static_cast<std::size_t>(out.dropcap_lines);
    const bool too_deep = dropcap_lines > 0 && lines < dropcap_lines;
    // The measure past the cap: its first line below it, or the column.
    const double measure = lines > dropcap_lines ? out.lines[dropcap_lines].width : shape.width;
    const bool too_wide =
        dropcap_lines > 0 && !too_deep && out.lines.front().width < kDropCapLeavesAtLeast * measure;
    if (too_deep || too_wide) {
        diags.retract_after(reported);
        ParagraphShape plain = shape;
        plain.dropcap_lines = 0;
        out = set_once(content, style_id, plain, where, diags);
    }
    return even(content, style_id, shape, where, diags, std::move(out));
}

SetParagraph TextSetter::even(const model::Inlines& content, layout::ParagraphStyleId style_id,
                              const ParagraphShape& shape, const SourceLocation& where, Diagnostics& diags,
                              SetParagraph full) {
    const layout::ParagraphStyle& p = impl_->layout.style(style_id);
    const std::size_t n = full.lines.size();
    // Not justified text, whose lines fill the measure; nor a run-around's
    // or a drop cap's indents, which are not the paragraph's to narrow.
    const layout::Alignment align = shape.align.value_or(p.align);
    if (!p.even_lines || n < 2 || align == layout::Alignment::justify || shape.indents || full.dropcap_lines > 0 ||
        text::sets_right_to_left(model::plain_text(content), shape.lang, shape.direction_of_lang))
        return full;
    const std::size_t reported = diags.all().size();
    ParagraphShape narrower = shape;
    auto keeps_lines = [&](double w) {
        const std::size_t before = diags.all().size();
        narrower.width = w;
        const SetParagraph q = set_once(content, style_id, narrower, where, diags);
        const bool ok =
            q.lines.size() == n && q.short_word_ends <= full.short_word_ends && diags.all().size() == before;
        diags.retract_after(before);
        return ok;
    };
    double lo = shape.width / static_cast<double>(n);
    double hi = shape.width;
    for (int i = 0; i < kEvenSteps; ++i) {
        const double mid = (lo + hi) / 2;
        (keeps_lines(mid) ? hi : lo) = mid;
    }
    if (hi >= shape.width - 1e-9) return full;  // the full measure was the narrowest
    diags.retract_after(reported);  // the full measure's, not used
    narrower.width = hi;
    SetParagraph out = set_once(content, style_id, narrower, where, diags);
    // The lines keep their place in the measure they were asked for:
    // ranged left, they start where they would have, ranged right they
    // end there, centred they stay centred; only their breaks moved.
    const double room = shape.width - hi;
    for (SetLine& line : out.lines) {
        if (align == layout::Alignment::left)
            line.width += room;
        else
            line.left += align == layout::Alignment::right ? room : room / 2;
    }
    return out;
}

SetParagraph TextSetter::set_once(const model::Inlines& content, layout::ParagraphStyleId style_id,
                                  const ParagraphShape& shape, const SourceLocation& where, Diagnostics& diags) {
    Impl& m = *impl_;
    const layout::ParagraphStyle p = m.style_for(style_id, shape);
    const double size = p.size.to_pt() > 0 ? p.size.to_pt() : 10.0;
    const layout::Alignment align = shape.align.value_or(p.align);
    const bool justify = align == layout::Alignment::justify;
    SetParagraph out;
    out.leading = p.leading.to_pt();
    const bool stacked = model::stacks_marks(shape.lang);
    if (stacked) out.min_leading = m.layout.grid.stacked_line_height * size;

    // collect
    const int base = m.styles.intern(text::paragraph_run_style(p, shape.lang));
    text::CollectedText t = text::collect(content, base, m.layout, m.styles);
    const int paragraph_font = m.builder.font_of(base);

    Geometry geo;
    geo.width = shape.width;
    geo.left = p.left_indent.to_pt();
    geo.right = p.right_indent.to_pt();
    geo.indents = &shape.indents;
    std::size_t from = 0;
    std::optional<page::GlyphRun> dropcap;
    // No drop cap for a paragraph set right to left: Arabic letters join,
    // and a letter cut off its word changes shape.
    const bool rtl = !t.text.empty() && text::sets_right_to_left(t.text, shape.lang, shape.direction_of_lang);
    geo.rtl = rtl;
    // Nor for a script that stacks marks: its lines leave the grid, and
    // the initial would not span whole lines.
    if (shape.dropcap_lines > 0 && !t.text.empty() && !rtl && !stacked) {
        const auto [a, b] = text::dropcap_range(t.text);
        if (a < b) {
            const text::FontMetrics& body = m.shaper.metrics(paragraph_font);
            text::restyle(t, a, b, m.layout.character_style(layout::CharacterStyleId::dropcap), m.styles, size);
            const int dc_style = t.runs[text::run_at(t, a)].style;
            // Cap height from the first line's cap line to the last line's baseline.
            const double depth = (shape.dropcap_lines - 1) * out.leading + body.cap_height;
            const int probe = m.builder.font_of(dc_style);
            const double ratio = m.shaper.metrics(probe).cap_height / m.styles[dc_style].font.size;
            text::resize(t, a, b, ratio > 0 ? depth / ratio : depth, m.styles);
            const std::size_t run = text::run_at(t, a);
            const int font = m.builder.font_of(t.runs[run].style);
            const std::string dc_text = t.text.substr(a, b - a);
            const text::Shaped& sh = m.shaper.shape(font, dc_text);
            page::GlyphRun r;
            const text::RunStyle& rs = m.styles[t.runs[run].style];
            r.colour = rs.colour;
            r.size = rs.font.size;
            r.text = dc_text;
            for (const text::ShapedCluster& c : sh.clusters)
                r.clusters.push_back(page::Cluster{static_cast<int>(c.byte_end - c.byte_start),
                                                   static_cast<int>(c.glyph_end - c.glyph_start)});
            for (const text::ShapedGlyph& g : sh.glyphs)
                r.glyphs.push_back(page::Glyph{g.id, g.x + g.dx, static_cast<double>(g.dy)});
            const std::uint16_t face = sh.glyphs.empty() ? m.shaper.primary_face(font) : sh.glyphs.front().face;
            r.face = m.shaper.face(face).face;
            r.advance = sh.width;
            geo.dropcap_lines = shape.dropcap_lines;
            geo.dropcap_indent = sh.width + m.layout.dropcap.gap.to_pt();
            r.origin = page::Point{-geo.dropcap_indent, (shape.dropcap_lines - 1) * out.leading};
            dropcap = std::move(r);
            out.dropcap_lines = shape.dropcap_lines;
            from = b;
        }
    }
    if (shape.lead_in_words > 0) {
        const std::size_t end = text::words_end(t.text, from, shape.lead_in_words);
        text::restyle(t, from, end, m.layout.character_style(layout::CharacterStyleId::lead_in), m.styles, size);
    }
    if (!dropcap && !shape.first_in_flow) {
        geo.first_extra = p.first_line_indent.to_pt();
        // Chinese and Japanese indent by two of their own characters (the
        // body size each), whatever length suits the layout's Latin text.
        if (geo.first_extra > 0 && model::indents_by_characters(shape.lang)) geo.first_extra = 2 * size;
    }
    // A verse or an address starts every line at the same place: its first
    // line takes no indent.
    if (shape.own_lines) geo.first_extra = 0;

    // prepare
    text::BuildOptions o = Impl::build_options(p, justify);
    std::size_t first_widths = static_cast<std::size_t>(geo.dropcap_lines) + 2;
    if (shape.indents) {
        const double estimate = static_cast<double>(t.text.size()) * size * 0.5 / std::max(shape.width, 1.0);
        first_widths = std::min<std::size_t>(kMaxLineWidths, static_cast<std::size_t>(estimate * 1.5) + 8 +
                                                                  static_cast<std::size_t>(geo.dropcap_lines));
    }
    double narrowest = geo.line(0).second;
    for (std::size_t i = 1; i < first_widths; ++i) narrowest = std::min(narrowest, geo.line(i).second);
    // A verse or an address: a line that wraps is turned over, set in from
    // the lines its breaks start (the start side: the right, set right to
    // left), by at most a quarter of the measure. A word wider than the
    // turned line's measure is cut to it.
    double turnover = 0;
    if (align == layout::Alignment::left && model::has_line_break(content))
        turnover = std::min(std::max(0.0, p.turnover_indent) * size, kMostTurnover * narrowest);
    o.min_measure = std::max(narrowest - turnover, 1.0);
    text::Prepared prep = m.builder.build(t, from, o, diags);
    m.shaper.drop_scratch();

    // break
    BreakSettings settings = Impl::break_settings(p);
    // A break inside a name ("edited by Kong / Bunthoeun") is avoided
    // where a ragged line may fall short instead, at the short words' cost
    // and tolerance: a first pass within the pretolerance, or the usual
    // tolerance in a wide measure, would admit only the break inside it.
    if (!prep.name_breaks.empty()) {
        for (std::size_t k : prep.name_breaks) prep.items[k].penalty = kShortWordPenalty;
        settings.pretolerance = -1;
        settings.tolerance = std::max(settings.tolerance, kShortWordTolerance);
    }
    settings.turnover_indent = turnover;
    std::vector<BrokenLine> lines = m.break_lines(prep.items, settings, geo, first_widths);
    // A ragged display line does not end on "of" or "the" where the next
    // line can take the word. Where the lines found do, the breaks after
    // such words cost a penalty and the lines are found again, within the
    // tolerance (the first pass's pretolerance may admit only the line that
    // ends on the word); kept when that gives fewer such ends and no line
    // more (total fit would rather add a short line than pay the penalty).
    if (!prep.short_word_breaks.empty()) {
        auto short_ends = [&](const std::vector<BrokenLine>& ls) {
            int n = 0;
            for (std::size_t i = 0; i + 1 < ls.size(); ++i)
                if (std::binary_search(prep.short_word_breaks.begin(), prep.short_word_breaks.end(), ls[i].end)) ++n;
            return n;
        };
        out.short_word_ends = short_ends(lines);
        if (out.short_word_ends > 0) {
            std::vector<Item> items = prep.items;
            for (std::size_t k : prep.short_word_breaks) items[k].penalty = kShortWordPenalty;
            BreakSettings within_tolerance = settings;
            within_tolerance.pretolerance = -1;
            within_tolerance.tolerance = std::max(settings.tolerance, kShortWordTolerance);
            std::vector<BrokenLine> carried = m.break_lines(items, within_tolerance, geo, first_widths);
            const int carried_ends = short_ends(carried);
            if (carried.size() == lines.size() && carried_ends < out.short_word_ends) {
                lines = std::move(carried);
                out.short_word_ends = carried_ends;
            }
        }
    }

    // finalize
    text::LineOptions lo;
    lo.align = align;
    lo.rtl = rtl;
    lo.build = o;
    lo.paragraph_font = paragraph_font;
    text::LineBuilder lb(m.shaper, m.styles, m.builder, t, prep, lo);
    std::size_t very_loose = 0;
    double loosest = 0.0;
    out.lines.reserve(lines.size());
    // Whether line i ends where an e-mail address or URL breaks by convention.
    auto at_address_break = [&](std::size_t i) {
        const std::size_t e = lines[i].end;
        return e < prep.pieces.size() && prep.pieces[e].kind == text::Piece::Kind::cut && prep.pieces[e].conventional;
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto [left, width] = geo.line(i);
        width = std::max(0.0, width - lines[i].turnover);
        if (!rtl) left += lines[i].turnover;
        SetLine line = lb.build(lines[i], width, i + 1 == lines.size());
        line.left = left;
        // The lines on either side of an address's break are as loose as
        // breaking it only where convention allows makes them: chosen over
        // cutting a name, not reported.
        const bool address_break = at_address_break(i) || (i > 0 && at_address_break(i - 1));
        if (line.word_space > kReportedLooseness * o.word_space_max && !line.last && justify && !address_break) {
            ++very_loose;
            loosest = std::max(loosest, line.word_space);
        }
        out.lines.push_back(std::move(line));
    }
    if (dropcap) {
        if (out.lines.empty()) {
            SetLine l;
            l.width = geo.line(0).second;
            l.left = geo.line(0).first;
            l.last = true;
            const text::FontMetrics& fm = m.shaper.metrics(paragraph_font);
            l.ascent = fm.ascent;
            l.descent = fm.descent;
            out.lines.push_back(std::move(l));
        }
        out.lines.front().runs.insert(out.lines.front().runs.begin(), std::move(*dropcap));
    }

    // report
    std::set<char32_t> missing = lb.missing();
    if (out.dropcap_lines > 0) {
        const auto [a, b] = text::dropcap_range(t.text);
        const text::Shaped& sh = m.shaper.shape(m.builder.font_of(t.runs[text::run_at(t, a)].style), t.text.substr(a, b - a));
        if (sh.missing) {
            std::size_t q = a;
            while (q < b) {
                const char32_t ch = text::next_char(t.text, q);
                if (!text::is_default_ignorable(ch)) missing.insert(ch);
            }
        }
    }
    if (!missing.empty()) {
        diags.warning("W-GLYPH-MISSING", where,
                      "no glyph for " + text::codepoint_list(missing) + " in " + p.font.joined() + " or any fallback; " +
                          (missing.size() == 1 ? "it prints as an empty box" : "they print as empty boxes"));
    }
    std::vector<std::uint32_t> cut;  // words a line ends inside
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        const std::size_t e = lines[i].end;
        // An address broken after '@' or before '.' is broken by
        // convention, not forced: no warning for that.
        if (e < prep.pieces.size() && prep.pieces[e].kind == text::Piece::Kind::cut &&
            !prep.pieces[e].conventional && (cut.empty() || cut.back() != prep.pieces[e].word))
            cut.push_back(prep.pieces[e].word);
    }
    if (!cut.empty()) {
        std::string words;
        std::size_t shown = 0;
        for (const text::CutWord& w : prep.cut_words) {
            if (std::find(cut.begin(), cut.end(), w.word) == cut.end()) continue;
            if (shown++ == 3) {
                words += ", ...";
                break;
            }
            words += (words.empty() ? "\"" : ", \"") + shorten(std::string_view(t.text).substr(w.start, w.end - w.start)) + "\"";
        }
        diags.warning("W-TEXT-FORCED-BREAK", where,
                      std::to_string(cut.size()) + (cut.size() == 1 ? " word is" : " words are") +
                          " broken between characters to fit the " + format_pt(o.min_measure) + " pt measure: " +
                          words);
    }
    if (lb.overfull() > 0)
        diags.warning("W-TEXT-OVERFULL", where,
                      std::to_string(lb.overfull()) + (lb.overfull() == 1 ? " line is" : " lines are") +
                          " wider than the " + format_pt(o.min_measure) +
                          " pt measure: a single character does not fit");
    if (very_loose > 0)
        diags.warning("W-TEXT-LOOSE", where,
                      std::to_string(very_loose) + (very_loose == 1 ? " line has" : " lines have") +
                          " word spaces up to " + format_pt(loosest) + "x the font's space (the style aims for " +
                          format_pt(o.word_space_max) + "x at most): no better breaks in this measure");
    m.shaper.end_paragraph();
    return out;
}

SetParagraph TextSetter::set_text(const std::string& text, layout::ParagraphStyleId style, const ParagraphShape& shape,
                                  const SourceLocation& where, Diagnostics& diags) {
    model::Inlines content;
    content.push_back(model::Inline{model::Text{text}});
    return set(content, style, shape, where, diags);
}

double TextSetter::ascender(layout::ParagraphStyleId style) {
    Impl& m = *impl_;
    const int base = m.styles.intern(text::paragraph_run_style(m.layout.style(style), ""));
    return m.shaper.metrics(m.builder.font_of(base)).ascender;
}

double TextSetter::measure(const std::string& text, layout::ParagraphStyleId style) {
    Impl& m = *impl_;
    const layout::ParagraphStyle& p = m.layout.style(style);
    model::Inlines content;
    content.push_back(model::Inline{model::Text{text}});
    const int base = m.styles.intern(text::paragraph_run_style(p, ""));
    const text::CollectedText t = text::collect(content, base, m.layout, m.styles);
    text::BuildOptions o = Impl::build_options(p, false);
    o.hyphenate = false;
    Diagnostics ignored;
    const text::Prepared prep = m.builder.build(t, 0, o, ignored);
    double width = 0.0;
    for (const Item& it : prep.items)
        if (it.kind != ItemKind::penalty) width += it.width;
    m.shaper.end_paragraph();
    return width;
}

}  // namespace galley::typeset
