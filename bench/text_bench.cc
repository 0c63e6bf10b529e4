// Paragraph setting quality and speed on the seed story (../shared/seed/*.txt):
// every paragraph set in the body style at the column width of each layout
// named, with the spread of inter-word spaces counted the way
// ../shared/tools/typoqual.py counts them (justified lines that are not a
// paragraph's last), hyphenated lines and the longest run of them, and the
// time to set the story `--repeat` times (default 50) with one TextSetter.
//
//   text_bench [TEXT_FILE...] [--layout NAME]... [--repeat N] [--dump]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/data_dir.h"
#include "fonts/font_library.h"
#include "layout/loader.h"
#include "typeset/text/text_setter.h"

namespace {

using namespace galley;

std::vector<std::string> read_paragraphs(const std::vector<std::filesystem::path>& files) {
    std::vector<std::string> out;
    for (const auto& f : files) {
        std::ifstream in(f);
        std::string line;
        while (std::getline(in, line)) {
            while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
            if (!line.empty()) out.push_back(line);
        }
    }
    return out;
}

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::string line_text(const typeset::SetLine& l) {
    std::string s;
    for (const auto& r : l.runs) s += r.text;
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::filesystem::path> files;
    std::vector<std::string> layouts;
    int repeat = 50;
    bool dump = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--layout") == 0 && i + 1 < argc) layouts.emplace_back(argv[++i]);
        else if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) repeat = std::atoi(argv[++i]);
        else if (std::strcmp(argv[i], "--dump") == 0) dump = true;
        else files.emplace_back(argv[i]);
    }
    if (layouts.empty()) layouts = {"tabloid", "peer-tabloid"};
    if (files.empty()) {
        const auto seed = data_dir() / ".." / "shared" / "seed";
        std::error_code ec;
        for (const auto& e : std::filesystem::directory_iterator(seed, ec))
            if (e.path().extension() == ".txt") files.push_back(e.path());
        std::sort(files.begin(), files.end());
    }
    const auto paragraphs = read_paragraphs(files);
    if (paragraphs.empty()) {
        std::fprintf(stderr, "text_bench: no text (give files, or put the seed in ../shared/seed)\n");
        return 2;
    }
    for (const std::string& name : layouts) {
        Diagnostics diags;
        auto layout = layout::load_layout(name, layout::bundled_layouts_dir(), diags);
        auto fonts = fonts::FontLibrary::open({data_dir() / "fonts"}, diags);
        if (!layout || !fonts) {
            std::fprintf(stderr, "text_bench: cannot load layout %s or the fonts\n", name.c_str());
            return 1;
        }
        const double width = layout->column_width().to_pt();
        typeset::TextSetter setter(*layout, *fonts, data_dir() / "layouts" / "hyphenation");
        typeset::ParagraphShape shape;
        shape.width = width;
        shape.lang = "en";

        // Quality (one pass).
        std::vector<double> ratios;
        std::size_t lines = 0, justified = 0, hyphenated = 0, ladder = 0, run = 0, overfull = 0, loose = 0;
        Diagnostics set_diags;
        const double natural = layout->style(layout::ParagraphStyleId::body).word_space_natural;
        for (const std::string& text : paragraphs) {
            const auto para = setter.set_text(text, layout::ParagraphStyleId::body, shape, {}, set_diags);
            for (const auto& l : para.lines) {
                ++lines;
                double right = 0.0;
                for (const auto& r : l.runs) right = std::max(right, r.origin.x + r.advance);
                if (l.overfull || right > l.width + 0.01) ++overfull;
                run = l.hyphenated ? run + 1 : 0;
                ladder = std::max(ladder, run);
                if (l.hyphenated) ++hyphenated;
                if (l.loose) ++loose;
                if (!l.last && l.word_space > 0) {
                    ++justified;
                    ratios.push_back(l.word_space / natural);
                }
                if (dump)
                    std::printf("%6.2f %s%s\n", l.word_space / natural, line_text(l).c_str(), l.last ? "  <" : "");
            }
        }
        std::sort(ratios.begin(), ratios.end());
        auto q = [&](double p) {
            return ratios.empty() ? 0.0
                                  : ratios[std::min(ratios.size() - 1,
                                                    static_cast<std::size_t>(p * static_cast<double>(ratios.size() - 1) + 0.5))];
        };
        double mean = 0;
        for (double r : ratios) mean += r;
        mean /= static_cast<double>(std::max<std::size_t>(1, ratios.size()));
        const auto over = [&](double t) {
            return 100.0 * static_cast<double>(std::count_if(ratios.begin(), ratios.end(), [&](double r) { return r > t; })) /
                   static_cast<double>(std::max<std::size_t>(1, ratios.size()));
        };
        std::printf("%-13s measure %.1f pt: %zu lines, %zu justified; space ratio mean %.2f p50 %.2f p95 %.2f max %.2f; "
                    ">1.5x %.1f%% >2x %.1f%%; hyphenated %zu (%.1f%%), longest ladder %zu; loose %zu; overfull %zu; "
                    "warnings %zu\n",
                    name.c_str(), width, lines, justified, mean, q(0.5), q(0.95), ratios.empty() ? 0.0 : ratios.back(),
                    over(1.5), over(2.0), hyphenated, 100.0 * static_cast<double>(hyphenated) / static_cast<double>(std::max<std::size_t>(1, lines)),
                    ladder, loose, overfull, set_diags.all().size());
        for (const auto& d : set_diags.all()) std::printf("  %s %s\n", d.code.c_str(), d.message.c_str());

        // Speed: a fresh setter (cold caches), the story `repeat` times.
        const auto w0 = std::chrono::steady_clock::now();
        const double c0 = cpu_seconds();
        typeset::TextSetter fresh(*layout, *fonts, data_dir() / "layouts" / "hyphenation");
        const double made = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
        std::size_t total_lines = 0;
        Diagnostics speed_diags;
        for (int r = 0; r < repeat; ++r)
            for (const std::string& text : paragraphs)
                total_lines += fresh.set_text(text, layout::ParagraphStyleId::body, shape, {}, speed_diags).lines.size();
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
        std::printf("%-13s x%d: %zu lines in %.3f s wall (setter made in %.3f s), %.3f s CPU (%.1f us a line)\n",
                    name.c_str(), repeat, total_lines, wall, made, cpu_seconds() - c0, 1e6 * wall / static_cast<double>(std::max<std::size_t>(1, total_lines)));
    }
    return 0;
}
