// Total-fit line breaking.
//
// Source: D. E. Knuth and M. F. Plass, "Breaking Paragraphs into Lines",
// Software: Practice and Experience 11 (1981), 1119-1184. The three passes and
// the rescue of the last active node follow the way TeX uses that algorithm
// (The TeXbook, ch. 14). Written from those descriptions.
//
// Control flow
//   break_paragraph
//     Paragraph: prefix sums of width, glue stretch/shrink, fill and
//       letter-spacing capacity (a line's totals are a difference of two
//       sums); next_start[i], the first box or forced break at or after i
//       (where a line begins after a break at i-1: glue and penalties there
//       are discarded); the end (the first forced break after the last box,
//       else an implicit forced break at items.size()).
//     pass 1: threshold pretolerance, flagged (hyphen) penalties are not breaks
//       (when its result ends in a runt, pass 2 runs too and wins if cheaper)
//     pass 2: threshold tolerance, hyphen breaks allowed
//     pass 3: no threshold, and rescue (below) so it always reaches the end
//     Pass::run:
//       active = {start node}
//       for each legal breakpoint b (glue after a box, penalty < +inf, the end):
//         for each active node a (its next line starts at a.start):
//           a.start > b            -> b lies in the glue discarded after a: skip
//           fit line a..b to the width of line number a.line (line_fit.h),
//             less the turnover indent where a is not a forced break
//           overfull or b forced   -> a leaves the active list
//           badness <= threshold, hyphen run within the cap, not empty (a
//           blank line only between two forced breaks)
//                                  -> candidate, keyed (line class, fitness
//                                     class, hyphen run); the lowest total
//                                     demerits per key wins. Demerits:
//                                     (line_penalty + badness)^2 +- penalty^2
//                                     + double/final hyphen + adjacent fitness
//                                     + runt (a last line of one word),
//                                     badness uncapped (demerit_badness)
//           otherwise (pass 3)     -> remembered as the rescue, least
//                                     overflow first
//         candidates within adjacent_fitness_demerits of the best of their
//           (line class, hyphen run) become nodes at b, appended to active
//         pass 3, no candidate and nothing left active -> the rescue line
//           becomes a node (overfull, or a hyphen over the cap)
//         active above max_active_nodes -> keep the best node per position,
//           then drop the oldest positions (bounded work per breakpoint)
//         active empty -> the pass fails
//       the best node at the end -> follow `prev` -> lines
//
// Nodes whose next line is past the last distinct entry of line_widths are
// merged regardless of their line number (line class), so the work does not
// grow with the number of lines. Looseness is always 0.
#include "typeset/linebreak/knuth_plass.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace galley::typeset {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct Sums {
    double width = 0, glue_stretch = 0, glue_shrink = 0, fill = 0, letter_stretch = 0, letter_shrink = 0,
           gap_stretch = 0;
};

/// The item list prepared for breaking: sums, line starts, breakpoints.
class Paragraph {
public:
    Paragraph(std::span<const Item> items, const BreakSettings& settings) : items_(items), settings_(settings) {
        const std::size_t n = items.size();
        sums_.resize(n + 1);
        for (std::size_t i = 0; i < n; ++i) {
            Sums s = sums_[i];
            const Item& it = items[i];
            if (it.kind == ItemKind::box) {
                s.width += it.width;
                s.letter_stretch += it.stretch;
                s.letter_shrink += it.shrink;
                last_box_ = i;
            } else if (it.kind == ItemKind::glue && it.flagged) {
                s.width += it.width;
                s.gap_stretch += it.stretch;
            } else if (it.kind == ItemKind::glue) {
                s.width += it.width;
                s.glue_stretch += it.stretch;
                s.glue_shrink += it.shrink;
                s.fill += it.fill;
            } else if (it.flagged) {
                has_flagged_ = true;
            }
            sums_[i + 1] = s;
        }
        next_start_.resize(n + 1, n);
        for (std::size_t i = n; i-- > 0;)
            next_start_[i] = items[i].kind == ItemKind::box || items[i].is_forced_break() ? i : next_start_[i + 1];
        end_ = n;
        if (last_box_ != kNone)
            for (std::size_t i = last_box_ + 1; i < n; ++i)
                if (items[i].is_forced_break()) {
                    end_ = i;
                    break;
                }
    }

    bool empty() const { return last_box_ == kNone; }
    std::size_t last_box() const { return last_box_; }
    std::size_t end() const { return end_; }
    bool has_flagged() const { return has_flagged_; }
    const Item* item(std::size_t b) const { return b < items_.size() ? &items_[b] : nullptr; }
    std::size_t start_after(std::size_t b) const { return b == kNone ? next_start_[0] : next_start_[std::min(b + 1, end_)]; }

