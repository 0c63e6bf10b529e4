#include "model/direction.h"

#include <doctest/doctest.h>

namespace galley::test {
namespace {

using model::has_right_to_left_letter;
using model::paragraph_direction;
using model::strong_direction;

TEST_CASE("a text's first letter gives its direction, and digits, punctuation and marks are no letters") {
    CHECK(strong_direction("Phnom Penh") == 1);
    CHECK(strong_direction("“١٢” يولد") == -1);       // Arabic-Indic digits are weak
    CHECK(strong_direction("3.5 ✓ —") == 0);
    CHECK(strong_direction("ស្រុក") == 1);             // Khmer reads left to right
    CHECK(strong_direction("\xFF\xFE" "abc") == 1);     // a malformed byte is skipped
    CHECK(has_right_to_left_letter("UNESCO أعلنت"));
    CHECK(has_right_to_left_letter("CNN: ההודעה"));
    CHECK_FALSE(has_right_to_left_letter("١٢٣ ، ؟"));  // Arabic digits and punctuation only
    CHECK_FALSE(has_right_to_left_letter("Phnom Penh"));
}

TEST_CASE("a paragraph's first letter sets its direction, whatever its language, when it has no letter of another") {
    CHECK(paragraph_direction("The committee met on June 12.", "en") == 1);
    CHECK(paragraph_direction("يولد جميع الناس أحرارا", "ar") == -1);
    CHECK(paragraph_direction("“2008” – يولد جميع الناس", "ar") == -1);  // digits and quotes are not letters
    // Untagged Arabic in an English story, an English sentence (or label)
    // in an Arabic one: the letters' own direction.
    CHECK(paragraph_direction("يولد جميع الناس أحرارا", "en") == -1);
    CHECK(paragraph_direction("Continued on page 2", "ar") == 1);
    CHECK(paragraph_direction("UNESCO and the other agencies", "ar") == 1);
    // No letter at all (a folio, a rule of stars): none, in any language.
    CHECK(paragraph_direction("12", "ar") == 0);
    CHECK(paragraph_direction("* * *", "en") == 0);
    CHECK(paragraph_direction("", "he") == 0);
}

TEST_CASE("a paragraph in a right-to-left language that opens with a Latin name is set right to left") {
    CHECK(paragraph_direction("UNESCO أعلنت اليوم أن الإعلان قد ترجم", "ar") == -1);
    CHECK(paragraph_direction("CNN: ההודעה פורסמה הבוקר", "he") == -1);
    CHECK(paragraph_direction("iPhone گوشی پرفروش سال شد", "fa") == -1);
    CHECK(paragraph_direction("UNESCO أعلنت", "az-Arab") == -1);  // the script subtag says so
    // In a left-to-right language, the first letter still decides: an
    // Arabic name that opens an English sentence is left to the desk's
    // markup (a span with xml:lang), as before.
    CHECK(paragraph_direction("القاعدة is the group's name", "en") == -1);
    CHECK(paragraph_direction("UNESCO أعلنت", "") == 1);
}

}  // namespace
}  // namespace galley::test
