#include "typeset/linebreak/knuth_plass.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "typeset/linebreak/paragraph_builder.h"

using galley::test::make_paragraph;
using galley::test::placed_width;
using galley::test::settings_for;
using galley::test::TextModel;
using galley::typeset::break_paragraph;
using galley::typeset::BreakResult;
using galley::typeset::BreakSettings;
using galley::typeset::Item;
using galley::typeset::ItemKind;

using Lines = std::vector<std::string>;

namespace {

/// Tiny deterministic generator, so the tests do not depend on <random>'s
/// distributions (which differ between standard libraries).
struct Lcg {
    std::uint64_t state;
    unsigned next(unsigned bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<unsigned>((state >> 33) % bound);
    }
};

std::string random_words(Lcg& rng, std::size_t count, unsigned max_len, bool hyphen_points = false) {
    std::string text;
    for (std::size_t w = 0; w < count; ++w) {
        if (w > 0) text += ' ';
        const unsigned len = 1 + rng.next(max_len);
        for (unsigned c = 0; c < len; ++c) {
            if (hyphen_points && c >= 2 && c + 2 <= len && c % 2 == 0) text += '|';
            text += static_cast<char>('a' + rng.next(26));
        }
    }
    return text;
}

std::size_t longest_hyphen_run(const BreakResult& r) {
    std::size_t run = 0, longest = 0;
    for (const auto& line : r.lines) {
        run = line.hyphenated ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

/// Exact optimum by dynamic programming over the glue breakpoints of a
/// paragraph of words and single spaces (no hyphens, no fitness demerits),
/// measuring every line from scratch: what break_paragraph must match.
double brute_force_demerits(const std::vector<Item>& items, double width, double line_penalty) {
    std::vector<std::size_t> breaks;
    for (std::size_t i = 1; i < items.size(); ++i)
        if ((items[i].kind == ItemKind::glue && items[i - 1].kind == ItemKind::box) || items[i].is_forced_break())
            breaks.push_back(i);
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> best(breaks.size(), inf);
    for (std::size_t j = 0; j < breaks.size(); ++j) {
        for (std::size_t i = 0; i <= j; ++i) {
            const std::size_t start = i == 0 ? 0 : breaks[i - 1] + 1;
            const double before = i == 0 ? 0.0 : best[i - 1];
            if (before == inf) continue;
            galley::typeset::LineMeasure m;
            for (std::size_t k = start; k < breaks[j]; ++k) {
                const Item& it = items[k];
                if (it.kind == ItemKind::penalty) continue;
                m.natural += it.width;
                (it.kind == ItemKind::box ? m.letter_stretch : m.glue_stretch) += it.stretch;
                (it.kind == ItemKind::box ? m.letter_shrink : m.glue_shrink) += it.shrink;
                m.fill += it.fill;
            }
            const auto fit = galley::typeset::fit_line(m, width);
            if (fit.overfull()) continue;
            const double b = galley::typeset::demerit_badness(fit);
            const double d = (line_penalty + b) * (line_penalty + b);
            best[j] = std::min(best[j], before + d);
        }
    }
    return best.back();
}

}  // namespace

TEST_CASE("words that fill the measure exactly break where they fill it") {
    const auto p = make_paragraph("aaa bbb ccc ddd");
    const BreakResult r = break_paragraph(p.items, settings_for(7.0));
    CHECK(p.lines(r) == Lines{"aaa bbb", "ccc ddd"});
    REQUIRE(r.lines.size() == 2);
    CHECK(r.pass == 1);
    CHECK(r.lines[0].start == 0);
    CHECK(r.lines[0].end == 3);
    CHECK(r.lines[1].start == 4);
    CHECK(r.lines[0].fit.ratio == 0.0);
    CHECK(r.lines[1].forced);
}

TEST_CASE("total fit takes a looser first line to avoid an impossible second one") {
    // Width 11, spaces 1 +3 -0. First fit sets "aaa bbb ccc" exactly and is
    // then left with "ddddddd" alone (nothing to stretch); total fit sets
    // "aaa bbb" at r = 4/3 and "ccc ddddddd" exactly.
    TextModel m;
    m.stretch = 3.0;
    const auto p = make_paragraph("aaa bbb ccc ddddddd eeee", m);
    const BreakResult r = break_paragraph(p.items, settings_for(11.0));
    CHECK(p.lines(r) == Lines{"aaa bbb", "ccc ddddddd", "eeee"});
    CHECK(r.pass == 2);  // badness 237 is over the pretolerance of 100
    CHECK(r.lines[0].fit.ratio == doctest::Approx(4.0 / 3.0));
    CHECK(r.lines[1].fit.ratio == 0.0);
}

TEST_CASE("shrink lets a line take one more word") {
    TextModel m;
    m.shrink = 1.0;
    const auto p = make_paragraph("aaa bbb ccc dddddd ee", m);
    const BreakResult r = break_paragraph(p.items, settings_for(10.0));
    CHECK(p.lines(r) == Lines{"aaa bbb ccc", "dddddd ee"});
    CHECK(r.lines[0].fit.ratio == doctest::Approx(-0.5));
}

TEST_CASE("break_paragraph finds the optimum of an exhaustive search") {
    Lcg rng{7};
    for (int trial = 0; trial < 200; ++trial) {
        TextModel m;
        m.stretch = 1.0;
        m.shrink = 0.5;
        const auto p = make_paragraph(random_words(rng, 8 + rng.next(14), 9), m);
        BreakSettings s = settings_for(12.0 + rng.next(20));
        s.adjacent_fitness_demerits = 0.0;
        s.pretolerance = -1.0;
        s.tolerance = std::numeric_limits<double>::infinity();
        const BreakResult r = break_paragraph(p.items, s);
        CAPTURE(trial);
        REQUIRE(r.pass == 2);
        CHECK(r.total_demerits == doctest::Approx(brute_force_demerits(p.items, s.line_widths[0], s.line_penalty)));
    }
}

TEST_CASE("every justified line is placed at exactly its width, the last at its natural width") {
    TextModel m;
    m.shrink = 0.3;
    m.letter = 0.05;
    Lcg rng{11};
    const auto p = make_paragraph(random_words(rng, 120, 8, true), m);
    const BreakResult r = break_paragraph(p.items, settings_for(30.0));
    REQUIRE(r.lines.size() > 5);
    for (std::size_t i = 0; i + 1 < r.lines.size(); ++i) {
        CAPTURE(i);
        CHECK(placed_width(p.items, r.lines[i]) == doctest::Approx(30.0));
    }
    CHECK(r.lines.back().fit.fill >= 0.0);
    CHECK(r.overfull_count() == 0);
}

TEST_CASE("per-line widths: an indented first lines, then the full measure") {
    const auto p = make_paragraph("aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp");
    BreakSettings s;
    s.line_widths = {5.0, 8.0, 11.0};  // e.g. a drop cap's lines, then the column
    const BreakResult r = break_paragraph(p.items, s);
    CHECK(p.lines(r) == Lines{"aa bb", "cc dd ee", "ff gg hh ii", "jj kk ll mm", "nn oo pp"});
    for (std::size_t i = 0; i + 1 < r.lines.size(); ++i) {
        CHECK(r.lines[i].width == s.line_widths[std::min<std::size_t>(i, 2)]);
        CHECK(r.lines[i].natural <= r.lines[i].width);
    }
}

TEST_CASE("a run-around narrows lines in the middle of a paragraph") {
    const auto p = make_paragraph("aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp qq rr");
    BreakSettings s;
    s.line_widths = {11.0, 5.0, 5.0, 11.0};  // lines 1-2 beside a pull quote
    const BreakResult r = break_paragraph(p.items, s);
    CHECK(p.lines(r) == Lines{"aa bb cc dd", "ee ff", "gg hh", "ii jj kk ll", "mm nn oo pp", "qq rr"});
}

TEST_CASE("a forced break ends a line wherever it is") {
    auto p = make_paragraph("aa bb cc", TextModel{.finish = false});
    p.items.push_back(Item::penalty_item(0.0, galley::typeset::kInfinitePenalty));
    p.items.push_back(Item::glue(0.0, 0.0, 0.0, 1.0));
    p.items.push_back(Item::penalty_item(0.0, galley::typeset::kForcedBreak));
    p.texts.resize(p.items.size());
    const auto rest = make_paragraph(" dd ee");
    p.items.insert(p.items.end(), rest.items.begin() + 1, rest.items.end());
    p.texts.insert(p.texts.end(), rest.texts.begin() + 1, rest.texts.end());
    const BreakResult r = break_paragraph(p.items, settings_for(20.0));
    CHECK(p.lines(r) == Lines{"aa bb cc", "dd ee"});
    CHECK(r.lines[0].forced);
}

TEST_CASE("a turnover indent narrows only the lines that follow a break that is not forced") {
    // Two verse lines of 11 characters in a measure of 8: each wraps once.
    auto p = make_paragraph("aaaa bbbbbb", TextModel{.finish = false});
    p.items.push_back(Item::penalty_item(0.0, galley::typeset::kInfinitePenalty));
    p.items.push_back(Item::glue(0.0, 0.0, 0.0, 1.0));
    p.items.push_back(Item::penalty_item(0.0, galley::typeset::kForcedBreak));
    p.texts.resize(p.items.size());
    const auto rest = make_paragraph(" cccc dddddd");
    p.items.insert(p.items.end(), rest.items.begin() + 1, rest.items.end());
    p.texts.insert(p.texts.end(), rest.texts.begin() + 1, rest.texts.end());
    BreakSettings s = settings_for(8.0);
    s.turnover_indent = 2.0;
    const BreakResult r = break_paragraph(p.items, s);
    REQUIRE(p.lines(r) == Lines{"aaaa", "bbbbbb", "cccc", "dddddd"});
    const std::vector<double> turnover = {0.0, 2.0, 0.0, 2.0};
    for (std::size_t i = 0; i < r.lines.size(); ++i) {
        CAPTURE(i);
        CHECK(r.lines[i].turnover == turnover[i]);
        CHECK(r.lines[i].width == 8.0 - turnover[i]);
        CHECK_FALSE(r.lines[i].overfull);
    }
    // A turned line's word that fits the full measure but not the narrower
    // one goes on to a line of its own: "bbbbbbb" (7) after a turn in 8 - 2.
    auto q = make_paragraph("aaaa bbbbbbb");
    const BreakResult t = break_paragraph(q.items, s);
    CHECK(t.lines.size() == 2);
    CHECK(t.lines[1].overfull);  // 7 in 6: no way round it, and flagged
}

TEST_CASE("the last line without a final forced break is justified like the others") {
    const auto p = make_paragraph("aa bb cc dd", TextModel{.finish = false});
    const BreakResult r = break_paragraph(p.items, settings_for(6.0));
    CHECK(p.lines(r) == Lines{"aa bb", "cc dd"});
    CHECK(r.lines.back().end == p.items.size());
    CHECK(placed_width(p.items, r.lines.back()) == doctest::Approx(6.0));
}

TEST_CASE("impossible paragraphs") {
    SUBCASE("an empty paragraph has no lines") {
        const BreakResult r = break_paragraph({}, settings_for(100.0));
        CHECK(r.lines.empty());
        CHECK(r.pass == 0);
    }
    SUBCASE("a paragraph of only glue and penalties has no lines") {
        std::vector<Item> items{Item::glue(3, 1, 1), Item::glue(3, 1, 1), Item::penalty_item(0, 0)};
        galley::typeset::finish_paragraph(items);
        CHECK(break_paragraph(items, settings_for(100.0)).lines.empty());
    }
    SUBCASE("a single box wider than the line is one overfull line, reported") {
        const std::vector<Item> items{Item::box(500.0)};
        const BreakResult r = break_paragraph(items, settings_for(100.0));
        REQUIRE(r.lines.size() == 1);
        CHECK(r.lines[0].overfull);
        CHECK(r.lines[0].fit.shortfall == doctest::Approx(-400.0));
        CHECK(r.pass == 3);
        CHECK(r.overfull_count() == 1);
    }
    SUBCASE("a word wider than the line stands alone on its overfull line; the others are fine") {
        const auto p = make_paragraph("aa bb cc dd xxxxxxxxxxxxxxxxxxxx ee ff gg hh");
        const BreakResult r = break_paragraph(p.items, settings_for(8.0));
        const Lines lines = p.lines(r);
        const auto huge = std::find(lines.begin(), lines.end(), "xxxxxxxxxxxxxxxxxxxx");
        REQUIRE(huge != lines.end());
        CHECK(r.overfull_count() == 1);
        CHECK(r.lines[static_cast<std::size_t>(huge - lines.begin())].overfull);
        CHECK(r.pass == 3);
    }
    SUBCASE("without the emergency pass an impossible paragraph has no lines, never wrong ones") {
        BreakSettings s = settings_for(100.0);
        s.emergency_pass = false;
        const std::vector<Item> items{Item::box(500.0)};
        const BreakResult r = break_paragraph(items, s);
        CHECK(r.lines.empty());
        CHECK(r.pass == 0);
    }
    SUBCASE("a zero measure: every line overfull, still every word placed once") {
        const auto p = make_paragraph("aa bb cc");
        const BreakResult r = break_paragraph(p.items, settings_for(0.0));
        CHECK(p.lines(r) == Lines{"aa", "bb", "cc"});
        CHECK(r.overfull_count() == 3);
    }
}

TEST_CASE("the consecutive-hyphen cap is a hard limit") {
    TextModel m;
    m.stretch = 0.2;
    m.hyphen_penalty = 0;
    Lcg rng{3};
    const auto p = make_paragraph(random_words(rng, 300, 12, true), m);
    BreakSettings s = settings_for(17.0);
    s.double_hyphen_demerits = 0;
    s.final_hyphen_demerits = 0;
    s.max_consecutive_hyphens = 0;  // no limit: hyphens are free, ladders form
    const BreakResult free = break_paragraph(p.items, s);
    REQUIRE(longest_hyphen_run(free) >= 3);
    for (unsigned cap : {1u, 2u, 3u}) {
        CAPTURE(cap);
        s.max_consecutive_hyphens = cap;
        const BreakResult r = break_paragraph(p.items, s);
        CHECK(longest_hyphen_run(r) <= cap);
        CHECK(r.overfull_count() == 0);
        CHECK(r.total_demerits >= free.total_demerits);
    }
}

TEST_CASE("pass 1 ignores hyphenation points when the paragraph sets well without them") {
    const auto p = make_paragraph("aaa bb|bb ccc ddd");
    const BreakResult r = break_paragraph(p.items, settings_for(8.0));
    CHECK(r.pass == 1);
    for (const auto& line : r.lines) CHECK_FALSE(line.hyphenated);
}

TEST_CASE("letter-spacing is used only when the word spaces are full, and never past its capacity") {
    TextModel m;
    m.stretch = 0.5;
    m.shrink = 0.2;
    m.letter = 0.08;
    Lcg rng{5};
    const auto p = make_paragraph(random_words(rng, 200, 9), m);
    BreakSettings s = settings_for(20.0);
    const BreakResult r = break_paragraph(p.items, s);
    bool used = false;
    for (std::size_t i = 0; i + 1 < r.lines.size(); ++i) {
        const auto& fit = r.lines[i].fit;
        CAPTURE(i);
        CHECK(fit.letter <= 1.0 + 1e-9);
        CHECK(fit.letter >= -1.0 - 1e-9);
        if (fit.letter > 0.0) CHECK(fit.glue >= 1.0 - 1e-9);
        if (fit.letter < 0.0) CHECK(fit.glue <= -1.0 + 1e-9);
        if (fit.glue > 1.0 + 1e-9) CHECK(fit.letter == doctest::Approx(1.0));
        used = used || fit.letter != 0.0;
    }
    CHECK(used);

    SUBCASE("letter-spacing makes a narrow column less loose") {
        TextModel plain = m;
        plain.letter = 0.0;
        const auto q = make_paragraph(random_words(rng = Lcg{5}, 200, 9), plain);
        const BreakResult without = break_paragraph(q.items, s);
        auto worst_glue = [](const BreakResult& res) {
            double worst = 0.0;
            for (std::size_t i = 0; i + 1 < res.lines.size(); ++i) worst = std::max(worst, res.lines[i].fit.glue);
            return worst;
        };
        CHECK(worst_glue(r) < worst_glue(without));
    }
}

TEST_CASE("a 1 MB paragraph of short words: work per breakpoint stays bounded") {
    Lcg rng{42};
    std::string text;
    while (text.size() < (1u << 20)) text += random_words(rng, 1000, 8) + ' ';
    text.pop_back();
    TextModel m;
    m.ch = 4.5;
    m.space = 2.5;
    m.stretch = 1.5;
    m.shrink = 0.8;
    const auto p = make_paragraph(text, m);
    const BreakResult r = break_paragraph(p.items, settings_for(141.0));
    REQUIRE(!r.lines.empty());
    CHECK(r.overfull_count() == 0);
    const double per_breakpoint =
        static_cast<double>(r.stats.evaluations) / static_cast<double>(r.stats.breakpoints);
    MESSAGE("items " << r.stats.items << ", breakpoints " << r.stats.breakpoints << ", evaluations "
                     << r.stats.evaluations << " (" << per_breakpoint << " per breakpoint), max active "
                     << r.stats.max_active << ", nodes " << r.stats.nodes << ", pass " << r.pass);
    CHECK(per_breakpoint < 30.0);
    CHECK(r.stats.max_active <= 64);
    CHECK(r.stats.breakpoints <= 3 * p.items.size());
}

TEST_CASE("the active list is capped even when no line ever becomes overfull") {
    // Zero-width boxes: no node ever leaves the active list by overflow.
    std::vector<Item> items;
    for (int i = 0; i < 20000; ++i) {
        items.push_back(Item::box(0.0));
        items.push_back(Item::glue(0.0, 1.0, 0.0));
    }
    galley::typeset::finish_paragraph(items);
    BreakSettings s = settings_for(10.0);
    s.max_active_nodes = 50;
    const BreakResult r = break_paragraph(items, s);
    REQUIRE(!r.lines.empty());
    CHECK(r.stats.max_active <= 50);
    CHECK(r.stats.pruned > 0);
    CHECK(r.stats.evaluations <= 50 * r.stats.breakpoints);
}

TEST_CASE("runt demerits move a word down to keep a last line of one word, within tolerance") {
    // Width 15: "a b c d e f g h" fills the first line exactly and leaves "i"
    // alone; one word down, the first line stretches 2 over 6 spaces.
    const auto p = make_paragraph("a b c d e f g h i");
    BreakSettings s = settings_for(15.0);
    CHECK(p.lines(break_paragraph(p.items, s)) == Lines{"a b c d e f g h", "i"});
    s.runt_demerits = 10000.0;
    const BreakResult r = break_paragraph(p.items, s);
    CHECK(p.lines(r) == Lines{"a b c d e f g", "h i"});
    CHECK(r.lines[0].fit.ratio == doctest::Approx(2.0 / 6.0));

    // A one-line paragraph of one word is not a runt.
    const auto one = make_paragraph("word");
    CHECK(p.lines(break_paragraph(one.items, s)).size() == 1);

    // Where the only way out is a line looser than the tolerance, the runt
    // stays: no spacing limit is given up for it.
    TextModel tight;
    tight.stretch = 0.2;
    const auto q = make_paragraph("aaaa bbbb cccc dd", tight);
    BreakSettings t = settings_for(14.0);
    t.runt_demerits = 10000.0;
    CHECK(q.lines(break_paragraph(q.items, t)) == Lines{"aaaa bbbb cccc", "dd"});
}
