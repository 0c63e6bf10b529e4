#include "typeset/text/chars.h"

#include <cstdio>

#include <glib.h>

#include "base/utf8.h"

namespace galley::typeset::text {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

/// Length of a well-formed sequence at s[i], 0 when malformed.
std::size_t sequence_length(std::string_view s, std::size_t i, char32_t& cp) {
    const galley::utf8::Decoded d = galley::utf8::decode(s, i);
    cp = d.code_point;
    return d.length;
}

/// A character of a script whose letters join or stack (Arabic, Syriac,
/// N'Ko, Mongolian, Indic, class-SA scripts).
bool joins_or_stacks(char32_t c) {
    return (c >= 0x0590 && c <= 0x08FF) ||  // Hebrew (points), Arabic, Syriac, Thaana, N'Ko, ...
           (c >= 0x0900 && c <= 0x0DFF) ||  // Indic scripts
           (c >= 0x0E00 && c <= 0x0EFF) ||  // Thai, Lao
           (c >= 0x1000 && c <= 0x109F) ||  // Myanmar
           (c >= 0x1780 && c <= 0x18AF) ||  // Khmer, Mongolian
           (c >= 0x19E0 && c <= 0x19FF) ||  // Khmer symbols
           (c >= 0xA980 && c <= 0xAAFF) ||  // Javanese .. Tai Viet
           (c >= 0xFB1D && c <= 0xFDFF) ||  // Hebrew / Arabic presentation forms
           (c >= 0xFE70 && c <= 0xFEFF);
}

}  // namespace

char32_t next_char(std::string_view s, std::size_t& i) {
    char32_t cp = 0;
    const std::size_t len = sequence_length(s, i, cp);
    if (len == 0) {
        ++i;
        return kReplacement;
    }
    i += len;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) { galley::utf8::append(out, cp); }

std::string sanitize(std::string_view text) {
    // Fast path: ASCII printable or well-formed, nothing to replace.
    bool clean = true;
    for (std::size_t i = 0; i < text.size() && clean;) {
        char32_t cp = 0;
        const std::size_t len = sequence_length(text, i, cp);
        if (len == 0 || (cp < 0x20 && cp != U'\n') || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029)
            clean = false;
        i += len == 0 ? 1 : len;
    }
    if (clean) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t len = sequence_length(text, i, cp);
        if (len == 0) {
            append_utf8(out, kReplacement);
            ++i;
            continue;
        }
        if (cp == U'\n' || cp == 0x2028 || cp == 0x2029) out += '\n';
        else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) out += ' ';
        else out.append(text.substr(i, len));
        i += len;
    }
    return out;
}

bool is_continuation(char32_t c) {
    if (c == 0x200C || c == 0x200D || c == 0x034F) return true;                 // ZWNJ, ZWJ, CGJ
    if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)) return true;  // variation selectors
    if (c >= 0x1F3FB && c <= 0x1F3FF) return true;                              // emoji skin tones
    if (c >= 0xE0020 && c <= 0xE007F) return true;                              // tag characters
    return g_unichar_ismark(static_cast<gunichar>(c)) != 0;
}

bool is_default_ignorable(char32_t c) {
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;
    return c == 0x00AD || c == 0x034F || c == 0x061C || (c >= 0x115F && c <= 0x1160) || (c >= 0x17B4 && c <= 0x17B5) ||
           (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 ||
           (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0x1BCA0 && c <= 0x1BCA3) || (c >= 0x1D173 && c <= 0x1D17A) ||
           (c >= 0xE0000 && c <= 0xE0FFF);
}

bool is_opening_punctuation(char32_t c) {
    if (c == U'"' || c == U'\'' || c == U'\u00BF' || c == U'\u00A1') return true;
    const GUnicodeType t = g_unichar_type(static_cast<gunichar>(c));
    return t == G_UNICODE_OPEN_PUNCTUATION || t == G_UNICODE_INITIAL_PUNCTUATION;
}

bool in_alphabet_with_capitals(std::string_view text, std::size_t from) {
    std::size_t i = from;
    for (int seen = 0; i < text.size() && seen < 64; ++seen) {
        switch (g_unichar_get_script(static_cast<gunichar>(next_char(text, i)))) {
        case G_UNICODE_SCRIPT_COMMON:
        case G_UNICODE_SCRIPT_INHERITED:
        case G_UNICODE_SCRIPT_UNKNOWN:
            continue;
        case G_UNICODE_SCRIPT_LATIN:
        case G_UNICODE_SCRIPT_GREEK:
        case G_UNICODE_SCRIPT_CYRILLIC:
        case G_UNICODE_SCRIPT_ARMENIAN:
        case G_UNICODE_SCRIPT_GEORGIAN:
            return true;
        default:
            return false;
        }
    }
    return true;
}

bool allows_letter_spacing(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        if (joins_or_stacks(next_char(text, i))) return false;
    }
    return true;
}

