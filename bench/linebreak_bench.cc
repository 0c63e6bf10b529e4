// Line-breaking quality before Pango is wired in: breaks the seed article
// (../shared/seed/*.txt) into a 141 pt (49.8 mm) column of 9 pt type with a
// crude fixed-advance width model (Times-like advances per character class),
// greedy (first fit at natural width, as Pango does) against total fit, and
// prints the spread of inter-word spaces the way ../shared/tools/typoqual.py
// counts it (justified lines only: paragraph-final lines are left out).
//
//   linebreak_bench [TEXT_FILE...] [--width PT] [--dump N] [--pretolerance B]
//                   [--tolerance B] [--hyphen-cap N] [--hyphen-penalty P]
// --dump N prints every line of variant N (0-5) with its word-space ratio.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "typeset/linebreak/hyphenator.h"
#include "typeset/linebreak/knuth_plass.h"

namespace {

using namespace galley::typeset;

constexpr double kSize = 9.0;  // pt

/// Advance of one UTF-8 character in em/1000, by class.
double advance(unsigned char lead, std::string_view ch) {
    if (lead >= 0x80) {
        if (ch == "—") return 1000;
        if (ch == "“" || ch == "”") return 444;
        if (ch == "’" || ch == "‘") return 333;
        return 500;
    }
    const char c = static_cast<char>(lead);
    if (std::strchr("ijltfrI.,;:'!|()", c) != nullptr) return 280;
    if (std::strchr("mwMW", c) != nullptr) return 760;
    if (c == '-') return 333;
    if (c >= 'A' && c <= 'Z') return 680;
    if (c >= '0' && c <= '9') return 500;
    return 470;
}

struct Measured {
    double width = 0;
    std::size_t chars = 0;
};

Measured measure(std::string_view s) {
    Measured m;
    for (std::size_t i = 0; i < s.size();) {
        const auto lead = static_cast<unsigned char>(s[i]);
        std::size_t len = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : 4;
        len = std::min(len, s.size() - i);
        m.width += advance(lead, s.substr(i, len)) * kSize / 1000.0;
        ++m.chars;
        i += len;
    }
    return m;
}

struct Model {
    double space = 0.25 * kSize;       // natural word space
    double stretch = 0.125 * kSize;    // r = 1 at 1.5x the natural space
    double shrink = 0.05 * kSize;      // down to 0.8x
    double letter = 0.0;               // max letter-space per character, pt; tightening: a quarter of it
    double hyphen_penalty = 50;
};

/// The items of one paragraph; `texts` gets each item's text (for --dump).
std::vector<Item> paragraph_items(const std::string& text, const Hyphenator* hyph, const Model& m,
                                  std::vector<std::string>& texts) {
    std::vector<Item> items;
    texts.clear();
    std::istringstream words(text);
    std::string word;
    const double hyphen = measure("-").width;
    bool first = true;
    while (words >> word) {
        if (!first) {
            items.push_back(Item::glue(m.space, m.stretch, m.shrink));
            texts.emplace_back(" ");
        }
        first = false;
        std::size_t last = 0;
        auto add_box = [&](std::string_view frag) {
            const Measured f = measure(frag);
            const double ls = m.letter * static_cast<double>(f.chars);
            items.push_back(Item::box(f.width, ls, ls / 4.0));
            texts.emplace_back(frag);
        };
        if (hyph != nullptr)
            for (const HyphenBreak& b : hyph->breaks(word)) {
                add_box(std::string_view(word).substr(last, b.offset - last));
                items.push_back(Item::penalty_item(b.add_hyphen ? hyphen : 0.0, m.hyphen_penalty, true));
                texts.emplace_back(b.add_hyphen ? "-" : "");
                last = b.offset;
            }
        add_box(std::string_view(word).substr(last));
    }
    finish_paragraph(items);
    texts.resize(items.size());
    return items;
}

/// First fit at natural width: each line takes the last breakpoint at which
/// its content still fits without shrinking (Pango's greedy breaking).
std::vector<std::pair<std::size_t, std::size_t>> greedy(const std::vector<Item>& items, double width) {
    std::vector<std::pair<std::size_t, std::size_t>> lines;
    auto next_box = [&](std::size_t i) {
        while (i < items.size() && items[i].kind != ItemKind::box) ++i;
        return i;
    };
    std::size_t start = next_box(0);
    while (start < items.size()) {
        double natural = 0;
        std::size_t best = items.size(), first_break = items.size();
        for (std::size_t b = start; b < items.size(); ++b) {
            const Item& it = items[b];
            const bool is_break = (it.kind == ItemKind::glue && items[b - 1].kind == ItemKind::box) ||
                                  (it.kind == ItemKind::penalty && it.penalty < kInfinitePenalty);
            if (is_break) {
                const double w = natural + (it.kind == ItemKind::penalty ? it.width : 0.0);
                if (first_break == items.size()) first_break = b;
                if (w <= width || it.is_forced_break()) best = w <= width ? b : (best == items.size() ? b : best);
                if (w > width || it.is_forced_break()) break;
            }
            if (it.kind != ItemKind::penalty) natural += it.width;
        }
        if (best == items.size()) best = first_break;
        lines.emplace_back(start, best);
        if (best >= items.size() || items[best].is_forced_break()) break;
        start = next_box(best + 1);
    }
    return lines;
}

struct Stats {
    std::vector<double> space_ratio;  // set word space / natural, justified lines
    std::vector<double> adjust;       // adjustment ratio, justified lines
    std::size_t lines = 0, justified = 0, hyphenated = 0, overfull = 0, letterspaced = 0;
    std::size_t longest_ladder = 0, ladder = 0;
    double seconds = 0;
    std::size_t evaluations = 0, breakpoints = 0;