    bool is_breakpoint(std::size_t b, bool allow_flagged) const {
        if (b == end_) return true;
        const Item& it = items_[b];
        switch (it.kind) {
        case ItemKind::box: return false;
        case ItemKind::glue: return b > 0 && items_[b - 1].kind == ItemKind::box;
        case ItemKind::penalty: return it.penalty < kInfinitePenalty && (allow_flagged || !it.flagged);
        }
        return false;
    }
    bool is_forced(std::size_t b) const { return b == end_ || items_[b].is_forced_break(); }

    LineMeasure measure(std::size_t start, std::size_t b) const {
        const Sums& lo = sums_[start];
        const Sums& hi = sums_[b];
        LineMeasure m{hi.width - lo.width,           hi.glue_stretch - lo.glue_stretch,
                      hi.glue_shrink - lo.glue_shrink, hi.fill - lo.fill,
                      hi.letter_stretch - lo.letter_stretch, hi.letter_shrink - lo.letter_shrink,
                      hi.gap_stretch - lo.gap_stretch};
        if (b < items_.size() && items_[b].kind == ItemKind::penalty) {
            m.natural += items_[b].width;
            m.letter_stretch = std::max(0.0, m.letter_stretch + items_[b].stretch);
            m.letter_shrink = std::max(0.0, m.letter_shrink + items_[b].shrink);
        }
        return m;
    }

    double line_width(std::size_t line) const {
        const auto& w = settings_.line_widths;
        return w.empty() ? 0.0 : w[std::min(line, w.size() - 1)];
    }
    /// The turnover indent of a line that starts after a break that is
    /// `forced` (or the paragraph's start) or not.
    double turnover(bool forced) const { return forced ? 0.0 : settings_.turnover_indent; }
    std::size_t line_class(std::size_t line) const {
        const std::size_t last = settings_.line_widths.empty() ? 0 : settings_.line_widths.size() - 1;
        return std::min(line, last);
    }

private:
    std::span<const Item> items_;
    const BreakSettings& settings_;
    std::vector<Sums> sums_;
    std::vector<std::size_t> next_start_;
    std::size_t last_box_ = kNone;
    std::size_t end_ = 0;
    bool has_flagged_ = false;
};

/// A feasible break: the end of the best way found to set the paragraph up
/// to `position` with the given line class, fitness and hyphen run.
struct Node {
    std::size_t position = kNone;  ///< the break item; kNone for the paragraph start
    std::size_t start = 0;         ///< first item of the next line
    std::size_t line = 0;          ///< lines ending at or before this break
    std::size_t prev = kNone;      ///< index in nodes_ of the previous break
    double total = 0.0;            ///< total demerits up to here
    double demerits = 0.0;         ///< of the line ending here
    unsigned char fitness = 1;     ///< of the line ending here
    unsigned char hyphens = 0;     ///< consecutive hyphenated lines ending here
    bool forced = true;            ///< a forced break (or the start)
};

/// A line a..b under consideration at breakpoint b.
struct Candidate {
    std::size_t from = kNone;  ///< node a
    std::size_t line_class = 0;
    int fitness = 1;
    unsigned char hyphens = 0;
    double total = kInfinity;
    double demerits = 0.0;
    double overflow = 0.0;  ///< rescue ordering: how far past the width
};

class Pass {
public:
    Pass(const Paragraph& para, const BreakSettings& s, int number, BreakStats& stats)
        : para_(para), s_(s), number_(number), stats_(stats) {
        threshold_ = number == 1 ? s.pretolerance : number == 2 ? s.tolerance : kInfinity;
        if (threshold_ >= kInfiniteBadness) threshold_ = kInfinity;
        hyphen_cap_ = s.max_consecutive_hyphens == 0 || s.max_consecutive_hyphens > 254 ? 0 : s.max_consecutive_hyphens;
    }

    /// The node ending the paragraph, or kNone when the pass fails.
    std::size_t run() {
        nodes_.push_back(Node{kNone, para_.start_after(kNone), 0, kNone, 0.0, 0.0, 1, 0, true});
        active_.push_back(0);
        ++stats_.nodes;
        const bool allow_flagged = number_ > 1;
        for (std::size_t b = 0; b <= para_.end(); ++b) {
            if (!para_.is_breakpoint(b, allow_flagged)) continue;
            ++stats_.breakpoints;
            const std::size_t first_new = nodes_.size();
            try_break(b);
            if (active_.empty()) return b == para_.end() ? best_since(first_new) : kNone;
            prune();
        }
        return kNone;
    }

    const std::vector<Node>& nodes() const { return nodes_; }