bool spaces_between_clusters(std::string_view text) {
    bool found = false;
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const char32_t c = next_char(text, i);
        const bool spaceless = (c >= 0x0E00 && c <= 0x0EFF) ||  // Thai, Lao
                               (c >= 0x1000 && c <= 0x109F) ||  // Myanmar
                               (c >= 0x1780 && c <= 0x17FF) ||  // Khmer
                               (c >= 0x19E0 && c <= 0x19FF);    // Khmer symbols
        if (spaceless) {
            found = true;
        } else if (joins_or_stacks(c)) {
            return false;
        }
    }
    return found;
}

bool in_stacking_script(std::string_view text) {
    if (text.empty()) return false;
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) return false;  // ASCII: the common case, at once
        const char32_t c = next_char(text, i);
        const bool stacking = (c >= 0x0900 && c <= 0x0DFF) || (c >= 0x0E00 && c <= 0x0EFF) ||
                              (c >= 0x0F00 && c <= 0x0FFF) || (c >= 0x1000 && c <= 0x109F) ||
                              (c >= 0x1780 && c <= 0x17FF) || (c >= 0x19E0 && c <= 0x19FF) ||
                              (c >= 0xA980 && c <= 0xAAFF) || c == 0x200B || c == 0x200C || c == 0x200D ||
                              g_unichar_ismark(static_cast<gunichar>(c));
        if (!stacking) return false;
    }
    return true;
}

std::size_t closing_punctuation_start(std::string_view word) {
    std::size_t start = word.size();
    while (start > 0) {
        const char c = word[start - 1];
        if (c == '.' || c == ',' || c == ':' || c == ';' || c == '!' || c == '?') {
            --start;
        } else if (start >= 3 && word.compare(start - 3, 3, "\xE2\x80\xA6") == 0) {  // U+2026
            start -= 3;
        } else {
            break;
        }
    }
    return start;
}

bool opens_with_letter_or_digit(std::string_view word) {
    std::size_t i = 0;
    return !word.empty() && g_unichar_isalnum(static_cast<gunichar>(next_char(word, i)));
}

std::size_t safe_cut(std::string_view text, std::size_t limit) {
    if (limit >= text.size()) return text.size();
    // Prefer a cut right after a space within the last quarter.
    for (std::size_t i = limit; i > limit - limit / 4 && i > 0; --i)
        if (text[i - 1] == ' ') return i;
    for (std::size_t i = limit; i > 0; --i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // not a character start
        std::size_t j = i;
        const char32_t next = next_char(text, j);
        if (is_continuation(next)) continue;
        // The character before: a virama / coeng joins what follows.
        std::size_t k = i - 1;
        while (k > 0 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
        std::size_t m = k;
        const char32_t prev = next_char(text, m);
        if (g_unichar_combining_class(static_cast<gunichar>(prev)) == 9 || prev == 0x200D) continue;
        return i;
    }
    return 0;
}

bool is_non_starter(char32_t c) { return g_unichar_combining_class(static_cast<gunichar>(c)) != 0; }

std::string codepoint_list(const std::set<char32_t>& chars) {
    constexpr std::size_t kShown = 8;
    std::string out;
    std::size_t shown = 0;
    for (char32_t c : chars) {
        if (shown++ == kShown) return out + ", ...";
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
        out += (out.empty() ? "" : ", ") + std::string(buf);
    }
    return out;
}

}  // namespace galley::typeset::text
