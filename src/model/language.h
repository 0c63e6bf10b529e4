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

/// Whether two tags name the same language: the same primary subtag, in
/// any case ("en-GB" and "EN" do; "km" and "en" do not).
bool same_language(std::string_view a, std::string_view b);

}  // namespace galley::model
