#include "typeset/linebreak/kashida.h"

#include <vector>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "typeset/linebreak/utf8.h"

namespace galley::typeset {
namespace {

constexpr char32_t kTatweel = 0x0640;

int joining_type(char32_t c) { return u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_JOINING_TYPE); }

bool arabic_letter(char32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_ARABIC && U_SUCCESS(status) &&
           u_isalpha(static_cast<UChar32>(c));
}

/// Joins the letter after it (dual-joining).
bool joins_forward(char32_t c) { return arabic_letter(c) && joining_type(c) == U_JT_DUAL_JOINING; }

/// Joins the letter before it (dual- or right-joining).
bool joins_back(char32_t c) {
    const int jt = joining_type(c);
    return arabic_letter(c) && (jt == U_JT_DUAL_JOINING || jt == U_JT_RIGHT_JOINING);
}

bool is_lam(char32_t c) { return c == 0x0644 || (c >= 0x06B5 && c <= 0x06B8) || c == 0x076A; }

bool is_alef(char32_t c) {
    return c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0627 || (c >= 0x0671 && c <= 0x0673) || c == 0x0675;
}

/// Seen, sheen, sad, dad and their variants: a kashida after them is the
/// first choice.
bool seen_or_sad(char32_t c) {
    return (c >= 0x0633 && c <= 0x0636) || (c >= 0x069A && c <= 0x069E) || c == 0x06FA || c == 0x06FB;
}

}  // namespace

std::optional<std::size_t> kashida_point(std::string_view word) {
    std::vector<utf8::Char> chars;
    if (!utf8::decode(word, chars)) return std::nullopt;
    // The word's letters, marks and other transparent characters skipped.
    std::vector<const utf8::Char*> letters;
    bool any_arabic = false;
    for (const utf8::Char& ch : chars) {
        const auto c = static_cast<UChar32>(ch.cp);
        if (ch.cp == kTatweel || u_isdigit(c)) return std::nullopt;
        const UCharDirection d = u_charDirection(c);
        if (d == U_LEFT_TO_RIGHT) return std::nullopt;
        if (joining_type(ch.cp) == U_JT_TRANSPARENT) continue;
        any_arabic = any_arabic || arabic_letter(ch.cp);
        letters.push_back(&ch);
    }
    if (!any_arabic) return std::nullopt;
    std::optional<std::size_t> after_seen, before_last, last;
    for (std::size_t k = 0; k + 1 < letters.size(); ++k) {
        const char32_t a = letters[k]->cp, b = letters[k + 1]->cp;
        if (!joins_forward(a) || !joins_back(b) || (is_lam(a) && is_alef(b))) continue;
        const std::size_t at = letters[k + 1]->offset;
        if (seen_or_sad(a) && !after_seen) after_seen = at;
        const bool b_last = k + 2 == letters.size() || !arabic_letter(letters[k + 2]->cp);
        if (b_last) before_last = at;
        last = at;
    }
    if (after_seen) return after_seen;
    if (before_last) return before_last;
    return last;
}

}  // namespace galley::typeset
