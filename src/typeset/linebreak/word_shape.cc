#include "typeset/linebreak/word_shape.h"

#include <unicode/uchar.h>

#include <algorithm>

namespace galley::typeset::detail {
namespace {

constexpr char32_t kSoftHyphen = 0x00AD;
constexpr std::size_t kMaxRun = 100;  // longer "words" are not language: leave them to the emergency pass

UChar32 icu(char32_t cp) { return static_cast<UChar32>(cp); }

bool is_digit(char32_t cp) { return u_isdigit(icu(cp)) != 0; }
bool is_alnum(char32_t cp) { return is_letter(cp) || is_digit(cp); }

/// Hyphens and dashes after which a line may break without adding a hyphen.
/// U+2011 (non-breaking hyphen) is deliberately absent.
bool is_breaking_hyphen(char32_t cp) { return cp == U'-' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014; }

bool looks_like_address(const std::vector<utf8::Char>& chars) {
    std::u32string s;
    for (const utf8::Char& c : chars) s += static_cast<char32_t>(u_tolower(icu(c.cp)));
    if (s.find(U'@') != std::u32string::npos || s.find(U"://") != std::u32string::npos) return true;
    const std::size_t www = s.find(U"www.");
    return www != std::u32string::npos && std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(www),
                                                      [](char32_t c) { return !is_alnum(c); });
}

std::size_t count_alnum(const std::vector<utf8::Char>& chars, std::size_t from, std::size_t to) {
    return static_cast<std::size_t>(std::count_if(chars.begin() + static_cast<std::ptrdiff_t>(from),
                                                  chars.begin() + static_cast<std::ptrdiff_t>(to),
                                                  [](const utf8::Char& c) { return is_alnum(c.cp); }));
}

/// Whether the letters of [first, last) may be hyphenated under `rules`.
bool hyphenatable(const std::vector<utf8::Char>& chars, std::size_t first, std::size_t last,
                  const HyphenationRules& rules) {
    std::size_t letters = 0, upper = 0, cased = 0;
    bool upper_after_first = false;
    for (std::size_t i = first; i < last; ++i) {
        const char32_t cp = chars[i].cp;
        if (is_apostrophe(cp) && i > first && i + 1 < last) continue;
        if (!is_letter(cp)) return false;
        if (u_charType(icu(cp)) == U_NON_SPACING_MARK || u_charType(icu(cp)) == U_COMBINING_SPACING_MARK) continue;
        ++letters;
        if (u_isupper(icu(cp)) || u_istitle(icu(cp))) {
            ++upper;
            if (i > first) upper_after_first = true;
        }
        if (u_isupper(icu(cp)) || u_islower(icu(cp)) || u_istitle(icu(cp))) ++cased;
    }
    if (letters < std::max<std::size_t>(rules.min_word_length, 1) || last - first > kMaxRun) return false;
    if (upper_after_first && !rules.all_caps) return false;  // USAID, iPhone, PhD
    if (upper == 1 && cased > 0 && u_isupper(icu(chars[first].cp)) && !rules.capitalized) return false;
    return true;
}

}  // namespace

bool is_letter(char32_t cp) {
    if (u_isalpha(icu(cp))) return true;
    const int8_t type = u_charType(icu(cp));
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == 0x2019; }

WordShape analyse_word(std::string_view word, const HyphenationRules& rules) {
    WordShape w;
    if (!utf8::decode(word, w.chars)) {
        w.whole = true;
        return w;
    }
    const auto& chars = w.chars;
    // The core: from the first letter or digit to the last.
    std::size_t first = 0, last = chars.size();
    while (first < last && !is_alnum(chars[first].cp)) ++first;
    while (last > first && !is_alnum(chars[last - 1].cp)) --last;
    const bool has_digit = std::any_of(chars.begin(), chars.end(), [](const utf8::Char& c) { return is_digit(c.cp); });
    if (first == last || looks_like_address(chars) || (has_digit && !rules.with_digits)) {
        w.whole = true;
        return w;
    }

    // Explicit hyphens and dashes: break after the last of a run, when both
    // sides keep enough characters and it does not join two numbers.
    for (std::size_t i = first; i < last; ++i) {
        if (chars[i].cp == kSoftHyphen) {
            if (count_alnum(chars, first, i) > 0 && count_alnum(chars, i + 1, last) > 0) w.soft_hyphens.push_back(i);
            continue;
        }
        if (!is_breaking_hyphen(chars[i].cp) || is_breaking_hyphen(chars[i + 1].cp)) continue;
        std::size_t before = i;
        while (before > first && is_breaking_hyphen(chars[before - 1].cp)) --before;
        if (before > first && i + 1 < last && is_digit(chars[before - 1].cp) && is_digit(chars[i + 1].cp)) continue;
        if (count_alnum(chars, first, i) >= rules.min_left && count_alnum(chars, i + 1, last) >= rules.min_right)
            w.explicit_breaks.push_back(i);
    }
    // Soft hyphens anywhere in the word put its hyphenation in the author's hands.
    if (std::any_of(chars.begin(), chars.end(), [](const utf8::Char& c) { return c.cp == kSoftHyphen; })) return w;

    // Letter runs between the hyphens, for the patterns.
    std::size_t start = first;
    for (std::size_t i = first; i <= last; ++i) {
        if (i < last && !is_breaking_hyphen(chars[i].cp)) continue;
        std::size_t a = start, b = i;
        while (a < b && !is_alnum(chars[a].cp)) ++a;
        while (b > a && !is_alnum(chars[b - 1].cp)) --b;
        if (a < b && hyphenatable(chars, a, b, rules)) w.runs.push_back({a, b});
        start = i + 1;
    }
    return w;
}

}  // namespace galley::typeset::detail
