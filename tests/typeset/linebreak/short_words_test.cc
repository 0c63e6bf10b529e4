#include "typeset/linebreak/short_words.h"

#include <doctest/doctest.h>

#include <string_view>

using galley::typeset::short_function_word;

TEST_CASE("short function words: articles, prepositions and conjunctions of the text's language") {
    struct Case {
        std::string_view lang, word;
        bool expected;
    };
    const Case cases[] = {
        {"en", "of", true}, {"en", "the", true}, {"en", "a", true}, {"en", "by", true}, {"en", "and", true},
        {"en", "with", true}, {"en", "The", true}, {"en", "OF", true}, {"en-GB", "of", true},
        // Content words, longer function words and words with their
        // punctuation stand at a line end.
        {"en", "claims", false}, {"en", "rape,", false}, {"en", "about", false}, {"en", "of,", false},
        {"en", "", false}, {"en", "it", false},
        {"fr", "de", true}, {"fr-CA", "à", true}, {"de", "und", true}, {"es", "del", true}, {"pt-BR", "em", true},
        {"it", "della", true}, {"nl", "het", true},
        // By language: "die" is an article in German, a verb in English.
        {"de", "die", true}, {"en", "die", false},
        // Languages without a list, and no language at all.
        {"vi", "của", false}, {"km", "នៃ", false}, {"", "of", false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.lang);
        CAPTURE(c.word);
        CHECK(short_function_word(c.lang, c.word) == c.expected);
    }
}
