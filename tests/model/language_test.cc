#include <doctest/doctest.h>

#include "model/language.h"

namespace galley::model {

TEST_CASE("right_to_left: by script subtag first, else by primary language") {
    for (const char* rtl : {"ar", "AR", "ar-EG", "he", "fa-IR", "ur", "yi", "ckb", "dv", "ps", "az-Arab", "az-Arab-IR",
                            "pa-Arab", "ku-arab", "zh-xyz-Arab", "arz", "azb"})
        CHECK_MESSAGE(right_to_left(rtl), rtl);
    for (const char* ltr : {"", "en", "en-GB", "km", "th", "vi", "zh-Hans", "arz-Latn", "ku-Latn", "ar-Latn",
                            "az", "az-Latn", "sr-Cyrl", "ara", "hex", "eng"})
        CHECK_MESSAGE(!right_to_left(ltr), ltr);
}

}  // namespace galley::model
