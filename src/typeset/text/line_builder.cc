#include "typeset/text/line_builder.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>
#include <string>

#include "model/direction.h"
#include "typeset/linebreak/line_fit.h"
#include "typeset/text/chars.h"
#include "typeset/text/kashida.h"

namespace galley::typeset::text {
namespace {

/// Joins a run's clusters of Khmer, Thai, Indic... text into one cluster per
/// stretch of such text (a word, or its part in this face). cairo then
/// writes the stretch's text once, as /ActualText over its glyphs, instead
/// of mapping each glyph to a character: a vowel sign or subscript that
/// HarfBuzz moved up, down or before its consonant otherwise comes out of
/// pdftotext on a line of its own or in the wrong order ("សេចក្ដប្រ / ី").
void join_stacking_clusters(page::GlyphRun& r) {
    std::vector<page::Cluster> joined;
    joined.reserve(r.clusters.size());
    std::size_t at = 0;
    bool open = false;  // the last cluster in `joined` is such a stretch
    for (const page::Cluster& c : r.clusters) {
        const auto bytes = static_cast<std::size_t>(c.bytes);
        const bool stacking = c.bytes > 0 && at + bytes <= r.text.size() &&
                              in_stacking_script(std::string_view(r.text).substr(at, bytes));
        at += bytes;
        if (open && (stacking || c.bytes == 0)) {
            joined.back().bytes += c.bytes;
            joined.back().glyphs += c.glyphs;
            continue;
        }
        joined.push_back(c);
        open = stacking;
    }
    r.clusters = std::move(joined);
}

/// How far past letter-space-max a line already past word-space-max may
/// letter-space (a factor of the style's limit).
constexpr double kEmergencyLetterSpacing = 2.0;


struct RunKey {
    std::uint16_t face = 0;
    page::Colour colour;
    double shift = 0.0;
    bool operator==(const RunKey&) const = default;
};

/// The span of a line (a word or part of one, or a space) whose glyphs are
/// being written: its index, left edge, the room its letters may stand
/// apart, and whether all its glyphs are in one face.
struct SpanAt {
    std::size_t elem = 0;
    double start = 0.0;
    double slack = 0.0;
    bool one_face = true;
};

/// Appends glyphs and clusters to the line's runs, opening a run when the
/// face, colour or baseline changes, or where a glyph stands away from the
/// run.
class RunWriter {
public:
    /// `glyphs`, `bytes`: the line's totals, reserved in its first run (most
    /// lines have one).
    RunWriter(std::vector<page::GlyphRun>& runs, std::size_t glyphs, std::size_t bytes)
        : runs_(runs), glyphs_(glyphs), bytes_(bytes) {}

    /// A glyph run continues the last run when it has the same face,
    /// colour and baseline and lies beside it, so that a run's origin and
    /// advance span its glyphs and no one else's. With `at_end`, the run
    /// must end exactly at `from`: a space after a word whose runs lie in
    /// visual order (digits at the left of an Arabic word, set right to
    /// left) goes in a run of its own, not in the digits'. Otherwise the
    /// glyph, from `from` to `to`, continues the run when it belongs to the
    /// span that opened the run (the digits and letters of one Arabic word
    /// touch once all are placed), when it touches the run give or take the
    /// span's slack (the letter-spacing and kashida between two letters),
    /// or when the run ends at or before the span's left edge and the span
    /// will fill the room between: it opens there (a word after a
    /// stretched break between Thai or Khmer words), or all its glyphs are
    /// in this face (an Arabic word after a space in its face). A span
    /// whose first letter in reading order stands elsewhere and whose
    /// glyphs come from several faces, as "(د-3)" set right to left (its
    /// "(" at the right, its "د" in another face), opens a run of its own
    /// rather than take the space at its left with it.
    page::GlyphRun& run_for(const RunKey& key, double from, double to, const Shaper& shaper, const SpanAt& span,
                            bool at_end = false) {
        if (!runs_.empty() && current_ == key) {
            const page::GlyphRun& last = runs_.back();
            const double right = last.origin.x + last.advance;
            constexpr double kTouch = 1e-6;
            const bool touches =
                from <= right + span.slack + kTouch && to >= lefts_.back() - span.slack - kTouch;
            const bool fills = right <= span.start + kTouch && (from <= span.start + kTouch || span.one_face);
            const bool beside =
                at_end ? std::abs(right - from) < kTouch : span.elem == opened_by_ || touches || fills;
            if (beside) {
                lefts_.back() = std::min(lefts_.back(), from);
                return runs_.back();
            }
        }
        page::GlyphRun r;
        if (runs_.empty()) {
            r.glyphs.reserve(glyphs_);
            r.clusters.reserve(glyphs_);
            r.text.reserve(bytes_);
        }
        const FaceInfo& f = shaper.face(key.face);
        r.face = f.face;
        r.size = f.size;
        r.colour = key.colour;
        r.origin = page::Point{from, -key.shift};
        runs_.push_back(std::move(r));
        lefts_.push_back(from);
        current_ = key;
        opened_by_ = span.elem;
        return runs_.back();
    }

