#include "typeset/text/direction.h"

#include "model/language.h"
#include "typeset/text/chars.h"

namespace galley::typeset::text {

int paragraph_direction(std::string_view text, std::string_view lang) {
    const int first = strong_direction(text);
    if (first >= 0 && !lang.empty() && model::right_to_left(lang) && has_right_to_left_letter(text)) return -1;
    return first;
}

bool sets_right_to_left(std::string_view text, std::string_view lang, bool as_its_language) {
    if (as_its_language && !lang.empty()) return model::right_to_left(lang);
    return paragraph_direction(text, lang) < 0;
}

}  // namespace galley::typeset::text
