#include "typeset/text/kashida.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "typeset/linebreak/kashida.h"

namespace galley::typeset::text {

std::optional<KashidaPlace> kashida_place(std::string_view text, const Shaped& word, const Shaped& tatweel) {
    constexpr double kEpsilon = 0.01;  // pt
    if (tatweel.glyphs.size() != 1 || tatweel.missing || !(tatweel.glyphs.front().advance > 0.0f)) return std::nullopt;
    const std::optional<std::size_t> point = typeset::kashida_point(text);
    if (!point) return std::nullopt;
    const auto at = std::find_if(word.clusters.begin(), word.clusters.end(),
                                 [&](const ShapedCluster& c) { return c.byte_start == *point; });
    if (at == word.clusters.end() || at == word.clusters.begin()) return std::nullopt;
    const std::size_t cut = static_cast<std::size_t>(at - word.clusters.begin());
    const std::uint16_t face = tatweel.glyphs.front().face;
    // The extent of the letters (glyphs that advance; marks do not) of
    // clusters [first, last).
    struct Extent {
        double left = std::numeric_limits<double>::infinity();
        double right = -std::numeric_limits<double>::infinity();
        bool ok = true;
    };
    auto extent = [&](std::size_t first, std::size_t last, bool check) {
        Extent e;
        for (std::size_t c = first; c < last; ++c)
            for (std::uint32_t g = word.clusters[c].glyph_start; g < word.clusters[c].glyph_end; ++g) {
                const ShapedGlyph& sg = word.glyphs[g];
                if (check && sg.face != face) e.ok = false;
                if (!(sg.advance > 0.0f)) continue;
                if (check && sg.dy != 0.0f) e.ok = false;
                e.left = std::min(e.left, sg.x);
                e.right = std::max(e.right, sg.x + static_cast<double>(sg.advance));
            }
        return e;
    };
    const Extent before = extent(cut - 1, cut, true), after = extent(cut, cut + 1, true);
    if (!before.ok || !after.ok || before.left > before.right || after.left > after.right) return std::nullopt;
    if (std::abs(before.left - after.right) > kEpsilon) return std::nullopt;
    const Extent head = extent(0, cut, false), tail = extent(cut, word.clusters.size(), false);
    if (head.left < before.left - kEpsilon || tail.right > after.right + kEpsilon) return std::nullopt;
    return KashidaPlace{cut, before.left};
}

}  // namespace galley::typeset::text
