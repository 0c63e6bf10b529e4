#include "model/direction.h"

#include <glib.h>

#include "base/utf8.h"
#include "model/language.h"

namespace galley::model {
namespace {

/// +1 for a letter written left to right, -1 for one written right to
/// left, 0 for anything else.
int letter_direction(char32_t c) {
    if (c < 0x80) return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ? 1 : 0;
    if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
        (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF)) {
        // Arabic-Indic digits are weak; everything else in these blocks is strong RTL.
        if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9)) return 0;
        return g_unichar_isalpha(static_cast<gunichar>(c)) ? -1 : 0;
    }
    return g_unichar_isalpha(static_cast<gunichar>(c)) ? 1 : 0;
}

/// The character at byte `i` of `text`, moving `i` past it; a malformed
/// byte is skipped alone and counts as no letter.
char32_t next(std::string_view text, std::size_t& i) {
    const utf8::Decoded d = utf8::decode(text, i);
    if (d.length == 0) {
        ++i;
        return 0xFFFD;
    }
    i += d.length;
    return d.code_point;
}

}  // namespace

int strong_direction(std::string_view text) {
    for (std::size_t i = 0; i < text.size();)
        if (const int d = letter_direction(next(text, i)); d != 0) return d;
    return 0;
}

bool has_right_to_left_letter(std::string_view text) {
    if (!may_have_right_to_left(text)) return false;
    for (std::size_t i = 0; i < text.size();)
        if (letter_direction(next(text, i)) < 0) return true;
    return false;
}

bool may_have_right_to_left(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b >= 0xD6 && b <= 0xDF) return true;  // U+0580..U+07FF: Hebrew, Arabic, Syriac, Thaana, N'Ko
        const auto following = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (b == 0xE0 && following >= 0xA0 && following <= 0xA3) return true;  // U+0800..U+08FF
        if (b == 0xEF && following >= 0xAC && following <= 0xBB) return true;  // U+FB00..U+FEFF: presentation forms
        if (b == 0xF0 && (following == 0x90 || following == 0x9E)) return true; // U+10000.., U+1E000..
    }
    return false;
}

int paragraph_direction(std::string_view text, std::string_view lang) {
    const int first = strong_direction(text);
    if (first >= 0 && !lang.empty() && right_to_left(lang) && has_right_to_left_letter(text)) return -1;
    return first;
}

}  // namespace galley::model