    /// Where each run's glyphs start, as they advance (a mark hung left of
    /// its letter, the tanween over a final alef, may stand further left).
    const std::vector<double>& lefts() const { return lefts_; }
    /// The last run has a glyph whose pen stands at `x`.
    void reaches(double x) { lefts_.back() = std::min(lefts_.back(), x); }

private:
    std::vector<page::GlyphRun>& runs_;
    std::size_t glyphs_ = 0;
    std::size_t bytes_ = 0;
    RunKey current_;
    std::vector<double> lefts_;  // per run, its leftmost glyph's pen position
    std::size_t opened_by_ = 0;  // the span that opened the last run
};

/// A kashida narrower than this is not drawn (the space it would take goes
/// unfilled: less than a hair).
constexpr double kMinKashida = 0.05;  // pt

/// Draws tatweel glyph `g` across [x, x + width) of the line, one glyph or
/// several overlapping evenly, so the stroke covers the width exactly (one
/// wider than it is centred on it, overlapping the joins on either side).
/// The glyphs join the run's last cluster, the letter before the kashida:
/// its text then covers them, so the word extracts whole and as written (a
/// cluster of its own, without text, reads as a space between two parts).
void place_tatweels(page::GlyphRun& r, const ShapedGlyph& g, double x, double width) {
    const double advance = g.advance;
    const int n = std::max(1, static_cast<int>(std::ceil(width / advance - 1e-9)));
    const double step = n > 1 ? (width - advance) / (n - 1) : 0.0;
    const double first = n > 1 ? x : x + (width - advance) / 2.0;
    // Before the letter's own glyphs: the cluster then runs left to right.
    const auto at = r.glyphs.size() - static_cast<std::size_t>(r.clusters.back().glyphs);
    r.glyphs.insert(r.glyphs.begin() + static_cast<std::ptrdiff_t>(at), static_cast<std::size_t>(n), page::Glyph{});
    for (int k = 0; k < n; ++k) {
        const double gx = first + step * k;
        r.glyphs[at + static_cast<std::size_t>(k)] = page::Glyph{g.id, gx + g.dx - r.origin.x, static_cast<double>(g.dy)};
    }
    r.advance = std::max(r.advance, first + step * (n - 1) + advance - r.origin.x);
    r.clusters.back().glyphs += n;
}

}  // namespace

/// One element of a line: a span of word text (one style, shaped) or a glue.
struct LineBuilder::Elem {
    bool glue = false;
    bool gap = false;          ///< glue: a break between letters of a word (no space)
    bool word_gap = false;     ///< gap: between two words of Khmer, Thai...: stretches after the spaces
    /// The item this glue stands for, to set it with a LineFit.
    Item glue_item() const { return word_gap ? Item::word_gap(stretch) : Item::glue(width, stretch, shrink); }
    std::uint32_t run = 0;
    std::size_t a = 0, b = 0;  ///< paragraph bytes
    std::uint32_t word = 0;
    bool hyphen = false;       ///< span: ends with an inserted hyphen
    bool long_text = false;
    // span
    int font = 0;
    std::string text;          ///< what the glyphs spell
    const Shaped* shaped = nullptr;
    std::size_t gaps = 0;
    double tracking = 0.0, letter_max = 0.0, letter_min = 0.0;
    /// Arabic: pt the span may lengthen by with a kashida, and where.
    double kashida_max = 0.0;
    KashidaPlace kashida;
    // glue
    double width = 0.0, stretch = 0.0, shrink = 0.0;
};

LineBuilder::LineBuilder(Shaper& shaper, StyleTable& styles, ItemBuilder& builder, const CollectedText& text,
                         const Prepared& prepared, const LineOptions& options)
    : shaper_(shaper), styles_(styles), builder_(builder), text_(text), prepared_(prepared), options_(options) {}

LineBuilder::~LineBuilder() = default;

void LineBuilder::detach_closing_punctuation(std::vector<Elem>& elems) const {
    // The bidirectional algorithm gives such a stop the paragraph's
    // direction when right-to-left text follows it (or nothing): read from
    // the right, "... وكالة CNN." ends with the name, then the stop, at the
    // left of the whole run of Latin words ("New York."). Shaped with its
    // word, it would stand at the word's right, read before it. Split off,
    // it is a neutral between a left-to-right and a right-to-left span, so
    // reorder() leaves it at the paragraph's level, and it is shaped in the
    // paragraph's direction. Only words that open with a letter or digit:
    // a bracket or quote before the word would need its partner moved too.
    for (std::size_t k = 0; k < elems.size(); ++k) {
        if (elems[k].glue || elems[k].hyphen) continue;
        const std::string_view word(text_.text.data() + elems[k].a, elems[k].b - elems[k].a);
        const std::size_t cut = closing_punctuation_start(word);
        if (cut == 0 || cut == word.size() || model::strong_direction(word) <= 0 ||
            model::has_right_to_left_letter(word) || !opens_with_letter_or_digit(word))
            continue;
        if (model::strong_direction(std::string_view(text_.text).substr(elems[k].b)) > 0) continue;
        Elem tail = elems[k];
        tail.a = elems[k].a + cut;
        elems[k].b = tail.a;
        elems.insert(elems.begin() + static_cast<std::ptrdiff_t>(k) + 1, std::move(tail));
        ++k;
    }
}

void LineBuilder::reorder(std::vector<Elem>& elems) const {
    // Levels: base 0 (LTR) or 1 (RTL); spans against it one more.
    const int base = options_.rtl ? 1 : 0;
    bool any_against = false;
    std::vector<int> dir(elems.size(), 0);  // +1 LTR, -1 RTL, 0 neutral
    for (std::size_t k = 0; k < elems.size(); ++k) {
        if (elems[k].glue) continue;
        dir[k] = model::strong_direction(elems[k].text);
        if (dir[k] != 0 && (dir[k] < 0) != options_.rtl) any_against = true;
    }
    if (!any_against && !options_.rtl) return;
    std::vector<int> level(elems.size(), base);
    const int against = options_.rtl ? 1 : -1;
    for (std::size_t k = 0; k < elems.size(); ++k) {
        if (dir[k] == against) {
            level[k] = base + 1;
            continue;
        }
        if (dir[k] != 0) continue;
        // A neutral between two spans against the base joins them.
        int before = 0, after = 0;
        for (std::size_t j = k; j-- > 0;)
            if (dir[j] != 0) {
                before = dir[j];
                break;
            }
        for (std::size_t j = k + 1; j < elems.size(); ++j)
            if (dir[j] != 0) {
                after = dir[j];
                break;
            }
        if (before == against && after == against) level[k] = base + 1;
    }
    // Reverse runs at each level from the highest down to 1 (UAX #9, L2).
    const int top = *std::max_element(level.begin(), level.end());
    std::vector<std::size_t> order(elems.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    for (int lv = top; lv >= 1; --lv) {
        for (std::size_t k = 0; k < order.size();) {
            if (level[order[k]] < lv) {
                ++k;
                continue;
            }
            std::size_t j = k;
            while (j < order.size() && level[order[j]] >= lv) ++j;
            std::reverse(order.begin() + static_cast<std::ptrdiff_t>(k), order.begin() + static_cast<std::ptrdiff_t>(j));
            k = j;
        }
    }
    std::vector<Elem> visual;
    visual.reserve(elems.size());
    for (std::size_t k : order) visual.push_back(std::move(elems[k]));
    elems = std::move(visual);
}

layout::Alignment LineBuilder::unstretched_alignment() const {
    const layout::Alignment align = options_.align;
    if (!options_.rtl) return align == layout::Alignment::justify ? layout::Alignment::left : align;
    switch (align) {
        case layout::Alignment::justify:
        case layout::Alignment::left: return layout::Alignment::right;
        case layout::Alignment::right: return layout::Alignment::left;
        default: return align;
    }
}

SetLine LineBuilder::build(const BrokenLine& line, double width, bool last) {
    const std::size_t overfull_before = overfull_;
    SetLine out = build_once(line, width, last);
    // The leftmost glyph: a run starts where its glyphs start as they
    // advance, a mark hung left of its letter may stand further left.
    auto left_of = [](const SetLine& l) {
        double left = 0.0;
        for (const page::GlyphRun& r : l.runs) {
            left = std::min(left, r.origin.x);
            for (const page::Glyph& g : r.glyphs) left = std::min(left, r.origin.x + g.x);
        }
        return left;
    };
    constexpr double kNoise = 1e-4;  // pt: rounding, not a mark
    double hang = -left_of(out);
    if (hang <= kNoise) return out;
    // Set narrower by the hang and moved right by it. A line gives up the
    // room from its measure, but a line set flush right at its natural
    // width (a right-to-left paragraph's last line) from its content,
    // which must close up by the hang. The narrower line may
    // place its words, and so the mark, a little differently: up to three
    // tries. A line that cannot close up that much (two long words in a
    // narrow column) keeps its hang rather than pass its right end.
    const bool flush_right = out.ratio == 0.0 && unstretched_alignment() == layout::Alignment::right;
    const std::size_t overfull_first = overfull_;
    for (int attempt = 0; attempt < 3 && hang < width / 4; ++attempt) {
        overfull_ = overfull_before;
        const double set_to = flush_right ? std::min(width, out.natural) - hang : width - hang;
        SetLine narrower = build_once(line, set_to, last);
        if (narrower.overfull) break;
        const double shift = width - set_to;
        // Its own hang, beyond the room the shift gives it.
        const double more = -left_of(narrower) - shift;
        if (more > kNoise) {
            hang += more;
            continue;
        }
        narrower.width = width;
        for (page::GlyphRun& r : narrower.runs) r.origin.x += shift;
        for (page::Link& l : narrower.links) l.rect.x += shift;
        for (page::Rule& u : narrower.rules) {
            u.from.x += shift;
            u.to.x += shift;
        }
        return narrower;
    }
    overfull_ = overfull_first;
    return out;
}

SetLine LineBuilder::build_once(const BrokenLine& line, double width, bool last) {
    const auto& items = prepared_.items;
    const auto& pieces = prepared_.pieces;
    const BuildOptions& bo = options_.build;
    const bool justify = options_.align == layout::Alignment::justify;

    // 1. The line's elements.
    std::vector<Elem>& elems = elems_;
    elems.clear();
    owned_.clear();
    for (std::size_t i = line.start; i < line.end && i < items.size(); ++i) {
        const Piece& p = pieces[i];
        if (p.kind == Piece::Kind::text) {
            if (!elems.empty() && !elems.back().glue && elems.back().run == p.run && elems.back().b == p.start &&
                elems.back().word == p.word) {
                elems.back().b = p.end;
                continue;
            }
            Elem e;
            e.run = p.run;
            e.a = p.start;
            e.b = p.end;
            e.word = p.word;
            e.long_text = p.long_text;
            elems.push_back(std::move(e));
        } else if (p.kind == Piece::Kind::space || p.kind == Piece::Kind::gap) {
            Elem e;
            e.glue = true;
            e.gap = p.kind == Piece::Kind::gap;
            e.word_gap = e.gap && p.between_words;
            e.run = p.run;
            e.a = p.start;
            e.b = p.kind == Piece::Kind::space ? p.end : p.start;
            const SpaceGlue g = builder_.space_glue(text_.runs[p.run].style, bo);
            if (p.kind == Piece::Kind::space) {
                e.width = g.width;
                e.stretch = justify ? g.stretch : 0.0;
                e.shrink = justify ? g.shrink : 0.0;
            } else {
                e.stretch = justify ? g.stretch : 0.0;
            }
            elems.push_back(std::move(e));
        }
    }
    // Glue at the end of a line (before a forced break) takes no room.
    while (!elems.empty() && elems.back().glue) elems.pop_back();
    const bool hyphenated = line.end < items.size() && pieces[line.end].kind == Piece::Kind::hyphen &&
                            pieces[line.end].add_hyphen && !elems.empty() && !elems.back().glue;
    if (hyphenated) elems.back().hyphen = true;
    if (options_.rtl) detach_closing_punctuation(elems);

    // 2. Shape the spans; count the gaps between letters.
    LineMeasure m;
    double glue_natural = 0.0;
    for (std::size_t k = 0; k < elems.size(); ++k) {
        Elem& e = elems[k];
        if (e.glue) {
            m.natural += e.width;
            (e.word_gap ? m.gap_stretch : m.glue_stretch) += e.stretch;
            m.glue_shrink += e.shrink;
            glue_natural += e.width;
            continue;
        }
        const int style = text_.runs[e.run].style;
        e.font = builder_.font_of(style);
        e.text.assign(text_.text, e.a, e.b - e.a);
        if (e.hyphen) e.text += '-';
        // In the paragraph's direction: a full stop after an Arabic word
        // stands at its left in an Arabic paragraph, at its right in an
        // English one. So does a number's: digits keep their order, but
        // the bidirectional algorithm counts them as right to left for the
        // punctuation beside them, so in a right-to-left paragraph "1948."
        // ends with its stop at the left and "(3)" opens at the right.
        // (A word with a left-to-right letter and none written right to
        // left is shaped as measured, in its own direction, from the cache.)
        const bool paragraph_way =
            model::may_have_right_to_left(e.text) || (options_.rtl && model::strong_direction(e.text) == 0);
        const BaseDirection dir = !paragraph_way ? BaseDirection::automatic
                                  : options_.rtl ? BaseDirection::right_to_left
                                                 : BaseDirection::left_to_right;
        if (e.long_text) {
            e.shaped = &owned_.emplace_back(shaper_.shape_once(e.font, e.text, dir));
        } else {
            e.shaped = &shaper_.shape(e.font, e.text, dir);
        }
        // The word goes on along the line: next, or past a break between
        // its letters that the line did not take (Chinese, Thai).
        auto same_word = [&](std::size_t j) { return j < elems.size() && !elems[j].glue && elems[j].word == e.word; };
        const bool word_continues = same_word(k + 1) || (k + 1 < elems.size() && elems[k + 1].gap && same_word(k + 2));
        const std::size_t n = e.shaped->clusters.size();
        e.gaps = word_continues ? n : (n > 0 ? n - 1 : 0);
        if (allows_letter_spacing(e.text)) {
            const RunStyle& rs = styles_[style];
            e.tracking = rs.tracking / 1000.0 * rs.font.size;
            if (justify) {
                e.letter_max = bo.letter_space_max / 1000.0 * rs.font.size;
                e.letter_min = -bo.letter_space_min / 1000.0 * rs.font.size;
            }
        } else if (justify && spaces_between_clusters(e.text)) {
            e.letter_max = bo.letter_space_max / 1000.0 * styles_[style].font.size;  // as ItemBuilder measured
        } else if (justify && bo.kashida_max > 0.0 && !e.hyphen) {
            const std::optional<KashidaPlace> place =
                kashida_place(e.text, *e.shaped, shaper_.shape(e.font, kTatweelText));
            if (place) {
                e.kashida = *place;
                e.kashida_max = bo.kashida_max / 1000.0 * styles_[style].font.size;
            }
        }
        const double g = static_cast<double>(e.gaps);
        m.natural += e.shaped->width + g * e.tracking;
        m.letter_stretch += g * e.letter_max + e.kashida_max;
        m.letter_shrink += g * e.letter_min;
    }

    // 3. Fit: justified lines fill the measure; the others keep their
    //    natural width (and shrink only if they must).
    const bool stretches = justify && !last && !line.forced;
    if (!stretches) m.fill = 1.0;
    LineFit fit = fit_line(m, width);
    if (stretches && fit.ratio > 1.0 && m.letter_stretch > 0.0) {
        // Past the limits. Rather than word spaces alone taking the rest,
        // letters take a share in proportion to their capacity (all of it
        // on a line without word spaces, a word cut by force), up to
        // kEmergencyLetterSpacing times the style's letter-space-max. What
        // is still missing goes to the word spaces, or, without any, is
        // left short at the end.
        const double excess = width - m.natural - m.glue_stretch - m.gap_stretch - m.letter_stretch;
        const double spaces = m.glue_stretch > 0.0 ? m.glue_stretch : m.gap_stretch;
        const double share = spaces > 0.0 ? m.letter_stretch / (m.letter_stretch + spaces) : 1.0;
        const double letters = std::min(excess * share, (kEmergencyLetterSpacing - 1.0) * m.letter_stretch);
        fit.letter = 1.0 + letters / m.letter_stretch;
        if (m.glue_stretch > 0.0) fit.glue = 1.0 + (excess - letters) / spaces;
        else if (m.gap_stretch > 0.0) fit.gap = 1.0 + (excess - letters) / spaces;
    }
    double glue_squeeze = 0.0;  // fraction of each glue's set width removed past its shrink
    double gap_squeeze = 0.0;   // pt removed from each letter gap past its limit
    bool overfull = false;
    if (fit.overfull()) {
        double excess = -fit.shortfall;
        double glue_left = 0.0;
        std::size_t gaps = 0;
        for (const Elem& e : elems) {
            if (e.glue) glue_left += e.width - e.shrink;
            else gaps += e.gaps;
        }
        if (glue_left > 0.0) {
            glue_squeeze = std::min(1.0, excess / glue_left);
            excess -= glue_squeeze * glue_left;
        }
        if (excess > 1e-9 && gaps > 0) {
            gap_squeeze = excess / static_cast<double>(gaps);
            excess = 0.0;
        }
        overfull = excess > 1e-6;
        if (overfull) ++overfull_;
    }

    // A kashida takes the line's share of letter-spacing capacity; it never
    // shrinks a word.
    auto kashida_width = [&](const Elem& e) { return e.kashida_max * std::max(0.0, fit.letter); };

    // 4. Place.
    SetLine out;
    out.width = width;
    out.natural = m.natural;
    out.hyphenated = hyphenated;
    out.last = last;
    out.overfull = overfull;
    out.ratio = stretches ? fit.ratio : 0.0;
    double set_total = m.natural;
    {
        double glue_delta = 0.0, letter_delta = 0.0;
        for (const Elem& e : elems) {
            if (e.glue) {
                const double w = set_width(e.glue_item(), fit);
                glue_delta += w - e.width - glue_squeeze * (w);
            } else {
                const double per = fit.letter * (fit.letter >= 0.0 ? e.letter_max : e.letter_min) - gap_squeeze;
                letter_delta += per * static_cast<double>(e.gaps) + kashida_width(e);
            }
        }
        set_total += glue_delta + letter_delta;
    }
    double pen = 0.0;
    if (!stretches) {
        const double room = width - set_total;
        const layout::Alignment align = unstretched_alignment();
        if (align == layout::Alignment::right) pen = room;
        else if (align == layout::Alignment::center) pen = room / 2.0;
        if (pen < 0.0) pen = 0.0;
    }
    reorder(elems);

    std::size_t total_glyphs = 0, total_bytes = 0;
    for (const Elem& e : elems) {
        total_glyphs += e.glue ? 1 : e.shaped->glyphs.size();
        total_bytes += e.glue ? e.b - e.a : e.text.size();
    }
    RunWriter writer(out.runs, total_glyphs, total_bytes);
    double ascent = 0.0, descent = 0.0;
    bool any_glyph = false;
    double glue_set = 0.0, glue_count_natural = 0.0;
    int link = -1;
    double link_x = 0.0;
    std::optional<page::Rule> underline;
    auto close_link = [&](double x) {
        if (link >= 0 && x > link_x) {
            page::Link l;
            l.uri = text_.links[static_cast<std::size_t>(link)];
            l.rect = page::Rect{link_x, 0.0, x - link_x, 0.0};
            out.links.push_back(std::move(l));
        }
        link = -1;
    };
    auto close_underline = [&] {
        if (underline) out.rules.push_back(*underline);
        underline.reset();
    };
    for (std::size_t k = 0; k < elems.size(); ++k) {
        Elem& e = elems[k];
        const TextRun& tr = text_.runs[e.run];
        const RunStyle& rs = styles_[tr.style];
        const double start = pen;
        if (tr.link != link) {
            close_link(pen);
            if (tr.link >= 0) link = tr.link, link_x = pen;
        }
        if (e.glue) {
            const double w = set_width(e.glue_item(), fit);
            const double set = w - glue_squeeze * w;
            if (e.b > e.a) {
                // The space itself, so the text extracts with its spaces.
                const int font = builder_.font_of(tr.style);
                const Shaped& sp = shaper_.space(font);
                if (!sp.glyphs.empty()) {
                    const ShapedGlyph& g = sp.glyphs.front();
                    page::GlyphRun& r =
                        writer.run_for(RunKey{g.face, rs.colour, rs.baseline_shift}, pen, pen + set, shaper_,
                                       SpanAt{k, pen}, true);
                    r.glyphs.push_back(page::Glyph{g.id, pen - r.origin.x, 0.0});
                    r.text.append(text_.text, e.a, e.b - e.a);
                    r.clusters.push_back(page::Cluster{static_cast<int>(e.b - e.a), 1});
                    r.advance = std::max(r.advance, pen + set - r.origin.x);
                }
                glue_set += set;
                glue_count_natural += e.width;
            }
            pen += set;
        } else {
            const Shaped& sh = *e.shaped;
            const double gap = e.tracking + fit.letter * (fit.letter >= 0.0 ? e.letter_max : e.letter_min) -
                               gap_squeeze;
            // A kashida moves the letters before it (at the right: the
            // word is Arabic) its width away from those after it.
            const double kashida = kashida_width(e);
            const bool lengthen = kashida > kMinKashida;
            double adj = lengthen ? kashida : 0.0;
            SpanAt span{k, pen, std::abs(gap) + (lengthen ? kashida : 0.0), true};
            for (const ShapedGlyph& g : sh.glyphs) span.one_face = span.one_face && g.face == sh.glyphs.front().face;
            for (std::size_t c = 0; c < sh.clusters.size(); ++c) {
                const ShapedCluster& cl = sh.clusters[c];
                if (lengthen && c == e.kashida.cluster) {
                    // The letter before was just written, in the same face.
                    place_tatweels(out.runs.back(), shaper_.shape(e.font, kTatweelText).glyphs.front(),
                                   pen + e.kashida.x, kashida);
                    adj -= kashida;
                }
                const int bytes = static_cast<int>(cl.byte_end - cl.byte_start);
                if (cl.glyph_start == cl.glyph_end) {
                    // No glyph (a soft hyphen, U+200B): its text still goes with the run.
                    const std::uint16_t face =
                        out.runs.empty() ? shaper_.primary_face(e.font) : std::uint16_t{0};
                    const RunKey key{face, rs.colour, rs.baseline_shift};
                    page::GlyphRun& r =
                        out.runs.empty() ? writer.run_for(key, pen, pen, shaper_, SpanAt{k, pen}) : out.runs.back();
                    r.text.append(e.text, cl.byte_start, static_cast<std::size_t>(bytes));
                    if (bytes > 0) r.clusters.push_back(page::Cluster{bytes, 0});
                } else {
                    bool first_group = true;
                    for (std::uint32_t gi = cl.glyph_start; gi < cl.glyph_end;) {
                        const std::uint16_t face = sh.glyphs[gi].face;
                        const double from = pen + sh.glyphs[gi].x + adj;
                        page::GlyphRun& r = writer.run_for(RunKey{face, rs.colour, rs.baseline_shift}, from,
                                                           from + sh.glyphs[gi].advance, shaper_, span);
                        int count = 0;
                        for (; gi < cl.glyph_end && sh.glyphs[gi].face == face; ++gi, ++count) {
                            const ShapedGlyph& g = sh.glyphs[gi];
                            const double x = pen + g.x + adj;
                            r.glyphs.push_back(page::Glyph{g.id, x + g.dx - r.origin.x, static_cast<double>(g.dy)});
                            r.advance = std::max(r.advance, x + g.advance - r.origin.x);
                            writer.reaches(x);
                            if (g.missing) {
                                std::size_t q = cl.byte_start;
                                while (q < cl.byte_end) {
                                    // A joiner or variation selector in the cluster prints nothing anyway.
                                    const char32_t ch = next_char(e.text, q);
                                    if (!is_default_ignorable(ch)) missing_.insert(ch);
                                }
                            }
                            const FaceInfo& f = shaper_.face(face);
                            ascent = std::max(ascent, f.ascent + rs.baseline_shift);
                            descent = std::max(descent, f.descent - rs.baseline_shift);
                            any_glyph = true;
                        }
                        if (first_group) r.text.append(e.text, cl.byte_start, static_cast<std::size_t>(bytes));
                        r.clusters.push_back(page::Cluster{first_group ? bytes : 0, count});
                        first_group = false;
                    }
                }
                const bool gap_after = c + 1 < sh.clusters.size() || e.gaps == sh.clusters.size();
                if (gap_after) adj += gap;
            }
            pen += sh.width + static_cast<double>(e.gaps) * gap + (lengthen ? kashida : 0.0);
        }
        if (rs.underline) {
            const FontMetrics& fm = shaper_.metrics(builder_.font_of(tr.style));
            const double y = fm.underline_position - rs.baseline_shift;
            if (underline && std::abs(underline->from.y - y) < 1e-9 && underline->colour == rs.colour &&
                std::abs(underline->to.x - start) < 1e-6) {
                underline->to.x = pen;
            } else {
                close_underline();
                underline = page::Rule{page::Point{start, y}, page::Point{pen, y}, fm.underline_thickness, rs.colour};
            }
        } else {
            close_underline();
        }
    }
    close_link(pen);
    close_underline();
    for (page::GlyphRun& r : out.runs) join_stacking_clusters(r);
    // A right-to-left run opens at its first glyph in reading order, its
    // rightmost, and the rest lie to the left of it: move each run's origin
    // to its left edge, so that origin and advance span the run as for
    // left-to-right text (the glyphs stay where they are). The edge is where
    // its glyphs start as they advance: a mark hung further left (the
    // tanween over a final alef) stands at a negative x, over the space
    // before the word, as the font draws it.
    for (std::size_t i = 0; i < out.runs.size(); ++i) {
        page::GlyphRun& r = out.runs[i];
        const double left = writer.lefts()[i] - r.origin.x;
        if (left >= 0.0) continue;
        r.origin.x += left;
        for (page::Glyph& g : r.glyphs) g.x = static_cast<float>(g.x - left);
        r.advance -= left;
    }

    if (!any_glyph) {
        const FontMetrics& fm = shaper_.metrics(options_.paragraph_font);
        ascent = fm.ascent;
        descent = fm.descent;
    }
    out.ascent = ascent;
    out.descent = descent;
    for (page::Link& l : out.links) {
        l.rect.y = -ascent;
        l.rect.height = ascent + descent;
    }
    if (glue_count_natural > 0.0) out.word_space = glue_set / glue_count_natural * bo.word_space_natural;
    out.loose = stretches && out.word_space > bo.word_space_max + 1e-6;
    return out;
}

}  // namespace galley::typeset::text
