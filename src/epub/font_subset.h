// Font subsetting with HarfBuzz's hb-subset (pkg-config harfbuzz-subset):
// keeps the glyphs for the given code points, for the characters a shaper
// turns them into (decompositions, mirror images), and whatever the font's
// layout tables reach from them (ligatures, Khmer conjuncts, alternates).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace galley::epub {

/// The subset of face `index` of the font file `data` that covers
/// `codepoints`, as a font file of the same flavour (TrueType or CFF); or
/// nothing when HarfBuzz cannot read or subset it.
std::optional<std::string> subset_font(std::string_view data, unsigned index, const std::set<char32_t>& codepoints);

/// Face `index` of the font collection (.ttc) `data`, whole, as a font file
/// of its own: every glyph, code point, layout feature and name kept. An
/// EPUB cannot hold a collection.
std::optional<std::string> whole_face(std::string_view data, unsigned index);

}  // namespace galley::epub
