// Facts about a language tag (BCP 47) that every backend needs alike.
#pragma once

#include <string_view>

namespace galley::model {

/// Whether text in `lang` is written right to left: its script subtag says
/// so ("az-Arab", "ku-Latn"), or else its primary language is usually
/// written in Arabic, Hebrew, Syriac, Thaana or N'Ko script ("ar", "he",
/// "fa", "ur", ...). False for an empty tag.
bool right_to_left(std::string_view lang);

/// Whether a paragraph in `lang` is indented by whole characters (two
/// ideographic spaces) rather than by a length: Chinese and Japanese, or
/// any tag with a Han, Hiragana, Katakana or Japanese script subtag.
bool indents_by_characters(std::string_view lang);

/// Whether text in `lang` sets quotation marks, dashes, the ellipsis and
/// the middle dot full width, an em each, as Chinese and Japanese faces
/// draw them: the tags `indents_by_characters` takes. Korean sets them
/// proportional, as Latin text does.
bool full_width_punctuation(std::string_view lang);

/// Whether `lang` is written in a script that stacks marks above and below
/// its letters deeper than a Latin line's leading allows (subscript
/// consonants under, vowels over, as in Khmer): its script subtag is Khmr,
/// Mymr or Tibt, or else its primary language is usually written in one of
/// them ("km", "my", "bo", "dz", ...). Such text needs taller lines.
bool stacks_marks(std::string_view lang);

/// Whether `lang` is written without spaces between its words, only
/// between phrases, in a script whose lines break between words found by
/// dictionary (UAX #14 class SA): its script subtag is Thai, Laoo, Khmr or
/// Mymr, or else its primary language is usually written in one of them
/// ("th", "lo", "km", "my", ...). Justified, such text spaces its letters
/// apart rather than widen its few spaces alone.
bool justifies_between_letters(std::string_view lang);

/// Whether two tags name the same language: the same primary subtag, in
/// any case ("en-GB" and "EN" do; "km" and "en" do not).
bool same_language(std::string_view a, std::string_view b);

}  // namespace galley::model
