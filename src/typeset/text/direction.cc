#include "typeset/text/direction.h"

#include "model/direction.h"
#include "model/language.h"

namespace galley::typeset::text {

bool sets_right_to_left(std::string_view text, std::string_view lang, bool as_its_language) {
    if (as_its_language && !lang.empty()) return model::right_to_left(lang);
    return model::paragraph_direction(text, lang) < 0;
}

}  // namespace galley::typeset::text
