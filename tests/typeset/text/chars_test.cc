// Character helpers of typeset/text/chars.h: how diagnostics name
// characters, and which characters print as nothing.
#include <doctest/doctest.h>

#include "typeset/text/chars.h"

using namespace galley::typeset::text;

TEST_CASE("characters are named as Unicode writes them, the first eight in order") {
    CHECK(codepoint_list({}) == "");
    CHECK(codepoint_list({0xE9}) == "U+00E9");
    CHECK(codepoint_list({0x13001, 0xE000, 0x10FFFF}) == "U+E000, U+13001, U+10FFFF");
    std::set<char32_t> many;
    for (char32_t c = 0xE000; c < 0xE00A; ++c) many.insert(c);
    CHECK(codepoint_list(many) == "U+E000, U+E001, U+E002, U+E003, U+E004, U+E005, U+E006, U+E007, ...");
}

TEST_CASE("joiners, selectors, bidi controls and controls print as nothing, letters and spaces do not") {
    for (char32_t c : {0x00ADu, 0x200Bu, 0x200Du, 0x200Eu, 0x2066u, 0xFE0Fu, 0xE0001u, 0x0007u, 0x0085u})
        CHECK_MESSAGE(is_default_ignorable(c), static_cast<unsigned>(c));
    for (char32_t c : {0x0041u, 0x00E9u, 0x1780u, 0x4E00u, 0x13000u, 0x00A0u})
        CHECK_MESSAGE(!is_default_ignorable(c), static_cast<unsigned>(c));
}

TEST_CASE("letters that join or stack are never letter-spaced, the syllables of scripts without word spaces may be") {
    CHECK(allows_letter_spacing("Kampot, 1948"));
    CHECK(allows_letter_spacing("世界人权宣言"));
    for (const char* text : {"ខ្មែរ", "ภาษาไทย", "ພາສາລາວ", "မြန်မာ", "العربية", "हिन्दी"}) {
        CAPTURE(text);
        CHECK(!allows_letter_spacing(text));
    }
    // Thai, Lao, Myanmar and Khmer, with digits or Latin beside them.
    for (const char* text : {"ខ្មែរ", "ភាសាខ្មែរ (Khmer)", "ภาษาไทย", "ພາສາລາວ", "မြန်မာ", "១៩៤៨", "ឆ្នាំ1948"}) {
        CAPTURE(text);
        CHECK(spaces_between_clusters(text));
    }
    // Nothing of those scripts, or beside a script whose letters join.
    for (const char* text : {"Kampot", "", "世界", "العربية", "हिन्दी", "ខ្មែរالعربية"}) {
        CAPTURE(text);
        CHECK(!spaces_between_clusters(text));
    }
}
