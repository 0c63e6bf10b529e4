// The base direction of a paragraph: which side its lines start from.
#pragma once

#include <string_view>

namespace galley::typeset::text {

/// The base direction of a paragraph of `text` in `lang` (its article's
/// language): -1 right to left, +1 left to right, 0 when it has no letter.
///
/// Its first letter decides (Unicode's rule for plain text), except in a
/// language written right to left: there a paragraph with a letter of that
/// direction anywhere is set right to left, so an Arabic paragraph that
/// opens with a Latin name or acronym ("UNESCO", "CNN") still starts at the
/// right, as the EPUB's `dir="rtl"` sets it. Text with no such letter (an
/// English sentence in an Arabic story, the layout's English labels, a
/// folio) keeps its first letter's direction.
int paragraph_direction(std::string_view text, std::string_view lang);

/// Whether a paragraph of `text` in `lang` is set right to left: by
/// paragraph_direction, or, with `as_its_language` (a head piece, which
/// sits on its article's starting side, ParagraphShape::direction_of_lang)
/// and a known `lang`, by the language alone.
bool sets_right_to_left(std::string_view text, std::string_view lang, bool as_its_language);

}  // namespace galley::typeset::text
