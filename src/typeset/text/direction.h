// Which side a paragraph's lines start from, in print.
#pragma once

#include <string_view>

namespace galley::typeset::text {

/// Whether a paragraph of `text` in `lang` is set right to left: by
/// model::paragraph_direction (the rule the EPUB follows too), or, with
/// `as_its_language` (a head piece, which sits on its article's starting
/// side, ParagraphShape::direction_of_lang) and a known `lang`, by the
/// language alone.
bool sets_right_to_left(std::string_view text, std::string_view lang, bool as_its_language);

}  // namespace galley::typeset::text
