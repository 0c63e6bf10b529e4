// Where a shaped Arabic word can take a kashida: the place kashida_point()
// picks, checked against the glyphs. Justification lengthens the word there
// by drawing tatweel glyphs (U+0640) between the two joined letters, spread
// to cover the width exactly; the word's text is unchanged, so it extracts
// and searches as written. Items (what the breaker counts) and lines (what
// is drawn) ask the same question here, so they agree.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "typeset/text/shaper.h"

namespace galley::typeset::text {

struct KashidaPlace {
    std::size_t cluster = 0;  ///< the tatweel goes before this cluster (logical order)
    double x = 0.0;           ///< where the two letters meet, from the word's left edge
};

/// Where `word`, `text` as shaped, takes its kashida; nothing when the word
/// has no place for one, or its glyphs do not allow it there: the two
/// letters in different clusters, both in the face of `tatweel` (the
/// tatweel as shaped in the same font: one glyph the face has), neither
/// moved off the baseline (a font that stacks those letters), every letter
/// before the place to the right of it and every letter after to the left.
std::optional<KashidaPlace> kashida_place(std::string_view text, const Shaped& word, const Shaped& tatweel);

/// The tatweel, U+0640, in UTF-8.
inline constexpr std::string_view kTatweelText = "\xD9\x80";

}  // namespace galley::typeset::text