    void add(const std::vector<Item>& items, std::size_t start, std::size_t end, const LineFit& fit,
             const Model& m) {
        ++lines;
        const bool last = end >= items.size() || items[end].is_forced_break();
        const bool hyph = end < items.size() && items[end].kind == ItemKind::penalty && items[end].flagged;
        hyphenated += hyph ? 1 : 0;
        ladder = hyph ? ladder + 1 : 0;
        longest_ladder = std::max(longest_ladder, ladder);
        overfull += fit.overfull() ? 1 : 0;
        bool has_space = false;
        for (std::size_t i = start; i < end; ++i) has_space = has_space || items[i].kind == ItemKind::glue;
        if (last || !has_space) return;
        ++justified;
        letterspaced += fit.letter != 0.0 ? 1 : 0;
        const Item space = Item::glue(m.space, m.stretch, m.shrink);
        space_ratio.push_back(set_width(space, fit) / m.space);
        adjust.push_back(fit.ratio);
    }
};

LineFit fit_of(const std::vector<Item>& items, std::size_t start, std::size_t end, double width) {
    LineMeasure lm;
    for (std::size_t i = start; i < end; ++i) {
        const Item& it = items[i];
        if (it.kind == ItemKind::penalty) continue;
        lm.natural += it.width;
        if (it.kind == ItemKind::box) {
            lm.letter_stretch += it.stretch;
            lm.letter_shrink += it.shrink;
        } else {
            lm.glue_stretch += it.stretch;
            lm.glue_shrink += it.shrink;
            lm.fill += it.fill;
        }
    }
    if (end < items.size() && items[end].kind == ItemKind::penalty) lm.natural += items[end].width;
    return fit_line(lm, width);
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

double mean(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return v.empty() ? 0 : s / static_cast<double>(v.size());
}

void print(const char* name, const Stats& s) {
    const auto over2 = static_cast<double>(std::count_if(s.space_ratio.begin(), s.space_ratio.end(),
                                                         [](double r) { return r > 2.0; }));
    std::vector<double> finite;
    for (double r : s.adjust) finite.push_back(std::min(r, 99.0));
    std::printf("%-34s %5zu %5zu | %5.2f %5.2f %5.2f %5.1f%% | %5.2f %5.2f %5.2f | %4zu %3zu %4zu %4zu | %8.2f\n", name,
                s.lines, s.justified, mean(s.space_ratio), percentile(s.space_ratio, 0.95),
                s.space_ratio.empty() ? 0.0 : *std::max_element(s.space_ratio.begin(), s.space_ratio.end()),
                s.justified ? 100.0 * over2 / static_cast<double>(s.justified) : 0.0, mean(finite),
                percentile(finite, 0.95), finite.empty() ? 0.0 : *std::max_element(finite.begin(), finite.end()),
                s.hyphenated, s.longest_ladder, s.overfull, s.letterspaced, s.seconds * 1000.0);
}

std::vector<std::string> read_paragraphs(const std::vector<std::filesystem::path>& files) {
    std::vector<std::string> paras;
    for (const auto& f : files) {
        std::ifstream in(f);
        std::string line;
        while (std::getline(in, line))
            if (line.find_first_not_of(" \t\r") != std::string::npos) paras.push_back(line);
    }
    return paras;
}

}  // namespace

int main(int argc, char** argv) {
    double width = 141.0;
    int dump = -1;
    BreakSettings base;
    double hyphen_penalty = 50;
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--width") == 0 && i + 1 < argc) width = std::atof(argv[++i]);
        else if (std::strcmp(argv[i], "--dump") == 0 && i + 1 < argc) dump = std::atoi(argv[++i]);
        else if (std::strcmp(argv[i], "--pretolerance") == 0 && i + 1 < argc) base.pretolerance = std::atof(argv[++i]);
        else if (std::strcmp(argv[i], "--tolerance") == 0 && i + 1 < argc) base.tolerance = std::atof(argv[++i]);
        else if (std::strcmp(argv[i], "--hyphen-cap") == 0 && i + 1 < argc)
            base.max_consecutive_hyphens = static_cast<unsigned>(std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--hyphen-penalty") == 0 && i + 1 < argc) hyphen_penalty = std::atof(argv[++i]);
        else files.emplace_back(argv[i]);
    }
    if (files.empty()) {
        const std::filesystem::path seed = std::filesystem::path(GALLEY_SOURCE_DIR) / ".." / "shared" / "seed";
        std::error_code ec;
        for (const auto& e : std::filesystem::directory_iterator(seed, ec))
            if (e.path().extension() == ".txt") files.push_back(e.path());
        std::sort(files.begin(), files.end());
    }
    const std::vector<std::string> paras = read_paragraphs(files);
    if (paras.empty()) {
        std::fprintf(stderr, "linebreak_bench: no text (give files, or put the seed in ../shared/seed)\n");
        return 1;
    }
    HyphenatorCache cache(std::filesystem::path(GALLEY_SOURCE_DIR) / "layouts" / "hyphenation");
    const auto hyph = cache.for_language("en-US");

    std::printf("%zu paragraphs, column %.1f pt (%.1f mm), 9 pt type, space 2.25 pt +1.125 -0.45\n", paras.size(),
                width, width * 25.4 / 72.0);
    std::printf("%-34s %5s %5s | %-26s | %-17s | %-18s | %8s\n", "", "lines", "just", "word space / natural",
                "adjustment ratio", "hyph ladder over ls", "ms");
    std::printf("%-34s %5s %5s | %5s %5s %5s %6s | %5s %5s %5s |\n", "", "", "", "mean", "p95", "max", ">2x", "mean",
                "p95", "max");

    struct Variant {
        const char* name;
        bool total_fit;
        bool hyphenate;
        double letter;  // pt per character
    };
    const Variant variants[] = {
        {"greedy, no hyphenation", false, false, 0.0},
        {"greedy + hyphenation", false, true, 0.0},
        {"total fit, no hyphenation", true, false, 0.0},
        {"total fit + hyphenation", true, true, 0.0},
        {"total fit + hyph + ls 0.02em", true, true, 0.02 * kSize},
        {"total fit + hyph + ls 0.04em", true, true, 0.04 * kSize},
    };
    for (int vi = 0; vi < 6; ++vi) {
        const Variant& v = variants[vi];
        Model m;
        m.letter = v.letter;
        m.hyphen_penalty = hyphen_penalty;
        Stats stats;
        BreakSettings settings = base;
        settings.line_widths = {width};
        for (const std::string& p : paras) {
            std::vector<std::string> texts;
            const std::vector<Item> items = paragraph_items(p, v.hyphenate ? hyph.get() : nullptr, m, texts);
            const auto t0 = std::chrono::steady_clock::now();
            std::vector<std::pair<std::size_t, std::size_t>> lines;
            if (v.total_fit) {
                const BreakResult r = break_paragraph(items, settings);
                for (const auto& l : r.lines) lines.emplace_back(l.start, l.end);
                stats.evaluations += r.stats.evaluations;
                stats.breakpoints += r.stats.breakpoints;
            } else {
                lines = greedy(items, width);
            }
            stats.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            for (const auto& [start, end] : lines) {
                const LineFit fit = fit_of(items, start, end, width);
                stats.add(items, start, end, fit, m);
                if (vi != dump) continue;
                std::string text;
                for (std::size_t i = start; i < end; ++i) text += texts[i];
                if (end < items.size() && items[end].kind == ItemKind::penalty) text += texts[end];
                std::printf("%6.2f %5.2f  %s\n", set_width(Item::glue(m.space, m.stretch, m.shrink), fit) / m.space,
                            fit.letter, text.c_str());
            }
        }
        print(v.name, stats);
    }
    return 0;
}