    /// Whether the paragraph ending at node `last` ends with a runt.
    bool ends_in_runt(std::size_t last) const {
        const Node& n = nodes_[last];
        return n.prev != kNone && nodes_[n.prev].start < n.position && runt(nodes_[n.prev], n.position);
    }

private:
    void try_break(std::size_t b) {
        const Item* item = para_.item(b);
        const bool forced = para_.is_forced(b);
        const bool flagged = item != nullptr && item->kind == ItemKind::penalty && item->flagged;
        const double penalty = item != nullptr && item->kind == ItemKind::penalty ? item->penalty : 0.0;

        candidates_.clear();
        Candidate rescue;
        rescue.overflow = kInfinity;
        std::size_t kept = 0;
        for (std::size_t k = 0; k < active_.size(); ++k) {
            const std::size_t ai = active_[k];
            const Node& a = nodes_[ai];
            if (a.start > b) {  // b is in the glue discarded after a
                active_[kept++] = ai;
                continue;
            }
            ++stats_.evaluations;
            const bool empty = a.start == b;
            const LineFit fit = empty ? LineFit{}
                                      : fit_line(para_.measure(a.start, b),
                                                 para_.line_width(a.line) - para_.turnover(a.forced));
            const bool overfull = fit.overfull();
            if (!overfull && !forced) active_[kept++] = ai;

            Candidate c;
            c.from = ai;
            c.line_class = para_.line_class(a.line + 1);
            c.fitness = fitness_class(fit.ratio);
            const unsigned run = flagged ? a.hyphens + 1u : 0u;
            c.demerits = demerits(a, fit, penalty, forced, flagged, c.fitness);
            if (forced && !empty && runt(a, b)) c.demerits += s_.runt_demerits;
            c.total = a.total + c.demerits;
            const bool over_cap = hyphen_cap_ != 0 && run > hyphen_cap_;
            c.hyphens = static_cast<unsigned char>(std::min(run, hyphen_cap_ == 0 ? 1u : hyphen_cap_));
            const bool blank_allowed = empty && forced && a.forced;
            if (!overfull && !over_cap && (!empty || blank_allowed) && fit.badness <= threshold_) {
                add_candidate(c);
            } else if (number_ == 3) {
                c.overflow = overfull ? -fit.shortfall : 0.0;
                if (c.overflow < rescue.overflow || (c.overflow == rescue.overflow && c.total < rescue.total))
                    rescue = c;
            }
        }
        active_.resize(kept);
        if (candidates_.empty() && active_.empty() && rescue.from != kNone) {
            add_node(rescue, b, forced);
            return;
        }
        // A candidate more than adjacent_fitness_demerits worse than the best of
        // its line class and hyphen run can never be part of an optimum.
        for (const Candidate& c : candidates_) {
            double best = kInfinity;
            for (const Candidate& o : candidates_)
                if (o.line_class == c.line_class && o.hyphens == c.hyphens) best = std::min(best, o.total);
            if (c.total <= best + s_.adjacent_fitness_demerits) add_node(c, b, forced);
        }
    }

    double demerits(const Node& a, const LineFit& fit, double penalty, bool forced, bool flagged, int fitness) const {
        double d = s_.line_penalty + demerit_badness(fit);
        d *= d;
        if (!forced) d += penalty >= 0 ? penalty * penalty : -penalty * penalty;
        if (a.hyphens > 0 && flagged) d += s_.double_hyphen_demerits;
        else if (a.hyphens > 0 && forced) d += s_.final_hyphen_demerits;
        if (std::abs(fitness - a.fitness) > 1) d += s_.adjacent_fitness_demerits;
        return d;
    }

    /// Whether the line from node `a` to the paragraph's end `b` holds a
    /// single word (no legal break between its items) after other lines.
    bool runt(const Node& a, std::size_t b) const {
        if (s_.runt_demerits <= 0 || b != para_.end() || a.position == kNone) return false;
        // Breaks after the last box (the parfillskip glue) do not count.
        for (std::size_t i = a.start + 1; i < b && i < para_.last_box(); ++i)
            if (para_.is_breakpoint(i, false)) return false;
        return true;
    }

    void add_candidate(const Candidate& c) {
        for (Candidate& o : candidates_)
            if (o.line_class == c.line_class && o.fitness == c.fitness && o.hyphens == c.hyphens) {
                if (c.total < o.total) o = c;
                return;
            }
        candidates_.push_back(c);
    }

    void add_node(const Candidate& c, std::size_t b, bool forced) {
        const Node& a = nodes_[c.from];
        Node n;
        n.position = b;
        n.start = para_.start_after(b);
        n.line = a.line + 1;
        n.prev = c.from;
        n.total = c.total;
        n.demerits = c.demerits;
        n.fitness = static_cast<unsigned char>(c.fitness);
        n.hyphens = c.hyphens;
        n.forced = forced;
        nodes_.push_back(n);
        ++stats_.nodes;
        if (b != para_.end()) active_.push_back(nodes_.size() - 1);
    }

