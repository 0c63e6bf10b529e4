#include "typeset/linebreak/kashida.h"

#include <doctest/doctest.h>

#include <cstddef>
#include <optional>
#include <string_view>

using galley::typeset::kashida_point;

TEST_CASE("kashida: one place per Arabic word, between two joined letters") {
    struct Case {
        std::string_view word;
        std::optional<std::size_t> expected;  // bytes: each letter here is two
    };
    const Case cases[] = {
        // After seen or sad first: al-insan, its kashida after the seen.
        {"الإنسان", 10},
        {"مستوى", 4},
        {"الشعوب", 6},
        // Else before the last letter.
        {"كتب", 4},
        {"تعليم", 8},
        // A full stop after the word does not count as its last letter.
        {"الحرية.", 10},
        // Marks stay with the letter they sit on: the kashida comes after
        // the shadda, before the alef.
        {"لمّا", 6},
        // The last letter does not join back to waw: the last place before it.
        {"حقوق", 4},
        // Never inside lam-alef; letters that join only to the right give
        // no place.
        {"لا", std::nullopt},
        {"دار", std::nullopt},
        {"الاعتراف", 10},
        // A lone letter, digits, Latin text and the author's own tatweel.
        {"و", std::nullopt},
        {"217", std::nullopt},
        {"١٩٤٨", std::nullopt},
        {"CNN", std::nullopt},
        {"كتـب", std::nullopt},
        {"", std::nullopt},
        {"\xff\xfe", std::nullopt},
    };
    for (const Case& c : cases) {
        CAPTURE(c.word);
        CHECK(kashida_point(c.word) == c.expected);
    }
}
