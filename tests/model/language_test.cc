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

TEST_CASE("indents_by_characters: Chinese and Japanese, by script subtag first") {
    for (const char* cjk : {"zh", "ZH", "zh-Hans", "zh-Hant-TW", "zh-yue", "yue", "cmn-Hans", "ja", "ja-JP", "lzh",
                            "en-Hani", "zh-Hans-CN"})
        CHECK_MESSAGE(indents_by_characters(cjk), cjk);
    for (const char* other : {"", "en", "ko", "ko-KR", "ko-Kore", "vi", "km", "th", "zh-Latn", "ja-Latn", "zha", "jav"})
        CHECK_MESSAGE(!indents_by_characters(other), other);
}

TEST_CASE("full_width_punctuation: Chinese and Japanese, not Korean") {
    for (const char* cjk : {"zh", "zh-Hans", "zh-Hant-TW", "yue", "ja", "ja-JP", "en-Hani"})
        CHECK_MESSAGE(full_width_punctuation(cjk), cjk);
    for (const char* other : {"", "en", "ko", "ko-KR", "ko-Kore", "vi", "km", "th", "zh-Latn", "ja-Latn", "zha"})
        CHECK_MESSAGE(!full_width_punctuation(other), other);
}

TEST_CASE("stacks_marks: Khmer, Myanmar and Tibetan, by script subtag first") {
    for (const char* tall : {"km", "KM", "km-KH", "my", "my-MM", "shn", "bo", "dz", "en-Khmr", "pi-Mymr", "sa-Tibt"})
        CHECK_MESSAGE(stacks_marks(tall), tall);
    for (const char* other : {"", "en", "th", "lo", "vi", "ar", "zh-Hans", "km-Latn", "kmr", "bos", "mya-Latn"})
        CHECK_MESSAGE(!stacks_marks(other), other);
}

TEST_CASE("justifies_between_letters: Thai, Lao, Khmer and Myanmar, by script subtag first") {
    for (const char* spaceless : {"th", "TH", "th-TH", "lo", "km", "km-KH", "my", "shn", "nod", "pi-Thai", "en-Khmr"})
        CHECK_MESSAGE(justifies_between_letters(spaceless), spaceless);
    for (const char* other : {"", "en", "vi", "zh-Hans", "ja", "bo", "ar", "km-Latn", "th-Latn", "kmr", "mya-Latn"})
        CHECK_MESSAGE(!justifies_between_letters(other), other);
}

}  // namespace galley::model