    std::size_t best_since(std::size_t first) const {
        std::size_t best = kNone;
        for (std::size_t i = first; i < nodes_.size(); ++i)
            if (best == kNone || nodes_[i].total < nodes_[best].total) best = i;
        return best;
    }

    /// Bounds the active list: first the best node per break position, then
    /// the most recent positions. The list is ordered by position.
    void prune() {
        const std::size_t cap = std::max<std::size_t>(s_.max_active_nodes, 1);
        if (active_.size() > cap) {
            std::size_t kept = 0;
            for (std::size_t i = 0; i < active_.size();) {
                std::size_t j = i, best = i;
                while (j < active_.size() && nodes_[active_[j]].position == nodes_[active_[i]].position) {
                    if (nodes_[active_[j]].total < nodes_[active_[best]].total) best = j;
                    ++j;
                }
                active_[kept++] = active_[best];
                i = j;
            }
            stats_.pruned += active_.size() - kept;
            active_.resize(kept);
        }
        if (active_.size() > cap) {
            const std::size_t drop = active_.size() - cap;
            active_.erase(active_.begin(), active_.begin() + static_cast<std::ptrdiff_t>(drop));
            stats_.pruned += drop;
        }
        stats_.max_active = std::max(stats_.max_active, active_.size());
    }

    const Paragraph& para_;
    const BreakSettings& s_;
    int number_;
    BreakStats& stats_;
    double threshold_ = 0.0;
    unsigned hyphen_cap_ = 0;
    std::vector<Node> nodes_;
    std::vector<std::size_t> active_;
    std::vector<Candidate> candidates_;
};

BreakResult collect(const Paragraph& para, std::span<const Item> items, const std::vector<Node>& nodes,
                    std::size_t last, int pass) {
    BreakResult r;
    r.pass = pass;
    r.total_demerits = nodes[last].total;
    std::vector<std::size_t> chain;
    for (std::size_t i = last; nodes[i].prev != kNone; i = nodes[i].prev) chain.push_back(i);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const Node& n = nodes[*it];
        const Node& a = nodes[n.prev];
        BrokenLine line;
        line.start = a.start;
        line.end = n.position;
        line.turnover = para.turnover(a.forced);
        line.width = para.line_width(a.line) - line.turnover;
        const LineMeasure m = para.measure(a.start, n.position);
        line.natural = a.start == n.position ? 0.0 : m.natural;
        line.fit = a.start == n.position ? LineFit{} : fit_line(m, line.width);
        line.hyphenated = n.position < items.size() && items[n.position].kind == ItemKind::penalty &&
                          items[n.position].flagged;
        line.forced = n.forced;
        line.overfull = line.fit.overfull();
        line.demerits = n.demerits;
        r.lines.push_back(line);
    }
    return r;
}

}  // namespace

std::size_t BreakResult::overfull_count() const {
    return static_cast<std::size_t>(
        std::count_if(lines.begin(), lines.end(), [](const BrokenLine& l) { return l.overfull; }));
}

BreakResult break_paragraph(std::span<const Item> items, const BreakSettings& settings) {
    BreakStats stats;
    stats.items = items.size();
    const Paragraph para(items, settings);
    if (para.empty()) {
        BreakResult r;
        r.stats = stats;
        return r;
    }
    for (int number = 1; number <= 3; ++number) {
        if (number == 1 && settings.pretolerance < 0) continue;
        if (number == 2 && !para.has_flagged() && settings.pretolerance >= settings.tolerance) continue;
        if (number == 3 && !settings.emergency_pass) break;
        Pass pass(para, settings, number, stats);
        const std::size_t last = pass.run();
        if (last == kNone) continue;
        if (number == 1 && para.has_flagged() && pass.ends_in_runt(last)) {
            // Pass 2 searches a superset of pass 1's breaks (hyphens too), so
            // its optimum costs no more: take it when a hyphen may save the
            // runt.
            Pass wider(para, settings, 2, stats);
            const std::size_t wider_last = wider.run();
            if (wider_last != kNone && wider.nodes()[wider_last].total < pass.nodes()[last].total) {
                BreakResult r = collect(para, items, wider.nodes(), wider_last, 2);
                r.stats = stats;
                return r;
            }
        }
        BreakResult r = collect(para, items, pass.nodes(), last, number);
        r.stats = stats;
        return r;
    }
    BreakResult r;
    r.stats = stats;
    return r;
}

}  // namespace galley::typeset
