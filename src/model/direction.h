// Which way text reads: the direction of letters, and the base direction of
// a paragraph, the one rule the print and EPUB editions share.
#pragma once

#include <string_view>

namespace galley::model {

/// +1 when the first letter of `text` is written left to right, -1 when it
/// is written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, ...), 0
/// when it has none (digits, punctuation, spaces).
int strong_direction(std::string_view text);

/// Whether `text` holds a letter written right to left (the letters
/// strong_direction counts as -1).
bool has_right_to_left_letter(std::string_view text);

/// Whether `text` may hold a letter written right to left (Hebrew, Arabic
/// and the other right-to-left blocks; cheap, and never false for one).
bool may_have_right_to_left(std::string_view text);

/// The base direction of a paragraph of `text` in `lang` (its article's
/// language): -1 right to left, +1 left to right, 0 when it has no letter.
///
/// Its first letter decides (Unicode's rule for plain text), except in a
/// language written right to left: there a paragraph with a letter of that
/// direction anywhere is set right to left, so an Arabic paragraph that
/// opens with a Latin name or acronym ("UNESCO", "CNN") still starts at the
/// right. Text with no such letter (an English sentence in an Arabic story,
/// the layout's English labels, a folio) keeps its first letter's
/// direction. The print edition sets each paragraph this way, and the EPUB
/// marks a paragraph whose direction differs from its document's.
int paragraph_direction(std::string_view text, std::string_view lang);

}  // namespace galley::model
